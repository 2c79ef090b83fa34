/**
 * Command-line paths → the handoff files to check: files as given, folders searched with the default globs. The
 * globs are written from the repository's root (`docs/handoffs/` anywhere in it): a folder inside a repository is
 * searched as the whole repository would be, so `handoff-lint docs/handoffs` finds what `handoff-lint .` finds there.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { isHandoffPath } from '../core/handoffGlobs';

/** Folders never worth descending into; `.planning` and other dot-folders are kept (handoffs live there). */
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
/** A bound on the walk, so that pointing the CLI at `/` fails fast instead of hanging. */
const MAX_ENTRIES = 200_000;

export class InputError extends Error {}

export function discover(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths.length ? paths : ['.']) {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      throw new InputError(`cannot read ${p}: no such file or folder`);
    }
    if (stat.isFile()) out.push(p);
    else if (stat.isDirectory()) out.push(...walk(p));
    else throw new InputError(`cannot read ${p}: not a file or folder`);
  }
  return [...new Set(out)];
}

/** Folders looked through upwards for the repository's root, at most. */
const MAX_DEPTH = 64;

/** The repository the folder is in (the nearest folder above it holding `.git`), or null. */
function repositoryOf(folder: string): string | null {
  let dir = resolve(folder);
  for (let i = 0; i < MAX_DEPTH; i++) {
    if (existsSync(join(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
  return null;
}

const slashed = (p: string) => p.split('\\').join('/');

function walk(root: string): string[] {
  const repo = repositoryOf(root);
  // Named from the folder given, or from the repository's root: a handoff either way.
  const isHandoff = (path: string) => isHandoffPath(slashed(relative(root, path))) || (repo !== null && isHandoffPath(slashed(relative(repo, resolve(path)))));
  const found: string[] = [];
  const stack = [root];
  let seen = 0;
  while (stack.length) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // an unreadable sub-folder is skipped, not fatal
    }
    for (const e of entries) {
      if (++seen > MAX_ENTRIES) throw new InputError(`${root} holds more than ${MAX_ENTRIES} entries; name the handoffs or a smaller folder`);
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) stack.push(path);
      } else if (e.isFile() && e.name.endsWith('.md') && isHandoff(path)) {
        found.push(path);
      }
    }
  }
  return found.sort();
}
