/** The git checks for the CLI. Wired to the Node git provider once it lands; until then the CLI is parse-only. */
import type { WorkspaceFiles } from '../core/interfaces';
import type { GitCheck } from '../core/gitCheck';

export interface CliGit {
  check: GitCheck;
  files: WorkspaceFiles;
  dispose(): void;
}

export function createCliGit(_repo: string | null): CliGit | undefined {
  return undefined;
}
