/**
 * The state of a step written without a checkbox, and the text of a table row taken as a step. A numbered or
 * bulleted step is open unless it says otherwise: ✅, ~~struck through~~, "DONE", a `(P0 done)` tag (done); "BLOCKED", ⛔ (blocked); "IN PROGRESS", "WIP", 🔄 (in progress); a "Deferred:"/"Won't do:" label, a
 * `(deferred)` tag or "deliberately held" (set aside: superseded). A row says it in any of its cells, often a Status column.
 */
import type { StepState } from '../model';
import type { Block } from '../parse/blocks';
import { collapseSpaces } from './spaces';

const DONE_MARK = /✅|✔️?|☑️?|\bDONE\b|^~~[^~]+~~|\((?:done|completed?)\)/;
/** A status tag leading the step: `(done)`, `**(P0 done)**`, `(Completed)` — whatever its case. */
const DONE_TAG = /^(?:\*\*|__)?\((?:[^()\n]{1,20}\s)?(?:done|completed?|shipped|merged)\)/i;
/**
 * A label that reports it done: `**Resolved during the audit**: …`, `**Fixed:** …`, `Done: …` (`**Fix**: …` and
 * `**Completed work to verify**: …` are work).
 */
const DONE_LABEL = /^(?:\*\*|__)?(?:resolved|fixed|done|completed|shipped|merged)(?:,?\s+(?:in|during|by|on|as|but|with|since|via|at|already|earlier|upstream)\b[^*_:\n]{0,50})?(?:(?:\*\*|__)\s*:|:\s*(?:\*\*|__)?)/i;
const BLOCKED_MARK = /⛔|🚫|\bBLOCKED\b/;
const IN_PROGRESS_MARK = /🔄|🚧|\bIN[ -]PROGRESS\b|\bWIP\b/;
/**
 * A step its own label sets aside: `DEFER: subclass features`, `v1.4+ deferred: TEST-11 …`, `Won't do: …`,
 * `Out of scope — …` (a "Deferred" heading makes a roadmap; this is the same said of one item).
 */
const SET_ASIDE_LABEL = /^(?:\*\*|__)?(?:(?:v?\d+(?:\.\d+)*\+?\s+)?(?:defer(?:red)?|postponed)|won'?t\s+(?:do|fix)|wontfix|out\s+of\s+scope)(?:\*\*|__)?\s*(?:[:—–]|\s-\s)|^(?:\*\*|__)?\((?:[^()\n]{1,20}\s)?(?:deferred|postponed|parked|dropped|skipped|won'?t\s+do)\)/i;
/**
 * …or its words: set aside on purpose, "Deferred by choice: ICD-10 codes", "Branch deletions, deliberately held.",
 * "Confidence signals — intentionally omitted" (`Deliberately test the held lock` is work).
 */
