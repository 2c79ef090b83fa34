/**
 * Gathers what the repository says about one handoff (HandoffFacts), asking the GitProvider and WorkspaceFiles
 * only what the model needs, in batches: discover; the SHA facts (one reachability `log` ‖ `for-each-ref`);
 * the anchor ‖ the whole graph ‖ the file listing; then, only for what is unresolved, the anchor's tree,
 * `.gitignore`, deletions and messages; and the cited files' changes since the anchor (lines mapped, facts/drift.ts). Every answer is cached per repository state by the provider, so a
 * re-analysis of an unchanged repository starts no process.
 *
 * Never throws: each failure becomes one notice naming what was not checked, and the checks that did not need
 * that answer still stand.
 */
import { CommitGraph } from '../git/graph';
import { dirname, normalizePath, relativeTo } from '../git/paths';
import type { GitProvider, RepoFacts, RepoInfo } from '../git/provider';
import { validSha } from '../git/schemas';
import type { CancellationToken, Logger, WorkspaceFiles } from '../interfaces';
import type { HandoffModel } from '../model';
import { severityOf, type CoreSettings } from '../settings';
import { breaker } from './breaker';
import { commitStates, describeAmbiguous, explainUnknown, reportedShas, writtenSubjects } from './commits';
import { driftFacts, dropDriftPastEnd } from './drift';
import { attributeElsewhere, ownNames, refsElsewhere } from './elsewhere';
import { anyMissing, markFileIds } from './fileIds';
import { fileFacts } from './files';
import { recountMovedLines } from './fileLines';
import { judgeRefs } from './refs';
import { newerSibling } from './newerSibling';
import { gsdSummaryOf } from '../supersede';
import { emptyFacts, type AnchorFact, type HandoffFacts } from './types';

export interface GatherContext {
  /** Absolute path of the handoff document. */
  documentPath: string;
  /** The text analysed (the editor's buffer may differ from the file): it finds the commit that wrote it. */
  text: string;
  git: GitProvider;
  files: WorkspaceFiles;
  settings: CoreSettings;
  logger: Logger;
  token: CancellationToken;
  /** Root for breadcrumbs when the document is in no repository (default: the document's folder). */
  root?: string;
  /** Folder to find the repository from (the CLI's `--repo DIR`); default: the document's folder. */
  repoFolder?: string;
  /**
   * Only the questions git will be asked matter (a batch's dry run, recordQuestions.ts): the judgments that ask
   * nothing — ref claims, freshness — are skipped.
   */
  questionsOnly?: boolean;
}

/** Front-matter keys that name the commit a handoff was written at (HumanLayer-style `git_commit:`). */
const ANCHOR_KEYS = ['git_commit', 'commit', 'gitCommit', 'git_sha', 'head'];

/** The commit a handoff's front matter says it was written at, or null. */
const frontMatterAnchor = (model: HandoffModel): string | null =>
  ANCHOR_KEYS.map((k) => validSha(model.frontMatter[k] ?? '')).find((s) => s !== null) ?? null;

/** Every SHA a handoff makes gatherFacts ask about (with the commit rules on): a run over many asks them ahead at once. */
export function citedShas(model: HandoffModel): string[] {
  const front = frontMatterAnchor(model);
  return [...model.commits.map((c) => c.sha), ...model.refs.flatMap((r) => ('sha' in r.claim ? [r.claim.sha] : [])), ...(front ? [front] : [])];
}

