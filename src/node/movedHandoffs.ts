/**
 * Handoffs moved unchanged (archived, a folder reorganised) are anchored where their text was written, not at the
 * move (findAnchor follows the moves). Ahead of a run over many handoffs, the versions before each move are asked
 * for all of them at once: one `log` per move commit and hop (a reorganisation moves many handoffs in one commit),
 * not one per handoff. Which path a commit moved a text from is read from the object store (TreeListings.movedFrom).
 */
import type { CancellationToken } from '../core/interfaces';
import type { GitResult, RepoInfo } from '../core/git/provider';
import { MAX_MOVES, type RunGit, type Version } from './gitHistory';
import { lastVersions, type LastVersions } from './lastVersions';

export interface Move {
  /** The commit that put the text at its path. */
  move: string;
  /** Where it was before. */
  from: string;
  blob: string;
}

/**
 * The version each moved text had at its earlier path, by `<move commit>\0<earlier path>` (findAnchor's question),
 * followed back through at most MAX_MOVES moves. `movedFrom` says where a commit moved a text from, if it did;
 * `guard` runs each git question under the repository's circuit breaker.
 */
export async function versionsBeforeMoves(
  run: RunGit, repo: RepoInfo, moves: readonly Move[], token: CancellationToken,
  movedFrom: (commit: string, blob: string, path: string) => string | null | undefined,
  guard: (ask: () => Promise<GitResult<LastVersions>>) => Promise<GitResult<LastVersions>>,
): Promise<Map<string, Version[]>> {
  const out = new Map<string, Version[]>();
  let pending = moves;
  for (let hop = 0; hop < MAX_MOVES && pending.length && !token.isCancellationRequested; hop++) {
    const byMove = new Map<string, Move[]>();
    for (const m of pending) byMove.set(m.move, [...(byMove.get(m.move) ?? []), m]);
    const next: Move[] = [];
    await Promise.all([...byMove].map(async ([move, group]) => {
      const before = await guard(() => lastVersions(run, repo, group.map((m) => m.from), token, `${move}^`));
      if (!before.ok) return;
      for (const m of group) {
        const v = before.value.versions.get(m.from);
        if (v?.blob !== m.blob) continue;
        out.set(`${move}\0${m.from}`, [v]);
        const earlier = movedFrom(v.sha, m.blob, m.from);
        if (earlier) next.push({ move: v.sha, from: earlier, blob: m.blob });
      }
    }));
    pending = next;
  }
  return out;
}
