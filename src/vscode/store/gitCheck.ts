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
import { NEVER_CANCELLED, type Logger, type WorkspaceFiles } from '../../core/interfaces';
import { NodeGitProvider } from '../../node/gitFacts';
import { NodeWorkspaceFiles } from '../../node/workspaceFiles';

export interface AdapterGit {
  check: FactSource;
  provider: NodeGitProvider;
}

/** Module-wide, so a test counts every process the extension ever started, across rebuilt instances. */
let totalSpawned = 0;
export const gitProcessesStarted = (): number => totalSpawned;

export function makeGitCheck(logger: Logger): AdapterGit {
  const provider = new NodeGitProvider({
    spawn: (command, args, options) => {
      totalSpawned++;
      return spawn(command, args, options);
    },
  });
  const lister = new NodeWorkspaceFiles({ runner: provider.runner });
  // The file listing is cached and shared by every analysis for a while. The editor cancels analyses all the
  // time (each edit supersedes the last), and a listing cut short by one analysis's cancellation would be
  // cached and make every file "missing" for the next ones: so the listing itself always runs to the end.
  const files: WorkspaceFiles = {
    listFiles: (root) => lister.listFiles(root, NEVER_CANCELLED),
    lineCount: (path, token, upTo) => lister.lineCount(path, token, upTo),
  };
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
