/**
 * Node wiring of the repository facts for the CLI (and any other Node host): one provider and one workspace-files
 * instance per process, sharing a runner (and its process counter), in the shape the language service takes
 * (`FactSource` of src/core/gitCheck.ts). `repo` is the CLI's `--repo DIR`: the repository to check against
 * instead of the one found from each handoff's folder.
 */
import { dirname, resolve } from 'node:path';
import { citedShas, gatherFacts } from '../core/facts/gather';
import { normalizePath, relativeTo } from '../core/git/paths';
import type { RepoInfo } from '../core/git/provider';
import type { HandoffModel } from '../core/model';
import type { FactSource } from '../core/gitCheck';
import { SILENT_LOGGER, type CancellationToken, type Logger, type WorkspaceFiles } from '../core/interfaces';
import { NodeGitProvider, type NodeGitProviderOptions } from './gitFacts';
import { NodeWorkspaceFiles } from './workspaceFiles';
import { recordQuestions } from './recordQuestions';
import { DEFAULT_SETTINGS, type CoreSettings } from '../core/settings';

export interface NodeGitCheckOptions extends NodeGitProviderOptions {
  /** Repository folder overriding discovery from each document's folder (`--repo DIR`). */
  repo?: string | null;
  /** Root for breadcrumbs of documents in no repository (default: the document's folder). */
  root?: string;
  logger?: Logger;
  /** How long a listing of a repository's files stays fresh (default: NodeWorkspaceFiles'); the CLI keeps it for its run. */
  filesTtlMs?: number;
}

export interface NodeGitCheck {
  check: FactSource;
  files: WorkspaceFiles;
  provider: NodeGitProvider;
  /**
   * Asks ahead, per repository, what each of these documents will ask (NodeGitProvider.prefetch): a run over
   * many handoffs then starts as many git processes as a run over one. Then the per-path and per-SHA questions
   * those answers lead to (recordQuestions.ts, NodeGitProvider.prefetchPerPath), under the run's `settings`.
   */
  prefetch(docs: ReadonlyArray<{ path: string; text: string; model: HandoffModel }>, token: CancellationToken, settings?: CoreSettings): Promise<void>;
  /**
   * Before a run over WARM_UP_FROM or more handoffs reads them: the questions no handoff's text decides — each
   * repository's refs, history graph and file listing — go to git at once, so that they are answered while the
   * handoffs are parsed (the caller turns the event loop now and then meanwhile). Not awaited; the answers are cached
   * (and one in flight shared) as when asked later, so the run starts the processes it would have started anyway.
   */
  warmUp(paths: readonly string[], token: CancellationToken): void;
  dispose(): void;
}

/** Handoffs in a run, at least, for its warm-up (NodeGitCheck.warmUp): fewer parse in less time than git takes. */
export const WARM_UP_FROM = 32;

export function createNodeGitCheck(options: NodeGitCheckOptions = {}): NodeGitCheck {
  const provider = new NodeGitProvider(options);
  const files = new NodeWorkspaceFiles({ runner: provider.runner, timeoutMs: options.timeoutMs, ...(options.filesTtlMs !== undefined ? { ttlMs: options.filesTtlMs } : {}) });
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
    async prefetch(docs, token, settings = DEFAULT_SETTINGS) {
      if (!settings.git) return;
      const byRepo = new Map<string, { repo: RepoInfo; docs: Array<{ relPath: string; text: string; shas: string[] }>; read: typeof docs[number][] }>();
      for (const d of docs) {
        const path = resolve(d.path);
        const found = await provider.discover(options.repo ? resolve(options.repo) : dirname(path), token);
        if (!found.ok) continue;
        const relPath = relativeTo(found.value.root, normalizePath(path));
        if (!relPath) continue;
        let group = byRepo.get(found.value.root);
        if (!group) byRepo.set(found.value.root, (group = { repo: found.value, docs: [], read: [] }));
        group.docs.push({ relPath, text: d.text, shas: citedShas(d.model) });
        group.read.push({ ...d, path });
      }
      const where = { ...(options.repo ? { repoFolder: resolve(options.repo) } : {}), ...(options.root ? { root: resolve(options.root) } : {}) };
      for (const { repo, docs: inRepo, read } of byRepo.values()) {
        await provider.prefetch(repo, inRepo, token);
        // One document alone gains nothing from asking ahead: it asks exactly as without this.
        if (read.length < 2) continue;
        const ahead = provider.askAhead(repo, token);
        try {
          await provider.prefetchPerPath(repo, await recordQuestions(provider, files, read, settings, where, token, ahead), token, ahead);
        } finally {
          ahead.close();
        }
      }
    },
    warmUp(paths, token) {
      // A few handoffs are parsed before git could answer anyway; they ask exactly as without this (and may need
      // neither answer: a batch none of whose handoffs is committed asks no graph).
      if (paths.length < WARM_UP_FROM) return;
      const folders = new Set(paths.map((p) => (options.repo ? resolve(options.repo) : dirname(resolve(p)))));
      void (async () => {
        const repos = new Map<string, RepoInfo>();
        for (const folder of folders) {
          const found = await provider.discover(folder, token);
          if (found.ok) repos.set(found.value.root, found.value);
        }
        for (const repo of repos.values()) {
          // The refs first (asked with no SHA, the facts question is that one for-each-ref): the graph takes its
          // pull-request heads from them, and the batch's facts its branches, instead of asking again.
          void provider.facts(repo, [], token);
          void provider.graph(repo, token);
          void files.listFiles(normalizePath(repo.root), token).catch(() => undefined);
        }
      })().catch(() => undefined); // asked again, and any failure noted, when a handoff needs the answer
    },
    // Nothing long-lived: processes end with each batch. Kept so hosts can treat every resource alike.
    dispose() {},
  };
}
