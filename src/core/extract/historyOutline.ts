/**
 * The outline the history extractor reasons over: every heading, plus the standalone bold lines that open a
 * log entry (`**2026-03-02**`, `**Previous Session:**`). The parser promotes only bold *units*
 * (`**Session 12**`) to headings, so a log written with bold date lines would otherwise have no entries.
 * Such a line gets the depth a promoted bold line gets: one below the heading it sits under.
 *
 * Each node knows its parent and where its section ends (before the next node of the same or a higher
 * level), computed in one pass with a stack.
 */
import type { Block, ParsedText } from '../parse/blocks';
import { collapseSpaces } from './spaces';

export interface OutlineNode {
  /** Start of the heading's block (its `#`s, or the bold line's `**`). */
  start: number;
  /** End of its section, trailing blank lines and thematic breaks excluded. */
  end: number;
  /** The heading's text, as written (markup kept). */
  title: string;
  depth: number;
  /** Index of the enclosing node, or -1. */
  parent: number;
  /** Index of the heading's block in `parsed.blocks`, to read the first blocks of its section. */
  block: number;
  /** True for a standalone bold line that is not a parsed heading. */
  bold: boolean;
}

const MAX_BOLD_LINE = 160;

/**
 * `opensEntry` decides which standalone bold lines are entry titles; a bold line that is not one stays
 * emphasis (a bold "Note:" is not structure).
 */
export function buildOutline(parsed: ParsedText, opensEntry: (title: string) => boolean): OutlineNode[] {
  const { text, blocks } = parsed;
  const nodes: OutlineNode[] = [];
  let sectionDepth = 0; // depth of the last heading not promoted from a bold line
  blocks.forEach((b, i) => {
    if (b.kind === 'heading') {
      if (!promotedFromBold(text, b)) sectionDepth = b.depth;
      nodes.push(node(b.start, text.slice(b.contentStart, b.contentEnd), b.depth, i, false));
      return;
    }
    if (b.kind !== 'paragraph') return;
    const bold = standaloneBold(text, b);
    if (bold !== null && opensEntry(bold)) nodes.push(node(b.start, bold, Math.min(sectionDepth + 1, 6), i, true));
  });
  const stack: number[] = [];
  nodes.forEach((n, i) => {
    while (stack.length && nodes[stack[stack.length - 1]].depth >= n.depth) close(text, nodes[stack.pop()!], n.start);
    n.parent = stack.length ? stack[stack.length - 1] : -1;
    stack.push(i);
  });
  while (stack.length) close(text, nodes[stack.pop()!], text.length);
  return nodes;
}

function node(start: number, title: string, depth: number, block: number, bold: boolean): OutlineNode {
  return { start, end: start, title: collapseSpaces(title).trim(), depth, parent: -1, block, bold };
}

function close(text: string, n: OutlineNode, end: number): void {
  n.end = trimSectionEnd(text, n.start, end);
}

/**
 * Where a section's content ends: before trailing blank lines and the thematic break (`---`) that often
 * separates log entries, which belongs to neither side.
 */
export function trimSectionEnd(text: string, start: number, end: number): number {
  for (;;) {
    while (end > start && /\s/.test(text[end - 1])) end--;
    let lineStart = end;
    while (lineStart > start && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
    if (lineStart <= start || !/^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(text.slice(lineStart, end))) return end;
    end = lineStart;
  }
}

/** A heading the parser made from a standalone bold unit line (`**Task 14: …**`). */
export function promotedFromBold(text: string, b: Block): boolean {
  return b.inferred && /[*_]/.test(text.slice(b.start, b.contentStart));
}

/** `**2026-03-02**` or `**Previous Session:**` as a paragraph of its own: the bold text, else null. */
function standaloneBold(text: string, b: Block): string | null {
  const strong = b.inlines[0];
  if (!strong || strong.kind !== 'strong' || strong.start !== b.contentStart) return null;
  const after = text.slice(strong.end, b.contentEnd).trim();
  if (after && after !== ':') return null;
  const inner = text.slice(strong.contentStart, strong.contentEnd);
  if (inner.length > MAX_BOLD_LINE || /[\r\n]/.test(inner)) return null;
  return inner.trim();
}
