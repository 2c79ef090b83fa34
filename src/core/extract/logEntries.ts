/**
 * Dated entries of an append-only log: sibling headings (same parent, same level) that each record one
 * session, day or update — `## 2026-03-02`, `### Jan 5, 2026 — topic`, `## Session 12 (2025-12-31)`,
 * `## Current Session Summary (2025-12-31 - Session 12)`, `## Day 3 — 2026-01-07`, `**2026-03-02**`,
 * `## ► LATEST (2026-07-29 16:29) · …`.
 * The newest entry is the current state; the others are history.
 *
 * Which entry is newest is decided by what the titles say, never by position (logs are written newest-first
 * and oldest-first): an explicit "Current …"/"Latest …" title (unless it is dated before another entry: a label left
 * behind, `markedCurrentOutdated`); else the latest date (a session number breaks
 * a tie); else, when no entry is dated, the highest session/pass/iteration number. When the titles cannot
 * be ordered (some dated, some only numbered), nothing is decided: reporting a stale claim is better than
 * hiding a current one. Entries titled "Previous …"/"Earlier …"/"Older …" are history whatever else holds.
 */
import type { OutlineNode } from './historyOutline';
import { dateIn, startsWithDate } from './entryDates';
import { parentheticals, plainTitle } from './titleText';
import { memoized } from '../memo';

export type EntryMarker = 'current' | 'previous' | null;

export interface EntryTitle {
  /** yyyymmdd, or null when the title has no (orderable) date. */
  date: number | null;
  /** The session/pass/iteration number (the highest of a range such as `Sessions 1-4`), or null. */
  number: number | null;
  marker: EntryMarker;
}

/** Units whose number alone orders a log. Days and weeks are also how plans are scheduled, so they need a date. */
const NUMBERED_UNITS = 'session|pass|iteration';
const LOG_UNITS = `${NUMBERED_UNITS}|day|week|entry|update|log\\s+entry|run|cycle|handoff|hand-off|checkpoint|report`;
const MARKERS = 'current|latest|newest|this|previous|earlier|older|prior|past';
/**
 * `Previous Session Summary`, `Current session`, `Session 12 (…)`, `Update 2026-05-30`, `Day 3 — …`,
 * `Handoff 2026-03-05`, `Status update 2026-03-02`.
 */
const LOG_LEAD = new RegExp(String.raw`^(?:(${MARKERS})\s+)?(?:(?:work|agent|dev|coding|status|progress|daily|weekly|session)\s+)?(${LOG_UNITS})(?:s|'s)?\b`, 'i');
/** `Wrap-up — Session 12`, `… (2025-12-31 - Session 12)`: the unit at the end. */
const TRAILING_UNIT = new RegExp(String.raw`(?:[—–(:;]|\s-)\s*(?:${NUMBERED_UNITS})\s+#?\d+\)?\s*$`, 'i');
const UNIT_NUMBER = new RegExp(String.raw`\b(?:${NUMBERED_UNITS})s?\s+#?(\d{1,6})(?:\s*[-–]\s*(\d{1,6}))?\b`, 'gi');
/**
 * What may follow the unit of an entry title that has neither date nor number (`Previous Session`,
 * `Latest Session Summary (Implementation Tracker)`): a qualifier, a remark, nothing. Not a sentence:
 * "Previous handoff this one continues from" points at a file, it is no entry.
 */
