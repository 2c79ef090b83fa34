/**
 * What was deleted before each of many commits — handoffs written at as many anchors — from one walk of every
 * deletion in HEAD's history, read once per repository state, instead of a walk per commit. For a commit, each path's
 * newest deletion among the commits of its history: what findDeletions' walk from that commit finds in a history
 * without merges (a pathspec then simplifies nothing away; the caller checks). Renames are asked once per commit
 * and kept; renamed files are followed to where they live as findDeletions follows them.
 */
import type { CancellationToken } from '../core/interfaces';
import type { DeletionsResult, GitResult, PathDeletion, RepoInfo } from '../core/git/provider';
import { isFullSha } from '../core/git/schemas';
import type { CommitGraph } from '../core/git/graph';
import { followRenames, renamesIn, startDeletionsWalk, type RunGit } from './gitHistory';

export interface DeletionRecord {
  sha: string;
  time: number;
  subject: string;
  paths: string[];
}

const RS = '\x1e';
const US = '\x1f';

/** Every deletion in HEAD's history, newest first; a problem when git fails or runs past `budgetMs`. */
export async function allDeletions(run: RunGit, repo: RepoInfo, token: CancellationToken, budgetMs: number): Promise<GitResult<DeletionRecord[]>> {
  const r = await startDeletionsWalk(run, repo, 'HEAD', token, budgetMs);
  // Past the budget only this answer is lost (each commit is then asked its own way), not every check of the repository.
  if (!r.ok && r.problem.kind === 'timeout') return { ok: false, problem: { kind: 'error', message: `searching the history took longer than ${budgetMs} ms` } };
  if (!r.ok) return r;
  if (r.out.code !== 0) return { ok: false, problem: { kind: 'error', message: r.out.stderr.split('\n')[0] ?? 'git log failed' } };
  const records: DeletionRecord[] = [];
  for (const rec of r.out.stdout.split(RS)) {
    const [sha, time, subject, rest] = rec.split(US);
    if (!isFullSha(sha) || rest === undefined) continue;
    records.push({ sha, time: Number(time) || 0, subject: subject ?? '', paths: rest.split('\0').map((p) => p.replace(/^\n+/, '')).filter(Boolean) });
  }
  return { ok: true, value: records };
}

/** Renames recorded by commits (`sha NUL from` → to), asked once per commit. */
export class KeptRenames {
  private readonly byCommit = new Map<string, Map<string, string>>();

  constructor(private readonly run: RunGit, private readonly repo: RepoInfo) {}

  /**
   * The renames of `commits`. When git cannot read an object of the new ones, all of them are asked again for exact
   * renames only (as findDeletions asks), and `exactRenamesOnly` says so.
   */
  async of(commits: readonly string[], token: CancellationToken): Promise<GitResult<{ renames: Map<string, string>; exactRenamesOnly: boolean }>> {
    const fresh = commits.filter((c) => !this.byCommit.has(c));
    const r = await renamesIn(this.run, this.repo, fresh, '-M', token);
    if (!r.ok && r.problem.kind === 'corrupt') {
      const exact = await renamesIn(this.run, this.repo, commits, '-M100%', token);
      return exact.ok ? { ok: true, value: { renames: exact.value, exactRenamesOnly: true } } : exact;
    }
    if (!r.ok) return r;
    for (const c of fresh) this.byCommit.set(c, new Map());
    for (const [key, to] of r.value) this.byCommit.get(key.slice(0, key.indexOf('\0')))?.set(key, to);
    const renames = new Map<string, string>();
    for (const c of commits) for (const [key, to] of this.byCommit.get(c) ?? []) renames.set(key, to);
    return { ok: true, value: { renames, exactRenamesOnly: false } };
  }
}

/**
 * The deletions before a commit whose history `inHistory` tells (findDeletions' answer for `until` = that commit),
 * from HEAD's `records`.
 */
export async function deletionsBefore(
  records: readonly DeletionRecord[], inHistory: (sha: string) => boolean, paths: readonly string[], renames: KeptRenames, token: CancellationToken,
): Promise<GitResult<DeletionsResult>> {
  const first = await newestDeletions(records, inHistory, paths, renames, token);
  if (!first.ok) return first;
  // Each rename followed to where the file lives now: a target moved (or deleted) later, anywhere in HEAD's history.
  return followRenames(first.value, (targets) => newestDeletions(records, () => true, targets, renames, token), token);
}

