/**
 * The history questions of the GitProvider, each one batched git command (two for deletions with renames):
 *   graph      – `log --all` with parents, time and subject: the whole graph, bounded in bytes
 *   anchor     – `log -n1 --raw -- <doc>`: the last version of the document; when the text is not that version,
 *                `log --find-object=<its blob>` finds the commit that wrote exactly this text, at any depth
 *   filesAt    – `ls-tree -r --name-only <sha>`
 *   deletions  – `log --diff-filter=D -- <paths>` over HEAD's history (exact, literal pathspecs), then rename
 *                detection in just the deleting commits (`log --no-walk --stdin -M`); unreadable objects fall back
 *                to exact renames (`-M100%`, which reads no blob); each commit asked once per run (renames.ts)
 *   ignored    – `check-ignore --stdin`
 *   mentioning – `log --all -F --grep=…` (squash merges list what they squashed)
 * Everything that came from a document reaches git as a literal pathspec after `--`, on stdin, or as a
 * validated full SHA; nothing here is a revision expression built from document text.
 */
import { createHash } from 'node:crypto';
import type { CancellationToken } from '../core/interfaces';
import type { DeletionsResult, DocumentAnchor, GitResult, MentioningCommit, PathDeletion, RepoGraph, RepoInfo } from '../core/git/provider';
import { isFullSha } from '../core/git/schemas';
import { cancelled, failureProblem, type GitRunResult, type StdinFeed } from './gitRunner';
import { KeptRenames, noDeletions, withRenames } from './renames';

/**
 * Runs one git command. Output past `maxBytes` fails the run ("git printed more than N MB": the check that asked
 * is not made, and says so), unless `partial`: then the run succeeds with what was read, marked `truncated`.
 */
export type RunGit = (cwd: string, args: string[], token: CancellationToken, input?: string | StdinFeed, maxBytes?: number, timeoutMs?: number, partial?: boolean) => Promise<GitRunResult>;

/** Bytes of graph output read at most (~300,000 commits); past it the graph says it is incomplete. */
export const GRAPH_MAX_BYTES = 48 * 1024 * 1024;
/**
 * Paths past which a deletions search of a linear history walks every deletion instead of matching each commit's
 * changes against the paths (git matches an entry against each pathspec in turn: thousands of them cost more).
 */
export const PATHS_PER_COMMAND = 400;
const MAX_NEEDLES = 20;
const RS = '\x1e';
const US = '\x1f';
const ZERO = /^0+$/;

/** The git blob id of a text as it would be stored (UTF-8 bytes), for matching a document against its versions. */
export function blobId(text: string): string {
  // The text is hashed as UTF-8 where it is, not copied into a buffer first (a batch hashes every handoff).
  return createHash('sha1').update(`blob ${Buffer.byteLength(text, 'utf8')}\0`).update(text, 'utf8').digest('hex');
}

function failed<T>(r: GitRunResult, what: string): GitResult<T> | null {
  if (!r.ok) return r;
  if (r.out.code !== 0) return { ok: false, problem: failureProblem(r.out, what) };
  return null;
}

export async function readGraph(run: RunGit, repo: RepoInfo, token: CancellationToken, maxBytes = GRAPH_MAX_BYTES): Promise<GitResult<RepoGraph>> {
  // `--all` reads every ref, pull-request refs and HEAD included; the stash is not history.
  // Partial on purpose: a history past the cap is read as far as it goes, and the graph says it is incomplete.
  const r = await run(repo.root, ['log', '--exclude=refs/stash', '--all', `--format=${RS}%H${US}%P${US}%ct${US}%s`], token, undefined, maxBytes, undefined, true);
  if (r.ok && r.out.code !== 0 && /does not have any commits|bad default revision|unknown revision/.test(r.out.stderr)) {
    return { ok: true, value: { commits: [], pullRefs: [], complete: true } }; // an unborn repository
  }
  const bad = failed<RepoGraph>(r, 'log');
  if (bad || !r.ok) return bad!;
  const records = r.out.stdout.split(RS);
  if (r.out.truncated) records.pop(); // the last record may be cut mid-way
  const commits = [];
  for (const rec of records) {
    const [sha, parents, time, subject] = rec.replace(/\n$/, '').split(US);
    if (!isFullSha(sha)) continue;
    commits.push({ sha, parents: parents ? parents.split(' ').filter(isFullSha) : [], time: Number(time) || 0, subject: subject ?? '' });
  }
  return { ok: true, value: { commits, pullRefs: [], complete: !r.out.truncated } };
}

