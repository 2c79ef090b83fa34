/**
 * Which commit since the handoff's anchor deleted (or renamed) each file the handoff cites that was there then
 * and is gone now, without walking every commit's diff. Paths not there at the anchor are skipped (asked first). The
 * line from the anchor to HEAD (ancestryLine.ts: HEAD's first-parent line, or down to the branch the anchor was written
 * on when that branch was merged; from the provider's graph, else one `log`) is bisected for all paths at once in one
 * `cat-file --batch-check` process asked in rounds (`<commit>:<path>` exists or not; ~log2(commits) rounds), then
 * renames are detected in just the commits found (`log --no-walk -M`), and a rename whose target is gone too is
 * bisected again from there. A deletion made on another branch is found as the merge that brought it to this line.
 */
import type { CancellationToken } from '../core/interfaces';
import type { DeletionsResult, GitProblem, GitResult, PathDeletion, RepoInfo } from '../core/git/provider';
import { ancestryLine } from '../core/git/ancestryLine';
import { isFullSha } from '../core/git/schemas';
import type { GitSession } from './gitSession';
import type { RunGit } from './gitHistory';
import { KeptRenames } from './renames';
import { cancelled, failureProblem } from './gitRunner';
import { FileIndex } from '../core/facts/fileIndex';
import { normalizePath } from '../core/git/paths';

export type OpenSession = (cwd: string, args: string[], token: CancellationToken) => GitSession | GitProblem;
/** The files of a commit's tree (the provider's cached `ls-tree`), when the caller has it to hand. */
export type FilesAt = (sha: string, token: CancellationToken) => Promise<GitResult<string[]>>;
/** HEAD's first-parent line after a commit from what the caller already read (the graph), or null to ask git. */
export type LineSince = (since: string, token: CancellationToken) => Promise<Line[] | null>;
/** Whether a path is in a commit's tree, from the object store (TreeListings.has), or null to ask git. */
export type HasAt = (commit: string, path: string) => boolean | null;

/** What the caller can answer without git: each saves a process per commit asked about. */
export interface KnownAnswers {
  filesAt?: FilesAt;
  lineSince?: LineSince;
  hasAt?: HasAt;
  /** The renames of commits asked already, shared by the searches of this repository state. */
  renames?: KeptRenames;
}

/** Paths from which the commit's tree is listed rather than each path asked (a few cost less than a listing). */
const LISTING_FROM = 64;

/** Renames followed from one path to the next at most this many times. */
const MAX_HOPS = 4;

/** A path git can be asked about as `<commit>:<path>` on one line. */
const askable = (p: string) => p.length > 0 && !/[\n\r\0]/.test(p);

export interface Line {
  sha: string;
  time: number;
  subject: string;
}

