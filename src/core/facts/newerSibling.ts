/**
 * The newest handoff committed beside this one, whatever its name: a folder of handoffs (`docs/handoffs/`,
 * `docs/sessions/`, a repository's root) is read newest first, and one written well after this one — more commits
 * and days of work later — has taken over what is left to do. The series rule (supersede.ts) decides this by names
 * for a folder's dated or numbered series; this one by the commits that last changed each file, so it covers
 * handoffs named by topic (`SCREENSHOT-IMPROVEMENTS-CHECKLIST.md` beside `PHASE-5-RELEASE-V12.2.0.md`).
 *
 * A spec-driven tool's task lists are a series one folder up: each spec has a folder of its own (Spec Kit's
 * `specs/003-auth/tasks.md`, Kiro's `.kiro/specs/auth/tasks.md`), and a spec whose tasks were written well after
 * another's is the work in hand — the earlier list was carried out (its boxes seldom ticked) or dropped.
 *
 * Not one of a series: the memory bank's and GSD's living files (rewritten in place, each with its own part), a GSD
 * phase's plans and summaries (paired by their own rule), and a folder's index. One `log` for a folder's handoffs
 * (the run's answer when it has them all), the same question for every handoff of the folder.
 */
import type { CommitGraph } from '../git/graph';
import { dirname, joinPath, relativeTo } from '../git/paths';
import type { GitProblem, GitProvider, RepoInfo } from '../git/provider';
import { isHandoffPath } from '../handoffGlobs';
import type { CancellationToken } from '../interfaces';
import type { AnchorFact, NewerSibling } from './types';

/** A spec's task list, and the folder of specs it is one of (group 1). */
const SPEC_TASKS = /^((?:.*\/)?specs)\/[^/]+\/tasks\.md$/i;

const NOT_IN_SERIES = /(?:^|\/)(?:memory-bank\/(?:activeContext|progress)\.md|\.planning\/(?:STATE|ROADMAP)\.md|\.planning\/phases\/.*|(?:readme|index)\.md)$/i;

/** Handoffs of a folder looked at, at most: a folder of thousands asks one `log` of its folder, and is bounded. */
const MAX_SIBLINGS = 2_000;

export interface SiblingContext {
  git: GitProvider;
  repo: RepoInfo;
  /** The handoff's absolute path. */
  documentPath: string;
  /** The repository's files (absolute paths), as WorkspaceFiles lists them. */
  listed: readonly string[];
  anchor: AnchorFact;
  graph: CommitGraph;
  token: CancellationToken;
  note(problem: GitProblem, what: string): void;
}

export async function newerSibling(ctx: SiblingContext): Promise<NewerSibling | null> {
  const rel = relativeTo(ctx.repo.root, ctx.documentPath);
  // A text edited since its last commit is the handoff in hand, however old that commit.
  if (rel === null || NOT_IN_SERIES.test(rel) || ctx.anchor.how === 'last-change') return null;
  const siblings = seriesOf(rel, ctx.listed, ctx.repo.root);
  if (siblings.length < 2 || !siblings.includes(rel)) return null;
  const r = await ctx.git.lastChanges(ctx.repo, siblings, ctx.token);
  if (!r.ok) {
    ctx.note(r.problem, 'newer handoffs beside it');
    return null;
  }
  const newest = newestTwo(r.value).find(([path]) => path !== rel);
  if (!newest) return null;
  const [path, { sha, time }] = newest;
  if (sha === ctx.anchor.sha || ctx.graph.isAncestor(ctx.anchor.sha, sha) !== true) return null;
  const commits = ctx.graph.between(ctx.anchor.sha, sha)?.length ?? 0;
  if (commits < 1) return null;
  return { path: joinPath(ctx.repo.root, path), sha, commits, days: Math.max(0, Math.floor((time - ctx.anchor.time) / 86_400)) };
}

/**
 * The handoffs of a series (repository-relative): a folder's own handoffs, or a folder of specs' task lists. One
 * array per listing and series, which is also the git question's key.
 */
function seriesOf(rel: string, listed: readonly string[], root: string): string[] {
  const specs = SPEC_TASKS.exec(rel)?.[1];
  if (specs !== undefined) return members(listed, root, `${specs}/*/tasks.md`, (r) => SPEC_TASKS.exec(r)?.[1] === specs);
  const folder = rel.includes('/') ? dirname(rel) : '';
  const prefix = folder ? `${folder}/` : '';
  return members(listed, root, folder, (r) => r.startsWith(prefix) && r.indexOf('/', prefix.length) < 0 && r.endsWith('.md') && !NOT_IN_SERIES.test(r));
}

const byListing = new WeakMap<readonly string[], Map<string, string[]>>();

function members(listed: readonly string[], root: string, key: string, inSeries: (rel: string) => boolean): string[] {
  let series = byListing.get(listed);
  if (!series) byListing.set(listed, (series = new Map()));
  let found = series.get(key);
  if (found) return found;
  found = [];
  for (const abs of listed) {
    const r = relativeTo(root, abs);
    if (r === null || !inSeries(r) || !isHandoffPath(r)) continue;
    found.push(r);
    if (found.length >= MAX_SIBLINGS) break;
  }
  series.set(key, found);
  return found;
}

/** The two newest entries of an answer, newest first (one of them may be the asking handoff itself). */
const newestOf = new WeakMap<ReadonlyMap<string, { sha: string; time: number }>, Array<[string, { sha: string; time: number }]>>();

function newestTwo(changes: ReadonlyMap<string, { sha: string; time: number }>): Array<[string, { sha: string; time: number }]> {
  let top = newestOf.get(changes);
  if (top) return top;
  top = [];
  for (const entry of changes) {
    if (!top[0] || entry[1].time > top[0][1].time) top = [entry, ...top.slice(0, 1)];
    else if (!top[1] || entry[1].time > top[1][1].time) top[1] = entry;
  }
  newestOf.set(changes, top);
  return top;
}