/**
 * The graph with the pull-request heads beside it: those read with the refs (the SHA facts' `for-each-ref`, waited
 * for when it is in flight: the two are asked at once), else asked here.
 */
export async function readGraphAndPulls(
  run: RunGit, repo: RepoInfo, refs: { pullRefs?: RepoGraph['pullRefs']; refsPending?: Promise<void> }, token: CancellationToken,
): Promise<GitResult<RepoGraph>> {
  const pullHeads = async (): Promise<GitResult<RepoGraph['pullRefs']>> => {
    if (!refs.pullRefs) await refs.refsPending;
    return refs.pullRefs ? { ok: true, value: refs.pullRefs } : readPullRefs(run, repo, token);
  };
  const [graph, pulls] = await Promise.all([readGraph(run, repo, token), pullHeads()]);
  if (!graph.ok || !pulls.ok) return graph;
  return { ok: true, value: { ...graph.value, pullRefs: pulls.value }, ...(pulls.notices ? { notices: pulls.notices } : {}) };
}

/**
 * Pull-request heads, when the clone fetched them (`refs/pull/N/head`). Without them the graph stands; a failure
 * other than a cancellation says what it cost.
 */
export async function readPullRefs(run: RunGit, repo: RepoInfo, token: CancellationToken): Promise<GitResult<Array<{ number: number; sha: string }>>> {
  const r = await run(repo.root, ['for-each-ref', '--format=%(refname)%00%(objectname)', 'refs/pull'], token, undefined, 4 * 1024 * 1024);
  if (!r.ok) return { ok: true, value: [], ...(r.problem.kind === 'cancelled' ? {} : { notices: [`pull requests not checked: ${r.problem.message.replace(/; showing parse-only results$/, '')}`] }) };
  if (r.out.code !== 0) return { ok: true, value: [] };
  const out: Array<{ number: number; sha: string }> = [];
  for (const line of r.out.stdout.split('\n')) {
    const [name, sha] = line.split('\0');
    const m = /^refs\/pull\/(\d+)\/head$/.exec(name ?? '');
    if (m && isFullSha(sha)) out.push({ number: Number(m[1]), sha });
  }
  return { ok: true, value: out };
}

export interface Version {
  sha: string;
  time: number;
  subject: string;
  /** The blob the commit left at the path; all zeros when it deleted it. */
  blob: string;
}

/** `log --raw -z` records: `RS sha US time US subject NUL? :mode mode old new status NUL path NUL`. */
function parseVersions(stdout: string): Version[] {
  const out: Version[] = [];
  for (const rec of stdout.split(RS)) {
    const [sha, time, subject, rest] = rec.split(US);
    if (!isFullSha(sha) || rest === undefined) continue;
    const raw = /:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) [A-Z]/.exec(rest);
    if (raw) out.push({ sha, time: Number(time) || 0, subject: subject ?? '', blob: raw[1]! });
  }
  return out;
}

/** How findAnchor keeps its answers and peeks at the object store (both the provider's). */
export interface AnchorLookups {
  /** One answer per key and repository state (the last version of a file; the version with a given blob). */
  cached<T>(key: string, ask: () => Promise<GitResult<T>>): Promise<GitResult<T>>;
  /** Whether the object store holds this object: true, false, or null when it cannot be read here. */
  hasObject(sha: string): boolean | null;
  /** This text's blob id if it was computed already (a batch hashes each handoff once), else undefined. */
  knownBlob?(text: string): string | undefined;
  /** Where `commit` moved `blob` to `path` from, unchanged (TreeListings.movedFrom); null or undefined: not followed. */
  movedFrom?(commit: string, blob: string, path: string): string | null | undefined;
}

