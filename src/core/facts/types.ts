/**
 * What the repository says about one handoff: plain data gathered through the GitProvider and WorkspaceFiles
 * interfaces (facts/gather.ts), read by the rules (rules/index.ts), the tree, lenses and hovers. Lists are
 * aligned with the model's (`refs[i]` is about `model.refs[i]`, `files[i]` about `model.files[i]`).
 *
 * A handoff is a snapshot of a moment, its anchor: the facts say what held then and what happened since, so the
 * rules can tell a stale claim (false then, or contradicted since) from a moving repository (freshness).
 */
import type { PathDeletion, RepoInfo } from '../git/provider';

/** The commit a handoff describes: where its claims are judged from. */
export interface AnchorFact {
  sha: string;
  /** Committer time, seconds since the epoch. */
  time: number;
  subject: string;
  /**
   * `front-matter`: the document names it (`git_commit:`); `blob`: the commit that wrote exactly this text;
   * `last-change`: the text was edited since, so the last commit that changed the file.
   */
  how: 'front-matter' | 'blob' | 'last-change';
  /** A newer committed version of this file, when the text is an older one (it is superseded). */
  newer: { sha: string; time: number } | null;
  /** The commits that moved the text unchanged to where it is now after writing it (archived), newest first: each
   * with the repository-relative path it moved the text from and to. */
  moves?: Array<{ sha: string; from: string; to: string }>;
}

/** Why a commit that is on no branch vanished, when git can tell. */
export type Vanished =
  | { kind: 'squashed'; into: string; pr: number | null; bySubject: boolean }
  /** `written`: found by the subject the text writes beside a SHA git has no object for (extract/commitSubject.ts). */
  | { kind: 'amended'; by: string; written?: true }
  | { kind: 'pull-request'; pr: number };

/** How a cited SHA resolved, per SHA as written (lower-cased). */
export type CommitState =
  | { status: 'ok'; sha: string; /** set when it resolved in a submodule */ submodule: string | null }
  | { status: 'unpushed'; sha: string }
  /** `sha` is set when the object still exists but is on no branch (amended, rebased, squashed). */
  /**
   * `fileId`: not here, and the id a tracked file's name starts with (a migration's revision,
   * `migrations/versions/d41f83a2c906_add_jobs.py`; facts/fileIds.ts): most likely that, not a commit.
   */
  | { status: 'unknown'; sha: string | null; reason: string; vanished?: Vanished; fileId?: string }
  /**
   * `commits`: the candidates that are commits, with their subjects when known (the others are trees, blobs or
   * tags); absent when git was not asked. One commit among other objects: the abbreviation is merely too short.
   */
  | { status: 'ambiguous'; sha: null; candidates: string[]; commits?: AmbiguousCommit[] }
  | { status: 'shallow-unknown'; sha: null }
  /** Not here, and the text names another repository it belongs to (facts/elsewhere.ts): not checked. */
  | { status: 'elsewhere'; sha: null; repository: string };

/** A commit among an ambiguous abbreviation's candidates. */
export interface AmbiguousCommit {
  sha: string;
  subject: string | null;
}

/** What the repository says of a ref claim (a branch, tag or HEAD at a SHA, or pushed / local-only). */
export type RefFact =
  /** Not judged: invalid name, history part, an unknown commit (reported on its own), no remote… */
  | { kind: 'unchecked' }
  | { kind: 'holds' }
  /** Moved on: the claimed commit is in the ref's history. Freshness, not a problem. */
  | { kind: 'moved'; ref: string; now: string; since: number | null }
  /** The ref is gone, and its claimed commit lives on in another branch (merged, then deleted). Freshness. */
  | { kind: 'merged'; into: string }
  /** The ref is gone, and its claimed commit with it: not in this repository, or on no branch. */
  | { kind: 'gone'; claimed: string; commit: 'missing' | 'dangling' }
  /** The claimed commit exists but is not in the ref's history: rewritten, force-pushed, or false when written. */
  /** `atAnchor`: the ref's tip at the handoff's anchor, as today's first-parent history tells (absent: not known). */
  | { kind: 'rewritten'; ref: string; now: string; atAnchor?: string | null }
  /** Claimed local-only; a remote-tracking branch has it now. */
  | { kind: 'pushed-since'; where: string }
  /** Claimed pushed; commits the branch had at the anchor are on no remote-tracking branch. */
  | { kind: 'not-pushed'; where: string | null; count: number | null; tip: string; /** counted up to the anchor (else: now) */ sinceAnchor: boolean };

/**
 * Where the lines a breadcrumb cites are now, when its file changed since the handoff's anchor (facts/drift.ts):
 * `src/app.ts:113` written at the anchor is line 131 today. Absent when the lines did not move.
 */
export interface LineDrift {
  /** The commit the cited lines are read at: the handoff's anchor (full SHA). */
  since: string;
  /** Repository-relative path at that commit (the old name of a file renamed since). */
  path: string;
  /** The cited line and last line (1-based), as written. */
  from: { line: number; endLine: number | null };
  /**
   * Where they are now (1-based): the same lines, moved; for changed lines the nearest line of what replaced
   * them; for deleted lines the line that now stands where they were (it may be one past the end).
   */
  to: { line: number; endLine: number | null };
  /** `moved`: unchanged, at other numbers; `changed`: edited (or part of a range deleted); `deleted`: all removed. */
  status: 'moved' | 'changed' | 'deleted';
}

