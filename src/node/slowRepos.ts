/**
 * The circuit breaker across analyses: a repository where git ran past its time limit is marked slow, and every
 * later question about it fails at once with one problem instead of waiting for the limit again — one timeout
 * for a run over a thousand handoffs, not a thousand. The mark holds until the repository's state changes (a
 * commit, checkout, fetch… moves `repoStateKey`): in the CLI that is the rest of the run, in the editor until the
 * user does something git may now answer faster. A mark whose state cannot be read (discovery itself timed out)
 * holds for a while instead. Raising the time limit clears every mark.
 *
 * Keyed by the repository's root: a question about any folder inside it is a question about it.
 */
import type { GitProblem } from '../core/git/provider';

/** How long a mark holds when the repository's state cannot be read to tell when it changed. */
const UNKNOWN_STATE_MS = 60_000;

interface Mark {
  problem: GitProblem;
  /** The repository's state key when marked, or null when it could not be read. */
  state: string | null;
  at: number;
}

const toSlash = (p: string) => p.replace(/\\/g, '/').replace(/\/+$/, '');

export class SlowRepos {
  private readonly marks = new Map<string, Mark>();

  /** `stateOf(root)`: the repository's state key (repoState.ts), or null when not known. */
  constructor(private readonly stateOf: (root: string) => string | null, private readonly now: () => number = Date.now) {}

  /** Marks the repository at `root` slow after `timeout` (a problem of kind `timeout`). */
  mark(root: string, timeout: GitProblem): void {
    const key = toSlash(root);
    if (this.marks.has(key)) return;
    const what = /\(git ([^)]+)\)/.exec(timeout.message)?.[1];
    const limit = /longer than (\d+ ms)/.exec(timeout.message)?.[1];
    const message = `git took longer than ${limit ?? 'its time limit'} in this repository${what ? ` (git ${what})` : ''}: it is not asked again until the repository changes; showing parse-only results`;
    this.marks.set(key, { problem: { kind: 'timeout', message }, state: this.stateOf(key), at: this.now() });
  }

  /** The problem every question about `path` (a repository's root or a folder inside it) gets now, or null. */
  problem(path: string): GitProblem | null {
    if (!this.marks.size) return null;
    const p = toSlash(path);
    for (const [root, m] of this.marks) {
      if (p !== root && !p.startsWith(`${root}/`)) continue;
      const fresh = m.state === null ? this.now() - m.at < UNKNOWN_STATE_MS : this.stateOf(root) === m.state;
      if (fresh) return m.problem;
      this.marks.delete(root);
    }
    return null;
  }

  /** Asks, unless the repository at `root` is marked slow; marks it when the answer is a timeout. */
  async guard<R extends { ok: true } | { ok: false; problem: GitProblem }>(root: string, ask: () => Promise<R>): Promise<R | { ok: false; problem: GitProblem }> {
    const slow = this.problem(root);
    if (slow) return { ok: false, problem: slow };
    const r = await ask();
    if (!r.ok && r.problem.kind === 'timeout') this.mark(root, r.problem);
    return r;
  }

  clear(): void {
    this.marks.clear();
  }
}
