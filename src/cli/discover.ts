/** Command-line paths → the handoff files to check: files as given, folders searched with the default globs. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
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

function walk(root: string): string[] {
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
      } else if (e.isFile() && e.name.endsWith('.md') && isHandoffPath(relative(root, path).split('\\').join('/'))) {
        found.push(path);
      }
    }
  }
  return found.sort();
}
