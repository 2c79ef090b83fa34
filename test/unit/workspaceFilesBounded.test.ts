// Breadcrumb targets are read within bounds (issue 12, items 6 and 7): never through a symbolic link out of the
// workspace folder (a tracked `passwd.txt` → `/etc/passwd` is reported as outside, nothing read), never a file over
// the size cap, each file once per analysis and only as far as the largest line cited in it; and a document of
// thousands of bare names costs one pass, not one per pair.
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileFacts } from '../../src/core/facts/files';
import { NEVER_CANCELLED, type WorkspaceFiles } from '../../src/core/interfaces';
import type { FileBreadcrumb } from '../../src/core/model';
import { NodeWorkspaceFiles } from '../../src/node/workspaceFiles';
import { ModelBuilder } from '../fixtures/git/handoff';
import { check, settings } from '../fixtures/git/harness';
import { smallRepo, type SmallRepo } from '../fixtures/git/hostile';

const T = NEVER_CANCELLED;

describe('breadcrumb targets are read within bounds', function () {
  this.timeout(30_000);
  let base: string;
  let repo: SmallRepo;
  before(function () {
    if (!existsSync('/etc/passwd')) this.skip();
    base = realpathSync(mkdtempSync(join(tmpdir(), 'crumb-reads-')));
    repo = smallRepo(join(base, 'repo'));
    symlinkSync('/etc/passwd', join(repo.root, 'passwd.txt'));
    symlinkSync('a.txt', join(repo.root, 'alias.txt'));
    mkdirSync(join(repo.root, 'docs'));
    symlinkSync('/etc', join(repo.root, 'docs', 'etc'));
    repo.git.commit(repo.root, 'links');
  });
  after(() => base && rmSync(base, { recursive: true, force: true }));

  it('a tracked symbolic link out of the workspace: reported as outside, nothing read, no line count leaks', async () => {
    const text = '# Handoff\n\nSee `passwd.txt:999` and `alias.txt:1`.\n';
    const model = new ModelBuilder(text).file('passwd.txt:999').file('alias.txt:1').model;
    const r = await check(model, join(repo.root, 'HANDOFF.md'), { text });
    assert.deepEqual(r.facts.files[0], { kind: 'found', paths: [`${repo.root}/passwd.txt`], lines: null, outside: true });
    assert.deepEqual(r.facts.files[1], { kind: 'found', paths: [`${repo.root}/alias.txt`], lines: 1 }, 'a link inside the workspace is read');
    assert.deepEqual(r.diagnostics, [], 'a line count of /etc/passwd reached a diagnostic');
    assert.ok(r.notices.includes('not read, a symbolic link out of the workspace: passwd.txt'), r.notices.join('\n'));
  });

  it('lineCount: a link out of the listed folder, or through a linked folder, is outside; a link inside is read', async () => {
    const files = new NodeWorkspaceFiles();
    await files.listFiles(repo.root, T);
    assert.equal(await files.lineCount(`${repo.root}/passwd.txt`, T), 'outside');
    assert.equal(await files.lineCount(`${repo.root}/docs/etc/passwd`, T), 'outside');
    assert.equal(await files.lineCount(`${repo.root}/alias.txt`, T), 1);
  });

  it('lineCount reads only as far as the largest line asked about, and never a file over the size cap', async () => {
    // A sparse file of 8 GB: two short lines, then zeros. Read whole, it could not even be held in memory.
    const huge = join(base, 'huge.log');
    writeFileSync(huge, 'one\ntwo\nthree\n');
    truncateSync(huge, 8 * 1024 ** 3);
    const files = new NodeWorkspaceFiles({ maxBytes: 16 * 1024 ** 3 });
    const started = Date.now();
    assert.equal(await files.lineCount(huge, T, 2), 3, 'past line 2: "more than 2"');
    assert.ok(Date.now() - started < 1000);
    assert.equal(await new NodeWorkspaceFiles().lineCount(huge, T, 2), null, 'over the default cap: not read at all');
    const small = join(base, 'small.txt');
    writeFileSync(small, 'a\nb\nc\n');
    assert.equal(await files.lineCount(small, T, 10), 3, 'a file within the line asked about is counted exactly');
    assert.equal(await files.lineCount(small, T), 3);
  });

  it('each target is counted once per analysis, up to the largest line cited in it', async () => {
    const calls: Array<[string, number | undefined]> = [];
    const files: WorkspaceFiles = {
      listFiles: async () => ['/ws/lock.json', '/ws/b.ts'],
      lineCount: async (path, _t, upTo) => { calls.push([path, upTo]); return 100; },
    };
    const text = 'lock.json:5 lock.json:50 lock.json:7-9 b.ts:3\n';
    const model = new ModelBuilder(text).file('lock.json:5').file('lock.json:50').file('lock.json:7-9').file('b.ts:3').model;
    const f = await fileFacts(model.files, { documentPath: '/ws/H.md', root: '/ws', files, git: null, repo: null, anchor: null, headSha: null, wantLines: true, token: T, notices: new Set(), note: () => {} });
    assert.deepEqual(calls.sort(), [['/ws/b.ts', 3], ['/ws/lock.json', 50]]);
    assert.deepEqual(f.files.map((x) => x.kind === 'found' && x.lines), [100, 100, 100, 100]);
    // Past the line cited, the count is a lower bound, and says so.
    const lower = await fileFacts(model.files, { documentPath: '/ws/H.md', root: '/ws', files: { ...files, lineCount: async (_p, _t, upTo) => (upTo ?? 0) + 1 }, git: null, repo: null, anchor: null, headSha: null, wantLines: true, token: T, notices: new Set(), note: () => {} });
    assert.deepEqual(lower.files[1], { kind: 'found', paths: ['/ws/lock.json'], lines: 51, linesAtLeast: true });
  });

  it('20,000 bare names not in the workspace cost one pass (each looks only at its namesakes for a folder)', async () => {
    const crumbs: FileBreadcrumb[] = Array.from({ length: 20_000 }, (_, i) => ({
      path: `lock${i % 7}.json`, line: i + 1, endLine: null, column: null, symbol: null, external: false, phase: null, source: 'text',
      range: { start: { line: i, character: 0 }, end: { line: i, character: 12 } }, qualifier: null, folderHint: null,
    }));
    // Counted, not timed: every read of an entry of the listing (1,000 files, none a namesake) is counted. One pass
    // reads each a few times; looking through the listing for each name would read it 20,000 times over.
    let reads = 0;
    const listed = Array.from({ length: 1000 }, (_, i) => `/ws/src/module${i}.ts`);
    const counted = new Proxy(listed, { get: (t, k, r) => { if (typeof k === 'string' && /^\d+$/.test(k)) reads++; return Reflect.get(t, k, r); } });
    const files: WorkspaceFiles = { listFiles: async () => counted, lineCount: async () => null };
    const f = await fileFacts(crumbs, { documentPath: '/ws/H.md', root: '/ws', files, git: null, repo: null, anchor: null, headSha: null, wantLines: true, token: T, notices: new Set(), note: () => {} });
    assert.equal(f.files.filter((x) => x.kind === 'absent').length, 20_000);
    assert.ok(reads <= 10 * listed.length, `${reads} reads of a 1,000-file listing for 20,000 names`);
  });

  it('with git, a symlink out of the workspace is never a line-out-of-range, whatever line is cited', async () => {
    const text = 'passwd.txt:1\n';
    const r = await check(new ModelBuilder(text).file('passwd.txt:1').model, join(repo.root, 'H2.md'), { text, settings: settings() });
    assert.equal(r.facts.files[0]?.kind === 'found' && r.facts.files[0].lines, null);
  });
});
