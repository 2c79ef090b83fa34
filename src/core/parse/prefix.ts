/** A parsed document cut short: what the extractors see of a document read (or extracted) only up to an offset. */
import { makeBlock, type Block, type ParsedText } from './blocks';

/**
 * Prefixes already cut, per document: each extractor of a large document reads it in growing prefixes
 * (itemCaps.ts), and extractors that find little grow theirs alike — the same cuts, each clipping the blocks across
 * it (a 1 MB table row holds 125,000 cells) once per extractor otherwise. Held no longer than the document.
 */
const cutsOf = new WeakMap<ParsedText, Map<number, ParsedText>>();

/** The document as if it ended at `cut`: its text, lines and blocks up to there (blocks across it clipped). */
export function prefixOf(parsed: ParsedText, cut: number): ParsedText {
  let cuts = cutsOf.get(parsed);
  if (!cuts) cutsOf.set(parsed, (cuts = new Map()));
  let prefix = cuts.get(cut);
  if (!prefix) cuts.set(cut, (prefix = cutAt(parsed, cut)));
  return prefix;
}

function cutAt(parsed: ParsedText, cut: number): ParsedText {
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
