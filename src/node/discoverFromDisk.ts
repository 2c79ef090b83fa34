/**
 * Repository discovery without a process, for the common case: a work tree whose `.git` is a directory or a
 * `gitdir:` file (linked worktrees, submodules). It answers what `git rev-parse --show-toplevel
 * --absolute-git-dir --git-common-dir --is-shallow-repository --symbolic-full-name HEAD` would, from the files
 * git itself reads — and, for a folder in no repository (no `.git` up to the root or a mount point, as git's own
 * walk stops there), that it is none. Anything it does not fully understand returns null, and the caller asks git
 * instead: it must never answer differently from git, only sooner. (A discovery costs one sequential process otherwise,
 * ahead of every other git question of a fresh analysis.)
 */
import { lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { GitProblem, HeadState } from '../core/git/provider';
import { NOT_IN_A_REPOSITORY } from './gitRunner';
import { kindOf, readRegular, whyNotRead, type NotRead } from './safeRead';

export interface DiskDiscovery {
  root: string;
  gitDir: string;
  commonDir: string;
  shallow: boolean;
  head: HeadState;
}

/** Environment that changes how git finds or reads a repository: then only git can say. */
const GIT_ENV = [
  'GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_CEILING_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM',
  'GIT_CONFIG_PARAMETERS', 'GIT_CONFIG_COUNT', 'GIT_SHALLOW_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_NAMESPACE',
];

/** Thrown inside to give up; the exported function turns it into null. */
class Unusual extends Error {}

/** Thrown inside when the walk ends with no repository found: git's answer, without asking it. */
class Outside extends Error {}

const fail = (): never => { throw new Unusual(); };

/**
 * Thrown inside for a file git reads on every command that is a FIFO or a device: git would hang on it (a FIFO) or
 * choke (`/dev/zero`), so asking git would only cost a timeout. The exported function turns it into a problem.
 */
class Unreadable extends Error {}

/** Most bytes read of the small files (HEAD, a `.git` file, commondir, a loose ref), and of config and packed-refs. */
const SMALL_FILE = 64 * 1024;
const CONFIG_MAX = 1024 * 1024;
/** Big monorepos pack tens of thousands of refs; past this, git reads them (it maps the file). */
const PACKED_REFS_MAX = 32 * 1024 * 1024;

function unreadable(path: string, r: NotRead): never {
  throw new Unreadable(whyNotRead(path, r));
}

/**
 * A file git reads: its text, null when it does not exist; git is asked instead (fail) when it is too large or
 * cannot be opened, and the repository is unreadable when the file is a FIFO or a device.
 */
function readGitFile(path: string, maxBytes: number): string | null {
  const r = readRegular(path, maxBytes);
  if (r.kind === 'text') return r.text;
  if (r.kind === 'missing') return null;
  if (r.kind === 'odd' && r.what !== 'a directory') unreadable(path, r);
  return fail();
}

/** Refuses files git opens on every command when they are there but are not regular files (nor directories). */
function checkNotSpecial(path: string): void {
  const s = stat(path);
  if (s && !s.isFile() && !s.isDirectory()) unreadable(path, { kind: 'odd', what: kindOf(s) });
}

/**
 * The repository's shape, null to ask git, or a problem when a file git reads on every command is a FIFO or a
 * device (git would hang on it, or choke).
 */
export function discoverFromDisk(folder: string): DiskDiscovery | { problem: GitProblem } | null {
  // Windows paths (drive-letter case, subst drives, 8.3 names) are what git's own getcwd makes of them, and
  // that has changed between Git for Windows releases: there git answers.
  if (process.platform === 'win32') return null;
  if (GIT_ENV.some((k) => process.env[k] !== undefined)) return null;
  try {
    return walkUp(realpathSync.native(folder));
  } catch (e) {
    if (e instanceof Outside) return { problem: NOT_IN_A_REPOSITORY };
    if (e instanceof Unreadable) {
      return { problem: { kind: 'corrupt', message: `the git repository cannot be read (${e.message}); showing parse-only results` } };
    }
    if (e instanceof Unusual || (e as NodeJS.ErrnoException).code) return null;
    throw e;
  }
}

function stat(path: string, follow = true): Stats | null {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw e;
  }
}


