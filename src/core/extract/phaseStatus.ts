/**
 * Where a unit stands, as its heading (or list item, or row) says: a marker (✅ 🚧 ⛔ ❌ 📋…) anywhere, or a
 * status word where a status is written — opening a parenthetical (`(shipped 2026-02-24)`, `[DONE]`), after a
 * separator or `Status:` with nothing of the title after it (`— completed 2026-02-21`), or in capitals after the
 * first word (`Phase 4 COMPLETE`). A word elsewhere is title (`Phase 2: Closed beta`, `Next.js migration`).
 *
 * Words are looked up, not searched for: each candidate position (a bracket, a separator) reads up to four words
 * and asks the phrase table. One big alternation of every status word tried at every position is what a regular
 * expression engine would do, and it was the slowest part of reading a heading.
 */
import type { PhaseStatus } from '../model';
import { collapseSpaces } from './spaces';
import { memoized } from '../memo';

/** Markers, in one pass: the group that matched says the status. */
export const MARKERS = /(✅|✔|☑|🟢|🎉)|(🚧|🔄|🔨|🏗|🟡|▶)|(⛔|🚫|🛑|⏸)|(❌|💥)|(⏭|🔜|👉|📍)|(📋|⬜|🔲|☐|⏳)/gu;
const MARKER_STATUSES: readonly PhaseStatus[] = ['done', 'in-progress', 'blocked', 'failed', 'next', 'planned'];

/** Status phrases, English first, then the words of the handoffs' other languages. */
const PHRASES: ReadonlyArray<readonly [RegExp, PhaseStatus]> = ([
  [String.raw`done|complete|completed|shipped|finished|merged|closed|landed|delivered|resolved|fixed|approved|abgeschlossen|erledigt|fertig|termin[ée]e?|hecho|completad[oa]|conclu[íi]d[oa]|feito|completat[oa]|klaar|voltooid`, 'done'],
  [String.raw`in[\s-]progress|wip|ongoing|active|current|executing|started|under\s?way|partial(?:ly\s+(?:done|complete))?|in\s+arbeit|en\s+cours|en\s+curso|em\s+andamento|in\s+corso|bezig`, 'in-progress'],
  [String.raw`blocked|on\s+hold|stuck|waiting|blockiert|bloqu[ée]e?|bloquead[oa]|bloccat[oa]|geblokkeerd`, 'blocked'],
  [String.raw`failed|failing|broken|reverted|rolled\s+back`, 'failed'],
  [String.raw`superseded|obsolete|cancell?ed|dropped|abandoned|replaced|deprecated|won['’]?t\s+do|skipped`, 'superseded'],
  [String.raw`deferred|postponed|parked`, 'deferred'],
  [String.raw`up\s+next|next|resume\s+here|start\s+here`, 'next'],
  [String.raw`planned|pending|not\s+started|to-?do|queued|upcoming|ready(?:\s+(?:to|for)\s+\S+)?|proposed|offen|geplant`, 'planned'],
] as const).map(([words, status]) => [new RegExp(`^(?:${words})$`, 'i'), status] as const);

/** How every status phrase starts (sticky): a quick refusal for the title words that start none. */
const FIRST_WORD = /(?:don|compl|ship|finish|merg|clos|land|deliver|resolv|fix|approv|abgeschl|erledigt|fertig|termin|hecho|conclu|feito|klaar|voltooid|in|wip|ongoing|activ|current|execut|start|under|partial|en |em |bezig|block|on |stuck|wait|bloq|blocc|geblok|fail|broken|revert|roll|supersed|obsolet|cancel|drop|abandon|replac|deprecat|won|skip|defer|postpon|park|up |next|resum|plan|pend|not |to|queu|upcom|ready|propos|offen|geplant)/iy;
/** Up to four words at a position (sticky): the candidates for a status phrase. */
const CANDIDATE = /[\p{L}'’-]+(?:[ \t]+[\p{L}'’-]+){0,3}/uy;
/** After a status phrase: the end, a separator, a date, a parenthesis, punctuation or a marker — not more title. */
const PHRASE_END = /\s*(?:$|[—–(\[:,;!|)\]]|\.(?:\s|$)|-\s|\d{4}-\d{2}|(?:on|at|in|since|as\s+of)\s|\p{Extended_Pictographic})/uy;
const STATUS_LABEL = /status\s*:\s*/iy;
/** An upper-case status word after the first word (`Phase 4 COMPLETE`, not the heading `NEXT STEPS`). */
export const CAPS_STATUS = /(?<=\S)\s+(DONE|COMPLETED?|SHIPPED|MERGED|FINISHED|IN[ -]PROGRESS|WIP|BLOCKED|FAILED|SUPERSEDED|OBSOLETE|CANCELL?ED|DEFERRED|UP NEXT|NEXT|RESUME HERE|START HERE|PLANNED|PENDING|TODO|NOT STARTED)\b/g;
/**
 * Cheap refusals, most headings being plain ASCII in title case: a marker is never ASCII, and every upper-case
 * status word has two capitals in a row.
 */
