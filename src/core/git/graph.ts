/**
 * Questions answered from the whole commit graph (RepoGraph, read once per repository state), so that judging a
 * claim never costs a git process per item and never stops at a window: "is this commit in main's history",
 * "how many commits since", "which ref contains it", "which commit has the same subject".
 *
 * Commits are indexed once; parents become index arrays; generation numbers (1 + the highest parent's) let an
 * ancestry walk stop at commits too old to lead anywhere, so a question about a recent commit costs little even in
 * a long history. Reachable sets are memoised per tip (a bit per commit).
 */
import { ancestryLine } from './ancestryLine';
import type { GraphCommit, RepoGraph } from './provider';

/** A ref tip for containment questions: `origin/main`, `refs/pull/12/head`… */
/** Tips whose histories are kept for `tipsContaining` (a bit per commit each), per question at most. */
const KEPT_TIPS = 16;
/** Histories kept at most (`reachable`): 64 of a 300,000-commit graph are 19 MB. */
const MAX_KEPT_HISTORIES = 64;

export interface Tip {
  name: string;
  sha: string;
}

/** Graphs built per answer: every handoff of a run gets the same cached graph answer (the same object). */
const byAnswer = new WeakMap<RepoGraph, CommitGraph>();

export class CommitGraph {
  /** The graph of an answer, built once per answer object (what it memoises only grows: sharing it is safe). */
  static of(graph: RepoGraph): CommitGraph {
    let g = byAnswer.get(graph);
    if (!g) byAnswer.set(graph, (g = new CommitGraph(graph)));
    return g;
  }

  readonly complete: boolean;
  readonly pullRefs: RepoGraph['pullRefs'];
  private readonly commits: readonly GraphCommit[];
  private readonly index = new Map<string, number>();
  private readonly parents: number[][];
  private generations: Int32Array | null = null;
  private children: number[][] | null = null;
  private readonly reach = new Map<number, Uint8Array>();
  private subjects: Map<string, number[]> | null = null;

  constructor(graph: RepoGraph) {
    this.complete = graph.complete;
    this.pullRefs = graph.pullRefs;
    this.commits = graph.commits;
    graph.commits.forEach((c, i) => this.index.set(c.sha, i));
    // A parent outside the graph (cut by the size bound, or beyond a shallow boundary) is simply not followed.
    this.parents = graph.commits.map((c) => c.parents.map((p) => this.index.get(p) ?? -1).filter((i) => i >= 0));
  }

  get size(): number {
    return this.commits.length;
  }

  has(sha: string): boolean {
    return this.index.has(sha);
  }

  get(sha: string): GraphCommit | undefined {
    const i = this.index.get(sha);
    return i === undefined ? undefined : this.commits[i];
  }

