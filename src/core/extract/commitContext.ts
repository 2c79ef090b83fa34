/**
 * What the words around a hex token say: is it a commit (and why), or an id/checksum/key written in a
 * commit-shaped way? Evidence must be earned from the text, because non-bare commits that git cannot resolve
 * are reported as unknown: a checksum taken as `keyword` evidence would be a false alarm.
 */
import type { CommitEvidence } from '../model';
import { isBlank, isBreak, isStop } from './sentenceChars';

/** Words in the same sentence that make a hex token a commit. `HEAD` is case-sensitive (see HEAD_WORD). */
const KEYWORD = /\b(?:commit(?:s|ted)?|merge[sd]?|merged?\s+as|pushed|push|cherry-pick(?:ed|s)?|cherry\s+pick(?:ed)?|amend(?:ed|s)?|rebased?|revert(?:ed|s)?|squash(?:ed)?|landed|sha1?|checkout|checked\s+out|bisect|(?:branch|local|remote)\s+tip|tip\s+(?:is|at|of)|git\s+(?:show|log|reset|diff|describe))\b/i;
const HEAD_WORD = /\bHEAD\b/;
/** The word commit in Japanese, Korean and Chinese handoffs (no `\b` there: these scripts have no spaces). */
const CJK_COMMIT_WORD = /コミット|커밋|提交/;
/** `PR #31 @ 9c8b7a6`, `MR !12 @ abc1234`: the commit a pull or merge request was at. Tested on the text before the token. */
const PULL_REQUEST_AT = /(?:^|[^\w])(?:PR|MR|pull\s+request|merge\s+request)\s*[#!]?\d{1,6}\s*@\s*[\x60*]*$/i;
/** In code blocks: a git command or a commit word on the line. */
const CODE_KEYWORD = /\bgit\b|\bcommit|cherry-pick|checkout|rebase|revert|\bmerge|\bsha\b/i;

/**
 * A word right before the token that says what it is instead: `session 4554cdd9`, `CRC32: 2D206BF7`,
 * `key=…`, `run id a1b2c3d4`. Checked on the text between the sentence start and the token.
 */
const NAMED_AS_OTHER = /(?:^|[^\w-])(?:ids?|keys?|tokens?|uuids?|guids?|sessions?|runs?|jobs?|kb|colou?rs?|crc(?:-?32)?|md5|sha-?(?:256|384|512)|checksums?|fingerprints?|digests?|nonces?|salts?|address(?:es)?|addr|offsets?|builds?|traces?|spans?|requests?|revision\s+ids?|down[_\s]revision|revises|alembic(?:\s+revision)?|(?:migrations?|db|database|schema|alembic)\s+head|migration|rom|images?|containers?|volumes?|layers?|pods?|pids?|processe?s?|instances?|hash(?:es)?\s+of|(?:content|file|image|asset|blob|integrity|cache)\s+hash(?:es)?)(?:\s+(?:id|key|hash))?\s*(?:[:=#]\s*)?[\x60*"'([]*$/i;
/** `a1b2c3d4` (session id), `a1b2c3d4 request id`: named right after the token. */
const NAMED_AFTER = /^[\x60*]*\s*\(?\s*(?:(?:session|run|job|request|trace|span|container|image|user|api)\s+)?(?:ids?|uuids?|keys?|tokens?|checksums?|crc(?:-?32)?|md5)\b/i;
/** A word anywhere in the sentence that makes hex a checksum or id, unless `commit` stands right before it. */
const CHECKSUM_CONTEXT = /\b(?:crc(?:-?32)?|md5|checksums?|sha-?(?:256|384|512)|uuids?|guids?|fingerprints?)\b/i;
const COMMIT_RIGHT_BEFORE = /\b(?:commit|sha1?|HEAD)\s*[:=]?\s*[\x60*]*$/i;
/** `SHA1:`, `**SHA-1**:`, `sha1sum` right before the token: git's word for a commit, and a file digest's too. */
const SHA1_LABEL = /(?:^|[^\w-])sha-?1?(?:\s*(?:hash|sum))?(?:\*\*|__)?\s*[:=]?\s*(?:\*\*|__)?\s*[\x60*"']*$/i;
/** A line labelled with another digest (`- CRC32: …`, `**MD5:** …`, `sha256 = …`): the lines are a file's checksums. */
const OTHER_DIGEST_LINE = /^[\s>*+-]*(?:\*\*|__)?(?:crc-?32|md5|sha-?(?:224|256|384|512)|blake2[bs]?|xxh(?:ash)?(?:32|64|128)?)(?:\*\*|__)?\s*[:=|]/im;
/** How many lines around the token's line are read for other digests, and at most how many characters each way. */
const DIGEST_LINES = 3;
const DIGEST_REACH = 600;

/** Column headers naming commits, and ones naming something else (a `Container` column holds 12-hex ids). */
const COMMIT_COLUMN = /\b(?:commits?|commit\(s\)|sha1?s?|hash(?:es)?|tip|head|rev|revision)\b/i;
const OTHER_COLUMN = /\b(?:ids?|uuids?|keys?|tokens?|sessions?|runs?|jobs?|kb|checksums?|crc(?:-?32)?|md5|sha-?(?:256|384|512)|colou?rs?|digests?|address|offset|build|trace|span|request|images?|containers?|revision\s+id)\b/i;

/** A first line `Commit What` / `SHA Message` of a text-rendered table. */
const TEXT_COMMIT_HEADER = /^\s*(?:commits?|sha1?|hash)\b(?:\s+\S+){0,5}\s*$/i;

/** Before a log-line SHA: only list markers, a checkbox, emphasis, backticks or brackets. */
const LOG_PREFIX = /^[\s>]*(?:(?:[-*+•◦▪]|\d{1,3}[.)])\s+)?(?:\[[ xX]\]\s+)?[*_\x60[(]*$/;
/** After it: a separator and the start of a message (`feat(api): …`, `- Added …`, `✨ Add …`). */
const LOG_SUFFIX = /^[\x60*_\])]*(?:\s*[-–—:|]\s+|\s+)(?:\([^)\n]{0,40}\)\s*)?[\p{L}\p{Extended_Pictographic}[(#]/u;
/** In code: a `git log` line (`af65598 msg`, `* af65598 (HEAD -> main) msg`, `commit <sha>`). */
const CODE_LOG_PREFIX = /^[\s*|\\/]*(?:commit\s+)?$/;

export interface Window {
  /** The sentence (or cell, or line) around the token. */
  start: number;
  end: number;
  /** The line (or cell) the token is on. */
  lineStart: number;
  lineEnd: number;
}

/** Sentence bounds around [start, end) inside [floor, ceil): split on `. `, `; `, `? `, `! ` and line ends. */
export function sentenceAround(text: string, start: number, end: number, floor: number, ceil: number): Window {
  let ls = start;
  while (ls > floor && start - ls < 120 && !isBreak(text.charCodeAt(ls - 1))) ls--;
  let le = end;
  while (le < ceil && le - end < 100 && !isBreak(text.charCodeAt(le))) le++;
  let s = ls;
  for (let i = start - 1; i > ls; i--) {
    if (isStop(text.charCodeAt(i - 1)) && isBlank(text.charCodeAt(i))) { s = i; break; }
  }
  let e = le;
  for (let i = end; i < le - 1; i++) {
    if (isStop(text.charCodeAt(i)) && isBlank(text.charCodeAt(i + 1))) { e = i; break; }
  }
  return { start: s, end: e, lineStart: ls, lineEnd: le };
}

/** True when the words around the token say it is an id, key or checksum rather than a commit. */
export function namedAsOther(text: string, start: number, end: number, w: Window): boolean {
  // the naming word stands right before the token: a short tail is enough, and keeps the regex cheap
  const before = text.slice(Math.max(w.start, start - 48), start);
  if (NAMED_AS_OTHER.test(before) || NAMED_AFTER.test(text.slice(end, Math.min(w.lineEnd, end + 32)))) return true;
  if (inDigestList(text, before, w)) return true;
  return CHECKSUM_CONTEXT.test(text.slice(w.start, w.end)) && !COMMIT_RIGHT_BEFORE.test(before);
}

/**
 * `SHA1: de5822f…` a line after `CRC32: 2D206BF7` and `MD5: a2bc44…`: a file's fingerprint, not a commit. A SHA-1
 * label alone says nothing either way (git names commits so), so it takes a neighbouring line labelled with another
 * digest; `commit` in the label keeps the token a commit.
 */
function inDigestList(text: string, before: string, w: Window): boolean {
  if (!SHA1_LABEL.test(before) || /commit/i.test(before)) return false;
  let from = w.lineStart;
  for (let n = 0; n < DIGEST_LINES && from > 0 && w.lineStart - from < DIGEST_REACH; n++) from = text.lastIndexOf('\n', from - 2) + 1;
  let to = w.lineEnd;
  for (let n = 0; n < DIGEST_LINES && to < text.length && to - w.lineEnd < DIGEST_REACH; n++) {
    const next = text.indexOf('\n', to + 1);
    to = next < 0 ? text.length : next;
  }
  return OTHER_DIGEST_LINE.test(text.slice(Math.max(from, w.lineStart - DIGEST_REACH), Math.min(to, w.lineEnd + DIGEST_REACH)));
}

/** `commit `8914391``: the word right before the token names it a commit. */
export function commitRightBefore(text: string, start: number): boolean {
  return COMMIT_RIGHT_BEFORE.test(text.slice(Math.max(0, start - 24), start));
}

/** The token is the commit a pull request was at: `PR #31 @ \x609c8b7a6\x60`. */
export function afterPullRequestAt(text: string, start: number): boolean {
  return PULL_REQUEST_AT.test(text.slice(Math.max(0, start - 40), start));
}

export function hasKeyword(text: string, w: Window): boolean {
  const s = text.slice(w.start, w.end);
  return KEYWORD.test(s) || HEAD_WORD.test(s) || CJK_COMMIT_WORD.test(s);
}

/** `column` for a commit-named header, null for an id/key-named one, undefined when the header says neither. */
export function columnEvidence(header: string | undefined): CommitEvidence | null | undefined {
  if (!header) return undefined;
  if (OTHER_COLUMN.test(header) && !/\bcommit/i.test(header)) return null;
  return COMMIT_COLUMN.test(header) ? 'column' : undefined;
}

/** A git-log-like line: the token starts the line (after markers) and a message follows. */
export function isLogLine(text: string, start: number, end: number, w: Window): boolean {
  return LOG_PREFIX.test(text.slice(w.lineStart, start)) && LOG_SUFFIX.test(text.slice(end, Math.min(w.lineEnd, end + 24)));
}

export function codeLineEvidence(text: string, start: number, end: number, w: Window): CommitEvidence | null {
  if (CODE_LOG_PREFIX.test(text.slice(w.lineStart, start))) {
    const rest = text.slice(end, Math.min(w.lineEnd, end + 24));
    if (/^\s+\S/.test(rest) || /commit\s+$/.test(text.slice(w.lineStart, start))) return 'log-line';
  }
  const line = text.slice(w.lineStart, w.lineEnd);
  return CODE_KEYWORD.test(line) || HEAD_WORD.test(line) ? 'keyword' : null;
}

/**
 * Rows of text-rendered tables (`Commit What`, then `1385d50 feat(...)` lines): the parser may have read the
 * header line as an inferred heading, so this looks at lines, not blocks. A line is in such a table when the
 * line above is the header or another row of it; answers are memoised per line, so a long table costs one
 * pass.
 */
export class TextCommitTables {
  private readonly memo = new Map<number, boolean>();

  constructor(private readonly text: string, private readonly lineStarts: readonly number[]) {}

  /** The token at `start` opens line `line` of a commit table. */
  isRow(line: number, start: number): boolean {
    const ls = this.lineStarts[line];
    // a row's SHA opens its line: never slice a long line just to learn that
    return start - ls <= 8 && /^[\s•*-]*$/.test(this.text.slice(ls, start)) && this.below(line);
  }

  private below(line: number): boolean {
    if (line === 0) return false;
    const hit = this.memo.get(line);
    if (hit !== undefined) return hit;
    const prev = this.lineText(line - 1);
    let verdict = false;
    if (TEXT_ROW.test(prev)) verdict = this.below(line - 1);
    else verdict = TEXT_COMMIT_HEADER.test(prev) && !/[0-9a-fA-F]{7}/.test(prev);
    this.memo.set(line, verdict);
    return verdict;
  }

  private lineText(line: number): string {
    const s = this.lineStarts[line];
    const e = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    return this.text.slice(s, Math.min(e, s + 200)).replace(/[\r\n]+$/, '');
  }
}

const TEXT_ROW = /^[\s•*-]*[0-9a-fA-F]{7,40}\s+\S/;

/** Front matter: `git_commit: abc1234`, `commit:`, `sha:`, `head:`; other keys' hex is not a commit. */
export function frontMatterKey(text: string, lineStart: number, start: number): boolean {
  return start - lineStart <= 64 && /^[ \t-]*["']?(?:git_?)?(?:commit|sha|head|rev|revision|tip|base_commit|last_commit)["']?\s*:\s*["']?$/i.test(text.slice(lineStart, start));
}
