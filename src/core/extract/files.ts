/**
 * File breadcrumbs: every place a handoff points at a file, with its line, range, column or symbol when written.
 *
 * One pass per block over its text with a character table: runs of path characters that contain `.` or `/`
 * are candidates; each is trimmed of surrounding punctuation, split into path and suffix (`pathSuffix`) and
 * judged by its shape (`pathShape`). Link targets are read from the parser's link spans instead of the text.
 * Nothing here allocates per character, and a run longer than any real path is skipped unread, so hostile
 * input (a megabyte of `[`) costs one linear scan. Each breadcrumb found then gets what its clause says of it
 * (`fileAnnotations`: planned, removed…, and a bare name's folder).
 */
import type { Block, Inline, ParsedText } from '../parse/blocks';
import type { Extractor, FoundFile } from './types';
import { classifyPath } from './pathShape';
import { parseAnchor, splitSuffix, trailingLines } from './pathSuffix';
import { trim } from './pathTrim';
import { isCall, isFilePattern } from './pathContext';
import { spacedNameStart } from './spacedNames';
import { endsMidPath, wrappedContinuation } from './wrappedPaths';
import { annotateFiles } from './fileAnnotations';
import { isTokenChar, MAX_TOKEN } from './tokenChars';

type Source = FoundFile['source'];

/** Inline `<script>`/`<style>` is program text: `data.html`, `ev.data` there are properties, not files. */
const SCRIPT_BLOCK = /^\s*<(script|style)\b/i;

/** Per-document scan state: the output, and a cursor over the current block's code spans. */
interface Scan {
  text: string;
  out: FoundFile[];
  /** End of the last breadcrumb emitted: blocks come in document order, so nothing is reported twice. */
  lastEnd: number;
  block: Block;
  /** Index into `block.inlines` of the next code span that may contain a token (code spans never nest). */
  codeAt: number;
  /** `markAt` is the first mark at or after `markFrom` (see `nextMark`). */
  markFrom: number;
  markAt: number;
}

export const extractFiles: Extractor<FoundFile> = (parsed: ParsedText) => {
  const scan: Scan = { text: parsed.text, out: [], lastEnd: -1, block: parsed.blocks[0], codeAt: 0, markFrom: 0, markAt: -1 };
  try {
    for (const block of parsed.blocks) {
      scan.block = block;
      scan.codeAt = 0;
      if (block.kind === 'html' && SCRIPT_BLOCK.test(scan.text.slice(block.start, block.start + 8))) continue;
      if (block.kind === 'code' || block.kind === 'html' || block.kind === 'frontMatter') {
        scanRange(scan, block.contentStart, block.contentEnd, block.kind === 'code' ? 'code' : 'text');
      } else {
        scanInlineBlock(scan, block);
      }
    }
  } catch {
    // A bug here must not take the whole analysis down: keep what was found so far.
  }
  try {
    annotateFiles(parsed, scan.out);
  } catch {
    // the breadcrumbs stand without what their context says of them
  }
  return scan.out;
};

/** Headings, paragraphs, list items and table rows: the text between links, and link targets. */
function scanInlineBlock(scan: Scan, block: Block): void {
  const base: Source = block.kind === 'tableRow' ? 'table' : 'text';
  let cur = block.contentStart;
  for (const inl of block.inlines) {
    if (inl.kind !== 'link' || inl.start < cur) continue;
    scanRange(scan, cur, Math.min(inl.start, block.contentEnd), base);
    // The target is what the link points at: a label that names a file (`[report.json](../build/report.json)`)
    // would be the same file checked from the wrong folder, and a label in front of a URL is no local file.
    if (!inl.url) scanRange(scan, inl.contentStart, inl.contentEnd, base);
    linkTarget(scan, inl);
    cur = inl.end;
  }
  scanRange(scan, cur, block.contentEnd, base);
}

