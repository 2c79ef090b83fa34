/**
 * Which known handoff supersedes which: a newer one of the same series in the same folder (core/supersede.ts decides,
 * by name). The store hands each analysis the answer, and analyses again the handoffs whose answer changed when a
 * handoff appears, goes or is renamed, so their open steps follow. Pure (the URIs are read, never resolved), so it
 * is unit-tested.
 */
import { newerInFolder } from '../../core/supersede';

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
}

/** Handoffs supersede one another only within one file system; an unsaved buffer has no folder to share. */
function fileSystemOf(uri: SeriesUri): string {
  return uri.scheme === 'untitled' ? uri.toString() : `${uri.scheme}://${uri.authority}`;
}

/** The path of the newer handoff of `member`'s series among `all` (itself skipped), or null. */
export function supersedingOf(member: SeriesMember, all: Iterable<SeriesMember>): string | null {
  const group = fileSystemOf(member.uri);
  const siblings: Array<{ path: string }> = [];
  for (const m of all) if (m !== member && fileSystemOf(m.uri) === group) siblings.push({ path: m.uri.fsPath });
  return newerInFolder(member.uri.fsPath, siblings);
}

/** The analysed handoffs whose answer is not the one their latest analysis was given: to be analysed again. */
export function seriesChanged<M extends SeriesMember>(all: readonly M[]): M[] {
  return all.filter((m) => m.supersededBy !== undefined && supersedingOf(m, all) !== m.supersededBy);
}
