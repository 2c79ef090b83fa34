/**
 * The simple reader: the first reader a section is given. Handoffs are mostly list items, paragraphs, table
 * rows and fenced code; for those this line pass (with simpleInlines.ts for the inline part) produces exactly
 * the blocks remark-parse + mdastToBlocks produce, an order of magnitude faster. It reads a CommonMark subset —
 * an ATX heading on the section's first line, setext headings at the margin, paragraphs (tables among them), block
 * quotes and bullet and ordered lists nested in any way, checkboxes, lazy continuation lines, fenced code at any
 * depth, HTML comments, HTML blocks and indented code at the margin, thematic breaks — and returns null at the first
 * construct outside it (other HTML, setext headings and HTML or indented code in a container, link reference
 * definitions, tabs in indentation, empty list items, unclosed fences…), so remark reads that section.
 *
 * Correctness is differential: test/unit/parse-simple.test.ts compares its blocks with remark's on the
 * project's fixtures, the shared corpus and mutations of them.
 */
import { makeBlock, type Block } from './blocks';
import { simpleInlines, TooCostly } from './simpleInlines';
import { emitTable, linesIn, type LineSlice } from './tables';
import { htmlBlockStart } from './htmlBlockStart';
import { ATX, atxHeadingBlock, bail, DEFINITION, setextHeadingBlock, spacesAfter, spacesAt, type Container, type OpenComment, type OpenFence, type OpenParagraph } from './simpleLeaves';

