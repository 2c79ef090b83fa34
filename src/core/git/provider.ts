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

/**
 * An answer, or why there is none. An answer may carry notices: what it could not look at and why (a `.gitmodules`
 * that is a FIFO, say), each one line for the user; the rest of the answer stands.
 */
export type GitResult<T> = { ok: true; value: T; notices?: string[] } | { ok: false; problem: GitProblem };

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
 * branch or HEAD (not on a remote: not pushed); `tag` — on no branch, only under a tag (a release or milestone tag
 * kept after its branch was rewritten or deleted: tags come with a clone, so it is published, not lost); `dangling`
 * — in the object store but on no branch, tag or HEAD (amended, rebased, squash-merged and deleted); `unchecked` —
 * reachability was not computed (e.g. found in a submodule).
 */
export type Reach = 'remote' | 'local' | 'tag' | 'dangling' | 'unchecked';

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

/** A commit of the repository graph: what ancestry, movement and "same subject" answers need. */
export interface GraphCommit {
  sha: string;
  parents: string[];
  /** Committer time, seconds since the epoch. */
  time: number;
  subject: string;
}

/**
 * Every commit reachable from any ref or HEAD (branches, tags, remote-tracking and pull-request refs), read once
 * per repository state: ancestry and movement are answered exactly at any depth, never within a window.
 */
export interface RepoGraph {
  commits: GraphCommit[];
  /** Pull-request heads (`refs/pull/N/head`) when the clone has them: "only on pull request #N". */
  pullRefs: Array<{ number: number; sha: string }>;
  /** False when the size bound cut the graph short: a commit absent from it is then "not known", not "not there". */
  complete: boolean;
}

/** The commit that wrote this version of a document: the moment it describes. */
export interface DocumentAnchor {
  sha: string;
  time: number;
  subject: string;
  /**
   * `blob`: the text is exactly what this commit wrote; `last-change`: the text differs from every committed
   * version read (edited since), so the last commit that changed the file.
   */
  how: 'blob' | 'last-change';
  /** A newer committed version of the file, when this text is an older one: the text is superseded by it. */
  newer: { sha: string; time: number } | null;
  /** The commits that moved the text unchanged to where it is now after writing it (archived), newest first: each
   * with the repository-relative path it moved the text from and to. */
  moves?: Array<{ sha: string; from: string; to: string }>;
}

/** The newest commit in HEAD's history that deleted a path, and where it went when that was a rename. */
export interface PathDeletion {
  path: string;
  sha: string;
  time: number;
  subject: string;
  /** The rename's target in the same commit, or null for a plain deletion. */
  renamedTo: string | null;
  /** Set by the file facts for a rename to a backup's name (`council.py.bak`: facts/setAside.ts), then a deletion. */
  setAsideAs?: string;
}

export interface DeletionsResult {
  deletions: PathDeletion[];
  /** With `since`: the paths asked that existed at that commit (the others cannot have been deleted since). */
  existedAtSince: string[];
  /** True when unreadable objects limited rename detection to unchanged files (a notice says so). */
  exactRenamesOnly: boolean;
}

/** A commit whose message mentions what is looked for (squash merges list the commits they squashed). */
export interface MentioningCommit {
  sha: string;
  subject: string;
  body: string;
}

/**
 * One change of a file as a diff prints it with no context: lines [oldStart, oldStart + oldCount) of the old
 * version became [newStart, newStart + newCount) of the new one (1-based). A count of 0 is a pure insertion or
 * deletion, placed after line `oldStart` (or `newStart`), as git writes it.
 */
export interface Hunk {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
}

/** How one path changed between a commit and the work tree. */
export interface PathChange {
  /** Repository-relative path at the commit (null: the file was not there then). */
  from: string | null;
  /** Repository-relative path in the work tree now (null: deleted). */
  to: string | null;
  status: 'modified' | 'renamed' | 'deleted' | 'added';
  /** Exact changed runs, in order (context lines never inside one). Empty for a binary file or a pure rename. */
  hunks: Hunk[];
  /** A binary file: no lines to map. */
  binary: boolean;
  /** Lines added and removed. */
  added: number;
  removed: number;
}

/** A commit since a handoff's anchor that changed some of the paths asked: which of them (repository-relative, sorted). */
export interface TouchingCommit {
  sha: string;
  /** Committer time, seconds since the epoch. */
  time: number;
  subject: string;
  paths: string[];
}

