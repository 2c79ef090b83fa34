/**
 * One git process asked in rounds: each `ask` writes a batch of lines to its stdin and resolves with as many
 * answer lines (`cat-file --batch-check` answers one line per line asked). Bounded like every run: a deadline for
 * the whole session, cancellation, and a cap on what one answer may hold; `close` ends it (and `dispose` kills it).
 */
import type { ChildProcess } from 'node:child_process';
import type { CancellationToken } from '../core/interfaces';
import type { GitProblem } from '../core/git/provider';
import { cancelled } from './gitRunner';
import { killTree } from './killTree';

/** Longest answer line kept (a batch-check line is a SHA, a type and a size). */
const MAX_LINE = 4096;

export class GitSession {
  private buffer = '';
  /** Line breaks in the buffer: an answer is split off only once it is whole (splitting at every chunk is quadratic). */
  private breaks = 0;
  private waiting: { count: number; resolve: (lines: string[] | GitProblem) => void } | null = null;
  private failed: GitProblem | null = null;
  private readonly timer: NodeJS.Timeout;
  private readonly poll: NodeJS.Timeout;

  constructor(private readonly child: ChildProcess, token: CancellationToken, timeoutMs: number, what: string) {
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (s: string) => {
      this.buffer += s;
      for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) this.breaks++;
      if (this.buffer.length > MAX_LINE * 10_000) this.fail({ kind: 'error', message: `git ${what} answered more than asked` });
      this.settle();
    });
    child.stdin?.on('error', () => {});
    child.on('error', (e) => this.fail({ kind: 'error', message: `git ${what} could not run (${e.message})` }));
    child.on('close', () => this.fail({ kind: 'error', message: `git ${what} ended before answering` }));
    this.timer = setTimeout(() => this.fail({ kind: 'timeout', message: `git took longer than ${timeoutMs} ms (git ${what}); showing parse-only results` }), timeoutMs);
    this.poll = setInterval(() => { if (token.isCancellationRequested) this.fail(cancelled().problem); }, 25);
  }

  /** Writes the lines (no newline inside any) and resolves with one answer line per line, or the problem. */
  ask(lines: readonly string[]): Promise<string[] | GitProblem> {
    if (this.failed) return Promise.resolve(this.failed);
    if (!lines.length) return Promise.resolve([]);
    return new Promise((resolve) => {
      this.waiting = { count: lines.length, resolve };
      this.child.stdin?.write(lines.join('\n') + '\n');
      this.settle();
    });
  }

  /** Ends the session (closing stdin lets git exit on its own). */
  close(): void {
    clearTimeout(this.timer);
    clearInterval(this.poll);
    this.child.stdin?.end();
    // Whatever it still does, it is not waited for.
    setTimeout(() => { if (this.child.exitCode === null) killTree(this.child); }, 1000).unref();
  }

  private settle(): void {
    const w = this.waiting;
    if (!w) return;
    if (this.breaks < w.count) return;
    const lines = this.buffer.split('\n');
    this.buffer = lines.slice(w.count).join('\n');
    this.breaks -= w.count;
    this.waiting = null;
    w.resolve(lines.slice(0, w.count).map((l) => l.slice(0, MAX_LINE)));
  }

  private fail(p: GitProblem): void {
    if (this.failed) return;
    this.failed = p;
    clearTimeout(this.timer);
    clearInterval(this.poll);
    killTree(this.child);
    const w = this.waiting;
    this.waiting = null;
    w?.resolve(p);
  }
}
