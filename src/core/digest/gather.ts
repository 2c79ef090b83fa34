/**
 * What git says for a digest beyond the analysis's facts: the working state now (one `status`, one `log`, through
 * GitProvider.workingState) and the commits on HEAD since the handoff's anchor, from the commit graph the analysis
 * already read (cached per repository state: no new process); when there are such commits, which of them touch
 * the cited files (GitProvider.touching: one `log` limited to their paths). Never throws: a failure becomes the
 * note, and a failed touching question only leaves that list out.
 */
import type { HandoffFacts } from '../facts/types';
import { CommitGraph } from '../git/graph';
import { relativeTo } from '../git/paths';
import type { GitProvider, RepoInfo, TouchingResult, WorkingState } from '../git/provider';
import type { CancellationToken } from '../interfaces';
import { LIST_CAP } from './compose';
import type { CommitsSince } from './types';

export interface DigestRepository {
  working: WorkingState | null;
  commitsSince: CommitsSince | null;
  /** The commits since that changed cited files; null when not asked (no commit since) or git did not answer. */
  touching: TouchingResult | null;
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
    let touching: TouchingResult | null = null;
    const paths = facts ? citedPaths(facts) : [];
    if (anchor && commitsSince && commitsSince.total > 0 && paths.length) {
      const t = await git.touching(repo, anchor, paths, token);
      if (t.ok) touching = t.value;
    }
    return { working: w.ok ? w.value : null, commitsSince, touching, note: w.ok ? null : w.problem.message.replace(/;\s*showing parse-only results$/, '') };
  } catch (e) {
    return { working: null, commitsSince: null, touching: null, note: `git failed (${e instanceof Error ? e.message : String(e)})` };
  }
}

/**
 * The repository-relative paths of the files the handoff cites, under every name the facts know: as written (found
 * now, or gone), where a renamed one lives now, and the names the changes since list. Sorted, each once.
 */
export function citedPaths(facts: HandoffFacts): string[] {
  const root = facts.repo?.root ?? null;
  const out = new Set<string>();
  const add = (p: string | null | undefined, absolute: boolean) => {
    const rel = p == null ? null : absolute ? (root === null ? null : relativeTo(root, p)) : p;
    if (rel) out.add(rel);
  };
  for (const f of facts.files) {
    if (f.kind === 'found' && !f.outside && f.paths.length === 1) add(f.paths[0], true);
    if (f.kind === 'gone') {
      for (const p of f.paths) add(p, false);
      add(f.movedTo, true);
    }
    if ((f.kind === 'found' || f.kind === 'gone') && f.drift) add(f.drift.path, false);
  }
  for (const c of facts.changedSince ?? []) {
    add(c.path, false);
    add(c.now, false);
  }
  return [...out].sort();
}
