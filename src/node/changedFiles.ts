/**
 * `handoff-lint --changed-since REF`: the files of the repository changed since REF — what a pull request
 * changed: committed since its merge base with REF, changed in the work tree, or new and not ignored. Deleted files
 * are left out (there is nothing to check), a rename counts as its new path.
 *
 * REF is validated before it reaches git, and reaches it only after `--end-of-options`, resolved to one commit
 * first (`rev-parse --verify REF^{commit}`), so a "ref" like `--output=x` or `a..b` is refused, never run. Four git
 * processes whatever the repository's size, each with a time limit and a cap on what it prints.
 */
import { NEVER_CANCELLED } from '../core/interfaces';
import { GitRunner } from './gitRunner';

/**
 * A revision as a user writes one on a command line for this: a branch, tag or remote branch (`origin/main`), a SHA,
 * `HEAD~3`, `main^`, `main@{1}`. Not an option (no leading `-`), not a range (`..`), not a path (`:`), no spaces
 * or control characters; at most 255 characters.
 */
const REVISION = /^[A-Za-z0-9_][A-Za-z0-9._/~^@{}+-]*$/;

export function validRevision(ref: string): string | null {
  if (ref.length === 0 || ref.length > 255 || !REVISION.test(ref) || ref.includes('..') || ref.includes('//')) return null;
  return ref;
}

export type ChangedFiles =
  | { ok: true; root: string; base: string; paths: ReadonlySet<string> }
  | { ok: false; message: string };

/** Most bytes of a file list kept: a repository changing more than this many paths is not a pull request. */
const MAX_LIST_BYTES = 16 * 1024 * 1024;

/** The paths changed since `ref` in the repository containing `cwd`, relative to its root. */
export async function changedSince(ref: string, cwd: string, timeoutMs: number, runner = new GitRunner()): Promise<ChangedFiles> {
  const rev = validRevision(ref);
  if (!rev) return { ok: false, message: `--changed-since: "${ref.slice(0, 80)}" is not a revision (a branch, tag, SHA or HEAD~N)` };
  const git = async (args: string[], at = cwd) => {
    const r = await runner.run({ cwd: at, args, timeoutMs, token: NEVER_CANCELLED, maxBytes: MAX_LIST_BYTES });
    if (!r.ok) return { error: r.problem.message };
    if (r.out.code !== 0) return { error: r.out.stderr.split('\n').find((l) => l.trim())?.trim() ?? `exit code ${r.out.code}` };
    return { stdout: r.out.stdout };
  };
  const top = await git(['rev-parse', '--show-toplevel']);
  if ('error' in top) return { ok: false, message: `--changed-since needs a git repository: ${top.error}` };
  const root = top.stdout.trim();
  const base = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  if ('error' in base || !/^[0-9a-f]{40,64}$/.test(base.stdout.trim())) {
    return { ok: false, message: `--changed-since: no commit "${rev}" in this repository (in CI, fetch it first: fetch-depth: 0)` };
  }
  const sha = base.stdout.trim();
  const [diff, untracked] = await Promise.all([
    git(['diff', '--name-only', '-z', '--no-renames', '--diff-filter=d', '--no-relative', '--no-ext-diff', '--merge-base', '--end-of-options', sha, '--'], root),
    git(['ls-files', '--others', '--exclude-standard', '-z', '--full-name'], root),
  ]);
  if ('error' in diff) return { ok: false, message: `--changed-since ${rev}: ${diff.error}` };
  if ('error' in untracked) return { ok: false, message: `--changed-since ${rev}: ${untracked.error}` };
  const paths = new Set([...diff.stdout.split('\0'), ...untracked.stdout.split('\0')].filter((p) => p.length > 0));
  return { ok: true, root, base: sha, paths };
}