export interface TouchingResult {
  /** Newest first (committer time, then SHA), bounded. */
  commits: TouchingCommit[];
  /** False when a bound (commits, paths asked, bytes) cut the answer short: there may be more. */
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

/** One path `git status` or a diff reports: what happened to it, and where a rename or copy came from. */
export interface StatusEntry {
  /**
   * Status: porcelain v2 `XY` (index, then work tree; `.` unchanged: `.M`, `A.`, `MM`, `R.`, `UU`) or `??` for
   * an untracked path. Diff: one letter of `--name-status` (`A`, `M`, `D`, `R`, `C`, `T`).
   */
  code: string;
  /** Repository-relative, `/` separators. */
  path: string;
  /** The source of a rename or copy. */
  from: string | null;
}

/** The repository as a new handoff describes it: branch, HEAD, upstream, what is not pushed or not committed. */
export interface WorkingState {
  /** Full SHA of HEAD, or null on an unborn branch. */
  headSha: string | null;
  /** HEAD's subject when the unpushed list has it (or the repository has no remote), else null. */
  headSubject: string | null;
  /** The checked-out branch, or null (detached). */
  branch: string | null;
  /** The branch's upstream (`origin/main`), or null. */
  upstream: string | null;
  ahead: number | null;
  behind: number | null;
  /** Uncommitted changes (staged, unstaged, untracked), the first of them (bounded); `changesTotal` counts all. */
  changes: StatusEntry[];
  changesTotal: number;
  /** Commits HEAD has that no remote-tracking branch contains, newest first; null without any remote-tracking branch. */
  unpushed: Array<{ sha: string; subject: string }> | null;
  /** True when there were more unpushed commits than listed. */
  unpushedMore: boolean;
  /** Files changed from `since` to HEAD; null when `since` was not given. */
  changedSince: StatusEntry[] | null;
  changedSinceTotal: number;
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
  /** The whole commit graph with subjects (one `log`), cached per repository state. */
  graph(repo: RepoInfo, token: CancellationToken): Promise<GitResult<RepoGraph>>;
  /**
   * The commit that wrote this text of the document at `relPath` (repository-relative): the version in HEAD's
   * history whose blob is exactly `text`, else the last commit that changed the file; null when no commit has it.
   */
  anchor(repo: RepoInfo, relPath: string, text: string, token: CancellationToken): Promise<GitResult<DocumentAnchor | null>>;
  /**
   * The last commit in HEAD's history that changed the file at `relPath` (repository-relative), null when none did:
   * in a run over many documents answered from the run's one `log` (prefetch), else one `log`, cached per state.
   */
  lastChange(repo: RepoInfo, relPath: string, token: CancellationToken): Promise<GitResult<{ sha: string; time: number } | null>>;
  /**
   * The last commit that changed each of these files, for those some commit in HEAD's history changed: the run's
   * answers when it has them all, else one `log` for all of them, cached per state. Callers pass the same array for
   * the same question (a folder's handoffs): it is the cache's key.
   */
  lastChanges(repo: RepoInfo, relPaths: readonly string[], token: CancellationToken): Promise<GitResult<ReadonlyMap<string, { sha: string; time: number }>>>;
  /** Every file path (repository-relative) in a commit's tree, cached per commit. */
  filesAt(repo: RepoInfo, sha: string, token: CancellationToken): Promise<GitResult<string[]>>;
  /**
   * For exact repository-relative paths: the commit that deleted each one, with where it went when that was a
   * rename (followed through later renames). `since` given: the paths that existed at that commit are searched for
   * along the first-parent line from it to HEAD (bisected, in one process); null: the whole history of `until`
   * (default HEAD; a handoff's anchor: what was gone before it), time-bounded (a
   * pathspec-limited `log`). Then rename detection in just the commits found. Paths never deleted are absent.
   */
  deletions(repo: RepoInfo, paths: readonly string[], since: string | null, token: CancellationToken, until?: string): Promise<GitResult<DeletionsResult>>;
  /**
   * Which of these repository-relative paths `.gitignore` (or info/exclude) ignores: one `check-ignore`, by the
   * patterns alone (a tracked file a pattern matches counts too: asked only for paths not in the work tree).
   */
  ignored(repo: RepoInfo, paths: readonly string[], token: CancellationToken): Promise<GitResult<Set<string>>>;
  /** Commits on any ref whose message contains one of these strings (fixed, case-sensitive; bounded). */
  mentioning(repo: RepoInfo, needles: readonly string[], token: CancellationToken): Promise<GitResult<MentioningCommit[]>>;
  /**
   * How these repository-relative paths changed from commit `since` to the work tree (uncommitted edits count):
   * only the paths that changed are listed, renames paired among the paths asked (give both names of a rename).
   * One `git diff -U0 -M` for all of them, bounded in bytes and time, and none at all when the object store shows
   * every path's blob at `since` equal to the file in the work tree. Cached per repository state and the files'
   * metadata, so an unchanged work tree asks nothing again.
   */
  changesSince(repo: RepoInfo, since: string, paths: readonly string[], token: CancellationToken): Promise<GitResult<PathChange[]>>;
  /**
   * The text of each repository-relative path at commit `sha` (null: not there, binary or too large), read from
   * the object store, else one `cat-file --batch` for all of them; bounded, cached per commit and path.
   */
  textsAt(repo: RepoInfo, sha: string, paths: readonly string[], token: CancellationToken): Promise<GitResult<Map<string, string | null>>>;
  /**
   * The commits on HEAD since `since` (a full SHA: `since..HEAD`) that changed any of these repository-relative
   * paths, each with the paths among them it changed (renames list both names). One pathspec-limited `log`,
   * bounded in commits, paths and bytes, cached per repository state.
   */
  touching(repo: RepoInfo, since: string, paths: readonly string[], token: CancellationToken): Promise<GitResult<TouchingResult>>;
  /** For the editor: one resolved commit's facts (hover, tree view). */
  commitDetails(repo: RepoInfo, sha: string, token: CancellationToken): Promise<GitResult<CommitDetails>>;
  /** For a read-only "commit details" document: header, stat and patch, as `git show` prints them. */
  commitPatch(repo: RepoInfo, sha: string, token: CancellationToken): Promise<GitResult<string>>;
  /**
   * For a new handoff: branch, HEAD, upstream and ahead/behind, uncommitted changes (one `status`), the commits
   * not on any remote (one `log`), and with `since` (a full SHA: the previous handoff's anchor) the files changed
   * from it to HEAD (one `diff`), all three in parallel. Never cached: it describes this moment.
   */
  workingState(repo: RepoInfo, since: string | null, token: CancellationToken): Promise<GitResult<WorkingState>>;
}
