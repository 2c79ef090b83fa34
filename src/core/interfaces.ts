/**
 * What the core needs from the outside world, as interfaces. The core never does I/O itself: the CLI and
 * the VS Code adapter pass Node implementations; tests pass in-memory ones.
 */

/** Structurally compatible with `vscode.CancellationToken`. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export const NEVER_CANCELLED: CancellationToken = Object.freeze({ isCancellationRequested: false });

/** Structurally compatible with `vscode.LogOutputChannel` (its methods take a message string). */
export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const SILENT_LOGGER: Logger = Object.freeze({
  trace() {}, debug() {}, info() {}, warn() {}, error() {},
});

/** The files of a workspace, for resolving breadcrumbs. Paths are absolute, with `/` separators. */
export interface WorkspaceFiles {
  /** Every file under `root` (not ignored), absolute paths. Implementations cache; the core calls it once per analysis. */
  listFiles(root: string, token: CancellationToken): Promise<readonly string[]>;
  /**
   * Number of lines of a file, or null when it cannot be read (not a regular file, too large, gone). With `upTo`,
   * reading may stop once the file is known to have more than `upTo` lines: the answer is then `upTo + 1`, "more
   * than upTo". `outside`: the path leads out of the workspace folder through a symbolic link, and nothing was read.
   */
  lineCount(path: string, token: CancellationToken, upTo?: number): Promise<number | null | 'outside'>;
}
