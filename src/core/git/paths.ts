/** POSIX-style path helpers for the core (which must not import node:path: it also runs in a web host). */

export function toSlash(p: string): string {
  // Called for both sides of every join: most paths hold no backslash, and a replace would copy each one.
  return p.includes('\\') ? p.replace(/\\/g, '/') : p;
}

/** Resolves `.` and `..` segments; keeps a leading `/` or drive letter. */
export function normalizePath(p: string): string {
  // Most paths are normal already (it is called for every breadcrumb and every candidate form of it).
  if (isNormal(p)) return p;
  const s = toSlash(p);
  const absolute = s.startsWith('/');
  const out: string[] = [];
  for (const part of s.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(part);
  }
  return (absolute ? '/' : '') + out.join('/');
}

/**
 * Nothing normalizePath would change: no backslash, no empty, `.` or `..` segment, no trailing slash (`/` alone
 * is normal). One pass over the characters: a regex for the same test took a tenth of a batch's dry run.
 */
function isNormal(p: string): boolean {
  const n = p.length;
  if (n === 0 || (n > 1 && p.charCodeAt(n - 1) === 47)) return false;
  let segment = 0; // where the current segment starts
  for (let i = 0; i < n; i++) {
    const c = p.charCodeAt(i);
    if (c === 92) return false;
    if (c !== 47) continue;
    // A segment ends here: empty (`//`; the one before an absolute path's first slash is not a segment), or dots.
    if (i === segment ? i > 0 : isDots(p, segment, i - segment)) return false;
    segment = i + 1;
  }
  return !isDots(p, segment, n - segment);
}

/** The segment of `length` at `start` is `.` or `..`. */
function isDots(p: string, start: number, length: number): boolean {
  return (length === 1 || length === 2) && p.charCodeAt(start) === 46 && (length === 1 || p.charCodeAt(start + 1) === 46);
}

export function dirname(p: string): string {
  const s = toSlash(p).replace(/\/+$/, '');
  const i = s.lastIndexOf('/');
  if (i < 0) return '.';
  return i === 0 ? '/' : s.slice(0, i);
}

export function joinPath(base: string, rel: string): string {
  return normalizePath(`${toSlash(base)}/${toSlash(rel)}`);
}

/**
 * A folder many paths are joined to (a handoff's own folder, the root its breadcrumbs are written from): whether it
 * is normal is found once, not again for each path joined (a batch joins thousands of breadcrumbs to the same two).
 */
export interface JoinBase {
  dir: string;
  normal: boolean;
}

export const joinBase = (dir: string): JoinBase => ({ dir, normal: dir !== '' && isNormal(dir) });

/** A relative path with nothing to resolve (most breadcrumbs): joined to a normal folder, it stays normal. */
function isNormalRelative(rel: string): boolean {
  return rel !== '' && rel.charCodeAt(0) !== 47 && isNormal(rel);
}

/** `joinPath(base.dir, rel)`: for a normal folder and such a path, the two joined, with no scan of the folder. */
export function joinTo(base: JoinBase, rel: string): string {
  if (base.normal && isNormalRelative(rel)) return base.dir === '/' ? `/${rel}` : `${base.dir}/${rel}`;
  return joinPath(base.dir, rel);
}

/**
 * `relativeTo(root, joinPath(base.dir, rel))`, given `under`, the folder's own `relativeTo(root, base.dir)`: a path
 * with nothing to resolve joined to a folder inside the root is inside it by that same prefix.
 */
export function relativeJoin(root: string, base: JoinBase, under: string | null, rel: string): string | null {
  if (under !== null && base.normal && isNormalRelative(rel)) return under === '' ? rel : `${under}/${rel}`;
  return relativeTo(root, joinTo(base, rel));
}

/** `path` as written from folder `dir` (both relative to one root, normal): `../b/c.md` from `a` to `b/c.md`. */
export function relativeFrom(dir: string, path: string): string {
  const from = dir === '.' || dir === '' ? [] : dir.split('/');
  const to = path.split('/');
  let same = 0;
  while (same < from.length && same < to.length - 1 && from[same] === to[same]) same++;
  return [...from.slice(same).map(() => '..'), ...to.slice(same)].join('/');
}

/** `rel` of `path` under `root`, or null when it is not inside. */
export function relativeTo(root: string, path: string): string | null {
  let r = normalizePath(root);
  if (r.endsWith('/')) r = r.slice(0, -1);
  const p = normalizePath(path);
  if (p === r) return '';
  // `startsWith(r + '/')` without building that string (called for every form of every breadcrumb)
  return p.length > r.length && p.charCodeAt(r.length) === 47 && p.startsWith(r) ? p.slice(r.length + 1) : null;
}