/** A file the handoff cites that changed between its anchor and the work tree (the "Changed since" list). */
export interface CitedChange {
  /** Repository-relative path at the anchor (for an added file: its path now). */
  path: string;
  /** Repository-relative path now; null when deleted. */
  now: string | null;
  kind: 'modified' | 'renamed' | 'deleted' | 'added';
  /** Lines added and removed (0 and 0 for a binary file or a pure rename). */
  added: number;
  removed: number;
  /** Indexes into `model.files` of the breadcrumbs citing it. */
  crumbs: number[];
}

/** What the repository says of a file breadcrumb. */
export type FileFact =
  /** External, a glob, empty, or no workspace facts: not looked up. */
  | { kind: 'unchecked' }
  /**
   * Exists now: one path, or several for an ambiguous bare name (absolute paths). `lines` of the one path, when a
   * line of it is cited: its count, or — `linesAtLeast` — a lower bound, reading having stopped past the largest line
   * cited. `outside`: the path leads out of the workspace through a symbolic link, and was not read.
   */
  | { kind: 'found'; paths: string[]; lines: number | null; linesAtLeast?: true; outside?: true; drift?: LineDrift }
  | { kind: 'dir' }
  /** Not there, and `.gitignore` says it never would be tracked (runtime state, build output, `.env`). */
  | { kind: 'ignored' }
  /** Inside a submodule whose work tree is not checked out: cannot be looked up. */
  | { kind: 'submodule'; submodule: string }
  /**
   * Was in the repository and is gone now. `when`: deleted after the anchor (the handoff is stale), before it
   * (already gone when written: an outdated path), by the anchor commit itself (the handoff tells of it), or only
   * in the work tree (not committed). `paths`: repository-relative paths
   * it had (several for a bare name); `deletion`: the commit that deleted or renamed the first; `movedTo`: the
   * rename's target when it exists now (absolute).
   */
  | {
    kind: 'gone'; when: 'after-anchor' | 'before-anchor' | 'with-anchor' | 'work-tree'; paths: string[]; deletion: PathDeletion | null; movedTo: string | null;
    /** lines in the file where it moved */ drift?: LineDrift;
    /** Deleted since, and `.gitignore` keeps it out of git now: untracked on purpose, a file each working tree keeps. */
    ignoredNow?: true;
    /** Renamed by a commit that moved the handoff itself unchanged (both archived together): it went with it. */
    movedWithHandoff?: true;
    /**
     * The handoff is a plan that has been carried out (GSD's `02-03-PLAN.md` beside its `02-03-SUMMARY.md`), and the
     * file went before its summary was last written: as the plan was carried out, most likely by the plan itself.
     */
    duringPlan?: { summary: string };
  }
  /** Not in the repository when written (not in the anchor's tree; for a handoff never committed, not in HEAD's history). */
  | { kind: 'absent' };

/** How far the repository moved since the handoff's anchor (shown in the tree and lenses, never in Problems). */
export interface Freshness {
  /** Commits on the checked-out branch (HEAD) since the anchor; null when the anchor is not in its history. */
  sinceAnchor: number | null;
  /** Whole days from the anchor's commit to HEAD's (commit times: the same repository state gives the same answer). */
  days: number | null;
  /** The checked-out branch, or null (detached, unborn). */
  branch: string | null;
}

/** The newest handoff committed beside this one after it (facts/newerSibling.ts). */
export interface NewerSibling {
  /** Its absolute path. */
  path: string;
  /** The commit that last changed it. */
  sha: string;
  /** Commits from this handoff's anchor to that commit, and whole days between them. */
  commits: number;
  days: number;
}

export interface HandoffFacts {
  repo: RepoInfo | null;
  /** null: the document was never committed (it describes now), or git could not tell. */
  anchor: AnchorFact | null;
  /** True when a remote-tracking branch exists: only then is "unpushed" meaningful. */
  hasRemote: boolean;
  commits: Map<string, CommitState>;
  refs: RefFact[];
  files: FileFact[];
  freshness: Freshness | null;
  /** The newest handoff committed beside this one after its anchor, when there is one (null: none, or not asked). */
  newerSibling: NewerSibling | null;
  /** The cited files that changed since the anchor (edits in the work tree count); null when not asked (no anchor). */
  changedSince: CitedChange[] | null;
  /** Unreadable objects limited rename detection to unchanged files. */
  exactRenamesOnly: boolean;
  /** One line per degraded check: what was not checked and why. */
  notices: string[];
}

/** Facts that say nothing: parse-only (no git, untrusted workspace, or git failed before anything was known). */
export function emptyFacts(model: { refs: readonly unknown[]; files: readonly unknown[] }, notices: string[] = []): HandoffFacts {
  return {
    repo: null, anchor: null, hasRemote: false, commits: new Map(), refs: model.refs.map(() => ({ kind: 'unchecked' })),
    files: model.files.map(() => ({ kind: 'unchecked' })), freshness: null, newerSibling: null, changedSince: null, exactRenamesOnly: false, notices,
  };
}
