// The process-wide memory of a pure string function (src/core/memo.ts): the same answers, each short string worked
// out once, and bounded — a long key is never kept, and the memory starts over past its size.
import { strict as assert } from 'node:assert';
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
});
