/**
 * The questions each handoff's anchor raises — which files its commit had, what was deleted since and before it —
 * answered from what the run has read already: the graph, the object store, one walk of every deletion, the renames
 * asked. A run over handoffs written at many commits then starts no git process per commit; what these cannot
 * answer (a history with merges, a store not read here) is asked of git as before.
 */
import type { CancellationToken } from '../core/interfaces';
import type { DeletionsResult, GitResult, RepoGraph, RepoInfo } from '../core/git/provider';
import { CommitGraph } from '../core/git/graph';
import type { KnownAnswers, Line } from './deletionsSince';
import { LineDeletions } from './deletionsBefore';
import { findDeletions, isOneLine, type RunGit } from './gitHistory';
import type { GitRunResult } from './gitRunner';
import { noDeletions, type KeptRenames } from './renames';
import { StoreTrees } from './treeListings';
import { sharedAnswer } from './sharedAnswers';

/** Paths from which the deletions before a commit are found from the walk of every deletion first (walkBefore). */
const WHOLE_WALK_FROM = 16;

/** What the provider has read in a repository's current state. */
export interface ReadSoFar {
  run: RunGit;
  stateKey(repo: RepoInfo): string;
  /** The graph, when it was asked already in this state (null: it is not asked for this). */
  graphIfAsked(repo: RepoInfo, token: CancellationToken): Promise<GitResult<RepoGraph>> | null;
  /** HEAD's commit, when the facts were read in this state. */
  headSha(repo: RepoInfo): string | null | undefined;
  /** A commit's files as `ls-tree` lists them (behind the repository's slow-git breaker). */
  listFilesAt(repo: RepoInfo, sha: string, token: CancellationToken): Promise<GitResult<string[]>>;
}

/**
 * Commits' file listings kept (a commit's tree never changes), by count and by paths in all: a run asks each anchor's
 * twice (its dry run, then the real one) and a series has one anchor per handoff, so a handful thrashed (each listing
 * and its index were built twice); a monorepo's listings are large, so the paths bound them too.
 */
const MAX_TREES = 64;
const MAX_TREE_PATHS = 200_000;

export class AnchorQuestions {
  private readonly storeTrees = new StoreTrees();
  private readonly trees = new Map<string, Promise<GitResult<string[]>>>();
  /** Paths in the listings kept, by commit (the oldest dropped past MAX_TREE_PATHS). */
  private readonly treePaths = new Map<string, number>();
  private readonly lineDeletions: LineDeletions;

  constructor(private readonly read: ReadSoFar, private readonly budgetMs: number) {
    this.lineDeletions = new LineDeletions(read.run, budgetMs);
  }

  /** A commit's files: from the object store when it is read here (treeListings.ts), else one `ls-tree`. */
  filesAt(repo: RepoInfo, sha: string, token: CancellationToken): Promise<GitResult<string[]>> {
    return sharedAnswer(this.trees, sha, () => {
      const read = this.storeTrees.of(repo.commonDir, this.read.stateKey(repo))?.filesAt(sha);
      const listed = read ? Promise.resolve<GitResult<string[]>>({ ok: true, value: read }) : this.read.listFilesAt(repo, sha, token);
      return listed.then((r) => this.keptWithin(sha, r));
    }, MAX_TREES);
  }

  private keptWithin(sha: string, r: GitResult<string[]>): GitResult<string[]> {
    if (!r.ok) return r;
    this.treePaths.delete(sha);
    this.treePaths.set(sha, r.value.length);
    // Listings the answers' own bound (MAX_TREES) dropped are not counted; then the oldest go past the paths' bound.
    for (const old of this.treePaths.keys()) if (old !== sha && !this.trees.has(old)) this.treePaths.delete(old);
    let total = 0;
    for (const n of this.treePaths.values()) total += n;
    for (const [old, n] of this.treePaths) {
      if (total <= MAX_TREE_PATHS || old === sha) break;
      this.treePaths.delete(old);
      this.trees.delete(old);
      total -= n;
    }
    return r;
  }

  /** Where a commit moved a text to a path from, in `repo`, read from the object store (TreeListings.movedFrom). */
  movedFrom(repo: RepoInfo): (commit: string, blob: string, path: string) => string | null | undefined {
    return (commit, blob, path) => this.storeTrees.of(repo.commonDir, this.read.stateKey(repo))?.movedFrom(commit, blob, path);
  }

  /** What a search for deletions since an anchor can have without a process (deletionsSince.ts). */
  since(repo: RepoInfo): KnownAnswers {
    const key = this.read.stateKey(repo);
    const store = this.storeTrees.of(repo.commonDir, key);
    return {
      filesAt: (sha, t) => this.filesAt(repo, sha, t),
      hasAt: store ? (commit, path) => store.has(commit, path) : undefined,
      renames: this.renames(repo),
      lineSince: (since, token) => {
        const head = this.read.headSha(repo);
        const graph = head ? this.read.graphIfAsked(repo, token) : null;
        return graph && head ? lineFromGraph(graph, head, since) : Promise.resolve(null);
      },
    };
  }

  /**
   * Deletions before a commit: from the state's one walk of every deletion in HEAD's history when the history is one
   * line and the commit is in HEAD's (a commit only on another branch has deletions the walk never saw), else git's walk.
   */
  async before(repo: RepoInfo, paths: string[], until: string | undefined, token: CancellationToken): Promise<GitResult<DeletionsResult>> {
    const line = until ? await this.oneLine(repo, token) : null;
    const cut = line && until ? await this.lineDeletions.before(repo, this.read.stateKey(repo), line, until, paths, token) : null;
    return cut ?? this.walkBefore(repo, paths, until, token);
  }

