/**
 * The inline half of the simple reader (see simpleBlocks.ts): code spans, inline links, images and strong
 * emphasis of one paragraph, found the way micromark finds them, in one left-to-right pass plus micromark's
 * attention resolution, with autolinks and raw HTML read by simpleHtml.ts. It returns exactly what
 * `mdastToBlocks` makes of remark's tree for the same text, or null when the text holds something it does not
 * model (HTML over several lines, `<…>` or escaped link targets, link titles, labels over several lines): the
 * caller then hands the section to remark.
 *
 * Why not remark: micromark tokenizes every character through a generic state machine and builds a syntax tree
 * we throw away; on handoffs (mostly list items and table rows) this pass is an order of magnitude faster.
 * The differential test (test/unit/parse-simple.test.ts) holds it to remark's answers.
 */
import { makeInline, type Inline } from './blocks';
import { locateUrl } from './linkTarget';
import { autolinkAt, htmlAt, OVER_LINES } from './simpleHtml';

/** A run of `*` or `_` (micromark's attentionSequence), shrinking from its inner side as it is used. */
interface Sequence {
  marker: number;
  start: number;
  end: number;
  open: boolean;
  close: boolean;
  /** False once it lies inside a resolved pair or link label: micromark turns those into plain data. */
  live: boolean;
}

interface LabelStart {
  at: number;
  image: boolean;
  /** Index into the sequence list when the label opened: the label's own sequences come after it. */
  firstSequence: number;
  /** Earlier labels cannot become links once a link closed after them (no links in links). */
  inactive: boolean;
}

const BACKTICK = 96;
const BACKSLASH = 92;
const MAX_PAREN_DEPTH = 32; // micromark's limit on nested parentheses in a raw link destination
/**
 * Closers look back over every earlier sequence, as in micromark: quadratic on a storm of unmatched `a* `.
 * Past this many look-back steps in one paragraph the text is hostile, not prose (remark would take longer).
 */
const MAX_ATTENTION_STEPS = 4_000_000;

/** Thrown when a paragraph is too costly to resolve: the section goes to the line-pass fallback. */
export class TooCostly extends Error {}

/** The code units the scan below stops at (`\\` `` ` `` `<` `*` `_` `!` `[` `]`); every other one is text. */
const STOPS = new Uint8Array(128);
for (const c of '\\`<*_![]') STOPS[c.charCodeAt(0)] = 1;

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const PUNCTUATION = /\p{P}|\p{S}/u;
const WHITESPACE = /\s/;

/** micromark's classifyCharacter: 1 whitespace (or the paragraph's edge), 2 punctuation, 0 other. */
function classify(ch: string | undefined): 0 | 1 | 2 {
  if (ch === undefined || WHITESPACE.test(ch)) return 1;
  return PUNCTUATION.test(ch) ? 2 : 0;
}

/**
 * The code unit before / at an offset, undefined past the paragraph's edge. micromark classifies UTF-16 code
 * units, not code points: half of a surrogate pair (an emoji) is neither whitespace nor punctuation to it.
 */
function charBefore(text: string, at: number, start: number, softStarts: readonly number[]): string | undefined {
  return at <= start || (softStarts.length > 0 && softStarts.includes(at)) ? undefined : text[at - 1];
}

function charAt(text: string, at: number, end: number): string | undefined {
  return at >= end ? undefined : text[at];
}

/**
 * The inlines of `text[start, end)` in the order mdastToBlocks emits them (a parent before its children), or
 * null when remark must decide. `softStarts`: offsets where a continuation line's content starts after a quote
 * marker (`>`), which micromark sees as the start of a line.
 */
