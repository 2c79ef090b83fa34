/**
 * Answers shared by every asker of the same question while the repository is in the same state: the first asker's
 * git process serves the rest, in flight or settled. A failed answer is dropped, so the next asker asks again. One
 * that failed only because its first asker was cancelled (an edit, a refresh, a newer analysis) is not handed to the
 * others as their answer: each asker still waiting asks again itself, under its own cancellation token.
 */
import type { GitResult } from '../core/git/provider';

export function sharedAnswer<T>(cache: Map<string, Promise<GitResult<T>>>, key: string, ask: () => Promise<GitResult<T>>, max: number): Promise<GitResult<T>> {
  const shared = cache.get(key);
  if (shared) {
    cache.delete(key); // Map order is recency order
    cache.set(key, shared);
    // The entry is gone by then (dropped below, as a failure, before this runs): the question is asked afresh.
    return shared.then((r) => (!r.ok && r.problem.kind === 'cancelled' ? sharedAnswer(cache, key, ask, max) : r));
  }
  const p = ask();
  void p.then((r) => { if (!r.ok && cache.get(key) === p) cache.delete(key); });
  cache.set(key, p);
  // Bounded: an editor asks about ever new texts and path sets while the repository stays the same.
  if (cache.size > max) cache.delete(cache.keys().next().value as string);
  return p;
}
