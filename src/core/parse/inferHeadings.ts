/**
 * Headings that lost their `#` markers. A handoff pasted from a chat or a web page keeps its headings only as
 * lines that stand alone; and authors often write a unit as a standalone bold line (`**Phase 2 — …**`).
 * This pass turns such blocks into `heading` blocks with `inferred: true`.
 */
import type { Block } from './blocks';

/** A short line that starts like a title: a capital, a digit-numbered title (`1. State at handoff`), or an emoji. */
const TITLE_START = /^(?:\p{Lu}|\d{1,2}[.)]\s+\p{L}|\d{1,2}(?:\.\d{1,2})+\.?\s+\p{L}|\p{Extended_Pictographic})/u;
const UNIT_TITLE = /^(?:phase|wave|task|session|step|milestone|pass|sprint|campaign|stage|part)\s+[\w.]+/i;
const MAX_TITLE = 160;

/**
 * @param plainText the document has no Markdown headings at all: read standalone lines as headings.
 */
export function inferHeadings(text: string, blocks: Block[], plainText: boolean): void {
  let sectionDepth = 0;
  let seenNumbered = false; // plain titles after a numbered heading (`1. State`) are its subsections
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'heading') { sectionDepth = b.depth; continue; }
    if (b.kind !== 'paragraph' && b.kind !== 'listItem') continue;
    if (b.quoted) continue;
    const bold = standaloneBold(text, b);
    if (bold && b.kind === 'paragraph') {
      toHeading(b, bold.start, bold.end, Math.min(sectionDepth + 1, 6));
      continue;
    }
    if (!plainText || !standsAlone(text, blocks, i)) continue;
    const content = text.slice(b.kind === 'listItem' ? b.start : b.contentStart, b.contentEnd).trim();
    if (!looksLikeTitle(content, b)) continue;
    const start = b.kind === 'listItem' ? firstNonSpace(text, b.start) : b.contentStart;
    const depth = inferredDepth(content, seenNumbered);
    if (depth === 2 && /^\d/.test(content)) seenNumbered = true;
    toHeading(b, start, b.contentEnd, depth);
  }
}

function toHeading(b: Block, contentStart: number, contentEnd: number, depth: number): void {
  b.kind = 'heading';
  b.inferred = true;
  b.depth = depth;
  b.contentStart = contentStart;
  b.contentEnd = contentEnd;
  b.inlines = b.inlines.filter((n) => n.start >= contentStart && n.end <= contentEnd);
  delete b.checkbox;
  delete b.ordered;
  delete b.marker;
}

/** `**Phase 2 — Foo**` as the whole paragraph (a trailing colon allowed): its bold content offsets. */
function standaloneBold(text: string, b: Block): { start: number; end: number } | null {
  const strong = b.inlines.find((n) => n.kind === 'strong');
  if (!strong) return null;
  const before = text.slice(b.contentStart, strong.start).trim();
  const after = text.slice(strong.end, b.contentEnd).trim();
  if (before || (after && after !== ':')) return null;
  const inner = text.slice(strong.contentStart, strong.contentEnd);
  if (inner.includes('\n') || inner.length > MAX_TITLE) return null;
  // Only units are promoted from bold lines: a bold "Note:" is emphasis, not structure.
  return UNIT_TITLE.test(inner.trim()) ? { start: strong.contentStart, end: strong.contentEnd } : null;
}

/** One line, with blank lines (or the document's edges) around it and no list siblings on adjacent lines. */
function standsAlone(text: string, blocks: readonly Block[], i: number): boolean {
  const b = blocks[i];
  const raw = text.slice(b.start, b.end);
  if (raw.includes('\n') || raw.includes('\r')) return false;
  const prev = blocks[i - 1];
  const next = blocks[i + 1];
  const blankBefore = !prev || /\n[ \t]*\r?\n[ \t]*$/.test(text.slice(Math.max(prev.end - 1, 0), b.start)) || text.slice(prev.end, b.start).split(/\r?\n|\r/).length > 2;
  const blankAfter = !next || text.slice(b.end, next.start).split(/\r?\n|\r/).length > 2;
  if (!blankBefore || !blankAfter) return false;
  if (b.kind === 'listItem') {
    // `1. State at handoff` alone is a numbered heading; an item of a real (even loose) list is not.
    if (b.list !== undefined && blocks.some((x, j) => j !== i && x.kind === 'listItem' && x.list === b.list)) return false;
    const sibling = (x?: Block) => x && x.kind === 'listItem' && x.depth === b.depth && text.slice(x.end, b.start).split(/\r?\n|\r/).length <= 2;
    return !sibling(prev) && !(next && next.kind === 'listItem' && text.slice(b.end, next.start).split(/\r?\n|\r/).length <= 2) && b.ordered === true && !b.checkbox;
  }
  return true;
}

function looksLikeTitle(content: string, b: Block): boolean {
  if (!content || content.length > MAX_TITLE) return false;
  if (!TITLE_START.test(content)) return false;
  if (/:$/.test(content) && content.split(/\s+/).length > 4) return false; // a lead-in sentence
  if (/<[^>]+@[^>]+>/.test(content)) return false; // a trailer such as Co-Authored-By: … <mail>
  if (/[.;,!?]$/.test(content) && !/\b(?:etc|vs|approx)\.$/.test(content)) return false;
  if (/^https?:\/\//.test(content)) return false;
  // A line that is one path-like token is a breadcrumb, not a title.
  if (!/\s/.test(content) && /[/\\]|\.\w{1,5}$/.test(content)) return false;
  return b.kind === 'paragraph' || b.kind === 'listItem';
}

function inferredDepth(content: string, seenNumbered: boolean): number {
  if (/^\d{1,2}(?:\.\d{1,2})+\.?\s/.test(content)) return 3;
  if (/^\d{1,2}[.)]\s/.test(content)) return 2;
  if (UNIT_TITLE.test(content)) return 3;
  return seenNumbered ? 3 : 2;
}

function firstNonSpace(text: string, at: number): number {
  while (text[at] === ' ' || text[at] === '\t') at++;
  return at;
}
