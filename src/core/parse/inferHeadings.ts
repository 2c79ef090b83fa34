/**
 * Headings that lost their `#` markers. A handoff pasted from a chat or a web page keeps its headings only as
 * lines of their own: alone between blank lines (`1. State at handoff`), or one line among others
 * (`Task 80: scene_summarize.py polish`). And authors often write a unit as a standalone bold line
 * (`**Phase 2 — …**`). This pass turns such lines into `heading` blocks with `inferred: true`.
 */
import { makeBlock, type Block } from './blocks';
import { linesIn } from './tables';
import { InlineCursor } from './inlineCursor';

const UNIT_WORDS = 'phase|wave|task|session|step|milestone|pass|sprint|campaign|stage|part';
/** `Wave 3 — …`, `Task 80: …`, `Phase 1 (commit …)`: a unit keyword, an id, then a separator or the end. */
const UNIT_LINE = new RegExp(String.raw`^(${UNIT_WORDS})\s+#?[A-Z]?\d+(?:\.\d+)*[a-z]?(?:\s*(?:[—–:(]|\s-\s)|\s*$)`, 'iu');
const UNIT_DEPTH: Readonly<Record<string, number>> = { milestone: 2, campaign: 2, task: 4, step: 4 };
const NUMBERED = /^\d{1,2}(?:\.\d{1,2})*[.)]?\s+\p{L}/u;
/** Starts like a title: a capital, a numbered title (`1. State at handoff`, `2.3 Foo`), or an emoji. */
const TITLE_START = /^(?:\p{Lu}|\d{1,2}[.)]\s+\p{L}|\d{1,2}(?:\.\d{1,2})+\.?\s+\p{L}|\p{Extended_Pictographic})/u;
const MAX_ALONE = 160; // a line alone between blank lines
const MAX_IN_PARAGRAPH_WORDS = 8; // a line among other lines must look much more like a heading

type Kind = 'unit' | 'numbered' | 'generic';

export function inferHeadings(text: string, blocks: Block[], plainText: boolean): Block[] {
  const out: Block[] = [];
  let sectionDepth = 0;
  let last: { kind: Kind; depth: number } | null = null;
  const depthFor = (content: string): { kind: Kind; depth: number } => {
    const unit = UNIT_LINE.exec(content);
    if (unit) return { kind: 'unit', depth: UNIT_DEPTH[unit[1].toLowerCase()] ?? 3 };
    if (NUMBERED.test(content)) return { kind: 'numbered', depth: /^\d{1,2}\.\d/.test(content) ? 3 : 2 };
    // A plain title under a unit or a numbered heading is its subsection; after another plain title, its sibling.
    if (last && last.kind !== 'generic') return { kind: 'generic', depth: Math.min(last.depth + 1, 6) };
    return { kind: 'generic', depth: last ? last.depth : 2 };
  };
  const promote = (b: Block, start: number, end: number, content: string): Block => {
    const d = depthFor(content);
    last = d;
    return toHeading(b, start, end, d.depth);
  };

  blocks.forEach((b, i) => {
    if (b.kind === 'heading') { sectionDepth = b.depth; out.push(b); return; }
    if ((b.kind !== 'paragraph' && b.kind !== 'listItem') || b.quoted) { out.push(b); return; }
    const bold = standaloneBold(text, b);
    if (bold && b.kind === 'paragraph') {
      out.push(toHeading(b, bold.start, bold.end, Math.min(sectionDepth + 1, 6)));
      return;
    }
    if (!plainText) { out.push(b); return; }
    const single = !/[\r\n]/.test(text.slice(b.start, b.end));
    if (single && standsAlone(text, blocks, i)) {
      const start = b.kind === 'listItem' ? skipSpace(text, b.start) : b.contentStart;
      const content = text.slice(start, b.contentEnd).trim();
      if (looksLikeTitle(content, MAX_ALONE)) { out.push(promote(b, start, b.contentEnd, content)); return; }
    }
    if (!single) {
      // A list item's span holds the items nested in it, which come next and split their own lines: the item splits
      // only its lines before them (else a lazy line under a nested item became a heading twice).
      const child = blocks[i + 1];
      splitAtHeadingLines(text, b, out, promote, child && child.start > b.start && child.start < b.end ? child.start : b.end);
      return;
    }
    out.push(b);
  });
  return out;
}

/**
 * Splits a multi-line paragraph or list item around the lines that read as headings. Without blank lines,
 * a heading line is swallowed as the lazy continuation of the paragraph or item before it; the part before
 * the first heading line keeps its kind (a list item stays a list item).
 */
