// The store's pure decisions: newest-first order, where a breadcrumb may be on disk, the search glob, the
// merged exclude, and whether a result may land.
import { strict as assert } from 'node:assert';
import { candidatePaths, compareNewestFirst, mayLand, mergeExcludes, openedNeedsAnalysis, searchGlobFor } from '../../src/vscode/store/model';
import { statusText } from '../../src/vscode/status/model';

describe('vscode store model', () => {
  it('orders handoffs newest first: stated date, then file time, then path', () => {
    const items = [
      { date: null, mtime: 500, path: '/w/HANDOFF.md' },
      { date: '2026-01-02', mtime: 1, path: '/w/b.md' },
      { date: '2026-03-01', mtime: 1, path: '/w/c.md' },
      { date: null, mtime: 900, path: '/w/NEXT_SESSION.md' },
      { date: '2026-01-02', mtime: 7, path: '/w/a.md' },
    ];
    assert.deepEqual([...items].sort(compareNewestFirst).map((i) => i.path), ['/w/c.md', '/w/a.md', '/w/b.md', '/w/NEXT_SESSION.md', '/w/HANDOFF.md']);
  });

  it('looks for a breadcrumb beside the handoff first, then at each root', () => {
    assert.deepEqual(candidatePaths('src/app.ts', '/w/docs/handoffs/h.md', ['/w', '/other']), ['/w/docs/handoffs/src/app.ts', '/w/src/app.ts', '/other/src/app.ts']);
    assert.deepEqual(candidatePaths('./app.ts', '/w/HANDOFF.md', ['/w']), ['/w/app.ts']);
    assert.deepEqual(candidatePaths('../up.ts', '/w/docs/h.md', ['/w']), ['/w/up.ts', '/up.ts']);
    assert.deepEqual(candidatePaths('/abs.ts', '/w/h.md', ['/w']), []);
  });

  it('searches only for paths a glob can name literally', () => {
    assert.equal(searchGlobFor('helper.ts'), '**/helper.ts');
    assert.equal(searchGlobFor('lib/helper.ts'), '**/lib/helper.ts');
    assert.equal(searchGlobFor('pages/[id].tsx'), null);
    assert.equal(searchGlobFor('../x.ts'), null);
    assert.equal(searchGlobFor(''), null);
  });

  it('merges exclude globs into one for findFiles, or gives up on nested braces', () => {
    assert.equal(mergeExcludes([]), null);
    assert.equal(mergeExcludes(['**/a/**']), '**/a/**');
    assert.equal(mergeExcludes(['**/a/**', '**/b/**']), '{**/a/**,**/b/**}');
    assert.equal(mergeExcludes(['**/a/**', '**/{b,c}/**']), null);
  });

  it('lands a result only for the newest analysis of the version the editor shows', () => {
    assert.equal(mayLand({ generation: 3, version: 7 }, { generation: 3, openVersion: 7 }), true);
    assert.equal(mayLand({ generation: 3, version: -1 }, { generation: 3, openVersion: undefined }), true);
    assert.equal(mayLand({ generation: 2, version: 7 }, { generation: 3, openVersion: 7 }), false, 'superseded by a later analysis');
    assert.equal(mayLand({ generation: 3, version: 6 }, { generation: 3, openVersion: 7 }), false, 'edited since');
    assert.equal(mayLand({ generation: 3, version: -1 }, { generation: 3, openVersion: 2 }), false, 'opened since: the text wins over the disk');
  });

  it('analyses a known handoff on opening only when no analysis of its version could land otherwise', () => {
    assert.equal(openedNeedsAnalysis({ version: -1 }, { version: -1 }, 1), true, 'from disk in flight: it will be dropped');
    assert.equal(openedNeedsAnalysis({ version: -1 }, undefined, 1), true, 'the first analysis in flight, from disk');
    assert.equal(openedNeedsAnalysis(undefined, undefined, 1), true, 'nothing landed and nothing coming');
    assert.equal(openedNeedsAnalysis({ version: 1 }, undefined, 1), false, 'the version shown is on its way');
    assert.equal(openedNeedsAnalysis(undefined, { version: -1 }, 1), false, 'the disk\'s text stands until an edit');
  });

  it('words the status bar with only the non-zero parts', () => {
    assert.equal(statusText({ open: 3, unpushed: 2, stale: 0 }), 'Handoff: 2 unpushed · 3 open steps');
    assert.equal(statusText({ open: 1, unpushed: 0, stale: 3 }), 'Handoff: 3 stale · 1 open step');
    assert.equal(statusText({ open: 0, unpushed: 0, stale: 0 }), 'Handoff: all clear');
  });
});
