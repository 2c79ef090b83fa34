/**
 * The line of commits a change made after `since` took to reach `tip`: from `tip` down, at each commit its first
 * parent that is `since` or descends from it, until `since`. Where `since` is on `tip`'s first-parent line this is
 * that line (`git log --first-parent ^since tip`). Where `since` was written on a branch merged later, it runs down
 * the merge's other parent to the branch, not along the first-parent line: a file there at `since` was never on
 * that line before the merge, so a search for the commit that removed it (deletionsSince.ts bisects this line)
 * would otherwise blame the line's first commit.
 *
 * Shas oldest first, `since` left out; null when `since` is not in `tip`'s history (no such line) or the walk leaves
 * what `parentsOf` knows.
 */
export function ancestryLine(
  tip: string,
  since: string,
  parentsOf: (sha: string) => readonly string[] | undefined,
  descends: (sha: string) => boolean,
): string[] | null {
  const out: string[] = [];
  let at = tip;
  // Each step goes to a parent: a walk longer than the commits there are has looped on bad input.
  for (let steps = 0; at !== since; steps++) {
    const parents = parentsOf(at);
    if (parents === undefined || !descends(at) || steps > MAX_STEPS) return null;
    out.push(at);
    const next = parents.find((p) => p === since || descends(p));
    if (next === undefined) return null;
    at = next;
  }
  return out.reverse();
}

/** A line longer than this is not walked (the graph's own bound on commits is lower). */
const MAX_STEPS = 10_000_000;
