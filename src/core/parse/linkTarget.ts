/** Where a link's target is written in the source, shared by both readers (remark's tree and the simple reader). */
import type { Inline } from './blocks';

/** Finds the written target of `[label](target "title")` or `<autolink>` between `labelEnd` and `end`. */
export function locateUrl(text: string, link: Inline, labelEnd: number, end: number): void {
  if (text[link.start] === '<') {
    link.urlStart = link.start + 1;
    link.urlEnd = end - 1;
    return;
  }
  const open = text.indexOf('](', labelEnd);
  if (open < 0 || open >= end) return;
  let u = open + 2;
  while (u < end && /\s/.test(text[u])) u++;
  if (text[u] === '<') {
    const close = text.indexOf('>', u);
    if (close > u && close < end) { link.urlStart = u + 1; link.urlEnd = close; }
    return;
  }
  let e = u;
  let depth = 0;
  while (e < end) {
    const c = text[e];
    if (/\s/.test(c)) break;
    if (c === '(') depth++;
    else if (c === ')') { if (depth === 0) break; depth--; }
    e++;
  }
  link.urlStart = u;
  link.urlEnd = e;
}
