/**
 * The questions a run over many documents of one repository (the CLI) asks git ahead, for all of them at once, so
 * that each document's own questions start no process and a run's git processes do not grow with its documents:
 *   - `askBatch`: the two questions every document asks — its SHAs' facts (one batch) and its last version (one
 *     `log`, lastVersions.ts), with the versions of handoffs moved since (movedHandoffs.ts);
 *   - `askPerPath`: the per-path and per-SHA questions the batch's dry run recorded (recordQuestions.ts), each kind
 *     asked once: `check-ignore` over every path, the deletions since (and before) each of the few commits the
 *     documents were written at, one search for every unknown SHA;
 *   - `askAheadOf`: what git can answer while that dry run is still going (askAhead.ts).
 * The answers go to a BatchAnswers, which the provider (gitFacts.ts) cuts each document's answer from; what is not
 * covered is asked with its document, as without this.
 */
import type { CancellationToken } from '../core/interfaces';
import type { GitResult, RepoFacts, RepoGraph, RepoInfo } from '../core/git/provider';
import type { AnchorQuestions } from './anchorQuestions';
import { AskAhead } from './askAhead';
import { BatchAnswers, MAX_DELETION_MOMENTS, searchMentionsOnce } from './batchAnswers';
import { changesUnion } from './batchChanges';
import { findDeletionsSince, type OpenSession } from './deletionsSince';
import { checkIgnored, isOneLine, PATHS_PER_COMMAND, startDeletionsWalk, type RunGit } from './gitHistory';
import { lastVersions } from './lastVersions';
import { versionsBeforeMoves } from './movedHandoffs';
import { ObjectReader } from './objectRead';
import type { RecordedQuestions } from './recordQuestions';
import type { SlowRepos } from './slowRepos';

/** What the batch questions use of the provider: its way to git, its breaker, its cached answers. */
export interface BatchGit {
  run: RunGit;
  openSession: OpenSession;
  slow: SlowRepos;
  anchors: AnchorQuestions;
  facts(repo: RepoInfo, shas: readonly string[], token: CancellationToken): Promise<GitResult<RepoFacts>>;
  graph(repo: RepoInfo, token: CancellationToken): Promise<GitResult<RepoGraph>>;
  /** How long the walk of a whole history for paths gone before a handoff may take. */
  historyBudgetMs: number;
}

/** SHAs asked ahead for a run over many documents, at most (the rest are asked with their document). */
const MAX_PREFETCH_SHAS = 50_000;

/**
 * The batch's SHA facts (into the provider's cache for this state) and last versions. `install` is given the
 * batch's answers once those are asked: they replace the last batch's. A last version is kept only when it is the
 * document's text (the anchor found at once); anything else is asked with its document.
 */
export async function askBatch(
  git: BatchGit, repo: RepoInfo, docs: ReadonlyArray<{ relPath: string; text: string; shas: readonly string[] }>, token: CancellationToken,
  install: (answers: BatchAnswers) => void,
): Promise<void> {
  const shas = [...new Set(docs.flatMap((d) => d.shas))].slice(0, MAX_PREFETCH_SHAS);
  const [, last] = await Promise.all([
    shas.length ? git.facts(repo, shas, token) : null,
    git.slow.guard(repo.root, () => lastVersions(git.run, repo, docs.map((d) => d.relPath), token)),
  ]);
  const answers = new BatchAnswers();
  install(answers);
  if (!last.ok) return;
  const placed = answers.takeLastVersions(docs, last.value);
  const moved = await versionsBeforeMoves(git.run, repo, placed, token, git.anchors.movedFrom(repo), (ask) => git.slow.guard(repo.root, ask));
  for (const [key, v] of moved) answers.moved.set(key, v);
}

/** The recorded per-path and per-SHA questions, each kind asked once for the batch (`answers`). */
export async function askPerPath(git: BatchGit, answers: BatchAnswers, repo: RepoInfo, q: RecordedQuestions, token: CancellationToken, ahead?: AskAhead): Promise<void> {
  // The commits most documents were written at first (a batch of one series shares one or a few).
  const moments = [...q.deletions.values()].sort((a, b) => b.documents - a.documents).slice(0, MAX_DELETION_MOMENTS);
  const ignoredPaths = [...q.ignored].sort();
  // Thousands of paths' earlier history: one walk of every deletion instead of a walk matching each change against
  // them all, where that is the same answer (a history without merges, see findDeletions).
  const many = moments.some((m) => !m.since && m.paths.size > PATHS_PER_COMMAND);
  const linear = many && isOneLine(await git.graph(repo, token));
  const whole = (paths: readonly string[]) => linear && paths.length > PATHS_PER_COMMAND;
  const guard = <T>(ask: () => Promise<GitResult<T>>) => git.slow.guard(repo.root, ask);
  const ignored = async (): Promise<void> => {
    // Asked while the dry run went (askAhead.ts), for the same paths; else now.
    const union = ahead?.ignoredUnion();
    if (union) {
      const { paths, answer } = await union;
      if (answer.ok) answers.setIgnored(paths, answer.value);
      return;
    }
    const r = await guard(() => checkIgnored(git.run, repo, ignoredPaths, token));
    if (r.ok) answers.setIgnored(ignoredPaths, r.value);
  };
  await Promise.all([
    // What was deleted before each commit the handoffs were written at, beside the moments' own (anchorQuestions.ts).
    git.anchors.prefetchBefore(repo, [...q.deletions.values()], moments, token),
    ignoredPaths.length ? ignored() : null,
    ...moments.map(async (m) => {
      // Not sorted: each document's answer is cut from this one and read as a set (thousands of paths, sorted
      // before a process could start, took longer than the search).
      const paths = [...m.paths];
      const r = await guard(() => (m.since
        ? findDeletionsSince(git.run, git.openSession, repo, m.since, paths, token, git.anchors.since(repo))
        : git.anchors.walkBefore(repo, paths, m.until, token, whole(paths), whole(paths) ? ahead?.walkBefore(m.until) : undefined)));
      if (r.ok) answers.setDeletions(m.since, m.until, m.paths, r.value);
      // The cited files' changes since that commit: the ones found now, and the ones gone since with where they went.
      if (!m.since) return;
      const cited = new Set([...(q.changes.get(m.since) ?? []), ...paths, ...(r.ok ? r.value.deletions.flatMap((d) => (d.renamedTo ? [d.renamedTo] : [])) : [])]);
      const u = await guard(async () => ({ ok: true, value: await changesUnion(git.run, repo, m.since!, [...cited], token, ObjectReader.open(repo.commonDir)) }) as GitResult<Awaited<ReturnType<typeof changesUnion>>>);
      if (u.ok && u.value) answers.changes.set(m.since, u.value);
    }),
    q.mentioning.length ? guard(async () => {
      for (const found of await searchMentionsOnce(git.run, repo, q.mentioning, token)) answers.addMentions(found.needles, found.commits);
      return { ok: true, value: null } as GitResult<null>;
    }) : null,
  ]);
}

/** What a batch's dry run can have git answer while it runs (askAhead.ts). */
export function askAheadOf(git: BatchGit, repo: RepoInfo, token: CancellationToken): AskAhead {
  return new AskAhead({
    ignored: (feed) => git.slow.guard(repo.root, () => checkIgnored(git.run, repo, feed, token)),
    linear: async () => isOneLine(await git.graph(repo, token)),
    walk: (until) => git.slow.guard(repo.root, () => startDeletionsWalk(git.run, repo, until, token, git.historyBudgetMs)),
  });
}
