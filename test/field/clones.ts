/**
 * Clones for the field study. Each repository is cloned once into a cache folder and reused: from a local
 * snapshot when there is one (`HANDOFF_FIELD_MIRRORS`/<owner>+<name>/repo, the layout the tool library's `fetch`
 * leaves), else from GitHub. A clone is what a user has: `origin/*` for every branch, the default branch checked
 * out with its upstream, in a folder named as the repository (`<clones>/<owner>/<name>`: a handoff that names its
 * own repository is read as a user's clone would have it read). Nothing here runs in CI (no network there):
 * `npm run field` only.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export const MIRRORS = process.env.HANDOFF_FIELD_MIRRORS ?? '/work/.mirror';
export const CLONES = process.env.HANDOFF_FIELD_CLONES ?? join(homedir(), '.cache', 'handoff-navigator', 'field-clones');

export function git(cwd: string, args: string[], input?: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', input, maxBuffer: 1 << 28, stdio: ['pipe', 'pipe', 'pipe'] });
}

function tryGit(cwd: string, args: string[]): string | null {
  try {
    return git(cwd, args);
  } catch {
    return null;
  }
}

/** The source to clone `owner/name` from, or null when there is neither a snapshot nor (presumably) network. */
export function sourceOf(repo: string): string {
  const mirror = join(MIRRORS, repo.replace('/', '+'), 'repo');
  return existsSync(mirror) ? mirror : `https://github.com/${repo}.git`;
}

export interface Clone {
  dir: string;
  /** The default branch's name and its tip. */
  branch: string;
  head: string;
}

/** A clone of `repo`, made on first use; null when it cannot be had (reason printed by the caller). */
export function cloneOf(repo: string): Clone | { error: string } {
  const dir = join(CLONES, ...repo.split('/'));
  if (!existsSync(join(dir, '.git'))) {
    mkdirSync(dirname(dir), { recursive: true });
    try {
      execFileSync('git', ['clone', '--quiet', '--no-checkout', sourceOf(repo), dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (e) {
      return { error: `cannot clone ${repo}: ${String((e as { stderr?: Buffer }).stderr ?? e).split('\n')[0]}` };
    }
  }
  const originHead = tryGit(dir, ['symbolic-ref', '--short', 'refs/remotes/origin/HEAD'])?.trim() ?? 'origin/main';
  const branch = originHead.replace(/^origin\//, '');
  const head = git(dir, ['rev-parse', originHead]).trim();
  return { dir, branch, head };
}

/**
 * `git checkout`, tolerating what a snapshot lacks (files of 4 MiB and more): the blobs it cannot read are left
 * out of the work tree through sparse checkout (still tracked, as in a partial clone), and the checkout retried.
 */
function checkout(clone: Clone, args: string[]): void {
  for (let attempt = 0; ; attempt++) {
    try {
      git(clone.dir, ['-c', 'advice.detachedHead=false', 'checkout', '-q', '-f', ...args]);
      break;
    } catch (e) {
      const stderr = String((e as { stderr?: string }).stderr ?? '');
      const absent = [
        ...[...stderr.matchAll(/unable to read sha1 file of (.+) \([0-9a-f]+\)/g)].map((m) => m[1]!),
        ...[...stderr.matchAll(/invalid object \d+ [0-9a-f]+ for '(.+)'/g)].map((m) => m[1]!),
      ];
      if (!absent.length || attempt > 4) throw e;
      const had = tryGit(clone.dir, ['sparse-checkout', 'list'])?.split('\n').filter((l) => l.startsWith('!')) ?? [];
      git(clone.dir, ['sparse-checkout', 'set', '--no-cone', '/*', ...had, ...absent.map((p) => `!/${p.replace(/[[\]*?\\]/g, '\\$&')}`)]);
    }
  }
  git(clone.dir, ['clean', '-q', '-fdx']);
}

/** The default branch checked out at its tip, as right after `git clone`, with nothing else in the work tree. */
export function atHead(clone: Clone): void {
  checkout(clone, ['-B', clone.branch, `origin/${clone.branch}`]);
}

/** `git checkout <sha>`: a detached HEAD at the handoff's own commit. False when the clone lacks the commit. */
export function atCommit(clone: Clone, sha: string): boolean {
  if (tryGit(clone.dir, ['cat-file', '-e', `${sha}^{commit}`]) === null) return false;
  checkout(clone, ['--detach', sha]);
  return true;
}

/** Puts this version of the handoff at its path (a no-op when the checkout already has exactly this text). */
export function placeText(clone: Clone, path: string, text: string): 'same' | 'placed' {
  const file = join(clone.dir, path);
  const committed = tryGit(clone.dir, ['show', `HEAD:${path}`]);
  if (committed === text && existsSync(file)) return 'same';
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return 'placed';
}
