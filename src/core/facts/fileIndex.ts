/**
 * A file listing indexed for breadcrumb resolution: exact paths, folders, and files by base name (for bare names
 * such as `graphWebview.ts:3247`, resolved by path suffix). Built once per analysis from one listing.
 */
import { joinTo, normalizePath, type JoinBase } from '../git/paths';

/** Indexes built per listing: a run over many handoffs of one workspace shares its listing (the same array). */
const byListing = new WeakMap<readonly string[], FileIndex>();

export class FileIndex {
  /** The index of a listing, built once per listing array (an index is never changed once built). */
  static of(files: readonly string[]): FileIndex {
    let index = byListing.get(files);
    if (!index) byListing.set(files, (index = new FileIndex(files)));
    return index;
  }

  readonly all: Set<string>;
  // Built on first use: an index of a commit's tree (a handoff's anchor) is only ever asked by suffix.
  private byBaseIndex: Map<string, string[]> | null = null;
  private dirsIndex: Set<string> | null = null;

  constructor(files: readonly string[]) {
    this.all = new Set(files.map(normalizePath));
  }

  has(p: string): boolean {
    return this.all.has(p) || this.dirs().has(p);
  }

  isDir(p: string): boolean {
    return this.dirs().has(p);
  }

  /** Every folder of a listed file but the root ("/", "."), and a one-letter first folder of a relative path. */
  private dirs(): Set<string> {
    if (this.dirsIndex) return this.dirsIndex;
    const dirs = (this.dirsIndex = new Set<string>());
    // Listed paths are normal (no trailing or doubled slash): a folder is a prefix up to a slash, outermost last.
    for (const f of this.all) {
      for (let i = f.lastIndexOf('/'); i > 1; i = f.lastIndexOf('/', i - 1)) {
        const d = f.slice(0, i);
        if (dirs.has(d)) break;
        dirs.add(d);
      }
    }
    return dirs;
  }

  private byBase(): Map<string, string[]> {
    if (this.byBaseIndex) return this.byBaseIndex;
    const byBase = (this.byBaseIndex = new Map<string, string[]>());
    for (const f of this.all) {
      const base = f.slice(f.lastIndexOf('/') + 1);
      const list = byBase.get(base);
      if (list) list.push(f);
      else byBase.set(base, [f]);
    }
    return byBase;
  }

  /** Files whose path is `suffix` or ends with `/suffix`. */
  bySuffix(suffix: string): string[] {
    const base = suffix.slice(suffix.lastIndexOf('/') + 1);
    return (this.byBase().get(base) ?? []).filter((f) => f === suffix || f.endsWith('/' + suffix));
  }
}

export type Resolution = { kind: 'file'; path: string } | { kind: 'dir' } | { kind: 'many'; paths: string[] } | { kind: 'none' };

/** Resolves a breadcrumb as written: relative to the document's folder, to the root, then by unique path suffix. */
export function resolveCrumb(index: FileIndex, written: string, docDir: JoinBase, root: JoinBase): Resolution {
  const rel = withoutDotSlash(written);
  if (!rel) return { kind: 'dir' };
  for (const base of [docDir, root]) {
    const p = joinTo(base, rel);
    if (index.all.has(p)) return { kind: 'file', path: p };
    if (index.has(p)) return { kind: 'dir' };
  }
  if (rel.startsWith('../') || rel.startsWith('/')) return { kind: 'none' };
  const hits = index.bySuffix(rel);
  if (hits.length === 1) return { kind: 'file', path: hits[0]! };
  if (hits.length > 1) return { kind: 'many', paths: hits.sort() };
  return { kind: 'none' };
}

/** A written path without its leading `./` and trailing slashes (most have neither: no copy, no regex run). */
export function withoutDotSlash(written: string): string {
  const rel = written.startsWith('./') ? written.slice(2) : written;
  return rel.endsWith('/') ? rel.replace(/\/+$/, '') : rel;
}
