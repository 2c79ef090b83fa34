// missing-file and line-out-of-range on their own: breadcrumb resolution over an in-memory workspace (pure logic;
// the history cases with real git are in gitFiles.test.ts), and the rule over each kind of file fact.
import { strict as assert } from 'node:assert';
import { fileFacts } from '../../src/core/facts/files';
import { FileIndex } from '../../src/core/facts/fileIndex';
import { emptyFacts, type FileFact } from '../../src/core/facts/types';
import { NEVER_CANCELLED, type WorkspaceFiles } from '../../src/core/interfaces';
import type { FileBreadcrumb } from '../../src/core/model';
import { fileRules } from '../../src/core/rules/fileRules';
import { MAX_MESSAGE } from '../../src/core/rules/severity';
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

/** Facts without git (no repository: no history), then the rules, as `line:char code/severity: message`. */
async function run(text: string, crumbs: string[], opts: { rules?: Parameters<typeof settings>[0]; external?: string[] } = {}) {
  const b = new ModelBuilder(text);
  for (const c of crumbs) b.file(c);
  for (const e of opts.external ?? []) {
    b.file(e);
    b.model.files[b.model.files.length - 1]!.external = true;
  }
  const files = memoryFiles(FILES);
  const s = settings(opts.rules);
  const f = await fileFacts(b.model.files, {
    documentPath: '/ws/docs/HANDOFF.md', root: ROOT, files, git: null, repo: null, anchor: null, headSha: null, wantLines: true,
    token: NEVER_CANCELLED, notices: new Set(), note: () => {},
  });
  const facts = { ...emptyFacts(b.model), files: f.files };
  const diagnostics = fileRules(b.model.files, facts, s).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}/${d.severity}: ${d.message}`);
  return { diagnostics, files, facts: f.files };
}

describe('file rules', () => {
  it('resolves root-relative, document-relative, bare unique names, folders and framework paths', async () => {
    const text = '`src/app.ts:30` [spec](specs/x.md) `../src/app.ts` `graphWebview.ts:3247` `src/webview/` `api/users/[id]/route.ts` `src/app/(auth)/login/page.tsx:9`';
    const r = await run(text, ['src/app.ts:30', 'specs/x.md', '../src/app.ts', 'graphWebview.ts:3247', 'src/webview/', 'api/users/[id]/route.ts', 'src/app/(auth)/login/page.tsx:9']);
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.files.lists, 1, 'one listing per analysis');
    assert.deepEqual(r.facts.map((f) => (f.kind === 'found' ? f.paths : f.kind)), [['/ws/src/app.ts'], ['/ws/docs/specs/x.md'], ['/ws/src/app.ts'],
      ['/ws/src/webview/graphWebview.ts'], 'dir', ['/ws/api/users/[id]/route.ts'], ['/ws/src/app/(auth)/login/page.tsx']]);
  });

  it('an ambiguous bare name is no problem (its matches are the link targets); a line past the end is', async () => {
    const text = 'see `src/gone.ts` and `index.ts:2`\nthen `graphWebview.ts:4001` and `src/app.ts:31-40`';
    const r = await run(text, ['src/gone.ts', 'index.ts:2', 'graphWebview.ts:4001', 'src/app.ts:31-40']);
    assert.deepEqual(r.diagnostics, [
      '0:5 missing-file/hint: src/gone.ts is not in this repository (planned, or in another repository?)',
      '1:6 line-out-of-range/warning: graphWebview.ts: line 4001 is past the end of the file (4000 lines)',
      '1:33 line-out-of-range/warning: src/app.ts: line 31 is past the end of the file (30 lines)',
    ]);
    assert.deepEqual(r.facts[1], { kind: 'found', paths: ['/ws/a/index.ts', '/ws/b/index.ts'], lines: null });
  });

  it('globs and patterns are not looked up at all', async () => {
    const r = await run('`src/*.ts` `docs/**/x.md` `{a,b}.ts`', ['src/*.ts', 'docs/**/x.md', '{a,b}.ts']);
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(r.facts.map((f) => f.kind), ['unchecked', 'unchecked', 'unchecked']);
  });

  it('skips external paths and honours rules turned off', async () => {
    const ext = await run('`/etc/hosts` `~/x.md`', [], { external: ['/etc/hosts', '~/x.md'] });
    assert.deepEqual(ext.diagnostics, []);
    assert.equal(ext.files.lists, 0, 'nothing to resolve: no listing');
    const off = await run('`src/gone.ts` `src/app.ts:99`', ['src/gone.ts', 'src/app.ts:99'], { rules: { 'missing-file': 'off' } });
    assert.deepEqual(off.diagnostics, ['0:15 line-out-of-range/warning: src/app.ts: line 99 is past the end of the file (30 lines)']);
  });

  it('a model judged again against the same listing resolves nothing twice; a new listing is read afresh', async () => {
    const text = '`src/app.ts:3` `graphWebview.ts:9` `index.ts` `src/webview/` `src/gone.ts`';
    const b = new ModelBuilder(text);
    for (const c of ['src/app.ts:3', 'graphWebview.ts:9', 'index.ts', 'src/webview/', 'src/gone.ts']) b.file(c);
    let listing = Object.keys(FILES);
    const files: WorkspaceFiles = { listFiles: async () => listing, lineCount: async () => 100 };
    const judge = () => fileFacts(b.model.files, { documentPath: '/ws/docs/HANDOFF.md', root: ROOT, files, git: null, repo: null, anchor: null,
      headSha: null, wantLines: false, token: NEVER_CANCELLED, notices: new Set(), note: () => {} });
    // Every question resolution asks of the index, counted.
    const proto = FileIndex.prototype;
    const [has, bySuffix] = [proto.has, proto.bySuffix];
    let asked = 0;
    proto.has = function (this: FileIndex, p: string) { asked++; return has.call(this, p); };
    proto.bySuffix = function (this: FileIndex, p: string) { asked++; return bySuffix.call(this, p); };
    try {
      const first = await judge();
      const askedFirst = asked;
      assert.ok(askedFirst > 0);
      const again = await judge();
      assert.equal(asked, askedFirst, 'the same model against the same listing asks the index nothing again');
      assert.deepEqual(again.files, first.files);
      assert.deepEqual(first.files.map((f) => (f.kind === 'found' ? f.paths : f.kind)), [['/ws/src/app.ts'], ['/ws/src/webview/graphWebview.ts'],
        ['/ws/a/index.ts', '/ws/b/index.ts'], 'dir', 'absent']);
      // The facts are the caller's to annotate (line counts, drift): a second judgement starts from clean ones.
      assert.notEqual(again.files[0], first.files[0]);
      // The workspace changed: src/app.ts is gone from the new listing, and the model is judged against it.
      listing = listing.filter((f) => f !== '/ws/src/app.ts');
      const after = await judge();
      assert.ok(asked > askedFirst);
      assert.equal(after.files[0]!.kind, 'absent');
    } finally {
      proto.has = has;
      proto.bySuffix = bySuffix;
    }
  });

  it('judges nothing when cancelled during the listing (it may be partial)', async () => {
    const b = new ModelBuilder('`src/app.ts:99`').file('src/app.ts:99');
    const token = { isCancellationRequested: false };
    const files: WorkspaceFiles = { listFiles: async () => { token.isCancellationRequested = true; return []; }, lineCount: async () => 1 };
    const r = await fileFacts(b.model.files, { documentPath: '/ws/HANDOFF.md', root: ROOT, files, git: null, repo: null, anchor: null, headSha: null,
      wantLines: true, token, notices: new Set(), note: () => {} });
    assert.deepEqual(r.files, [{ kind: 'unchecked' }]);
  });

  it('never throws on odd breadcrumbs', async () => {
    const odd = ['.', './', '..', '../../..', '/', '//x', 'a/../../b', '\\\\server\\share', 'C:\\x.ts', ':', '\u0000', '🙂.ts:1', 'x'.repeat(5000)];
    const b = new ModelBuilder(odd.join(' '));
    for (const o of odd) {
      b.model.files.push({ path: o, line: 1e9, endLine: -5, column: null, symbol: null, external: false, phase: null, source: 'text', qualifier: null, folderHint: null,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } });
    }
    const f = await fileFacts(b.model.files, { documentPath: 'HANDOFF.md', root: '', files: memoryFiles(FILES), git: null, repo: null, anchor: null,
      headSha: null, wantLines: true, token: NEVER_CANCELLED, notices: new Set(), note: () => {} });
    fileRules(b.model.files, { ...emptyFacts(b.model), files: f.files }, settings());
  });
});

describe('missing-file over each kind of file fact', () => {
  const crumb = (path: string, qualifier: FileBreadcrumb['qualifier'] = null): FileBreadcrumb => ({
    path, line: null, endLine: null, column: null, symbol: null, external: false, source: 'code', qualifier, folderHint: null, phase: null,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: path.length } },
  });
  const del = (path: string, renamedTo: string | null = null) => ({ path, sha: 'a1b2c3d4'.padEnd(40, '0'), time: 100, subject: 'Tidy up', renamedTo });
  const judge = (c: FileBreadcrumb, f: FileFact) => {
    const facts = { ...emptyFacts({ refs: [], files: [c] }), files: [f], repo: { root: '/ws', gitDir: '/ws/.git', commonDir: '/ws/.git', shallow: false, head: { kind: 'branch' as const, name: 'main' } } };
    return fileRules([c], facts, settings()).map((d) => `${d.severity}: ${d.message}${d.related ? ` → ${d.related.map((r) => r.path).join(', ')}` : ''}`);
  };

  it('gone after the handoff: a warning naming the commit, and where a rename went', () => {
    assert.deepEqual(judge(crumb('src/old.ts'), { kind: 'gone', when: 'after-anchor', paths: ['src/old.ts'], deletion: del('src/old.ts'), movedTo: null }),
      ['warning: src/old.ts was deleted in a1b2c3d (Tidy up), after this handoff']);
    assert.deepEqual(judge(crumb('src/old.ts'), { kind: 'gone', when: 'after-anchor', paths: ['src/old.ts'], deletion: del('src/old.ts', 'lib/new.ts'), movedTo: '/ws/lib/new.ts' }),
      ['warning: src/old.ts was renamed to lib/new.ts in a1b2c3d, after this handoff → /ws/lib/new.ts']);
    assert.deepEqual(judge(crumb('src/old.ts'), { kind: 'gone', when: 'after-anchor', paths: ['src/old.ts'], deletion: del('src/old.ts', 'lib/new.ts'), movedTo: null }),
      ['warning: src/old.ts was renamed to lib/new.ts in a1b2c3d, after this handoff; lib/new.ts is gone too']);
    assert.deepEqual(judge(crumb('old.ts'), { kind: 'gone', when: 'work-tree', paths: ['src/old.ts'], deletion: null, movedTo: null }),
      ['warning: old.ts is deleted in the work tree (not committed)']);
  });

  it('gone before the handoff: a rename is still an outdated path (warning); a deletion is what it tells of (hint)', () => {
    assert.deepEqual(judge(crumb('src/old.ts'), { kind: 'gone', when: 'before-anchor', paths: ['src/old.ts'], deletion: del('src/old.ts', 'lib/new.ts'), movedTo: '/ws/lib/new.ts' }),
      ['warning: src/old.ts was renamed to lib/new.ts in a1b2c3d, before this handoff was written → /ws/lib/new.ts']);
    assert.deepEqual(judge(crumb('src/old.ts'), { kind: 'gone', when: 'before-anchor', paths: ['src/old.ts'], deletion: del('src/old.ts'), movedTo: null }),
      ['hint: src/old.ts was deleted in a1b2c3d (Tidy up), before this handoff was written']);
  });

  it('ignored, in a submodule, a folder, never here, or qualified by the document\'s own words: no problem', () => {
    assert.deepEqual(judge(crumb('.env'), { kind: 'ignored' }), []);
    assert.deepEqual(judge(crumb('vendor/lib/x.c'), { kind: 'submodule', submodule: 'vendor/lib' }), []);
    assert.deepEqual(judge(crumb('src/'), { kind: 'dir' }), []);
    assert.deepEqual(judge(crumb('src/planned.ts'), { kind: 'absent' }), ['hint: src/planned.ts is not in this repository (planned, or in another repository?)']);
    for (const q of ['removed', 'renamed', 'struck', 'elsewhere'] as const) {
      assert.deepEqual(judge(crumb('src/old.ts', q), { kind: 'gone', when: 'after-anchor', paths: ['src/old.ts'], deletion: del('src/old.ts'), movedTo: null }), [], q);
    }
    // "Planned" explains a file that was not there yet; one that was there when written and went since is news.
    assert.deepEqual(judge(crumb('src/new.ts', 'planned'), { kind: 'absent' }), []);
    assert.deepEqual(judge(crumb('src/new.ts', 'planned'), { kind: 'gone', when: 'after-anchor', paths: ['src/new.ts'], deletion: del('src/new.ts', 'lib/new.ts'), movedTo: '/ws/lib/new.ts' }),
      ['warning: src/new.ts was renamed to lib/new.ts in a1b2c3d, after this handoff → /ws/lib/new.ts']);
  });

  it('messages stay short: at most five paths named, the rest counted, never past the bound', () => {
    const paths = Array.from({ length: 40 }, (_, i) => `packages/p${i}/src/components/very/deep/folder/config.ts`);
    const [message] = judge(crumb('config.ts'), { kind: 'gone', when: 'after-anchor', paths, deletion: del(paths[0]!), movedTo: null });
    assert.ok(message!.length <= MAX_MESSAGE + 'warning: '.length, message);
    assert.match(message!, /packages\/p4\/src/);
    assert.doesNotMatch(message!, /packages\/p5\//);
  });
});