export async function findDeletionsSince(
  run: RunGit, open: OpenSession, repo: RepoInfo, since: string, paths: readonly string[], token: CancellationToken, known: KnownAnswers = {},
): Promise<GitResult<DeletionsResult>> {
  if (!isFullSha(since)) return { ok: false, problem: { kind: 'error', message: `"${since}" is not a full SHA` } };
  const session = new PathsAt(() => open(repo.root, ['cat-file', '--batch-check'], token), known.hasAt);
  const kept = known.renames ?? new KeptRenames(run, repo);
  try {
    // Which paths were there at `since` (found while the line is read): only those can have been deleted since.
    const asked = paths.filter(askable);
    const [line, existedAtSince] = await Promise.all([lineAfter(run, repo, since, token, known.lineSince), pathsAt(session, since, asked, token, known.filesAt)]);
    if (!line.ok) return line;
    if (!Array.isArray(existedAtSince)) return { ok: false, problem: existedAtSince };
    const chain = line.value;
    if (!chain.length) return { ok: true, value: { deletions: [], existedAtSince, exactRenamesOnly: false } };
    const found = new Map<string, PathDeletion>();
    let exactRenamesOnly = false;
    // Each search: a path that existed at chain index `lo` (-1 = the anchor) and is gone at `hi`.
    let searches = existedAtSince.map((path) => ({ path, origin: path, lo: -1, hi: chain.length - 1 }));
    for (let hop = 0; hop <= MAX_HOPS && searches.length && !token.isCancellationRequested; hop++) {
      // Still there at HEAD: not deleted by any commit (gone from the work tree only, or never gone).
      const atHead = await session.ask(searches.map((s) => [chain[s.hi]!.sha, s.path]));
      if (!Array.isArray(atHead)) return { ok: false, problem: atHead };
      searches = searches.filter((_, i) => !atHead[i]);
      // Every path still there (a renamed file's new path, usually): no commit to look for, no process to start.
      if (!searches.length) break;
      while (searches.some((s) => s.hi - s.lo > 1)) {
        const open = searches.filter((s) => s.hi - s.lo > 1);
        const mids = open.map((s) => (s.lo + s.hi) >> 1);
        const answers = await session.ask(open.map((s, i) => [chain[mids[i]!]!.sha, s.path]));
        if (!Array.isArray(answers)) return { ok: false, problem: answers };
        open.forEach((s, i) => { if (!answers[i]) s.hi = mids[i]!; else s.lo = mids[i]!; });
      }
      // `hi` is the first commit of the line without the path: the one that deleted or renamed it.
      const commits = [...new Set(searches.map((s) => chain[s.hi]!.sha))];
      const renames = await kept.of(commits, token);
      if (!renames.ok) return renames;
      exactRenamesOnly ||= renames.value.exactRenamesOnly;
      const next: typeof searches = [];
      for (const s of searches) {
        const c = chain[s.hi]!;
        const to = renames.value.renames.get(`${c.sha}\0${s.path}`) ?? null;
        const first = found.get(s.origin);
        if (!first) found.set(s.origin, { path: s.origin, sha: c.sha, time: c.time, subject: c.subject, renamedTo: to });
        // A later hop: where the file went next. (Renamed, then deleted there: the chain ends at the gone path.)
        else if (to) first.renamedTo = to;
        if (to && askable(to)) next.push({ path: to, origin: s.origin, lo: s.hi, hi: chain.length - 1 });
      }
      searches = next;
    }
    // Stopped by cancellation, the search is partial: as an answer it would be cached for this repository state and
    // call a renamed file "deleted in the work tree" until the next commit.
    if (token.isCancellationRequested) return cancelled();
    return { ok: true, value: { deletions: [...found.values()], existedAtSince, exactRenamesOnly } };
  } finally {
    session.close();
  }
}

/**
 * Which of `paths` are in `sha`'s tree: from its listing when there is one (one `ls-tree`, cached, whatever the
 * number of paths: git answers a `<commit>:<path>` that is not there slowly, trying it as a ref name too, ~0.2 ms
 * each, and a batch of handoffs asks about tens of thousands), else asked of the session, one line per path.
 */
async function pathsAt(session: PathsAt, sha: string, paths: string[], token: CancellationToken, filesAt?: FilesAt): Promise<string[] | GitProblem> {
  const listing = filesAt && paths.length >= LISTING_FROM ? await filesAt(sha, token) : null;
  if (listing?.ok) {
    // The index the file facts build of the same (cached) listing: a file, or a folder holding files.
    const tree = FileIndex.of(listing.value);
    return paths.filter((p) => tree.has(normalizePath(p)));
  }
  const then = await session.ask(paths.map((p) => [sha, p]));
  return Array.isArray(then) ? paths.filter((_, i) => then[i]) : then;
}

/**
 * `<commit>:<path>` questions: answered from the object store where it can say (no process), the rest asked of one
 * `cat-file --batch-check` session, opened when first needed.
 */
class PathsAt {
  private session: GitSession | GitProblem | null = null;

