/**
 * GSD's pause file. `/gsd:pause-work` writes `.continue-here.md` (in `.planning/` or a phase's folder) with the
 * steps to resume from, and records it in `.planning/STATE.md` ("Resume file: …"); `/gsd:resume-work` takes it up.
 * A pause file left behind after the project went on is history: STATE.md, written after it, no longer points at
 * it — "Resume file: None", "Resume file: .planning/phases/05-cli/", or no resume file at all ("stopped_at: null",
 * milestone shipped). Its open steps are then not work left — seen in three held-out repositories, where the steps
 * of a paused milestone set-up, of a paused UAT run and of a paused phase were long done. A STATE.md that mentions a
 * `.continue-here` file anywhere keeps the pause current, and so does one not written after it. Pure: the caller
 * reads STATE.md.
 */
import { toSlash } from './git/paths';

const PAUSE_FILE = /(?:^|\/)\.continue-here\.md$/i;
const PLANNING = '/.planning/';
/** `last_updated: 2026-02-27T13:55:14.724Z` in the front matter (quoted or not). */
const LAST_UPDATED = /^last_updated:\s*["']?([0-9][0-9T:.+\-Z ]{9,40}?)["']?\s*$/m;
/** STATE.md's "Last session: 2026-03-01" or "Last activity: 2026-02-21 -- …". */
const LAST_SESSION = /^(?:\*\*)?last (?:session|activity)(?:\*\*)?:(?:\*\*)?\s*([0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9:.]+Z?)?)/gim;
/** How much of STATE.md is read for this (its front matter and the session lines are near the top or short). */
export const GSD_STATE_MAX_BYTES = 256 * 1024;

/** The `.planning/STATE.md` a pause file belongs to, or null when `path` is no GSD pause file under `.planning/`. */
export function gsdStateFor(path: string): string | null {
  const p = toSlash(path);
  if (!PAUSE_FILE.test(p)) return null;
  const at = p.lastIndexOf(PLANNING);
  if (at < 0) return p.startsWith('.planning/') ? '.planning/STATE.md' : null;
  return `${p.slice(0, at)}${PLANNING}STATE.md`;
}

/** A moment and whether it is only a day (a day-only moment is later than another only on a later day). */
interface Moment { ms: number; dayOnly: boolean }

function momentOf(value: string): Moment | null {
  const ms = Date.parse(value.trim());
  return Number.isFinite(ms) ? { ms, dayOnly: /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) } : null;
}

const dayOf = (ms: number) => Math.floor(ms / 86_400_000);

function later(a: Moment, b: Moment): boolean {
  return a.dayOnly || b.dayOnly ? dayOf(a.ms) > dayOf(b.ms) : a.ms > b.ms;
}

/** The latest moment STATE.md says it was written at. */
function stateMoment(text: string): Moment | null {
  const candidates: Moment[] = [];
  const front = LAST_UPDATED.exec(text.slice(0, 4_000));
  if (front) { const m = momentOf(front[1]!); if (m) candidates.push(m); }
  for (const m of text.matchAll(LAST_SESSION)) { const t = momentOf(m[1]!); if (t) candidates.push(t); }
  return candidates.reduce<Moment | null>((best, m) => (!best || m.ms > best.ms ? m : best), null);
}

/** STATE.md's path when it says the project went on past this pause (see the top of this file), else null. */
export function pauseSupersededBy(pause: { path: string; text: string }, state: { path: string; text: string }): string | null {
  if (gsdStateFor(pause.path) === null) return null;
  if (/continue-here/i.test(state.text)) return null;
  const paused = LAST_UPDATED.exec(pause.text.slice(0, 4_000));
  const pausedAt = paused ? momentOf(paused[1]!) : null;
  const stateAt = stateMoment(state.text);
  return pausedAt && stateAt && later(stateAt, pausedAt) ? state.path : null;
}
