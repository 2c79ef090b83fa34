/**
 * One handoff's pending re-analysis after an edit: it runs once the typing pauses, and whoever asks for the
 * analysis meanwhile (a CodeLens or link request for the new version) waits for that one run instead of
 * starting its own — otherwise every keystroke would be analysed and the pause would mean nothing. Pure
 * (timers only, no `vscode`), so it is unit-tested.
 */

/** Structurally `vscode.CancellationToken`'s event half. */
export interface CancellationEvent {
  onCancellationRequested(listener: () => void): { dispose(): void };
}

export class DebouncedRun<T> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private waiters: Array<(value: T | undefined) => void> = [];

  /** True while a run is scheduled and has not started. */
  get due(): boolean {
    return this.timer !== undefined;
  }

  /** (Re)starts the pause; `run` starts when it ends, and its result goes to everyone waiting. */
  schedule(delay: number, run: () => Promise<T>): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.settle(run());
    }, delay);
  }

  /** Another run of the same work started now (a save, a refresh): the scheduled one is dropped for it. */
  supersede(result: Promise<T>): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.settle(result);
  }

  /** Drops the scheduled run; waiters get undefined. */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const w of this.waiters.splice(0)) w(undefined);
  }

  /** The result of the scheduled run (or of the run that superseded it); undefined if cancelled. */
  wait(token?: CancellationEvent): Promise<T | undefined> {
    return new Promise((resolve) => {
      const sub = token?.onCancellationRequested(() => resolve(undefined));
      this.waiters.push((value) => {
        sub?.dispose();
        resolve(value);
      });
    });
  }

  private settle(result: Promise<T>): void {
    const waiters = this.waiters.splice(0);
    result.then((v) => waiters.forEach((w) => w(v)), () => waiters.forEach((w) => w(undefined)));
  }
}