function splitAtHeadingLines(text: string, b: Block, out: Block[], promote: (b: Block, s: number, e: number, c: string) => Block, upTo: number): void {
  const lines = linesIn(text, b.contentStart, upTo);
  const cursor = new InlineCursor(b.inlines);
  let restStart = b.start;
  const flush = (end: number) => {
    if (end <= restStart) return;
    const trimmed = trimRight(text, restStart, end);
    if (restStart === b.start) {
      out.push(makeBlock({ ...b, end: trimmed, contentEnd: Math.min(b.contentEnd, trimmed), inlines: cursor.take(b.start, trimmed) }));
    } else out.push(slice(b, restStart, trimmed, cursor));
  };
  lines.forEach((line, k) => {
    if (k === 0 && b.kind === 'listItem') return; // an item's first line is the item itself
    const content = text.slice(line.start, line.end).trim();
    const next = lines[k + 1] ? text.slice(lines[k + 1].start, lines[k + 1].end).trim() : '';
    const previous = k > 0 ? text.slice(lines[k - 1].start, lines[k - 1].end).trim() : '';
    if (!isHeadingLine(content, previous, next)) return;
    flush(line.start);
    const h = slice(b, line.start, line.end, cursor);
    const start = skipSpace(text, line.start);
    out.push(promote(h, start, trimRight(text, start, line.end), content));
    restStart = lines[k + 1]?.start ?? b.end;
  });
  flush(b.end);
}

function isHeadingLine(content: string, previous: string, next: string): boolean {
  if (UNIT_LINE.test(content) && content.length <= MAX_ALONE && !/[.;,]$/.test(content)) return true;
  if (!looksLikeTitle(content, 80)) return false;
  if (content.split(/\s+/).length > MAX_IN_PARAGRAPH_WORDS) return false;
  // `Key: value`, calls, assignments, markup: content lines, not titles.
  if (/[:=`{}[\]"|]|\w\(|^\S+$(?<=[/\\.].*)/.test(content) || /:\s*$/.test(content)) return false;
  // A wrapped sentence continues on the next line in lower case, or the previous line runs on into this one.
  if (/^\p{Ll}/u.test(next) || /[,(—–-]$/.test(previous)) return false;
  return next !== '';
}

function slice(b: Block, start: number, end: number, cursor: InlineCursor): Block {
  return makeBlock({ ...b, kind: 'paragraph', start, end, contentStart: start, contentEnd: end, inlines: cursor.take(start, end) });
}

/**
 * The heading a paragraph or list item reads as: a new block, because parsed blocks are shared with the
 * section cache and must never change.
 */
function toHeading(b: Block, contentStart: number, contentEnd: number, depth: number): Block {
  const { checkbox: _checkbox, ordered: _ordered, marker: _marker, list: _list, ...rest } = b;
  return makeBlock({
    ...rest, kind: 'heading', inferred: true, depth, contentStart, contentEnd,
    inlines: b.inlines.filter((n) => n.start >= contentStart && n.end <= contentEnd),
  });
}

/** `**Phase 2 — Foo**` as the whole paragraph (a trailing colon allowed): its bold content offsets. */
function standaloneBold(text: string, b: Block): { start: number; end: number } | null {
  const strong = b.inlines.find((n) => n.kind === 'strong');
  if (!strong) return null;
  const before = text.slice(b.contentStart, strong.start).trim();
  const after = text.slice(strong.end, b.contentEnd).trim();
  if (before || (after && after !== ':')) return null;
  const inner = text.slice(strong.contentStart, strong.contentEnd).trim();
  if (/[\r\n]/.test(inner) || inner.length > MAX_ALONE) return null;
  // Only units are promoted from bold lines: a bold "Note:" is emphasis, not structure.
  return UNIT_LINE.test(inner) ? { start: strong.contentStart, end: strong.contentEnd } : null;
}

/** Blank lines (or the document's edges) around it, and not an item of a list with other items. */
function standsAlone(text: string, blocks: readonly Block[], i: number): boolean {
  const b = blocks[i];
  const gapLines = (from: number, to: number) => text.slice(from, to).split(/\r\n|\r|\n/).length - 1;
  const prev = blocks[i - 1];
  const next = blocks[i + 1];
  if (prev && gapLines(prev.end, b.start) < 2) return false;
  if (next && gapLines(b.end, next.start) < 2) return false;
  if (b.kind === 'listItem') {
    // `1. State at handoff` alone is a numbered heading; an item of a real (even loose) list is not.
    // In a rendering, `10. Section` at column 0 after `  9. item` is a heading, not the list's next item.
    if (!b.ordered || b.checkbox) return false;
    const column = indentOf(text, b.start);
    return b.list === undefined || !blocks.some((x, j) => j !== i && x.kind === 'listItem' && x.list === b.list && indentOf(text, x.start) === column);
  }
  return true;
}

function looksLikeTitle(content: string, maxLength: number): boolean {
  if (!content || content.length > maxLength || !TITLE_START.test(content)) return false;
  if (/[.;,!?]$/.test(content)) return false;
  if (/:$/.test(content)) return false; // a lead-in (`Files:`, `The new session should:`), not a title
  if (/<[^>]+@[^>]+>|https?:\/\//.test(content)) return false; // a trailer (Co-Authored-By: … <mail>), a URL
  if (!/\s/.test(content) && /[/\\]|\.\w{1,5}$/.test(content)) return false; // one path-like token
  return true;
}

/** The column of the first non-blank character of the line holding `offset`. */
function indentOf(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return skipSpace(text, start) - start;
}

function skipSpace(text: string, at: number): number {
  while (text[at] === ' ' || text[at] === '\t') at++;
  return at;
}

function trimRight(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}
