/**
 * Breadcrumbs that survive edits: what happened since the handoff's anchor to the files it cites, and where each
 * `file:line` it wrote then is today. One question for all cited paths (GitProvider.changesSince: nothing when the
 * object store shows them unchanged, else one `git diff` against the work tree), then pure mapping (lineMap.ts).
 * The result goes into the file facts (`drift`) and `changedSince`, which the rules, the CLI and the editor read.
 *
 * Lines are mapped only where they were written at the anchor: a handoff whose text is exactly a committed version
 * (or that names its commit) wrote every line then; one edited since (`last-change`) wrote at the anchor only the
 * lines its committed version already had — a breadcrumb on a line added since names today's lines.
 */
import { relativeTo } from '../git/paths';
import type { GitProblem, GitProvider, PathChange, RepoInfo } from '../git/provider';
import type { CancellationToken } from '../interfaces';
import type { FileBreadcrumb } from '../model';
import { mapLines } from './lineMap';
import type { AnchorFact, CitedChange, FileFact, LineDrift } from './types';

/** Cited paths asked about per handoff, at most. */
export const MAX_DRIFT_PATHS = 400;

export interface DriftContext {
  git: GitProvider;
  repo: RepoInfo;
  anchor: AnchorFact;
  /** The handoff's text as analysed, and its repository-relative path (for the lines it had at the anchor). */
  text: string;
  documentPath: string | null;
  token: CancellationToken;
  notices: Set<string>;
  note(problem: GitProblem, what: string): void;
}

/** Where a breadcrumb's file was at the anchor and is now (repository-relative). */
interface Cited {
  /** Paths at the anchor (several for a bare name that matched several files then). */
  then: string[];
  now: string | null;
}

function citedPaths(fact: FileFact, repo: RepoInfo): Cited | null {
  const rel = (p: string) => relativeTo(repo.root, p);
  if (fact.kind === 'found' && fact.paths.length === 1) {
    const p = rel(fact.paths[0]!);
    return p ? { then: [p], now: p } : null;
  }
  // Gone since the anchor: deleted, or renamed (the new name asked too, so that git pairs the two).
  if (fact.kind === 'gone' && (fact.when === 'after-anchor' || fact.when === 'work-tree')) {
    return { then: fact.paths, now: fact.movedTo ? rel(fact.movedTo) : null };
  }
  return null;
}

/**
 * Sets `drift` on the file facts of breadcrumbs whose lines moved, and returns the cited files that changed since
 * the anchor (null when git could not say).
 */
export async function driftFacts(crumbs: readonly FileBreadcrumb[], files: FileFact[], ctx: DriftContext): Promise<CitedChange[] | null> {
  const cited = files.map((f, i) => (crumbs[i] && !crumbs[i]!.external ? citedPaths(f, ctx.repo) : null));
  let paths = [...new Set(cited.flatMap((c) => (c ? [...c.then, ...(c.now ? [c.now] : [])] : [])))];
  if (!paths.length) return [];
  if (paths.length > MAX_DRIFT_PATHS) {
    ctx.notices.add(`${paths.length} cited files: only the first ${MAX_DRIFT_PATHS} were compared with the handoff's commit`);
    paths = paths.slice(0, MAX_DRIFT_PATHS);
  }
  const r = await ctx.git.changesSince(ctx.repo, ctx.anchor.sha, paths, ctx.token);
  if (!r.ok) {
    ctx.note(r.problem, 'lines mapped through the changes since this handoff');
    return null;
  }
  const byFrom = new Map<string, PathChange>();
  const byTo = new Map<string, PathChange>();
  for (const c of r.value) {
    if (c.from) byFrom.set(c.from, c);
    if (c.to) byTo.set(c.to, c);
  }
  // The change of each breadcrumb's file: its path then, or (a file that was not there then) its path now.
  const changeOf = cited.map((c) => {
    if (!c) return undefined;
    return c.then.map((p) => byFrom.get(p)).find((x) => x !== undefined) ?? (c.now ? byTo.get(c.now) : undefined);
  });
  const wroteThen = await linesWrittenThen(crumbs, changeOf, ctx);
  crumbs.forEach((crumb, i) => {
    const change = changeOf[i];
    const fact = files[i]!;
    if (!change || !change.from || !change.to || change.binary || crumb.line === null || crumb.line < 1 || !wroteThen(crumb)) return;
    if (fact.kind !== 'found' && fact.kind !== 'gone') return;
    const m = mapLines(change.hunks, crumb.line, crumb.endLine);
    if (m.status === 'same') return;
    const drift: LineDrift = {
      since: ctx.anchor.sha, path: change.from, from: { line: crumb.line, endLine: crumb.endLine },
      to: { line: m.line, endLine: m.endLine }, status: m.status,
    };
    fact.drift = drift;
  });
  // The changed files, each once, with the breadcrumbs citing it.
  const listed = new Map<PathChange, CitedChange>();
  changeOf.forEach((change, i) => {
    if (!change) return;
    let entry = listed.get(change);
    if (!entry) {
      entry = { path: change.from ?? change.to!, now: change.to, kind: change.status, added: change.added, removed: change.removed, crumbs: [] };
      listed.set(change, entry);
    }
    entry.crumbs.push(i);
  });
  return [...listed.values()];
}

/**
 * Forgets the drift of a line mapped past the end of its file (the file counted to there: recountMovedLines). A line
 * the file had at the anchor maps onto a line it has now, or is deleted: one mapped past the end was not in the
 * file then — the handoff cited a later version of it (written before its own commit, the file committed after),
 * so the diff cannot say where it is. The line is then judged as written.
 */
export function dropDriftPastEnd(files: FileFact[]): void {
  for (const f of files) {
    if (f.kind !== 'found' || !f.drift || f.lines === null || f.linesAtLeast) continue;
    if (f.drift.status !== 'deleted' && f.drift.to.line > f.lines) delete f.drift;
  }
}

/**
 * Which breadcrumbs were written at the anchor. Every one, unless the text was edited since its last commit: then
 * only those on a line the committed version had too (read once, only when some cited line moved).
 */
async function linesWrittenThen(crumbs: readonly FileBreadcrumb[], changeOf: ReadonlyArray<PathChange | undefined>, ctx: DriftContext): Promise<(c: FileBreadcrumb) => boolean> {
  if (ctx.anchor.how !== 'last-change') return () => true;
  const needed = crumbs.some((c, i) => c.line !== null && changeOf[i]?.hunks.length);
  const rel = ctx.documentPath ? relativeTo(ctx.repo.root, ctx.documentPath) : null;
  if (!needed || !rel) return () => false;
  const r = await ctx.git.textsAt(ctx.repo, ctx.anchor.sha, [rel], ctx.token);
  const before = r.ok ? r.value.get(rel) : null;
  if (!r.ok) ctx.note(r.problem, 'lines mapped through the changes since this handoff');
  if (!before) return () => false;
  const then = new Set(before.split(/\r?\n/).map((l) => l.trim()).filter(Boolean));
  const now = ctx.text.split(/\r?\n/);
  return (c) => then.has((now[c.range.start.line] ?? '').trim());
}
