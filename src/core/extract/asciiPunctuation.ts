/**
 * Full-width punctuation (`HEAD：5a4b3c2`, `（5a4b3c2）`, `コミット：…`) separates and connects words exactly as its
 * ASCII twin does. Rather than teach every commit and ref pattern both forms, their extractors read a view of the
 * text in which each full-width sign is replaced by its ASCII twin: one UTF-16 unit for one, so every offset, and
 * every hex token and name sliced from the view, is the same as in the document.
 */
import type { ParsedText } from '../parse/blocks';

/**
 * Full-width signs that separate or connect tokens: `！＂＃＄％＆＇（）＊，` `：；＜＝＞？＠` `［＼］＾｀` `｛｜｝～`, and the
 * ideographic space. The ones a ref name may hold (`＋－．／＿`) are left alone, so a name read from the view is the
 * name as written.
 */
const FULL_WIDTH = /[\uFF01-\uFF0A\uFF0C\uFF1A-\uFF20\uFF3B-\uFF3E\uFF40\uFF5B-\uFF5E\u3000]/;
const FULL_WIDTH_ALL = new RegExp(FULL_WIDTH.source, 'g');

const views = new WeakMap<ParsedText, ParsedText>();

/** `parsed` itself when it has no full-width punctuation; otherwise the same blocks over the ASCII-punctuated text. */
export function withAsciiPunctuation(parsed: ParsedText): ParsedText {
  const hit = views.get(parsed);
  if (hit) return hit;
  const view = FULL_WIDTH.test(parsed.text)
    ? { ...parsed, text: parsed.text.replace(FULL_WIDTH_ALL, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0))) }
    : parsed;
  views.set(parsed, view);
  views.set(view, view);
  return view;
}

/**
 * Full-width signs that carry their own spacing in CJK text (`：；，（）［］｛｝！？` and the ideographic space): a token
 * after `main：` is spaced from it, as after `main: `, whereas `＃1f6feb80` is glued like `#1f6feb80`.
 */
export function isSpacingFullWidth(c: number): boolean {
  return c === 0xff1a || c === 0xff1b || c === 0xff0c || c === 0xff08 || c === 0xff09 || c === 0xff3b || c === 0xff3d ||
    c === 0xff5b || c === 0xff5d || c === 0xff01 || c === 0xff1f || c === 0x3000;
}
