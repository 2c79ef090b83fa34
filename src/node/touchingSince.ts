/**
 * The touching question of the GitProvider: which commits on HEAD since a handoff's anchor changed the files it
 * cites, and which of those files each changed. One pathspec-limited `log <anchor>..HEAD --name-only -- <paths>`:
 * the anchor is a validated full SHA after `--end-of-options`, the paths literal pathspecs after `--`. Bounded in
 * commits, paths and bytes; past a bound the answer says it is not complete rather than failing.
 */
import type { CancellationToken } from '../core/interfaces';
import type { GitResult, RepoInfo, TouchingCommit, TouchingResult } from '../core/git/provider';
import { isFullSha } from '../core/git/schemas';
import type { RunGit } from './gitHistory';
import { failureProblem } from './gitRunner';

/** Commits read at most (the digest shows far fewer; one more tells whether there were more). */
export const MAX_TOUCHING_COMMITS = 100;
/** Paths on one command line at most: a handoff citing more is asked about the first (sorted) ones. */
export const MAX_TOUCHING_PATHS = 400;
const MAX_BYTES = 1024 * 1024;
const RS = '\x1e';
const US = '\x1f';

/** A repository-relative path git can take literally: not empty, not absolute, no `..` step, no NUL or line break. */
const plainPath = (p: string) => p !== '' && !p.startsWith('/') && !/[\0\r\n]/.test(p) && !p.split('/').includes('..');

export async function findTouching(run: RunGit, repo: RepoInfo, since: string, paths: readonly string[], token: CancellationToken): Promise<GitResult<TouchingResult>> {
  if (!isFullSha(since)) return { ok: false, problem: { kind: 'error', message: `"${since}" is not a full SHA` } };
  const all = [...new Set(paths.filter(plainPath))].sort();
  const asked = all.slice(0, MAX_TOUCHING_PATHS);
  if (!asked.length) return { ok: true, value: { commits: [], complete: true } };
  // --no-renames: a rename lists both names, so a commit that moved a cited file names it under its cited path.
  const r = await run(repo.root, ['--literal-pathspecs', 'log', '--no-renames', '--name-only', '-z', `-n${MAX_TOUCHING_COMMITS + 1}`,
    `--format=${RS}%H${US}%ct${US}%s${US}`, '--end-of-options', `${since}..HEAD`, '--', ...asked], token, undefined, MAX_BYTES, undefined, true);
  if (!r.ok) return r;
  if (r.out.code !== 0) return { ok: false, problem: failureProblem(r.out, 'log') };
  const wanted = new Set(asked);
  const commits: TouchingCommit[] = [];
  for (const rec of r.out.stdout.split(RS)) {
    const [sha, time, subject, rest] = rec.split(US);
    if (!isFullSha(sha)) continue;
    const touched = [...new Set((rest ?? '').split('\0').map((p) => p.replace(/^\n+/, '')).filter((p) => wanted.has(p)))].sort();
    // A merge lists no files (no combined diff asked): what it brought in is listed with the commits that made it.
    if (touched.length) commits.push({ sha, time: Number(time) || 0, subject: subject ?? '', paths: touched });
  }
  // A record cut by the byte bound is dropped with what follows it; the last one read may be short of paths.
  if (r.out.truncated && commits.length) commits.pop();
  const complete = !r.out.truncated && commits.length <= MAX_TOUCHING_COMMITS && asked.length === all.length;
  // Newest first by committer time, then SHA: one order whatever git's walk.
  commits.sort((a, b) => b.time - a.time || (a.sha < b.sha ? -1 : 1));
  return { ok: true, value: { commits: commits.slice(0, MAX_TOUCHING_COMMITS), complete } };
}