/** Each path's newest deletion among the records kept, with the rename it was, if one. */
async function newestDeletions(
  records: readonly DeletionRecord[], keep: (sha: string) => boolean, paths: readonly string[], renames: KeptRenames, token: CancellationToken,
): Promise<GitResult<DeletionsResult>> {
  const wanted = new Set(paths.filter((p) => p !== '' && !/[\n\r]/.test(p)));
  const found = new Map<string, PathDeletion>();
  for (const r of records) {
    if (found.size === wanted.size) break;
    if (!keep(r.sha)) continue;
    for (const path of r.paths) {
      if (wanted.has(path) && !found.has(path)) found.set(path, { path, sha: r.sha, time: r.time, subject: r.subject, renamedTo: null });
    }
  }
  if (!found.size) return { ok: true, value: { deletions: [], existedAtSince: [], exactRenamesOnly: false } };
  const r = await renames.of([...new Set([...found.values()].map((d) => d.sha))], token);
  if (!r.ok) return r;
  for (const d of found.values()) d.renamedTo = r.value.renames.get(`${d.sha}\0${d.path}`) ?? null;
  return { ok: true, value: { deletions: [...found.values()], existedAtSince: [], exactRenamesOnly: r.value.exactRenamesOnly } };
}

/** A graph of a history without merges, and HEAD's commit: the walk is of HEAD's history. */
export interface OneLine {
  graph: CommitGraph;
  head: string;
}

/** `until`'s history, when `until` is in HEAD's (so the walk of HEAD's history saw all of it); else null. */
function historyInHead(line: OneLine, until: string): ((sha: string) => boolean) | null {
  return line.graph.historyOf(line.head)?.(until) ? line.graph.historyOf(until) : null;
}

/**
 * Per repository state: the walk of every deletion and the renames asked, shared by the commits asked about. Only
 * for a history without merges whose graph was read (`line`); null otherwise, and git is asked per commit.
 */
export class LineDeletions {
  private state: { key: string; all: Promise<GitResult<DeletionRecord[]>> | null; renames: KeptRenames } | null = null;

  constructor(private readonly run: RunGit, private readonly budgetMs: number) {}

  /** The renames asked in this state of the repository (searches since an anchor share them too). */
  renames(repo: RepoInfo, key: string): KeptRenames {
    return this.stateFor(repo, key).renames;
  }

  async before(repo: RepoInfo, key: string, line: OneLine, until: string, paths: readonly string[], token: CancellationToken): Promise<GitResult<DeletionsResult> | null> {
    const inHistory = historyInHead(line, until);
    if (!inHistory) return null;
    const state = this.stateFor(repo, key);
    const all = await (state.all ??= allDeletions(this.run, repo, token, this.budgetMs));
    return all.ok ? deletionsBefore(all.value, inHistory, paths, state.renames, token) : null;
  }

  /**
   * Ahead of a batch (the paths each commit's handoffs will ask about): the renames of every commit their answers
   * find, asked in one process instead of one per commit as each handoff's question comes.
   */
  async prefetch(repo: RepoInfo, key: string, line: OneLine, moments: ReadonlyArray<{ until: string; paths: Iterable<string> }>, token: CancellationToken): Promise<void> {
    const state = this.stateFor(repo, key);
    const all = await (state.all ??= allDeletions(this.run, repo, token, this.budgetMs));
    if (!all.ok) return;
    const commits = new Set<string>();
    for (const m of moments) {
      const inHistory = historyInHead(line, m.until);
      if (!inHistory) continue;
      const wanted = new Set(m.paths);
      for (const r of all.value) if (inHistory(r.sha) && r.paths.some((p) => wanted.has(p))) commits.add(r.sha);
    }
    await state.renames.of([...commits], token);
  }

  private stateFor(repo: RepoInfo, key: string) {
    if (this.state?.key !== key) this.state = { key, all: null, renames: new KeptRenames(this.run, repo) };
    return this.state;
  }
}