  /**
   * Whether `ancestor` is in the history of `tip` (itself included). null when the graph cannot tell: one of
   * them is not in it and the graph is incomplete (a complete graph lacking a commit answers false).
   */
  isAncestor(ancestor: string, tip: string): boolean | null {
    const a = this.index.get(ancestor);
    const t = this.index.get(tip);
    if (a === undefined || t === undefined) return this.complete && t !== undefined ? false : null;
    if (a === t) return true;
    const memo = this.reach.get(t);
    if (memo) return memo[a] === 1;
    const gen = this.generationsOf();
    const floor = gen[a]!;
    // A commit no older than the tip is in no history of it: asked of every commit of a line, this is most answers.
    if (floor >= gen[t]!) return false;
    const seen = new Uint8Array(this.commits.length);
    const stack = [t];
    seen[t] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      for (const p of this.parents[i]!) {
        if (p === a) return true;
        if (seen[p] || gen[p]! <= floor) continue; // a parent no newer than `ancestor` cannot lead to it
        seen[p] = 1;
        stack.push(p);
      }
    }
    return false;
  }

  /** Commits in `tip`'s history that are not in `base`'s (`git rev-list base..tip`), or null when unknown. */
  between(base: string, tip: string): string[] | null {
    const b = this.index.get(base);
    const t = this.index.get(tip);
    if (b === undefined || t === undefined) return null;
    const baseSet = this.reachable(b);
    const out: string[] = [];
    const seen = new Uint8Array(this.commits.length);
    const stack = [t];
    while (stack.length) {
      const i = stack.pop()!;
      if (seen[i] || baseSet[i]) continue;
      seen[i] = 1;
      out.push(this.commits[i]!.sha);
      stack.push(...this.parents[i]!);
    }
    return out;
  }

  /**
   * The tips whose history contains `sha`. A few tips (a repository's branches, asked about by every claim of
   * every handoff): each tip's history is walked once and kept, and each question is a look-up. Many (pull
   * requests): one walk from the commit towards its descendants.
   */
  tipsContaining(sha: string, tips: readonly Tip[]): Tip[] {
    const start = this.index.get(sha);
    if (start === undefined) return [];
    if (tips.length <= KEPT_TIPS) {
      return tips.filter((t) => {
        const i = this.index.get(t.sha);
        return i !== undefined && this.reachable(i)[start] === 1;
      });
    }
    const seen = this.descendants(start);
    return tips.filter((t) => {
      const i = this.index.get(t.sha);
      return i !== undefined && seen[i] === 1;
    });
  }

  /**
   * The commit `tip`'s first-parent line was at, at `time` (seconds): the newest commit on that line committed at
   * or before it, as today's history tells; null when the line leaves the graph first. What a branch's tip was
   * when a handoff was written, for a claim the branch no longer contains.
   */
  firstParentAt(tip: string, time: number): string | null {
    let i = this.index.get(tip);
    for (let steps = 0; i !== undefined && steps < this.commits.length; steps++) {
      const c = this.commits[i]!;
      if (c.time <= time) return c.sha;
      const first = c.parents[0];
      i = first === undefined ? undefined : this.index.get(first);
    }
    return null;
  }

  /**
   * `git log --first-parent ^since tip`, oldest first: `tip`'s first-parent line down to the first commit in `since`'s
   * history (every commit below that one is in it too). Null when the graph cannot say what git would: incomplete,
   * or either commit not in it.
   */
  firstParentsSince(since: string, tip: string): GraphCommit[] | null {
    if (!this.complete || !this.index.has(since)) return null;
    let i = this.index.get(tip);
    if (i === undefined) return null;
    const out: GraphCommit[] = [];
    const inSince = this.reachable(this.index.get(since)!);
    for (;;) {
      const c = this.commits[i]!;
      if (inSince[i] === 1) break;
      out.push(c);
      const first = c.parents[0];
      // A root commit, or a shallow clone's boundary (git prints no parent past it): the line ends here, as git's does.
      if (first === undefined) break;
      i = this.index.get(first);
      if (i === undefined) return null;
    }
    return out.reverse();
  }

  /**
   * The line a change made after `since` took to reach `tip` (ancestryLine.ts), oldest first: `tip`'s first-parent
   * line when `since` is on it, else down a merge's other parent to the branch `since` was written on. When `since`
   * is not in `tip`'s history, the first-parent line as git gives it (`firstParentsSince`). Null as that one is.
   */
  lineSince(since: string, tip: string): GraphCommit[] | null {
    const s = this.index.get(since);
    const t = this.index.get(tip);
    if (!this.complete || s === undefined || t === undefined) return null;
    if (this.reachable(t)[s] !== 1) return this.firstParentsSince(since, tip);
    const below = this.descendants(s);
    const line = ancestryLine(tip, since, (sha) => this.get(sha)?.parents, (sha) => below[this.index.get(sha) ?? -1] === 1);
    return line ? line.map((sha) => this.get(sha)!) : null;
  }

  /** Whether a commit is in `tip`'s history (itself included), or null when `tip` is not in the graph. */
  historyOf(tip: string): ((sha: string) => boolean) | null {
    const t = this.index.get(tip);
    if (t === undefined) return null;
    const set = this.reachable(t);
    return (sha) => {
      const i = this.index.get(sha);
      return i !== undefined && set[i] === 1;
    };
  }

  /** Commits with exactly this subject, newest first (amended and rebased commits keep their subject). */
  withSubject(subject: string): GraphCommit[] {
    if (!this.subjects) {
      this.subjects = new Map();
      this.commits.forEach((c, i) => {
        const list = this.subjects!.get(c.subject);
        if (list) list.push(i);
        else this.subjects!.set(c.subject, [i]);
      });
    }
    return (this.subjects.get(subject) ?? []).map((i) => this.commits[i]!);
  }

  /** Every commit reachable from commit `i`, as a bit per commit; memoised (a handful of tips per analysis). */
  private reachable(i: number): Uint8Array {
    let set = this.reach.get(i);
    if (set) return set;
    set = new Uint8Array(this.commits.length);
    const stack = [i];
    while (stack.length) {
      const j = stack.pop()!;
      if (set[j]) continue;
      set[j] = 1;
      stack.push(...this.parents[j]!);
    }
    // A bit per commit each: a run over many handoffs with as many anchors keeps the most recent only.
    if (this.reach.size >= MAX_KEPT_HISTORIES) this.reach.delete(this.reach.keys().next().value as number);
    this.reach.set(i, set);
    return set;
  }

  /** Generation numbers: parents before children by an explicit stack (histories are deeper than the call stack). */
  private generationsOf(): Int32Array {
    if (this.generations) return this.generations;
    const n = this.commits.length;
    const gen = new Int32Array(n); // 0 = not computed yet
    for (let root = 0; root < n; root++) {
      if (gen[root]) continue;
      const stack = [root];
      while (stack.length) {
        const i = stack[stack.length - 1]!;
        if (gen[i]) {
          stack.pop();
          continue;
        }
        let ready = true;
        let max = 0;
        for (const p of this.parents[i]!) {
          if (gen[p]) max = Math.max(max, gen[p]!);
          else if (p !== i) {
            ready = false;
            stack.push(p);
          }
        }
        if (ready) {
          gen[i] = max + 1;
          stack.pop();
        }
      }
    }
    this.generations = gen;
    return gen;
  }

  /** A bit per commit: `i` and every commit descending from it (a walk towards the children). */
  private descendants(i: number): Uint8Array {
    const children = this.childrenOf();
    const seen = new Uint8Array(this.commits.length);
    const stack = [i];
    seen[i] = 1;
    while (stack.length) {
      for (const c of children[stack.pop()!]!) {
        if (!seen[c]) {
          seen[c] = 1;
          stack.push(c);
        }
      }
    }
    return seen;
  }

  private childrenOf(): number[][] {
    if (this.children) return this.children;
    const children: number[][] = this.commits.map(() => []);
    this.parents.forEach((ps, i) => ps.forEach((p) => children[p]!.push(i)));
    this.children = children;
    return children;
  }
}