/** Git's setup walk: `.git` in each folder from the start up to the root, on one file system. */
function walkUp(start: string): DiskDiscovery {
  const device = statSync(start).dev;
  for (let dir = start; ; ) {
    const dotGit = join(dir, '.git');
    const s = stat(dotGit);
    if (s) {
      if (s.isFile()) return finish(dir, dotGit, gitfileTarget(dotGit));
      if (s.isDirectory()) return finish(dir, null, realpathSync.native(dotGit));
      unreadable(dotGit, { kind: 'odd', what: kindOf(s) });
    }
    // A folder that is itself a git directory: a bare repository, or somewhere inside `.git`.
    if (stat(join(dir, 'HEAD')) && stat(join(dir, 'objects')) && stat(join(dir, 'refs'))) fail();
    const parent = dirname(dir);
    // The top, or a mount point (git stops there unless GIT_DISCOVERY_ACROSS_FILESYSTEM, which leaves this to git):
    // no repository, as git would say.
    if (parent === dir || statSync(parent).dev !== device) throw new Outside();
    dir = parent;
  }
}

/** A `.git` file: `gitdir: <path>`, relative to the file's folder; git resolves it to a real path. */
function gitfileTarget(file: string): string {
  const m = /^gitdir: (.+?)\r?\n?$/.exec(readGitFile(file, SMALL_FILE) ?? '');
  if (!m) return fail();
  return realpathSync.native(resolve(dirname(file), m[1]!));
}

function finish(root: string, gitfile: string | null, gitDir: string): DiskDiscovery {
  const common = readGitFile(join(gitDir, 'commondir'), SMALL_FILE);
  const commonDir = common === null ? gitDir : realpathSync.native(resolve(gitDir, common.replace(/[\r\n]+$/, '')));
  // Files every git command reads: one that is a FIFO or a device would hang (or choke) every process started.
  for (const f of [join(gitDir, 'HEAD'), join(gitDir, 'index'), join(commonDir, 'config'), join(commonDir, 'packed-refs'), join(commonDir, 'shallow')]) checkNotSpecial(f);
  // What git's is_git_directory() checks; a `.git` that fails it is skipped by git, so only git can say.
  if (!stat(join(gitDir, 'HEAD'))?.isFile() || !stat(join(commonDir, 'objects'))?.isDirectory() || !stat(join(commonDir, 'refs'))?.isDirectory()) fail();
  checkOwnership([root, gitDir, commonDir, ...(gitfile ? [gitfile] : [])]);
  checkConfig(root, gitDir, commonDir);
  const shallow = stat(join(commonDir, 'shallow')) !== null; // git: shallow when the file opens at all
  return { root, gitDir, commonDir, shallow, head: readHead(gitDir, commonDir) };
}

/**
 * Git refuses repositories owned by someone else unless `safe.directory` allows them; it does the refusing,
 * with its own message. (Root running for another user via sudo is git's call too.)
 */
function checkOwnership(paths: string[]): void {
  const uid = process.geteuid?.();
  if (uid === undefined || (uid === 0 && process.env.SUDO_UID !== undefined)) fail();
  for (const p of paths) if (lstatSync(p).uid !== uid || statSync(p).uid !== uid) fail();
}

/**
 * The repository's config, as far as it decides the answer: a bare flag, a work tree set elsewhere, any
 * extension (object format, ref storage, per-worktree config...), an include that could set either, or
 * syntax this reader does not follow all send the question to git.
 */
