/**
 * Abbreviated SHAs that read as numbers in exponent form: `1e50032` is all digits and one `e`, so the shape test
 * rejects it as `1 × 10^50032`. One abbreviated SHA in a few hundred has that shape, and in a git log it is a
 * commit like any other. A line that only looks like a log (`1e10000 iterations`, a column of floats in a code
 * block) must not make one, so the log has to show itself: the message after the token reads as a commit message
 * (`fix: …`, `feat(api): …`, `Merge …`, `Revert …`), or a neighbouring line is a log line with an ordinary SHA.
 */
import { plausibleSha } from './hex';

const EXPONENT_FORM = /^[0-9]+[eE][0-9]+$/;
/** After the token: separators, then a conventional-commit type or git's own merge and revert subjects. */
const COMMIT_MESSAGE = /^[\x60*_\])]*\s*[-–—:|]?\s*(?:(?:feat|fix|chore|docs|refactor|tests?|perf|build|ci|style|revert|release|hotfix|wip|deps)(?:\([^)\n]{0,40}\))?!?:\s|Merge\s|Revert\s)/;
/** A neighbouring log line: list markers, then a hex token, then a message. */
const NEIGHBOUR_LOG = /^[\s>]*(?:(?:[-*+•]|\d{1,3}[.)])\s+)?[*_\x60[(]*([0-9a-fA-F]{7,40})[\x60*_\])]*(?:\s*[-–—:|]\s+|\s+)\S/d;
const MAX_LINE = 300;

export function isExponentForm(text: string, start: number, end: number): boolean {
  return EXPONENT_FORM.test(text.slice(start, end));
}

/**
 * The exponent-form token at [start, end), already judged to open a log-like line, is in a commit log: its own
 * message reads as a commit's, or the line before or after is a log line with an ordinary SHA.
 */
export function inCommitLog(text: string, start: number, end: number): boolean {
  if (COMMIT_MESSAGE.test(text.slice(end, end + 64))) return true;
  return neighbourIsLog(text, lineStart(text, start) - 1, -1) || neighbourIsLog(text, lineEnd(text, end), 1);
}

/** The line beyond the break at `at` (direction -1: the line ending there; 1: the line starting after it). */
function neighbourIsLog(text: string, at: number, direction: -1 | 1): boolean {
  if (at < 0 || at >= text.length) return false;
  let s: number;
  let e: number;
  if (direction === 1) {
    s = at + (text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? 2 : 1);
    e = lineEnd(text, s);
  } else {
    e = at > 0 && text.charCodeAt(at) === 10 && text.charCodeAt(at - 1) === 13 ? at - 1 : at;
    s = lineStart(text, e);
  }
  const m = NEIGHBOUR_LOG.exec(text.slice(s, Math.min(e, s + MAX_LINE)));
  if (!m) return false;
  const span = m.indices?.[1];
  if (!span) return false;
  const hexStart = s + span[0];
  return plausibleSha(text, hexStart, hexStart + m[1].length);
}

function lineStart(text: string, at: number): number {
  let s = at;
  while (s > 0 && at - s < MAX_LINE && text.charCodeAt(s - 1) !== 10 && text.charCodeAt(s - 1) !== 13) s--;
  return s;
}

function lineEnd(text: string, at: number): number {
  let e = at;
  while (e < text.length && e - at < MAX_LINE && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
  return e;
}