export function simpleInlines(text: string, start: number, end: number, softStarts: readonly number[] = []): Inline[] | null {
  const out: Inline[] = [];
  const sequences: Sequence[] = [];
  const labels: LabelStart[] = [];
  /** Spans of images: their alt text yields no inlines in mdastToBlocks. */
  const images: Array<[number, number]> = [];
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c >= 128 || STOPS[c] === 0) {
      i++;
      continue;
    }
    if (c === BACKSLASH) {
      i += i + 1 < end && ASCII_PUNCTUATION.test(text[i + 1]) ? 2 : 1;
      continue;
    }
    if (c === BACKTICK) {
      let n = 1;
      while (i + n < end && text.charCodeAt(i + n) === BACKTICK) n++;
      const close = closingRun(text, i + n, end, n);
      if (close < 0) {
        i += n;
        continue;
      }
      let cs = i + n;
      let ce = close;
      if (ce - cs >= 2 && text[cs] === ' ' && text[ce - 1] === ' ' && text.slice(cs, ce).trim()) { cs++; ce--; }
      out.push(makeInline({ kind: 'code', start: i, end: close + n, contentStart: cs, contentEnd: ce }));
      i = close + n;
      continue;
    }
    if (c === 60 /* < */) {
      // Autolinks first, then raw HTML (micromark's order); anything else leaves the `<` as text.
      const auto = autolinkAt(text, i, end);
      if (auto) {
        out.push(makeInline({ kind: 'link', start: i, end: auto.end, contentStart: i + 1, contentEnd: auto.end - 1, url: auto.url, urlStart: i + 1, urlEnd: auto.end - 1 }));
        i = auto.end;
        continue;
      }
      const html = htmlAt(text, i, end);
      if (html === OVER_LINES) return null;
      if (html > 0) {
        out.push(makeInline({ kind: 'html', start: i, end: html, contentStart: i, contentEnd: html }));
        i = html;
        continue;
      }
      i++;
      continue;
    }
    if (c === 42 /* * */ || c === 95 /* _ */) {
      let j = i + 1;
      while (j < end && text.charCodeAt(j) === c) j++;
      const before = classify(charBefore(text, i, start, softStarts));
      const after = classify(charAt(text, j, end));
      const open = after === 0 || (after === 2 && before !== 0);
      const close = before === 0 || (before === 2 && after !== 0);
      sequences.push({
        marker: c, start: i, end: j, live: true,
        open: c === 42 ? open : open && (before !== 0 || !close),
        close: c === 42 ? close : close && (after !== 0 || !open),
      });
      i = j;
      continue;
    }
    if (c === 33 /* ! */ && text.charCodeAt(i + 1) === 91) {
      labels.push({ at: i, image: true, firstSequence: sequences.length, inactive: false });
      i += 2;
      continue;
    }
    if (c === 91 /* [ */) {
      labels.push({ at: i, image: false, firstSequence: sequences.length, inactive: false });
      i++;
      continue;
    }
    if (c === 93 /* ] */ && labels.length) {
      const label = labels.pop()!;
      const resource = label.inactive ? null : parseResource(text, i + 1, end, softStarts.length > 0);
      if (resource === undefined) return null;
      if (!resource) {
        i++; // not a link (references need definitions, which simple sections do not have)
        continue;
      }
      const contentStart = label.at + (label.image ? 2 : 1);
      // A label over several lines: remark trims the whitespace around its line breaks out of the text nodes.
      if (/[\r\n]/.test(text.slice(contentStart, i))) return null;
      resolveAttention(sequences, label.firstSequence, out);
      for (let s = label.firstSequence; s < sequences.length; s++) sequences[s]!.live = false;
      if (label.image) images.push([label.at, resource.end]);
      else {
        for (const l of labels) if (!l.image) l.inactive = true;
        const link = makeInline({ kind: 'link', start: label.at, end: resource.end, contentStart, contentEnd: i, url: resource.url });
        locateUrl(text, link, i, resource.end);
        out.push(link);
      }
      i = resource.end;
      continue;
    }
    i++;
  }
  resolveAttention(sequences, 0, out);
  // Most blocks' inlines are found in order already: a sort would still copy them (a fifth of this reader's memory).
  if (!inOrder(out)) out.sort(byPosition);
  return images.length ? outsideImages(out, images) : out;
}

const byPosition = (a: Inline, b: Inline) => a.start - b.start || b.end - a.end;

function inOrder(inlines: readonly Inline[]): boolean {
  for (let i = 1; i < inlines.length; i++) if (byPosition(inlines[i - 1]!, inlines[i]!) > 0) return false;
  return true;
}

