/**
 * Checks one handoff against the repository it lives in. Never throws: every git failure becomes one notice
 * and the parse-only results stand. Git is asked at most: discover, facts (one batch), history (lazily, only
 * when a vanished commit, a stale claim or a missing file needs explaining).
 */
import type { CancellationToken, Logger, WorkspaceFiles } from '../interfaces';
import type { Diagnostic, HandoffModel } from '../model';
import { commitRules, type CommitState } from '../rules/commitRules';
import { fileRules } from '../rules/fileRules';
import { severityOf, short } from '../rules/severity';
import { staleRefRules } from '../rules/staleRef';
import type { CoreSettings } from '../settings';
import { HistoryGraph } from './graph';
import { dirname, normalizePath } from './paths';
import type { GitProblem, GitProvider, RepoFacts, RepoInfo } from './provider';

export interface GitCheckContext {
  /** Absolute path of the handoff document. */
  documentPath: string;
  git: GitProvider;
  files: WorkspaceFiles;
  settings: CoreSettings;
  logger: Logger;
  token: CancellationToken;
  /** Root for breadcrumbs when the document is in no repository (default: the document's folder). */
  root?: string;
  /** Folder to find the repository from (the CLI's `--repo DIR`); default: the document's folder. */
  repoFolder?: string;
}

export interface GitCheckResult {
  diagnostics: Diagnostic[];
  /** One line per degrade (no git, not a repository, shallow, detached HEAD, timeout…). */
  notices: string[];
  /** Per mentioned SHA (lower-cased): how it resolved, for icons in the tree view. */
  commits: Map<string, CommitState>;
  /** Aligned with `model.files`: resolved absolute paths per breadcrumb (see FileRulesResult.targets). */
  fileTargets: Array<string[] | null>;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code);
}

export async function checkAgainstGit(model: HandoffModel, ctx: GitCheckContext): Promise<GitCheckResult> {
  const notices = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  let commits = new Map<string, CommitState>();
  let fileTargets: Array<string[] | null> = model.files.map(() => null);
  const note = (p: GitProblem) => {
    if (p.kind !== 'cancelled') notices.add(p.message);
    ctx.logger.warn(`git: ${p.message}`);
  };
  const { settings, token } = ctx;
  const docDir = dirname(normalizePath(ctx.documentPath));
  let repo: RepoInfo | null = null;
  let facts: RepoFacts | null = null;

  try {
    ctx.git.configure?.({ timeoutMs: settings.gitTimeoutMs });
    if (settings.git) {
      const d = await ctx.git.discover(ctx.repoFolder ? normalizePath(ctx.repoFolder) : docDir, token);
      if (d.ok) repo = d.value;
      else note(d.problem);
    }
    const commitRulesOn = (['unknown-commit', 'ambiguous-commit', 'unpushed-commit', 'stale-ref'] as const).some((c) => severityOf(settings, c));
    if (repo && commitRulesOn && (model.commits.length || model.refs.length)) {
      const shas = [...model.commits.map((c) => c.sha), ...model.refs.flatMap((r) => ('sha' in r.claim ? [r.claim.sha] : []))];
      const f = await ctx.git.facts(repo, shas, token);
      if (f.ok) facts = f.value;
      else note(f.problem);
    }
    if (repo?.shallow) notices.add('shallow clone: commits not found may be beyond the shallow boundary, so they are not reported as unknown');
    if (repo?.head.kind === 'detached') {
      notices.add(`HEAD is detached${facts?.headSha ? ` at ${short(facts.headSha)}` : ''}: branch claims are checked against branch tips, not HEAD`);
    }
    if (facts && !facts.hasRemote && model.commits.length) notices.add('no remote: unpushed commits are not checked');

    let graphPromise: Promise<HistoryGraph | null> | null = null;
    const graph = (): Promise<HistoryGraph | null> => {
      const r = repo;
      if (!r) return Promise.resolve(null);
      graphPromise ??= ctx.git.history(r, token).then((h) => {
        if (h.ok) return new HistoryGraph(h.value);
        note(h.problem);
        return null;
      });
      return graphPromise;
    };

    if (repo && facts) {
      const c = await commitRules(model.commits, facts, repo, graph, settings);
      diagnostics.push(...c.diagnostics);
      commits = c.states;
      if (severityOf(settings, 'stale-ref')) diagnostics.push(...(await staleRefRules(model.refs, facts, graph, settings, notices)));
    }
    const f = await fileRules(model.files, {
      documentPath: ctx.documentPath, root: repo?.root ?? ctx.root ?? docDir, files: ctx.files, settings, token, graph,
    });
    diagnostics.push(...f.diagnostics);
    fileTargets = f.targets;
  } catch (e) {
    // Rules must not throw; if one does anyway, the user still gets the parse-only results and one line.
    ctx.logger.error(`git check failed: ${(e as Error)?.stack ?? String(e)}`);
    notices.add(`git check failed (${(e as Error)?.message ?? String(e)}); showing parse-only results`);
  }
  return { diagnostics: diagnostics.sort(byPosition), notices: [...notices], commits, fileTargets };
}
