/**
 * Which handoff is current. A handoff is superseded when a newer one of the same series sits in the same folder —
 * `SESSION-HANDOFF-2026-05-19-…` beside `SESSION-HANDOFF-2026-05-21-…`, `2026-05-24-plan.md` beside
 * `2026-05-30-plan.md`, `…_handoff_session1.md` beside `…_handoff_session9.md` or `…_session10_notes.md`, GSD's
 * `02-03-PLAN.md` beside its `02-03-SUMMARY.md` — or when its text is an older version of its own file (a newer
 * version is committed; facts/anchor says so), or it is a copy of a superseded handoff beside it (newerAsCopy). A
 * superseded handoff stays in the tree with all its steps; its open steps are not reported as things to do, since
 * the newer one says what is left. Pure: the CLI and the editor hand in the siblings they know.
 */
import { dirname, toSlash } from './git/paths';
import { MONTH_NAME, monthOf } from './extract/entryDates';

export interface DatedHandoff {
  /** Absolute or workspace-relative path, `/` or `\` separators. */
  path: string;
}

/** A name's series (what is left when its date or number is taken out) and its place in that series. */
interface Series {
  key: string;
  order: string;
}

const DATE = /(20\d{2})-?([01]\d)-?([0-3]\d)/;
/** A month by name, as file names write it (`jan`, `Sept`, `january`); never a word's part (`summary`, `decision`). */
const MONTH = String.raw`(?<![a-z])${MONTH_NAME}(?![a-z])`;
const DAY = String.raw`(?<!\d)([0-3]?\d)(?:st|nd|rd|th)?(?!\d)`;
const YEAR = String.raw`(?<!\d)(20\d{2})(?!\d)`;
const SEP = String.raw`[\s_.,-]*`;
/** `jan_10_2026`, `January-10-2026`, `10_jan_2026`, `2026-jan-10`: a date with its month named, and its year. */
const MONTH_DATES: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => [string, string, string]]> = [
  [new RegExp(MONTH + SEP + DAY + SEP + YEAR), (m) => [m[3]!, m[1]!, m[2]!]],
  [new RegExp(DAY + SEP + MONTH + SEP + YEAR), (m) => [m[3]!, m[2]!, m[1]!]],
  [new RegExp(YEAR + SEP + MONTH + SEP + DAY), (m) => [m[1]!, m[2]!, m[3]!]],
];
/**
 * A release the handoff was written for, `v` and all: `HANDOFF_v0.1.0(a).md` … `HANDOFF_v1.0.0(q).md`, `notes-v1.10.md`
 * (a run's letter after it orders handoffs of one release). Without its `v` a dotted number is a phase (`03.1-01-PLAN.md`).
 */
const VERSION = /(?<![a-z0-9.])v(\d{1,4})\.(\d{1,4})(?:\.(\d{1,4}))?(?:\s*\(([a-z])\)|([a-z])(?![a-z]))?(?![\d.]\d)/;

/** The first date in `name` with its month named, as `yyyy-mm-dd`, and where it starts; null when none. */
function monthNameDate(name: string): { index: number; order: string } | null {
  let best: { index: number; order: string } | null = null;
  for (const [re, parts] of MONTH_DATES) {
    const m = re.exec(name);
    if (!m || (best && best.index <= m.index)) continue;
    const [year, month, day] = parts(m);
    const dd = Number(day);
    if (dd < 1 || dd > 31) continue;
    best = { index: m.index, order: `${year}-${String(monthOf(month)).padStart(2, '0')}-${String(dd).padStart(2, '0')}` };
  }
  return best;
}

const NUMBER = /(\d{1,6})(?=\D*$)/;
/** A session's number: `session12`, `Session_3`, `session-13` (not `sessions2`, `session-handoff-12`, or an id: `session_169de98e`). */
const SESSION = /(?:^|[^a-z])session[\s_-]?(\d{1,4})(?![0-9a-z])/;

/**
 * `SESSION-HANDOFF-2026-05-19-topic.md` → key `session-handoff-#`, order `2026-05-19`: the topic after the date
 * differs from one handoff to the next, so it is not part of the key. `notes_session9.md` → a session series (see
 * sessionSeries). Otherwise the last number: `handoff-7.md` → key `handoff-#.md`, order `000007`. Names with none of
 * these are no series.
 */
const baseName = (path: string): string => (toSlash(path).split('/').pop() ?? '').toLowerCase();

export function seriesOf(path: string): Series | null {
  const name = baseName(path);
  const d = DATE.exec(name);
  if (d) return { key: `${name.slice(0, d.index)}#`, order: `${d[1]}-${d[2]}-${d[3]}` };
  const w = monthNameDate(name);
  if (w) return { key: `${name.slice(0, w.index)}#`, order: w.order };
  const s = SESSION.exec(name);
  if (s) return sessionSeries(name, s);
  const v = VERSION.exec(name);
  if (v) {
    const order = [v[1], v[2], v[3] ?? '0'].map((n) => n!.padStart(6, '0')).join('.') + (v[4] ?? v[5] ? `.${v[4] ?? v[5]}` : '');
    return { key: `${name.slice(0, v.index)}#${name.slice(v.index + v[0].length)}`, order };
  }
  const n = NUMBER.exec(name);
  if (n) return { key: `${name.slice(0, n.index)}#${name.slice(n.index + n[1]!.length)}`, order: n[1]!.padStart(6, '0') };
  return null;
}

