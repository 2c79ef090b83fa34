/**
 * Which analysis answers a provider (lens, link, hover, code action) for the document the editor shows: the newest
 * analysis of exactly that version, taken in the current epoch (refreshScheduler.ts: after every repository or file
 * change the store has heard of). An analysis of the right text but of the repository before a commit is stale, as
 * is one the editor's text has moved past. The store's `ensure` asks `freshStep` what to do until it says
 * `answer`, waiting (bounded, cancellable) for the edit or refresh already on its way rather than answering from
 * what it knows to be out of date. Pure, so it is unit-tested.
 */

/** One analysis as the store tracks it: the document version it read (-1 from disk) and the epoch it started in. */
export interface AnalysisStamp {
  version: number;
  epoch: number;
}

export interface FreshState {
  /** The version the provider asks about. */
  version: number;
  /** The store's epoch now. */
  epoch: number;
  /** The analysis that landed last. */
  landed?: AnalysisStamp;
  /** The analysis in flight, if any. */
  running?: AnalysisStamp;
  /** An edit's re-analysis is waiting for the typing to pause. */
  editDue: boolean;
  /** A refresh after a repository or file change is scheduled. */
  refreshDue: boolean;
  /** The wait's bound is reached: an analysis of this version answers, whatever epoch it started in. */
  late: boolean;
}

export type FreshStep =
  /** The landed analysis is the answer. */
  | 'answer'
  /** The edit's pending run analyses the version shown: wait for it. */
  | 'wait-edit'
  /** A refresh is on its way: wait for it to start, then join its analysis. */
  | 'wait-refresh'
  /** The analysis in flight is of this version and epoch: its result is the answer. */
  | 'join'
  /** Nothing current is landed or on its way: analyse now. */
  | 'analyse';

export function freshStep(s: FreshState): FreshStep {
  const current = (a: AnalysisStamp | undefined) => a !== undefined && a.version === s.version && (s.late || a.epoch === s.epoch);
  if (current(s.landed)) return 'answer';
  if (s.late) return current(s.running) ? 'join' : 'analyse';
  if (s.editDue) return 'wait-edit';
  if (current(s.running)) return 'join';
  if (s.refreshDue) return 'wait-refresh';
  return 'analyse';
}

/** Structurally `vscode.CancellationToken`. */
export interface WaitToken {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

/** An analysis in flight, as `freshAnswer` joins it. */
export interface FreshRun<T> extends AnalysisStamp {
  promise: Promise<T | undefined>;
}

/** What `freshAnswer` reads and does in the store, for one document. */
export interface FreshSource<T extends { version: number }> {
  /** False once the handoff is gone or its document was closed or edited past `version`. */
  stillAsked(): boolean;
  epoch(): number;
  landed(): (AnalysisStamp & { result: T }) | undefined;
  running(): FreshRun<T> | undefined;
  editDue(): boolean;
  refreshDue(): boolean;
  waitEdit(token: WaitToken): Promise<unknown>;
  waitRefresh(token: WaitToken): Promise<unknown>;
  /** Starts an analysis of the document's text now (in the current epoch). */
  analyse(): FreshRun<T>;
}

/**
 * The store's `ensure` for one document version: follows `freshStep` until an answer, waiting at most `waitMs` (and
 * `maxSteps` steps) for a current one; past that, any analysis of this version answers. Undefined when the caller
 * cancels, or the document is gone or edited meanwhile (the editor then asks again). The token ends this wait only:
 * an analysis others wait for runs on.
 */
export async function freshAnswer<T extends { version: number }>(
  version: number, src: FreshSource<T>, token: WaitToken, waitMs: number, maxSteps = 8,
): Promise<T | undefined> {
  const deadline = Date.now() + waitMs;
  for (let step = 0; step < maxSteps; step++) {
    if (token.isCancellationRequested || !src.stillAsked()) return undefined;
    const late = Date.now() > deadline || step >= maxSteps - 2;
    const landed = src.landed();
    const next = freshStep({ version, epoch: src.epoch(), landed, running: src.running(), editDue: src.editDue(), refreshDue: src.refreshDue(), late });
    if (next === 'answer') return landed?.result;
    if (next === 'wait-edit') await src.waitEdit(token);
    else if (next === 'wait-refresh') await src.waitRefresh(token);
    else {
      const joined = next === 'join' ? src.running() : undefined;
      const run = joined ?? src.analyse();
      const result = await untilCancelled(run.promise, token);
      // Even if it did not land (a newer analysis of this version and epoch took over), it answers for this version.
      if (result?.version === version && (late || run.epoch === src.epoch())) return result;
    }
  }
  return undefined;
}

/** The promise's value, or undefined as soon as the token is cancelled (the work itself goes on). */
export function untilCancelled<T>(promise: Promise<T | undefined>, token: WaitToken): Promise<T | undefined> {
  if (token.isCancellationRequested) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const sub = token.onCancellationRequested(() => resolve(undefined));
    promise.then((v) => { sub.dispose(); resolve(v); }, () => { sub.dispose(); resolve(undefined); });
  });
}
