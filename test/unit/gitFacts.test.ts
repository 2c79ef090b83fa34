// The Node GitProvider and WorkspaceFiles against real repositories: what the editor will show (commit
// details, patch), what the rules read (history, renames), and how files are listed and counted.
import { strict as assert } from 'node:assert';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NEVER_CANCELLED } from '../../src/core/interfaces';
import type { RepoInfo } from '../../src/core/git';
import { NodeGitProvider } from '../../src/node/gitFacts';
import { NodeWorkspaceFiles } from '../../src/node/workspaceFiles';
import { buildGitFixture, type GitFixture } from '../fixtures/gitFixture';

const T = NEVER_CANCELLED;

describe('Node git provider', () => {
  let fx: GitFixture;
  let git: NodeGitProvider;
  let repo: RepoInfo;
  before(async () => {
    fx = buildGitFixture();
    git = new NodeGitProvider();
    const d = await git.discover(join(fx.work, 'src'), T);
    assert.ok(d.ok);
    repo = d.value;
  });
  after(() => fx.cleanup());

  it('discovers the repository from a subfolder, with its head state', async () => {
    assert.equal(repo.root, fx.work);
    assert.equal(repo.shallow, false);
    assert.deepEqual(repo.head, { kind: 'branch', name: 'main' });
    const det = await git.discover(fx.detached, T);
    assert.ok(det.ok && det.value.head.kind === 'detached');
    const sh = await git.discover(fx.shallow, T);
    assert.ok(sh.ok && sh.value.shallow);
    const plain = await git.discover(fx.plain, T);
    assert.deepEqual(plain.ok ? null : plain.problem.kind, 'not-a-repository');
  });

  it('commitDetails: subject, author, date, changed files, containing branches and tags', async () => {
    const d = await git.commitDetails(repo, fx.shas.parser.slice(0, 7), T);
    assert.ok(d.ok);
    assert.deepEqual(d.value, {
      sha: fx.shas.parser, subject: 'Add parser', author: 'Fixture Author', authorEmail: 'fixture@example.com',
      date: '2026-01-01T00:03:00+00:00', filesChanged: 1,
      localBranches: ['main', 'release/1.0', 'spike'], remoteBranches: ['origin/main', 'origin/release/1.0'], tags: ['v1.0.0'],
    });
    const local = await git.commitDetails(repo, fx.shas.unpushed, T);
    assert.ok(local.ok);
    assert.deepEqual([local.value.localBranches, local.value.remoteBranches], [['main'], []]);
    const gone = await git.commitDetails(repo, fx.absentSha, T);
    assert.equal(gone.ok, false);
  });

  it('commitPatch: header, stat and patch', async () => {
    const p = await git.commitPatch(repo, fx.renamed.sha, T);
    assert.ok(p.ok);
    assert.match(p.value, new RegExp(`^commit ${fx.renamed.sha}\n`));
    assert.match(p.value, /\nAuthor: +Fixture Author <fixture@example.com>\n/);
    assert.match(p.value, /\n {4}Move helper to lib\n/);
    assert.match(p.value, /src\/\{old => lib\}\/helper\.ts/);
    assert.match(p.value, /\nrename from src\/old\/helper\.ts\nrename to src\/lib\/helper\.ts\n/);
  });

  it('facts do not depend on the remote-refs guess being right (a wrong guess costs one more log at most)', async () => {
    const x = fx.shas;
    const shas = [x.parser, x.unpushed, x.spike, x.amendedOld, fx.absentSha];
    for (const [repoDir, wrong] of [[fx.work, false], [fx.solo, true]] as const) {
      class Misguided extends NodeGitProvider {
        protected override guessRemoteRefs(): boolean { return wrong; }
      }
      const right = new NodeGitProvider();
      const misguided = new Misguided();
      const d = await right.discover(repoDir, T);
      assert.ok(d.ok);
      const afterDiscover = right.runner.spawned;
      const a = await right.facts(d.value, shas, T);
      const b = await misguided.facts(d.value, shas, T);
      assert.ok(a.ok && b.ok);
      assert.deepEqual(b.value, a.value);
      assert.equal(misguided.runner.spawned - (right.runner.spawned - afterDiscover), wrong ? 0 : 1, repoDir);
    }
  });

  it('facts: the reach of each commit, and refs with upstreams', async () => {
    const x = fx.shas;
    const f = await git.facts(repo, [x.parser, x.unpushed, x.spike, x.amendedOld, x.libCommit.slice(0, 8), fx.absentSha], T);
    assert.ok(f.ok);
    const reach = (s: string) => { const l = f.value.shas.get(s); return l?.status === 'found' ? `${l.reach}${l.submodule ? ` in ${l.submodule}` : ''}` : l?.status; };
    assert.deepEqual([x.parser, x.unpushed, x.spike, x.amendedOld, x.libCommit.slice(0, 8), fx.absentSha].map(reach),
      ['remote', 'local', 'local', 'dangling', 'unchecked in vendor/lib', 'missing']);
    assert.equal(f.value.headSha, x.unpushed);
    assert.equal(f.value.hasRemote, true);
    const main = f.value.refs.find((r) => r.refname === 'refs/heads/main')!;
    assert.deepEqual([main.upstream, main.ahead, main.behind], ['refs/remotes/origin/main', 1, 0]);
    assert.equal(f.value.refs.find((r) => r.refname === 'refs/tags/v1.0.0')?.sha, x.parser, 'annotated tag peeled');
  });
});

