/**
 * Which HTML block a line opening with `<` starts, as micromark decides it (its html-flow tokenizer, CommonMark's
 * seven start conditions) — for the simple reader (simpleBlocks.ts), which reads the two kinds that end at a blank
 * line and leaves the others to remark. GSD's plans are full of them: `<task type="auto">`, `<objective>`, `<verify>`
 * on lines of their own.
 *
 *   - 'raw': `<script`, `<pre`, `<style`, `<textarea` (ends at its closing tag);
 *   - 'comment': `<!--`;
 *   - 'other': `<?`, `<!DOCTYPE`, `<![CDATA[` (end at their own markers);
 *   - 'basic': a known block tag name, open or closing (`<div`, `</table>`, `<details>`): may interrupt a paragraph;
 *   - 'complete': any other tag written whole and alone on its line (`<task type="auto">`, `</verify>`): may not;
 *   - null: no HTML block (the line is text, its tags inline HTML).
 */
import { htmlBlockNames, htmlRawNames } from 'micromark-util-html-tag-name';

export type HtmlStart = 'raw' | 'comment' | 'other' | 'basic' | 'complete' | null;

const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAlnum = (c: number) => isAlpha(c) || (c >= 48 && c <= 57);
const isSpace = (c: number) => c === 32 || c === 9;

/** `text[at]` is `<`; `end` is the end of its line (no line ending inside). */
export function htmlBlockStart(text: string, at: number, end: number): HtmlStart {
  const c = at + 1 < end ? text.charCodeAt(at + 1) : -1;
  if (c === 33 /* ! */) {
    const d = at + 2 < end ? text.charCodeAt(at + 2) : -1;
    if (d === 45 /* - */) return at + 3 < end && text.charCodeAt(at + 3) === 45 ? 'comment' : null;
    if (d === 91 /* [ */) return text.startsWith('CDATA[', at + 3) && at + 9 <= end ? 'other' : null;
    return isAlpha(d) ? 'other' : null;
  }
  if (c === 63 /* ? */) return 'other';
  const closing = c === 47; /* / */
  let p = closing ? at + 2 : at + 1;
  if (p >= end || !isAlpha(text.charCodeAt(p))) return null;
  const nameStart = p;
  while (p < end && (isAlnum(text.charCodeAt(p)) || text.charCodeAt(p) === 45)) p++;
  const t = p < end ? text.charCodeAt(p) : -1;
  if (!(t === -1 || t === 47 || t === 62 || isSpace(t))) return null;
  const name = text.slice(nameStart, p).toLowerCase();
  const slash = t === 47;
  if (!slash && !closing && htmlRawNames.includes(name)) return 'raw';
  if (htmlBlockNames.includes(name)) return !slash || (p + 1 < end && text.charCodeAt(p + 1) === 62) ? 'basic' : null;
  return (closing ? closingTagAlone(text, p, end) : openTagAlone(text, p, end)) ? 'complete' : null;
}

/** After a closing tag's name: spaces, `>`, then only spaces to the line's end. */
function closingTagAlone(text: string, p: number, end: number): boolean {
  while (p < end && isSpace(text.charCodeAt(p))) p++;
  return tagEnd(text, p, end);
}

/** `>` at `p`, then only spaces to the line's end. */
function tagEnd(text: string, p: number, end: number): boolean {
  if (p >= end || text.charCodeAt(p) !== 62) return false;
  for (p++; p < end; p++) if (!isSpace(text.charCodeAt(p))) return false;
  return true;
}

/** After an open tag's name: its attributes as micromark reads them (states named as there), `/`?, `>`, spaces. */
function openTagAlone(text: string, p: number, end: number): boolean {
  const at = (i: number) => (i < end ? text.charCodeAt(i) : -1);
  for (;;) {
    // completeAttributeNameBefore
    const c = at(p);
    if (c === 47) return tagEnd(text, p + 1, end);
    if (isSpace(c)) { p++; continue; }
    if (!(c === 58 || c === 95 || isAlpha(c))) return tagEnd(text, p, end);
    // completeAttributeName
    p++;
    while (at(p) === 45 || at(p) === 46 || at(p) === 58 || at(p) === 95 || isAlnum(at(p))) p++;
    // completeAttributeNameAfter (after a value too: an unquoted value ends where another `=` may follow)
    for (;;) {
      while (isSpace(at(p))) p++;
      if (at(p) !== 61 /* = */) break;
      p++;
      // completeAttributeValueBefore
      while (isSpace(at(p))) p++;
      const v = at(p);
      if (v === -1 || v === 60 || v === 61 || v === 62 || v === 96) return false;
      if (v === 34 || v === 39) {
        const close = text.indexOf(String.fromCharCode(v), p + 1);
        if (close < 0 || close >= end) return false;
        p = close + 1;
        // completeAttributeValueQuotedAfter
        const after = at(p);
        if (!(after === 47 || after === 62 || isSpace(after))) return false;
        break;
      }
      // completeAttributeValueUnquoted
      while (p < end) {
        const u = text.charCodeAt(p);
        if (u === 34 || u === 39 || u === 47 || u === 60 || u === 61 || u === 62 || u === 96 || isSpace(u)) break;
        p++;
      }
    }
  }
}
