/**
 * What a SHA or a ref name is in the repository now, through the GitProvider's read-only questions (the SHA facts,
 * one commit's details, the refs): the second half of handoff_resolve, shared by the MCP server and VS Code.
 */
import type { GitProvider, RepoInfo } from '../git/provider';
import { NEVER_CANCELLED, type CancellationToken } from '../interfaces';

export async function shaNow(git: GitProvider, repo: RepoInfo, sha: string, token: CancellationToken = NEVER_CANCELLED): Promise<string[]> {
  const f = await git.facts(repo, [sha], token);
  if (!f.ok) return [`now: not checked (${f.problem.message})`];
  const l = f.value.shas.get(sha);
  if (!l || l.status === 'missing') return [`now: ${sha} is not in this repository`];
  if (l.status === 'ambiguous') return [`now: ${sha} is ambiguous: ${l.candidates.map((c) => c.slice(0, 12)).join(', ')}`];
  const where = l.reach === 'remote' ? 'on a remote-tracking branch (pushed)' : l.reach === 'local' ? 'on a local branch only (not pushed)' : l.reach === 'dangling' ? 'on no branch or tag (amended, rebased or dropped)' : 'found';
  const d = await git.commitDetails(repo, l.sha, token);
  const subject = d.ok ? d.value.subject : l.subject;
  const branches = d.ok ? [...d.value.localBranches, ...d.value.remoteBranches, ...d.value.tags.map((t) => `tag ${t}`)] : [];
  return [`now: commit ${l.sha.slice(0, 12)}${subject ? ` "${subject}"` : ''} is ${where}${branches.length ? `; in ${branches.slice(0, 10).join(', ')}` : ''}`];
}

export async function refNow(git: GitProvider, repo: RepoInfo, name: string, token: CancellationToken = NEVER_CANCELLED): Promise<string[]> {
  const f = await git.facts(repo, [], token);
  if (!f.ok) return [`now: not checked (${f.problem.message})`];
  const found = f.value.refs.filter((r) => [`refs/heads/${name}`, `refs/tags/${name}`, `refs/remotes/${name}`].includes(r.refname));
  if (found.length === 0) return [`now: no branch or tag named ${name}`];
  return found.map((r) => `now: ${r.refname.replace(/^refs\/(heads|remotes)\//, '')} is at ${r.sha.slice(0, 12)}${r.upstream ? ` (upstream ${r.upstream.replace(/^refs\/remotes\//, '')}: ${r.ahead ?? '?'} ahead, ${r.behind ?? '?'} behind)` : ''}`);
}
