/**
 * The one place the adapter builds the git checks: the Node git provider and workspace file lister behind the
 * core's `GitCheck` seam. Created lazily, only when git is allowed (trusted, local workspace), so an untrusted
 * window never even constructs a runner. The runner counts the processes it starts; the test API exposes the
 * count to prove "no git process when untrusted".
 */
import { spawn } from 'node:child_process';
import { checkAgainstGit } from '../../core/git';
import type { GitCheck } from '../../core/gitCheck';
import type { Logger } from '../../core/interfaces';
import { NodeGitProvider } from '../../node/gitFacts';
import { GitRunner } from '../../node/gitRunner';
import { NodeWorkspaceFiles } from '../../node/workspaceFiles';

export interface AdapterGit {
  check: GitCheck;
  provider: NodeGitProvider;
  /** Git processes started so far by this instance. */
  spawned(): number;
}

/** Shared across instances so a test can count every process the extension ever started. */
let totalSpawned = 0;
export const gitProcessesStarted = (): number => totalSpawned;

export function makeGitCheck(logger: Logger): AdapterGit {
  const runner = new GitRunner({
    spawn: (command, args, options) => {
      totalSpawned++;
      return spawn(command, args, options);
    },
  });
  const provider = new NodeGitProvider({ runner });
  const files = new NodeWorkspaceFiles({ runner });
  return {
    provider,
    spawned: () => runner.spawned,
    check: {
      check(model, documentPath, settings, token) {
        provider.timeoutMs = settings.gitTimeoutMs;
        return checkAgainstGit(model, { documentPath, git: provider, files, settings, logger, token });
      },
    },
  };
}
