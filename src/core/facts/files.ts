/**
 * File breadcrumbs against the work tree now and the repository's history. A breadcrumb that resolves now is
 * found (one path, or several for an ambiguous bare name). One that does not is looked up, in batches:
 *   - `.gitignore`: a path git would ignore (runtime state, build output, `.env`) is never tracked: `ignored`;
 *   - a submodule: looked up in the submodule's own files when it is checked out;
 *   - the anchor's tree (one `ls-tree` per anchor commit): was it there when the handoff was written?
 *   - deletions in HEAD's history (one pathspec-limited `log`, renames detected in just the deleting commits):
 *     which commit deleted or renamed it, after the anchor (the handoff went stale) or before (already gone).
 * What is in none of these never was in this repository: `absent` (planned, another repository, a typo).
 */
import { dirname, joinPath, normalizePath, relativeFrom, relativeTo } from '../git/paths';
import type { GitProblem, GitProvider, PathDeletion, RepoInfo } from '../git/provider';
import type { CancellationToken, WorkspaceFiles } from '../interfaces';
import type { FileBreadcrumb } from '../model';
import { FileIndex, resolveCrumb, type Resolution } from './fileIndex';
import { basesOf, byLastSegment, fullPathsNamed, inSubmodule, meantBy, repoForms, submodulesRoot, writtenFor } from './crumbForms';
import { countLines } from './fileLines';
import { isSetAside } from './setAside';
import type { AnchorFact, FileFact } from './types';

/** Breadcrumbs looked up in history per document, at most (a notice says how many were left out). */
export const MAX_HISTORY_LOOKUPS = 1_000;

export interface FileFactsContext {
  documentPath: string;
  /** Workspace or repository root: breadcrumbs are written relative to it or to the document. */
  root: string;
  files: WorkspaceFiles;
  git: GitProvider | null;
  repo: RepoInfo | null;
  /** The handoff's anchor; a promise lets the listing start before it is known. */
  anchor: AnchorFact | null | Promise<AnchorFact | null>;
  /** HEAD's commit (a handoff never committed is measured against it); a promise like the anchor. */
  headSha: string | null | Promise<string | null>;
  /** Count lines of resolved files (only when a line-range rule is on). */
  wantLines: boolean;
  /** For a GSD plan (`02-03-PLAN.md`), its summary's absolute path (`02-03-SUMMARY.md`: the plan is carried out when it exists). */
  planSummary?: string | null;
  token: CancellationToken;
  notices: Set<string>;
  /** Records a failed git answer as a notice naming the checks it cost. */
  note(problem: GitProblem, what: string): void;
}

export interface FileFactsResult {
  files: FileFact[];
  exactRenamesOnly: boolean;
}

/** Glob and brace patterns (`*.ts`, `src/**`, `{a,b}.ts`); `[id]` stays: framework routes use brackets. */
const GLOB = /[*?]|\{[^}]*,[^}]*\}/;

/** Breadcrumbs that can be looked up at all: local, non-empty, not a pattern. */
const lookable = (c: FileBreadcrumb) => !c.external && c.path.trim() !== '' && !GLOB.test(c.path);

interface Pending {
  i: number;
  /** Repository-relative forms of the path as written (relative to the document's folder, to the root). */
  exact: string[];
  /** The submodule (repository-relative) the first form inside one lies in, or '' when none does. */
  submodule: string;
  /** The path as written (a bare name is looked up by it in the anchor's tree). */
  name: string;
  bare: boolean;
  /** Written from the document's folder (a link, `./`, `../`): its first form is that, not the root's. */
  docFirst: boolean;
  /** The document says what became of it (planned, removed…): its earlier history is not searched. */
  qualified: boolean;
  /** For a bare name: the paths the document writes the same name with in full (empty when none). */
  namesakes: readonly string[];
  /** Repository-relative paths it had at the anchor (several for a bare name). */
  atAnchor: string[];
}

