/**
 * Which per-path and per-SHA questions the handoffs of a batch will ask git (ignored paths, deletions since and
 * before their commits, commits mentioning an unknown SHA), found by a dry run of each handoff's fact gathering:
 * the questions already answered for the whole batch (SHA facts, last versions, the graph, trees) go to the real
 * provider, from its caches; the three recorded ones are answered "not asked" at once, and nothing reads a cited
 * file. An unanswered question only widens the ones after it (every path not seen at the anchor is then asked
 * about being ignored, and its earlier history): what is recorded is a superset of what the real run asks, which
 * is what asking ahead needs (BatchAnswers cuts each union down to the real question).
 */
import { gatherFacts } from '../core/facts/gather';
import type { GitProblem, GitProvider, GitResult } from '../core/git/provider';
import type { HandoffModel } from '../core/model';
import type { CoreSettings } from '../core/settings';
import { SILENT_LOGGER, type CancellationToken, type WorkspaceFiles } from '../core/interfaces';
import type { AskAhead } from './askAhead';

export interface RecordedQuestions {
  /** Paths asked whether ignored. */
  ignored: Set<string>;
  /** Paths asked for deletions, by `BatchAnswers.deletionsKey(since, until)`, with how many documents asked. */
  deletions: Map<string, { since: string | null; until: string | undefined; paths: Set<string>; documents: number }>;
  /** Each document's needles for its unknown commits. */
  mentioning: string[][];
  /** Cited files whose changes since a commit are asked (the files found now; the gone ones come from deletions). */
  changes: Map<string, Set<string>>;
}

const NOT_ASKED: GitProblem = { kind: 'error', message: 'asked ahead for the batch' };
const notAsked = <T>(): Promise<GitResult<T>> => Promise.resolve({ ok: false, problem: NOT_ASKED });

/** Documents between two turns of the event loop while git is asked ahead: its input and output keep flowing. */
const YIELD_EVERY = 16;

/** `ahead`: git asked while the run goes (askAhead.ts), given each question as it is recorded. */
export async function recordQuestions(
  real: GitProvider, files: WorkspaceFiles, docs: ReadonlyArray<{ path: string; text: string; model: HandoffModel }>,
  settings: CoreSettings, where: { repoFolder?: string; root?: string }, token: CancellationToken, ahead?: AskAhead,
): Promise<RecordedQuestions> {
  const recorded: RecordedQuestions = { ignored: new Set(), deletions: new Map(), mentioning: [], changes: new Map() };
  for (const [i, d] of docs.entries()) {
    if (token.isCancellationRequested) break;
    if (ahead && i > 0 && i % YIELD_EVERY === 0) await new Promise((next) => setImmediate(next));
    const seen = new Set<string>();
    const dry: GitProvider = {
      discover: (folder, t) => real.discover(folder, t),
      facts: (repo, shas, t) => real.facts(repo, shas, t),
      graph: (repo, t) => real.graph(repo, t),
      anchor: (repo, rel, text, t) => real.anchor(repo, rel, text, t),
      lastChange: (repo, rel, t) => real.lastChange(repo, rel, t),
      lastChanges: (repo, rels, t) => real.lastChanges(repo, rels, t),
      filesAt: (repo, sha, t) => real.filesAt(repo, sha, t),
      deletions: (_repo, paths, since, _t, until) => {
        const key = `${since ?? ''}\0${until ?? ''}`;
        let q = recorded.deletions.get(key);
        if (!q) recorded.deletions.set(key, (q = { since, until, paths: new Set(), documents: 0 }));
        for (const p of paths) q.paths.add(p);
        if (!seen.has(key)) { seen.add(key); q.documents++; }
        if (!since) ahead?.deletionsBefore(until, q.paths.size);
        return notAsked();
      },
      ignored: (_repo, paths) => {
        for (const p of paths) recorded.ignored.add(p);
        ahead?.ignored(paths);
        return notAsked();
      },
      mentioning: (_repo, needles) => {
        recorded.mentioning.push([...new Set(needles)].sort()); // as the provider asks
        return notAsked();
      },
      changesSince: (_repo, since, paths) => {
        let q = recorded.changes.get(since);
        if (!q) recorded.changes.set(since, (q = new Set()));
        for (const p of paths) q.add(p);
        return notAsked();
      },
      textsAt: () => notAsked(),
      commitDetails: () => notAsked(),
      commitPatch: () => notAsked(),
      workingState: () => notAsked(),
      touching: () => notAsked(),
    };
    const dryFiles: WorkspaceFiles = { listFiles: (root, t) => files.listFiles(root, t), lineCount: () => Promise.resolve(null) };
    await gatherFacts(d.model, {
      documentPath: d.path, text: d.text, git: dry, files: dryFiles, settings, logger: SILENT_LOGGER, token, questionsOnly: true,
      ...(where.repoFolder ? { repoFolder: where.repoFolder } : {}), ...(where.root ? { root: where.root } : {}),
    });
  }
  return recorded;
}
