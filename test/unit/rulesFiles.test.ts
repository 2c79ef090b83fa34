// missing-file and line-out-of-range on their own, over an in-memory workspace (file resolution is pure logic;
// the real-git cases are in gitRules.test.ts).
import { strict as assert } from 'node:assert';
import { HistoryGraph } from '../../src/core/git';
import { NEVER_CANCELLED, type WorkspaceFiles } from '../../src/core/interfaces';
import { fileRules } from '../../src/core/rules/fileRules';
import { ModelBuilder } from '../fixtures/git/handoff';
import { settings } from '../fixtures/git/harness';

/** Files given as `path → line count`; counts every listFiles call. */
function memoryFiles(files: Record<string, number>): WorkspaceFiles & { lists: number } {
  const w = {
    lists: 0,
    async listFiles(root: string) { w.lists++; return Object.keys(files).filter((f) => f.startsWith(root + '/')); },
    async lineCount(path: string) { return files[path] ?? null; },
  };
  return w;
}

const ROOT = '/ws';
const FILES = {
  '/ws/src/app.ts': 30, '/ws/src/webview/graphWebview.ts': 4000, '/ws/docs/specs/x.md': 20, '/ws/docs/HANDOFF.md': 10,
  '/ws/a/index.ts': 5, '/ws/b/index.ts': 5, '/ws/api/users/[id]/route.ts': 12, '/ws/src/app/(auth)/login/page.tsx': 9,
};

