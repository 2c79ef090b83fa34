/**
 * The only place that starts git. Argument arrays, never a shell; no prompts, no pager, no fsmonitor hooks,
 * no optional locks (we only read, and must not fight a user's concurrent `git commit`). Every run has a
 * timeout and honours cancellation. Spawns are counted so tests can prove the batch design holds.
 */
import { spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import type { CancellationToken } from '../core/interfaces';
import type { GitProblem } from '../core/git/provider';
import { GitSession } from './gitSession';
import { killTree } from './killTree';
import type { SlowRepos } from './slowRepos';

export type SpawnFn = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

export interface GitRunnerOptions {
  /** The git executable; default `git` from PATH. */
  gitPath?: string;
  /** Replaceable for tests that count or observe processes (they still run real git). */
  spawn?: SpawnFn;
}

export interface GitRun {
  cwd: string;
  args: readonly string[];
  /**
   * Written to stdin, then stdin is closed (batch commands read their queries from here). A feed writes while git
   * runs, as its caller finds what to ask; the time limit then starts when the feed ends.
   */
  input?: string | StdinFeed;
  timeoutMs: number;
  token: CancellationToken;
  /**
   * Most bytes of stdout kept. Past it the process is stopped: a git that floods (a huge history, a hostile
   * wrapper) costs bounded memory. The run then fails with a problem naming the cap, unless `partial`. Default: 64 MiB.
   */
  maxBytes?: number;
  /**
   * The caller can use the first `maxBytes` of the output (the graph reader, which then says the graph is
   * incomplete): the run succeeds with `truncated` set instead of failing.
   */
  partial?: boolean;
}

/** Input given to a running git a piece at a time: `attach` is called at once with the process's writer and its end. */
export interface StdinFeed {
  attach(write: (chunk: string) => void, end: () => void): void;
}

export interface GitOutput {
  code: number;
  stdout: string;
  stderr: string;
  /** True when stdout was cut at `maxBytes` and the process stopped there. */
  truncated?: boolean;
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/** stderr is only ever quoted in a one-line notice. */
const MAX_STDERR_BYTES = 64 * 1024;

export type GitRunResult = { ok: true; out: GitOutput } | { ok: false; problem: GitProblem };

/** Options placed before every subcommand: safe for read-only use in any repository. */
const GLOBAL_ARGS = [
  '--no-pager',
  '-c', 'core.fsmonitor=false',
  '-c', 'core.quotepath=off',
  '-c', 'color.ui=false',
  '-c', 'log.showSignature=false',
  '-c', 'core.untrackedCache=false',
];

function gitEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    LC_ALL: 'C',
    LANGUAGE: 'C',
  };
}

/**
 * Every git process started and not yet exited, across runners. Each runs in its own process group (so a timeout
 * kills what it started too), which also means a signal that stops the CLI or the extension host does not reach
 * it: the host kills them all on the way out (`killAllGit`).
 */
const live = new Set<ChildProcess>();

function track(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
  child.once('error', () => live.delete(child));
}

/** Kills every git process still running, with what it started (the CLI on SIGINT/SIGTERM, the extension on deactivate). */
export function killAllGit(): number {
  const n = live.size;
  for (const child of live) killTree(child);
  live.clear();
  return n;
}

export class GitRunner {
  /** Number of git processes started by this runner. */
  spawned = 0;
  /**
   * The repositories marked slow (slowRepos.ts), set by the provider that owns the memory: shared here so that
   * everything running git through this runner (the file lister too) skips a repository git hangs in.
   */
  slowRepos?: SlowRepos;

  /**
   * A git process that answers questions one batch at a time (`cat-file --batch-check` reading stdin), for
   * searches whose next question depends on the last answer: one process for the whole search.
   */
  session(cwd: string, args: readonly string[], token: CancellationToken, timeoutMs: number): GitSession | GitProblem {
    if (token.isCancellationRequested) return cancelled().problem;
    try {
      this.spawned++;
      const child = this.spawnFn(this.gitPath, [...GLOBAL_ARGS, ...args], {
        cwd, env: gitEnv(), shell: false, windowsHide: true, stdio: ['pipe', 'pipe', 'pipe'], detached: process.platform !== 'win32',
      });
      track(child);
      return new GitSession(child, token, timeoutMs, args[0] ?? 'git');
    } catch (e) {
      return spawnProblem(e as NodeJS.ErrnoException);
    }
  }
  readonly gitPath: string;
  private readonly spawnFn: SpawnFn;

  constructor(options: GitRunnerOptions = {}) {
    this.gitPath = options.gitPath ?? 'git';
    this.spawnFn = options.spawn ?? (nodeSpawn as SpawnFn);
  }

