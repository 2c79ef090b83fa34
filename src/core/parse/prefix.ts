/** A parsed document cut short: what the extractors see of a document read (or extracted) only up to an offset. */
import { makeBlock, type Block, type ParsedText } from './blocks';

/** The document as if it ended at `cut`: its text, lines and blocks up to there (blocks across it clipped). */
export function prefixOf(parsed: ParsedText, cut: number): ParsedText {
  const lines = parsed.lineStarts;
  let lo = 0;
  let hi = lines.length; // first line starting after the cut
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]! <= cut) lo = mid + 1;
    else hi = mid;
  }
  const n = lo;
  const blocks: Block[] = [];
  for (const b of parsed.blocks) {
    if (b.start >= cut) continue; // blocks are in document order almost always; a nested one may come late
    blocks.push(b.end <= cut ? b : clip(b, cut));
  }
  return { text: parsed.text.slice(0, cut), blocks, lineStarts: lines.slice(0, n), degraded: parsed.degraded };
}

function clip(b: Block, cut: number): Block {
  return makeBlock({
    ...b, end: cut, contentStart: Math.min(b.contentStart, cut), contentEnd: Math.min(b.contentEnd, cut),
    inlines: b.inlines.filter((i) => i.end <= cut),
    cells: b.cells?.filter((c) => c.end <= cut),
    checkbox: b.checkbox && b.checkbox.end > cut ? undefined : b.checkbox,
  });
}
