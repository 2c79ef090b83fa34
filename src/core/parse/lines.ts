/** Line bookkeeping: offsets ↔ 0-based `{line, character}` positions in UTF-16 code units, as VS Code counts. */
import type { Position, Range } from '../model';

/**
 * Whether `text` has a carriage return anywhere. Most texts have none: their lines end at `\n` alone, found by
 * native search (three times faster than reading every character). Asked of the same text over and over (each
 * section, each extractor), the answer for the last text is kept.
 */
export function hasCarriageReturn(text: string): boolean {
  if (text !== crText) {
    crText = text;
    crFound = text.includes('\r');
  }
  return crFound;
}
let crText: string | null = null;
let crFound = false;

/** Offsets at which each line starts; a line ends at \r\n, \r or \n (as VS Code and the scorer split). */
export function computeLineStarts(text: string): number[] {
  if (hasCarriageReturn(text)) return lineStartsByCharacter(text);
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The same, reading every character (any line breaks). */
export function lineStartsByCharacter(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Where the first line of [start, end) ends: its first \r or \n, or `end`. */
export function firstLineEnd(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return end;
}

/** The index of the line containing `offset` (binary search). */
export function lineOf(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function positionAt(lineStarts: readonly number[], offset: number): Position {
  const line = lineOf(lineStarts, offset);
  return { line, character: offset - lineStarts[line] };
}

export function rangeOf(lineStarts: readonly number[], start: number, end: number): Range {
  return { start: positionAt(lineStarts, start), end: positionAt(lineStarts, end) };
}

/** The end of the line starting at `lineStarts[line]`, excluding its line break. */
export function lineEnd(text: string, lineStarts: readonly number[], line: number): number {
  let end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
  while (end > lineStarts[line] && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return end;
}

/** Removes a leading UTF-8 BOM: VS Code never shows it, so ranges must not count it. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