export const MAY_HAVE_MARKER = /[^\x00-\x7F]/;
export const MAY_HAVE_CAPS = /[A-Z]{2}/;
/** The same, to remove from a name (with the blank before it). */
export const CAPS_STATUS_WORD = new RegExp(CAPS_STATUS.source, 'g');
const MAX_TEXT = 1_000;
const MAX_STATUS_PART = 60;

export function statusOfWord(word: string): PhaseStatus | null {
  const w = collapseSpaces(word).trim();
  for (const [re, status] of PHRASES) if (re.test(w)) return status;
  return null;
}

/** The longest status phrase (of up to four words) starting at `at`, and where it ends; null when none does. */
export function statusPhraseAt(t: string, at: number): { status: PhaseStatus; end: number } | null {
  FIRST_WORD.lastIndex = at;
  if (!FIRST_WORD.test(t)) return null;
  CANDIDATE.lastIndex = at;
  const m = CANDIDATE.exec(t);
  if (!m) return null;
  const ends: number[] = [];
  for (const w of m[0].matchAll(/\S+/g)) ends.push(w.index + w[0].length);
  for (let k = ends.length - 1; k >= 0; k--) {
    const status = statusOfWord(m[0].slice(0, ends[k]));
    if (status) return { status, end: at + ends[k] };
  }
  return null;
}

/** A status phrase at `at` (after an optional `Status:`) with nothing of a title after it. */
function statusPartAt(t: string, at: number): { status: PhaseStatus; end: number } | null {
  while (at < t.length && (t[at] === ' ' || t[at] === '\t')) at++;
  STATUS_LABEL.lastIndex = at;
  if (STATUS_LABEL.test(t)) at = STATUS_LABEL.lastIndex;
  const phrase = statusPhraseAt(t, at);
  if (!phrase) return null;
  PHRASE_END.lastIndex = phrase.end;
  return PHRASE_END.test(t) ? phrase : null;
}

/** Whether a part of a heading between separators only states a status (`completed 2026-02-21`, `Status: Done`). */
export function isStatusPart(part: string): boolean {
  const phrase = statusPartAt(part, 0);
  return phrase !== null && part.length - phrase.end <= MAX_STATUS_PART;
}

/**
 * The status a heading gives its unit: the earliest marker or status word in a status position. `struck` (the
 * whole heading struck through) is superseded. A to-do marker on the unit to resume (`⬜ RESUME HERE`) is next.
 */
export function statusIn(plain: string, struck = false): PhaseStatus | null {
  return struck ? 'superseded' : statusOfPlain(plain);
}

/** Headings repeat across a folder's handoffs (memo.ts). */
const statusOfPlain = memoized((plain: string): PhaseStatus | null => {
  const t = plain.length > MAX_TEXT ? plain.slice(0, MAX_TEXT) : plain;
  let best: { at: number; status: PhaseStatus } | null = null;
  let next = false;
  const consider = (at: number, status: PhaseStatus | null) => {
    if (!status) return;
    next ||= status === 'next';
    if (!best || at < best.at) best = { at, status };
  };
  if (MAY_HAVE_MARKER.test(t)) for (const m of t.matchAll(MARKERS)) consider(m.index, MARKER_STATUSES[m.slice(1).findIndex(Boolean)]);
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === '(' || c === '[') {
      let j = i + 1;
      while (t[j] === ' ') j++;
      const phrase = statusPhraseAt(t, j);
      if (phrase) consider(j, phrase.status);
    } else if (i === 0 || c === '—' || c === '–' || c === ':' || c === '|' || (c === '-' && /\s/.test(t[i - 1] ?? ''))) {
      const at = i === 0 && !'—–:|-'.includes(c) ? 0 : i + 1;
      const phrase = statusPartAt(t, at);
      if (phrase) consider(at, phrase.status);
    }
  }
  if (MAY_HAVE_CAPS.test(t)) for (const m of t.matchAll(CAPS_STATUS)) consider(m.index + m[0].length - m[1].length, statusOfWord(m[1]));
  const found = (best as { status: PhaseStatus } | null)?.status ?? null;
  return found === 'planned' && next ? 'next' : found;
});

/** The first status phrase anywhere in a value that is all status (GSD's `Status: Ready to execute`). */
export function statusWordIn(value: string): PhaseStatus | null {
  const t = value.length > MAX_TEXT ? value.slice(0, MAX_TEXT) : value;
  for (const m of t.matchAll(/(?<![\p{L}\p{N}])\p{L}/gu)) {
    const phrase = statusPhraseAt(t, m.index);
    if (phrase) return phrase.status;
  }
  return null;
}
