/**
 * What a SHA or a ref name is in the repository now, through the GitProvider's read-only questions (the SHA facts,
 * one commit's details, the refs), and what a file is (fileNowLines over what each side read): the second half of
 * handoff_resolve, shared by the MCP server and VS Code.
 */
import type { GitProvider, PathDeletion, RepoInfo } from '../git/provider';
import { NEVER_CANCELLED, type CancellationToken } from '../interfaces';

export async function shaNow(git: GitProvider, repo: RepoInfo, sha: string, token: CancellationToken = NEVER_CANCELLED): Promise<string[]> {
  const f = await git.facts(repo, [sha], token);
  if (!f.ok) return [`now: not checked (${f.problem.message})`];
  const l = f.value.shas.get(sha);
  if (!l || l.status === 'missing') return [`now: ${sha} is not in this repository`];
  if (l.status === 'ambiguous') return [`now: ${sha} is ambiguous: ${l.candidates.map((c) => c.slice(0, 12)).join(', ')}`];
  const where = l.reach === 'remote' ? 'on a remote-tracking branch (pushed)' : l.reach === 'local' ? 'on a local branch only (not pushed)' : l.reach === 'tag' ? 'under a tag only, on no branch' : l.reach === 'dangling' ? 'on no branch or tag (amended, rebased or dropped)' : 'found';
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

/**
 * What the file a breadcrumb names is now, as its reader found it (the MCP server reads the disk, VS Code its
 * workspace file system): its text, missing — with what HEAD's history says (`deletion`: the commit that deleted or
 * renamed it; null: the history never had it; absent: git was not asked) — or not read, and why.
 */
export type FileNow =
  | { kind: 'text'; text: string }
  | { kind: 'missing'; deletion?: PathDeletion | null }
  | { kind: 'not-read'; why: string };

/** The "now" lines of a file target: exists with its line count and the cited line's text, or why not. Pure. */
export function fileNowLines(shown: string, line: number | null, now: FileNow): string[] {
  if (now.kind === 'not-read') return [`now: ${shown} cannot be read (${now.why})`];
  if (now.kind === 'missing') {
    const d = now.deletion;
    if (d === undefined) return [`now: ${shown} does not exist`];
    if (d === null) return [`now: ${shown} does not exist, and HEAD's history never had it`];
    return [`now: ${shown} does not exist: ${d.renamedTo ? `renamed to ${d.renamedTo}` : 'deleted'} by ${d.sha.slice(0, 7)} "${d.subject}"`];
  }
  const text = now.text;
  const count = text.length === 0 ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  const at = line === null ? '' : line <= count ? `; line ${line} reads: ${text.split('\n')[line - 1]!.trim().slice(0, 200)}` : `; line ${line} is past its end`;
  return [`now: ${shown} exists (${count} lines)${at}`];
}

/** What HEAD's history says of a missing repository-relative path (one deletions question); undefined: no answer. */
export async function deletionOf(git: GitProvider, repo: RepoInfo, rel: string, token: CancellationToken = NEVER_CANCELLED): Promise<PathDeletion | null | undefined> {
  const d = await git.deletions(repo, [rel], null, token);
  return d.ok ? d.value.deletions.find((x) => x.path === rel) ?? null : undefined;
}
