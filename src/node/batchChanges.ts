/**
 * The cited files' changes since one commit for a whole batch of handoffs written at it (the CLI's run over many):
 * one `git diff -M <commit> -- <every path any of them will ask>` instead of one per handoff, cut down to each
 * handoff's own paths. A diff is per path except for renames, which git pairs among the paths asked: a handoff's
 * answer is cut from the union only when every pair touching its paths lies within them (then git pairs them the
 * same way asked alone), and the union is used only while git had few enough candidates to detect renames at all.
 * Anything else is asked with its handoff, as without this.
 */
import type { CancellationToken } from '../core/interfaces';
import type { PathChange, RepoInfo } from '../core/git/provider';
import { isFullSha } from '../core/git/schemas';
import { askablePath, differing, MAX_CHANGE_PATHS, MAX_DIFF_BYTES } from './changesSince';
import { parseDiff } from './diffParse';
import type { RunGit } from './gitHistory';
import type { ObjectReader } from './objectRead';

/** Paths of one union diff at most (one command line; Windows allows 32,767 characters). */
const MAX_UNION_CHARS = 30_000;
/** Added, deleted and renamed files in a union at most: git's rename detection stays on well below its limit. */
const MAX_UNION_CANDIDATES = 200;

export class ChangesUnion {
  constructor(private readonly asked: Set<string>, private readonly differ: Set<string>, private readonly changes: PathChange[]) {}

  /** What `changesSince(since, paths)` answers, or null when the union cannot say it exactly. */
  cut(paths: readonly string[]): PathChange[] | null {
    const asked = [...new Set(paths.filter(askablePath))].sort().slice(0, MAX_CHANGE_PATHS);
    if (!asked.every((p) => this.asked.has(p))) return null;
    const differ = new Set(asked.filter((p) => this.differ.has(p)));
    if (!differ.size) return [];
    const out: PathChange[] = [];
    for (const c of this.changes) {
      const sides = [c.from, c.to].filter((s): s is string => s !== null);
      const inside = sides.filter((s) => differ.has(s)).length;
      if (inside && inside < sides.length) return null; // paired with a path this handoff does not ask: git alone may pair otherwise
      if (inside) out.push(c);
    }
    return out;
  }
}

/** The union of the batch's paths since `since`, or null when it is too large or git could not say. */
export async function changesUnion(run: RunGit, repo: RepoInfo, since: string, paths: readonly string[], token: CancellationToken, reader: ObjectReader | null): Promise<ChangesUnion | null> {
  if (!isFullSha(since)) return null;
  const unique = new Set(paths.filter(askablePath));
  // Measured before it is sorted: a batch citing tens of thousands of paths is over the bound by far.
  let chars = 0;
  for (const p of unique) if ((chars += p.length + 1) > MAX_UNION_CHARS) return null;
  if (!unique.size) return null;
  const asked = [...unique].sort();
  const differ = await differing(repo, since, asked, reader);
  if (!differ.length) return new ChangesUnion(new Set(asked), new Set(), []);
  if (token.isCancellationRequested) return null;
  const r = await run(repo.root, ['--literal-pathspecs', 'diff', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/',
    '--no-relative', '-U0', '--inter-hunk-context=0', '-M', '--end-of-options', since, '--', ...differ], token, undefined, MAX_DIFF_BYTES);
  if (!r.ok || r.out.truncated || r.out.code !== 0) return null;
  const changes = parseDiff(r.out.stdout);
  if (changes.filter((c) => c.status !== 'modified').length > MAX_UNION_CANDIDATES) return null;
  return new ChangesUnion(new Set(asked), new Set(differ), changes);
}
