/**
 * A heading as a reader scans it. Headings carry more than their name: Markdown markup (`**`, `~~`, backticks,
 * links), emoji, dated status lines (`✅ DONE (2026-03-02, commit 3e5b7c2)`), so a 2,000-line plan's outline is
 * a column of 150-character labels. This module reduces a heading to its markup-free text (`markupFree`, what
 * labels are made of), its date and a short name; its status is `phaseStatus`'s.
 *
 * Every pattern here has bounded repetition and every input is cut to `MAX_TEXT` first, so the work per heading
 * is linear whatever the document holds.
 */
import { CAPS_STATUS_WORD, isStatusPart, statusPhraseAt } from './phaseStatus';
import { collapseSpaces } from './spaces';
import { memoized } from '../memo';

/** A heading longer than this is pasted prose; its start is all a label needs. */
export const MAX_TEXT = 1_000;
/** Names longer than this are cut at a separator (or a word) near it. */
export const MAX_NAME = 80;

const IMAGE = /!\[([^\]\n]{0,200})\]\([^)\n]{0,500}\)/g;
const LINK = /\[([^\]\n]{0,200})\]\([^)\n]{0,500}\)/g;
const REF_LINK = /\[([^\]\n]{1,200})\]\[[^\]\n]{0,100}\]/g;
const AUTOLINK = /<((?:https?|mailto):[^<>\s]{1,500})>/g;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>\n]{0,200})?\/?>/g;
const ESCAPE = /\\([!-/:-@[-`{-~])/g;
/** A code span: its content keeps its underscores (`__init__.py`); the backticks go. */
const CODE_SPAN = /`{1,3}([^`\n]{0,300})`{1,3}/g;
/** Emphasis underscores at a word's edge; snake_case inside a word stays. */
const UNDERSCORE_OPEN = /(^|[^\p{L}\p{N}_])_{1,3}(?=[^\s_])/gu;
const UNDERSCORE_CLOSE = /([^\s_])_{1,3}(?=$|[^\p{L}\p{N}_])/gu;

/** The text without Markdown markup: links are their text, code spans their content; no `*`, `~` or backtick is left. */
export function markupFree(raw: string): string {
  // A heading is read for its label, then for its name, date and status: each asks for the same text in a row.
  if (raw === lastMarkupFree.raw) return lastMarkupFree.plain;
  const plain = withoutMarkupOf(raw);
  lastMarkupFree = { raw, plain };
  return plain;
}

let lastMarkupFree = { raw: '', plain: '' };
/** Headings repeat across a folder's handoffs (memo.ts). */
const withoutMarkupOf = memoized(withoutMarkup);

function withoutMarkup(raw: string): string {
  let t = raw.length > MAX_TEXT ? raw.slice(0, MAX_TEXT) : raw;
  // A setext heading spans lines, and a code span or emphasis may cross them (as in CommonMark): read it as one line.
  if (t.includes('\n') || t.includes('\r')) t = t.replace(/\s+/g, ' ');
  // Each pass runs only when its character is there: most headings carry little markup, and this runs per heading.
  if (t.includes('](') || t.includes('][')) t = t.replace(IMAGE, '$1').replace(LINK, '$1').replace(REF_LINK, '$1');
  if (t.includes('<')) t = t.replace(AUTOLINK, '$1').replace(HTML_TAG, ' ');
  if (t.includes('\\')) t = t.replace(ESCAPE, '$1');
  if (t.includes('_')) {
    if (t.includes('`')) {
      let out = '';
      let last = 0;
      for (const m of t.matchAll(CODE_SPAN)) {
        out += dropEmphasis(t.slice(last, m.index)) + m[1];
        last = m.index + m[0].length;
      }
      t = out + dropEmphasis(t.slice(last));
    } else t = dropEmphasis(t);
  }
  return collapseSpaces(t.replace(MARKS, '')).trim();
}

const MARKS = /[*~`]/g;

function dropEmphasis(t: string): string {
  return t.replace(UNDERSCORE_OPEN, '$1').replace(UNDERSCORE_CLOSE, '$1');
}

const ISO_DATE = /\b((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)/;

/** The first ISO date written in the text, or null. */
export function dateIn(text: string): string | null {
  const m = ISO_DATE.exec(text.slice(0, MAX_TEXT));
  return m ? m[0] : null;
}

const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\uFE0F\u200D\u20E3]/gu;
/** A parenthetical or bracket (its content), to keep or drop as a whole. */
const BRACKETED = /\s*[([]([^()[\]\n]{0,160})[)\]]/g;
/** What a remark opens with besides a status: a commit, a PR, a date, a count (`4/4 plans`), `was …`. */
const REMARK_START = /^\s*(?:commits?\b|sha\b|pr\s*#|#\d|\d{4}-\d{2}-\d{2}|[0-9a-f]{7,40}\b|\d+\s*\/\s*\d+\b|(?:was|as\s+of|since|on|updated|last\s+updated)\s+\d)/i;
const DATE_TIME = /\b(?:19|20)\d{2}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?(?:\s+[A-Z]{2,4}\b)?/g;
/** Separators between the parts of a heading, kept in the split (`Foundation — completed 2026-02-21`). */
const SEPARATOR_SPLIT = /(\s*(?:[—–|:;→]|\s-\s)\s*)/;
const EDGE_SEPARATORS = /^[\s—–|:;,→-]+|[\s—–|:;,→-]+$/g;

/**
 * The name a reader scans: markup, emoji, status words and markers, dates and commit remarks removed, separators
 * left dangling tidied, and cut near `MAX_NAME` characters at a separator or word.
 */
export function nameOf(raw: string): string {
  return nameOfPlain(markupFree(raw));
}

/** `nameOf` of a text already `markupFree`. */
export const nameOfPlain: (plain: string) => string = memoized((plain) => nameOfPlainOnce(plain));

function nameOfPlainOnce(plain: string): string {
  let t = plain.replace(EMOJI, ' ');
  t = t.replace(BRACKETED, (all, inner: string) => (REMARK_START.test(inner) || statusPhraseAt(inner.trimStart(), 0) ? ' ' : all));
  t = t.replace(DATE_TIME, ' ').replace(/\(\s*\)|\[\s*\]/g, ' ');
  t = withoutStatusParts(t).replace(CAPS_STATUS_WORD, ' ');
  t = collapseSpaces(t).replace(/(\s*[—–|:;→]\s*){2,}/g, ' — ').replace(EDGE_SEPARATORS, '').trim();
  return shorten(t);
}

/** The text without its parts that only state a status (`Foundation — completed` → `Foundation`), separators included. */
function withoutStatusParts(t: string): string {
  const parts = t.split(SEPARATOR_SPLIT);
  let out = '';
  for (let i = 0; i < parts.length; i += 2) {
    if (isStatusPart(parts[i])) continue;
    out += (out && i > 0 ? parts[i - 1] : '') + parts[i];
  }
  return out;
}

function shorten(t: string): string {
  if (t.length <= MAX_NAME) return t;
  const head = t.slice(0, MAX_NAME + 1);
  // The last separator that keeps a useful name: " — ", ": ", " (", "; ", ", ", " - ".
  let cut = -1;
  for (const m of head.matchAll(/\s[—–-]\s|[:;,]\s|\s\(|\s→\s/g)) if (m.index >= 24 && m.index <= MAX_NAME) cut = m.index;
  if (cut > 0) return t.slice(0, cut).replace(EDGE_SEPARATORS, '');
  const space = head.lastIndexOf(' ', MAX_NAME - 1);
  return `${t.slice(0, space > 24 ? space : MAX_NAME - 1).replace(EDGE_SEPARATORS, '')}…`;
}

/** Whether the whole text is struck through (`~~Phase 3: old plan~~`). */
export function isStruck(raw: string): boolean {
  const t = raw.trim();
  return t.length > 4 && t.startsWith('~~') && t.endsWith('~~') && !t.slice(2, -2).includes('~~');
}
