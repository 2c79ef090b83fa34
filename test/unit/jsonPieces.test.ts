// The JSON report is written a field (and a run of array elements) at a time: its text must be JSON.stringify's of
// the whole, byte for byte, whatever the fields hold.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { jsonPieces } from '../../src/cli/jsonPieces';

describe('the JSON report written in pieces', () => {
  it('joins to JSON.stringify of the whole record', () => {
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 5 }), fc.dictionary(fc.string(), tie('node'), { maxKeys: 4 })),
    })).node;
    // Long arrays (written a run at a time), holes of undefined in them included.
    const long = fc.array(fc.oneof(leaf, fc.record({ a: fc.string(), b: fc.option(fc.integer()) })), { minLength: 60, maxLength: 300 });
    const record = fc.dictionary(fc.string(), fc.oneof(value, long, fc.constant(undefined), fc.constant(() => 1)), { maxKeys: 8 });
    fc.assert(fc.property(record, (r) => {
      assert.equal(jsonPieces(r).join(''), JSON.stringify(r));
    }), { seed: 31, numRuns: 2_000 });
  });

  it('an empty record, and a long array split into runs', () => {
    assert.deepEqual(jsonPieces({}), ['{}']);
    const items = Array.from({ length: 200 }, (_, i) => ({ i }));
    const pieces = jsonPieces({ items, none: undefined });
    assert.equal(pieces.join(''), JSON.stringify({ items }));
    assert.ok(pieces.length > 4, 'written in runs');
  });
});
