/**
 * For the editor: one resolved commit's facts (hover, tree view) and its header, stat and patch (the read-only
 * commit document). One or two processes per request, only for what is on screen; the SHA is validated and
 * passed after `--end-of-options` with `^{commit}`, so it cannot be read as an option or a range.
 */
import type { CancellationToken } from '../core/interfaces';
import type { CommitDetails, GitResult, RepoInfo } from '../core/git/provider';
import { isFullSha, validSha } from '../core/git/schemas';
import type { RunGit } from './gitHistory';
import { failureProblem } from './gitRunner';

export async function readCommitDetails(run: RunGit, repo: RepoInfo, sha: string, token: CancellationToken): Promise<GitResult<CommitDetails>> {
  const valid = validSha(sha);
  if (!valid) return { ok: false, problem: { kind: 'error', message: `"${sha}" is not a commit SHA` } };
  const r = await run(repo.root, ['log', '-1', '-m', '--first-parent', '--name-only', '-z',
    '--format=%H%x00%s%x00%an%x00%ae%x00%aI%x00', '--end-of-options', `${valid}^{commit}`, '--'], token);
  if (!r.ok) return r;
  if (r.out.code !== 0) return { ok: false, problem: failureProblem(r.out, 'log') };
  const [full, subject, author, authorEmail, date, ...files] = r.out.stdout.split('\0');
  if (!isFullSha(full)) return { ok: false, problem: { kind: 'error', message: `commit ${sha} not found` } };
  const c = await run(repo.root, ['for-each-ref', `--contains=${full}`, '--format=%(refname)', 'refs/heads', 'refs/remotes', 'refs/tags'], token);
  if (!c.ok) return c;
  const names = c.out.stdout.split('\n').filter(Boolean);
  const strip = (prefix: string) => names.filter((n) => n.startsWith(prefix) && !n.endsWith('/HEAD')).map((n) => n.slice(prefix.length));
  return {
    ok: true,
    value: {
      sha: full!, subject: subject ?? '', author: author ?? '', authorEmail: authorEmail ?? '', date: date ?? '',
      filesChanged: files.map((f) => f.replace(/^\n+/, '')).filter(Boolean).length,
      localBranches: strip('refs/heads/'), remoteBranches: strip('refs/remotes/'), tags: strip('refs/tags/'),
    },
  };
}

/** Most bytes of a patch shown in the commit view (an editor document far larger would be unusable anyway). */
const MAX_PATCH_BYTES = 16 * 1024 * 1024;

export async function readCommitPatch(run: RunGit, repo: RepoInfo, sha: string, token: CancellationToken): Promise<GitResult<string>> {
  const valid = validSha(sha);
  if (!valid) return { ok: false, problem: { kind: 'error', message: `"${sha}" is not a commit SHA` } };
  // A read-only view for a person: a patch past the cap is shown up to it, and says where it was cut.
  const r = await run(repo.root, ['show', '--format=fuller', '--stat', '--patch', '--no-ext-diff', '--no-textconv',
    '--end-of-options', `${valid}^{commit}`, '--'], token, undefined, MAX_PATCH_BYTES, undefined, true);
  if (!r.ok) return r;
  if (r.out.truncated) return { ok: true, value: `${r.out.stdout.replace(/[^\n]*$/, '')}\n[… cut here: the patch is longer than ${MAX_PATCH_BYTES / (1024 * 1024)} MB]\n` };
  if (r.out.code !== 0) return { ok: false, problem: failureProblem(r.out, 'show') };
  return { ok: true, value: r.out.stdout };
}