const SET_ASIDE_WORDS = /\b(?:deliberately|intentionally|on\s+purpose|by\s+choice)\s+(?:held(?:\s+back)?|deferred|parked|postponed|skipped|omitted|left\s+out)\b|\b(?:held(?:\s+back)?|deferred|parked|postponed|skipped|omitted|left\s+out)\s+(?:deliberately|intentionally|on\s+purpose|by\s+choice)\b/i;
/** A Status column's whole value. */
const STATUS_CELL: ReadonlyArray<readonly [RegExp, StepState]> = [
  [/^(?:done|complete|completed|shipped|merged|closed|fixed|resolved|erledigt|fertig|abgeschlossen|termin[ée]e?|hecho|feito|fatto|klaar)\b/i, 'done'],
  [/^(?:blocked|on hold|blockiert|bloqu[ée]e?|bloqueado|bloccato|geblokkeerd)\b/i, 'blocked'],
  [/^(?:in[ -]progress|wip|ongoing|started|partial|in arbeit|en cours|en curso|em andamento|in corso|bezig)\b/i, 'in-progress'],
  [/^(?:superseded|obsolete|cancell?ed|dropped|won'?t do)\b/i, 'superseded'],
  [/^(?:open|todo|to do|pending|not started|planned|next|offen|ouvert|pendiente|pendente|aperto|openstaand)\b/i, 'open'],
];

/** The state a step's own words give it. */
export function stateOfText(text: string, labelled = true): StepState {
  const t = text.slice(0, 1_000);
  if (DONE_MARK.test(t) || DONE_TAG.test(t) || (labelled && DONE_LABEL.test(t))) return 'done';
  if (BLOCKED_MARK.test(t)) return 'blocked';
  if (IN_PROGRESS_MARK.test(t)) return 'in-progress';
  if (SET_ASIDE_LABEL.test(t) || SET_ASIDE_WORDS.test(t)) return 'superseded';
  return 'open';
}

/** The state of a table row: a marker in any cell, else a cell that is only a status word. */
export function stateOfRow(cells: readonly string[]): StepState {
  for (const c of cells) {
    // A cell's "Done: 3 of 5" is a count, not the row's label.
    const marked = stateOfText(c, false);
    if (marked !== 'open') return marked;
  }
  for (const c of cells) {
    const state = statusCell(c);
    if (state) return state;
  }
  return 'open';
}

/** The state a cell states when it is only a status (`Done`, `✅ Done`, `In progress`), else null. */
function statusCell(cell: string): StepState | null {
  const plain = cell.replace(/[*_`~]|[\p{Extended_Pictographic}\uFE0F]/gu, '').trim();
  if (plain.length > 30) return null;
  for (const [re, state] of STATUS_CELL) if (re.test(plain) && plain.split(/\s+/).length <= 3) return state;
  return null;
}

/**
 * A table row as a step: its cells' words joined with ` — `, without cells that only number, mark or state the row
 * (`#`, `3.`, `✅`, `Done`), and its offsets from the first cell to the last. Null for a row without words, and for
 * a row of measures only (`| 1 | 632 ms | 3 713 ms |`, `| 4 | 1.2 GB | 37% |`): a table of timings or sizes under a
 * next-step heading records results, it asks for no work.
 */
export function rowStep(text: string, b: Block): { start: number; end: number; text: string; cells: string[] } | null {
  const spans = (b.cells ?? []).filter((c) => c.end > c.start);
  if (!spans.length) return null;
  const cells = spans.map((c) => collapseSpaces(text.slice(c.start, c.end)).trim());
  const words = cells.filter((c) => /[\p{L}\p{N}]/u.test(c) && !/^#?\d{1,3}[.)]?$/.test(c) && !statusCell(c));
  if (!words.length || words.every(isMeasure)) return null;
  return { start: spans[0].start, end: spans[spans.length - 1].end, text: words.join(' — '), cells };
}

/** Units a measured value is written with (time, size, rate, share): the only letters a cell of results holds. */
const UNIT = String.raw`(?:[nµu]?s|ms|sec|secs|min|mins|h|hrs?|[kKMGT]i?B|B|bytes?|[kKMGB]|x|×|%|px|fps|[kMG]?Hz|ops(?:\/s)?|rps|qps|req\/s|it\/s|dB|pt|em|rem|LOC|loc|lines?|tok(?:ens)?)`;
/** A cell of one measure or a few (`632 ms`, `**2 486 ms**`, `~1.2 GB`, `37%`, `12 → 9`); `3.2× faster` has a word. */
const MEASURE = new RegExp(String.raw`^(?:[~≈<>≤≥±+\-−]?\s*\d[\d\s.,:']*\s*${UNIT}?(?:\s*(?:\/|→|->|–|-|±)\s*|\s+|$))+$`, 'u');

function isMeasure(cell: string): boolean {
  const plain = cell.replace(/[*_`~]/g, '').trim();
  return plain.length <= 60 && MEASURE.test(plain);
}
