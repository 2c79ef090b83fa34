/**
 * Hex runs cut in two by a terminal's hard wrap: `…commit 0123456789abcdef0123456789abcdef0` at the end of a full
 * line and `1234567 fix: x` at the start of the next. Each piece alone may look like an abbreviated SHA, but it is
 * half of something else: neither is a commit. A piece is taken as half of a wrapped run only when
 * - the break is glued to hex on both sides (no space before the break, only indentation or `>` after it),
 * - the line it breaks is full: at least 40 characters and no shorter than the lines around it (a terminal wraps
 *   at a fixed width, so a wrapped line is the longest of its paragraph), and
 * - the two pieces add up to a SHA's length, or to more than a full SHA without the first being one (a digest).
 * Two whole SHAs that merely end and start neighbouring lines (`abc1234` / `def5678 fix`) add up to neither.
 */
import { hasShaLength, isHexChar, isWordChar, type HexToken } from './hex';

/** Lines longer than this are not measured further: they are full by any standard. */
const MAX_MEASURE = 400;
const MIN_FULL_LINE = 40;

/** `tokens` without the pieces of wrapped hex runs (the same array when there are none). */
export function withoutWrappedPieces(text: string, tokens: HexToken[]): HexToken[] {
  let out: HexToken[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    if (!isWrappedPiece(text, tokens[i])) {
      if (out) out.push(tokens[i]);
    } else if (!out) {
      out = tokens.slice(0, i);
    }
  }
  return out ?? tokens;
}

function isWrappedPiece(text: string, t: HexToken): boolean {
  const len = t.end - t.start;
  if (isBreak(text.charCodeAt(t.end))) {
    const next = afterBreak(text, t.end);
    let e = next;
    while (e < text.length && e - next <= 64 && isHexChar(text.charCodeAt(e))) e++;
    if (e === next || isWordChar(text.charCodeAt(e))) return false;
    return piecesAddUp(text, len, next, e) && lineIsFull(text, t.end);
  }
  // Only a token that opens its line's content (nothing but indentation and quote markers since the break) may be
  // a wrapped run's second piece: read back no further than the first other character (a token in the middle of
  // a long line would otherwise measure the line back to its start, or MAX_MEASURE, each time).
  let lineStart = t.start;
  while (lineStart > 0 && t.start - lineStart < MAX_MEASURE && !isBreak(text.charCodeAt(lineStart - 1))) {
    if (!isIndent(text.charCodeAt(lineStart - 1))) return false;
    lineStart--;
  }
  if (lineStart === 0) return false;
  let prevEnd = lineStart - 1;
  if (text.charCodeAt(prevEnd) === 10 && text.charCodeAt(prevEnd - 1) === 13) prevEnd--;
  let s = prevEnd;
  while (s > 0 && prevEnd - s <= 64 && isHexChar(text.charCodeAt(s - 1))) s--;
  if (s === prevEnd || (s > 0 && isWordChar(text.charCodeAt(s - 1)))) return false;
  return piecesAddUp(text, len, s, prevEnd) && lineIsFull(text, prevEnd);
}

/**
 * The whole run (the token of `tokenLength` and the other piece at [s, e)) is a SHA's length, or longer than a full
 * SHA with neither piece a full one. A piece shorter than a token must mix digits and letters: a line that ends in
 * the word "a" or "bed", or starts with "2 tests", is prose, not half a SHA.
 */
function piecesAddUp(text: string, tokenLength: number, s: number, e: number): boolean {
  const other = e - s;
  if (other < 7 && !mixesDigitsAndLetters(text, s, e)) return false;
  const whole = tokenLength + other;
  return hasShaLength(whole) || (whole > 40 && tokenLength !== 40 && other !== 40);
}

/** The line ending at the break `at` is at least 40 characters and no shorter than the lines before and after it. */
function lineIsFull(text: string, at: number): boolean {
  const start = lineStartOf(text, at);
  const length = Math.min(MAX_MEASURE, at - start);
  if (length < MIN_FULL_LINE) return false;
  if (length >= MAX_MEASURE) return true;
  const next = afterBreakRaw(text, at);
  let nextEnd = next;
  while (nextEnd < text.length && nextEnd - next <= MAX_MEASURE && !isBreak(text.charCodeAt(nextEnd))) nextEnd++;
  if (nextEnd - next > length) return false;
  if (start === 0) return true;
  let prevEnd = start - 1;
  if (text.charCodeAt(prevEnd) === 10 && text.charCodeAt(prevEnd - 1) === 13) prevEnd--;
  return prevEnd - lineStartOf(text, prevEnd) <= length;
}

function mixesDigitsAndLetters(text: string, s: number, e: number): boolean {
  let digit = false;
  let letter = false;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digit = true;
    else letter = true;
  }
  return digit && letter;
}

function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/** Where the line holding `at` starts (looking back at most MAX_MEASURE characters). */
function lineStartOf(text: string, at: number): number {
  let s = at;
  while (s > 0 && at - s < MAX_MEASURE && !isBreak(text.charCodeAt(s - 1))) s--;
  return s;
}

/** Past the line break at `at` (`\r\n`, `\n` or `\r`). */
function afterBreakRaw(text: string, at: number): number {
  if (text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10) return at + 2;
  return at + 1;
}

/** Past the line break at `at` and the next line's indentation and quote markers. */
function afterBreak(text: string, at: number): number {
  let q = afterBreakRaw(text, at);
  while (q < text.length && q - at < 64 && isIndent(text.charCodeAt(q))) q++;
  return q;
}

function isIndent(c: number): boolean {
  return c === 32 || c === 9 || c === 62 /* > */;
}
