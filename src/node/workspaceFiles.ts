/**
 * The Node WorkspaceFiles. In a git work tree one `git ls-files` lists tracked and untracked-but-not-ignored
 * files (what a handoff may point at), minus files deleted from the work tree. Elsewhere, a bounded walk that
 * skips node_modules and .git. Lists are cached briefly: the core asks once per analysis, an editor analyses
 * on every keystroke pause.
 */
import { constants } from 'node:fs';
import { open, readdir, realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { CancellationToken, WorkspaceFiles } from '../core/interfaces';
import { GitRunner } from './gitRunner';
import { discoverFromDisk } from './discoverFromDisk';

export interface NodeWorkspaceFilesOptions {
  runner?: GitRunner;
  timeoutMs?: number;
  /** How long a listing stays fresh (ms). */
  ttlMs?: number;
  /** Bound for the walk outside git. */
  maxFiles?: number;
  /** Files larger than this are never read: not line-counted (null). */
  maxBytes?: number;
}

/** Non-blocking open: a FIFO in a file's place returns at once (and is then refused), a regular file is unaffected. */
const O_NONBLOCK = (constants as { O_NONBLOCK?: number }).O_NONBLOCK ?? 0;
/** Bytes read per step while counting lines. */
const CHUNK = 64 * 1024;

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
const toSlash = (p: string) => p.replace(/\\/g, '/');

/** Whether `path`, every symbolic link on its way followed, is still inside `root` (followed too). Throws when gone. */
export async function inside(path: string, root: string): Promise<boolean> {
  const [real, realRoot] = await Promise.all([realpath(path), realpath(root)]);
  return real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
}

export class NodeWorkspaceFiles implements WorkspaceFiles {
  private readonly runner: GitRunner;
  private readonly cache = new Map<string, { at: number; files: readonly string[] }>();
  private readonly opts: Required<Omit<NodeWorkspaceFilesOptions, 'runner'>>;

  constructor(options: NodeWorkspaceFilesOptions = {}) {
    this.runner = options.runner ?? new GitRunner();
    this.opts = { timeoutMs: options.timeoutMs ?? 10_000, ttlMs: options.ttlMs ?? 2_000, maxFiles: options.maxFiles ?? 200_000, maxBytes: options.maxBytes ?? 16 * 1024 * 1024 };
  }

  /** Listings being read, by root: a second ask meanwhile (a batch's early ask, then its first handoff's) waits for the same one. */
  private readonly reading = new Map<string, { token: CancellationToken; files: Promise<readonly string[]> }>();

  listFiles(root: string, token: CancellationToken): Promise<readonly string[]> {
    const hit = this.cache.get(root);
    if (hit && Date.now() - hit.at < this.opts.ttlMs) return Promise.resolve(hit.files);
    const pending = this.reading.get(root);
    // Shared only under the same token: a listing another caller may cancel could come back cut short.
    if (pending && pending.token === token) return pending.files;
    const files = this.listNow(root, token).finally(() => {
      if (this.reading.get(root)?.files === files) this.reading.delete(root);
    });
    this.reading.set(root, { token, files });
    return files;
  }

  private async listNow(root: string, token: CancellationToken): Promise<readonly string[]> {
    const listed = await this.fromGit(root, token);
    const files = listed ?? (token.isCancellationRequested ? [] : await this.walk(root, token));
    // A listing cut short by cancellation is never cached: the next analysis would call every file missing.
    if (!token.isCancellationRequested) this.cache.set(root, { at: Date.now(), files });
    return files;
  }

  /**
   * `-t` tags each entry: `H` cached, `?` untracked, `R` deleted from the work tree (listed again with H). Not in a
   * repository where git timed out before (the provider's memory, shared through the runner), or in none: the walk
   * lists it.
   */
  private async fromGit(root: string, token: CancellationToken): Promise<string[] | null> {
    if (this.runner.slowRepos?.problem(root)) return null;
    // In no repository (found without git): git would only say so.
    const disk = discoverFromDisk(root);
    if (disk && 'problem' in disk && disk.problem.kind === 'not-a-repository') return null;
    const r = await this.runner.run({
      cwd: root, token, timeoutMs: this.opts.timeoutMs,
      args: ['ls-files', '-z', '-t', '--cached', '--others', '--deleted', '--exclude-standard'],
    }).catch(() => null);
    if (r && !r.ok && r.problem.kind === 'timeout') this.runner.slowRepos?.mark(root, r.problem);
    if (!r || !r.ok || r.out.code !== 0) return null;
    const keep = new Set<string>();
    const gone = new Set<string>();
    for (const entry of r.out.stdout.split('\0')) {
      if (entry.length < 3) continue;
      const tag = entry[0];
      const path = entry.slice(2);
      // Listed from inside a submodule that is not checked out, its gitlink shows as `./`: not a file.
      if (path === './' || path.endsWith('/')) continue;
      if (tag === 'R') gone.add(path);
      else keep.add(path);
    }
    const base = toSlash(root).replace(/\/$/, '');
    return [...keep].filter((p) => !gone.has(p)).map((p) => `${base}/${p}`);
  }

  private async walk(root: string, token: CancellationToken): Promise<string[]> {
    const out: string[] = [];
    const queue = [root];
    while (queue.length && out.length < this.opts.maxFiles && !token.isCancellationRequested) {
      const dir = queue.shift()!;
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        const p = join(dir, e.name);
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name)) queue.push(p);
        } else if (e.isFile()) out.push(toSlash(p));
      }
    }
    return out;
  }

  /**
   * Lines as an editor shows them: a trailing newline does not start another line. Only a regular file inside the
   * folder it was listed under (a tracked symbolic link to `/etc/passwd` is `outside`, and not read), never one
   * over the size cap, and only as far as `upTo` needs: past that line the answer is `upTo + 1`.
   */
  async lineCount(path: string, token: CancellationToken, upTo = Infinity): Promise<number | null | 'outside'> {
    try {
      const root = this.rootOf(path);
      if (root !== null && !(await inside(path, root))) return 'outside';
      const file = await open(path, constants.O_RDONLY | O_NONBLOCK);
      try {
        const s = await file.stat();
        if (!s.isFile() || s.size > this.opts.maxBytes) return null;
        const buf = Buffer.allocUnsafe(CHUNK);
        let lines = 0;
        let last = 10;
        for (let at = 0; ; ) {
          const { bytesRead } = await file.read(buf, 0, CHUNK, at);
          if (bytesRead === 0) break;
          for (let i = 0; i < bytesRead; i++) if (buf[i] === 10) lines++;
          last = buf[bytesRead - 1]!;
          at += bytesRead;
          // Past the largest line asked about, or grown past the cap while read: enough is known.
          if (lines > upTo) return upTo + 1;
          if (at > this.opts.maxBytes || token.isCancellationRequested) return null;
        }
        return last === 10 ? lines : lines + 1;
      } finally {
        await file.close();
      }
    } catch {
      return null;
    }
  }

  /** The folder `path` was listed under (the longest), or null: breadcrumb targets never leave it. */
  private rootOf(path: string): string | null {
    let best: string | null = null;
    for (const root of this.cache.keys()) {
      const r = toSlash(root).replace(/\/$/, '');
      if (toSlash(path).startsWith(`${r}/`) && (!best || r.length > best.length)) best = r;
    }
    return best;
  }
}
