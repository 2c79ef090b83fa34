// A deletion search stopped by cancellation is no answer: it used to come back `ok` with the renames found so far
// (none, if stopped before the first round), the provider kept it for the repository's state, and a file renamed
// since the handoff read "deleted in the work tree" in every later analysis until the next commit (issue 13, seen
// in the real host after quick commits). Over a real repository; the token is cancelled once the history is read.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NEVER_CANCELLED, type CancellationToken } from '../../src/core/interfaces';
import type { RepoInfo } from '../../src/core/git/provider';
import { findDeletionsSince } from '../../src/node/deletionsSince';
import { NodeGitProvider } from '../../src/node/gitFacts';
import { findDeletions, type RunGit } from '../../src/node/gitHistory';
import { FixtureGit } from '../fixtures/git/exec';

describe('deletion searches stopped by cancellation', function () {
  this.timeout(30_000);
  let base: string;
  let repo: RepoInfo;
  let provider: NodeGitProvider;
  let anchor: string;
  before(async () => {
    base = mkdtempSync(join(tmpdir(), 'deletions-cancelled-'));
    const g = new FixtureGit();
    const dir = join(base, 'repo');
    g.run(base, ['init', '-q', dir]);
    const write = (rel: string, text: string) => { mkdirSync(join(dir, rel, '..'), { recursive: true }); writeFileSync(join(dir, rel), text); };
    write('src/old/engine.ts', Array.from({ length: 30 }, (_, i) => `// engine ${i + 1}\n`).join(''));
    anchor = g.commit(dir, 'handoff');
    mkdirSync(join(dir, 'src/mid'), { recursive: true });
    g.run(dir, ['mv', 'src/old/engine.ts', 'src/mid/engine.ts']);
    g.commit(dir, 'move once');
    mkdirSync(join(dir, 'src/new'), { recursive: true });
    g.run(dir, ['mv', 'src/mid/engine.ts', 'src/new/engine.ts']);
    g.commit(dir, 'move again');
    provider = new NodeGitProvider();
    const found = await provider.discover(dir, NEVER_CANCELLED);
    assert.ok(found.ok);
    repo = found.value;
  });
  after(() => base && rmSync(base, { recursive: true, force: true }));

  /** git through the provider's runner; the token is cancelled as soon as the command `when` picks has answered. */
  function cancelledAfter(when: (args: string[]) => boolean) {
    const token = { isCancellationRequested: false };
    const run: RunGit = async (cwd, args, t, input, maxBytes, timeoutMs, partial) => {
      const r = await provider.runner.run({ cwd, args, input, token: t, timeoutMs: timeoutMs ?? 10_000, maxBytes, partial });
      if (when(args)) token.isCancellationRequested = true;
      return r;
    };
    return { run, token: token as CancellationToken };
  }
  const open = (cwd: string, args: string[], token: CancellationToken) => provider.runner.session(cwd, args, token, 10_000);

  it('since a commit: cancelled once the line of commits is read, it answers "cancelled", not "no deletion"', async () => {
    const whole = await findDeletionsSince(cancelledAfter(() => false).run, open, repo, anchor, ['src/old/engine.ts'], NEVER_CANCELLED);
    assert.ok(whole.ok);
    assert.equal(whole.value.deletions[0]?.renamedTo, 'src/new/engine.ts', 'uncancelled, the renames are followed to the end');
    const { run, token } = cancelledAfter((args) => args.includes('--ancestry-path'));
    const stopped = await findDeletionsSince(run, open, repo, anchor, ['src/old/engine.ts'], token);
    assert.ok(!stopped.ok && stopped.problem.kind === 'cancelled', JSON.stringify(stopped));
  });

  it('in the whole history: cancelled after the first round, it answers "cancelled", not the first rename alone', async () => {
    const whole = await findDeletions(cancelledAfter(() => false).run, repo, ['src/old/engine.ts'], NEVER_CANCELLED);
    assert.ok(whole.ok);
    assert.equal(whole.value.deletions[0]?.renamedTo, 'src/new/engine.ts', 'uncancelled, the renames are followed to the end');
    // Stopped once the first round (deletions, then their renames) is read: its rename goes to src/mid only.
    const { run, token } = cancelledAfter((args) => args.includes('--diff-filter=R'));
    const stopped = await findDeletions(run, repo, ['src/old/engine.ts'], token);
    assert.ok(!stopped.ok && stopped.problem.kind === 'cancelled', JSON.stringify(stopped));
  });
});
