// The circuit breaker across analyses: after a timeout in a repository, every later question about it fails at
// once with one notice, until the repository changes — so five handoffs with a git that hangs cost one timeout,
// not five, and the number of git processes does not grow with the number of handoffs (issue 12, item 3).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { NEVER_CANCELLED } from '../../src/core/interfaces';
import { NodeGitProvider } from '../../src/node/gitFacts';
import { SlowRepos } from '../../src/node/slowRepos';
import { NodeWorkspaceFiles } from '../../src/node/workspaceFiles';
import { ModelBuilder } from '../fixtures/git/handoff';
import { check, settings } from '../fixtures/git/harness';
import { alive, fakeGit, recordedPids, smallRepo, type SmallRepo } from '../fixtures/git/hostile';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const TIMEOUT = { kind: 'timeout' as const, message: 'git took longer than 500 ms (git log); showing parse-only results' };

describe('slow repositories', function () {
  this.timeout(60_000);

  describe('the memory', () => {
    it('marks a repository, answers for every folder inside it, and forgets it when its state changes', () => {
      let state = 'a';
      const slow = new SlowRepos((root) => (root === '/r' ? state : null));
      assert.equal(slow.problem('/r'), null);
      slow.mark('/r', TIMEOUT);
      const p = slow.problem('/r/docs/x');
      assert.deepEqual(p, { kind: 'timeout', message: 'git took longer than 500 ms in this repository (git log): it is not asked again until the repository changes; showing parse-only results' });
      assert.deepEqual(slow.problem('/r'), p);
      assert.equal(slow.problem('/rx'), null, 'a sibling folder is another repository');
      state = 'b';
      assert.equal(slow.problem('/r'), null);
      assert.equal(slow.problem('/r'), null);
    });

    it('without a readable state, holds a while, then asks again', () => {
      let now = 0;
      const slow = new SlowRepos(() => null, () => now);
      slow.mark('/r', TIMEOUT);
      now = 59_000;
      assert.ok(slow.problem('/r'));
      now = 61_000;
      assert.equal(slow.problem('/r'), null);
    });
  });

  describe('through the provider', () => {
    let base: string;
    let repo: SmallRepo;
    let pids: string;
    let hanging: string;
    beforeEach(() => {
      base = realpathSync(mkdtempSync(join(tmpdir(), 'slow-repo-')));
      repo = smallRepo(join(base, 'repo'));
      pids = join(base, 'git.pids');
      hanging = fakeGit(join(base, 'bin'), pids, 'exec sleep 30');
    });
    afterEach(() => {
      for (const pid of recordedPids(pids)) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
      rmSync(base, { recursive: true, force: true });
    });

    const handoff = (name: string) => {
      const text = `# Handoff\n\ncommit \`${repo.loose.slice(0, 7)}\`\n`;
      return { model: new ModelBuilder(text).commit(repo.loose.slice(0, 7), 'keyword').model, path: join(repo.root, name), text };
    };

    it('after one timeout, later analyses fail at once with one notice and start no git, until the repository changes', async () => {
      const git = new NodeGitProvider({ gitPath: hanging });
      const s = settings({}, { gitTimeoutMs: 500 });
      const first = await check(handoff('A.md').model, join(repo.root, 'A.md'), { git, settings: s, text: handoff('A.md').text });
      assert.equal(first.notices.length, 1);
      assert.match(first.notices[0]!, /^git took longer than 500 ms/);
      const spawned = git.runner.spawned;

      // Not timed: no git process for the second analysis is what "at once" means here.
      const second = await check(handoff('B.md').model, join(repo.root, 'B.md'), { git, settings: s, text: handoff('B.md').text });
      assert.deepEqual(second.notices, ['git took longer than 500 ms in this repository (git for-each-ref): it is not asked again until the repository changes; showing parse-only results']);
      assert.equal(git.runner.spawned, spawned, 'a git process was started for a repository marked slow');

      // A commit changes the repository's state: git is asked again.
      writeFileSync(join(repo.root, 'c.txt'), 'c\n');
      repo.git.commit(repo.root, 'fourth');
      await check(handoff('C.md').model, join(repo.root, 'C.md'), { git, settings: s, text: handoff('C.md').text });
      assert.ok(git.runner.spawned > spawned, 'git was not asked again after the repository changed');
    });

    it('the file lister sharing the runner skips git in a repository marked slow (it walks the folder instead)', async () => {
      const git = new NodeGitProvider({ gitPath: hanging });
      const files = new NodeWorkspaceFiles({ runner: git.runner, timeoutMs: 300 });
      const first = await files.listFiles(repo.root, NEVER_CANCELLED);
      assert.ok(first.includes(`${repo.root}/a.txt`));
      const spawned = git.runner.spawned;
      assert.ok(git.slow.problem(repo.root), 'the ls-files timeout marked the repository');
      const again = new NodeWorkspaceFiles({ runner: git.runner, timeoutMs: 300 });
      assert.ok((await again.listFiles(repo.root, NEVER_CANCELLED)).includes(`${repo.root}/a.txt`));
      assert.equal(git.runner.spawned, spawned);
    });

    it('a longer time limit asks again', async () => {
      const git = new NodeGitProvider({ gitPath: hanging, timeoutMs: 300 });
      git.slow.mark(repo.root, TIMEOUT);
      git.timeoutMs = 200;
      assert.ok(git.slow.problem(repo.root));
      git.timeoutMs = 1000;
      assert.equal(git.slow.problem(repo.root), null);
    });

    describe('the built CLI', () => {
      before(function () { if (!existsSync(CLI)) this.skip(); });

      it('5 handoffs with a git that hangs: one notice each, a constant number of git processes, none left behind', function () {
        for (const n of [1, 2, 3, 4, 5]) writeFileSync(join(repo.root, `HANDOFF-${n}.md`), handoff('x').text);
        const config = join(base, 'lint.json');
        writeFileSync(config, JSON.stringify({ gitTimeoutMs: 1000 }));
        const r = spawnSync(process.execPath, [CLI, '--config', config, '--format', 'json', repo.root], {
          encoding: 'utf8', env: { ...process.env, PATH: `${dirname(hanging)}:${process.env.PATH}` }, timeout: 20_000,
        });
        assert.equal(r.status, 0, r.stderr);
        const docs = JSON.parse(r.stdout).documents as Array<{ notices: string[] }>;
        assert.equal(docs.length, 5);
        for (const d of docs) assert.equal(d.notices.length, 1, d.notices.join('\n'));
        // Not timed (a loaded machine is slow): the processes started say how many timeouts were waited for.
        const started5 = recordedPids(pids).length;
        assert.ok(started5 <= 5, `${started5} git processes for 5 handoffs`);
        assert.deepEqual(recordedPids(pids).filter(alive), [], 'a git process outlived the CLI');
      });
    });
  });
});