function scanRange(scan: Scan, from: number, end: number, source: Source): void {
  const text = scan.text;
  const to = Math.min(end, text.length); // a block's offsets are trusted no further than the text
  let i = Math.max(from, 0);
  while (i < to) {
    // Only a token holding `.` or `/`, or right after a backtick, can be a candidate: jump to the next such mark
    // (a native search) instead of reading every token of the prose.
    const mark = nextMark(scan, i);
    if (mark >= to) return;
    let a: number;
    if (text.charCodeAt(mark) === 96 /* ` */) {
      a = mark + 1;
      if (a >= to || !isTokenChar(text.charCodeAt(a))) { i = a; continue; }
    } else {
      a = mark;
      while (a > i && isTokenChar(text.charCodeAt(a - 1))) a--;
    }
    i = a;
    // A candidate has a `.` or `/` followed by a letter, digit or `_`: this skips the sentence-final `done.`
    let interesting = false;
    let sep = false;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (!isTokenChar(c)) break;
      if (c === 46 || c === 47) sep = true;
      else if (sep && ((c | 32) >= 97 && (c | 32) <= 122 || (c >= 48 && c <= 57) || c === 95)) interesting = true;
      i++;
    }
    // Without `.` or `/` only a whole code span can be a file name (`Makefile`): a cheap check on its backticks.
    if (!interesting && i - a >= 4 && text.charCodeAt(a - 1) === 96 && text.charCodeAt(i) === 96) interesting = true;
    // `web/` or `plans/2026-05-` at a line break may continue on the next line.
    if (!interesting && sep && endsMidPath(text, a, i)) interesting = true;
    if (interesting && i - a >= 2 && i - a <= MAX_TOKEN) {
      const resume = candidate(scan, a, i, source);
      if (resume > i) i = resume;
    }
  }
}