export async function gatherFacts(model: HandoffModel, ctx: GatherContext): Promise<HandoffFacts> {
  const notices = new Set<string>();
  const facts = emptyFacts(model);
  const { git, note } = breaker(ctx.git, notices, ctx.logger);
  const { settings, token } = ctx;
  const docDir = dirname(normalizePath(ctx.documentPath));
  try {
    git.configure?.({ timeoutMs: settings.gitTimeoutMs });
    let repo: RepoInfo | null = null;
    if (settings.git) {
      const d = await git.discover(ctx.repoFolder ? normalizePath(ctx.repoFolder) : docDir, token);
      if (d.ok) repo = d.value;
      else note(d.problem, 'commits, branches and file history');
    }
    facts.repo = repo;
    const frontAnchor = frontMatterAnchor(model);
    const commitRulesOn = (['unknown-commit', 'ambiguous-commit', 'unpushed-commit', 'stale-ref'] as const).some((c) => severityOf(settings, c));

    // Everything starts at once and waits only for what it needs: the SHA facts, the commit that wrote the text,
    // the file listing; then the whole graph (for claims, vanished commits, freshness) and the file history.
    const relPath = repo ? relativeTo(repo.root, normalizePath(ctx.documentPath)) : null;
    const shas = commitRulesOn ? citedShas(model) : frontAnchor ? [frontAnchor] : [];
    const subjects = writtenSubjects(model.commits);
    const factsR = repo ? git.facts(repo, shas, token) : Promise.resolve(null);
    const writtenR = repo && relPath ? git.anchor(repo, relPath, ctx.text, token) : Promise.resolve(null);
    // Both answers are noted once both are in, in this order: the notices do not depend on which process ended first.
    // (Nothing that needs one of them goes on without the other anyway.)
    const noted = Promise.all([factsR, writtenR]).then(([f, w]) => {
      if (f && !f.ok) note(f.problem, 'commits and branches');
      if (w && !w.ok) note(w.problem, "the handoff's own commit");
    });
    const repoFactsP: Promise<RepoFacts | null> = noted.then(() => factsR).then((r) => (r?.ok ? r.value : null));
    const writtenP: Promise<AnchorFact | null> = noted.then(() => writtenR).then((r) => (r?.ok ? r.value : null));
    // The graph is asked as soon as it is known to be needed (it is the longest question): at once for claims about
    // refs or a front-matter anchor, as soon as the commit that wrote the text is found, else once the SHAs are in.
    const graphAsked = repo && (model.refs.length > 0 || frontAnchor) ? git.graph(repo, token)
      : writtenR.then((w) => (repo && w?.ok && w.value ? git.graph(repo, token) : null));
    graphAsked.catch(() => undefined); // awaited below only when needed: a failure is never unhandled
    const graphP: Promise<CommitGraph | null> = Promise.all([repoFactsP, writtenP]).then(async ([repoFacts, written]) => {
      // Dangling commits and ambiguous abbreviations are explained, and their candidates named, from the graph; so
      // is a missing SHA the text writes a subject beside (the commit on a branch with that subject).
      const unclear = repoFacts
        ? [...repoFacts.shas.values()].some((l) => l.status === 'ambiguous' || (l.status === 'found' && l.reach === 'dangling'))
          || [...subjects.keys()].some((key) => (repoFacts.shas.get(key)?.status ?? 'missing') === 'missing')
        : false;
      if (!repo || !repoFacts || !(model.refs.length > 0 || unclear || frontAnchor || written)) return null;
      const r = (await graphAsked) ?? await git.graph(repo, token);
      if (!r.ok) note(r.problem, 'branch history');
      const g = r.ok ? CommitGraph.of(r.value) : null;
      if (g && !g.complete) notices.add(`history longer than ${g.size} commits: claims about older commits are not judged`);
      return g;
    });
    // A front-matter anchor's time comes from the graph; the commit that wrote the text has its own.
    const anchorP = frontAnchor
      ? Promise.all([graphP, repoFactsP, writtenP]).then(([g, repoFacts, written]) => anchorOf(frontAnchor, repoFacts, g, written))
      : writtenP;

    const judgeClaims = async () => {
      const [repoFacts, g, anchor] = await Promise.all([repoFactsP, graphP, anchorP]);
      facts.anchor = anchor;
      if (repo?.shallow) notices.add('shallow clone: commits not found may be beyond the shallow boundary, so they are not reported as unknown');
      if (repoFacts && !repoFacts.hasRemote && model.commits.length) notices.add('no remote: unpushed commits are not checked');
      facts.hasRemote = repoFacts?.hasRemote ?? false;
      if (!repo || !repoFacts) return;
      facts.commits = attributeElsewhere(commitStates(model.commits, repoFacts, repo), model.commits, () => ownNames(repo, repoFacts));
      // A SHA in no history may be a migration's id, which a tracked file's name starts with (the listing is shared).
      if (anyMissing(facts.commits)) markFileIds(facts.commits, await ctx.files.listFiles(repo.root, token), (p) => relativeTo(repo.root, p) ?? p);
      const explain = { git, repo, facts: repoFacts, graph: g, token, note };
      await Promise.all([explainUnknown(facts.commits, explain, reportedShas(model.commits), subjects), describeAmbiguous(facts.commits, explain)]);
      if (ctx.questionsOnly) return;
      facts.refs = refsElsewhere(model.refs, judgeRefs(model.refs, { facts: repoFacts, graph: g, anchor, history: model.history, shallow: repo.shallow, notices }), facts.commits);
      const head = repoFacts.headSha;
      if (head && anchor && g) {
        const headTime = g.get(head)?.time;
        facts.freshness = {
          sinceAnchor: g.isAncestor(anchor.sha, head) ? g.between(anchor.sha, head)?.length ?? null : null,
          days: headTime === undefined ? null : Math.max(0, Math.floor((headTime - anchor.time) / 86_400)),
          branch: repo.head.kind === 'branch' ? repo.head.name : null,
        };
        const listed = await ctx.files.listFiles(repo.root, token);
        facts.newerSibling = await newerSibling({ git, repo, documentPath: normalizePath(ctx.documentPath), listed, anchor, graph: g, token, note });
      }
    };
    // Files need only the anchor (and HEAD, for a handoff never committed): their lookups run beside the claims.
    const judgeFiles = async () => {
      if (severityOf(settings, 'missing-file') === null && severityOf(settings, 'line-out-of-range') === null) return;
      const filesCtx = {
        documentPath: ctx.documentPath, root: repo?.root ?? ctx.root ?? docDir, files: ctx.files, git, repo, anchor: anchorP,
        headSha: repoFactsP.then((r) => r?.headSha ?? null), wantLines: severityOf(settings, 'line-out-of-range') !== null, token, notices, note,
        planSummary: gsdSummaryOf(normalizePath(ctx.documentPath)),
      };
      const f = await fileFacts(model.files, filesCtx);
      facts.files = f.files;
      facts.exactRenamesOnly = f.exactRenamesOnly;
      if (f.exactRenamesOnly) notices.add('some objects are unreadable: a moved file is followed only when it was not changed in the same commit');
      // Where the cited lines are now, and which cited files changed: only against a commit the handoff describes.
      const anchor = await anchorP;
      if (repo && anchor && !token.isCancellationRequested) {
        facts.changedSince = await driftFacts(model.files, f.files, {
          git, repo, anchor, text: ctx.text, documentPath: normalizePath(ctx.documentPath), token, notices, note,
        });
        if (filesCtx.wantLines) {
          await recountMovedLines(model.files, f.files, filesCtx);
          dropDriftPastEnd(f.files);
        }
      }
    };
    await Promise.all([judgeClaims(), judgeFiles()]);
    if (model.refs.some((r) => r.name === 'HEAD') && repo?.head.kind === 'detached') {
      const head = (await repoFactsP)?.headSha;
      notices.add(`HEAD is detached${head ? ` at ${head.slice(0, 7)}` : ''}: HEAD claims are compared with the checked-out commit`);
    }
  } catch (e) {
    // Facts must not throw; if gathering does anyway, what was gathered stands and the user gets one line.
    ctx.logger.error(`git facts failed: ${(e as Error)?.stack ?? String(e)}`);
    notices.add(`git checks stopped early (${(e as Error)?.message ?? String(e)})`);
  }
  facts.notices = [...notices];
  return facts;
}

/** The anchor: the front matter's commit when it resolves, else the commit that wrote this text. */
function anchorOf(front: string | null, facts: RepoFacts | null, g: CommitGraph | null, written: AnchorFact | null): AnchorFact | null {
  if (front && facts) {
    const l = facts.shas.get(front);
    const c = l?.status === 'found' ? g?.get(l.sha) : undefined;
    // Only a commit the graph knows has a time to measure "since" from.
    if (c) return { sha: c.sha, time: c.time, subject: c.subject, how: 'front-matter', newer: null, ...(written?.moves ? { moves: written.moves } : {}) };
  }
  return written;
}
