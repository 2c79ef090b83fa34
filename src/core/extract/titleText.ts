/**
 * Headings and list labels are recognised by their words, not their decoration: `### 4. ✅ **Acceptance
 * criteria:**` and `## Acceptance criteria` are the same label. This reduces a title to its plain words so
 * that the word patterns of the history and list-role recognisers can be anchored at both ends.
 */
import { collapseSpaces } from './spaces';

/** Long titles are pasted prose, not labels; reading only their start keeps every pattern linear. */
const MAX_TITLE = 300;
const LINK = /\[([^\]\n]*)\]\([^)\n]*\)/g;
const MARKUP = /[*_~`]+/g;
/** Emoji, arrows, bullets and other symbols that decorate a title's start (`🚀`, `⮕`, `▶`, `•`). */
const LEADING_DECORATION = /^(?:[\s#>|:\-–—•·]|[\p{Extended_Pictographic}\p{So}\p{Sm}]|\uFE0F|\u200D)+/u;
/** `1.`, `2)`, `2.3`, `§4`, `A.`, `IV.` before the words; not the day of a date (`28 December 2025`). */
const LEADING_NUMBER = /^(?:§\s*)?(?:\d{1,3}(?:\.\d{1,3})*[.)]?|[A-Z][.)]|[IVX]{1,4}[.)])\s+(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s|,|$))/i;

/** The title as plain words, case kept: markup, links, leading numbering and decoration removed. */
export function plainTitle(raw: string): string {
  // The same heading or label is asked about by several recognisers in a row (roles, history, tickets).
  if (raw === last.raw) return last.plain;
  let t = raw.length > MAX_TITLE ? raw.slice(0, MAX_TITLE) : raw;
  if (t.includes('[')) t = t.replace(LINK, '$1');
  t = collapseSpaces(t.replace(MARKUP, ''));
  t = t.replace(LEADING_DECORATION, '');
  t = t.replace(LEADING_NUMBER, '').replace(LEADING_DECORATION, '');
  const plain = withoutTrailingDecoration(t).trim();
  last = { raw, plain };
  return plain;
}

let last = { raw: '', plain: '' };
const DECORATION_CHAR = /^(?:[\s:.\-–—|]|[\p{Extended_Pictographic}\p{So}]|\uFE0F)$/u;

/**
 * Emoji, symbols, separators and spaces at the end removed, one code point at a time from the end: a regex for them,
 * unanchored at its start, was tried from every position of the title (the costliest step of this function).
 */
function withoutTrailingDecoration(t: string): string {
  let end = t.length;
  while (end > 0) {
    const c = t.charCodeAt(end - 1);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) break; // the usual last character
    let from = end - 1;
    if (c >= 0xdc00 && c <= 0xdfff && from > 0) {
      const high = t.charCodeAt(from - 1);
      if (high >= 0xd800 && high <= 0xdbff) from--;
    }
    if (!DECORATION_CHAR.test(t.slice(from, end))) break;
    end = from;
  }
  return end === t.length ? t : t.slice(0, end);
}

/** The plain title in lower case without a trailing parenthetical: `Archive (2025)` → `archive`. */
export function titleWords(raw: string): string {
  const plain = plainTitle(raw);
  // A plain title ends in its last word or `)`: only then is there a parenthetical to drop.
  return (plain.endsWith(')') ? withoutTrailingDecoration(plain.replace(/\s*\([^()]*\)\s*$/, '')) : plain).toLowerCase();
}

/** The parenthetical remarks of a title, lower case: `Accomplished (Same Day, Earlier)` → [`same day, earlier`]. */
export function parentheticals(raw: string): string[] {
  const out: string[] = [];
  const re = /\(([^()]{1,80})\)/g;
  const t = plainTitle(raw);
  for (let m = re.exec(t); m; m = re.exec(t)) out.push(m[1].trim().toLowerCase());
  return out;
}
