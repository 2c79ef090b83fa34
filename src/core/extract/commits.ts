/**
 * Commit SHAs with exact offsets and the evidence that makes each a commit. One regex sweep finds every
 * maximal hex run of the document (`scanHexTokens`); each block then judges only its own tokens, so the cost
 * grows with the number of hex tokens, not with the text around them.
 *
 * Order of judgement for a token: its shape (`plausibleSha`), ranges (`a^..b` — before the glue rules,
 * since `..` would read as glue), what is glued to it (`#`, `sha256:`, `…`, `-` UUID parts), words naming it
 * as something else (CRC32, session, key), then the strongest evidence that applies.
 */
import { lineEnd, lineOf } from '../parse/lines';
import type { CommitEvidence, PushClaim } from '../model';
import type { Block, ParsedText } from '../parse/blocks';
import type { ExtractContext, Extractor, FoundCommit } from './types';
import {
  firstTokenAt, gluedAfter, gluedBefore, hasShaLength, isAllDigits, lineStartAt, plausibleSha, rangeAfter, rangeBefore, scanHexTokens,
} from './hex';
import {
  afterPullRequestAt, codeLineEvidence, columnEvidence, commitRightBefore, hasKeyword, isLogLine, namedAsOther,
  sentenceAround, TextCommitTables, type Window,
} from './commitContext';
import { refsWithTokens } from './refs';
import { gluedCommits } from './commitGlued';
import { inCommitLog, isExponentForm } from './exponentShas';
import { frontMatterEvidence } from './frontMatterCommits';
import { labelledAbove } from './labelledShas';
import { isSpacingFullWidth, withAsciiPunctuation } from './asciiPunctuation';
import { pushClaimOf } from './commitPush';
import { OtherRepositories, repositoryNamed } from './commitElsewhere';
import { subjectCell, subjectInCell, writtenSubject } from './commitSubject';

export const extractCommits: Extractor<FoundCommit> = (parsed: ParsedText, _context?: ExtractContext) => {
  try {
    return findCommits(withAsciiPunctuation(parsed), parsed.text);
  } catch {
    return []; // never throw on any input
  }
};

/** What judging a token needs besides the token: `raw` is the text as written, `parsed.text` the ASCII view. */
interface Judging {
  parsed: ParsedText;
  raw: string;
  tables: TextCommitTables;
  claimed: Set<number>;
}

function findCommits(parsed: ParsedText, raw: string): FoundCommit[] {
  const { text, blocks } = parsed;
  const tokens = scanHexTokens(text);
  // The ref extractor needs the same tokens (its answer is kept per parsed text): asked here even when there are
  // none, so the text is never swept twice.
  const refs = refsWithTokens(parsed, tokens);
  const out: FoundCommit[] = [];
  if (tokens.length === 0) return out;
  const claimed = new Set<number>();
  for (const r of refs) if (r.sha) claimed.add(r.sha.start);
  const done = new Set<number>(); // token starts already judged (list items' ranges nest)
  const j: Judging = { parsed, raw, tables: new TextCommitTables(text, parsed.lineStarts), claimed };
  const others = new OtherRepositories(text);
  for (const b of blocks) {
    if (b.kind === 'tableRow' && b.isHeaderRow) continue;
    for (let i = firstTokenAt(tokens, b.contentStart); i < tokens.length && tokens[i].start < b.contentEnd; i++) {
      const t = tokens[i];
      if (t.end > b.contentEnd || done.has(t.start)) continue;
      done.add(t.start);
      const evidence = judge(j, b, t.start, t.end);
      if (!evidence) continue;
      const found: FoundCommit = { sha: text.slice(t.start, t.end), evidence, start: t.start, end: t.end };
      const pushClaim = claimedPush(text, b, t.start, t.end);
      if (pushClaim) found.pushClaim = pushClaim;
      const elsewhere = repositoryNamed(text, t.start, t.end, b.start, others);
      if (elsewhere) found.elsewhere = elsewhere;
      // Only a log line (`f7385cb docs: add x`) or a table's SHA column writes a subject beside the SHA; in prose the
      // words after it are the sentence's ("commit `1c5cb24` on the feature branch").
      const subject = evidence === 'log-line' || evidence === 'column' ? subjectBeside(raw, parsed.lineStarts, b, t.start, t.end) : null;
      if (subject) found.subject = subject;
      out.push(found);
    }
  }
  gluedCommits(parsed, out);
  return out;
}

/** The subject written beside the SHA: on its line, or in its table row's subject column (extract/commitSubject.ts). */
function subjectBeside(raw: string, lineStarts: readonly number[], b: Block, start: number, end: number): string | null {
  if (b.kind !== 'tableRow' || !b.cells) return writtenSubject(raw, start, end, Math.min(lineEnd(raw, lineStarts, lineOf(lineStarts, end)), b.contentEnd));
  const cell = subjectCell(b.cells, b.header, start);
  return cell && subjectInCell(raw, cell.start, cell.end);
}

