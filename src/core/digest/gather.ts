/**
 * What git says for a digest beyond the analysis's facts: the working state now (one `status`, one `log`, through
 * GitProvider.workingState) and the commits on HEAD since the handoff's anchor, from the commit graph the analysis
 * already read (cached per repository state: no new process). Never throws: a failure becomes the note.
 */
import type { HandoffFacts } from '../facts/types';
import { CommitGraph } from '../git/graph';
import type { GitProvider, RepoInfo, WorkingState } from '../git/provider';
import type { CancellationToken } from '../interfaces';
import { LIST_CAP } from './compose';
import type { CommitsSince } from './types';

export interface DigestRepository {
  working: WorkingState | null;
  commitsSince: CommitsSince | null;
  /** Why `working` is null, in words (`not a git repository`), else null. */
  note: string | null;
}

export async function gatherDigestRepository(git: GitProvider, repo: RepoInfo, facts: HandoffFacts | null, token: CancellationToken): Promise<DigestRepository> {
  try {
    const anchor = facts?.anchor?.sha ?? null;
    const [w, g] = await Promise.all([
      git.workingState(repo, null, token),
      anchor ? git.graph(repo, token) : Promise.resolve(null),
    ]);
    let commitsSince: CommitsSince | null = null;
    if (anchor && g?.ok) {
      const graph = new CommitGraph(g.value);
      const head = w.ok ? w.value.headSha : null;
      const shas = head ? graph.between(anchor, head) : null;
      if (shas) {
        // Newest first by committer time, then SHA: one order whatever the walk's.
        const commits = shas.map((sha) => graph.get(sha)!).sort((a, b) => b.time - a.time || (a.sha < b.sha ? -1 : 1));
        commitsSince = { commits: commits.slice(0, LIST_CAP).map((c) => ({ sha: c.sha, subject: c.subject })), total: commits.length };
      }
    }
    return { working: w.ok ? w.value : null, commitsSince, note: w.ok ? null : w.problem.message.replace(/;\s*showing parse-only results$/, '') };
  } catch (e) {
    return { working: null, commitsSince: null, note: `git failed (${e instanceof Error ? e.message : String(e)})` };
  }
}