  run(req: GitRun): Promise<GitRunResult> {
    if (req.token.isCancellationRequested) return Promise.resolve(cancelled());
    // The subcommand, for notices ("git log", not "git --literal-pathspecs").
    const what = req.args.find((a) => !a.startsWith('-')) ?? req.args[0];
    return new Promise((resolve) => {
      let settled = false;
      // Declared before `finish`, which a spawn that throws at once calls before either is set.
      let timer: NodeJS.Timeout | undefined;
      let poll: NodeJS.Timeout | undefined;
      const finish = (r: GitRunResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(poll);
        resolve(r);
      };
      let child: ChildProcess;
      try {
        this.spawned++;
        child = this.spawnFn(this.gitPath, [...GLOBAL_ARGS, ...req.args], {
          // Own process group on POSIX, so a timeout also kills what git started (hooks, helpers, a wrapper's sleep).
          cwd: req.cwd, env: gitEnv(), shell: false, windowsHide: true, stdio: ['pipe', 'pipe', 'pipe'], detached: process.platform !== 'win32',
        });
        track(child);
      } catch (e) {
        finish({ ok: false, problem: spawnProblem(e as NodeJS.ErrnoException) });
        return;
      }
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      const maxBytes = req.maxBytes ?? DEFAULT_MAX_BYTES;
      let outBytes = 0;
      let errBytes = 0;
      let truncated = false;
      const done = (code: number) => {
        if (truncated && !req.partial) {
          finish({ ok: false, problem: { kind: 'error', message: `git printed more than ${sizeOf(maxBytes)} (git ${what})` } });
          return;
        }
        let stdout = Buffer.concat(out);
        if (stdout.length > maxBytes) stdout = stdout.subarray(0, maxBytes);
        const result: GitOutput = { code, stdout: stdout.toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
        if (truncated) result.truncated = true;
        finish({ ok: true, out: result });
      };
      child.stdout?.on('data', (b: Buffer) => {
        if (truncated) return;
        out.push(b);
        outBytes += b.length;
        if (outBytes > maxBytes) {
          truncated = true;
          killTree(child);
          done(0);
        }
      });
      child.stderr?.on('data', (b: Buffer) => {
        if (errBytes < MAX_STDERR_BYTES) err.push(b);
        errBytes += b.length;
      });
      child.on('error', (e) => finish({ ok: false, problem: spawnProblem(e as NodeJS.ErrnoException) }));
      // git is done, but what it started may not be (a hook, a helper, a wrapper that daemonised): they would hold
      // the pipes open, so 'close' would wait for them until the timeout, and they would outlive us. The process
      // group goes with git.
      child.on('exit', () => killTree(child));
      child.on('close', (code) => done(code ?? -1));
      // The interface's token has no event; polling is cheap next to a process.
      poll = setInterval(() => {
        if (req.token.isCancellationRequested) { killTree(child); finish(cancelled()); }
      }, 25);
      const startTimer = () => {
        if (settled) return;
        timer = setTimeout(() => {
          killTree(child);
          finish({ ok: false, problem: { kind: 'timeout', message: `git took longer than ${req.timeoutMs} ms (git ${what}); showing parse-only results` } });
        }, req.timeoutMs);
      };
      // A git that exits early (bad repo) closes stdin under us: ignore EPIPE, the exit code tells the story.
      child.stdin?.on('error', () => {});
      const input = req.input;
      if (typeof input === 'object') {
        input.attach((chunk) => { if (!settled) child.stdin?.write(chunk); }, () => { child.stdin?.end(); startTimer(); });
      } else {
        startTimer();
        child.stdin?.end(input ?? '');
      }
    });
  }
}

/** `64 MB`, `512 KB`: a cap in words for a notice. */
function sizeOf(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function cancelled(): { ok: false; problem: GitProblem } {
  return { ok: false, problem: { kind: 'cancelled', message: 'git check cancelled' } };
}

function spawnProblem(e: NodeJS.ErrnoException): GitProblem {
  if (e.code === 'ENOENT' || e.code === 'EACCES') {
    return { kind: 'not-installed', message: 'git is not installed or not on PATH; showing parse-only results' };
  }
  return { kind: 'error', message: `git could not be started (${e.code ?? e.message}); showing parse-only results` };
}

/** git's answer in a folder that is in no repository (also found without git: discoverFromDisk.ts). */
export const NOT_IN_A_REPOSITORY: GitProblem = { kind: 'not-a-repository', message: 'not in a git repository; showing parse-only results' };

/** Turns a failed git run into one notice: corrupt repositories are named as such, other errors quoted. */
export function failureProblem(out: GitOutput, what: string): GitProblem {
  const first = out.stderr.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? `exit code ${out.code}`;
  if (/not a git repository/i.test(out.stderr)) return NOT_IN_A_REPOSITORY;
  if (/corrupt|bad object|loose object|unable to read|inflate|invalid sha1 pointer|bad tree|broken link|packfile|missing object|bad file|damaged|index file smaller/i.test(out.stderr)) {
    return { kind: 'corrupt', message: `the git repository looks corrupt (${first}); showing parse-only results` };
  }
  return { kind: 'error', message: `git ${what} failed (${first}); showing parse-only results` };
}
