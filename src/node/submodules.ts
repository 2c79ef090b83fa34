/**
 * SHAs the superproject lacks may be commits of a submodule's own history. Two ways to tell, each batched:
 *   - a checked-out submodule: one `cat-file --batch-check` in it per submodule (at most MAX_SUBMODULES);
 *   - any submodule, checked out or not, present or long gone: the commits the superproject ever recorded for it
 *     (its gitlinks) — the paths from every version of `.gitmodules` (one `log -p`), then one `log --raw` over them.
 * Only asked when a SHA is missing, and the gitlink history once per repository state.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CancellationToken } from '../core/interfaces';
import type { GitResult, RepoInfo, ShaLookup } from '../core/git/provider';
import { parseBatchCheck, parseGitmodules } from './gitParse';
import type { RunGit } from './gitHistory';
import { readRegular, whyNotRead } from './safeRead';

/** Submodules searched for SHAs the superproject lacks (each costs one process, only when a SHA is missing). */
const MAX_SUBMODULES = 8;
/** Most bytes of `.gitmodules` read (a few hundred submodules fit in a fraction of it). */
const GITMODULES_MAX = 1024 * 1024;

const toSlash = (p: string) => p.replace(/\\/g, '/');

/** Looks missing SHAs up in checked-out submodules; returns what was found, by key. */
export async function inCheckedOutSubmodules(run: RunGit, repo: RepoInfo, keys: readonly string[], token: CancellationToken): Promise<GitResult<Map<string, ShaLookup>>> {
  const found = new Map<string, ShaLookup>();
  // A work-tree file anyone can replace: read as a regular file only (a FIFO would block), and bounded.
  const gitmodules = readRegular(join(repo.root, '.gitmodules'), GITMODULES_MAX);
  if (gitmodules.kind === 'missing') return { ok: true, value: found };
  if (gitmodules.kind !== 'text') return { ok: true, value: found, notices: [`submodules not searched for missing commits: ${whyNotRead('.gitmodules', gitmodules)}`] };
  const paths = parseGitmodules(gitmodules.text);
  let left = [...keys];
  // Bounded: a superproject with hundreds of submodules must not turn one typo into hundreds of processes.
  for (const sub of paths.slice(0, MAX_SUBMODULES)) {
    const dir = join(repo.root, sub);
    if (!left.length || !existsSync(join(dir, '.git'))) continue;
    const r = await run(dir, ['cat-file', '--batch-check'], token, left.map((s) => `${s}^{commit}`).join('\n') + '\n');
    if (!r.ok) return r;
    const parsed = r.out.code === 0 ? parseBatchCheck(r.out.stdout, left.length) : null;
    if (!parsed) continue; // a broken submodule must not hide the superproject's results
    const still: string[] = [];
    left.forEach((k, i) => {
      const line = parsed[i]!;
      if (line.kind === 'found') found.set(k, { status: 'found', sha: line.sha, reach: 'unchecked', subject: null, submodule: toSlash(sub) });
      else still.push(k);
    });
    left = still;
  }
  return { ok: true, value: found };
}

/** Every commit the superproject ever recorded for a submodule: full SHA → submodule path. */
export async function recordedGitlinks(run: RunGit, repo: RepoInfo, token: CancellationToken): Promise<GitResult<Map<string, string>>> {
  const links = new Map<string, string>();
  const history = await run(repo.root, ['log', '--all', '--format=', '-p', '--no-ext-diff', '--no-color', '--', '.gitmodules'], token, undefined, 8 * 1024 * 1024);
  if (!history.ok) return history;
  const paths = new Set<string>();
  for (const m of history.out.stdout.matchAll(/^[+ -]\s*path\s*=\s*(.+?)\s*$/gm)) paths.add(m[1]!);
  if (!paths.size) return { ok: true, value: links };
  const raw = await run(repo.root, ['--literal-pathspecs', 'log', '--all', '--format=', '--raw', '--no-abbrev', '-z', '--', ...paths], token, undefined, 16 * 1024 * 1024);
  if (!raw.ok) return raw;
  const tokens = raw.out.stdout.split('\0');
  for (let i = 0; i + 1 < tokens.length; i++) {
    const m = /:(\d{6}) (\d{6}) ([0-9a-f]{40}) ([0-9a-f]{40}) [A-Z]/.exec(tokens[i]!);
    if (!m) continue;
    const path = tokens[i + 1]!.replace(/^\n+/, '');
    if (m[1] === '160000') links.set(m[3]!, path);
    if (m[2] === '160000') links.set(m[4]!, path);
  }
  return { ok: true, value: links };
}