/** The inlines not inside any image (sorted input; one sweep, however many badges a paragraph holds). */
function outsideImages(sorted: Inline[], images: Array<[number, number]>): Inline[] {
  images.sort((a, b) => a[0] - b[0]);
  const kept: Inline[] = [];
  let k = 0;
  let coverEnd = -1; // end of the union of the images starting at or before the current inline
  for (const n of sorted) {
    while (k < images.length && images[k]![0] <= n.start) coverEnd = Math.max(coverEnd, images[k++]![1]);
    if (n.end > coverEnd) kept.push(n);
  }
  return kept;
}

/** Start of the next backtick run of exactly `n` after `from`, or -1. */
function closingRun(text: string, from: number, end: number, n: number): number {
  let i = text.indexOf('`', from);
  while (i >= 0 && i < end) {
    let m = 1;
    while (i + m < end && text.charCodeAt(i + m) === BACKTICK) m++;
    if (m === n) return i;
    i = text.indexOf('`', i + m);
  }
  return -1;
}

/**
 * `(destination "title")` right after a label's `]`: its end and the destination as remark reports it, null
 * when it is not a resource, undefined when it is one remark decodes in ways not modelled here.
 */
function parseResource(text: string, at: number, end: number, quoted: boolean): { end: number; url: string } | null | undefined {
  if (text[at] !== '(') return null;
  let i = skipWhitespace(text, at + 1, end);
  // Inside a quote, a line break here is followed by the next line's `>` marker, which remark skips.
  if (quoted && /[\r\n]/.test(text.slice(at, i))) return undefined;
  if (text[i] === ')') return { end: i + 1, url: '' };
  if (text[i] === '<') return undefined;
  const destStart = i;
  let depth = 0;
  while (i < end) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) return undefined; // control characters: rare, remark decides
    if (c <= 32) break;
    if (c === BACKSLASH || c === 38 /* & */) return undefined; // escapes and entities are decoded in the url
    if (c === 40) {
      if (++depth > MAX_PAREN_DEPTH) return null;
    } else if (c === 41) {
      if (depth === 0) break;
      depth--;
    }
    i++;
  }
  if (depth !== 0) return null;
  const url = text.slice(destStart, i);
  const between = skipWhitespace(text, i, end);
  if (quoted && /[\r\n]/.test(text.slice(i, between))) return undefined;
  if (text[between] === ')') return { end: between + 1, url };
  // A title (`"…"`, `'…'`, `(…)`) after whitespace: rare in handoffs, and its rules are remark's to apply.
  if (between > i && (text[between] === '"' || text[between] === "'" || text[between] === '(')) return undefined;
  return null;
}

function skipWhitespace(text: string, i: number, end: number): number {
  while (i < end && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  return i;
}

/**
 * micromark's resolveAllAttention over the live sequences from `first` on: each closer, left to right, pairs
 * with the nearest earlier opener of the same marker (the rule of three permitting); two markers on both
 * sides make strong, one makes emphasis; sequences between a pair become data. Strong pairs are emitted.
 */
function resolveAttention(sequences: Sequence[], first: number, out: Inline[]): void {
  let steps = 0;
  for (let ci = first; ci < sequences.length; ci++) {
    const closer = sequences[ci]!;
    if (!closer.live || !closer.close) continue;
    let oi = ci - 1;
    while (closer.end > closer.start && oi >= first) {
      if (++steps > MAX_ATTENTION_STEPS) throw new TooCostly();
      const opener = sequences[oi]!;
      const openLen = opener.end - opener.start;
      const closeLen = closer.end - closer.start;
      if (!opener.live || !opener.open || opener.marker !== closer.marker || openLen === 0) {
        oi--;
        continue;
      }
      if ((opener.close || closer.open) && closeLen % 3 && !((openLen + closeLen) % 3)) {
        oi--;
        continue;
      }
      const use = openLen > 1 && closeLen > 1 ? 2 : 1;
      if (use === 2) out.push(makeInline({ kind: 'strong', start: opener.end - 2, end: closer.start + 2, contentStart: opener.end, contentEnd: closer.start }));
      for (let k = oi + 1; k < ci; k++) sequences[k]!.live = false;
      opener.end -= use;
      closer.start += use;
      // What is left of the closer looks for another opener, starting again from the nearest.
      oi = ci - 1;
    }
  }
}
