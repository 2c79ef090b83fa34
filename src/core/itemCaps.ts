/**
 * Item caps per document. A handoff lists tens of commits and files; a document listing a hundred thousand (a
 * pasted log, a generated file, a hostile one) is not read to its end: each kind keeps its first MAX_ITEMS, in
 * document order, and a notice says what was left out. Every later stage — facts, rules, the tree, the output —
 * costs per item, so the cap bounds them all.
 *
 * Capping the output alone would still pay for extracting every item (~5–15 µs each). So a large document is
 * extracted in growing prefixes: each extractor reads the first 64 KB, then a prefix sized by the density found so
 * far (a tenth more than the cap needs, growing at least 1.3× and at most 8× at a time; 4× when nothing was found;
 * the whole text once that reaches three quarters of it), and stops at the first prefix that holds more than the
 * cap, or at the whole text. Dense documents stop early; a sparse one costs at most a third more than one pass.
 * Documents under WHOLE_BELOW — every real handoff — are read in one pass, exactly as before. A prefix is the
 * document cut at a line (or, in a line longer than a window, at a space): what an extractor finds in it near the cut
 * may lack the context after it, but such items lie past the cap and are dropped. Each prefix is cut once per
 * document, whichever extractors read it (parse/prefix.ts).
 */
import type { ParsedText } from './parse/blocks';
import { prefixOf } from './parse/prefix';
import { thousands } from './thousands';

export { prefixOf };
import type { Located } from './extract/types';

/** Items kept per kind (commits, files, steps, refs, phases) and document. */
export const MAX_ITEMS = 5_000;
/** Documents up to this size are extracted whole, in one pass. */
export const WHOLE_BELOW = 256 * 1024;
const FIRST_WINDOW = 64 * 1024;
/** The next prefix: from what the last one held, enough for the cap and a tenth more, within these bounds. */
const GROWTH = { none: 4, min: 1.3, max: 8, margin: 1.1 };
/**
 * A prefix this near the whole text is the whole text: cut short of the end (a prefix grown 4× from 256 KB, cut at a
 * space, is 16 characters short of a 1 MB line), the last piece would cost a second pass over all of it.
 */
const WHOLE_FROM = 0.75;
/** How far back from a window's end a space is looked for, in a line longer than the window. */
const MAX_BACKTRACK = 4096;

export interface Capped<T> {
  items: T[];
  /** The offset past which nothing was read, when the cap was reached; null when the whole text was read. */
  cutAt: number | null;
}

/**
 * The first `max` items `extract` finds, in document order, read from as short a prefix of the document as holds
 * them. `extract` must be pure: it may be run on several prefixes.
 */
export function extractCapped<T extends Located>(parsed: ParsedText, extract: (p: ParsedText) => T[], max = MAX_ITEMS): Capped<T> {
  const length = parsed.text.length;
  for (let window = length < WHOLE_BELOW ? length : FIRST_WINDOW; ;) {
    const cut = window >= length * WHOLE_FROM ? length : cutNear(parsed, window);
    const items = extract(cut === length ? parsed : prefixOf(parsed, cut));
    if (items.length > max) {
      const kept = items.sort((a, b) => a.start - b.start || a.end - b.end).slice(0, max);
      return { items: kept, cutAt: kept[kept.length - 1]!.end };
    }
    if (cut === length) return { items, cutAt: null };
    const growth = items.length ? Math.min(GROWTH.max, Math.max(GROWTH.min, (GROWTH.margin * max) / items.length)) : GROWTH.none;
    window = Math.max(window + 1, Math.ceil(cut * growth));
  }
}

/** Where to cut near `at`: the start of the line holding it, or in a line much longer, a space before `at`. */
function cutNear(parsed: ParsedText, at: number): number {
  const { text, lineStarts } = parsed;
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  const lineStart = lineStarts[lo]!;
  if (lineStart > at / 2) return lineStart;
  for (let i = at; i > at - MAX_BACKTRACK && i > lineStart; i--) if (text.charCodeAt(i - 1) === 32) return i;
  return at;
}

/** The notice for a kind that was capped: how many were kept, and the line reading stopped at. */
export function cappedNotice(kind: string, max: number, line: number): string {
  return `more than ${thousands(max)} ${kind} in this document: only the first ${thousands(max)} are read (up to line ${thousands(line + 1)}), the rest are left out`;
}
