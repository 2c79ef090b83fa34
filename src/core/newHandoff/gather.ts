/**
 * What git says for a new handoff, through the GitProvider interface: the repository holding `folder`, then its
 * working state (one `status`, one `log`, and one `diff` from the previous handoff's commit, in parallel). Never
 * throws: a failure becomes the note the document shows in place of the facts.
 */
import type { GitProvider, RepoInfo, WorkingState } from '../git/provider';
import { validSha } from '../git/schemas';
import type { CancellationToken } from '../interfaces';

export interface GatheredWorkingState {
  repo: RepoInfo | null;
  state: WorkingState | null;
  /** Why `state` is null, in words for the document (`not a git repository`). */
  note: string | null;
}

export async function gatherWorkingState(git: GitProvider, folder: string, since: string | null, token: CancellationToken): Promise<GatheredWorkingState> {
  try {
    const d = await git.discover(folder, token);
    if (!d.ok) return { repo: null, state: null, note: noteOf(d.problem.message) };
    const full = since && validSha(since)?.length === 40 ? validSha(since) : null;
    const s = await git.workingState(d.value, full, token);
    if (!s.ok) return { repo: d.value, state: null, note: noteOf(s.problem.message) };
    return { repo: d.value, state: s.value, note: null };
  } catch (e) {
    return { repo: null, state: null, note: `git failed (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** A provider message without the analysis's "showing parse-only results" ending. */
function noteOf(message: string): string {
  return message.replace(/;\s*showing parse-only results$/, '');
}
