// normalizePath returns a path already normal as it is (its fast path, taken for almost every breadcrumb): the
// answer is the segment-by-segment one for every path, normal or not.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { joinBase, joinPath, joinTo, normalizePath, relativeFrom, relativeJoin, relativeTo } from '../../src/core/git/paths';

/** The definition: `.` and empty segments dropped, `..` taking the one before (kept at the start of a relative path). */
function bySegments(p: string): string {
  const s = p.replace(/\\/g, '/');
  const absolute = s.startsWith('/');
  const out: string[] = [];
  for (const part of s.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(part);
  }
  return (absolute ? '/' : '') + out.join('/');
}

describe('core paths: normalizePath', () => {
  it('agrees with the segment-by-segment definition on any mix of names, dots, slashes and backslashes', () => {
    const piece = fc.constantFrom('a', 'src', '.', '..', '...', '', '/', '\\', 'c.d', '..x', 'x..', '.x', 'C:', '\n');
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }).map((a) => a.join('')), (p) => {
      assert.equal(normalizePath(p), bySegments(p), JSON.stringify(p));
    }), { seed: 42, numRuns: 50_000 });
  });

  it('leaves normal paths alone and normalises the rest', () => {
    for (const p of ['src/app.ts', '/w/src/app.ts', '/', 'a', '.x/y', 'x../y']) assert.equal(normalizePath(p), p);
    assert.equal(normalizePath('./src//app.ts/'), 'src/app.ts');
    assert.equal(normalizePath('src\\a\\..\\b.ts'), 'src/b.ts');
    assert.equal(normalizePath('../a/./b'), '../a/b');
    assert.equal(normalizePath('/..'), '/');
    assert.equal(normalizePath(''), '');
  });
});

describe('core paths: relativeFrom', () => {
  it('writes a path as seen from a folder, both relative to one root', () => {
    assert.equal(relativeFrom('.planning/phases/07-api', '.planning/phases/07-api/07-CONTEXT.md'), '07-CONTEXT.md');
    assert.equal(relativeFrom('.planning/phases/07-api', '.planning/phases/06-db/06-REVIEW.md'), '../06-db/06-REVIEW.md');
    assert.equal(relativeFrom('.', 'run.sh'), 'run.sh');
    assert.equal(relativeFrom('docs/status', 'scripts/run.sh'), '../../scripts/run.sh');
    assert.equal(relativeFrom('a/b', 'a/b'), '../b', 'a path named like its folder is the folder\'s own entry');
  });

  it('joined back to its folder, it is the path again', () => {
    const segment = fc.constantFrom('a', 'b', 'c', 'd.md');
    const path = fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => s.join('/'));
    fc.assert(fc.property(fc.array(segment, { maxLength: 4 }), path, (dirSegments, p) => {
      const dir = dirSegments.length ? dirSegments.join('/') : '.';
      assert.equal(joinPath(`/root/${dir}`, relativeFrom(dir, p)), `/root/${p}`);
    }), { seed: 12, numRuns: 500 });
  });
});

describe('core paths: joining many paths to one folder', () => {
  // A folder a batch joins every breadcrumb to has its normality found once (joinBase); the answers are joinPath's and
  // relativeTo's, for any folder and path, normal or not.
  const piece = fc.constantFrom('a', 'src', '.', '..', '', '/', '\\', 'c.d', '..x', '.x', 'C:', ' ');
  const anyPath = fc.array(piece, { maxLength: 8 }).map((a) => a.join(''));
  // Folders as the callers give them (normalised, or the dirname of one), and any string at all.
  const folder = fc.oneof(anyPath.map(normalizePath), anyPath.map((p) => normalizePath(`/${p}`)), anyPath);

  it('joinTo is joinPath', () => {
    fc.assert(fc.property(folder, anyPath, (dir, rel) => {
      assert.equal(joinTo(joinBase(dir), rel), joinPath(dir, rel), JSON.stringify([dir, rel]));
    }), { seed: 5, numRuns: 50_000 });
  });

  it('relativeJoin is relativeTo of joinPath, from the folder\'s own place under the root', () => {
    fc.assert(fc.property(folder, folder, anyPath, (root, dir, rel) => {
      const under = relativeTo(root, dir);
      assert.equal(relativeJoin(root, joinBase(dir), under, rel), relativeTo(root, joinPath(dir, rel)), JSON.stringify([root, dir, rel]));
    }), { seed: 6, numRuns: 50_000 });
  });

  it('folders inside the root, and the root itself', () => {
    assert.equal(relativeJoin('/w', joinBase('/w/docs'), 'docs', 'src/a.ts'), 'docs/src/a.ts');
    assert.equal(relativeJoin('/w', joinBase('/w'), '', 'src/a.ts'), 'src/a.ts');
    assert.equal(relativeJoin('/w', joinBase('/w/docs'), 'docs', '../src/a.ts'), 'src/a.ts');
    assert.equal(relativeJoin('/w/x', joinBase('/w'), null, 'x/a.ts'), 'a.ts', 'a folder outside the root can still reach into it');
    assert.equal(joinTo(joinBase('/'), 'a.ts'), '/a.ts');
  });
});
