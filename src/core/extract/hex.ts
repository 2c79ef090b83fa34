/**
 * The hex-token classifier shared by the commit and ref extractors: finds maximal hex runs that could be a
 * commit SHA and rejects the shapes that are something else (colours, UUID parts, checksums, ids with a
 * prefix, truncated keys, file names, numbers, words spelt with hex letters).
 *
 * Only the token's own shape and the characters glued to it are judged here; what the surrounding words say
 * (column headers, "commit", "crc32") is the job of `commitContext.ts`.
 */
import { lineOf } from '../parse/lines';
import { withoutWrappedPieces } from './wrappedHex';
import { afterPullRequestAt } from './commitContext';

export interface HexToken {
  start: number;
  end: number;
}

/**
 * A whole word (`\b`: ASCII letters, digits, `_`) of 7+ hex digits: a maximal hex run delimited by non-word
 * characters. Boundaries in the pattern let the regex engine skip to word starts (faster than checking each match).
 */
const HEX_WORD = /\b[0-9a-fA-F]{7,}\b/g;
const ALL_DIGITS = /^[0-9]+$/;
const ALL_LETTERS = /^[a-fA-F]+$/;
/** `1234e56`: reads as a number in scientific notation, not a SHA. */
const SCIENTIFIC = /^[0-9]+[eE][0-9]+$/;
/** Prefix words that make `word:hex`, `word/hex` or `word=hex` a commit reference rather than an id. */
const COMMIT_PREFIX = /(?:^|[^A-Za-z])(?:commit|commits|tree|blob|compare|sha|sha1|rev|revision|head)$/i;

export function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

export function isHexChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Commit SHAs are abbreviated to 7–12 digits or written in full (40); 16/32/64 are ids, keys and digests. */
export function hasShaLength(n: number): boolean {
  return (n >= 7 && n <= 12) || n === 40;
}

/**
 * Every maximal hex run of 7+ digits in `text` delimited by non-word characters (so `feedbac` inside
 * "feedback" and `d2657c9e4cb3` in `d2657c9e4cb3_add_x.py` are never seen), in order, without the halves of runs
 * a hard wrap cut in two (`wrappedHex`). One native regex sweep over the whole document: extractors then pick
 * each block's tokens by offset instead of re-scanning.
 */
