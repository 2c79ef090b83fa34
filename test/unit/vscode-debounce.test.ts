// The edit debounce: one run per pause, waiters get that run's result, a run started meanwhile supersedes it.
import { strict as assert } from 'node:assert';
import { DebouncedRun } from '../../src/vscode/store/debounce';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('vscode debounce', () => {
  it('runs once after the last of several schedules, and hands the result to waiters', async () => {
    const d = new DebouncedRun<number>();
    let runs = 0;
    for (let i = 1; i <= 5; i++) d.schedule(30, async () => { runs++; return i; });
    assert.equal(d.due, true);
    const waited = d.wait();
    await tick(10);
    assert.equal(runs, 0, 'ran before the pause');
    assert.equal(await waited, 5);
    assert.equal(runs, 1);
    assert.equal(d.due, false);
  });

  it('gives waiters the superseding run instead, and never runs the scheduled one', async () => {
    const d = new DebouncedRun<string>();
    let scheduledRan = false;
    d.schedule(20, async () => { scheduledRan = true; return 'scheduled'; });
    const waited = d.wait();
    d.supersede(Promise.resolve('now'));
    assert.equal(await waited, 'now');
    await tick(40);
    assert.equal(scheduledRan, false);
  });

  it('answers undefined on cancel, or when the waiter\'s token is cancelled', async () => {
    const d = new DebouncedRun<number>();
    d.schedule(1000, async () => 1);
    const waited = d.wait();
    d.cancel();
    assert.equal(await waited, undefined);
    d.schedule(1000, async () => 2);
    let cancel!: () => void;
    const token = { onCancellationRequested: (l: () => void) => { cancel = l; return { dispose() {} }; } };
    const w2 = d.wait(token);
    cancel();
    assert.equal(await w2, undefined);
    d.cancel();
  });
});
