/**
 * Which known handoff supersedes which: a newer one of the same series in the same folder (core/supersede.ts decides,
 * by name), or, for a copy of a superseded handoff beside it, what supersedes that one (newerAsCopy, by the texts
 * their latest analyses read). The store hands each analysis the answer, and analyses again the handoffs whose
 * answer changed when a handoff appears, goes, is renamed or lands, so their open steps follow. Pure (the URIs are
 * read, never resolved), so it is unit-tested.
 */
import { dirname, toSlash } from '../../core/git/paths';
import { newerAsCopy, newerInIndex, seriesIndex, type SeriesIndex } from '../../core/supersede';
import { gsdStateFor, pauseSupersededBy } from '../../core/gsdPause';

/** The parts of a `vscode.Uri` read here. */
export interface SeriesUri {
  scheme: string;
  authority: string;
  fsPath: string;
  toString(): string;
}

export interface SeriesMember {
  uri: SeriesUri;
  /** What its latest analysis was given; undefined when it was never analysed. */
  supersededBy?: string | null;
  /** The text its latest analysis read; undefined when it was never analysed. */
  text?: string;
}

/**
 * Where a handoff's siblings are: its folder, in one file system (an unsaved buffer has no folder to share). Only
 * handoffs of the same place can supersede one another; grouping by it first keeps a workspace of hundreds of
 * handoffs from comparing each with all.
 */
function placeOf(uri: SeriesUri, fsPath = uri.fsPath): string {
  return uri.scheme === 'untitled' ? uri.toString() : `${uri.scheme}://${uri.authority}${dirname(fsPath)}`;
}

function byPlace<M extends SeriesMember>(all: Iterable<M>): Map<string, M[]> {
  const out = new Map<string, M[]>();
  for (const m of all) {
    const key = placeOf(m.uri);
    const list = out.get(key);
    if (list) list.push(m);
    else out.set(key, [m]);
  }
  return out;
}

/** A place's series index; a member's own entry never counts, as only a strictly newer sibling supersedes it. */
function indexOf(place: readonly SeriesMember[]): SeriesIndex {
  return seriesIndex(place.map((m) => ({ path: m.uri.fsPath })));
}

/**
 * The path of the newer handoff of `member`'s series among `all` (itself skipped), or null; given the text it is
 * analysed with, a copy of a superseded sibling's latest text answers as that sibling does.
 */
export function supersedingOf(member: SeriesMember, all: Iterable<SeriesMember>, text?: string): string | null {
  const place = placeOf(member.uri);
  const same: SeriesMember[] = [];
  for (const m of all) if (placeOf(m.uri) === place) same.push(m);
  const index = indexOf(same);
  return newerInIndex(member.uri.fsPath, index) ?? (text === undefined ? null : asCopy(member, text, same, index) ?? pausedBefore(member, text, all));
}

/** For GSD's pause file, the known STATE.md that says the project went on past it (core/gsdPause.ts), else null. */
function pausedBefore(member: SeriesMember, text: string, all: Iterable<SeriesMember>): string | null {
  const statePath = gsdStateFor(member.uri.fsPath);
  if (statePath === null) return null;
  for (const m of all) {
    if (m.text !== undefined && m.uri.scheme === member.uri.scheme && toSlash(m.uri.fsPath) === statePath) {
      return pauseSupersededBy({ path: member.uri.fsPath, text }, { path: m.uri.fsPath, text: m.text });
    }
  }
  return null;
}

/**
 * The analysed handoffs whose answer is not the one their latest analysis was given: to be analysed again. `near`:
 * only the place of this handoff (one just analysed can change only its own folder's answers).
 */
export function seriesChanged<M extends SeriesMember>(all: Iterable<M>, near?: SeriesUri): M[] {
  const out: M[] = [];
  const only = near ? placeOf(near) : null;
  const members = [...all];
  for (const [key, place] of byPlace(members)) {
    // A pause file answers to its STATE.md, in another folder: it is asked again when that folder changes too.
    const pauses = only !== null && key !== only ? place.filter((m) => pauseOf(m) === only) : place;
    if (!pauses.length) continue;
    const index = indexOf(place);
    for (const m of pauses) {
      if (m.supersededBy === undefined) continue;
      const now = newerInIndex(m.uri.fsPath, index) ?? (m.text === undefined ? null : asCopy(m, m.text, place, index) ?? pausedBefore(m, m.text, members));
      if (now !== m.supersededBy) out.push(m);
    }
  }
  return out;
}

/** The place of the STATE.md a GSD pause file answers to, or null for any other handoff. */
function pauseOf(m: SeriesMember): string | null {
  const statePath = gsdStateFor(m.uri.fsPath);
  return statePath === null ? null : placeOf(m.uri, statePath);
}

/** What supersedes the sibling of `place` (superseded by name) whose latest text is `text`, or null. */
function asCopy(member: SeriesMember, text: string, place: readonly SeriesMember[], index: SeriesIndex): string | null {
  const superseded: Array<{ path: string; text: string; supersededBy: string | null }> = [];
  for (const m of place) {
    if (m === member || m.text === undefined || m.text.length !== text.length) continue;
    const newer = newerInIndex(m.uri.fsPath, index);
    if (newer !== null) superseded.push({ path: m.uri.fsPath, text: m.text, supersededBy: newer });
  }
  return newerAsCopy({ path: member.uri.fsPath, text }, superseded);
}
