/**
 * The simple reader: the first reader a section is given. Handoffs are mostly list items, paragraphs, table
 * rows and fenced code; for those this line pass (with simpleInlines.ts for the inline part) produces exactly
 * the blocks remark-parse + mdastToBlocks produce, about ten times faster. It reads a CommonMark subset —
 * an ATX heading on the section's first line, paragraphs (tables among them), bullet and ordered lists with
 * any nesting, checkboxes, lazy continuation lines, fenced code at any depth, thematic breaks — and returns
 * null at the first construct outside it (block quotes, HTML, setext headings, indented code, link reference
 * definitions, tabs in indentation, empty list items, unclosed fences…), so remark reads that section.
 *
 * Correctness is differential: test/unit/parse-simple.test.ts compares its blocks with remark's on the
 * project's fixtures, the shared corpus and mutations of them.
 */
import type { Block } from './blocks';
import { simpleInlines, TooCostly } from './simpleInlines';
import { emitTable, linesIn, type LineSlice } from './tables';

const CHECKBOX = /^\[([ xX\-!>~/?*])\](?=[ \t]|$)/;
const ATX = /^(#{1,6})(?:[ \t]|$)/;
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
const FENCE = /^(`{3,}|~{3,})(.*)$/;
const LIST_MARKER = /^(?:([-*+])|(\d{1,9})([.)]))( *)(.?)/;
const DEFINITION = /^\[[^\]]*\]:/;

/** Bail-out signal: the section is remark's. */
class NotSimple extends Error {}

interface OpenItem {
  block: Block;
  /** Column where the item's content starts: continuation lines must be indented this far. */
  contentIndent: number;
}

interface OpenParagraph {
  start: number;
  end: number;
  /** How many list items contain it. */
  level: number;
  /** The item whose first paragraph this is (its content), if any. */
  lead: OpenItem | null;
}

interface OpenFence {
  char: string;
  length: number;
  level: number;
  start: number;
  lang: string;
}

/**
 * Blocks of the section `text[start, end)` (absolute offsets); null when remark must read it; 'hostile' when
 * it is too costly for any exact reader (an emphasis storm), so the line-pass fallback should.
 */
export function simpleBlocks(text: string, start: number, end: number): Block[] | null | 'hostile' {
  try {
    return new SimpleReader(text, start, end).read();
  } catch (e) {
    // Anything else would be a bug here: remark, the reference, reads the section instead.
    return e instanceof TooCostly ? 'hostile' : null;
  }
}

function bail(): never {
  throw new NotSimple();
}

class SimpleReader {
  private readonly out: Block[] = [];
  private readonly stack: OpenItem[] = [];
  /** Per nesting level, the list a following item of the same kind joins: its kind and start offset. */
  private readonly lists: Array<{ kind: string; start: number } | undefined> = [];
  private para: OpenParagraph | null = null;
  private fence: OpenFence | null = null;

  constructor(private readonly text: string, private readonly start: number, private readonly end: number) {}

  read(): Block[] {
    const lines = linesIn(this.text, this.start, this.end);
    for (let i = 0; i < lines.length; i++) {
      if (i === 0 && this.heading(lines[0])) continue;
      this.line(lines[i]);
    }
    if (this.fence) bail(); // an unclosed fence runs to the end: remark's positions for it are not modelled
    this.closeParagraph();
    this.closeItems(0);
    return this.out;
  }

  private heading(line: LineSlice): boolean {
    const { text } = this;
    const indent = leadingSpaces(text, line.start, line.end);
    if (indent > 3) return false;
    const m = ATX.exec(text.slice(line.start + indent, Math.min(line.end, line.start + indent + 8)));
    if (!m) return false;
    const markerEnd = line.start + indent + m[1].length;
    let cs = markerEnd;
    while (cs < line.end && (text[cs] === ' ' || text[cs] === '\t')) cs++;
    let ce = line.end;
    while (ce > cs && (text[ce - 1] === ' ' || text[ce - 1] === '\t')) ce--;
    // A closing run of `#`s, when it stands alone or after whitespace, is not content.
    let h = ce;
    while (h > cs && text[h - 1] === '#') h--;
    if (h < ce && (h === cs || text[h - 1] === ' ' || text[h - 1] === '\t')) {
      ce = h;
      while (ce > cs && (text[ce - 1] === ' ' || text[ce - 1] === '\t')) ce--;
    }
    const inlines = ce > cs ? simpleInlines(text, cs, ce) : [];
    if (!inlines) bail();
    if (ce <= cs) cs = ce = markerEnd + (/^[ \t]/.test(text.slice(markerEnd, markerEnd + 1)) ? spacesAfter(text, markerEnd, line.end) : 0);
    this.out.push({
      kind: 'heading', start: line.start + indent, end: line.end, contentStart: cs, contentEnd: ce, depth: m[1].length,
      inferred: false, quoted: false, inlines,
    });
    return true;
  }

  private line(line: LineSlice): void {
    const { text } = this;
    if (this.fence) return this.fenceLine(line, this.fence);
    const indent = leadingSpaces(text, line.start, line.end);
    if (indent < 0) bail(); // a tab in the indentation: tab stops are remark's
    if (line.start + indent >= line.end) {
      this.closeParagraph(); // a blank line ends a paragraph; list items stay open across it
      return;
    }
    let k = 0;
    while (k < this.stack.length && indent >= this.stack[k].contentIndent) k++;
    const column = k ? this.stack[k - 1].contentIndent : 0;
    const rel = indent - column;
    const at = line.start + indent;
    const rest = text.slice(at, Math.min(line.end, at + 64));
    if (rel >= 4) {
      if (this.para) return this.continueParagraph(line);
      bail(); // indented code
    }
    const first = rest[0];
    if (first === '>' || first === '<') bail(); // block quotes and HTML
    if (first === '#' && ATX.test(rest)) bail(); // a heading inside a list item (section headings start sections)
    if (this.para && SETEXT_UNDERLINE.test(text.slice(at, line.end))) bail();
    if ((first === '*' || first === '-' || first === '_') && THEMATIC_BREAK.test(text.slice(at, line.end))) {
      this.closeParagraph();
      this.closeItems(k);
      this.lists.length = k;
      this.bump(k, line.end); // a rule yields no block, but the items around it end no earlier
      return;
    }
    const fence = (first === '`' || first === '~') ? FENCE.exec(text.slice(at, line.end)) : null;
    if (fence && !(fence[1][0] === '`' && fence[2].includes('`'))) {
      if (/[\\&]/.test(fence[2])) bail(); // escapes and entities in the info string are decoded by remark
      this.closeParagraph();
      this.closeItems(k);
      this.lists.length = k;
      this.fence = { char: fence[1][0], length: fence[1].length, level: k, start: at, lang: fence[2].trim().split(/\s/)[0] ?? '' };
      return;
    }
    const marker = LIST_MARKER.exec(rest);
    if (marker && marker[5] === '\t') bail(); // a tab after a list marker: tab stops are remark's
    if (marker && (marker[4] || !marker[5])) {
      const ordered = marker[2] !== undefined;
      const interrupts = !ordered || Number(marker[2]) === 1;
      if (!(this.para && k === this.stack.length && !interrupts)) return this.listItem(line, at, k, marker);
    }
    if (this.para) return this.continueParagraph(line);
    if (DEFINITION.test(rest)) bail();
    this.closeItems(k);
    this.lists.length = k;
    this.para = { start: at, end: line.end, level: k, lead: null };
  }

  private listItem(line: LineSlice, at: number, k: number, m: RegExpExecArray): void {
    const { text } = this;
    const markerText = m[1] ?? `${m[2]}${m[3]}`;
    const spaces = m[4].length;
    const contentAt = at + markerText.length + spaces;
    if (contentAt >= line.end || !text.slice(contentAt, line.end).trim()) bail(); // an empty item
    if (spaces > 4) bail(); // content indented code
    const content = text.slice(contentAt, Math.min(line.end, contentAt + 64));
    // An item that opens with another block (a fence, heading, quote, HTML, rule or list) has no lead paragraph.
    if (/^(?:`{3}|~{3}|#|>|<|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/.test(content) || THEMATIC_BREAK.test(text.slice(contentAt, line.end))) bail();
    if (DEFINITION.test(content)) bail();
    this.closeParagraph();
    this.closeItems(k);
    const kind = m[1] ?? m[3];
    const previous = this.lists[k];
    const list = previous && previous.kind === kind ? previous.start : at;
    this.lists[k] = { kind, start: list };
    this.lists.length = k + 1;
    const block: Block = {
      kind: 'listItem', start: at, end: line.end, contentStart: contentAt, contentEnd: line.end, depth: k,
      inferred: false, quoted: false, ordered: m[2] !== undefined, marker: markerText, checkbox: undefined, list, inlines: [],
    };
    this.out.push(block);
    const item: OpenItem = { block, contentIndent: at - lineStartOf(text, at) + markerText.length + spaces };
    this.stack.push(item);
    this.para = { start: contentAt, end: line.end, level: k + 1, lead: item };
  }

  private fenceLine(line: LineSlice, fence: OpenFence): void {
    const { text } = this;
    const indent = leadingSpaces(text, line.start, line.end);
    if (indent < 0 && fence.level > 0) bail();
    if (line.start + Math.max(indent, 0) >= line.end) return; // blank lines belong to the code
    const column = fence.level ? this.stack[fence.level - 1].contentIndent : 0;
    if (indent >= 0 && indent < column) bail(); // the list item ends inside its fence: remark's positions
    const rel = indent - column;
    if (indent >= 0 && rel <= 3) {
      const close = /^(`{3,}|~{3,})[ \t]*$/.exec(text.slice(line.start + indent, line.end));
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) {
        this.out.push({
          kind: 'code', start: fence.start, end: line.end, contentStart: fence.start, contentEnd: line.end, depth: 0,
          inferred: false, quoted: false, inlines: [], lang: fence.lang,
        });
        this.bump(fence.level, line.end);
        this.fence = null;
      }
    }
  }

  private continueParagraph(line: LineSlice): void {
    this.para!.end = line.end;
  }

  private closeParagraph(): void {
    const p = this.para;
    if (!p) return;
    this.para = null;
    const { text } = this;
    // A link reference definition (its label may run over lines) makes the paragraph, or part of it, no text.
    if (text[p.start] === '[' && DEFINITION.test(text.slice(p.start, p.end))) bail();
    const inlines = simpleInlines(text, p.start, p.end);
    if (!inlines) bail();
    if (p.lead) {
      const b = p.lead.block;
      b.contentStart = p.start;
      b.contentEnd = p.end;
      const box = CHECKBOX.exec(text.slice(p.start, p.start + 4));
      if (box) {
        b.checkbox = { state: box[1], start: p.start, end: p.start + 3 };
        b.contentStart += 3;
        while (b.contentStart < b.contentEnd && (text[b.contentStart] === ' ' || text[b.contentStart] === '\t')) b.contentStart++;
      }
      b.inlines = inlines.filter((n) => n.start >= b.contentStart);
    } else {
      const makeParagraph = (s: number, e: number) =>
        this.out.push({
          kind: 'paragraph', start: s, end: e, contentStart: s, contentEnd: e, depth: 0, inferred: false, quoted: false,
          inlines: inlines.filter((n) => n.start >= s && n.end <= e),
        });
      if (!(text.indexOf('|', p.start) < p.end && emitTable(text, p.start, p.end, inlines, false, this.out, makeParagraph))) {
        makeParagraph(p.start, p.end);
      }
    }
    this.bump(p.level, p.end);
  }

  /** A block ending at `end` inside the first `level` open items: they end no earlier. */
  private bump(level: number, end: number): void {
    for (let i = 0; i < level; i++) if (this.stack[i].block.end < end) this.stack[i].block.end = end;
  }

  private closeItems(level: number): void {
    this.stack.length = Math.min(this.stack.length, level);
  }
}

/** Spaces before the first non-space character of a line, or -1 when a tab comes first. */
function leadingSpaces(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text[i] === ' ') i++;
  return text[i] === '\t' && i < end ? -1 : i - start;
}

function spacesAfter(text: string, at: number, end: number): number {
  let i = at;
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  return i - at;
}

function lineStartOf(text: string, at: number): number {
  let s = at;
  while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r') s--;
  return s;
}