const MARKER_ONLY_REST = /^(?:\s+(?:summary|summaries|notes|log|details|records?|status|recap|review|wrap-?up|report|highlights|overview))?(?:$|\s*[(:—–[]|\s+-\s)/i;
const CURRENT_WORDS = /^(?:current|latest|newest|this)$/i;
const NUMBERED_UNIT = new RegExp(`^(?:${NUMBERED_UNITS})$`, 'i');
const PREVIOUS_REMARK = /^(?:(?:even|much)\s+)?(?:previous|earlier|older|prior)\b/;
const CURRENT_REMARK = /^(?:this|current|latest)(?:\s+latest)?(?:\s+(?:session|entry|update|pr|pull\s+request|branch|sprint|week|run))?$/;

/** `► LATEST (2026-07-29 16:29 +0530) · …`, `Latest — 2026-07-29`: a marker word, then the entry's date. */
const MARKER_THEN_DATE = new RegExp(String.raw`^[^\p{L}\p{N}]*(${MARKERS})\s*(?:[(\[:—–·]|\s-)?\s*(?=\d)`, 'iu');

/** The entry a heading or bold line opens, or null when it is not a log entry's title. */
export const readEntryTitle: (raw: string) => Readonly<EntryTitle> | null = memoized((raw) => frozen(readEntryTitleOnce(raw)));

function readEntryTitleOnce(raw: string): EntryTitle | null {
  const title = plainTitle(raw);
  const marked = MARKER_THEN_DATE.exec(title);
  if (marked) {
    const date = dateIn(title);
    if (date !== null) return { date, number: unitNumber(title), marker: CURRENT_WORDS.test(marked[1]!) ? 'current' : 'previous' };
  }
  const lead = LOG_LEAD.exec(title);
  const dated = startsWithDate(title);
  if (!lead && !dated && !TRAILING_UNIT.test(title)) return null;
  const date = dateIn(title);
  const number = unitNumber(title);
  const marker = lead?.[1] ? (CURRENT_WORDS.test(lead[1]) ? 'current' : 'previous') : remarkMarker(raw);
  const numberedUnit = !lead || NUMBERED_UNIT.test(lead[2]);
  if (date === null && marker === null && (number === null || !numberedUnit)) return null;
  if (date === null && number === null && !(lead && MARKER_ONLY_REST.test(title.slice(lead[0].length)))) return null;
  return { date, number, marker };
}

/** `(Same Day, Earlier)`, `(Previous Session)`, `(This Session)`: a marker given as a remark. */
export function remarkMarker(raw: string): EntryMarker {
  return markerOfRemarks(parentheticals(raw));
}

/** The marker among a title's remarks (`parentheticals`), for a caller that reads them for more besides. */
export function markerOfRemarks(remarks: readonly string[]): EntryMarker {
  for (const remark of remarks) {
    for (const part of remark.split(/\s*[,;]\s*/)) {
      if (PREVIOUS_REMARK.test(part)) return 'previous';
      if (CURRENT_REMARK.test(part)) return 'current';
    }
  }
  return null;
}

function unitNumber(title: string): number | null {
  let best: number | null = null;
  UNIT_NUMBER.lastIndex = 0;
  for (let m = UNIT_NUMBER.exec(title); m; m = UNIT_NUMBER.exec(title)) {
    const n = Math.max(+m[1], m[2] ? +m[2] : 0);
    if (best === null || n > best) best = n;
  }
  return best;
}

/**
 * A dated title the units above do not name (`🧭 Remote Resume — 2026-04-26 (Sprint 10.14 — …)`): an entry only
 * when a sibling has the same words before its date (see `repeatedLeadEntries`). The lead is the words before the
 * date, and the number a sprint's, session's, pass's or iteration's (`Sprint 10.14` after `Sprint 10.13`: its
 * parts are compared as a version's, so 10.13 follows 10.2).
 */
export interface LeadTitle { lead: string; date: number; number: number | null }

const PLANNED = /\b(?:due|deadline|target|by|until|before|eta|upcoming|next|planned)\b/;
const SPRINT_NUMBER = new RegExp(String.raw`\b(?:sprint|${NUMBERED_UNITS})s?\s+#?(\d{1,4})(?:\.(\d{1,3}))?\b`, 'i');

/** The lead and date of a dated title, or null when it has no date or nothing before it. */
export const readLeadTitle: (raw: string) => Readonly<LeadTitle> | null = memoized((raw) => frozen(readLeadTitleOnce(raw)));

/** A remembered answer is shared by every caller: none may change it. */
function frozen<T extends object>(value: T | null): Readonly<T> | null {
  return value && Object.freeze(value);
}

function readLeadTitleOnce(raw: string): LeadTitle | null {
  const title = plainTitle(raw);
  const date = dateIn(title);
  if (date === null) return null;
  const at = title.search(/\d{4}-\d{2}-\d{2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/i);
  const lead = (at > 0 ? title.slice(0, at) : '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();
  // What is due when is a plan, not a log (`Sprint planning — 2026-05-01`, `Launch target — …`).
  if (lead.length < 3 || SCHEDULE.test(lead) || PLANNED.test(lead)) return null;
  const n = SPRINT_NUMBER.exec(title);
  return { lead, date, number: n ? +n[1]! * 1_000 + (n[2] ? +n[2] : 0) : null };
}

/**
 * Siblings (same parent, same depth) that are no entries by their titles' words but share a lead with another
 * dated sibling: a log whose entries have a name of their own. Returns the entries they are, by node index.
 */
export function repeatedLeadEntries(nodes: readonly OutlineNode[], entries: ReadonlyArray<EntryTitle | null>, leads: ReadonlyArray<LeadTitle | null>): Map<number, EntryTitle> {
  const out = new Map<number, EntryTitle>();
  for (const group of siblingGroups(nodes, (n, i) => (entries[i] || !leads[i] ? null : `${n.parent}:${n.depth}:${leads[i]!.lead}`))) {
    if (group.length < 2) continue;
    for (const i of group) out.set(i, { date: leads[i]!.date, number: leads[i]!.number, marker: remarkMarker(nodes[i].title) });
  }
  return out;
}

/**
 * Dated headings under a roadmap, schedule or plan are what is due when, not what happened: the earliest is
 * the next thing to do, not history.
 */
const SCHEDULE = /\b(?:roadmap|schedule|timeline|milestones?|plan|planning|calendar|agenda|sprints|release\s+train)\b/i;

/**
 * The outline nodes that are older entries of a log. `entries[i]` is the entry title read from `nodes[i]`
 * (null when it is no entry). Linear: siblings are grouped by their parent and depth in one pass.
 */
export function olderEntries(nodes: readonly OutlineNode[], entries: ReadonlyArray<EntryTitle | null>): number[] {
  const older: number[] = [];
  for (const group of siblingGroups(nodes, (n, i) => (entries[i] ? logKey(nodes, n) : null))) for (const i of olderInGroup(group, entries)) older.push(i);
  return older.sort((a, b) => a - b);
}

/**
 * The first entry of a log written oldest first (dates that never go back, and move on), by node index; null when
 * there is none. For a document cut short (too large to read whole): the entries it holds beyond the cut are the
 * newest, so every entry read is an older one.
 */
export function oldestFirstLog(nodes: readonly OutlineNode[], entries: ReadonlyArray<EntryTitle | null>): number | null {
  for (const group of siblingGroups(nodes, (n, i) => (entries[i]?.date == null ? null : logKey(nodes, n)))) {
    const dates = group.map((i) => entries[i]!.date!);
    if (group.length >= 3 && dates[dates.length - 1]! > dates[0]! && dates.every((d, k) => k === 0 || d >= dates[k - 1]!)) return group[0]!;
  }
  return null;
}

/**
 * The nodes grouped by `keyOf` (null: in no group), each group in document order: one pass, linear. Siblings share a
 * key built from their parent and depth.
 */
function siblingGroups(nodes: readonly OutlineNode[], keyOf: (n: OutlineNode, i: number) => string | null): Iterable<number[]> {
  const groups = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    const key = keyOf(n, i);
    if (key === null) return;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  return groups.values();
}

/** A log entry's siblings' key, or null under a roadmap, schedule or plan (what is due when, not what happened). */
function logKey(nodes: readonly OutlineNode[], n: OutlineNode): string | null {
  return n.parent >= 0 && SCHEDULE.test(plainTitle(nodes[n.parent].title)) ? null : `${n.parent}:${n.depth}`;
}

function olderInGroup(group: readonly number[], entries: ReadonlyArray<EntryTitle | null>): number[] {
  const entry = (i: number) => entries[i]!;
  const older = group.filter((i) => entry(i).marker === 'previous');
  const rest = group.filter((i) => entry(i).marker !== 'previous');
  if (rest.length < 2) return older;
  if (rest.some((i) => entry(i).marker === 'current') && !markedCurrentOutdated(rest.map(entry))) {
    return [...older, ...rest.filter((i) => entry(i).marker !== 'current')];
  }
  const key = orderKey(rest.map(entry));
  if (!key) return older;
  let newest = -Infinity;
  for (const i of rest) newest = Math.max(newest, key(entry(i)));
  // Entries tied for newest (two entries of one day) are all current: neither can be shown to be older.
  return [...older, ...rest.filter((i) => key(entry(i)) < newest)];
}

/**
 * Whether every entry titled "Current …" is dated before another entry of its log: a log written newest first whose
 * old `## Current Session: … (Feb 11, 2026 - Session 35)` heading stayed as entries of Feb 12 and 13 were added above
 * it. The title is then a label left behind, and the dates say which entry is newest. An undated "Current"/"Latest"
 * title still decides on its own (nothing shows it older).
 */
function markedCurrentOutdated(entries: readonly EntryTitle[]): boolean {
  let current = -Infinity;
  let other = -Infinity;
  for (const e of entries) {
    if (e.marker === 'current') {
      if (e.date === null) return false;
      current = Math.max(current, e.date);
    } else if (e.date !== null) other = Math.max(other, e.date);
  }
  return other > current;
}

/** How to order these entries: by date (number as tie-break), by number, or not at all. */
function orderKey(entries: readonly EntryTitle[]): ((e: EntryTitle) => number) | null {
  if (entries.every((e) => e.date !== null)) {
    const numbered = entries.every((e) => e.number !== null);
    return (e) => e.date! * 1_000_000 + (numbered ? e.number! : 0);
  }
  if (entries.every((e) => e.number !== null)) return (e) => e.number!;
  return null;
}
