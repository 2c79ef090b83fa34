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
  // Chinese, Japanese and Korean write a status as one run of characters (`✅ 已完成`, `⏭️ 后续优化`, `[보류]`): only the
  // whole run is a status (`完成标准`, completion criteria, is a title).
  [String.raw`已完成|完成|已结束|已結束|已修复|已修復|已解决|已解決|已合并|已合併|完了|완료|완료됨`, 'done'],
  [String.raw`进行中|進行中|开发中|開發中|处理中|處理中|진행\s?중`, 'in-progress'],
  [String.raw`阻塞|已阻塞|受阻|阻塞中|차단됨`, 'blocked'],
  [String.raw`已取消|取消|已放弃|已放棄|放弃|放棄|已废弃|已廢棄|废弃|廢棄|已跳过|已跳過|跳过|跳過|不做|中止|スキップ|건너뜀|취소됨|취소`, 'superseded'],
  [String.raw`推迟|推遲|已推迟|已推遲|延后|延後|延期|暂缓|暫緩|搁置|擱置|后续优化|後續優化|以后再做|以後再做|暂不处理|暫不處理|보류`, 'deferred'],
  [String.raw`待办|待辦|未开始|未開始|待开始|待開始|计划中|計劃中|规划中|規劃中|待处理|待處理|未着手|예정`, 'planned'],
] as const).map(([words, status]) => [new RegExp(`^(?:${words})$`, 'i'), status] as const);

/** How every status phrase starts (sticky): a quick refusal for the title words that start none. */
const FIRST_WORD = /(?:don|compl|ship|finish|merg|clos|land|deliver|resolv|fix|approv|abgeschl|erledigt|fertig|termin|hecho|conclu|feito|klaar|voltooid|in|wip|ongoing|activ|current|execut|start|under|partial|en |em |bezig|block|on |stuck|wait|bloq|blocc|geblok|fail|broken|revert|roll|supersed|obsolet|cancel|drop|abandon|replac|deprecat|won|skip|defer|postpon|park|up |next|resum|plan|pend|not |to|queu|upcom|ready|propos|offen|geplant|[已完进進开開处處阻受取放废廢跳不中推延暂暫搁擱后後以待未计計规規]|スキ|완료|진행|차단|건너|취소|보류|예정)/iy;
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

/**
 * What a marker says. The pause, next and to-do markers say it in words as often as alone, and the words decide:
 * `⏭️ Skipped`, `⏭️ Deferred` and `⏭️ 后续优化` (later) are not next, `⏸️ Postponed` is deferred, `📋 Not started`
 * planned. The done, in-progress and failed markers stand whatever follows (`✅ Ready for review` is done).
 */
function markerStatus(t: string, m: RegExpExecArray | RegExpMatchArray): PhaseStatus {
  const group = m.slice(1).findIndex(Boolean);
  const own = MARKER_STATUSES[group]!;
  if (own !== 'blocked' && own !== 'next' && own !== 'planned') return own;
  let at = m.index! + m[0].length;
  while (t[at] === '\uFE0F' || t[at] === ' ' || t[at] === '\t') at++;
  return statusPartAt(t, at)?.status ?? own;
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
  if (MAY_HAVE_MARKER.test(t)) for (const m of t.matchAll(MARKERS)) consider(m.index, markerStatus(t, m));
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