async function run(text: string, crumbs: string[], opts: { graph?: HistoryGraph; rules?: Parameters<typeof settings>[0]; external?: string[] } = {}) {
  const b = new ModelBuilder(text);
  for (const c of crumbs) b.file(c);
  for (const e of opts.external ?? []) {
    b.file(e);
    b.model.files[b.model.files.length - 1]!.external = true;
  }
  const files = memoryFiles(FILES);
  const { diagnostics, targets } = await fileRules(b.model.files, {
    documentPath: '/ws/docs/HANDOFF.md', root: ROOT, files, settings: settings(opts.rules), token: NEVER_CANCELLED,
    graph: async () => opts.graph ?? null,
  });
  return { diagnostics: diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}: ${d.message}`), files, targets };
}

describe('file rules', () => {
  it('resolves root-relative, document-relative, bare unique names, folders and framework paths', async () => {
    const text = '`src/app.ts:30` [spec](specs/x.md) `../src/app.ts` `graphWebview.ts:3247` `src/webview/` `api/users/[id]/route.ts` `src/app/(auth)/login/page.tsx:9`';
    const r = await run(text, ['src/app.ts:30', 'specs/x.md', '../src/app.ts', 'graphWebview.ts:3247', 'src/webview/', 'api/users/[id]/route.ts', 'src/app/(auth)/login/page.tsx:9']);
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.files.lists, 1, 'one listing per analysis');
    assert.deepEqual(r.targets, [['/ws/src/app.ts'], ['/ws/docs/specs/x.md'], ['/ws/src/app.ts'], ['/ws/src/webview/graphWebview.ts'], null,
      ['/ws/api/users/[id]/route.ts'], ['/ws/src/app/(auth)/login/page.tsx']]);
  });

  it('reports missing files, several matches, and lines past the end — each at its breadcrumb', async () => {
    const text = 'see `src/gone.ts` and `index.ts:2`\nthen `graphWebview.ts:4001` and `src/app.ts:10-31`';
    const r = await run(text, ['src/gone.ts', 'index.ts:2', 'graphWebview.ts:4001', 'src/app.ts:10-31']);
    assert.deepEqual(r.diagnostics, [
      '0:5 missing-file: src/gone.ts does not exist in the workspace',
      '0:23 missing-file: index.ts matches 2 files: a/index.ts, b/index.ts',
      '1:6 line-out-of-range: graphWebview.ts: line 4001 is past the end of the file (4000 lines)',
      '1:33 line-out-of-range: src/app.ts: line 31 is past the end of the file (30 lines)',
    ]);
    assert.deepEqual(r.targets, [[], ['/ws/a/index.ts', '/ws/b/index.ts'], ['/ws/src/webview/graphWebview.ts'], ['/ws/src/app.ts']]);
  });

  it('says where a file went when the history records a rename (following chains)', async () => {
    const graph = new HistoryGraph({
      complete: true,
      commits: [
        { sha: 'b'.repeat(40), parents: ['a'.repeat(40)], subject: 'move again', body: '', renames: [{ from: 'src/mid.ts', to: 'src/app.ts' }] },
        { sha: 'a'.repeat(40), parents: [], subject: 'move', body: '', renames: [{ from: 'lib/old.ts', to: 'src/mid.ts' }] },
      ],
    });
    const r = await run('`old.ts` and `lib/old.ts`', ['old.ts', 'lib/old.ts'], { graph });
    assert.deepEqual(r.diagnostics, [
      '0:1 missing-file: old.ts no longer exists: moved to src/app.ts in bbbbbbb',
      '0:14 missing-file: lib/old.ts no longer exists: moved to src/app.ts in bbbbbbb',
    ]);
    const gone = new HistoryGraph({ complete: true, commits: [
      { sha: 'c'.repeat(40), parents: [], subject: 'move', body: '', renames: [{ from: 'src/was.ts', to: 'src/later-deleted.ts' }] },
    ] });
    assert.deepEqual((await run('`src/was.ts`', ['src/was.ts'], { graph: gone })).diagnostics, [
      '0:1 missing-file: src/was.ts no longer exists: moved to src/later-deleted.ts in ccccccc, which is gone too',
    ]);
  });

  it('skips external paths and honours rules turned off', async () => {
    const ext = await run('`/etc/hosts` `~/x.md`', [], { external: ['/etc/hosts', '~/x.md'] });
    assert.deepEqual(ext.diagnostics, []);
    assert.equal(ext.files.lists, 0, 'nothing to resolve: no listing');
    const off = await run('`src/gone.ts` `src/app.ts:99`', ['src/gone.ts', 'src/app.ts:99'], { rules: { 'missing-file': 'off' } });
    assert.deepEqual(off.diagnostics, ['0:15 line-out-of-range: src/app.ts: line 99 is past the end of the file (30 lines)']);
    const none = await run('`src/gone.ts` `src/app.ts:99`', ['src/gone.ts', 'src/app.ts:99'], { rules: { 'missing-file': 'off', 'line-out-of-range': 'off' } });
    assert.deepEqual(none.diagnostics, []);
    assert.equal(none.files.lists, 0);
  });

  it('judges nothing when cancelled during the listing (it may be partial)', async () => {
    const b = new ModelBuilder('`src/app.ts:99`').file('src/app.ts:99');
    const token = { isCancellationRequested: false };
    const files: WorkspaceFiles = { listFiles: async () => { token.isCancellationRequested = true; return []; }, lineCount: async () => 1 };
    const r = await fileRules(b.model.files, { documentPath: '/ws/HANDOFF.md', root: ROOT, files, settings: settings(), token, graph: async () => null });
    assert.deepEqual(r, { diagnostics: [], targets: [null] });
  });

  it('never throws on odd breadcrumbs', async () => {
    const odd = ['.', './', '..', '../../..', '/', '//x', 'a/../../b', '\\\\server\\share', 'C:\\x.ts', ':', '\u0000', '🙂.ts:1', 'x'.repeat(5000)];
    const text = odd.join(' ');
    const b = new ModelBuilder(text);
    for (const o of odd) {
      b.model.files.push({ path: o, line: 1e9, endLine: -5, column: null, symbol: null, external: false, phase: null, source: 'text', qualifier: null, folderHint: null,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } });
    }
    await fileRules(b.model.files, { documentPath: 'HANDOFF.md', root: '', files: memoryFiles(FILES), settings: settings(), token: NEVER_CANCELLED, graph: async () => null });
  });
});