const CHECKBOX = /^\[([ xX\-!>~/?*])\](?=[ \t]|$)/;
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
const FENCE = /^(`{3,}|~{3,})(.*)$/;
const LIST_MARKER = /^(?:([-*+])|(\d{1,9})([.)]))( *)(.?)/;
/** What JS's `trim` removes: a text of only these is blank. */
const BLANK = /^\s*$/;
/** An item's content that opens another block (fence, heading, quote, HTML, list), and the characters it starts with. */
const ITEM_OPENS_BLOCK = /^(?:`{3}|~{3}|#|>|<|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;
const BLOCK_OPENERS = '`~#><-*+_0123456789';

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

class SimpleReader {
  private readonly out: Block[] = [];
  private readonly stack: Container[] = [];
  /** Per container depth, the list a following item of the same kind joins: its kind and start offset. */
  private readonly lists: Array<{ kind: string; start: number } | undefined> = [];
  private para: OpenParagraph | null = null;
  private fence: OpenFence | null = null;
  private comment: OpenComment | null = null;
  /** Indented code at the margin, to its last indented line so far. */
  private code: { start: number; end: number } | null = null;
  /** An HTML block that ends at a blank line (htmlBlockStart.ts), open at the margin. */
  private html: { start: number; end: number } | null = null;

  constructor(private readonly text: string, private readonly start: number, private readonly end: number) {}

  read(): Block[] {
    const lines = linesIn(this.text, this.start, this.end);
    for (let i = 0; i < lines.length; i++) {
      if (i === 0 && this.heading(lines[0])) continue;
      this.line(lines[i]);
    }
    if (this.fence || this.comment) bail(); // unclosed: remark's positions for it are not modelled
    this.endHtml();
    this.endCode();
    this.closeParagraph();
    this.closeContainers(0);
    return this.out;
  }

  private heading(line: LineSlice): boolean {
    const { text } = this;
    let indent = 0;
    while (text[line.start + indent] === ' ') indent++;
    if (indent > 3 || text[line.start + indent] === '\t') return false;
    return this.atxHeading(line.start + indent, line.end, false);
  }

  /** An ATX heading whose `#` run starts at `at` (its indentation and containers' markers before it), or false. */
  private atxHeading(at: number, lineEnd: number, quoted: boolean): boolean {
    const b = atxHeadingBlock(this.text, at, lineEnd, quoted);
    if (b) this.out.push(b);
    return b !== null;
  }

  /**
   * How many open containers the line continues, and where its content starts after their markers: a quote
   * needs `>` (after at most 3 spaces; one space after it is part of the marker), an item needs its width in
   * spaces, or a blank rest.
   */
  private match(line: LineSlice): { k: number; pos: number } {
    const { text } = this;
    let pos = line.start;
    let k = 0;
    for (; k < this.stack.length; k++) {
      const c = this.stack[k];
      const sp = spacesAt(text, pos, line.end);
      if (c.kind === 'quote') {
        if (sp > 3 || text[pos + sp] !== '>') break;
        pos += sp + 1;
        if (text[pos] === '\t') bail();
        if (text[pos] === ' ') pos++;
      } else if (pos + sp >= line.end) {
        pos = line.end; // items go on over blank lines
      } else if (sp >= c.width) {
        pos += c.width;
      } else break;
    }
    return { k, pos };
  }

  private line(line: LineSlice): void {
    const { text } = this;
    if (this.fence) return this.fenceLine(line, this.fence);
    if (this.comment) return this.commentLine(line, this.comment);
    if (this.code) {
      // Indented code goes on over blank lines while its lines are indented four spaces; it ends at its last one.
      if (BLANK.test(text.slice(line.start, line.end))) return;
      if (spacesAt(text, line.start, line.end) >= 4) { this.code.end = line.end; return; }
      this.endCode();
    }
    if (this.html) {
      // An HTML block (at the margin) goes on to the next blank line, whatever its lines hold.
      if (!BLANK.test(text.slice(line.start, line.end))) { this.html.end = line.end; return; }
      this.endHtml();
    }
    let { k, pos } = this.match(line);
    const softStart = pos > line.start && text[pos - 1] === '>';
    // A quote yields no block, but its lines (blank ones too) are inside the items around it.
    for (let q = k - 1; q >= 0; q--) if (this.stack[q].kind === 'quote') { this.bump(q, line.end); break; }
    let opened = false; // a quote opened on this line
    const paraAtStart = this.para !== null; // micromark's "interrupt": list starts then follow stricter rules
    for (;;) {
      const rel = spacesAt(text, pos, line.end);
      const at = pos + rel;
      if (at >= line.end) {
        // A blank line (or a blank rest inside quotes) ends a paragraph, and the quotes it does not continue.
        this.closeParagraph();
        this.closeContainers(k);
        return;
      }
      const rest = text.slice(at, Math.min(line.end, at + 64));
      if (rel >= 4) {
        if (this.para) return this.continueParagraph(line, at, softStart);
        // Indented code, read at the margin (GSD's plans indent their steps under a tag). In a container, or right
        // after one it ends (micromark then makes each line a block of its own), remark's.
        if (k !== 0 || this.stack.length) bail();
        this.code = { start: line.start, end: line.end };
        return;
      }
      const first = rest[0];
      if (first === '>') {
        this.closeParagraph();
        this.closeContainers(k);
        this.lists.length = k;
        this.stack.push({ kind: 'quote' });
        this.bump(k, line.end);
        opened = true;
        k++;
        pos = at + 1;
        if (text[pos] === '\t') bail();
        if (text[pos] === ' ') pos++;
        continue;
      }
      const html = first === '<' ? htmlBlockStart(text, at, line.end) : null;
      // A whole tag alone on its line (`<task type="auto">`) starts a block only where it may: not in a paragraph.
      if (html === 'basic' || (html === 'complete' && !this.para)) {
        // Read at the margin (it ends the quotes and items it does not continue); inside one, where it ends is remark's.
        if (k !== 0) bail();
        this.closeParagraph();
        this.closeContainers(0);
        this.lists.length = 0;
        this.html = { start: pos, end: line.end };
        return;
      }
      if (html === 'complete' && k < this.stack.length) bail(); // a lazy line: micromark lets the tag start a block
      if (html === 'raw' || html === 'other') bail();
      if (html === 'comment') {
        // HTML comments are common in handoffs (notes to the next session, lint switches).
        if (rest[4] === '>' || rest.startsWith('->', 4)) bail();
        this.closeParagraph();
        this.closeContainers(k);
        this.lists.length = k;
        // Unlike a fence, an HTML block starts at its indentation.
        this.comment = { level: k, start: pos, quoted: this.quotedAt(k) };
        if (text.slice(at + 4, line.end).includes('-->')) this.endComment(line.end);
        return;
      }
      // A heading inside a quote or an item (one at the margin starts a section): it ends the paragraph, not them.
      if (first === '#' && ATX.test(rest)) {
        this.closeParagraph();
        this.closeContainers(k);
        this.lists.length = k;
        this.atxHeading(at, line.end, this.quotedAt(k));
        this.bump(k, line.end);
        return;
      }
      if (this.para && (first === '=' || first === '-') && SETEXT_UNDERLINE.test(text.slice(at, line.end))) return this.setextHeading(line, k, first);
      if ((first === '*' || first === '-' || first === '_') && THEMATIC_BREAK.test(text.slice(at, line.end))) {
        this.closeParagraph();
        this.closeContainers(k);
        this.lists.length = k;
        this.bump(k, line.end); // a rule yields no block, but the items around it end no earlier
        return;
      }
      const fence = (first === '`' || first === '~') ? FENCE.exec(text.slice(at, line.end)) : null;
      if (fence && !(fence[1][0] === '`' && fence[2].includes('`'))) {
        if (/[\\&]/.test(fence[2])) bail(); // escapes and entities in the info string are decoded by remark
        this.closeParagraph();
        this.closeContainers(k);
        this.lists.length = k;
        this.fence = { char: fence[1][0], length: fence[1].length, level: k, start: at, lang: fence[2].trim().split(/\s/)[0] ?? '', quoted: this.quotedAt(k) };
        return;
      }
      // Most lines are text: the marker pattern runs only where a marker can start.
      const marker = first === '-' || first === '*' || first === '+' || (first! >= '0' && first! <= '9') ? LIST_MARKER.exec(rest) : null;
      if (marker && marker[5] === '\t') bail(); // a tab after a list marker: tab stops are remark's
      if (marker && (marker[4] || !marker[5])) {
        const ordered = marker[2] !== undefined;
        if (!paraAtStart || !ordered || Number(marker[2]) === 1) return this.listItem(line, at, rel, k, marker);
        // `2.` cannot interrupt a paragraph: at the tip it is paragraph text; where an item of the list stops
        // (micromark's list continuation tries a sibling without that rule) it is a new item; anywhere else —
        // after an unmatched quote, or inside a quote this line opened — micromark's choice is not modelled.
        if (k < this.stack.length && this.stack[k].kind === 'item' && !opened) return this.listItem(line, at, rel, k, marker);
        if (k < this.stack.length || opened) bail();
      }
      if (this.para) return this.continueParagraph(line, at, softStart);
      if (first === '[' && DEFINITION.test(rest)) bail();
      this.closeContainers(k);
      this.lists.length = k;
      this.para = { start: at, end: line.end, level: k, lead: null, quoted: this.quotedAt(k), softStarts: [] };
      return;
    }
  }

  /** The open paragraph underlined: a heading, at the margin (in a quote or an item, the underline's reach is remark's). */
  private setextHeading(line: LineSlice, k: number, underline: string): void {
    const p = this.para!;
    if (k !== 0 || this.stack.length || p.level !== 0 || p.lead || p.quoted || p.softStarts.length) bail();
    this.out.push(setextHeadingBlock(this.text, p.start, p.end, line.end, underline));
    this.para = null;
  }

  private listItem(line: LineSlice, at: number, rel: number, k: number, m: RegExpExecArray): void {
    const { text } = this;
    const markerText = m[1] ?? `${m[2]}${m[3]}`;
    const spaces = m[4].length;
    const contentAt = at + markerText.length + spaces;
    if (spaces > 4) bail(); // content indented code
    const content = text.slice(contentAt, Math.min(line.end, contentAt + 64));
    const first = content[0];
    // An empty item; the test of the whole line is needed only when its first 64 characters are blank.
    if (contentAt >= line.end || (BLANK.test(content) && BLANK.test(text.slice(contentAt, line.end)))) bail();
    // An item that opens with another block (a fence, heading, quote, HTML, rule or list) has no lead paragraph.
    if (first !== undefined && BLOCK_OPENERS.includes(first) && (ITEM_OPENS_BLOCK.test(content) || THEMATIC_BREAK.test(text.slice(contentAt, line.end)))) bail();
    if (first === '[' && DEFINITION.test(content)) bail();
    this.closeParagraph();
    this.closeContainers(k);
    const kind = m[1] ?? m[3];
    const previous = this.lists[k];
    const list = previous && previous.kind === kind ? previous.start : at;
    this.lists[k] = { kind, start: list };
    this.lists.length = k + 1;
    const quoted = this.quotedAt(k);
    const block = makeBlock({
      kind: 'listItem', start: at, end: line.end, contentStart: contentAt, contentEnd: line.end,
      depth: this.itemsBelow(k),
      inferred: false, quoted, ordered: m[2] !== undefined, marker: markerText, checkbox: undefined, list, inlines: [],
    });
    this.out.push(block);
    this.stack.push({ kind: 'item', block, width: rel + markerText.length + spaces });
    this.para = { start: contentAt, end: line.end, level: k + 1, lead: block, quoted, softStarts: [] };
  }

  private fenceLine(line: LineSlice, fence: OpenFence): void {
    const { text } = this;
    const { k, pos } = this.match(line);
    // A line that leaves the fence's containers ends them, and the fence with them, unclosed: remark's positions.
    if (k < fence.level) bail();
    const rel = spacesAt(text, pos, line.end);
    if (pos + rel >= line.end || rel > 3) return;
    const close = /^(`{3,}|~{3,})[ \t]*$/.exec(text.slice(pos + rel, line.end));
    if (close && close[1][0] === fence.char && close[1].length >= fence.length) {
      this.out.push(makeBlock({
        kind: 'code', start: fence.start, end: line.end, contentStart: fence.start, contentEnd: line.end, depth: 0,
        inferred: false, quoted: fence.quoted, inlines: [], lang: fence.lang,
      }));
      this.bump(fence.level, line.end);
      this.fence = null;
    }
  }

  private commentLine(line: LineSlice, comment: OpenComment): void {
    const { k, pos } = this.match(line);
    if (k < comment.level) bail(); // its containers end inside it: remark's positions
    if (this.text.slice(pos, line.end).includes('-->')) this.endComment(line.end); // this line only: no scan ahead
  }

  private endCode(): void {
    const c = this.code;
    if (!c) return;
    this.out.push(makeBlock({ kind: 'code', start: c.start, end: c.end, contentStart: c.start, contentEnd: c.end, depth: 0, inferred: false, quoted: false, inlines: [], lang: '' }));
    this.code = null;
  }

  private endHtml(): void {
    const h = this.html;
    if (!h) return;
    this.out.push(makeBlock({ kind: 'html', start: h.start, end: h.end, contentStart: h.start, contentEnd: h.end, depth: 0, inferred: false, quoted: false, inlines: [] }));
    this.html = null;
  }

  private endComment(end: number): void {
    const c = this.comment!;
    this.out.push(makeBlock({ kind: 'html', start: c.start, end, contentStart: c.start, contentEnd: end, depth: 0, inferred: false, quoted: c.quoted, inlines: [] }));
    this.bump(c.level, end);
    this.comment = null;
  }

  private continueParagraph(line: LineSlice, at: number, softStart: boolean): void {
    const p = this.para!;
    if (softStart) p.softStarts.push(at);
    p.end = line.end;
  }

  private closeParagraph(): void {
    const p = this.para;
    if (!p) return;
    this.para = null;
    const { text } = this;
    // A link reference definition (its label may run over lines) makes the paragraph, or part of it, no text.
    if (text[p.start] === '[' && DEFINITION.test(text.slice(p.start, p.end))) bail();
    const inlines = simpleInlines(text, p.start, p.end, p.softStarts);
    if (!inlines) bail();
    if (p.lead) {
      const b = p.lead;
      b.contentStart = p.start;
      b.contentEnd = p.end;
      const box = CHECKBOX.exec(text.slice(p.start, p.start + 4));
      if (box) {
        b.checkbox = { state: box[1], start: p.start, end: p.start + 3 };
        b.contentStart += 3;
        while (b.contentStart < b.contentEnd && (text[b.contentStart] === ' ' || text[b.contentStart] === '\t')) b.contentStart++;
      }
      // Inlines come in order of their starts: when the first is inside the content, all are (no copy).
      b.inlines = inlines.length === 0 || inlines[0].start >= b.contentStart ? inlines : inlines.filter((n) => n.start >= b.contentStart);
    } else {
      const makeParagraph = (s: number, e: number) =>
        this.out.push(makeBlock({
          kind: 'paragraph', start: s, end: e, contentStart: s, contentEnd: e, depth: 0, inferred: false, quoted: p.quoted,
          // The whole paragraph holds every inline read from it; a table's part holds its own.
          inlines: s === p.start && e === p.end ? inlines : inlines.filter((n) => n.start >= s && n.end <= e),
        }));
      if (!(text.slice(p.start, p.end).includes('|') && emitTable(text, p.start, p.end, inlines, p.quoted, this.out, makeParagraph))) {
        makeParagraph(p.start, p.end);
      }
    }
    this.bump(p.level, p.end);
  }

  /** How many of the first `level` open containers are list items: an item's depth. */
  private itemsBelow(level: number): number {
    let n = 0;
    for (let i = 0; i < level; i++) if (this.stack[i].kind === 'item') n++;
    return n;
  }

  /** Whether a block opened inside the first `level` containers is inside a quote. */
  private quotedAt(level: number): boolean {
    for (let i = 0; i < level; i++) if (this.stack[i].kind === 'quote') return true;
    return false;
  }

  /** A block ending at `end` inside the first `level` open containers: the items among them end no earlier. */
  private bump(level: number, end: number): void {
    for (let i = 0; i < level; i++) {
      const c = this.stack[i];
      if (c.kind === 'item' && c.block.end < end) c.block.end = end;
    }
  }

  /** Closes the containers from `level` on; lists inside them end with them. */
  private closeContainers(level: number): void {
    if (this.stack.length > level) this.stack.length = level;
    if (this.lists.length > level + 1) this.lists.length = level + 1;
  }
}
