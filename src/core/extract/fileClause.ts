/**
 * The words a breadcrumb is read with: its clause. What the document says of a file (removed, planned, in another
 * repository, under which folder) is said in the same sentence, list item, table cell or code line, close to the
 * name; words elsewhere in the section speak of other things. A line break ends a clause too: lists of files
 * written one per line (`agents/a.md (deleted)` then `agents/b.md`) must not lend one line's words to the next.
 */
import type { Block } from '../parse/blocks';

/** How far a clause reaches on either side of a breadcrumb (a bound on the work, and on how far words apply). */
const REACH = 240;

export interface Clause {
  start: number;
  end: number;
}

/** The clause around the breadcrumb [start, end) in `block`. */
export function clauseAround(text: string, block: Block, start: number, end: number): Clause {
  let floor = Math.max(block.contentStart, start - REACH);
  let ceil = Math.min(block.contentEnd, end + REACH);
  const cell = block.cells?.find((c) => c.start <= start && start <= c.end);
  if (cell) {
    floor = Math.max(floor, cell.start);
    ceil = Math.min(ceil, cell.end);
  }
  let s = start;
  while (s > floor && !isBreak(text.charCodeAt(s - 1))) s--;
  let e = end;
  while (e < ceil && !isBreak(text.charCodeAt(e))) e++;
  if (block.kind === 'code' || block.kind === 'html' || block.kind === 'frontMatter') return { start: s, end: e };
  // sentence stops: `. `, `; `, `! `, `? ` (a path's own dots are followed by letters, not blanks)
  for (let i = start - 1; i > s; i--) {
    if (isStop(text.charCodeAt(i - 1)) && isBlank(text.charCodeAt(i))) { s = i; break; }
  }
  for (let i = end; i < e - 1; i++) {
    if (isStop(text.charCodeAt(i)) && isBlank(text.charCodeAt(i + 1))) { e = i; break; }
  }
  return { start: s, end: e };
}

function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}

function isStop(c: number): boolean {
  return c === 46 || c === 59 || c === 63 || c === 33;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}
