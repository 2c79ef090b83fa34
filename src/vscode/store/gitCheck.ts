/**
 * The one place the adapter builds the git checks: the Node git provider and workspace file lister behind the
 * core's `GitCheck` seam (as src/node/cliGit.ts wires them for the CLI). Created lazily, only when git is
 * allowed (trusted, local workspace, not turned off), so an untrusted window never even constructs a runner.
 * Every git process goes through the counting spawn below; the test API exposes the count to prove "no git
 * process when untrusted".
 */
import { spawn } from 'node:child_process';
import { gatherFacts } from '../../core/facts/gather';
import type { FactSource } from '../../core/gitCheck';
import type { Logger, WorkspaceFiles } from '../../core/interfaces';
import { NodeGitProvider } from '../../node/gitFacts';
import { NodeWorkspaceFiles } from '../../node/workspaceFiles';
import { EpochListing } from './fileListing';

export interface AdapterGit {
  check: FactSource;
  provider: NodeGitProvider;
}

/** Module-wide, so a test counts every process the extension ever started, across rebuilt instances. */
let totalSpawned = 0;
export const gitProcessesStarted = (): number => totalSpawned;

/** `epoch`: the store's count of the changes reported (refreshScheduler.ts); a file listing lasts one epoch. */
export function makeGitCheck(logger: Logger, epoch: () => number): AdapterGit {
  const provider = new NodeGitProvider({
    spawn: (command, args, options) => {
      totalSpawned++;
      return spawn(command, args, options);
    },
  });
  // The listing is shared by the analyses of one epoch (fileListing.ts), never kept past a change the store has
  // heard of; the Node lister keeps none of its own (`ttlMs: 0`), or it would hand an old one back.
  const files: WorkspaceFiles = new EpochListing(new NodeWorkspaceFiles({ runner: provider.runner, ttlMs: 0 }), epoch);
  return {
    provider,
    check: {
      gather(model, doc, settings, token) {
        // Settings change without a reload: the provider reads its time limit per run.
        provider.timeoutMs = settings.gitTimeoutMs;
        return gatherFacts(model, { documentPath: doc.path, text: doc.text, git: provider, files, settings, logger, token });
      },
    },
  };
}
