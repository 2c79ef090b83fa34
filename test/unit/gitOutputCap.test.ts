// git's output is capped per command, and a cut output is a problem by default — the check that asked is not made,
// and a notice says so ("… not checked: git printed more than N MB") — unless the caller opted in to a partial
// answer (the graph). A git that exits while something it started still holds its pipes (a daemonised helper) is
// not waited for, and what it started goes with it (issue 12, item 2).
import { strict as assert } from 'node:assert';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NEVER_CANCELLED } from '../../src/core/interfaces';
import { GitRunner } from '../../src/node/gitRunner';
import { ModelBuilder } from '../fixtures/git/handoff';
import { check } from '../fixtures/git/harness';
import { alive, fakeGit, recordedPids, smallRepo, type SmallRepo } from '../fixtures/git/hostile';

const T = NEVER_CANCELLED;

describe('git output is bounded', function () {
  this.timeout(30_000);
  let base: string;
  let repo: SmallRepo;
  before(() => {
    base = realpathSync(mkdtempSync(join(tmpdir(), 'git-cap-')));
    repo = smallRepo(join(base, 'repo'));
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  /** A git that prints `a` forever to stdout for `command`, and is the real git otherwise. */
  const flooding = (command: string) => fakeGit(join(base, `flood-${command}`), join(base, 'flood.pids'),
    `if [ "$1" = "--no-pager" ] && printf '%s\\n' "$@" | grep -qx '${command}'; then exec yes aaaaaaaaaaaaaaaaaaaa; fi\nexec git "$@"`);

  it('past the cap the run fails, naming the cap and the command; a caller that opts in gets the part, marked', async () => {
    const runner = new GitRunner({ gitPath: flooding('log') });
    const run = (partial?: boolean) => runner.run({ cwd: repo.root, args: ['log'], token: T, timeoutMs: 10_000, maxBytes: 1024 * 1024, partial });
    const cut = await run();
    assert.deepEqual(cut, { ok: false, problem: { kind: 'error', message: 'git printed more than 1 MB (git log)' } });
    const part = await run(true);
    assert.ok(part.ok && part.out.truncated);
    assert.equal(part.ok && part.out.stdout.length, 1024 * 1024);
  });

  it('a flood in a check becomes one notice naming the check, and the other checks stand', async () => {
    const text = `# Handoff\n\ncommit \`${repo.loose.slice(0, 7)}\` and \`a.txt\`\n`;
    const model = new ModelBuilder(text).commit(repo.loose.slice(0, 7), 'keyword').model;
    model.files.push({ path: 'a.txt', line: null, endLine: null, column: null, symbol: null, external: false, range: model.commits[0]!.range, phase: null, source: 'code', qualifier: null, folderHint: null });
    const r = await check(model, join(repo.root, 'HANDOFF.md'), { text, provider: { gitPath: flooding('for-each-ref') } });
    assert.deepEqual(r.notices, ['commits and branches not checked: git printed more than 64 MB (git for-each-ref)']);
    assert.equal(r.facts.files[0]?.kind, 'found');
  });

  it('a flood in the search for where an unknown commit went: the commit is still reported, the search named', async () => {
    const absent = 'abcdef1234567';
    const text = `commit \`${absent}\`\n`;
    const gitPath = fakeGit(join(base, 'flood-grep'), join(base, 'flood.pids'),
      `if printf '%s\\n' "$@" | grep -q '^--grep='; then exec yes aaaaaaaaaaaaaaaaaaaa; fi\nexec git "$@"`);
    const r = await check(new ModelBuilder(text).commit(absent, 'keyword').model, join(repo.root, 'HANDOFF.md'), { text, provider: { gitPath } });
    assert.deepEqual(r.notices, ['no remote: unpushed commits are not checked', 'where unknown commits went not checked: git printed more than 4 MB (git log)']);
    assert.equal(r.commits.get(absent)?.status, 'unknown');
  });

  it('a git that daemonises (exits, leaving a child holding its stdout) is not waited for, and its child is killed', async () => {
    const pids = join(base, 'daemon.pids');
    // The child keeps stdout open for 30 s; git itself answers at once and exits.
    const gitPath = fakeGit(join(base, 'daemon'), pids, `sleep 30 &\necho $! >> "${pids}"\necho answer`);
    const runner = new GitRunner({ gitPath });
    const started = Date.now();
    const r = await runner.run({ cwd: repo.root, args: ['status'], token: T, timeoutMs: 10_000 });
    assert.ok(Date.now() - started < 3000, `waited ${Date.now() - started} ms for the daemon`);
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.ok && r.out.stdout, 'answer\n');
    const recorded = recordedPids(pids);
    assert.equal(recorded.length, 2);
    await new Promise((res) => setTimeout(res, 100));
    assert.deepEqual(recorded.filter(alive), [], 'a process the fake git started is still running');
  });
});