export async function fileFacts(crumbs: readonly FileBreadcrumb[], ctx: FileFactsContext): Promise<FileFactsResult> {
  const out: FileFact[] = crumbs.map(() => ({ kind: 'unchecked' }));
  const result = { files: out, exactRenamesOnly: false };
  if (!crumbs.some(lookable)) return result;
  const root = normalizePath(ctx.root);
  const docDir = dirname(normalizePath(ctx.documentPath));
  const listed = await ctx.files.listFiles(root, ctx.token);
  // A cancelled listing may be partial: judging against it would call present files missing.
  if (ctx.token.isCancellationRequested) return result;
  const index = FileIndex.of(listed);

  const pending: Pending[] = [];
  // Only what git will be asked about is prepared (the first MAX_HISTORY_LOOKUPS); the rest is counted.
  const lookingUp = ctx.git !== null && ctx.repo !== null;
  let notFound = 0;
  const memo = resolutionsFor(crumbs, listed, docDir, root, ctx.repo);
  const bases = basesOf(docDir, root, ctx.repo);
  let modules: string | null | undefined;
  for (const [i, c] of crumbs.entries()) {
    if (!lookable(c)) continue;
    const r = (memo.resolutions[i] ??= resolveCrumb(index, c.path, bases.doc.base, bases.root.base));
    if (r.kind === 'file') out[i] = { kind: 'found', paths: [r.path], lines: null };
    else if (r.kind === 'many') out[i] = { kind: 'found', paths: r.paths, lines: null };
    else if (r.kind === 'dir') out[i] = { kind: 'dir' };
    else out[i] = { kind: 'absent' };
    if (r.kind !== 'none' || !lookingUp || ++notFound > MAX_HISTORY_LOOKUPS) continue;
    // A bare name whose context names its folder (a folder hint, or the same file written in full just before)
    // is that path, not any file of that name.
    const written = (memo.written[i] ??= writtenFor(c, (memo.byName ??= byLastSegment(crumbs))));
    const exact = (memo.forms[i] ??= repoForms(written, bases));
    const submodule = (memo.submodules[i] ??= inSubmodule(exact, index, (modules ??= submodulesRoot(index, ctx.repo!.root))));
    const bare = !written.path.includes('/');
    const namesakes = bare ? fullPathsNamed(c.path, (memo.byName ??= byLastSegment(crumbs))) : [];
    const docFirst = written.source === 'link' || written.path.startsWith('./') || written.path.startsWith('../');
    pending.push({ i, exact, submodule, name: c.path.replace(/^\.\//, ''), bare, docFirst, qualified: c.qualifier !== null, namesakes, atAnchor: [] });
  }
  // Lines of the files found and the history of the ones not found, side by side.
  const lines = ctx.wantLines ? countLines(crumbs, out, ctx) : Promise.resolve();
  if (pending.length && ctx.git && ctx.repo && !ctx.token.isCancellationRequested) {
    if (notFound > MAX_HISTORY_LOOKUPS) ctx.notices.add(`${notFound} files not found: only the first ${MAX_HISTORY_LOOKUPS} were looked up in git history`);
    const [anchor, headSha] = await Promise.all([ctx.anchor, ctx.headSha]);
    await lookUp(pending, out, index, { ...ctx, anchor, headSha } as Resolved, result);
  }
  await lines;
  return result;
}

/**
 * Where a document's breadcrumbs resolve in one listing, kept with the breadcrumbs (the model's array): a model
 * judged again against the same listing resolves nothing twice. The CLI judges each handoff of a batch twice — a
 * dry run that finds the questions to ask git for the whole batch, then the real one — and this was a third of the
 * dry run. Filled as the breadcrumbs are resolved; only read back for the same listing, folders and repository.
 */
interface CrumbResolutions {
  listed: readonly string[];
  docDir: string;
  root: string;
  repoRoot: string | null;
  resolutions: Array<Resolution | undefined>;
  /** The breadcrumb as meant (a bare name given its folder by its context), and its repository-relative forms. */
  written: Array<FileBreadcrumb | undefined>;
  forms: Array<string[] | undefined>;
  submodules: Array<string | undefined>;
  /** The breadcrumbs with a folder, by their last segment (contextPath's). */
  byName?: Map<string, FileBreadcrumb[]>;
}

const resolvedBy = new WeakMap<readonly FileBreadcrumb[], CrumbResolutions>();

function resolutionsFor(crumbs: readonly FileBreadcrumb[], listed: readonly string[], docDir: string, root: string, repo: RepoInfo | null): CrumbResolutions {
  const repoRoot = repo?.root ?? null;
  const kept = resolvedBy.get(crumbs);
  if (kept && kept.listed === listed && kept.docDir === docDir && kept.root === root && kept.repoRoot === repoRoot) return kept;
  const fresh: CrumbResolutions = { listed, docDir, root, repoRoot, resolutions: [], written: [], forms: [], submodules: [] };
  resolvedBy.set(crumbs, fresh);
  return fresh;
}

/** The context once the anchor is known, with git and a repository. */
type Resolved = FileFactsContext & { git: GitProvider; repo: RepoInfo; anchor: AnchorFact | null; headSha: string | null };

async function lookUp(pending: Pending[], out: FileFact[], now: FileIndex, ctx: Resolved, result: FileFactsResult): Promise<void> {
  const { git, repo, token } = ctx;
  const absolute = (rel: string) => joinPath(repo.root, rel);

  // A path inside a submodule is looked up in the submodule's own listing (empty when it is not checked out).
  const stillPending: Pending[] = [];
  // Each submodule's files listed and gathered once, however many breadcrumbs point into it.
  const submoduleFiles = new Map<string, Set<string>>();
  for (const p of pending) {
    const sub = p.submodule;
    if (sub === '') {
      stillPending.push(p);
      continue;
    }
    let inner = submoduleFiles.get(sub);
    if (!inner) {
      const subRoot = absolute(sub);
      // Only files under the submodule's folder count: a submodule not checked out lists nothing of its own.
      inner = new Set((await ctx.files.listFiles(subRoot, token)).filter((f) => f.startsWith(`${subRoot}/`)));
      submoduleFiles.set(sub, inner);
    }
    const hit = p.exact.map(absolute).find((e) => inner.has(e));
    out[p.i] = hit ? { kind: 'found', paths: [hit], lines: null } : inner.size ? { kind: 'absent' } : { kind: 'submodule', submodule: sub };
  }
  if (!stillPending.length) return;

  // What the handoff's moment had — the anchor's commit; for a handoff never committed, HEAD's — asked along with
  // the deletions since then, for every form of every path (git skips the forms that were not there); the tree is
  // read only for bare names (matched by suffix).
  const moment = ctx.anchor?.sha ?? ctx.headSha;
  const exactForms: string[] = [];
  for (const p of stillPending) for (const e of p.exact) exactForms.push(e);
  const anyBare = stillPending.some((p) => p.bare);
  const [treeR, sinceExact] = await Promise.all([
    moment && anyBare ? git.filesAt(repo, moment, token) : Promise.resolve(null),
    moment ? searchDeletions(exactForms, moment, ctx, result) : Promise.resolve(null),
  ]);
  if (treeR && !treeR.ok) ctx.note(treeR.problem, "files at the handoff's commit");
  const tree = treeR?.ok ? FileIndex.of(treeR.value) : null;
  for (const p of stillPending) {
    const exact = p.exact.filter((e) => sinceExact?.existed.has(e));
    p.atAnchor = exact.length ? exact : p.bare && tree ? meantBy(tree.bySuffix(p.name), p.namesakes) : [];
  }
  // One that was not there may be a file git never tracks (runtime state, build output, `.env`): asked as the writer
  // meant the path (its first form). One that was there is a deletion whatever .gitignore says now, but one deleted
  // since that git ignores now was most likely untracked on purpose (`git rm --cached` and a .gitignore line: a
  // runtime or generated file each working tree keeps), so it is asked about too, in the form that was there.
  const unseen = stillPending.filter((p) => !p.atAnchor.length && p.exact[0] !== undefined);
  const deletedAs = new Map<Pending, string>();
  for (const p of stillPending) {
    const form = p.exact.find((e) => p.atAnchor.includes(e));
    const deletion = form === undefined ? undefined : sinceExact?.deleted.get(form);
    if (deletion && !deletion.renamedTo) deletedAs.set(p, form!);
  }
  const asked = new Set([...unseen.map((p) => p.exact[0]!), ...deletedAs.values()]);
  // Unknown deletions (a batch's dry run asks nothing yet): the forms such a file may have been there in, beyond the
  // ones asked anyway — a bare name's first, every form of one written from the document's folder — so that the
  // batch's question holds whatever the real run asks.
  if (!sinceExact) {
    for (const p of stillPending) {
      if (p.docFirst) for (const e of p.exact) asked.add(e);
      else if (p.bare && p.exact[0] !== undefined) asked.add(p.exact[0]);
    }
  }
  const ignoredR = asked.size ? await git.ignored(repo, [...asked], token) : null;
  if (ignoredR && !ignoredR.ok) ctx.note(ignoredR.problem, 'ignored files');
  const ignored = ignoredR?.ok ? ignoredR.value : new Set<string>();
  for (const p of unseen) if (ignored.has(p.exact[0]!)) out[p.i] = { kind: 'ignored' };
  const open = stillPending.filter((p) => out[p.i]!.kind !== 'ignored');
  if (token.isCancellationRequested) return;
  // Bare names matched by suffix: their full paths asked now. Paths not there at the moment: the history before it
  // says whether they were renamed or deleted already (the handoff then used an outdated path) — a walk of that
  // history, time-bounded, for the paths the document does not itself call planned, removed or elsewhere.
  const bareHad = open.flatMap((p) => p.atAnchor.filter((a) => !p.exact.includes(a)));
  const earlier = open.filter((p) => !p.atAnchor.length && !p.bare && !p.qualified).flatMap((p) => p.exact);
  const [sinceBare, before] = await Promise.all([
    moment && bareHad.length ? searchDeletions(bareHad, moment, ctx, result) : Promise.resolve(null),
    searchDeletions(earlier, null, ctx, result, ctx.anchor?.sha),
  ]);
  const since = (path: string) => sinceExact?.deleted.get(path) ?? sinceBare?.deleted.get(path);
  const answered = moment !== null && sinceExact !== null && (!bareHad.length || sinceBare !== null);
  // A plan carried out (its summary beside it): what went before its summary was last written went as it was carried
  // out, most likely by the plan itself. Asked only when something the plan had is gone.
  const summary = ctx.planSummary && now.all.has(ctx.planSummary) && open.some((p) => p.atAnchor.some((a) => since(a) !== undefined))
    ? await lastChangeOf(ctx, ctx.planSummary) : null;
  for (const p of open) {
    if (p.atAnchor.length) {
      const deletion = p.atAnchor.map(since).find((d): d is PathDeletion => d !== undefined) ?? null;
      if (!ctx.anchor || (!deletion && answered)) {
        // There then and in no commit since: gone from the work tree only, not committed.
        out[p.i] = { kind: 'gone', when: 'work-tree', paths: p.atAnchor, deletion: null, movedTo: null };
      } else {
        // Gone since the handoff (a commit says which; without git's answer, one not known).
        const gone: Extract<FileFact, { kind: 'gone' }> = { kind: 'gone', when: 'after-anchor', paths: p.atAnchor, deletion, movedTo: deletion ? movedTo(deletion, now, repo.root) : null };
        const form = deletedAs.get(p);
        if (form !== undefined && ignored.has(form)) gone.ignoredNow = true;
        if (deletion?.renamedTo && movedAlong(deletion, ctx.anchor)) gone.movedWithHandoff = true;
        if (deletion && summary && deletion.time <= summary.time) gone.duringPlan = { summary: summary.sha };
        out[p.i] = gone;
      }
    } else {
      const had = p.exact.filter((e) => before?.deleted.has(e));
      const deletion = had.map((h) => before?.deleted.get(h)).find((d): d is PathDeletion => d !== undefined) ?? null;
      // Deleted or renamed by the commit that wrote the handoff itself: what the handoff tells of.
      const when = deletion?.sha === ctx.anchor?.sha ? 'with-anchor' : 'before-anchor';
      if (deletion) out[p.i] = { kind: 'gone', when, paths: had, deletion, movedTo: movedTo(deletion, now, repo.root) };
    }
  }
}

/**
 * The deletions of `paths` since a commit (with which paths existed then), or in HEAD's whole history (`since`
 * null); null when git could not say.
 */
async function searchDeletions(paths: readonly string[], since: string | null, ctx: Resolved, result: FileFactsResult, until?: string): Promise<{ deleted: Map<string, PathDeletion>; existed: Set<string> } | null> {
  if (!paths.length) return { deleted: new Map(), existed: new Set() };
  const del = await ctx.git.deletions(ctx.repo, [...new Set(paths)], since, ctx.token, until);
  if (!del.ok) {
    ctx.note(del.problem, 'deleted and moved files');
    return null;
  }
  result.exactRenamesOnly ||= del.value.exactRenamesOnly;
  // A rename to a backup's name (`council.py.bak`) retired the file: its deletion, the backup named beside it.
  const deletion = (d: PathDeletion): PathDeletion => (d.renamedTo && isSetAside(d.path, d.renamedTo) ? { ...d, renamedTo: null, setAsideAs: d.renamedTo } : d);
  return { deleted: new Map(del.value.deletions.map((d) => [d.path, deletion(d)])), existed: new Set(del.value.existedAtSince) };
}

/** The last commit that changed a file of the repository (absolute path), null when git cannot say. */
async function lastChangeOf(ctx: Resolved, path: string): Promise<{ sha: string; time: number } | null> {
  const rel = relativeTo(ctx.repo.root, path);
  if (rel === null) return null;
  const r = await ctx.git.lastChange(ctx.repo, rel, ctx.token);
  if (!r.ok) ctx.note(r.problem, 'when the plan was carried out');
  return r.ok ? r.value : null;
}

/**
 * Whether a rename is the handoff's own move taking the file along (archived together): the same commit moved the
 * handoff, and the file sits where it sat from the handoff (`184-CONTEXT.md` beside it, `../183-x/183-REVIEW.md`).
 * A reorganisation that moved the handoff one way and the file another is no such thing: its path went stale.
 *
 * "Where it sat" holds after that move, or after every move since: a handoff moved again and again with the files
 * beside it (`docs/` → `docs/01_Sprint1/` → `docs/archive/01_Sprint1/`, each file followed to its last name) still
 * has them where it had them when it was written.
 */
function movedAlong(d: PathDeletion, anchor: AnchorFact | null): boolean {
  const moves = anchor?.moves ?? [];
  const move = moves.find((m) => m.sha === d.sha);
  if (!move || !d.renamedTo) return false;
  if (relativeFrom(dirname(move.from), d.path) === relativeFrom(dirname(move.to), d.renamedTo)) return true;
  // Newest first: the first move's `to` is where the handoff is now, the last one's `from` where it was written.
  const now = moves[0]!.to;
  const written = moves[moves.length - 1]!.from;
  return relativeFrom(dirname(written), d.path) === relativeFrom(dirname(now), d.renamedTo);
}

/** Where a renamed file lives now (absolute), when the rename's target exists. */
function movedTo(d: PathDeletion, now: FileIndex, root: string): string | null {
  const to = d.renamedTo ? joinPath(root, d.renamedTo) : null;
  return to && now.all.has(to) ? to : null;
}
