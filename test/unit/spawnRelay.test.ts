// git started through the relay (src/node/spawnRelay.ts, the built dist/git-relay.js) behaves as git started
// directly: the same output, input and exit status, caps and timeouts that stop it with what it started, the
// executable it was given only; and when the relay goes, what was in flight fails with a notice and what comes
// after runs directly. Real git, real processes.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NEVER_CANCELLED } from '../../src/core/interfaces';
import { GitRunner, type GitRunResult } from '../../src/node/gitRunner';
import { startSpawnRelay, type SpawnRelay } from '../../src/node/spawnRelay';
import { alive, fakeGit, recordedPids, smallRepo, type SmallRepo } from '../fixtures/git/hostile';
import { until } from './support/until';

const HELPER = join(__dirname, '..', '..', 'dist', 'git-relay.js');

const outOf = (r: GitRunResult) => (r.ok ? r.out : assert.fail(r.problem.message));

describe('the git relay', function () {
  this.timeout(60_000);
  let base: string;
  let repo: SmallRepo;
  let relays: SpawnRelay[];
  before(function () { if (!existsSync(HELPER)) this.skip(); });
  beforeEach(() => {
    base = realpathSync(mkdtempSync(join(tmpdir(), 'git-relay-')));
    repo = smallRepo(join(base, 'repo'));
    relays = [];
  });
  afterEach(() => {
    for (const r of relays) r.close();
    rmSync(base, { recursive: true, force: true });
  });
  const relayFor = (gitPath: string) => {
    const relay = startSpawnRelay(gitPath, HELPER);
    assert.ok(relay, 'the helper starts');
    relays.push(relay);
    return relay;
  };

  it('gives what git gives started directly: output, stderr, exit status, input on stdin and fed while it runs', async () => {
    const relay = relayFor('git');
    const direct = new GitRunner();
    const relayed = new GitRunner({ spawn: relay.spawn });
    const ask = (runner: GitRunner, args: string[], input?: string) => runner.run({ cwd: repo.root, args, token: NEVER_CANCELLED, timeoutMs: 20_000, ...(input !== undefined ? { input } : {}) });
    for (const [args, input] of [[['log', '--format=%H %s', '--raw']], [['cat-file', '--batch-check'], `${repo.loose}\nHEAD\nnope\n`], [['rev-parse', '--verify', 'no-such-ref']]] as Array<[string[], string?]>) {
      assert.deepEqual(outOf(await ask(relayed, args, input)), outOf(await ask(direct, args, input)), args.join(' '));
    }
    const fed = await relayed.run({
      cwd: repo.root, args: ['cat-file', '--batch-check'], token: NEVER_CANCELLED, timeoutMs: 20_000,
      input: { attach: (write, end) => { write(`${repo.loose}\n`); setTimeout(() => { write('HEAD\n'); end(); }, 50); } },
    });
    assert.equal(outOf(fed).stdout.split('\n').filter(Boolean).length, 2);
    assert.equal(relayed.spawned, 4);
  });

  it('a timeout or an output cap stops git and what it started; a non-git executable is refused', async () => {
    const pids = join(base, 'pids');
    const hanging = fakeGit(join(base, 'hang'), pids, `sleep 30 &\necho $! >> "${pids}"\nwait`);
    const r = await new GitRunner({ gitPath: hanging, spawn: relayFor(hanging).spawn }).run({ cwd: repo.root, args: ['log'], token: NEVER_CANCELLED, timeoutMs: 300 });
    assert.equal(r.ok ? 'ok' : r.problem.kind, 'timeout');
    await until('the hanging git and its child to go', () => recordedPids(pids).length === 2 && recordedPids(pids).filter(alive).length === 0);
    const flood = fakeGit(join(base, 'flood'), join(base, 'pids2'), 'yes flood');
    const capped = await new GitRunner({ gitPath: flood, spawn: relayFor(flood).spawn }).run({ cwd: repo.root, args: ['log'], token: NEVER_CANCELLED, timeoutMs: 20_000, maxBytes: 1 << 16 });
    assert.match(capped.ok ? '' : capped.problem.message, /git printed more than 64 KB/);
    await until('the flooding git to go', () => recordedPids(join(base, 'pids2')).filter(alive).length === 0);
    const refused = await new GitRunner({ gitPath: 'git', spawn: relayFor(hanging).spawn }).run({ cwd: repo.root, args: ['log'], token: NEVER_CANCELLED, timeoutMs: 20_000 });
    assert.match(refused.ok ? '' : refused.problem.message, /could not be started \(EPERM\)/);
  });

  it('when the relay goes, git in flight fails with a notice, the next runs directly; closing it stops what it started', async () => {
    const pids = join(base, 'pids');
    const hanging = fakeGit(join(base, 'hang'), pids, `sleep 30 &\necho $! >> "${pids}"\nwait`);
    const relay = relayFor(hanging);
    const runner = new GitRunner({ gitPath: hanging, spawn: relay.spawn });
    const inFlight = runner.run({ cwd: repo.root, args: ['log'], token: NEVER_CANCELLED, timeoutMs: 20_000 });
    await until('git to run', () => recordedPids(pids).length === 2);
    relay.close();
    const r = await inFlight;
    assert.equal(r.ok, false);
    await until('what the relay started to go', () => recordedPids(pids).filter(alive).length === 0);
    const direct = await new GitRunner({ spawn: relay.spawn }).run({ cwd: repo.root, args: ['rev-parse', 'HEAD'], token: NEVER_CANCELLED, timeoutMs: 20_000 });
    assert.equal(outOf(direct).stdout.trim(), repo.loose);
  });
});
