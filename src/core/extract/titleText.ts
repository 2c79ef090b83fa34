/**
 * Headings and list labels are recognised by their words, not their decoration: `### 4. ✅ **Acceptance
 * criteria:**` and `## Acceptance criteria` are the same label. This reduces a title to its plain words so
 * that the word patterns of the history and list-role recognisers can be anchored at both ends.
 */

/** Long titles are pasted prose, not labels; reading only their start keeps every pattern linear. */
const MAX_TITLE = 300;
const LINK = /\[([^\]\n]*)\]\([^)\n]*\)/g;
const MARKUP = /[*_~`]+/g;
/** Emoji, arrows, bullets and other symbols that decorate a title's start (`🚀`, `⮕`, `▶`, `•`). */
const LEADING_DECORATION = /^(?:[\s#>|:\-–—•·]|[\p{Extended_Pictographic}\p{So}\p{Sm}]|\uFE0F|\u200D)+/u;
/** `1.`, `2)`, `2.3`, `§4`, `A.`, `IV.` before the words; not the day of a date (`28 December 2025`). */
const LEADING_NUMBER = /^(?:§\s*)?(?:\d{1,3}(?:\.\d{1,3})*[.)]?|[A-Z][.)]|[IVX]{1,4}[.)])\s+(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s|,|$))/i;
const TRAILING_DECORATION = /(?:[\s:.\-–—|]|[\p{Extended_Pictographic}\p{So}]|\uFE0F)+$/u;

/** The title as plain words, case kept: markup, links, leading numbering and decoration removed. */
export function plainTitle(raw: string): string {
  let t = raw.slice(0, MAX_TITLE).replace(LINK, '$1').replace(MARKUP, '').replace(/\s+/g, ' ');
  t = t.replace(LEADING_DECORATION, '');
  t = t.replace(LEADING_NUMBER, '').replace(LEADING_DECORATION, '');
  return t.replace(TRAILING_DECORATION, '').trim();
}

/** The plain title in lower case without a trailing parenthetical: `Archive (2025)` → `archive`. */
export function titleWords(raw: string): string {
  return plainTitle(raw).replace(/\s*\([^()]*\)\s*$/, '').replace(TRAILING_DECORATION, '').toLowerCase();
}

/** The parenthetical remarks of a title, lower case: `Accomplished (Same Day, Earlier)` → [`same day, earlier`]. */
export function parentheticals(raw: string): string[] {
  const out: string[] = [];
  const re = /\(([^()]{1,80})\)/g;
  const t = plainTitle(raw);
  for (let m = re.exec(t); m; m = re.exec(t)) out.push(m[1].trim().toLowerCase());
  return out;
}
