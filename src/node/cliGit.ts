/**
 * Node wiring of the repository facts for the CLI (and any other Node host): one provider and one workspace-files
 * instance per process, sharing a runner (and its process counter), in the shape the language service takes
 * (`FactSource` of src/core/gitCheck.ts). `repo` is the CLI's `--repo DIR`: the repository to check against
 * instead of the one found from each handoff's folder.
 */
import { resolve } from 'node:path';
import { gatherFacts } from '../core/facts/gather';
import type { FactSource } from '../core/gitCheck';
import { SILENT_LOGGER, type Logger, type WorkspaceFiles } from '../core/interfaces';
import { NodeGitProvider, type NodeGitProviderOptions } from './gitFacts';
import { NodeWorkspaceFiles } from './workspaceFiles';

export interface NodeGitCheckOptions extends NodeGitProviderOptions {
  /** Repository folder overriding discovery from each document's folder (`--repo DIR`). */
  repo?: string | null;
  /** Root for breadcrumbs of documents in no repository (default: the document's folder). */
  root?: string;
  logger?: Logger;
}

export interface NodeGitCheck {
  check: FactSource;
  files: WorkspaceFiles;
  provider: NodeGitProvider;
  dispose(): void;
}

export function createNodeGitCheck(options: NodeGitCheckOptions = {}): NodeGitCheck {
  const provider = new NodeGitProvider(options);
  const files = new NodeWorkspaceFiles({ runner: provider.runner, timeoutMs: options.timeoutMs });
  const logger = options.logger ?? SILENT_LOGGER;
  return {
    provider,
    files,
    check: {
      // Paths as given on a command line are relative to the working directory, which only this side knows:
      // the core resolves document-relative breadcrumbs against absolute paths.
      gather: (model, doc, settings, token) => gatherFacts(model, {
        documentPath: resolve(doc.path), text: doc.text, git: provider, files, settings, logger, token,
        ...(options.repo ? { repoFolder: resolve(options.repo) } : {}),
        ...(options.root ? { root: resolve(options.root) } : {}),
      }),
    },
    // Nothing long-lived: processes end with each batch. Kept so hosts can treat every resource alike.
    dispose() {},
  };
}
