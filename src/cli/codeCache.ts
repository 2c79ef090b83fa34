/**
 * Loads the CLI's bundle with V8's code cache. Compiling the 2 MB bundle, and later each function it runs, costs
 * every `handoff-lint` process ~0.1 s of CPU — a tenth of a 1 MB handoff's whole analysis, most of a small one's.
 * The cache keeps the bytecode of one run for the next, as Node 22's `module.enableCompileCache()` does (Node 20,
 * which we support, has no such call).
 *
 * Why the checks: a cache file is code this process runs. So the cache folder must be a real folder (no link) that
 * only this user can write; a cache file is a regular file of this user's, opened without following a link,
 * read to a bound, and carries a SHA-256 of its bytes (V8 checks only a length-based hash of the source and,
 * outside debug builds, nothing of the payload: a damaged file could run wrong bytecode). It is named by a hash of
 * the bundle's text and of Node's version and flags, so a new build or a new Node never uses an old cache. Anything
 * odd means "no cache", never an error: the bundle is compiled afresh (an unusable folder: a plain `require`).
 * `HANDOFF_LINT_NO_CACHE=1` turns it off; `HANDOFF_LINT_CACHE_DIR` moves it (default `$XDG_CACHE_HOME/handoff-lint`,
 * else `~/.cache/handoff-lint`).
 *
 * The bundle must hold no dynamic `import()`: a `vm.Script` gets a module loader in Node 20 only through an
 * experimental option that warns on every run (codeCache.test.ts checks the built bundle).
 */
import { createHash } from 'node:crypto';
import { closeSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import Module, { createRequire } from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';
import { Script } from 'node:vm';
import { openRegular, readUpTo } from '../node/safeRead';

/** What happened to the cache on this load; tests and `HANDOFF_LINT_DEBUG_CACHE` read it. */
export type CacheStatus = 'used' | 'rejected' | 'absent' | 'damaged' | 'off';

export interface Loaded {
  exports: Record<string, unknown>;
  status: CacheStatus;
  /** Writes the cache when this load had none to use; call it once the bundle has run (its functions compiled). */
  save(): void;
}

const MAGIC = Buffer.from('HLCC1\0');
const DIGEST_BYTES = 32;
/** The cache of today's bundle is ~1 MB; a file far past that is not ours to trust. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;
/** Caches of other builds are removed past this many, oldest first. */
const KEEP_FILES = 4;
const NAME = /^cli-[0-9a-f]{24}\.cache$/;

/** `v8Flags`: the flags this process set at run time (engineFlags.ts), which `execArgv` does not show. */
export function loadWithCodeCache(file: string, env: NodeJS.ProcessEnv = process.env, v8Flags: readonly string[] = []): Loaded {
  const dir = turnedOff(env.HANDOFF_LINT_NO_CACHE) ? null : cacheDir(env);
  if (!dir) return { exports: createRequire(file)(file) as Record<string, unknown>, status: 'off', save: () => {} };
  const source = readFileSync(file, 'utf8');
  const path = join(dir, cacheName(source, v8Flags));
  const { data, damaged } = readCache(path);
  const script = new Script(Module.wrap(source), { filename: file, cachedData: data });
  const status: CacheStatus = data === undefined ? (damaged ? 'damaged' : 'absent') : script.cachedDataRejected ? 'rejected' : 'used';
  const exports = runAsModule(file, script);
  let saved = status === 'used';
  return {
    exports,
    status,
    save() {
      if (saved) return;
      saved = true;
      try {
        writeCache(dir, path, script.createCachedData());
      } catch {
        // a cache that cannot be made is no cache; the run's own exit status stands
      }
    },
  };
}

/** `HANDOFF_LINT_NO_CACHE=1` (or any value but `0`, `false`, `no` or empty). */
function turnedOff(value: string | undefined): boolean {
  return value !== undefined && value !== '' && !/^(?:0|false|no)$/i.test(value);
}

/** Runs the bundle as a CommonJS module of its own (its `require`, `__dirname`, `module.exports`), as `require` would. */
function runAsModule(file: string, script: Script): Record<string, unknown> {
  const m = new Module(file);
  m.filename = file;
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(m.exports, m.exports, createRequire(file), m, file, dirname(file));
  m.loaded = true;
  return m.exports as Record<string, unknown>;
}

/** V8 rejects a cache made under other flags: a name per flag set keeps two ways of running from overwriting each other's. */
function cacheName(source: string, v8Flags: readonly string[]): string {
  const flags = [...process.execArgv, ...v8Flags].join(' ');
  const h = createHash('sha256').update(source).update(`\0${process.version}\0${process.arch}\0${process.versions.v8}\0${flags}\0${process.env.NODE_OPTIONS ?? ''}`);
  return `cli-${h.digest('hex').slice(0, 24)}.cache`;
}

/** The cache folder when it is safe to run code from: made if missing, a real folder, this user's alone. */
export function cacheDir(env: NodeJS.ProcessEnv): string | null {
  try {
    const xdg = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
    const dir = env.HANDOFF_LINT_CACHE_DIR || join(xdg, 'handoff-lint');
    if (!isAbsolute(dir)) return null;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    if (!st.isDirectory() || !ownedAndPrivate(st)) return null;
    return dir;
  } catch {
    return null;
  }
}

/** Owned by this user, and no other may write it (Windows has no uid: its ACLs are the user profile's). */
function ownedAndPrivate(st: { uid: number; mode: number }): boolean {
  const uid = process.getuid?.();
  return uid === undefined || (st.uid === uid && (st.mode & 0o022) === 0);
}

/** The payload of a sound cache file; `damaged` when a file is there but is not one. */
function readCache(path: string): { data?: Buffer; damaged: boolean } {
  const opened = openRegular(path, { followLinks: false });
  if (!('fd' in opened)) return { damaged: opened.kind !== 'missing' };
  const { fd, stats } = opened;
  try {
    const size = stats.size;
    if (!ownedAndPrivate(stats) || size > MAX_CACHE_BYTES || size < MAGIC.length + DIGEST_BYTES) return { damaged: true };
    const buf = readUpTo(fd, size);
    if (buf.length !== size || !buf.subarray(0, MAGIC.length).equals(MAGIC)) return { damaged: true };
    const digest = buf.subarray(MAGIC.length, MAGIC.length + DIGEST_BYTES);
    const data = buf.subarray(MAGIC.length + DIGEST_BYTES);
    if (!createHash('sha256').update(data).digest().equals(digest)) return { damaged: true };
    return { data, damaged: false };
  } catch {
    return { damaged: true };
  } finally {
    closeSync(fd);
  }
}

/** Written beside, then renamed: a reader sees the whole old file or the whole new one. Failures are silent. */
function writeCache(dir: string, path: string, data: Buffer): void {
  if (data.length === 0 || data.length > MAX_CACHE_BYTES - MAGIC.length - DIGEST_BYTES) return;
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    const digest = createHash('sha256').update(data).digest();
    writeFileSync(tmp, Buffer.concat([MAGIC, digest, data]), { flag: 'wx', mode: 0o600 });
    renameSync(tmp, path);
    prune(dir);
  } catch {
    try { unlinkSync(tmp); } catch { /* never written */ }
  }
}

/** Other builds' caches, past the newest few. */
function prune(dir: string): void {
  const files = readdirSync(dir).filter((f) => NAME.test(f)).map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }));
  if (files.length <= KEEP_FILES) return;
  files.sort((a, b) => b.t - a.t);
  for (const { f } of files.slice(KEEP_FILES)) {
    try { unlinkSync(join(dir, f)); } catch { /* another process's prune was first */ }
  }
}
