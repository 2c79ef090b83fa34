/**
 * The words a breadcrumb is read with: its clause. What the document says of a file (removed, planned, in another
 * repository, under which folder) is said in the same sentence, list item, table cell or code line, close to the
 * name; words elsewhere in the section speak of other things. A line break ends a clause too: lists of files
 * written one per line (`agents/a.md (deleted)` then `agents/b.md`) must not lend one line's words to the next.
 */
import type { Block } from '../parse/blocks';
import { isBlank, isBreak, isStop } from './sentenceChars';

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
  // one pass each way, ending at a line break or (outside code) a sentence stop: `. `, `; `, `! `, `? ` (a path's
  // own dots are followed by letters, not blanks)
  const prose = block.kind !== 'code' && block.kind !== 'html' && block.kind !== 'frontMatter';
  let s = start;
  for (; s > floor; s--) {
    const c = text.charCodeAt(s - 1);
    if (isBreak(c)) break;
    if (prose && isBlank(c) && s - 2 >= floor && isStop(text.charCodeAt(s - 2))) { s--; break; }
  }
  let e = end;
  for (; e < ceil; e++) {
    const c = text.charCodeAt(e);
    if (isBreak(c)) break;
    if (prose && isStop(c) && e + 1 < ceil && isBlank(text.charCodeAt(e + 1))) break;
  }
  return { start: s, end: e };
}

