/**
 * The web build's stand-in for `node:path` (esbuild maps that import here, see esbuild.mjs): the adapter's pure
 * files use `posix.join/normalize/dirname` on URI paths, and a web-worker extension host has no Node built-ins.
 * The same algorithms as Node's `path.posix` for those three (a unit test compares them on generated paths).
 */

/** `.` and `..` resolved, empty segments dropped; `..` above the start kept only for a relative path. */
function resolveSegments(path: string, allowAboveRoot: boolean): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') out.push(segment);
    else if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (allowAboveRoot) out.push('..');
  }
  return out.join('/');
}

function normalize(path: string): string {
  if (path === '') return '.';
  const absolute = path.startsWith('/');
  const trailing = path.endsWith('/');
  const body = resolveSegments(path, !absolute);
  if (body === '') return absolute ? '/' : trailing ? './' : '.';
  return `${absolute ? '/' : ''}${body}${trailing ? '/' : ''}`;
}

function join(...parts: string[]): string {
  const kept = parts.filter((p) => p !== '');
  return kept.length === 0 ? '.' : normalize(kept.join('/'));
}

function dirname(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  let end = -1;
  let sawName = false;
  // From the end: skip trailing slashes, then the last name; the slash before it ends the folder.
  for (let i = path.length - 1; i >= 1; i--) {
    if (path[i] === '/') {
      if (sawName) { end = i; break; }
    } else sawName = true;
  }
  if (end === -1) return rooted ? '/' : '.';
  if (rooted && end === 1) return '//';
  return path.slice(0, end);
}

export const posix = { normalize, join, dirname };