export function scanHexTokens(text: string): HexToken[] {
  const out: HexToken[] = [];
  HEX_WORD.lastIndex = 0;
  for (let m = HEX_WORD.exec(text); m; m = HEX_WORD.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return withoutWrappedPieces(text, out);
}

/** Index of the first token starting at or after `offset` (tokens are sorted). */
export function firstTokenAt(tokens: readonly HexToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The other end of a range `a..b`, `a...b`, `a^..b`, `a~2..b` written right after the token, or null. */
export function rangeAfter(text: string, end: number, limit: number): HexToken | null {
  let i = end;
  if (text[i] === '^' || text[i] === '~') {
    i++;
    while (i < limit && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  }
  if (text[i] !== '.' || text[i + 1] !== '.') return null;
  i += text[i + 2] === '.' ? 3 : 2;
  let j = i;
  while (j < limit && isHexChar(text.charCodeAt(j))) j++;
  if (j === i || (j < limit && isWordChar(text.charCodeAt(j)))) return null;
  return plausibleSha(text, i, j) ? { start: i, end: j } : null;
}

/** The first end of a range written right before the token, or null. */
export function rangeBefore(text: string, start: number, floor: number): HexToken | null {
  let i = start;
  if (i - 2 < floor || text[i - 1] !== '.' || text[i - 2] !== '.') return null;
  i -= text[i - 3] === '.' ? 3 : 2;
  while (i > floor && text.charCodeAt(i - 1) >= 48 && text.charCodeAt(i - 1) <= 57 && text[i - 2] === '~') i -= 2;
  if (text[i - 1] === '^' || text[i - 1] === '~') i--;
  let j = i;
  while (j > floor && isHexChar(text.charCodeAt(j - 1))) j--;
  if (j === i || (j > floor && isWordChar(text.charCodeAt(j - 1)))) return null;
  return plausibleSha(text, j, i) ? { start: j, end: i } : null;
}

/**
 * The token's own shape could be a SHA: a commit length, not a word spelt in hex letters (`deadbeef`,
 * `facade`), not a number in scientific notation. All-digit tokens (`4194304`) are numbers unless
 * `allowDigits`: a caller passes it only for a backticked token where a SHA is explicitly claimed, since
 * real abbreviated SHAs are sometimes all digits (`8914391`).
 */
export function plausibleSha(text: string, start: number, end: number, allowDigits = false): boolean {
  if (!hasShaLength(end - start)) return false;
  const s = text.slice(start, end);
  if (ALL_LETTERS.test(s) || SCIENTIFIC.test(s)) return false;
  if (!ALL_DIGITS.test(s)) return true;
  return allowDigits && text[start - 1] === '`' && text[end] === '`' && !UNIT_AFTER.test(text.slice(end + 1, end + 16));
}

/**
 * The example SHAs of documentation and tests (`abc1234`, `abcd1234`, `1234567`, `abcdef0`, `a1b2c3d`, `deadbeef1`,
 * `0000000`): written to show what a SHA looks like (`git revert abc1234`, a regex's test string), not to name a
 * commit. A real commit starts so with a chance of one in sixteen million.
 */
const PLACEHOLDER = /^(?:abc123|abcd12|123456|012345|abcdef[0-9]|a1b2c3|1a2b3c|deadbeef|cafebabe|([0-9a-f])\1{6})/i;

export function isPlaceholderSha(sha: string): boolean {
  return PLACEHOLDER.test(sha);
}

/** `4194304` bytes: a quantity, whatever is claimed around it. */
const UNIT_AFTER = /^\s*(?:bytes?|[kmgt]i?b|lines?|files?|tests?|rows?|ms|s|sec(?:ond)?s?|items?|tokens?|chars?|characters?|records?|users?)\b/i;

/** All digits: a number unless the context claims a SHA (see `plausibleSha`). */
export function isAllDigits(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Rejects tokens by what is glued before them (no space between): `#1f6feb`, `sha256:4e12…`,
 * `run:job:9b2c…`, `…-4f25-…` UUID parts, `a/b/abc1234`, `id="a1b2c3d4"`. `commit/af65598` (a GitHub URL),
 * `sha:abc1234` and `rev=abc1234` still name a commit.
 */
export function gluedBefore(text: string, start: number): boolean {
  const before = text.charCodeAt(start - 1);
  const before2 = text.charCodeAt(start - 2);
  if (before === 35 /* # */) return true;
  if (before === 64 /* @ */ && afterPullRequestAt(text, start)) return false; // `PR #31@9c8b7a6`
  if (before === 45 /* - */ && isWordChar(before2)) return true; // UUID tail, slug-abc1234
  if (
    (before === 58 /* : */ || before === 61 /* = */ || before === 47 /* / */ || before === 64 /* @ */ ||
      before === 46 /* . */ || before === 36 /* $ */ || before === 37 /* % */ || before === 43 /* + */ ||
      before === 92 /* \ */ || before === 126 /* ~ */ || before === 38 /* & */) &&
    (isWordChar(before2) || before2 === 58 || before2 === 47)
  ) {
    if (before === 47 || before === 58 || before === 61) {
      const prefix = text.slice(Math.max(0, start - 12), start - 1);
      if (COMMIT_PREFIX.test(prefix) && !/sha-?(?:256|384|512)$/i.test(prefix)) return false;
    }
    return true;
  }
  // an attribute value: id="a1b2c3d4"
  return (before === 34 /* " */ || before === 39 /* ' */) && before2 === 61 /* = */;
}

/**
 * Rejects tokens by what is glued after them: `9003dbc6…` (truncated), `abc1234...` (an ellipsis; ranges
 * are checked before), `abc1234.py`, `C0FFEE1:0B4E` (bank:addr), `abc1234-4f25` (UUID head), `abc1234/x`.
 */
export function gluedAfter(text: string, end: number): boolean {
  const after = text.charCodeAt(end);
  const after2 = text.charCodeAt(end + 1);
  if (after === 0x2026 /* … */) return true;
  if (after === 46 /* . */ && (after2 === 46 || isWordChar(after2))) return true;
  if (after === 45 /* - */ && (after2 === 46 || after2 === 0x2026)) return true; // `5e41b64c-...`: a truncated UUID
  return (
    (after === 45 /* - */ || after === 47 /* / */ || after === 64 /* @ */ || after === 61 /* = */ ||
      after === 43 /* + */ || after === 58 /* : */) && isWordChar(after2)
  );
}

/** Where the line containing `at` starts. */
export function lineStartAt(lineStarts: readonly number[], at: number): number {
  return lineStarts[lineOf(lineStarts, at)] ?? 0;
}