/** The push state the words around the commit claim; a failure here costs the claim, never the commit. */
function claimedPush(text: string, b: Block, start: number, end: number): PushClaim | null {
  try {
    return pushClaimOf(text, b, start, end);
  } catch {
    return null;
  }
}

/** The evidence for the token at [start, end) in block `b`, or null when it is not a commit. */
function judge(j: Judging, b: Block, start: number, end: number): CommitEvidence | null {
  const { parsed } = j;
  const evidence = judgeShape(j, b, start, end);
  if (!evidence) return null;
  // `1e50032` reads as a number too: a commit in a commit log, or where a SHA is explicitly claimed
  const exponent = isExponentForm(parsed.text, start, end);
  if (exponent && evidence === 'log-line') return inCommitLog(parsed.text, start, end) ? evidence : null;
  // an all-digit token (`8914391`) is a number unless a SHA is explicitly claimed for it
  if (!exponent && !isAllDigits(parsed.text, start, end)) return evidence;
  if (evidence === 'ref-claim' || evidence === 'column' || evidence === 'range' || evidence === 'front-matter') return evidence;
  return evidence === 'keyword' && commitRightBefore(parsed.text, start) ? evidence : null;
}

/** A commit's length and either an ordinary SHA shape or the exponent shape `judge` decides on. */
function shaShaped(text: string, start: number, end: number): boolean {
  return plausibleSha(text, start, end, true) || (hasShaLength(end - start) && isExponentForm(text, start, end));
}

function judgeShape(j: Judging, b: Block, start: number, end: number): CommitEvidence | null {
  const { parsed, raw, tables, claimed } = j;
  const { text } = parsed;
  if (b.kind === 'frontMatter') {
    // `git_commit: 8914391` names its value a commit even when it is all digits
    const shaped = shaShaped(text, start, end) || (isAllDigits(text, start, end) && end - start <= 40 && end - start >= 7);
    if (!shaped) return null;
    const line = lineOf(parsed.lineStarts, start);
    const lineEnd = line + 1 < parsed.lineStarts.length ? parsed.lineStarts[line + 1] : text.length;
    return frontMatterEvidence(text, b.contentStart, parsed.lineStarts[line], Math.min(lineEnd, b.contentEnd), start, end);
  }
  if (!shaShaped(text, start, end)) return null;
  let floor = b.contentStart;
  let ceil = b.contentEnd;
  let header: string | undefined;
  if (b.kind === 'tableRow' && b.cells) {
    // a cell is its own sentence: the row's other cells speak of other things
    const c = b.cells.findIndex((cell) => cell.start <= start && end <= cell.end);
    if (c >= 0) { floor = b.cells[c].start; ceil = b.cells[c].end; header = b.header?.[c]; }
  }
  const w = sentenceAround(text, start, end, Math.max(floor, lineStartAt(parsed.lineStarts, start)), ceil);
  const isRange = rangeAfter(text, end, ceil) !== null || rangeBefore(text, start, floor) !== null;
  if (isRange) {
    const otherSideGlued = rangeAfter(text, end, ceil) ? glueBefore(text, raw, start) : glueAfter(text, raw, end);
    return otherSideGlued || namedAsOther(text, start, end, w) ? null : 'range';
  }
  if (glueBefore(text, raw, start) || glueAfter(text, raw, end) || namedAsOther(text, start, end, w)) return null;
  if (claimed.has(start)) return 'ref-claim';
  if (b.kind === 'code') return codeLineEvidence(text, start, end, w);
  const column = columnEvidence(header);
  if (column === null) return null;
  if (column) return column;
  if (b.kind === 'paragraph' && tables.isRow(lineOf(parsed.lineStarts, start), start)) return 'column';
  if (isLogLine(text, start, end, w)) return 'log-line';
  if (hasKeyword(text, w) || hasKeywordInHeading(text, b, w) || afterPullRequestAt(text, start)) return 'keyword';
  if (labelledAbove(text, parsed.lineStarts, start, end)) return 'keyword';
  return b.kind === 'html' ? null : 'bare';
}

/** Glue read on the ASCII view, except after a full-width sign that spaces itself (`main：5a4b3c2` is `main: 5a4b3c2`). */
function glueBefore(text: string, raw: string, start: number): boolean {
  return gluedBefore(text, start) && !isSpacingFullWidth(raw.charCodeAt(start - 1));
}

function glueAfter(text: string, raw: string, end: number): boolean {
  return gluedAfter(text, end) && !isSpacingFullWidth(raw.charCodeAt(end));
}

/** A heading is one sentence even when it holds `.`: `Phase 1.2 — x (commit abc1234)`. */
function hasKeywordInHeading(text: string, b: Block, w: Window): boolean {
  if (b.kind !== 'heading') return false;
  return hasKeyword(text, { ...w, start: w.lineStart, end: w.lineEnd });
}
