// A question asked for an analysis that is then cancelled (an edit, a refresh) must not answer "cancelled" to a
// newer analysis that joined it while it ran: the newer one asks again under its own token. Seen in the real host: a
// refresh cancelled the first analysis of a new handoff, and the refresh's own analysis then showed "git check
// cancelled" notices and parse-only results. Real git, real processes.
import { strict as assert } from 'node:assert';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GitResult } from '../../src/core/git/provider';
import { NodeGitProvider } from '../../src/node/gitFacts';
import { sharedAnswer } from '../../src/node/sharedAnswers';
import { fakeGit, smallRepo } from '../fixtures/git/hostile';

describe('answers shared between analyses', () => {
  let base: string;
  before(() => { base = realpathSync(mkdtempSync(join(tmpdir(), 'shared-answers-'))); });
  after(() => rmSync(base, { recursive: true, force: true }));

  it('an asker joining a question whose first asker is cancelled gets a real answer, not "cancelled"', async () => {
    const repo = smallRepo(join(base, 'repo'));
    // A git slow enough for the cancellation to land while it runs.
    const git = new NodeGitProvider({ gitPath: fakeGit(join(base, 'bin'), join(base, 'pids'), 'sleep 0.5\nexec git "$@"') });
    const found = await git.discover(repo.root, { isCancellationRequested: false });
    assert.ok(found.ok);
    const first = { isCancellationRequested: false };
    const asked = [git.graph(found.value, first), git.filesAt(found.value, repo.loose, first)] as Promise<GitResult<unknown>>[];
    // A newer analysis asks the same while the first one's processes run; then the first is cancelled.
    const joinedGraph = git.graph(found.value, { isCancellationRequested: false });
    const joinedFiles = git.filesAt(found.value, repo.loose, { isCancellationRequested: false });
    first.isCancellationRequested = true;
    const graph = await joinedGraph;
    const files = await joinedFiles;
    assert.ok(graph.ok, JSON.stringify(graph));
    assert.ok(graph.value.commits.some((c) => c.sha === repo.loose));
    assert.ok(files.ok, JSON.stringify(files));
    assert.deepEqual(files.value.sort(), ['a.txt', 'b.txt']);
    // The cancelled asker itself is told so (or answered, when git was quicker than the cancellation).
    for (const r of await Promise.all(asked)) assert.ok(r.ok || r.problem.kind === 'cancelled');
  });

  it('shares one process between askers; drops a failure so the next asker asks again', async () => {
    let asks = 0;
    const cache = new Map<string, Promise<GitResult<number>>>();
    const ok = () => { asks++; return Promise.resolve({ ok: true, value: asks } as GitResult<number>); };
    assert.deepEqual(await Promise.all([sharedAnswer(cache, 'q', ok, 8), sharedAnswer(cache, 'q', ok, 8)]), [{ ok: true, value: 1 }, { ok: true, value: 1 }]);
    const failing = () => { asks++; return Promise.resolve({ ok: false, problem: { kind: 'timeout', message: 'slow' } } as GitResult<number>); };
    assert.equal((await sharedAnswer(cache, 'r', failing, 8)).ok, false);
    assert.deepEqual(await sharedAnswer(cache, 'r', ok, 8), { ok: true, value: 3 }, 'asked again after a failure');
  });
});