/** Marks a candidate token holds or follows: `.`, `/`, a backtick. */
const MARK = /[./`]/g;

/**
 * The first mark at or after `at` (the text's length when none). Ranges are scanned in document order, so the
 * answer found past the end of one range stands for the next: the whole document is searched once.
 */
function nextMark(scan: Scan, at: number): number {
  if (scan.markFrom <= at && scan.markAt >= at) return scan.markAt;
  MARK.lastIndex = at;
  // `test`, not `exec`: only the place is needed, and exec builds a match array per mark (the extractor's largest
  // allocation). A mark is one character: it ends where the search stopped.
  scan.markFrom = at;
  scan.markAt = MARK.test(scan.text) ? MARK.lastIndex - 1 : scan.text.length;
  return scan.markAt;
}

/** The code span containing [a, b), if any; moves the block's cursor forward. */
function codeSpanAt(scan: Scan, a: number, b: number): Inline | undefined {
  const inls = scan.block.inlines;
  while (scan.codeAt < inls.length && (inls[scan.codeAt].kind !== 'code' || inls[scan.codeAt].contentEnd <= a)) {
    scan.codeAt++;
  }
  const c = inls[scan.codeAt];
  return c && c.contentStart <= a && b <= c.contentEnd ? c : undefined;
}

/** Judges the token [a0, b0); returns where scanning resumes (past a joined second line, if any). */
function candidate(scan: Scan, a0: number, b0: number, base: Source): number {
  const text = scan.text;
  // Link syntax the parser did not read as a link (images, degraded sections): the target alone, as for links.
  const mid = linkJoint(text, a0, b0);
  if (mid >= a0 && mid < b0 - 2) return candidate(scan, mid + 2, b0, base);
  const t = trim(text, a0, b0);
  if (!t) return b0;
  let a = t[0];
  const b = t[1];
  if (b - a > 2 && text.charCodeAt(a + 1) === 47 && isDiffSide(text, a)) a += 2;
  if (isFilePattern(text, a0, a, b) || isCall(text, a, b)) return b0;
  const span = base === 'code' ? undefined : codeSpanAt(scan, a, b);
  const quoted = span !== undefined;
  const source: Source = base === 'text' && quoted ? 'code' : base;
  // `Style Guide.html` alone in a code span or a table cell: the words before the last one are part of the name
  const box = span ? span : base === 'table' ? cellAt(scan.block, a, b) : undefined;
  if (box) {
    const from = span ? span.contentStart : box.start;
    const spaced = spacedNameStart(text, from, span ? span.contentEnd : box.end, a, b);
    if (spaced >= 0) a = spaced;
  }
  let tok = text.slice(a, b);
  // A path wrapped in a code span or a prose paragraph: `web/src/lib/` + newline + `foo.ts` is one path. When the
  // joined text is no path, neither piece is reported (the second alone would be a wrong bare name).
  let joinAt = -1;
  let resume = b0;
  const limit = span ? span.contentEnd : base === 'text' ? scan.block.contentEnd : -1;
  if (limit > b0 && endsMidPath(text, a, b0)) {
    const next = wrappedContinuation(text, b0, limit);
    if (next) {
      tok = text.slice(a, b0);
      joinAt = tok.length;
      tok += text.slice(next[0], next[1]);
      resume = next[1];
    }
  }
  const sfx = splitSuffix(tok);
  const path = tok.slice(0, sfx.pathEnd);
  const kind = classifyPath(path, quoted, sfx.line !== null);
  if (!kind || a < scan.lastEnd) return resume;
  let end = joinAt >= 0 && sfx.end > joinAt ? resume - (tok.length - sfx.end) : a + sfx.end;
  if (sfx.line === null && sfx.symbol === null && end < text.length) end = trailingLines(text, end, sfx);
  scan.out.push({
    path, line: sfx.line, endLine: sfx.endLine, column: sfx.column, symbol: sfx.symbol,
    external: kind === 'external', source, start: a, end,
  });
  scan.lastEnd = end;
  return resume;
}

/** The table cell of `block` holding [a, b), if any. */
function cellAt(block: Block, a: number, b: number): { start: number; end: number } | undefined {
  return block.cells?.find((c) => c.start <= a && b <= c.end);
}

/** `a/src/x.ts` on a `diff --git` / `--- a/…` / `+++ b/…` line: the `a/` and `b/` are git's, not the path's. */
function isDiffSide(text: string, a: number): boolean {
  const c = text.charCodeAt(a);
  if (c !== 97 && c !== 98) return false;
  let ls = a;
  while (ls > 0 && a - ls < 300 && text.charCodeAt(ls - 1) !== 10) ls--;
  return DIFF_LINE.test(text.slice(ls, a));
}
const DIFF_LINE = /^[ \t>]*(?:diff --git (?:a\/\S+ )?|--- |\+\+\+ )$/;

/** Offset of `](` inside [a, b), or -1 (a bounded search: `indexOf` would run on past the token). */
function linkJoint(text: string, a: number, b: number): number {
  for (let i = a; i < b - 1; i++) if (text.charCodeAt(i) === 93 && text.charCodeAt(i + 1) === 40) return i;
  return -1;
}

/** `[x](../specs/x.md#L10-L20)`: the target (URLs, mail and in-page anchors excepted), with lines from `#L`. */
function linkTarget(scan: Scan, inl: Inline): void {
  const { urlStart, urlEnd } = inl;
  if (urlStart === undefined || urlEnd === undefined || urlEnd <= urlStart || urlEnd - urlStart > MAX_TOKEN) return;
  const raw = scan.text.slice(urlStart, urlEnd);
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(raw) || raw.charCodeAt(0) === 35 || raw.startsWith('//')) return;
  let cut = raw.length;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 35 || c === 63) { cut = i; break; } // `#anchor`, `?query`
  }
  const path = raw.slice(0, cut);
  const kind = classifyPath(path, true);
  if (!kind || urlStart < scan.lastEnd) return;
  const lines = { line: null as number | null, endLine: null as number | null, column: null as number | null };
  if (raw.charCodeAt(cut) === 35) parseAnchor(raw.slice(cut), lines);
  scan.out.push({
    path, ...lines, symbol: null, external: kind === 'external', source: 'link', start: urlStart, end: urlEnd,
  });
  scan.lastEnd = urlEnd;
}
