/**
 * Handoffs moved unchanged (archived, a folder reorganised) are anchored where their text was written, not at the
 * move (findAnchor follows the moves). Ahead of a run over many handoffs, the versions before each move are asked
 * for all of them at once: one `log` per hop, not one per handoff. Which path a commit moved a text from is read from
 * the object store (TreeListings.movedFrom).
 */
import type { CancellationToken } from '../core/interfaces';
import type { GitResult, RepoInfo } from '../core/git/provider';
import { MAX_MOVES, movedKey, type RunGit, type Version } from './gitHistory';
import { pathHistories, type PathHistories } from './lastVersions';

/** A text as the commit that last put it at its path left it. */
export interface Placed {
  commit: string;
  path: string;
  blob: string;
}

interface Move {
  /** The commit that moved the text to where it is. */
  move: string;
  /** Where it was before. */
  from: string;
  blob: string;
}

/**
 * For each of the `placed` texts its commit moved there unchanged, the version it had at its earlier path, by
 * findAnchor's question (`movedKey`), followed back through at most MAX_MOVES moves: per hop,
 * one `log` of every earlier path (handoffs rotated into an archive one session at a time share one, `HANDOFF.md`),
 * and in each path's versions the newest older than the move (below its own entry) that holds the text. A move not
 * found in that history (merges simplified away) is left to findAnchor's own question. `movedFrom` says where a
 * commit moved a text from, if it did; `guard` runs each git question under the repository's circuit breaker.
 */
export async function versionsBeforeMoves(
  run: RunGit, repo: RepoInfo, placed: readonly Placed[], token: CancellationToken,
  movedFrom: (commit: string, blob: string, path: string) => string | null | undefined,
  guard: (ask: () => Promise<GitResult<PathHistories>>) => Promise<GitResult<PathHistories>>,
): Promise<Map<string, Version[]>> {
  const out = new Map<string, Version[]>();
  let pending: Move[] = placed.flatMap((p) => {
    const from = movedFrom(p.commit, p.blob, p.path);
    return from ? [{ move: p.commit, from, blob: p.blob }] : [];
  });
  for (let hop = 0; hop < MAX_MOVES && pending.length && !token.isCancellationRequested; hop++) {
    const read = await guard(() => pathHistories(run, repo, [...new Set(pending.map((m) => m.from))], token));
    if (!read.ok) break;
    const next: Move[] = [];
    for (const m of pending) {
      const versions = read.value.histories.get(m.from) ?? [];
      const at = versions.findIndex((v) => v.sha === m.move);
      const v = at < 0 ? undefined : versions.slice(at + 1).find((x) => x.blob === m.blob);
      if (!v) continue;
      out.set(movedKey(m.move, m.from), [v]);
      const earlier = movedFrom(v.sha, m.blob, m.from);
      if (earlier) next.push({ move: v.sha, from: earlier, blob: m.blob });
    }
    pending = next;
  }
  return out;
}