/**
 * Notes numbered by session keep their number while the rest of the name drifts: `…_master_handoff_session12.md`,
 * then `…_session13_continue_notes.md`, or a copy saved as `3-23-26-1126pm-…_session4.md`. So the series is the
 * name's first word (its project or subject; words glued to digits, such as a time `1126pm`, do not count) and the
 * order the session number, then any number after it (`…_session13_notes_2.md` follows `…_session13_notes.md`).
 * Different first words stay different series: `frontend_session3.md` is not superseded by `backend_session5.md`.
 */
function sessionSeries(name: string, s: RegExpExecArray): Series {
  const word = name.replace(/\.[a-z0-9]+$/, '').split(/[^a-z0-9]+/).find((t) => /^[a-z]+$/.test(t) && t !== 'session') ?? '';
  const after = NUMBER.exec(name.slice(s.index + s[0].length));
  return { key: `${word}\0session#`, order: s[1]!.padStart(6, '0') + (after ? `.${after[1]!.padStart(6, '0')}` : '') };
}

/**
 * GSD's plan `02-03-PLAN.md` has been executed once its `02-03-SUMMARY.md` sits beside it (GSD writes the summary
 * when the plan is done): the summary says what was done, and the plan's unticked boxes are not work left.
 */
const GSD_PLAN = /^(\d{1,3}(?:\.\d{1,3})?-\d{1,3})-plan\.md$/;
const GSD_SUMMARY = /^(\d{1,3}(?:\.\d{1,3})?-\d{1,3})-summary\.md$/;
const summaryKey = (folder: string, id: string) => `${folder}\0gsd-summary\0${id}`;

/** The summary a GSD plan (`…/02-03-PLAN.md`) is carried out with (`…/02-03-SUMMARY.md`, beside it), or null for any other name. */
export function gsdSummaryOf(planPath: string): string | null {
  if (!GSD_PLAN.test(baseName(planPath))) return null;
  // The word in the case it is written in: `PLAN.md` → `SUMMARY.md`, `plan.md` → `summary.md`.
  return planPath.replace(/plan(?=\.md$)/i, (w) => (w === 'PLAN' ? 'SUMMARY' : w === 'plan' ? 'summary' : 'Summary'));
}

/** The newest member of each series among a folder's handoffs: built once per folder, asked once per handoff. */
export type SeriesIndex = ReadonlyMap<string, { path: string; order: string }>;

/** Indexes `siblings` by folder and series (a handoff's newer sibling is then one lookup, not a scan of the folder). */
export function seriesIndex(siblings: readonly DatedHandoff[]): SeriesIndex {
  const index = new Map<string, { path: string; order: string }>();
  for (const s of siblings) {
    const summary = GSD_SUMMARY.exec(baseName(s.path));
    if (summary) index.set(summaryKey(dirname(toSlash(s.path)), summary[1]!), { path: s.path, order: '' });
    const theirs = seriesOf(s.path);
    if (!theirs) continue;
    const key = `${dirname(toSlash(s.path))}\0${theirs.key}`;
    const newest = index.get(key);
    if (!newest || theirs.order > newest.order) index.set(key, { path: s.path, order: theirs.order });
  }
  return index;
}

/** The newest handoff of the same series as `self` in its folder, when strictly newer than `self`; else null. */
export function newerInIndex(self: string, index: SeriesIndex): string | null {
  const plan = GSD_PLAN.exec(baseName(self));
  const summary = plan ? index.get(summaryKey(dirname(toSlash(self)), plan[1]!)) : undefined;
  if (summary) return summary.path;
  const mine = seriesOf(self);
  if (!mine) return null;
  const newest = index.get(`${dirname(toSlash(self))}\0${mine.key}`);
  // The same date or number is no evidence either way.
  return newest && newest.order > mine.order ? newest.path : null;
}

/** newerInIndex over a list of siblings, for a caller asking once. */
export function newerInFolder(self: string, siblings: readonly DatedHandoff[]): string | null {
  return newerInIndex(self, seriesIndex(siblings));
}

/**
 * A handoff saved twice in one folder under two names — a timestamped copy (`handoff-1126pm-3-23-26.md`) beside the
 * numbered original (`…_session4.md`) — is one handoff: when the original's name is superseded, so is the copy, by
 * the same newer handoff. Only a text equal to the whole of a superseded one is a copy. `superseded`: the folder's
 * handoffs each with the newer one its name answers to (null: current), the copy's own entry among them or not.
 */
export function newerAsCopy(self: { path: string; text: string }, superseded: Iterable<{ path: string; text: string; supersededBy: string | null }>): string | null {
  const folder = dirname(toSlash(self.path));
  for (const o of superseded) {
    if (o.supersededBy === null || o.path === self.path || dirname(toSlash(o.path)) !== folder) continue;
    // Two names of one text, each newer than the other, are no evidence either way.
    if (o.supersededBy !== self.path && o.text === self.text) return o.supersededBy;
  }
  return null;
}
