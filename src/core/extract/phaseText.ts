/**
 * A heading as a reader scans it. Headings carry more than their name: Markdown markup (`**`, `~~`, backticks,
 * links), emoji, dated status lines (`✅ DONE (2026-03-02, commit 3e5b7c2)`), so a 2,000-line plan's outline is
 * a column of 150-character labels. This module reduces a heading to its markup-free text (`markupFree`, what
 * labels are made of), its date, its status and a short name.
 *
 * Every pattern here has bounded repetition and every input is cut to `MAX_TEXT` first, so the work per heading
 * is linear whatever the document holds.
 */
import type { PhaseStatus } from '../model';

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
  let t = raw.slice(0, MAX_TEXT).replace(IMAGE, '$1').replace(LINK, '$1').replace(REF_LINK, '$1').replace(AUTOLINK, '$1');
  t = t.replace(HTML_TAG, ' ').replace(ESCAPE, '$1');
  let out = '';
  let last = 0;
  for (const m of t.matchAll(CODE_SPAN)) {
    out += dropEmphasis(t.slice(last, m.index)) + m[1];
    last = m.index + m[0].length;
  }
  out += dropEmphasis(t.slice(last));
  return out.replace(/[*~`]/g, '').replace(/\s+/g, ' ').trim();
}

function dropEmphasis(t: string): string {
  return t.replace(UNDERSCORE_OPEN, '$1').replace(UNDERSCORE_CLOSE, '$1');
}

const ISO_DATE = /\b((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)/;

/** The first ISO date written in the text, or null. */
export function dateIn(text: string): string | null {
  const m = ISO_DATE.exec(text.slice(0, MAX_TEXT));
  return m ? m[0] : null;
}

/** Status markers: emoji that say where a unit stands wherever they sit in its heading. */
const MARKERS: ReadonlyArray<readonly [RegExp, PhaseStatus]> = [
  [/✅|✔|☑|🟢|🎉/u, 'done'],
  [/🚧|🔄|🔨|🏗|🟡|▶/u, 'in-progress'],
  [/⛔|🚫|🛑|⏸/u, 'blocked'],
  [/❌|💥/u, 'failed'],
  [/⏭|🔜|👉|📍/u, 'next'],
  [/📋|⬜|🔲|☐|⏳/u, 'planned'],
];

/** Status words, English first, then the words of the handoffs' other languages. */
const WORDS: ReadonlyArray<readonly [string, PhaseStatus]> = [
  [String.raw`done|complete|completed|shipped|finished|merged|closed|landed|delivered|resolved|fixed|approved|abgeschlossen|erledigt|fertig|termin[ée]e?|hecho|completad[oa]|conclu[íi]d[oa]|feito|completat[oa]|klaar|voltooid`, 'done'],
  [String.raw`in[\s-]progress|wip|ongoing|active|current|executing|started|under\s?way|partial(?:ly\s+(?:done|complete))?|in\s+arbeit|en\s+cours|en\s+curso|em\s+andamento|in\s+corso|bezig`, 'in-progress'],
  [String.raw`blocked|on\s+hold|stuck|waiting|blockiert|bloqu[ée]e?|bloquead[oa]|bloccat[oa]|geblokkeerd`, 'blocked'],
  [String.raw`failed|failing|broken|reverted|rolled\s+back`, 'failed'],
  [String.raw`superseded|obsolete|cancell?ed|dropped|abandoned|replaced|deprecated|won'?t\s+do|skipped`, 'superseded'],
  [String.raw`deferred|postponed|parked`, 'deferred'],
  [String.raw`up\s+next|next|resume\s+here|start\s+here`, 'next'],
  [String.raw`planned|pending|not\s+started|to-?do|queued|upcoming|ready(?:\s+(?:to|for)\s+\w+)?|proposed|offen|geplant`, 'planned'],
];
const WORD = WORDS.map(([w]) => `(?:${w})`).join('|');
/** After a status word: the end, a separator, a date, a parenthesis or punctuation — not more title words (`Next.js`). */
const WORD_END = String.raw`(?=\s*(?:$|[—–(\[:,;!|)\]]|\.(?:\s|$)|\s-\s|\d{4}-\d{2}|(?:on|at|in|since|as\s+of)\s)|\s*\p{Extended_Pictographic})`;
/** A status word opening a parenthetical or bracket: `(shipped 2026-02-24)`, `[DONE]`, `(in progress, 3/5)`. */
const PAREN_STATUS = new RegExp(String.raw`[([]\s*(${WORD})\b`, 'giu');
/** A status word after a separator or `Status:`, and nothing of the title after it: `— completed 2026-02-21`. */
const SEPARATED_STATUS = new RegExp(String.raw`(?:^|[—–:|]|\s-)\s*(?:status\s*:\s*)?(${WORD})\b${WORD_END}`, 'giu');
/** An upper-case status word anywhere but the first word (`Phase 4 COMPLETE`, not the heading `NEXT STEPS`). */
const CAPS_STATUS = /(?<=\S\s+)(DONE|COMPLETED?|SHIPPED|MERGED|FINISHED|IN[ -]PROGRESS|WIP|BLOCKED|FAILED|SUPERSEDED|OBSOLETE|CANCELL?ED|DEFERRED|UP NEXT|NEXT|RESUME HERE|START HERE|PLANNED|PENDING|TODO|NOT STARTED)\b/g;
const STATUS_OF_WORD = WORDS.map(([w, s]) => [new RegExp(`^(?:${w})$`, 'iu'), s] as const);

/**
 * The status a heading gives its unit: the earliest marker or status word in a status position (a parenthetical,
 * after a separator, `Status: …`, an upper-case word). `struck` (the whole heading struck through) is superseded.
 */
export function statusIn(plain: string, struck = false): PhaseStatus | null {
  if (struck) return 'superseded';
  const t = plain.slice(0, MAX_TEXT);
  let best: { at: number; status: PhaseStatus } | null = null;
  const consider = (at: number, status: PhaseStatus | null) => {
    if (status && (!best || at < best.at)) best = { at, status };
  };
  for (const [re, status] of MARKERS) {
    const m = re.exec(t);
    if (m) consider(m.index, status);
  }
  for (const re of [PAREN_STATUS, SEPARATED_STATUS]) {
    for (const m of t.matchAll(re)) consider(m.index + m[0].length - m[1].length, statusOfWord(m[1]));
  }
  let next = false;
  for (const m of t.matchAll(CAPS_STATUS)) {
    const status = statusOfWord(m[1]);
    consider(m.index, status);
    next ||= status === 'next';
  }
  for (const re of [PAREN_STATUS, SEPARATED_STATUS]) for (const m of t.matchAll(re)) next ||= statusOfWord(m[1]) === 'next';
  const found = (best as { status: PhaseStatus } | null)?.status ?? null;
  // `⬜ RESUME HERE`: a to-do box on the unit to resume is the next one, not merely planned.
  return found === 'planned' && next ? 'next' : found;
}

const ANY_WORD = new RegExp(String.raw`(?<![\p{L}\p{N}])(${WORD})(?![\p{L}\p{N}])`, 'iu');

/** The first status word anywhere in a value that is all status (GSD's `Status: Ready to execute`). */
export function statusWordIn(value: string): PhaseStatus | null {
  const m = ANY_WORD.exec(value.slice(0, MAX_TEXT));
  return m ? statusOfWord(m[1]) : null;
}

export function statusOfWord(word: string): PhaseStatus | null {
  const w = word.replace(/\s+/g, ' ').trim();
  for (const [re, status] of STATUS_OF_WORD) if (re.test(w)) return status;
  return null;
}

const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\uFE0F\u200D\u20E3]/gu;
/** A parenthetical or bracket that only dates, states or cites: `(2026-03-02)`, `[DONE]`, `(commit 3e5b7c2)`, `(4/4 plans)`. */
const REMARK = new RegExp(
  String.raw`\s*[([]\s*(?:(?:${WORD})\b|commits?\b|sha\b|pr\s*#|#\d|\d{4}-\d{2}-\d{2}|[0-9a-f]{7,40}\b|\d+\s*\/\s*\d+\b|(?:was|as\s+of|since|on|updated|last\s+updated)\s+\d)[^()[\]]{0,160}[)\]]`,
  'giu',
);
const DATE_TIME = /\b(?:19|20)\d{2}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?(?:\s+[A-Z]{2,4}\b)?/g;
const SEP = String.raw`(?:[—–|:;→]|\s-\s|\s-$|^-\s)`;
/** A status segment: separator, status word(s), then anything up to the next separator. */
const STATUS_SEGMENT = new RegExp(String.raw`(?:^|\s*${SEP})\s*(?:status\s*:\s*)?(?:${WORD})\b${WORD_END}[^—–|→]{0,60}?(?=\s*${SEP}|$)`, 'giu');
const CAPS_WORD = new RegExp(CAPS_STATUS.source, 'g');
const EDGE_SEPARATORS = /^[\s—–|:;,→-]+|[\s—–|:;,→-]+$/g;

/**
 * The name a reader scans: markup, emoji, status words and markers, dates and commit remarks removed, separators
 * left dangling tidied, and cut near `MAX_NAME` characters at a separator or word.
 */
export function nameOf(raw: string): string {
  let t = markupFree(raw).replace(EMOJI, ' ');
  t = t.replace(REMARK, ' ').replace(DATE_TIME, ' ').replace(/\(\s*\)|\[\s*\]/g, ' ');
  t = t.replace(STATUS_SEGMENT, ' ').replace(CAPS_WORD, ' ');
  t = t.replace(/\s+/g, ' ').replace(/(\s*[—–|:;→]\s*){2,}/g, ' — ').replace(EDGE_SEPARATORS, '').trim();
  return shorten(t);
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