function checkConfig(root: string, gitDir: string, commonDir: string): void {
  const text = readGitFile(join(commonDir, 'config'), CONFIG_MAX);
  if (text === null) fail();
  let section = '';
  for (const raw of text!.split('\n')) {
    const line = raw.replace(/\r$/, '').trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.endsWith('\\')) fail(); // continued value
    const head = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"[^"\\]*")?\s*\](.*)$/.exec(line);
    if (head) {
      section = head[1]!.toLowerCase();
      if (section === 'include' || section === 'includeif' || section === 'extensions') fail();
      if (head[2]!.trim() && !/^[#;]/.test(head[2]!.trim())) fail(); // `[core] bare = true` on one line
      continue;
    }
    if (line.startsWith('[')) fail();
    if (section !== 'core') continue;
    const kv = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!kv) fail();
    const key = kv![1]!.toLowerCase();
    if (key !== 'repositoryformatversion' && key !== 'bare' && key !== 'worktree') continue;
    const value = kv![2] === undefined ? null : plainValue(kv![2]!);
    if (key === 'repositoryformatversion' && value !== '0' && value !== '1') fail();
    if (key === 'bare' && !isFalse(value)) fail();
    if (key === 'worktree') {
      // Submodules record their work tree here; only the one git would find anyway is understood.
      if (value === null || !value || gitDir !== commonDir) fail();
      const target = realpathSync.native(isAbsolute(value!) ? value! : resolve(gitDir, value!));
      if (target !== root) fail();
    }
  }
}

/** A config value without comments or quotes; anything with escapes or inner quotes is left to git. */
function plainValue(v: string): string {
  let s = v.replace(/\s+[#;].*$/, '').trim();
  if (/^"[^"\\]*"$/.test(s)) s = s.slice(1, -1);
  if (/["\\]/.test(s)) fail();
  return s;
}

function isFalse(v: string | null): boolean {
  if (v === null) return false; // `bare` alone means true
  const s = v.toLowerCase();
  if (s === 'false' || s === 'no' || s === 'off' || s === '0' || s === '') return true;
  if (s === 'true' || s === 'yes' || s === 'on' || s === '1') return false;
  return fail();
}

/**
 * The HEAD file: a detached SHA, or the branch it names (`refs/heads/...`). Null for anything else (a symbolic
 * link, a ref outside refs/heads, a damaged file): then git resolves HEAD.
 */
export function readHeadFile(gitDir: string): { sha: string } | { ref: string } | null {
  try {
    const path = join(gitDir, 'HEAD');
    if (lstatSync(path).isSymbolicLink()) return null;
    const r = readRegular(path, SMALL_FILE);
    if (r.kind !== 'text') return null;
    const text = r.text;
    const sha = /^([0-9a-f]{40})\r?\n?$/.exec(text);
    if (sha) return { sha: sha[1]! };
    const ref = /^ref: (refs\/heads\/[^\s\\]+)\r?\n?$/.exec(text);
    return ref && !ref[1]!.split('/').some((part) => !part || part === '.' || part === '..') ? { ref: ref[1]! } : null;
  } catch {
    return null;
  }
}

/** On an unborn branch HEAD names a branch that has no ref yet: read it from HEAD itself (a regular file only). */
export function unbornBranch(gitDir: string): string | null {
  const r = readRegular(join(gitDir, 'HEAD'), SMALL_FILE);
  const m = /^ref: refs\/heads\/(.+)$/m.exec(r.kind === 'text' ? r.text : '');
  return m ? m[1]! : null;
}

/**
 * HEAD's state: a branch (born when its ref exists, loose or packed; unborn otherwise) or a detached commit.
 * A branch that is itself symbolic, or an unreadable ref, goes to git.
 */
function readHead(gitDir: string, commonDir: string): HeadState {
  const head = readHeadFile(gitDir);
  if (!head) return fail();
  if ('sha' in head) return { kind: 'detached' };
  const name = head.ref.slice('refs/heads/'.length);
  const loose = stat(join(commonDir, head.ref), false);
  if (loose) {
    // A symbolic link is git's to follow; a FIFO or a device would hang or choke it too.
    if (!loose.isFile() && !loose.isSymbolicLink() && !loose.isDirectory()) unreadable(join(commonDir, head.ref), { kind: 'odd', what: kindOf(loose) });
    if (!loose.isFile() || !/^[0-9a-f]{40}\r?\n?$/.test(readGitFile(join(commonDir, head.ref), SMALL_FILE) ?? '')) fail();
    return { kind: 'branch', name };
  }
  const packed = readGitFile(join(commonDir, 'packed-refs'), PACKED_REFS_MAX) ?? '';
  const born = packed.split('\n').some((l) => l.length === 41 + head.ref.length && /^[0-9a-f]{40} /.test(l) && l.endsWith(` ${head.ref}`));
  return born ? { kind: 'branch', name } : { kind: 'unborn', name };
}
