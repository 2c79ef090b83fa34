// The store's refresh after repository and file changes (refreshScheduler.ts): every report starts a new epoch at
// once, a burst of reports gives one refresh, a report while a refresh runs gives another (none is lost), a stream
// of reports cannot postpone it for ever, and a provider can wait for the scheduled refresh to start.
import { strict as assert } from 'node:assert';
import { RefreshScheduler } from '../../src/vscode/store/refreshScheduler';
import { cancellation } from '../fixtures/cancellation';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));


describe('vscode refresh scheduler', () => {
  let scheduler: RefreshScheduler | undefined;
  afterEach(() => scheduler?.dispose());

  it('starts a new epoch with every report, and refreshes once per burst with the last reason', async () => {
    const runs: string[] = [];
    scheduler = new RefreshScheduler((why) => runs.push(why), () => ({ quietMs: 30, maxMs: 5_000 }));
    const before = scheduler.epoch;
    for (const why of ['HEAD changed', 'refs changed', 'a file was created']) scheduler.request(why);
    assert.equal(scheduler.epoch, before + 3, 'what was computed before any of them is out of date at once');
    assert.equal(scheduler.due, true);
    assert.deepEqual(runs, [], 'the refresh waits for the reports to pause');
    await scheduler.started();
    assert.deepEqual(runs, ['a file was created']);
    assert.equal(scheduler.due, false);
  });

  it('a report while a refresh runs gives another refresh: none is lost', async () => {
    const runs: string[] = [];
    scheduler = new RefreshScheduler((why) => {
      runs.push(why);
      // The commit lands while the first refresh is running.
      if (runs.length === 1) scheduler!.request('the second commit');
    }, () => ({ quietMs: 10, maxMs: 5_000 }));
    scheduler.request('the first commit');
    await scheduler.started();
    assert.equal(scheduler.due, true, 'the report during the run scheduled the next refresh');
    await scheduler.started();
    assert.deepEqual(runs, ['the first commit', 'the second commit']);
  });

  it('a stream of reports does not postpone the refresh past the longest delay', async () => {
    const runs: string[] = [];
    scheduler = new RefreshScheduler((why) => runs.push(why), () => ({ quietMs: 60, maxMs: 100 }));
    // Reports every 10 ms for much longer than the longest delay: a pure debounce would never run.
    for (let i = 0; i < 60 && runs.length === 0; i++) {
      scheduler.request(`report ${i}`);
      await tick(10);
    }
    assert.ok(runs.length > 0, 'refreshed while the reports kept coming');
  });

  it('lets a provider wait for the scheduled refresh, and stop waiting when it is cancelled', async () => {
    let ran = 0;
    scheduler = new RefreshScheduler(() => { ran++; }, () => ({ quietMs: 10_000, maxMs: 10_000 }));
    await scheduler.started(); // none due: at once
    scheduler.request('a commit');
    const c = cancellation();
    const waiting = scheduler.started(c.token);
    c.cancel();
    await waiting;
    assert.equal(ran, 0, 'the cancelled wait ended before the refresh');
    assert.equal(scheduler.due, true, 'and the refresh is still scheduled');
    scheduler.invalidate();
    assert.equal(scheduler.epoch, 2, 'Refresh starts an epoch without scheduling');
  });
});
