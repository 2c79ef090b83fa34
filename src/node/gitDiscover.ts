/**
 * The discover question of the GitProvider when the `.git` files cannot be read plainly (discoverFromDisk.ts
 * says null): a bare repository, a work tree set elsewhere, extensions, GIT_DIR…, or Windows. One `rev-parse`
 * answers everything about the repository's shape; HEAD last, so that on an unborn branch only it fails.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GitResult, RepoInfo } from '../core/git/provider';
import { failureProblem, type GitRunResult } from './gitRunner';
import { headState, parseDiscovery } from './gitParse';
import { unbornBranch, type DiskDiscovery } from './discoverFromDisk';

const toSlash = (p: string) => p.replace(/\\/g, '/');

/** The repository as read from its files, in the provider's form (forward slashes). */
export function repoInfoFromDisk(disk: DiskDiscovery): RepoInfo {
  return { ...disk, root: toSlash(disk.root), gitDir: toSlash(disk.gitDir), commonDir: toSlash(disk.commonDir) };
}

/** The repository `folder` is in, asked of git (`run` is the provider's guarded runner). */
export async function discoverWithGit(run: (args: string[]) => Promise<GitRunResult>, folder: string): Promise<GitResult<RepoInfo>> {
  const r = await run(['rev-parse', '--show-toplevel', '--absolute-git-dir', '--git-common-dir', '--is-shallow-repository', '--symbolic-full-name', 'HEAD']);
  if (!r.ok) return r;
  const out = r.out;
  const parsed = parseDiscovery(out.stdout);
  if (!parsed) {
    if (/must be run in a work tree/.test(out.stderr)) {
      return { ok: false, problem: { kind: 'not-a-repository', message: 'in a bare git repository (no work tree); showing parse-only results' } };
    }
    return { ok: false, problem: failureProblem(out, 'rev-parse') };
  }
  const unborn = out.code !== 0 ? unbornBranch(parsed.gitDir) : null;
  return {
    ok: true,
    value: {
      root: toSlash(parsed.root),
      gitDir: toSlash(parsed.gitDir),
      commonDir: toSlash(resolve(folder, parsed.commonDir)),
      shallow: parsed.shallow,
      head: headState(out.code === 0 ? parsed.headRef : null, unborn),
    },
  };
}

export function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
