/**
 * What was deleted before each of many commits — handoffs written at as many anchors — from one walk of every
 * deletion in HEAD's history, read once per repository state, instead of a walk per commit. For a commit, each path's
 * newest deletion among the commits of its history: what findDeletions' walk from that commit finds in a history
 * without merges (a pathspec then simplifies nothing away; the caller checks). Renames are asked once per commit
 * and kept; renamed files are followed to where they live as findDeletions follows them.
 * In a history with merges the walk still answers one thing exactly: a path no commit of HEAD's history deleted is
 * deleted before no commit of that history either (a commit's own walk lists some of the same commits' deletions,
 * whatever merges its pathspec simplifies away), so a commit whose paths are all such needs no walk of its own.
 */
import type { CancellationToken } from '../core/interfaces';
import type { DeletionsResult, GitResult, RepoInfo } from '../core/git/provider';
import type { CommitGraph } from '../core/git/graph';
import { deletionRecords, followRenames, newestPerPath, startDeletionsWalk, type DeletionRecord, type RunGit } from './gitHistory';
import { KeptRenames, withRenames } from './renames';

/** Deleting commits whose renames a batch asks ahead, at most (one command's stdin). */
const MAX_RENAMES_AHEAD = 2_000;

/** Every deletion in HEAD's history, newest first; a problem when git fails or runs past `budgetMs`. */
export async function allDeletions(run: RunGit, repo: RepoInfo, token: CancellationToken, budgetMs: number): Promise<GitResult<DeletionRecord[]>> {
  const r = await startDeletionsWalk(run, repo, 'HEAD', token, budgetMs);
  // Past the budget only this answer is lost (each commit is then asked its own way), not every check of the repository.
  if (!r.ok && r.problem.kind === 'timeout') return { ok: false, problem: { kind: 'error', message: `searching the history took longer than ${budgetMs} ms` } };
  if (!r.ok) return r;
  if (r.out.code !== 0) return { ok: false, problem: { kind: 'error', message: r.out.stderr.split('\n')[0] ?? 'git log failed' } };
  return { ok: true, value: deletionRecords(r.out.stdout) };
}

/**
 * The deletions before a commit whose history `inHistory` tells (findDeletions' answer for `until` = that commit),
 * from HEAD's `records`.
 */
export async function deletionsBefore(
  records: readonly DeletionRecord[], inHistory: (sha: string) => boolean, paths: readonly string[], renames: KeptRenames, token: CancellationToken,
): Promise<GitResult<DeletionsResult>> {
  const newest = (ps: readonly string[], keep?: (sha: string) => boolean) =>
    withRenames(newestPerPath(records, new Set(ps.filter((p) => p !== '' && !/[\n\r]/.test(p))), keep), renames, token);
  const first = await newest(paths, inHistory);
  if (!first.ok) return first;
  // Each rename followed to where the file lives now: a target moved (or deleted) later, anywhere in HEAD's history.
  return followRenames(first.value, (targets) => newest(targets), token);
}

/** A graph of a history without merges, and HEAD's commit: the walk is of HEAD's history. */
export interface OneLine {
  graph: CommitGraph;
  head: string;
}

/** `until`'s history, when `until` is in HEAD's (so the walk of HEAD's history saw all of it); else null. */
function historyInHead(line: OneLine, until: string): ((sha: string) => boolean) | null {
  return line.graph.historyOf(line.head)?.(until) ? line.graph.historyOf(until) : null;
}

/**
 * Per repository state: the walk of every deletion and the renames asked, shared by the commits asked about. It
 * answers them (`before`) only in a history without merges whose graph was read (`line`; null otherwise: git is asked
 * per commit); with merges it only rules out paths no commit deleted (`everDeleted`, once the walk was started).
 */
export class LineDeletions {
  private state: { key: string; all: Promise<GitResult<DeletionRecord[]>> | null; deletedPaths?: Set<string>; renames: KeptRenames } | null = null;

  constructor(private readonly run: RunGit, private readonly budgetMs: number) {}

  /** The renames asked in this state of the repository (searches since an anchor share them too). */
  renames(repo: RepoInfo, key: string): KeptRenames {
    return this.stateFor(repo, key).renames;
  }

  /** The walk of every deletion for this state, started now if it was not (a batch of handoffs at several commits). */
  walkEveryDeletion(repo: RepoInfo, key: string, token: CancellationToken): Promise<GitResult<DeletionRecord[]>> {
    const state = this.stateFor(repo, key);
    return (state.all ??= allDeletions(this.run, repo, token, this.budgetMs));
  }

  /**
   * Which of `paths` some commit of HEAD's history deleted, from the walk of every deletion when one was started for
   * this state: the only ones a walk of the deletions before a commit in HEAD's history (`inHead`) can find. Null when
   * no walk was started, it failed, or the commit is not in HEAD's history.
   */
  async everDeleted(repo: RepoInfo, key: string, inHead: boolean, paths: readonly string[]): Promise<string[] | null> {
    const state = this.stateFor(repo, key);
    if (!inHead || !state.all) return null;
    const all = await state.all;
    if (!all.ok) return null;
    const deleted = (state.deletedPaths ??= new Set(all.value.flatMap((r) => r.paths)));
    return paths.filter((p) => deleted.has(p));
  }

  async before(repo: RepoInfo, key: string, line: OneLine, until: string, paths: readonly string[], token: CancellationToken): Promise<GitResult<DeletionsResult> | null> {
    const inHistory = historyInHead(line, until);
    if (!inHistory) return null;
    const all = await this.walkEveryDeletion(repo, key, token);
    return all.ok ? deletionsBefore(all.value, inHistory, paths, this.renames(repo, key), token) : null;
  }

  /**
   * Ahead of a batch (the paths each commit's handoffs will ask about): the renames of the deletions their answers
   * find, asked in one process instead of one per commit as each handoff's question comes.
   */
  async prefetch(repo: RepoInfo, key: string, line: OneLine, moments: ReadonlyArray<{ until: string; paths: Iterable<string> }>, token: CancellationToken): Promise<void> {
    const all = await this.walkEveryDeletion(repo, key, token);
    if (!all.ok) return;
    const commits = new Set<string>();
    for (const m of moments) {
      const inHistory = historyInHead(line, m.until);
      if (!inHistory) continue;
      for (const d of newestPerPath(all.value, new Set(m.paths), inHistory).values()) commits.add(d.sha);
    }
    await this.renames(repo, key).of([...commits], token);
  }

  /**
   * The renames of every commit in the walk of every deletion (when one was started) that deleted one of these
   * paths, in one process: the commits each walk of its own will find are among them (at most MAX_RENAMES_AHEAD).
   */
  async renamesAhead(repo: RepoInfo, key: string, moments: ReadonlyArray<{ paths: Iterable<string> }>, token: CancellationToken): Promise<void> {
    const state = this.stateFor(repo, key);
    const all = state.all ? await state.all : null;
    if (!all?.ok) return;
    const wanted = new Set<string>();
    for (const m of moments) for (const p of m.paths) wanted.add(p);
    const commits = all.value.filter((r) => r.paths.some((p) => wanted.has(p))).map((r) => r.sha);
    if (commits.length && commits.length <= MAX_RENAMES_AHEAD) await state.renames.of(commits, token);
  }

  private stateFor(repo: RepoInfo, key: string) {
    if (this.state?.key !== key) this.state = { key, all: null, renames: new KeptRenames(this.run, repo) };
    return this.state;
  }
}
