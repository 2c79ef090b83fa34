/**
 * The web build's stand-in for src/vscode/store/gitCheck.ts (esbuild maps it here, see esbuild.mjs): a web-worker
 * extension host (vscode.dev, github.dev) can start no process, so it never builds git checks. `trust.ts`'s web
 * stand-in keeps git off, so `makeGitCheck` is never reached; if it were, it says why instead of failing later.
 */
import type { FactSource } from '../core/gitCheck';
import type { GitProvider } from '../core/git';
import type { Logger } from '../core/interfaces';

export interface AdapterGit {
  check: FactSource;
  provider: GitProvider;
}

export const gitProcessesStarted = (): number => 0;

export function makeGitCheck(_logger: Logger, _epoch: () => number): AdapterGit {
  throw new Error('git cannot run in the web extension host');
}
