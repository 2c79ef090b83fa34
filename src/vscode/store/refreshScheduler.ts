/**
 * When every handoff is analysed again after the repository or the workspace's files changed, and how the store
 * tells an answer of the current state from one taken before a change it has heard of.
 *
 * Every change reported (a commit, a push, a file created or deleted, a target saved) starts a new epoch at once:
 * an analysis, and a file listing, taken in an earlier epoch is known to be out of date even before the refresh
 * runs. The refresh itself waits for the reports to pause (a commit is several file events, a checkout hundreds),
 * but never longer than `maxMs` after the first: a stream of changes must not postpone it for ever. A change
 * reported while a refresh runs schedules the next one; none is dropped. Pure (timers only, no `vscode`), so it is
 * unit-tested.
 */

/** Structurally `vscode.CancellationToken`. */
export interface CancellationSignal {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

export interface RefreshDelays {
  /** How long the reports must pause before the refresh runs. */
  quietMs: number;
  /** The longest a refresh waits after the first report of a burst. */
  maxMs: number;
}

export class RefreshScheduler {
  private epochCount = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private burstStart = 0;
  private reason = '';
  private waiters: Array<() => void> = [];

  /** `run` re-analyses every handoff; it is called once per burst of reports, with the last report's reason. */
  constructor(private readonly run: (reason: string) => void, private readonly delays: () => RefreshDelays) {}

  /** Grows with every change reported: what was computed in an earlier epoch predates a known change. */
  get epoch(): number {
    return this.epochCount;
  }

  /** True while a refresh is scheduled and has not started. */
  get due(): boolean {
    return this.timer !== undefined;
  }

  /** The repository or the files changed: everything computed before is out of date, and a refresh follows. */
  request(reason: string): void {
    this.epochCount++;
    this.reason = reason;
    const now = Date.now();
    if (this.timer) clearTimeout(this.timer);
    else this.burstStart = now;
    const { quietMs, maxMs } = this.delays();
    const delay = Math.max(0, Math.min(quietMs, this.burstStart + maxMs - now));
    this.timer = setTimeout(() => this.fire(), delay);
  }

  /** Out of date without a scheduled refresh: the caller analyses everything itself now (Refresh). */
  invalidate(): void {
    this.epochCount++;
  }

  /**
   * Resolves once the scheduled refresh has started (its analyses are then running), at once when none is due, or
   * when the token is cancelled. Bounded: a refresh starts at most `maxMs` after the burst began.
   */
  started(token?: CancellationSignal): Promise<void> {
    if (!this.timer || token?.isCancellationRequested) return Promise.resolve();
    return new Promise((resolve) => {
      const sub = token?.onCancellationRequested(() => resolve());
      this.waiters.push(() => {
        sub?.dispose();
        resolve();
      });
    });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const w of this.waiters.splice(0)) w();
  }

  private fire(): void {
    this.timer = undefined;
    const waiters = this.waiters.splice(0);
    try {
      this.run(this.reason);
    } finally {
      for (const w of waiters) w();
    }
  }
}
