/**
 * What micromark makes of a `<` in running text (for simpleInlines.ts): an autolink (`<https://…>`,
 * `<a@b.c>`), raw HTML (a tag, closing tag, comment, CDATA, declaration or processing instruction), or plain
 * text. The state machines follow micromark's autolink.js and html-text.js; handoffs are full of them
 * (`git push origin <branch>`, `<!-- note -->`). A construct that runs over a line ending is not followed
 * here: inside a quote the next line's `>` marker is not part of it, so the caller leaves it to remark.
 */

/** `<…>` is no HTML: the `<` is text. */
export const NOT_HTML = -1;
/** It reaches a line ending before it is decided. */
export const OVER_LINES = -2;

const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAlnum = (c: number) => isAlpha(c) || (c >= 48 && c <= 57);
const isEol = (c: number) => c === 10 || c === 13;
const isSpace = (c: number) => c === 32 || c === 9;
const SCHEME_CHAR = (c: number) => isAlnum(c) || c === 43 || c === 45 || c === 46;
/** micromark's asciiAtext: the characters of an email's local part. */
const ATEXT = /[#-'*+\--9=?A-Z^-~]/;

/** The autolink at `i` (a `<`): its end and its url as remark reports it, or null. */
export function autolinkAt(text: string, i: number, end: number): { end: number; url: string } | null {
  const code = (k: number) => (k < end ? text.charCodeAt(k) : -1);
  let k = i + 1;
  if (isAlpha(code(k))) {
    let n = 1;
    while (SCHEME_CHAR(code(k + n)) && n < 32) n++;
    if (n >= 2 && code(k + n) === 58 /* : */) {
      let u = k + n + 1;
      for (;;) {
        const c = code(u);
        if (c === 62 /* > */) return { end: u + 1, url: text.slice(i + 1, u) };
        if (c < 0 || c <= 32 || c === 60 || c === 127) break;
        u++;
      }
    }
  }
  // An email address: atext+ `@` labels of letters, digits and inner hyphens (63 at most), dot-separated.
  if (code(k) === 64 /* @ */) return null;
  while (k < end && ATEXT.test(text[k]!)) k++;
  if (k === i + 1 || code(k) !== 64) return null;
  k++;
  for (;;) {
    if (!isAlnum(code(k))) return null;
    let n = 0;
    while ((isAlnum(code(k)) || code(k) === 45) && n < 63) { k++; n++; }
    if (code(k - 1) === 45) return null;
    if (code(k) === 62) return { end: k + 1, url: `mailto:${text.slice(i + 1, k)}` };
    if (code(k) !== 46 /* . */) return null;
    k++;
  }
}

/** The end of the raw HTML starting at `i` (a `<`), NOT_HTML, or OVER_LINES. */
export function htmlAt(text: string, i: number, end: number): number {
  const code = (k: number) => (k < end ? text.charCodeAt(k) : -1);
  let k = i + 1;
  const c = code(k);
  if (c === 33 /* ! */) {
    k++;
    if (code(k) === 45) return code(k + 1) === 45 ? comment(k + 2) : NOT_HTML;
    if (code(k) === 91 /* [ */) return text.startsWith('[CDATA[', k) ? until(k + 7, ']]>') : NOT_HTML;
    return isAlpha(code(k)) ? until(k + 1, '>') : NOT_HTML;
  }
  if (c === 63 /* ? */) return until(k + 1, '?>');
  if (c === 47 /* / */) {
    k++;
    if (!isAlpha(code(k))) return NOT_HTML;
    while (isAlnum(code(k)) || code(k) === 45) k++;
    while (isSpace(code(k))) k++;
    if (isEol(code(k))) return OVER_LINES;
    return code(k) === 62 ? k + 1 : NOT_HTML;
  }
  if (!isAlpha(c)) return NOT_HTML;
  while (isAlnum(code(k)) || code(k) === 45) k++;
  const after = code(k);
  if (after !== 47 && after !== 62 && !isSpace(after) && !isEol(after)) return NOT_HTML;
  return attributes(k);

  /** After `<!--`: micromark's commentEnd / commentClose / comment states. */
  function comment(from: number): number {
    let state: 'end' | 'close' | 'body' = 'end';
    for (let j = from; ;) {
      const x = code(j);
      if (state === 'end') {
        if (x === 62) return j + 1;
        state = x === 45 ? 'close' : 'body';
      } else if (state === 'close') {
        if (x === 45) { j++; state = 'end'; } else state = 'body';
      } else {
        if (x < 0) return NOT_HTML;
        if (isEol(x)) return OVER_LINES;
        j++;
        if (x === 45) state = 'close';
      }
    }
  }

  /** Declarations end at `>`, CDATA at `]]>`, instructions at `?>`; without it, the `<` is text. */
  function until(from: number, closer: string): number {
    for (let j = from; ; j++) {
      const x = code(j);
      if (x < 0) return NOT_HTML;
      if (isEol(x)) return OVER_LINES;
      if (text.startsWith(closer, j)) return j + closer.length;
    }
  }

  /** An open tag's attributes and its end: `/>` or `>`. */
  function attributes(from: number): number {
    let j = from;
    for (;;) {
      let x = code(j);
      while (isSpace(x)) x = code(++j);
      if (isEol(x)) return OVER_LINES;
      if (x === 47) return code(j + 1) === 62 ? j + 2 : NOT_HTML;
      if (!(x === 58 || x === 95 || isAlpha(x))) return x === 62 ? j + 1 : NOT_HTML;
      while (isAlnum(code(j)) || [45, 46, 58, 95].includes(code(j))) j++; // the name
      x = code(j);
      while (isSpace(x)) x = code(++j);
      if (isEol(x)) return OVER_LINES;
      if (x !== 61 /* = */) continue; // an attribute without a value; what follows is read as before
      x = code(++j);
      while (isSpace(x)) x = code(++j);
      if (isEol(x)) return OVER_LINES;
      if (x < 0 || x === 60 || x === 61 || x === 62 || x === 96) return NOT_HTML;
      if (x === 34 || x === 39) {
        const close = j + 1 + text.slice(j + 1, end).search(x === 34 ? /["\r\n]/ : /['\r\n]/);
        if (close <= j) return NOT_HTML;
        if (isEol(code(close))) return OVER_LINES;
        j = close + 1;
        const y = code(j);
        if (!(y === 47 || y === 62 || isSpace(y) || isEol(y))) return NOT_HTML;
        continue;
      }
      for (;;) {
        const y = code(j);
        if (y < 0 || y === 34 || y === 39 || y === 60 || y === 61 || y === 96) return NOT_HTML;
        if (y === 47 || y === 62 || isSpace(y) || isEol(y)) break;
        j++;
      }
    }
  }
}
