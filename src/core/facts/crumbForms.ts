/**
 * How a file breadcrumb is meant, before anything is looked up: the path a bare name stands for (from its context),
 * its repository-relative forms (from the document's folder and from the root, the likelier first), and the
 * submodule it lies in. Pure functions of the document's breadcrumbs and the repository's listing (files.ts).
 */
import { joinBase, normalizePath, relativeJoin, relativeTo, type JoinBase } from '../git/paths';
import type { RepoInfo } from '../git/provider';
import type { FileBreadcrumb } from '../model';
import { withoutDotSlash, type FileIndex } from './fileIndex';

/** The breadcrumbs written with a folder, by their last segment (a bare name looks only at its namesakes). */
export function byLastSegment(crumbs: readonly FileBreadcrumb[]): Map<string, FileBreadcrumb[]> {
  const byName = new Map<string, FileBreadcrumb[]>();
  for (const c of crumbs) {
    if (!c.path.includes('/')) continue;
    const name = c.path.slice(c.path.lastIndexOf('/') + 1);
    const list = byName.get(name);
    if (list) list.push(c);
    else byName.set(name, [c]);
  }
  return byName;
}

/** The paths the document writes `name` with a folder (`bots/investment/config.yaml` for `config.yaml`). */
export function fullPathsNamed(name: string, byName: ReadonlyMap<string, readonly FileBreadcrumb[]>): string[] {
  const bare = name.replace(/^\.\//, '');
  return [...new Set((byName.get(bare) ?? []).filter((o) => !o.external).map((o) => withoutDotSlash(o.path)))];
}

/**
 * The files a bare name means, of those of its name in a tree. When the document writes the name in full, the bare
 * name is short for that: of the tree's files of that name, the ones a full path can be (the path itself, or it
 * under a folder: `src/task-runner.ts` is `bots/worker/src/task-runner.ts`) are meant — `.env.example` beside
 * `apps/studio/.env.example` is that one, not the `apps/marketing/.env.example` the tree also had. When none can be,
 * the tree's only file of that name is not meant either (`config.yaml` beside the document's own
 * `bots/investment/config.yaml`, ignored by git, is not the tree's `bots/reservation/config.yaml`); but a name many
 * files share (`+page.server.ts`) says too little to tell: all of them stay. A name never written in full means them all.
 */
export function meantBy(inTree: string[], namesakes: readonly string[]): string[] {
  if (!namesakes.length) return inTree;
  const named = inTree.filter((t) => namesakes.some((f) => t === f || t.endsWith(`/${f}`)));
  return named.length || inTree.length === 1 ? named : inTree;
}

/** The breadcrumb as meant: a bare name whose context names its folder (see contextPath) is that path. */
export function writtenFor(c: FileBreadcrumb, byName: ReadonlyMap<string, readonly FileBreadcrumb[]>): FileBreadcrumb {
  const meant = c.path.includes('/') ? null : contextPath(c, byName);
  return meant ? { ...c, path: meant } : c;
}

/** Lines before a bare name within which the same file written in full names its folder. */
const NEAR_LINES = 3;

/**
 * The path a bare name stands for, from its context: its folder hint, or the same file written in full just before.
 * `byName`: the document's breadcrumbs with a folder, by their last segment (so each bare name looks only at its
 * namesakes: a document of thousands of bare names costs no more than one pass).
 */
function contextPath(c: FileBreadcrumb, byName: ReadonlyMap<string, readonly FileBreadcrumb[]>): string | null {
  if (c.folderHint) return `${c.folderHint.replace(/\/+$/, '')}/${c.path}`;
  let best: FileBreadcrumb | null = null;
  for (const o of byName.get(c.path) ?? []) {
    if (o === c || o.external || !o.path.endsWith(`/${c.path}`)) continue;
    const before = o.range.start.line < c.range.start.line || (o.range.start.line === c.range.start.line && o.range.start.character < c.range.start.character);
    if (before && c.range.start.line - o.range.start.line <= NEAR_LINES && (!best || o.range.start.line >= best.range.start.line)) best = o;
  }
  return best?.path ?? null;
}

/** A folder breadcrumbs are written from, and where it is in the repository (null: outside it). */
export interface CrumbBase {
  base: JoinBase;
  inRepo: string | null;
}

/** The document's folder and the root, each with its place in the repository, found once per document. */
export interface CrumbBases {
  repoRoot: string;
  doc: CrumbBase;
  root: CrumbBase;
}

export function basesOf(docDir: string, root: string, repo: RepoInfo | null): CrumbBases {
  const repoRoot = repo?.root ?? root;
  const of = (dir: string): CrumbBase => ({ base: joinBase(dir), inRepo: relativeTo(repoRoot, dir) });
  return { repoRoot, doc: of(docDir), root: of(root) };
}

/**
 * Repository-relative forms of a written path inside the repository, the one the writer most likely meant first:
 * relative to the document's folder for a link or a `./`/`../` path, else relative to the root (how handoffs name
 * files), then the other.
 */
export function repoForms(c: FileBreadcrumb, bases: CrumbBases): string[] {
  const rel = withoutDotSlash(c.path);
  const docFirst = c.source === 'link' || c.path.startsWith('./') || c.path.startsWith('../');
  const forms: string[] = [];
  for (const { base, inRepo } of docFirst ? [bases.doc, bases.root] : [bases.root, bases.doc]) {
    const form = relativeJoin(bases.repoRoot, base, inRepo, rel);
    if (form && !form.startsWith('..') && form !== forms[0]) forms.push(form);
  }
  return forms;
}

/**
 * The repository's root and a slash when it has a `.gitmodules` (git checks out no submodule without one), else
 * null: most repositories, whose breadcrumbs' folders are then never looked at. Found once per document.
 */
export function submodulesRoot(now: FileIndex, repoRoot: string): string | null {
  const root = normalizePath(repoRoot);
  const under = root.endsWith('/') ? root : `${root}/`;
  return now.all.has(`${under}.gitmodules`) ? under : null;
}

/**
 * The submodule the first of these forms inside one lies in, or '' (a path in a submodule is asked of its listing).
 * `under`: submodulesRoot's answer.
 */
export function inSubmodule(forms: readonly string[], now: FileIndex, under: string | null): string {
  // The forms are normal paths inside the repository (repoForms), so each folder of one joins the root as it is.
  if (under === null) return '';
  for (const f of forms) {
    const sub = submoduleOf(f, now, under);
    if (sub !== null) return sub;
  }
  return '';
}

/**
 * The submodule (a gitlink in the listing, repository-relative) a repository-relative path lies in, or null.
 * `under`: the repository's root and a slash.
 */
function submoduleOf(rel: string, now: FileIndex, under: string): string | null {
  for (let i = rel.indexOf('/'); i > 0; i = rel.indexOf('/', i + 1)) {
    if (now.all.has(under + rel.slice(0, i))) return rel.slice(0, i);
  }
  return null;
}
