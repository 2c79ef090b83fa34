// Commit and ref mentions are tested against the history parts (and the ranges stale-ref already reported) by a
// lookup built once per analysis: its answers must be those of the one-by-one tests, whatever the parts are.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Range } from '../../src/core/model';
import { atSamePlace, inside, RangeLookup } from '../../src/core/ranges';

// Few lines and columns, so that equal starts, shared ends, touching and overlapping parts are common.
const position = fc.record({ line: fc.integer({ min: 0, max: 6 }), character: fc.integer({ min: 0, max: 6 }) });
const range = fc.tuple(position, position).map(([a, b]): Range => {
  const aFirst = a.line < b.line || (a.line === b.line && a.character <= b.character);
  return aFirst ? { start: a, end: b } : { start: b, end: a };
});

describe('RangeLookup', () => {
  it('answers as inside and atSamePlace do, for any parts (unsorted, overlapping, empty)', () => {
    fc.assert(fc.property(fc.array(range, { maxLength: 12 }), fc.array(range, { minLength: 1, maxLength: 12 }), (parts, asked) => {
      const lookup = new RangeLookup(parts);
      for (const r of asked) {
        assert.equal(lookup.holdsStartOf(r), inside(r, parts), `inside ${JSON.stringify(r)}`);
        assert.equal(lookup.atSamePlace(r), atSamePlace(r, parts), `atSamePlace ${JSON.stringify(r)}`);
      }
    }), { seed: 7, numRuns: 3_000 });
  });

  it('the edges: a part holds its start, not its end; a part starting inside the range is at the same place', () => {
    const at = (l1: number, c1: number, l2: number, c2: number): Range => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
    const lookup = new RangeLookup([at(5, 0, 9, 0), at(2, 4, 2, 8)]);
    assert.equal(lookup.holdsStartOf(at(5, 0, 5, 7)), true);
    assert.equal(lookup.holdsStartOf(at(9, 0, 9, 7)), false);
    assert.equal(lookup.holdsStartOf(at(2, 7, 2, 9)), true);
    assert.equal(lookup.holdsStartOf(at(3, 0, 3, 7)), false);
    assert.equal(lookup.atSamePlace(at(2, 0, 2, 5)), true, 'a part starts inside it');
    assert.equal(lookup.atSamePlace(at(2, 0, 2, 4)), false, 'it ends where the part starts');
    assert.equal(new RangeLookup([]).atSamePlace(at(0, 0, 9, 9)), false);
  });
});