/** Unchanged moves of a handoff followed back, at most. */
export const MAX_MOVES = 8;

/** findAnchor's question for the version a text had at `from` before `move` moved it (a batch answers it: movedHandoffs.ts). */
export const movedKey = (move: string, from: string): string => `moved\0${move}\0${from}`;

export async function findAnchor(
  run: RunGit, repo: RepoInfo, relPath: string, text: string, token: CancellationToken, lookups: AnchorLookups,
): Promise<GitResult<DocumentAnchor | null>> {
  const want = lookups.knownBlob?.(text) ?? blobId(text);
  const ask = async (extra: string[], path = relPath, from = 'HEAD'): Promise<GitResult<Version[]>> => {
    const r = await run(repo.root, ['--literal-pathspecs', 'log', ...extra, `--format=${RS}%H${US}%ct${US}%s${US}`, '--raw', '--no-abbrev',
      '--no-renames', '-z', from, '--', path], token, undefined, 8 * 1024 * 1024);
    if (r.ok && r.out.code !== 0 && /does not have any commits|bad default revision|unknown revision/.test(r.out.stderr)) return { ok: true, value: [] };
    const bad = failed<Version[]>(r, 'log');
    if (bad || !r.ok) return bad!;
    return { ok: true, value: parseVersions(r.out.stdout) };
  };
  const anchored = (v: Version, how: DocumentAnchor['how'], newer: Version | null = null, moves: DocumentAnchor['moves'] = []): GitResult<DocumentAnchor> =>
    ({ ok: true, value: { sha: v.sha, time: v.time, subject: v.subject, how, newer: newer && !ZERO.test(newer.blob) ? { sha: newer.sha, time: newer.time } : null, ...(moves.length ? { moves } : {}) } });
  /**
   * The commit that wrote the text: `v`, or, when `v` only moved the file there unchanged (a handoff archived, a
   * folder reorganised), the one that wrote it at its earlier path — followed back through at most MAX_MOVES moves.
   * Anchored at the move, a handoff would be judged from a moment after its writing (a file renamed in between read
   * as renamed before it was written).
   */
  const writtenBy = async (v: Version): Promise<{ at: Version; moves: NonNullable<DocumentAnchor['moves']> }> => {
    let at = v;
    let path = relPath;
    const moves: NonNullable<DocumentAnchor['moves']> = [];
    for (let hop = 0; hop < MAX_MOVES && lookups.movedFrom; hop++) {
      const from = lookups.movedFrom(at.sha, want, path);
      if (!from) break;
      const moveSha = at.sha;
      const before = await lookups.cached(movedKey(moveSha, from), () => ask(['-n1', `--find-object=${want}`], from, `${moveSha}^`));
      const earlier = before.ok ? before.value.find((x) => x.blob === want) : undefined;
      if (!earlier) break;
      moves.push({ sha: moveSha, from, to: path });
      at = earlier;
      path = from;
    }
    return { at, moves };
  };
  // The file's last version: asked once per repository state, whatever the editor does to the text meanwhile.
  const first = await lookups.cached('last', () => ask(['-n1']));
  if (!first.ok) return first;
  const last = first.value[0];
  if (!last) return { ok: true, value: null };
  if (last.blob === want) {
    const { at, moves } = await writtenBy(last);
    return anchored(at, 'blob', null, moves);
  }
  // Not the last version: an older version put back, or edited since (the common case in an editor). Only a text
  // whose blob the repository holds can be an older version: the object store says so without a process (an
  // edited buffer's text is in no commit). Then the commit that wrote it is the newest one that introduced that
  // blob at this path (`--find-object`: any depth, small output).
  if (lookups.hasObject(want) !== false) {
    const match = await lookups.cached(`find\0${want}`, () => ask([`--find-object=${want}`]));
    if (!match.ok) return match;
    const wrote = match.value.find((v) => v.blob === want);
    if (wrote) {
      const { at, moves } = await writtenBy(wrote);
      return anchored(at, 'blob', wrote.sha === last.sha ? null : last, moves);
    }
  }
  if (!ZERO.test(last.blob)) return anchored(last, 'last-change');
  // The file was deleted since: its last version is the moment.
  const kept = await lookups.cached('kept', () => ask(['-n1', '--diff-filter=AM']));
  if (!kept.ok) return kept;
  return kept.value[0] ? anchored(kept.value[0], 'last-change') : { ok: true, value: null };
}

