/**
 * The batch's per-path questions that can be put to git while its dry run (recordQuestions.ts) is still finding
 * them, so that git works while the run does instead of after it:
 *   - `check-ignore`: one process from the first path recorded, its input written in pieces as paths are found and closed
 *     when the run ends (git answers each path on its own, so the answer is the union's as if asked at the end);
 *   - the walk of every deletion before a commit (findDeletions' whole walk, which takes no paths): started when
 *     the paths asked about that commit's earlier history pass PATHS_PER_COMMAND in a history without merges —
 *     the same condition under which NodeGitProvider.prefetchPerPath would start it after the run.
 * Nothing else changes: prefetchPerPath takes these answers where it would have asked, and the documents' own
 * questions are cut from them as before (BatchAnswers).
 */
import type { GitResult } from '../core/git/provider';
import type { GitRunResult, StdinFeed } from './gitRunner';
import { PATHS_PER_COMMAND } from './gitHistory';

export interface AheadGit {
  /** `check-ignore` reading the feed (checkIgnored with a feed), behind the repository's slow-git breaker. */
  ignored(feed: StdinFeed): Promise<GitResult<Set<string>>>;
  /** Whether the history is one line (complete, no merges): a walk of every deletion then answers for any paths. */
  linear(): Promise<boolean>;
  /** The whole walk of the deletions before `until` (startDeletionsWalk). */
  walk(until: string): Promise<GitRunResult>;
}

/** Characters of paths held before they are written to `check-ignore` (the rest goes when the input ends). */
export const FLUSH_CHARS = 64 * 1024;

export class AskAhead {
  private readonly ignoredPaths = new Set<string>();
  private write: ((chunk: string) => void) | null = null;
  private end: (() => void) | null = null;
  /** Paths not written yet (the process has not taken its input, or this turn's are still gathering), and whether the input is over. */
  private pending = '';
  private flushing = false;
  private closed = false;
  private ignoredAnswer: Promise<GitResult<Set<string>>> | null = null;
  private readonly walks = new Map<string, Promise<GitRunResult | null>>();
  private linear: Promise<boolean> | null = null;

  constructor(private readonly git: AheadGit) {}

  /** Paths the dry run asks about being ignored: written to `check-ignore` as they come (started on the first). */
  ignored(paths: readonly string[]): void {
    // Past the end of the input a path would not be asked: it must not be counted among the answered ones either.
    if (this.closed) return;
    let chunk = '';
    for (const p of paths) {
      if (this.ignoredPaths.has(p)) continue;
      this.ignoredPaths.add(p);
      chunk += `${p}\0`;
    }
    if (!chunk) return;
    this.pending += chunk;
    this.ignoredAnswer ??= this.git.ignored({ attach: (write, end) => this.attach(write, end) });
    // Written in pieces of FLUSH_CHARS or more, at the end of a turn of the event loop: each write is a system call
    // (a thousand of them were a sixth of a dry run's time), and through the git relay (spawnRelay.ts) a message of
    // its own, ~1 ms each whatever its size (a write per turn, 60 of them, took ~0.09 s of a 1,000-handoff run).
    if (this.write && !this.flushing && this.pending.length >= FLUSH_CHARS) {
      this.flushing = true;
      setImmediate(() => {
        this.flushing = false;
        this.flush();
      });
    }
  }

  private flush(): void {
    if (!this.write || !this.pending) return;
    this.write(this.pending);
    this.pending = '';
  }

  private attach(write: (chunk: string) => void, end: () => void): void {
    if (this.pending) write(this.pending);
    this.pending = '';
    if (this.closed) { end(); return; }
    this.write = write;
    this.end = end;
  }

  /** A document asked about the history before `until` (a commit; HEAD when undefined); `paths`: how many are asked of it so far. */
  deletionsBefore(until: string | undefined, paths: number): void {
    const at = until ?? 'HEAD';
    if (paths <= PATHS_PER_COMMAND || this.walks.has(at)) return;
    this.walks.set(at, (this.linear ??= this.git.linear()).then((linear) => (linear ? this.git.walk(at) : null)));
  }

  /** Ends `check-ignore`'s input: its answer for every path given, or null when none was. */
  ignoredUnion(): Promise<{ paths: string[]; answer: GitResult<Set<string>> }> | null {
    this.close();
    const answer = this.ignoredAnswer;
    return answer ? answer.then((a) => ({ paths: [...this.ignoredPaths], answer: a })) : null;
  }

  /** The whole walk started for `until`, if one was. */
  walkBefore(until: string | undefined): Promise<GitRunResult | null> | undefined {
    return this.walks.get(until ?? 'HEAD');
  }

  /** No more input: the dry run is over (or stopped). Safe to call again. */
  close(): void {
    this.flush();
    const end = this.end;
    this.closed = true;
    this.write = null;
    this.end = null;
    end?.();
  }
}
