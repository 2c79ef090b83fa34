/**
 * The one place the adapter builds the git checks: the lead's Node wiring (src/node/cliGit.ts) behind the
 * core's `GitCheck` seam. Created lazily, only when git is allowed (trusted, local workspace, not turned off),
 * so an untrusted window never even constructs a runner. Every git process goes through the counting spawn
 * below; the test API exposes the count to prove "no git process when untrusted".
 */
import { spawn } from 'node:child_process';
import type { GitCheck } from '../../core/gitCheck';
import type { Logger } from '../../core/interfaces';
import { createNodeGitCheck } from '../../node/cliGit';
import type { NodeGitProvider } from '../../node/gitFacts';

export interface AdapterGit {
  check: GitCheck;
  provider: NodeGitProvider;
}

/** Module-wide, so a test counts every process the extension ever started, across rebuilt instances. */
let totalSpawned = 0;
export const gitProcessesStarted = (): number => totalSpawned;

export function makeGitCheck(logger: Logger): AdapterGit {
  const node = createNodeGitCheck({
    logger,
    spawn: (command, args, options) => {
      totalSpawned++;
      return spawn(command, args, options);
    },
  });
  return {
    provider: node.provider,
    check: {
      check(model, documentPath, settings, token) {
        // Settings change without a reload: the provider reads its time limit per run.
        node.provider.timeoutMs = settings.gitTimeoutMs;
        return node.check.check(model, documentPath, settings, token);
      },
    },
  };
}