export async function listFilesAt(run: RunGit, repo: RepoInfo, sha: string, token: CancellationToken): Promise<GitResult<string[]>> {
  if (!isFullSha(sha)) return { ok: false, problem: { kind: 'error', message: `"${sha}" is not a full SHA` } };
  const r = await run(repo.root, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', sha], token, undefined, 64 * 1024 * 1024);
  const bad = failed<string[]>(r, 'ls-tree');
  if (bad || !r.ok) return bad!;
  return { ok: true, value: r.out.stdout.split('\0').filter(Boolean) };
}

/** Renames followed from one path to the next at most this many times (a file moved, then moved again…). */
const MAX_RENAME_HOPS = 4;

/**
 * Deletions in the history of `until` (HEAD, or a handoff's anchor: what was gone before it). A walk of every
 * commit's diff, pathspec-limited: given a time `budget`, running past it only costs this answer (an `error`, not
 * a timeout that would stop every other check).
 */
/**
 * The paths reach git on stdin (`log --stdin`, after `--`): one process whatever their number. `wholeWalk`: one walk
 * of every deletion in the history, filtered here, instead of the pathspec-limited walk — cheaper for the thousands
 * of paths of a batch of handoffs, and the same answer only in a history without merges (a pathspec simplifies
 * merges away): the caller checks.
 * `walk`: the whole walk (`wholeWalk`) already started by `startDeletionsWalk` with the same `until` and budget,
 * while the paths were still being found (null: none was, it is asked now). What the run knows already (`known`): the
 * commits' renames asked so far (a series' anchors find the same deleting commits: each commit's renames are asked
 * once), and whether no commit of HEAD's history ever deleted some paths (then a rename's target needs no walk).
 */
export async function findDeletions(
  run: RunGit, repo: RepoInfo, paths: readonly string[], token: CancellationToken, until = 'HEAD', budgetMs?: number, wholeWalk = false, walk?: Promise<GitRunResult | null>,
  known: { renames?: KeptRenames; neverDeletedInHead?: (paths: readonly string[]) => Promise<boolean> } = {},
): Promise<GitResult<DeletionsResult>> {
  if (until !== 'HEAD' && !isFullSha(until)) return { ok: false, problem: { kind: 'error', message: `"${until}" is not a full SHA` } };
  const renames = known.renames ?? new KeptRenames(run, repo);
  const first = await deletionsOnce(run, repo, paths, token, until, budgetMs, wholeWalk, wholeWalk ? walk : undefined, renames);
  if (!first.ok && first.problem.kind === 'timeout' && budgetMs !== undefined) {
    return { ok: false, problem: { kind: 'error', message: `searching the history took longer than ${budgetMs} ms` } };
  }
  if (!first.ok) return first;
  return followRenames(first.value, async (targets) => (await known.neverDeletedInHead?.(targets)
    ? noDeletions()
    : deletionsOnce(run, repo, targets, token, 'HEAD', undefined, false, undefined, renames)), token);
}

/**
 * Each rename among `first`'s deletions followed to where the file lives now — a target that was itself moved (or
 * deleted) later, as `deletionsOf` finds the targets' newest deletions in HEAD's history — at most MAX_RENAME_HOPS times.
 */
export async function followRenames(
  first: DeletionsResult, deletionsOf: (targets: string[]) => Promise<GitResult<DeletionsResult>>, token: CancellationToken,
): Promise<GitResult<DeletionsResult>> {
  let exactRenamesOnly = first.exactRenamesOnly;
  let frontier = first.deletions.filter((d) => d.renamedTo);
  for (let hop = 0; hop < MAX_RENAME_HOPS && frontier.length && !token.isCancellationRequested; hop++) {
    const next = await deletionsOf(frontier.map((d) => d.renamedTo!));
    if (!next.ok) break; // the first rename still stands
    exactRenamesOnly ||= next.value.exactRenamesOnly;
    const later = new Map(next.value.deletions.map((d) => [d.path, d]));
    const moved: PathDeletion[] = [];
    for (const d of frontier) {
      const again = later.get(d.renamedTo!);
      if (!again || again.time < d.time) continue; // the target was not touched since: it is where the file lives
      if (again.renamedTo) {
        d.renamedTo = again.renamedTo;
        moved.push(d);
      }
      // A plain deletion of the target ends the chain there: the caller sees the target is gone too.
    }
    frontier = moved;
  }
  // Renames only partly followed (cancelled): not an answer to keep for this repository state.
  if (token.isCancellationRequested) return cancelled();
  return { ok: true, value: { deletions: first.deletions, existedAtSince: [], exactRenamesOnly } };
}

/** A complete history without merges: one walk of every deletion answers for any paths (see findDeletions). */
export function isOneLine(graph: GitResult<RepoGraph>): boolean {
  return graph.ok && graph.value.complete && graph.value.commits.every((c) => c.parents.length <= 1);
}

/** Every deletion in the history of `until` (findDeletions' whole walk), started before its paths are all known. */
export function startDeletionsWalk(run: RunGit, repo: RepoInfo, until: string, token: CancellationToken, budgetMs?: number): Promise<GitRunResult> {
  return run(repo.root, deletionsArgs(until, true), token, undefined, DELETIONS_MAX_BYTES, budgetMs);
}

const DELETIONS_MAX_BYTES = 16 * 1024 * 1024;

function deletionsArgs(until: string, wholeWalk: boolean): string[] {
  return ['--literal-pathspecs', 'log', '--diff-filter=D', '--name-only', '--no-renames', '-z', `--format=${RS}%H${US}%ct${US}%s${US}`, until, ...(wholeWalk ? [] : ['--stdin'])];
}

async function deletionsOnce(
  run: RunGit, repo: RepoInfo, paths: readonly string[], token: CancellationToken, until = 'HEAD', budgetMs?: number, wholeWalk = false, walk?: Promise<GitRunResult | null>,
  renames = new KeptRenames(run, repo),
): Promise<GitResult<DeletionsResult>> {
  // A path git cannot read from a line of stdin is no path a handoff cites.
  const asked = paths.filter((p) => p !== '' && !/[\n\r]/.test(p));
  if (!asked.length) return noDeletions();
  // The paths on stdin after `--` (`log --stdin`): one walk of the history whatever their number.
  const r = (walk && wholeWalk ? await walk : null)
    ?? await run(repo.root, deletionsArgs(until, wholeWalk), token, wholeWalk ? undefined : `--\n${asked.join('\n')}\n`, DELETIONS_MAX_BYTES, budgetMs);
  const empty = r.ok && r.out.code !== 0 && /does not have any commits|bad default revision|unknown revision/.test(r.out.stderr);
  const bad = empty ? null : failed<DeletionsResult>(r, 'log');
  if (bad || !r.ok) return bad!;
  return withRenames(newestPerPath(deletionRecords(r.out.stdout), new Set(asked)), renames, token);
}

/** A commit of a deletions walk and the paths it deleted (renamed-away ones too: the walk runs `--no-renames`). */
export interface DeletionRecord {
  sha: string;
  time: number;
  subject: string;
  paths: string[];
}

/** The commits of a deletions walk's output (`deletionsArgs`), newest first. */
export function deletionRecords(stdout: string): DeletionRecord[] {
  const records: DeletionRecord[] = [];
  for (const rec of stdout.split(RS)) {
    const [sha, time, subject, rest] = rec.split(US);
    if (!isFullSha(sha) || rest === undefined) continue;
    records.push({ sha, time: Number(time) || 0, subject: subject ?? '', paths: rest.split('\0').map((p) => p.replace(/^\n+/, '')).filter(Boolean) });
  }
  return records;
}

/** Each wanted path's newest deletion among the records `keep` accepts (records newest first), its rename not known yet. */
export function newestPerPath(records: readonly DeletionRecord[], wanted: ReadonlySet<string>, keep: (sha: string) => boolean = () => true): Map<string, PathDeletion> {
  const found = new Map<string, PathDeletion>();
  for (const r of records) {
    if (found.size === wanted.size) break;
    if (!keep(r.sha)) continue;
    for (const path of r.paths) {
      // Newest first: the first deletion seen of a path is the one that counts.
      if (wanted.has(path) && !found.has(path)) found.set(path, { path, sha: r.sha, time: r.time, subject: r.subject, renamedTo: null });
    }
  }
  return found;
}

/**
 * `paths`: all of them, or a feed that writes them NUL-terminated while git runs (askAhead.ts). Judged by the ignore
 * patterns alone (`--no-index`): without it git matches every path against every entry of the index, which for
 * 5,000 paths in a 20,000-file repository took 1.9 s instead of 0.03 s. The paths asked are ones the work tree does
 * not have, so the index changes one answer only: a file git still tracks though deleted from the work tree, that a
 * pattern matches (it was added with `--force`), is reported as ignored — as any new file there would be.
 */
export async function checkIgnored(run: RunGit, repo: RepoInfo, paths: readonly string[] | StdinFeed, token: CancellationToken): Promise<GitResult<Set<string>>> {
  if (Array.isArray(paths) && !paths.length) return { ok: true, value: new Set() };
  const r = await run(repo.root, ['check-ignore', '--no-index', '--stdin', '-z'], token, Array.isArray(paths) ? paths.join('\0') + '\0' : paths as StdinFeed, 4 * 1024 * 1024);
  if (!r.ok) return r;
  // Exit 1: none of them is ignored.
  if (r.out.code !== 0 && r.out.code !== 1) return { ok: false, problem: failureProblem(r.out, 'check-ignore') };
  return { ok: true, value: new Set(r.out.stdout.split('\0').filter(Boolean)) };
}

/** The needles one `mentioning` question greps for: one line each, long enough to mean something, at most MAX_NEEDLES. */
export function mentionNeedles(needles: readonly string[]): string[] {
  return [...new Set(needles.map((n) => n.replace(/[\r\n\0]/g, ' ').trim().slice(0, 200)).filter((n) => n.length >= 7))].slice(0, MAX_NEEDLES);
}

/** Commits one `mentioning` question lists at most (git's `-n`). */
export const MENTIONING_LIMIT = 50;

export async function findMentioning(run: RunGit, repo: RepoInfo, needles: readonly string[], token: CancellationToken): Promise<GitResult<MentioningCommit[]>> {
  const clean = mentionNeedles(needles);
  if (!clean.length) return { ok: true, value: [] };
  const r = await run(repo.root, ['log', '--exclude=refs/stash', '--all', '-F', `-n${MENTIONING_LIMIT}`, ...clean.map((n) => `--grep=${n}`), `--format=${RS}%H${US}%s${US}%b`],
    token, undefined, 4 * 1024 * 1024);
  const bad = failed<MentioningCommit[]>(r, 'log');
  if (bad || !r.ok) return bad!;
  const out: MentioningCommit[] = [];
  for (const rec of r.out.stdout.split(RS)) {
    const [sha, subject, body] = rec.split(US);
    if (isFullSha(sha)) out.push({ sha, subject: subject ?? '', body: (body ?? '').trimEnd() });
  }
  return { ok: true, value: out };
}
