/**
 * Hex that names a file, not a commit. Migration tools name each migration by a random hex id (Alembic:
 * `migrations/versions/d41f83a2c906_job_delete_tenant_suspend.py`), and a handoff cites the id as the database's
 * head ("Head `d41f83a2c906` → `f3a7c21b9e04`"). Such an id is in no history of the repository, yet it is no typo:
 * the tracked file whose name starts with it says what it is. Pure: the listing comes from the workspace.
 */
import type { CommitState } from './types';

/** A file name that starts with a hex id and a separator: `d41f83a2c906_add_jobs.py`, `3f2a9c1b-seed.sql`. */
const ID_NAME = /^([0-9a-f]{7,40})[_-]/i;

const idsOf = new WeakMap<readonly string[], Map<string, string>>();

/** File-name ids of a listing, lower-cased, to the first file of each; read once per listing. */
function fileIds(listed: readonly string[]): Map<string, string> {
  let ids = idsOf.get(listed);
  if (ids) return ids;
  ids = new Map();
  for (const path of listed) {
    const id = ID_NAME.exec(path.slice(path.lastIndexOf('/') + 1))?.[1]?.toLowerCase();
    if (id && !ids.has(id)) ids.set(id, path);
  }
  idsOf.set(listed, ids);
  return ids;
}

/** Whether any SHA not in this repository could be a file's id (the listing is then worth reading). */
export function anyMissing(states: ReadonlyMap<string, CommitState>): boolean {
  for (const s of states.values()) if (s.status === 'unknown' && s.sha === null) return true;
  return false;
}

/**
 * Marks each SHA that is in no history here (not one on no branch: that object exists) and is the whole id a
 * tracked file's name starts with: `fileId` names the file. `toRelative` turns a listed path into what a message shows.
 * The caller asks `anyMissing` first, so that a handoff whose commits all resolve never waits for the listing.
 */
export function markFileIds(states: ReadonlyMap<string, CommitState>, listed: readonly string[], toRelative: (path: string) => string): void {
  const ids = fileIds(listed);
  if (!ids.size) return;
  for (const [key, s] of states) {
    if (s.status !== 'unknown' || s.sha !== null) continue;
    const path = ids.get(key);
    if (path) s.fileId = toRelative(path);
  }
}
