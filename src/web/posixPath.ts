/**
 * The web build's stand-in for `node:path` (esbuild maps that import here, see esbuild.mjs): the adapter's pure
 * files use `posix.join/normalize/dirname` on URI paths, and a web-worker extension host has no Node built-ins.
 * Behaves as Node's `path.posix` for those three (a unit test compares them on generated paths).
 */
import { dirname as coreDirname, normalizePath } from '../core/git/paths';

function normalize(p: string): string {
  if (p === '') return '.';
  const absolute = p.startsWith('/');
  const trailing = p.endsWith('/');
  // The core's helper also reads `\` as a separator; Node's posix does not.
  const parts = p.split('/').map((part) => part.replace(/\\/g, '\u0000'));
  let out = normalizePath(parts.join('/')).replace(/\u0000/g, '\\');
  if (out === '' && !absolute) out = '.';
  if (trailing && !out.endsWith('/')) out += '/';
  return out;
}

function join(...parts: string[]): string {
  const kept = parts.filter((p) => p !== '');
  return kept.length === 0 ? '.' : normalize(kept.join('/'));
}

function dirname(p: string): string {
  if (p.includes('\\')) return coreDirname(p.replace(/\\/g, '\u0000')).replace(/\u0000/g, '\\');
  return coreDirname(p);
}

export const posix = { normalize, join, dirname };
