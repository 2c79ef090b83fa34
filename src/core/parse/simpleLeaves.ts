/**
 * The simple reader's parts (simpleBlocks.ts): the blocks it keeps open while it reads, its bail-out (the section is
 * then remark's), its count of a line's indentation, and the blocks it makes from a line or two — ATX headings
 * (`## Title ##`) and setext headings (a paragraph underlined by `===` or `---`) — exactly as remark-parse +
 * mdastToBlocks make them.
 */
import { makeBlock, type Block } from './blocks';
import { simpleInlines } from './simpleInlines';

export const ATX = /^(#{1,6})(?:[ \t]|$)/;
/** A link reference definition's start: its paragraph is no text, so the section is remark's. */
export const DEFINITION = /^\[[^\]]*\]:/;

/** An open container: a block quote, or a list item with the columns its continuation lines must be indented. */
export type Container =
  | { kind: 'quote' }
  | { kind: 'item'; block: Block; /** marker offset + marker width + spaces, relative to the parent's content */ width: number };

export interface OpenParagraph {
  start: number;
  end: number;
  /** How many containers hold it. */
  level: number;
  /** The item whose first paragraph this is (its content), if any. */
  lead: Block | null;
  quoted: boolean;
  /** Continuation lines whose content starts after a quote marker: micromark sees a line start there. */
  softStarts: number[];
}

/** An HTML comment block (`<!-- … -->`, CommonMark's HTML block type 2), open until a line holds `-->`. */
export interface OpenComment {
  level: number;
  start: number;
  quoted: boolean;
}

export interface OpenFence {
  char: string;
  length: number;
  level: number;
  start: number;
  lang: string;
  quoted: boolean;
}

/** Bail-out signal: the section is remark's. */
export class NotSimple extends Error {}

export function bail(): never {
  throw new NotSimple();
}

/** Spaces at `at` before the first other character; bails at a tab there (tab stops are remark's). */
export function spacesAt(text: string, at: number, end: number): number {
  let i = at;
  while (i < end && text[i] === ' ') i++;
  if (i < end && text[i] === '\t') bail();
  return i - at;
}

export function spacesAfter(text: string, at: number, end: number): number {
  let i = at;
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  return i - at;
}

/** The ATX heading whose `#` run starts at `at` (its indentation and containers' markers before it), or null. */
export function atxHeadingBlock(text: string, at: number, lineEnd: number, quoted: boolean): Block | null {
  const m = ATX.exec(text.slice(at, Math.min(lineEnd, at + 8)));
  if (!m) return null;
  const markerEnd = at + m[1].length;
  let cs = markerEnd;
  while (cs < lineEnd && (text[cs] === ' ' || text[cs] === '\t')) cs++;
  let ce = lineEnd;
  while (ce > cs && (text[ce - 1] === ' ' || text[ce - 1] === '\t')) ce--;
  // A closing run of `#`s, when it stands alone or after whitespace, is not content.
  let h = ce;
  while (h > cs && text[h - 1] === '#') h--;
  if (h < ce && (h === cs || text[h - 1] === ' ' || text[h - 1] === '\t')) {
    ce = h;
    while (ce > cs && (text[ce - 1] === ' ' || text[ce - 1] === '\t')) ce--;
  }
  const inlines = ce > cs ? simpleInlines(text, cs, ce) : [];
  if (!inlines) bail();
  if (ce <= cs) cs = ce = markerEnd + (/^[ \t]/.test(text.slice(markerEnd, markerEnd + 1)) ? spacesAfter(text, markerEnd, lineEnd) : 0);
  return makeBlock({ kind: 'heading', start: at, end: lineEnd, contentStart: cs, contentEnd: ce, depth: m[1].length, inferred: false, quoted, inlines });
}

/**
 * The paragraph `text[start, end)` underlined by the line ending at `lineEnd` (`===`: level 1, `---`: level 2), at
 * the margin: a heading — "text\n---" is often meant as a rule, and remark reads it so.
 */
export function setextHeadingBlock(text: string, start: number, end: number, lineEnd: number, underline: string): Block {
  if (text[start] === '[' && DEFINITION.test(text.slice(start, end))) bail();
  let ce = end;
  while (ce > start && (text[ce - 1] === ' ' || text[ce - 1] === '\t')) ce--;
  const inlines = simpleInlines(text, start, ce);
  if (!inlines) bail();
  return makeBlock({
    kind: 'heading', start, end: lineEnd, contentStart: start, contentEnd: ce, depth: underline === '=' ? 1 : 2,
    inferred: false, quoted: false, inlines,
  });
}