describe('Node workspace files', () => {
  let fx: GitFixture;
  before(() => { fx = buildGitFixture(); });
  after(() => fx.cleanup());

  it('in a repository: tracked and untracked files, not ignored or deleted ones', async () => {
    writeFileSync(join(fx.work, '.gitignore'), 'ignored.txt\n');
    writeFileSync(join(fx.work, 'ignored.txt'), 'x\n');
    writeFileSync(join(fx.work, 'untracked.md'), 'x\n');
    rmSync(join(fx.work, 'src/app.ts'));
    const files = await new NodeWorkspaceFiles().listFiles(fx.work, T);
    const rel = files.map((f) => f.slice(fx.work.length + 1));
    assert.ok(rel.includes('src/parser.ts') && rel.includes('untracked.md') && rel.includes('.gitignore'));
    assert.ok(!rel.includes('ignored.txt') && !rel.includes('src/app.ts'));
    assert.ok(files.every((f) => f.startsWith(fx.work + '/')));
  });

  it('a listing cut short by cancellation is not cached', async () => {
    const wf = new NodeWorkspaceFiles({ ttlMs: 60_000 });
    assert.deepEqual(await wf.listFiles(fx.work, { isCancellationRequested: true }), []);
    const full = await wf.listFiles(fx.work, T);
    assert.ok(full.includes(join(fx.work, 'src/parser.ts')));
    const dir = join(fx.base, 'walk-cancel');
    mkdirSync(dir);
    const walked = new NodeWorkspaceFiles({ ttlMs: 60_000 });
    await walked.listFiles(dir, { isCancellationRequested: true });
    writeFileSync(join(dir, 'late.md'), '');
    assert.deepEqual(await walked.listFiles(dir, T), [join(dir, 'late.md')]);
  });

  it('outside git: a walk that skips node_modules and .git', async () => {
    mkdirSync(join(fx.plain, 'node_modules/pkg'), { recursive: true });
    mkdirSync(join(fx.plain, 'docs'), { recursive: true });
    writeFileSync(join(fx.plain, 'node_modules/pkg/index.js'), '');
    writeFileSync(join(fx.plain, 'docs/a.md'), '');
    const files = await new NodeWorkspaceFiles().listFiles(fx.plain, T);
    assert.deepEqual(files, [join(fx.plain, 'docs/a.md')]);
  });

  it('counts lines as an editor shows them', async () => {
    const wf = new NodeWorkspaceFiles();
    const cases: Array<[string, number]> = [['', 0], ['a', 1], ['a\n', 1], ['a\nb', 2], ['a\r\nb\r\n', 2], ['\n\n', 2]];
    for (const [i, [text, n]] of cases.entries()) {
      const p = join(fx.plain, `lines-${i}.txt`);
      writeFileSync(p, text);
      assert.equal(await wf.lineCount(p, T), n, JSON.stringify(text));
    }
    assert.equal(await wf.lineCount(join(fx.plain, 'nope.txt'), T), null);
    assert.equal(await wf.lineCount(fx.plain, T), null);
  });
});
