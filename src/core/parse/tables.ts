/**
 * Tables by a line pass instead of remark-gfm's resolver, which is quadratic in table cells (a 3,000-row
 * table takes seconds). Plain remark hands us a table as a paragraph; this finds the header, delimiter and
 * body rows in its lines and splits cells on unescaped `|` outside code spans.
 */
import { makeBlock, type Block, type Inline, type Span } from './blocks';
import { InlineCursor } from './inlineCursor';
import { hasCarriageReturn } from './lines';

const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

export interface LineSlice {
  start: number;
  end: number; // excluding the line break
}

/** Splits `text[start, end)` into lines (without their breaks). */
export function linesIn(text: string, start: number, end: number): LineSlice[] {
  if (hasCarriageReturn(text)) return linesByCharacter(text, start, end);
  const out: LineSlice[] = [];
  let s = start;
  for (let i = text.indexOf('\n', start); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
    out.push({ start: s, end: i });
    s = i + 1;
  }
  if (s < end) out.push({ start: s, end });
  return out;
}

/** The same, reading every character (any line breaks). */
export function linesByCharacter(text: string, start: number, end: number): LineSlice[] {
  const out: LineSlice[] = [];
  let s = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      out.push({ start: s, end: i });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      s = i + 1;
    }
  }
  if (s < end) out.push({ start: s, end });
  return out;
}

/** Where a table starts among `lines` (its header row), or -1: a `|` line followed by a delimiter row. */
export function findTableStart(text: string, lines: readonly LineSlice[]): number {
  for (let i = 0; i + 1 < lines.length; i++) {
    const header = text.slice(lines[i].start, lines[i].end);
    const delimiter = text.slice(lines[i + 1].start, lines[i + 1].end);
    if (header.includes('|') && delimiter.includes('-') && DELIMITER_ROW.test(delimiter)) {
      if (!delimiter.includes('|') && !header.trim().startsWith('|')) continue; // `text\n---` is a setext heading
      return i;
    }
  }
  return -1;
}

const [SPACE, TAB, PIPE, BACKSLASH, BACKTICK] = [32, 9, 124, 92, 96];

/** Cell content spans of one row, trimmed, with `|` inside code spans and `\|` escapes not splitting. */
export function splitCells(text: string, start: number, end: number): Span[] {
  const cells: Span[] = [];
  let i = start;
  while (i < end && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
  if (text.charCodeAt(i) === PIPE) i++;
  let cellStart = i;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) { i += 2; continue; }
    if (c === BACKTICK) {
      let n = 0;
      while (text.charCodeAt(i + n) === BACKTICK) n++;
      // Searched within the row only: the text is the whole document, and a row may hold many lone backticks.
      const found = text.slice(i + n, end).indexOf('`'.repeat(n));
      const close = found < 0 ? -1 : i + n + found;
      if (close > 0 && text.charCodeAt(close + n) !== BACKTICK) { i = close + n; continue; }
      i += n;
      continue;
    }
    if (c === PIPE) {
      cells.push(trimSpan(text, cellStart, i));
      cellStart = i + 1;
    }
    i++;
  }
  const last = trimSpan(text, cellStart, end);
  if (last.end > last.start) cells.push(last); // a trailing `|` leaves an empty tail, not a cell
  return cells;
}

/**
 * The span without the white space `trim()` takes off (JavaScript's `\s`), read by character code: a wide table has
 * a cell every few characters, and a regular expression per character was most of its reading.
 */
function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && isJsSpace(text.charCodeAt(start))) start++;
  while (end > start && isJsSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** `/\s/` for one UTF-16 code unit. */
export function isJsSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f
    || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Header cell text as a plain label: `**Commit**` → `Commit`, `` `SHA` `` → `SHA`. */
export function headerLabel(text: string, span: Span): string {
  return text.slice(span.start, span.end).replace(/[*_`]/g, '').trim();
}

/**
 * Turns the table lines of a paragraph into `tableRow` blocks; lines before the table stay a paragraph
 * (`makeParagraph`). Returns false when the paragraph holds no table.
 */
export function emitTable(
  text: string,
  start: number,
  end: number,
  inlines: readonly Inline[],
  quoted: boolean,
  out: Block[],
  makeParagraph: (start: number, end: number) => void,
): boolean {
  const lines = linesIn(text, start, end);
  const at = findTableStart(text, lines);
  if (at < 0) return false;
  if (at > 0) makeParagraph(lines[0].start, lines[at - 1].end);
  const headerCells = splitCells(text, lines[at].start, lines[at].end);
  const header = headerCells.map((c) => headerLabel(text, c));
  const rows = [lines[at], ...lines.slice(at + 2)];
  const cursor = new InlineCursor(inlines);
  rows.forEach((row, index) => {
    const cells = index === 0 ? headerCells : splitCells(text, row.start, row.end);
    out.push(makeBlock({
      kind: 'tableRow',
      start: row.start,
      end: row.end,
      contentStart: cells.length ? cells[0].start : row.start,
      contentEnd: cells.length ? cells[cells.length - 1].end : row.end,
      depth: 0,
      inferred: false,
      quoted,
      cells,
      header,
      isHeaderRow: index === 0,
      inlines: cursor.take(row.start, row.end),
    }));
  });
  return true;
}
