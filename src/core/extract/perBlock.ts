/**
 * A yes/no about a block's content, worked out once per block: for a question asked of every item of a block (does it
 * hold a push word, a `~~`?), which a long block of many items would otherwise answer again around each. The answer
 * is kept with the block, so each caller asks it of the one text its blocks come from.
 */
import type { Block } from '../parse/blocks';

export function perBlock(test: (text: string, block: Block) => boolean): (text: string, block: Block) => boolean {
  const kept = new WeakMap<Block, boolean>();
  return (text, block) => {
    let answer = kept.get(block);
    if (answer === undefined) kept.set(block, (answer = test(text, block)));
    return answer;
  };
}