  /**
   * Git's walk of the deletions before `until` (findDeletions; `wholeWalk`, `walk`: see there), for the paths some
   * commit of HEAD's history deleted when the walk of every deletion was started (none: no walk). Git's walk limited
   * to paths matches each commit's changes against every path: its cost grows with their number (1,000 paths over
   * 5,000 commits took 9 s of git's time, 50 paths 0.7 s), where the walk of every deletion costs the same for any
   * (0.2 s there). So for many paths that walk is started first, and git walks for the few it shows deleted, if any.
   */
  async walkBefore(
    repo: RepoInfo, paths: string[], until: string | undefined, token: CancellationToken, wholeWalk = false, walk?: Promise<GitRunResult | null>,
  ): Promise<GitResult<DeletionsResult>> {
    let asked = paths;
    if (!wholeWalk) {
      if (paths.length >= WHOLE_WALK_FROM) {
        const all = await this.lineDeletions.walkEveryDeletion(repo, this.read.stateKey(repo), token);
        // Past the history's time limit (or failed), a walk by as many paths would take longer still: one notice.
        if (!all.ok) return { ok: false, problem: all.problem };
      }
      const deleted = await this.everDeleted(repo, until, paths, token);
      if (deleted?.length === 0) return noDeletions();
      if (deleted) asked = deleted;
    }
    return findDeletions(this.read.run, repo, asked, token, until, this.budgetMs, wholeWalk, walk, this.known(repo, token));
  }

  /** Whether the walk of every deletion, if one was started, shows none of `paths` deleted before `until`. */
  async neverDeleted(repo: RepoInfo, until: string, paths: readonly string[], token: CancellationToken): Promise<boolean> {
    return (await this.everDeleted(repo, until, paths, token))?.length === 0;
  }

  /**
   * Which of `paths` the walk of every deletion, if one was started, shows deleted in HEAD's history, when that walk
   * saw all of `until`'s (HEAD's own when `until` is not given); else null.
   */
  async everDeleted(repo: RepoInfo, until: string | undefined, paths: readonly string[], token: CancellationToken): Promise<string[] | null> {
    let inHead = until === undefined;
    if (until !== undefined) {
      const head = this.read.headSha(repo);
      const graph = head ? await this.read.graphIfAsked(repo, token) : null;
      inHead = !!(head && graph?.ok && CommitGraph.of(graph.value).historyOf(head)?.(until));
    }
    return this.lineDeletions.everDeleted(repo, this.read.stateKey(repo), inHead, paths);
  }

  /** What a walk of the deletions before a commit can take from the run (findDeletions' `known`). */
  known(repo: RepoInfo, token: CancellationToken): { renames: KeptRenames; neverDeletedInHead: (paths: readonly string[]) => Promise<boolean> } {
    const head = this.read.headSha(repo);
    return { renames: this.renames(repo), neverDeletedInHead: (paths) => (head ? this.neverDeleted(repo, head, paths, token) : Promise.resolve(false)) };
  }

  /** The renames of commits asked in this repository state, kept for every question of the run. */
  renames(repo: RepoInfo): KeptRenames {
    return this.lineDeletions.renames(repo, this.read.stateKey(repo));
  }

  /**
   * Ahead of a batch, given every question of what was deleted before or since a commit (`all`) and the ones the
   * batch asks itself (`asked`): with several commits asked about, one walk of every deletion, started now; in a
   * history of one line it answers the rest, whose renames are asked in one process; with merges it rules out the
   * commits whose paths no commit deleted, and the renames of every commit that deleted one are asked in one process.
   */
  async prefetchBefore(
    repo: RepoInfo, all: ReadonlyArray<{ since: string | null; until?: string; paths: Iterable<string> }>, asked: readonly unknown[], token: CancellationToken,
  ): Promise<void> {
    const every = all.filter((m): m is typeof m & { until: string } => !m.since && !!m.until);
    if (every.length > 1) this.lineDeletions.walkEveryDeletion(repo, this.read.stateKey(repo), token);
    const rest = every.filter((m) => !asked.includes(m));
    const line = every.length ? await this.oneLine(repo, token) : null;
    if (line && rest.length) await this.lineDeletions.prefetch(repo, this.read.stateKey(repo), line, rest, token);
    else if (!line) await this.lineDeletions.renamesAhead(repo, this.read.stateKey(repo), every, token);
  }

  /** The graph with HEAD's commit, when it was read and is of a history without merges. */
  private async oneLine(repo: RepoInfo, token: CancellationToken): Promise<{ graph: CommitGraph; head: string } | null> {
    const head = this.read.headSha(repo);
    const graph = head ? await this.read.graphIfAsked(repo, token) : null;
    return head && graph?.ok && isOneLine(graph) ? { graph: CommitGraph.of(graph.value), head } : null;
  }
}

/**
 * The line from `since` to HEAD (CommitGraph.lineSince) from the graph of this repository state (`log --all`, read
 * once, and asked by every handoff with an anchor anyway): no process per anchor. Null when the graph cannot tell
 * (incomplete, or without one of the commits): git is asked.
 */
async function lineFromGraph(graph: Promise<GitResult<RepoGraph>>, head: string, since: string): Promise<Line[] | null> {
  const g = await graph;
  return g.ok ? CommitGraph.of(g.value).lineSince(since, head) : null;
}