  constructor(private readonly open: () => GitSession | GitProblem, private readonly hasAt?: HasAt) {}

  /** Whether each path is in its commit's tree, in order, or git's problem. */
  async ask(asks: ReadonlyArray<readonly [commit: string, path: string]>): Promise<boolean[] | GitProblem> {
    const out = asks.map(([commit, path]) => this.hasAt?.(commit, path) ?? null);
    const rest = out.flatMap((v, i) => (v === null ? [i] : []));
    if (rest.length) {
      this.session ??= this.open();
      if (!('ask' in this.session)) return this.session;
      const lines = await this.session.ask(rest.map((i) => `${asks[i]![0]}:${asks[i]![1]}`));
      if (!Array.isArray(lines)) return lines;
      rest.forEach((i, k) => { out[i] = !lines[k]!.endsWith(' missing'); });
    }
    return out as boolean[];
  }

  close(): void {
    if (this.session && 'ask' in this.session) this.session.close();
  }
}

/** The line from `since` to HEAD as the caller knows it (no process), else as git reads it. */
async function lineAfter(run: RunGit, repo: RepoInfo, since: string, token: CancellationToken, lineSince?: LineSince): Promise<GitResult<Line[]>> {
  const known = lineSince ? await lineSince(since, token) : null;
  if (known) return { ok: true, value: known };
  const line = await lineThroughAncestry(run, repo, since, token);
  // Empty: `since` is not in HEAD's history (or is HEAD); what the first-parent line says then, as before.
  return !line.ok || line.value.length ? line : firstParentLine(run, repo, since, token);
}

/**
 * The line from `since` to HEAD (ancestryLine.ts) from git: the commits between them (`--ancestry-path`, children
 * first), walked down from HEAD. Empty when `since` is not in HEAD's history.
 */
async function lineThroughAncestry(run: RunGit, repo: RepoInfo, since: string, token: CancellationToken): Promise<GitResult<Line[]>> {
  const r = await run(repo.root, ['log', '--ancestry-path', '--topo-order', '--format=%H%x1f%P%x1f%ct%x1f%s', `^${since}`, 'HEAD', '--'], token, undefined, 64 * 1024 * 1024);
  if (!r.ok) return r;
  if (r.out.code !== 0) return { ok: false, problem: failureProblem(r.out, 'log') };
  const commits = new Map<string, Line & { parents: string[] }>();
  let tip: string | null = null;
  for (const l of r.out.stdout.split('\n')) {
    const [sha, parents, time, subject] = l.split('\x1f');
    if (!isFullSha(sha)) continue;
    tip ??= sha; // children first: HEAD leads
    commits.set(sha, { sha, time: Number(time) || 0, subject: subject ?? '', parents: (parents ?? '').split(' ').filter(Boolean) });
  }
  const line = tip ? ancestryLine(tip, since, (sha) => commits.get(sha)?.parents, (sha) => commits.has(sha)) : null;
  return { ok: true, value: (line ?? []).map((sha) => { const { parents: _, ...c } = commits.get(sha)!; return c; }) };
}

/** HEAD's first-parent line after `since`, oldest first, with each commit's time and subject. */
async function firstParentLine(run: RunGit, repo: RepoInfo, since: string, token: CancellationToken): Promise<GitResult<Line[]>> {
  const r = await run(repo.root, ['log', '--first-parent', '--reverse', '--format=%H%x1f%ct%x1f%s', `^${since}`, 'HEAD', '--'], token, undefined, 64 * 1024 * 1024);
  if (!r.ok) return r;
  if (r.out.code !== 0) return { ok: false, problem: failureProblem(r.out, 'log') };
  const out: Line[] = [];
  for (const l of r.out.stdout.split('\n')) {
    const [sha, time, subject] = l.split('\x1f');
    if (isFullSha(sha)) out.push({ sha, time: Number(time) || 0, subject: subject ?? '' });
  }
  return { ok: true, value: out };
}
