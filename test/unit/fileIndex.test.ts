// FileIndex answers from indexes it builds on first use (a commit's tree is only asked by suffix): its answers are
// the definitions' — a folder is any proper prefix of a listed path up to a slash (not the root, not a one-letter
// first folder of a relative path, as the listing's own folders never are), a suffix match is the path or a
// `/`-bounded tail of it — whichever question comes first.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { FileIndex } from '../../src/core/facts/fileIndex';
import { normalizePath } from '../../src/core/git/paths';

function isDirByDefinition(files: readonly string[], p: string): boolean {
  if (p.length <= 1 || p === '.') return false;
  return files.map(normalizePath).some((f) => f.startsWith(`${p}/`));
}

function bySuffixByDefinition(files: readonly string[], suffix: string): string[] {
  const base = suffix.slice(suffix.lastIndexOf('/') + 1);
  return [...new Set(files.map(normalizePath))].filter((f) => f.slice(f.lastIndexOf('/') + 1) === base && (f === suffix || f.endsWith(`/${suffix}`)));
}

describe('FileIndex', () => {
  const segment = fc.constantFrom('a', 'b', 'src', 'x.ts', 'a.ts', '.', '..', '');
  const path = fc.tuple(fc.boolean(), fc.array(segment, { minLength: 1, maxLength: 5 })).map(([abs, s]) => (abs ? '/' : '') + s.join('/'));

  it('answers folders, files and suffixes as their definitions do, in any order of questions', () => {
    fc.assert(fc.property(fc.array(path, { maxLength: 12 }), fc.array(path, { minLength: 1, maxLength: 8 }), fc.boolean(), (files, asked, suffixFirst) => {
      const index = new FileIndex(files);
      const ask = (p: string) => [index.bySuffix(p).sort(), index.isDir(p), index.has(p)] as const;
      for (const p of suffixFirst ? asked : [...asked].reverse()) {
        const [suffix, dir, has] = ask(p);
        assert.deepEqual(suffix, bySuffixByDefinition(files, p).sort(), `bySuffix ${p} in ${JSON.stringify(files)}`);
        assert.equal(dir, isDirByDefinition(files, p), `isDir ${p} in ${JSON.stringify(files)}`);
        assert.equal(has, index.all.has(p) || dir, `has ${p}`);
      }
    }), { seed: 7, numRuns: 5_000 });
  });

  it('knows every folder of a deep listing, and no file is a folder', () => {
    const index = new FileIndex(['/w/src/a/b/c.ts', '/w/src/a/d.ts', '/w/README.md', 'rel/x/y.md', 'a/z.md']);
    for (const d of ['/w', '/w/src', '/w/src/a', '/w/src/a/b', 'rel', 'rel/x']) assert.ok(index.isDir(d), d);
    for (const n of ['/', '.', '/w/src/a/d.ts', '/w/README.md', '/w/sr', 'a', 'rel/x/y.md']) assert.ok(!index.isDir(n), n);
    assert.deepEqual(index.bySuffix('a/d.ts'), ['/w/src/a/d.ts']);
    assert.deepEqual(index.bySuffix('d.ts'), ['/w/src/a/d.ts']);
    assert.deepEqual(index.bySuffix('rc/a/d.ts'), []);
  });
});
