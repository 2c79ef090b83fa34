/**
 * XML-ish sections: agent tools write structure as tags alone on their lines (`<current_state>` … 
 * `</current_state>`, GSD's `.continue-here.md` and PLAN files: `<remaining_work>`, `<next_action>`, `<tasks>`).
 * Markdown reads them as text (an underscore is not allowed in an HTML tag name) or as an HTML block, so the
 * parser's blocks do not show them; this pass finds the pairs on the lines of paragraphs and HTML blocks.
 *
 * Real HTML elements (`<details>`, `<div>`…) are not sections. A tag never closed is not a section either: the
 * text around it is prose that mentions a tag. One pass over the lines, with a stack: linear.
 */
import type { ParsedText } from '../parse/blocks';
import { linesIn } from '../parse/tables';

export interface XmlSection {
  /** The tag name as written (`remaining_work`). */
  name: string;
  /** Start of the opening tag's line content (`<`), and of the name inside it. */
  start: number;
  nameStart: number;
  nameEnd: number;
  /** End of the closing tag (`>` of `</remaining_work>`). */
  end: number;
  /** How many sections enclose it. */
  depth: number;
}

const OPEN = /^[ \t>]*<([a-z][a-z0-9]*(?:[_-][a-z0-9]+)*)>[ \t]*$/;
const CLOSE = /^[ \t>]*<\/([a-z][a-z0-9]*(?:[_-][a-z0-9]+)*)>[ \t]*$/;
/** HTML's own elements: markup, not sections. */
const HTML_ELEMENTS = new Set([
  'a', 'abbr', 'b', 'blockquote', 'body', 'br', 'center', 'code', 'dd', 'del', 'details', 'div', 'dl', 'dt', 'em', 'figure',
  'font', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'i', 'img', 'ins', 'kbd', 'li', 'main',
  'mark', 'nav', 'ol', 'p', 'picture', 'pre', 'q', 's', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody',
  'td', 'th', 'thead', 'tr', 'u', 'ul', 'video',
]);
const MAX_DEPTH = 32;

/** Per parsed text: the phase outline and the step extractor both ask. */
const sectionsOf = new WeakMap<ParsedText, readonly XmlSection[]>();

export function findXmlSections(parsed: ParsedText): readonly XmlSection[] {
  let sections = sectionsOf.get(parsed);
  if (!sections) sectionsOf.set(parsed, (sections = scan(parsed)));
  return sections;
}

function scan(parsed: ParsedText): XmlSection[] {
  const { text, blocks } = parsed;
  const found: XmlSection[] = [];
  const open: Array<Omit<XmlSection, 'end' | 'depth'>> = [];
  // The first `<` at or after `searchedFrom` (-1: none): a document without one is searched once, not once per block.
  let searchedFrom = Infinity;
  let nextLt = -1;
  for (const b of blocks) {
    if (b.kind !== 'paragraph' && b.kind !== 'html' && b.kind !== 'listItem') continue;
    // A list item's lazy last line can be the closing tag (`- Task 5: not started\n</remaining_work>`).
    const from = b.kind === 'listItem' ? b.contentStart : b.start;
    const to = b.kind === 'listItem' ? b.contentEnd : b.end;
    if (from < searchedFrom || (nextLt !== -1 && nextLt < from)) {
      searchedFrom = from;
      nextLt = text.indexOf('<', from);
    }
    if (nextLt === -1 || nextLt >= to || !hasTag(text, from, to)) continue;
    for (const line of linesIn(text, from, to)) {
      if (line.end - line.start > 80) continue;
      const s = text.slice(line.start, line.end);
      const opening = b.kind === 'listItem' ? null : OPEN.exec(s);
      if (opening && !HTML_ELEMENTS.has(opening[1]) && open.length < MAX_DEPTH) {
        const nameStart = line.start + s.indexOf('<') + 1;
        open.push({ name: opening[1], start: nameStart - 1, nameStart, nameEnd: nameStart + opening[1].length });
        continue;
      }
      const closing = CLOSE.exec(s);
      if (!closing) continue;
      // Close the innermost section of that name; sections opened inside it and never closed are dropped.
      for (let k = open.length - 1; k >= 0; k--) {
        if (open[k].name !== closing[1]) continue;
        found.push({ ...open[k], end: line.start + s.lastIndexOf('>') + 1, depth: k });
        open.length = k;
        break;
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** `remaining_work` → `Remaining work`. */
export function tagTitle(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : name;
}

/** Whether a `<` starts a line of the block (after blanks or a quote's `>`): where a tag can stand alone. */
export function hasTag(text: string, from: number, to: number): boolean {
  // Most blocks hold no `<` at all: find each with the native search, then look back to its line's start.
  for (let i = text.indexOf('<', from); i !== -1 && i < to; i = text.indexOf('<', i + 1)) {
    let j = i - 1;
    while (j >= from) {
      const c = text.charCodeAt(j);
      if (c !== 32 && c !== 9 && c !== 62 /* > */) break;
      j--;
    }
    if (j < from) return true;
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13) return true;
  }
  return false;
}
