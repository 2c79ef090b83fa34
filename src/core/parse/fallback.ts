/**
 * The line-pass reader for sections remark is not trusted with (see `isHostile`): linear time, no recursion,
 * bounded work per line. It finds what the extractors need (headings, list items with checkboxes, tables,
 * fenced code, code spans and inline links) and nothing more; the result is marked `degraded`.
 */
import { makeBlock, makeInline, type Block, type Inline } from './blocks';
import { emitTable, linesIn } from './tables';
import { InlineCursor } from './inlineCursor';

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const CHECKBOX = /^\[([ xX\-!>~/?*])\](?=[ \t]|$)/;
/** Lines longer than this get no inline scan: they are blobs, not prose. */
const MAX_INLINE_LINE = 10_000;

/**
 * Reads `text[start, end)` into `out`, at most `maxBlocks` blocks (a run of plain lines is cut to fit); returns where
 * reading stopped (`end` when it read everything).
 */
export function fallbackBlocks(text: string, start: number, end: number, out: Block[], maxBlocks = Infinity): number {
  const lines = linesIn(text, start, end);
  let i = 0;
  while (i < lines.length) {
    if (out.length >= maxBlocks) return lines[i].start;
    const { start: s, end: e } = lines[i];
    let indent = s;
    while (indent < e && (text[indent] === ' ' || text[indent] === '\t')) indent++;
    const line = text.slice(s, Math.min(e, indent + 200)); // the indent plus a prefix is enough to classify a line
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      let j = i + 1;
      while (j < lines.length && !text.slice(lines[j].start, lines[j].end).trimStart().startsWith(fence[1])) j++;
      const last = Math.min(j, lines.length - 1);
      out.push(block('code', s, lines[last].end, s, lines[last].end, 0));
      i = last + 1;
      continue;
    }
    if (!line.trim()) { i++; continue; }
    const heading = HEADING.exec(line);
    if (heading) {
      let ce = e;
      while (ce > s && /[\s#]/.test(text[ce - 1])) ce--;
      const cs = Math.min(s + heading[0].length, ce);
      out.push(block('heading', s, e, cs, ce, heading[1].length, scanInlines(text, cs, ce)));
      i++;
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      let cs = s + item[0].length;
      const box = CHECKBOX.exec(text.slice(cs, cs + 4));
      const checkbox = box ? { state: box[1], start: cs, end: cs + 3 } : undefined;
      if (box) { cs += 3; while (text[cs] === ' ' || text[cs] === '\t') cs++; }
      const depth = Math.min(Math.floor(item[1].replace(/\t/g, '    ').length / 2), 1000);
      out.push(makeBlock({
        kind: 'listItem', start: s, end: e, contentStart: Math.min(cs, e), contentEnd: e, depth, inferred: false, quoted: false,
        ordered: /\d/.test(item[2]), marker: item[2], checkbox, inlines: scanInlines(text, cs, e),
      }));
      i++;
      continue;
    }
    // A run of plain lines: a table when it has a delimiter row, otherwise one paragraph per line.
    let j = i;
    while (j < lines.length && j - i < maxBlocks - out.length && text.slice(lines[j].start, lines[j].end).trim() && !HEADING.test(text.slice(lines[j].start, lines[j].start + 10))) j++;
    const runEnd = lines[Math.max(j - 1, i)].end;
    const inlines = scanInlines(text, s, runEnd);
    const asParagraphs = (ps: number, pe: number) => {
      const cursor = new InlineCursor(inlines);
      for (const l of linesIn(text, ps, pe)) out.push(block('paragraph', l.start, l.end, l.start, l.end, 0, cursor.take(l.start, l.end)));
    };
    if (!emitTable(text, s, runEnd, inlines, false, out, asParagraphs)) asParagraphs(s, runEnd);
    i = Math.max(j, i + 1);
  }
  return end;
}

function block(kind: Block['kind'], start: number, end: number, contentStart: number, contentEnd: number, depth: number, inlines: Inline[] = []): Block {
  return makeBlock({ kind, start, end, contentStart, contentEnd, depth, inferred: false, quoted: false, inlines });
}

/** Code spans (single-line) and `[label](target)` links, scanning each line once. */
function scanInlines(text: string, start: number, end: number): Inline[] {
  const out: Inline[] = [];
  for (const line of linesIn(text, start, end)) {
    if (line.end - line.start > MAX_INLINE_LINE) continue;
    const s = text.slice(line.start, line.end);
    if (!s.includes('`') && !s.includes('](')) continue; // nothing to find: no regex iterator per plain line
    for (const m of s.matchAll(/(`+)([^`]+?)\1(?!`)|\[([^\]\n]{0,300})\]\(([^()\s]{1,500})(?:\s+"[^"]*")?\)/g)) {
      const at = line.start + (m.index ?? 0);
      if (m[1]) {
        const n = m[1].length;
        out.push(makeInline({ kind: 'code', start: at, end: at + m[0].length, contentStart: at + n, contentEnd: at + m[0].length - n }));
      } else {
        const cs = at + 1;
        const ce = cs + m[3].length;
        const us = ce + 2;
        out.push(makeInline({ kind: 'link', start: at, end: at + m[0].length, contentStart: cs, contentEnd: ce, url: m[4], urlStart: us, urlEnd: us + m[4].length }));
      }
    }
  }
  return out;
}
