// The process-wide memory of a pure string function (src/core/memo.ts): the same answers, each short string worked
// out once, and bounded — a long key is never kept, and the memory starts over past its size.
import { strict as assert } from 'node:assert';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { memoized } from '../../src/core/memo';

function counting<T>(fn: (s: string) => T): { fn: (s: string) => T; calls: string[] } {
  const calls: string[] = [];
  return { fn: (s) => { calls.push(s); return fn(s); }, calls };
}

describe('memoized', () => {
  it('answers as the function does, working each short string out once (null included)', () => {
    const inner = counting((s: string) => (s.length % 3 === 0 ? null : s.toUpperCase()));
    const memo = memoized(inner.fn);
    assert.deepEqual(['a', 'abc', 'a', 'abc', '', 'b', ''].map(memo), ['A', null, 'A', null, null, 'B', null]);
    assert.deepEqual(inner.calls, ['a', 'abc', '', 'b']);
  });

  it('keeps no key longer than its bound, and starts over past its size', () => {
    const inner = counting((s: string) => s.length);
    const memo = memoized(inner.fn, 3, 5);
    memo('123456');
    memo('123456');
    assert.equal(inner.calls.length, 2, 'a long key is worked out each time');
    for (const s of ['a', 'b', 'c', 'a']) memo(s);
    assert.equal(inner.calls.length, 5, 'three keys kept');
    memo('d'); // a fourth: the memory starts over with it
    memo('a');
    assert.equal(inner.calls.length, 7, 'what was kept before is worked out again');
    memo('d');
    assert.equal(inner.calls.length, 7);
  });

  it('keeps no document alive through a title sliced from it (the editor sees a new text at every keystroke)', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // 40 texts of 1 MB, a title sliced from each: kept as they come, the titles would hold every text.
    const titles = function* () {
      for (let i = 0; i < 40; i++) {
        const text = `${'x'.repeat(1 << 20)} Heading number ${i} of the handoff\n`;
        yield text.slice(1 << 20, text.length - 1);
      }
    };
    const retained = (keep: (title: string) => void) => {
      gc();
      const before = process.memoryUsage().heapUsed;
      for (const t of titles()) keep(t);
      gc();
      return process.memoryUsage().heapUsed - before;
    };
    const plain = new Map<string, number>();
    const control = retained((t) => plain.set(t, t.length));
    const memo = memoized((t: string) => t.slice(0, 20)); // an answer that is itself a slice of the title
    const kept = retained((t) => { memo(t); });
    assert.ok(control > 30 * (1 << 20), `a plain map of slices holds the texts (${control} bytes): the measure works`);
    assert.ok(kept < 4 * (1 << 20), `the memory holds ${kept} bytes for 40 titles`);
    const again = `${'y'.repeat(100)} Heading number 7 of the handoff`.slice(100);
    assert.equal(memo(again), again.slice(0, 20), 'a kept answer, from its copy');
  });
});

