/**
 * What a document claims of a commit's push state, from the words of the commit's own sentence, list item or table
 * row: `unpushed` ("NOT YET PUSHED", "local-only", "awaiting push", "built locally", "needs push", "about to push")
 * or `pushed` ("pushed to origin", "on origin", "PR #12 merged", a ✅ under a "Pushed?" column). The negative
 * phrases are read first and contain the positive word, so "not pushed" is never taken for "pushed". A SHA named
 * as a reference point ("force-pushed past `x`", "commits since `x`") is not what the claim is about.
 */
import type { PushClaim } from '../model';
import type { Block } from '../parse/blocks';
import { perBlock } from './perBlock';

const UNPUSHED = /\b(?:not\s+(?:yet\s+)?(?:been\s+)?pushed|(?:has|have|is|are|was|were)(?:n't|\s+not)\s+(?:yet\s+)?(?:been\s+)?pushed|never\s+(?:been\s+)?pushed|un-?pushed|local[- ]only|only\s+local(?:ly)?|awaiting\s+(?:a\s+)?push|waiting\s+(?:for\s+|to\s+)?(?:a\s+)?push|built\s+locally|committed\s+locally|needs?\s+(?:a\s+|to\s+be\s+)?push(?:ing|ed)?|push\s+(?:is\s+)?(?:needed|pending|required)|(?:still\s+)?to\s+(?:be\s+)?push(?:ed)?\b|not\s+(?:yet\s+)?on\s+(?:origin|the\s+remote|remote|github))/gi;
const PUSHED = /(?<!\b(?:not|be|never|to|un|get|gets)\s+|\b(?:if|once|when|until|unless|after|before)\s+(?:[\w-]+\s+){0,3})\b(?:force-)?pushed\b(?!\s*\?)|(?<!\b(?:missing|absent|gone|deleted|not)\s+)\bon\s+(?:origin|the\s+remote)\b|\bPR\s*#?\d+\s+(?:was\s+|is\s+|got\s+)?merged\b|\bmerged\s+(?:via|through|in)\s+(?:PR|pull\s+request)\b/gi;
/** A cheap first look at the window. */
const PUSH_CUE = /push|local[- ]?only|only\s+local|locally|on\s+origin|on\s+the\s+remote|merged/i;
/** Right before the SHA: words making it a reference point of the sentence rather than its subject. */
const REFERENCE_POINT = /\b(?:since|past|from|after|before|over|instead\s+of|replacing|than|onto|on\s+top\s+of|based\s+on|rebased\s+on(?:to)?)\b[^,;()\n]{0,40}$/i;
/** A "Pushed?" / "On origin" column header, and the values saying yes or no under it. */
const PUSH_HEADER = /push|on\s+origin|remote/i;
const YES = /^(?:✅|✔️?|☑️?|✓|yes|y|true|done|pushed|on\s+origin)$/i;
const NO = /^(?:❌|✖️?|✗|✘|no|n|false|not\s+yet|pending|local|local[- ]only|unpushed)$/i;
const REACH = 300;
/** A phrase further than this from the SHA speaks of something else in a long sentence (a branch, another commit). */
const MAX_DISTANCE = 100;

export function pushClaimOf(text: string, block: Block, start: number, end: number): PushClaim | null {
  if (block.kind === 'tableRow') return rowClaim(text, block, start);
  // A window lies within its block: a block with no cue at all has none in any SHA's window. Looked at once per
  // block, not measured out around each SHA (a long paragraph of SHAs is hundreds of characters read per SHA).
  if (!blockHasCue(text, block)) return null;
  const w = windowAround(text, block, start, end);
  if (!PUSH_CUE.test(text.slice(w.start, w.end))) return null;
  if (REFERENCE_POINT.test(text.slice(Math.max(w.start, start - 48), start))) return null;
  return nearestClaim(text, w.start, w.end, start, end);
}

const blockHasCue = perBlock((text, b) => PUSH_CUE.test(text.slice(b.contentStart, b.contentEnd)));

/** The claim whose phrase is nearest the SHA in [from, to); negative phrases win a tie (they hold the positive word). */
function nearestClaim(text: string, from: number, to: number, start: number, end: number): PushClaim | null {
  const s = text.slice(from, to);
  let best: PushClaim | null = null;
  let bestDistance = Infinity;
  const unpushedAt: Array<[number, number]> = [];
  for (const [re, claim] of [[UNPUSHED, 'unpushed'], [PUSHED, 'pushed']] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const a = from + m.index;
      const b = a + m[0].length;
      if (claim === 'unpushed') unpushedAt.push([a, b]);
      else if (unpushedAt.some(([ua, ub]) => a < ub && b > ua)) continue; // `pushed` inside "not pushed"
      const distance = b <= start ? start - b : a >= end ? a - end : 0;
      if (distance <= MAX_DISTANCE && distance < bestDistance) { best = claim; bestDistance = distance; }
    }
  }
  return best;
}

/** A cell's own claim, wherever in the cell its phrase stands (the SHA is in another cell). */
function firstClaim(value: string): PushClaim | null {
  UNPUSHED.lastIndex = 0;
  if (UNPUSHED.test(value)) return 'unpushed';
  PUSHED.lastIndex = 0;
  return PUSHED.test(value) ? 'pushed' : null;
}

/** Sentence (or list item, heading, code line) around the SHA: a hard-wrapped paragraph's line breaks do not end it. */
function windowAround(text: string, block: Block, start: number, end: number): { start: number; end: number } {
  const floor = Math.max(block.contentStart, start - REACH);
  const ceil = Math.min(block.contentEnd, end + REACH);
  const lines = block.kind === 'code' || block.kind === 'html' || block.kind === 'heading';
  let s = start;
  for (; s > floor; s--) {
    const c = text.charCodeAt(s - 1);
    if (lines && (c === 10 || c === 13)) break;
    if (!lines && isStop(text.charCodeAt(s - 2)) && (c === 32 || c === 10 || c === 9)) break;
  }
  let e = end;
  for (; e < ceil; e++) {
    const c = text.charCodeAt(e);
    if (lines && (c === 10 || c === 13)) break;
    const n = text.charCodeAt(e + 1);
    if (!lines && isStop(c) && (n === 32 || n === 10 || n === 13 || n === 9 || e + 1 >= ceil)) break;
  }
  return { start: s, end: e };
}

function isStop(c: number): boolean {
  return c === 46 || c === 59 || c === 63 || c === 33;
}

/**
 * A table row: a yes/no under a "Pushed?" column, else a push phrase in another short cell of the row (a state, a
 * subject: `| 3d4e5f6 | fix x | pushed |`). A long cell tells of the work, and its "local-only" or "pushed" of
 * something else (`… the .claude local-only paths removed from the index …` beside a done task's commit).
 */
function rowClaim(text: string, block: Block, start: number): PushClaim | null {
  const cells = block.cells ?? [];
  const header = block.header ?? [];
  let phrase: PushClaim | null = null;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (cell.start <= start && start <= cell.end) continue;
    const value = text.slice(cell.start, Math.min(cell.end, cell.start + 200));
    if (PUSH_HEADER.test(header[c] ?? '')) {
      const v = value.replace(/[\x60*_]/g, '').trim();
      if (YES.test(v)) return 'pushed';
      if (NO.test(v)) return 'unpushed';
    }
    if (phrase === null && cell.end - cell.start <= MAX_DISTANCE && PUSH_CUE.test(value)) phrase = firstClaim(value);
  }
  return phrase;
}
