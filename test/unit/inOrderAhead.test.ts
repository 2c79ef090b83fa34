// The CLI analyses the next few documents while one waits on git (inOrderAhead): results come in the documents'
// order whatever order the work finishes in, no more than `ahead` run at once, the next ones start before the
// current one finishes, and a failure is thrown when its item comes — not before, and never unhandled.
import { strict as assert } from 'node:assert';
import { inOrderAhead } from '../../src/cli/inOrderAhead';

interface Pending { item: number; resolve(v: string): void; reject(e: Error): void }

/** Work whose completion the test decides, recording what started and how many ran at once. */
function controlled() {
  const pending = new Map<number, Pending>();
  const started: number[] = [];
  let running = 0;
  let most = 0;
  const work = (item: number) => new Promise<string>((resolve, reject) => {
    started.push(item);
    most = Math.max(most, ++running);
    const done = () => running--;
    pending.set(item, { item, resolve: (v) => { done(); resolve(v); }, reject: (e) => { done(); reject(e); } });
  });
  return { work, pending, started, most: () => most };
}

const turn = () => new Promise((r) => setImmediate(r));

describe('inOrderAhead (the CLI reports documents in order, analysing the next ones meanwhile)', () => {
  it('starts the next items while the first waits, and yields in order whatever order they finish in', async () => {
    const c = controlled();
    const it = inOrderAhead([0, 1, 2, 3, 4, 5], 3, c.work);
    const first = it.next();
    await turn();
    assert.deepEqual(c.started, [0, 1, 2], 'the first item and the two after it run before the first is done');
    c.pending.get(2)!.resolve('r2');
    c.pending.get(1)!.resolve('r1');
    await turn();
    c.pending.get(0)!.resolve('r0');
    assert.deepEqual((await first).value, [0, 'r0']);
    assert.deepEqual((await it.next()).value, [1, 'r1']);
    assert.deepEqual((await it.next()).value, [2, 'r2']);
    await turn();
    assert.deepEqual(c.started, [0, 1, 2, 3, 4], 'item 2 handed on: items 3 and 4 run (5 waits for a free place)');
    const rest: unknown[] = [];
    const draining = (async () => { for await (const r of it) rest.push(r); })();
    await turn();
    assert.deepEqual(c.started, [0, 1, 2, 3, 4, 5]);
    for (const k of [5, 4, 3]) c.pending.get(k)!.resolve(`r${k}`);
    await draining;
    assert.deepEqual(rest, [[3, 'r3'], [4, 'r4'], [5, 'r5']]);
    assert.equal(c.most(), 3, 'never more than `ahead` at once');
  });

  it('throws a failure when its item comes, after the items before it', async () => {
    const c = controlled();
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const it = inOrderAhead([0, 1, 2], 3, c.work);
      const first = it.next();
      await turn();
      c.pending.get(1)!.reject(new Error('item 1 failed'));
      await turn();
      await turn();
      c.pending.get(0)!.resolve('r0');
      assert.deepEqual((await first).value, [0, 'r0']);
      await assert.rejects(it.next(), /item 1 failed/);
      await turn();
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('runs one at a time when asked to, and handles no items', async () => {
    const c = controlled();
    const it = inOrderAhead([0, 1], 1, c.work);
    const first = it.next();
    await turn();
    assert.deepEqual(c.started, [0]);
    c.pending.get(0)!.resolve('a');
    assert.deepEqual((await first).value, [0, 'a']);
    const second = it.next();
    await turn();
    c.pending.get(1)!.resolve('b');
    assert.deepEqual((await second).value, [1, 'b']);
    assert.equal((await it.next()).done, true);
    assert.equal((await inOrderAhead([], 4, c.work).next()).done, true);
  });
});
