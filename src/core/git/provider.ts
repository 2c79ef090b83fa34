/**
 * What the core needs to know from git, as an interface. The one implementation lives in src/node/gitFacts.ts
 * (the core never spawns a process); it answers each question for a whole document in one batch, so the number
 * of git processes per analysis is a small constant, independent of how many SHAs a handoff cites.
 */
import type { CancellationToken } from '../interfaces';

/** Why git could not answer. Each kind maps to one user-facing notice; results fall back to parse-only. */
export type GitProblemKind = 'not-installed' | 'not-a-repository' | 'timeout' | 'corrupt' | 'cancelled' | 'error';

export interface GitProblem {
  kind: GitProblemKind;
  /** One line, fit for a notice: what happened and what the user gets instead. */
  message: string;
}

export type GitResult<T> = { ok: true; value: T } | { ok: false; problem: GitProblem };

export type HeadState =
  | { kind: 'branch'; name: string } // `main`, not `refs/heads/main`
  | { kind: 'detached' }
  | { kind: 'unborn'; name: string }; // a repository with no commit yet

export interface RepoInfo {
  /** The working tree's top level, absolute, `/` separators. */
  root: string;
  /** Absolute git directory (`.git`, or the worktree/submodule git dir). */
  gitDir: string;
  /** Where refs and objects live (differs from gitDir in linked worktrees). */
  commonDir: string;
  shallow: boolean;
  head: HeadState;
}

export interface RefInfo {
  /** Full name: `refs/heads/main`, `refs/tags/v1`, `refs/remotes/origin/main`. */
  refname: string;
  /** The commit it points at (annotated tags peeled). */
  sha: string;
  /** Full name of the upstream (`refs/remotes/origin/main`), local branches only. */
  upstream: string | null;
  /** Commits ahead of / behind the upstream, when there is one and it exists. */
  ahead: number | null;
  behind: number | null;
  /** True when the upstream is configured but its remote-tracking branch is gone. */
  upstreamGone: boolean;
}

/**
 * Where a commit that exists sits: `remote` — contained in some remote-tracking branch; `local` — on a local
 * branch/tag/HEAD only; `dangling` — in the object store but on no branch, tag or HEAD (amended, rebased,
 * squash-merged and deleted); `unchecked` — reachability was not computed (e.g. found in a submodule).
 */
export type Reach = 'remote' | 'local' | 'dangling' | 'unchecked';

export type ShaLookup =
  | { status: 'found'; sha: string; reach: Reach; subject: string | null; /** relative path of the submodule it was found in */ submodule: string | null }
  | { status: 'missing' }
  | { status: 'ambiguous'; candidates: string[] };

export interface RepoFacts {
  refs: RefInfo[];
  /** The commit HEAD points at, or null (unborn). */
  headSha: string | null;
  /** True when at least one remote-tracking branch exists: only then is "unpushed" meaningful. */
  hasRemote: boolean;
  /** Per queried SHA (lower-cased as validated). SHAs that failed validation are absent. */
  shas: Map<string, ShaLookup>;
}

export interface Rename {
  from: string;
  to: string;
}

export interface HistoryCommit {
  sha: string;
  parents: string[];
  subject: string;
  /** The message body (for squash-merge detection: `git merge --squash` lists the squashed SHAs there). */
  body: string;
  /** Renames recorded by this commit (repository-relative paths). */
  renames: Rename[];
}

/** The most recent commits of all refs, newest first, bounded; read once per repository state. */
export interface RepoHistory {
  commits: HistoryCommit[];
  /** False when the limit cut the history short, so "not found in history" means "not among the last N". */
  complete: boolean;
}

export interface CommitDetails {
  sha: string;
  subject: string;
  author: string;
  authorEmail: string;
  /** ISO 8601 author date. */
  date: string;
  filesChanged: number;
  /** Short names: `main`, `feature/x`. */
  localBranches: string[];
  /** Short names: `origin/main`. */
  remoteBranches: string[];
  tags: string[];
}

export interface GitProvider {
  /** Applies settings that can change between analyses (CoreSettings.gitTimeoutMs: per-process time limit). */
  configure?(options: { timeoutMs: number }): void;
  /** The repository containing `folder` (read from its `.git` files, or one `rev-parse`), cached per folder. */
  discover(folder: string, token: CancellationToken): Promise<GitResult<RepoInfo>>;
  /**
   * Refs, and for every SHA: exists / ambiguous / missing and where it is reachable from. Names and types are
   * read from the object store where it is plain; then one `log` for reachability and one `for-each-ref`, in
   * parallel (where the store is not read: one `rev-parse --disambiguate` before them and one `cat-file
   * --batch-check` beside them, at most 4 in all; one `cat-file` per submodule — at most 8 — only when a SHA
   * is missing). Cached per repository state (HEAD, refs, packed-refs, shallow): a re-analysis starts nothing.
   */
  facts(repo: RepoInfo, shas: readonly string[], token: CancellationToken): Promise<GitResult<RepoFacts>>;
  /** Recent history with renames (one `log`), for amended/squashed commits, moved files and ahead counts. */
  history(repo: RepoInfo, token: CancellationToken): Promise<GitResult<RepoHistory>>;
  /** For the editor: one resolved commit's facts (hover, tree view). */
  commitDetails(repo: RepoInfo, sha: string, token: CancellationToken): Promise<GitResult<CommitDetails>>;
  /** For a read-only "commit details" document: header, stat and patch, as `git show` prints them. */
  commitPatch(repo: RepoInfo, sha: string, token: CancellationToken): Promise<GitResult<string>>;
}
