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
import { dirname, joinPath, normalizePath, relativeTo } from '../git/paths';
import type { GitProblem, GitProvider, PathDeletion, RepoInfo } from '../git/provider';
import type { CancellationToken, WorkspaceFiles } from '../interfaces';
import type { FileBreadcrumb } from '../model';
import { FileIndex, resolveCrumb } from './fileIndex';
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
  anchor: AnchorFact | null;
  headSha: string | null;
  /** Count lines of resolved files (only when a line-range rule is on). */
  wantLines: boolean;
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
  /** The path as written (a bare name is looked up by it in the anchor's tree). */
  name: string;
  bare: boolean;
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
  const index = new FileIndex(listed);

  const pending: Pending[] = [];
  for (const [i, c] of crumbs.entries()) {
    if (!lookable(c)) continue;
    const r = resolveCrumb(index, c.path, docDir, root);
    if (r.kind === 'file') out[i] = { kind: 'found', paths: [r.path], lines: null };
    else if (r.kind === 'many') out[i] = { kind: 'found', paths: r.paths, lines: null };
    else if (r.kind === 'dir') out[i] = { kind: 'dir' };
    else out[i] = { kind: 'absent' };
    if (r.kind === 'none') pending.push({ i, exact: repoForms(c, docDir, root, ctx.repo), name: c.path.replace(/^\.\//, ''), bare: !c.path.includes('/'), atAnchor: [] });
  }
  if (ctx.wantLines) await countLines(crumbs, out, ctx);
  if (!pending.length || !ctx.git || !ctx.repo || ctx.token.isCancellationRequested) return result;
  if (pending.length > MAX_HISTORY_LOOKUPS) {
    ctx.notices.add(`${pending.length} files not found: only the first ${MAX_HISTORY_LOOKUPS} were looked up in git history`);
    pending.length = MAX_HISTORY_LOOKUPS;
  }
  await lookUp(pending, out, index, ctx as FileFactsContext & { git: GitProvider; repo: RepoInfo }, result);
  return result;
}

/**
 * Repository-relative forms of a written path inside the repository, the one the writer most likely meant first:
 * relative to the document's folder for a link or a `./`/`../` path, else relative to the root (how handoffs name
 * files), then the other.
 */
function repoForms(c: FileBreadcrumb, docDir: string, root: string, repo: RepoInfo | null): string[] {
  const repoRoot = repo?.root ?? root;
  const rel = c.path.replace(/^\.\//, '').replace(/\/+$/, '');
  const docFirst = c.source === 'link' || /^\.\.?\//.test(c.path);
  const bases = docFirst ? [docDir, root] : [root, docDir];
  const forms = bases.map((b) => relativeTo(repoRoot, joinPath(b, rel))).filter((p): p is string => !!p && !p.startsWith('..'));
  return [...new Set(forms)];
}

async function countLines(crumbs: readonly FileBreadcrumb[], out: FileFact[], ctx: FileFactsContext): Promise<void> {
  for (const [i, c] of crumbs.entries()) {
    const f = out[i]!;
    if (f.kind === 'found' && f.paths.length === 1 && c.line !== null && c.line > 0 && !ctx.token.isCancellationRequested) {
      f.lines = await ctx.files.lineCount(f.paths[0]!, ctx.token);
    }
  }
}

async function lookUp(pending: Pending[], out: FileFact[], now: FileIndex, ctx: FileFactsContext & { git: GitProvider; repo: RepoInfo }, result: FileFactsResult): Promise<void> {
  const { git, repo, token } = ctx;
  const absolute = (rel: string) => joinPath(repo.root, rel);

  // A path inside a submodule is looked up in the submodule's own listing (empty when it is not checked out).
  const stillPending: Pending[] = [];
  for (const p of pending) {
    const sub = p.exact.map((e) => submoduleOf(e, now, repo.root)).find((s) => s !== null);
    if (!sub) {
      stillPending.push(p);
      continue;
    }
    const subRoot = absolute(sub);
    // Only files under the submodule's folder count: a submodule not checked out lists nothing of its own.
    const inner = (await ctx.files.listFiles(subRoot, token)).filter((f) => f.startsWith(`${subRoot}/`));
    const hit = p.exact.map(absolute).find((e) => inner.includes(e));
    out[p.i] = hit ? { kind: 'found', paths: [hit], lines: null } : inner.length ? { kind: 'absent' } : { kind: 'submodule', submodule: sub };
  }
  if (!stillPending.length) return;

  // What the handoff's moment had: the anchor's tree; an uncommitted handoff describes now, measured against HEAD.
  const treeSha = ctx.anchor?.sha ?? ctx.headSha;
  const [ignoredR, treeR] = await Promise.all([
    git.ignored(repo, stillPending.flatMap((p) => p.exact), token),
    treeSha ? git.filesAt(repo, treeSha, token) : Promise.resolve(null),
  ]);
  if (!ignoredR.ok) ctx.note(ignoredR.problem, 'ignored files');
  if (treeR && !treeR.ok) ctx.note(treeR.problem, "files at the handoff's commit");
  const ignored = ignoredR.ok ? ignoredR.value : new Set<string>();
  const then = treeR?.ok ? new FileIndex(treeR.value) : null;

  const asked: Pending[] = [];
  for (const p of stillPending) {
    // Ignored as the writer meant it (its first form): another form of the same words may well be ignored too.
    if (p.exact[0] !== undefined && ignored.has(p.exact[0])) {
      out[p.i] = { kind: 'ignored' };
      continue;
    }
    if (then) {
      const exact = p.exact.filter((e) => then.all.has(e));
      p.atAnchor = exact.length ? exact : p.bare ? then.bySuffix(p.name) : [];
    }
    // A bare name not there at the anchor is not searched for in older history (a glob over every commit costs too much).
    if (p.atAnchor.length || !p.bare) asked.push(p);
  }
  if (!asked.length || token.isCancellationRequested) return;
  const paths = [...new Set(asked.flatMap((p) => (p.atAnchor.length ? p.atAnchor : p.exact)))];
  const del = await git.deletions(repo, paths, token);
  if (!del.ok) {
    ctx.note(del.problem, 'deleted and moved files');
    return;
  }
  result.exactRenamesOnly = del.value.exactRenamesOnly;
  const byPath = new Map(del.value.deletions.map((d) => [d.path, d]));
  for (const p of asked) {
    const had = p.atAnchor.length ? p.atAnchor : p.exact.filter((e) => byPath.has(e));
    const deletion = had.map((h) => byPath.get(h)).find((d): d is PathDeletion => d !== undefined) ?? null;
    const movedTo = deletion?.renamedTo && now.all.has(absolute(deletion.renamedTo)) ? absolute(deletion.renamedTo) : null;
    if (p.atAnchor.length) {
      // There when written, gone now: deleted since (a commit says which), or only in the work tree, not committed.
      out[p.i] = { kind: 'gone', when: ctx.anchor && deletion ? 'after-anchor' : 'work-tree', paths: p.atAnchor, deletion: ctx.anchor ? deletion : null, movedTo: ctx.anchor ? movedTo : null };
    } else if (deletion) {
      // Not there when written, yet deleted from history: gone before the handoff (or made and removed after it).
      const when = deletion.sha === ctx.anchor?.sha ? 'with-anchor' : ctx.anchor && deletion.time > ctx.anchor.time ? 'after-anchor' : 'before-anchor';
      out[p.i] = { kind: 'gone', when, paths: had, deletion, movedTo };
    }
  }
}

/** The submodule (a gitlink in the listing, repository-relative) a repository-relative path lies in, or null. */
function submoduleOf(rel: string, now: FileIndex, repoRoot: string): string | null {
  const parts = rel.split('/');
  for (let n = 1; n < parts.length; n++) {
    const prefix = parts.slice(0, n).join('/');
    if (now.all.has(joinPath(repoRoot, prefix))) return prefix;
  }
  return null;
}
