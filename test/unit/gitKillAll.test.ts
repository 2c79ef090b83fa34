// git runs in process groups of its own (so a timeout kills what it started), which a Ctrl-C or a SIGTERM of the
// CLI does not reach: the runner keeps every live git, and the CLI kills them all on SIGINT/SIGTERM before exiting
// 130/143; the extension does the same on deactivate (issue 12, item 4). Proven with a fake git that sleeps in a
// child of its own and records every pid.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { NEVER_CANCELLED } from '../../src/core/interfaces';
import { GitRunner, killAllGit } from '../../src/node/gitRunner';
import { alive, fakeGit, recordedPids, smallRepo, type SmallRepo } from '../fixtures/git/hostile';
import { until } from './support/until';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

describe('no git is left behind', function () {
  this.timeout(60_000);
  let base: string;
  let repo: SmallRepo;
  let pids: string;
  let sleepy: string;
  beforeEach(() => {
    base = realpathSync(mkdtempSync(join(tmpdir(), 'kill-git-')));
    repo = smallRepo(join(base, 'repo'));
    pids = join(base, 'git.pids');
    // git itself waits on a child of its own: both must go.
    sleepy = fakeGit(join(base, 'bin'), pids, `sleep 30 &\necho $! >> "${pids}"\nwait`);
    writeFileSync(join(repo.root, 'HANDOFF.md'), `# Handoff\n\ncommit \`${repo.loose.slice(0, 7)}\`, file \`a.txt:1\`\n`);
  });
  afterEach(() => {
    for (const pid of recordedPids(pids)) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
    // A git of the relay's, stopped as the run's channel closed, may still be writing (an index lock) for a moment.
    rmSync(base, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  });

  it('killAllGit kills every running git and what it started', async () => {
    const runner = new GitRunner({ gitPath: sleepy });
    const runs = [1, 2].map(() => runner.run({ cwd: repo.root, args: ['log'], token: NEVER_CANCELLED, timeoutMs: 30_000 }));
    await until('both gits and their children', () => recordedPids(pids).length === 4);
    assert.equal(killAllGit(), 2);
    await Promise.all(runs);
    await until('every process to go', () => recordedPids(pids).filter(alive).length === 0, 2000);
    assert.equal(killAllGit(), 0, 'nothing is tracked once killed');
  });

  describe('the built CLI', () => {
    before(function () { if (!existsSync(CLI)) this.skip(); });

    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      it(`on ${signal} while git runs: kills every git it started, then exits ${code}`, async () => {
        const cli = spawn(process.execPath, [CLI, '--format', 'json', join(repo.root, 'HANDOFF.md')], {
          env: { ...process.env, PATH: `${dirname(sleepy)}:${process.env.PATH}` }, stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stderr = '';
        cli.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
        const exited = new Promise<number | null>((res) => cli.on('exit', (c) => res(c)));
        // Every git the analysis starts at once (for-each-ref, the reachability log, the anchor's log, ls-files) and their children.
        await until('git to be running', () => recordedPids(pids).length >= 6);
        cli.kill(signal);
        assert.equal(await exited, code, stderr);
        assert.doesNotMatch(stderr, /\bat \S+ \(/, 'a stack trace');
        await until('every git to go', () => recordedPids(pids).filter(alive).length === 0, 2000)
          .catch(() => assert.fail(`still running: ${recordedPids(pids).filter(alive).join(', ')} of ${recordedPids(pids).join(', ')}`));
      });
    }

    it('a run over 32 handoffs or more starts git from its relay (a small helper), and Ctrl-C still leaves none behind', async () => {
      const parents = join(base, 'parents');
      const pass = fakeGit(join(base, 'pass'), join(base, 'pass.pids'), `echo "$PPID" >> "${parents}"\nexec git "$@"`);
      const handoffs = (n: number) => Array.from({ length: n }, (_, i) => {
        const path = join(repo.root, `HANDOFF-${n}-${i}.md`);
        writeFileSync(path, `# Handoff ${i}\n\ncommit \`${repo.loose.slice(0, 7)}\`, file \`a.txt:1\`\n`);
        return path;
      });
      const parentsOf = async (files: string[]) => {
        rmSync(parents, { force: true });
        const cli = spawn(process.execPath, [CLI, '--format', 'json', ...files], { env: { ...process.env, PATH: `${dirname(pass)}:${process.env.PATH}` }, stdio: 'ignore' });
        await new Promise((res) => cli.on('exit', res));
        return { cli: cli.pid!, parents: new Set(recordedPids(parents)) };
      };
      const few = await parentsOf(handoffs(31));
      assert.deepEqual([...few.parents], [few.cli], 'a small run starts git itself');
      const many = await parentsOf(handoffs(32));
      assert.equal(many.parents.size, 1, 'one relay');
      assert.ok(!many.parents.has(many.cli), 'not the run itself');

      const cli = spawn(process.execPath, [CLI, '--format', 'json', ...handoffs(40)], { env: { ...process.env, PATH: `${dirname(sleepy)}:${process.env.PATH}` }, stdio: ['ignore', 'pipe', 'pipe'] });
      const exited = new Promise<number | null>((res) => cli.on('exit', (c) => res(c)));
      await until('git to be running', () => recordedPids(pids).length >= 4);
      cli.kill('SIGINT');
      assert.equal(await exited, 130);
      await until('every git to go', () => recordedPids(pids).filter(alive).length === 0, 3000)
        .catch(() => assert.fail(`still running: ${recordedPids(pids).filter(alive).join(', ')} of ${recordedPids(pids).join(', ')}`));
    });
  });
});
