/**
 * The seams inside the VS Code adapter. The store owns analysis (scheduling, debouncing, git-change triggers)
 * and is the only place that talks to the language service; views and providers read from it and redraw on
 * its change event. Nothing here parses Markdown or runs git.
 */
import type * as vscode from 'vscode';
import type { Analysis } from '../core/service';
import type { CommitDetails } from '../core/git';
import type { CommitMention, FileBreadcrumb, Range } from '../core/model';

export interface AnalysedHandoff {
  uri: vscode.Uri;
  /** The document version analysed (VS Code's `TextDocument.version`), or -1 for a file read from disk. */
  version: number;
  analysis: Analysis;
  /** Ranges of the items a quick fix applies to, steps aside (computed with the analysis, from its text). */
  fixable?: readonly Range[];
}

export interface HandoffStore extends vscode.Disposable {
  /** Fires with the handoffs whose analysis changed (or were added/removed). */
  readonly onDidChange: vscode.Event<readonly vscode.Uri[]>;
  /** False in untrusted or virtual workspaces: parse-only, no git process. */
  readonly gitAllowed: boolean;
  /** Why git is not used, for the tree's message and the log (null when it is). */
  readonly gitDisabledReason: string | null;
  isHandoff(uri: vscode.Uri): boolean;
  /** The latest analysis landed for this handoff. */
  get(uri: vscode.Uri): AnalysedHandoff | undefined;
  /** The analysis of exactly this document version, computing it if needed; undefined when not a handoff or cancelled. */
  ensure(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<AnalysedHandoff | undefined>;
  /** Every known handoff, newest first (date from name, front matter or "Last updated"). */
  all(): readonly AnalysedHandoff[];
  /** Where a breadcrumb points: one file, several for an ambiguous bare name, none when missing. */
  fileTargets(handoff: AnalysedHandoff, crumb: FileBreadcrumb): readonly vscode.Uri[];
  /** The git state of a commit mention (`ok`, `unpushed`, `unknown`, `ambiguous`, …), undefined without git. */
  commitState(handoff: AnalysedHandoff, commit: CommitMention): unknown;
  /** Subject, author, date, files changed, branches: for hovers, lenses and the tree. */
  commitDetails(handoff: vscode.Uri, sha: string, token: vscode.CancellationToken): Promise<CommitDetails | undefined>;
  /** Header, stat and patch of a commit, for the read-only commit document. */
  commitPatch(handoff: vscode.Uri, sha: string, token: vscode.CancellationToken): Promise<string | undefined>;
  /**
   * Files (repository-relative) as a commit has them, for hovers and the "Changed since" diffs: null for a path
   * not there (or binary, or too large); undefined without git or a repository.
   */
  textsAt(handoff: vscode.Uri, sha: string, paths: readonly string[], token: vscode.CancellationToken): Promise<ReadonlyMap<string, string | null> | undefined>;
}
