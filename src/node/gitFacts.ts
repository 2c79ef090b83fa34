/**
 * The Node implementation of the core's GitProvider. Each question is one batch per repository, and what git
 * would read from plain files is read here instead (every git process costs a fork of this whole process):
 *   discover  – from the `.git` files (discoverFromDisk.ts), no process; 1 × `rev-parse` when the repository is
 *               unusual (bare, work tree set elsewhere, extensions, GIT_DIR...) or on Windows. Cached per folder
 *               while HEAD and the shallow file (and an unborn branch's ref) are unchanged
 *   facts     – each SHA's full name and type from the object store (objectStore.ts), then 1 × `log` for
 *               reachability ‖ 1 × `for-each-ref`, in parallel. When the store is not read here: +1 `rev-parse
 *               --disambiguate` first and +1 `cat-file --batch-check` beside the log (at most 4 in all); +1
 *               `cat-file` per submodule only if a SHA is missing. Cached per repository state, so a re-analysis
 *               costs 0
 *   history   – graph, anchor, files at a commit, deletions, ignored paths, messages (gitHistory.ts), the cited
 *               files' changes since a commit and their texts then (changesSince.ts): each one batched command,
 *               asked only when a check needs it, cached per repository state (files and texts at a commit: per
 *               commit, which never changes)
 *   working   – for a new handoff (workingState.ts): `status` ‖ `log` ‖ `diff` since the last handoff, not cached
 * SHAs reach git only after validation: on stdin, or as `--disambiguate=<hex>`; never as a bare argument that
 * git could take for an option or a revision expression.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CancellationToken } from '../core/interfaces';
import type {
  CommitDetails, DeletionsResult, DocumentAnchor, GitProblem, GitProvider, GitResult, MentioningCommit, PathChange, RefInfo, RepoFacts, RepoGraph, RepoInfo,
  ShaLookup, WorkingState,
} from '../core/git/provider';
import { validSha } from '../core/git/schemas';
import { failureProblem, GitRunner, type GitRunnerOptions, type GitRunResult } from './gitRunner';
import {
  type BatchCheckLine, headState, isRemoteRef, localClosure, parseBatchCheck, parseDiscovery, parseReach, parseRefs, pullRefsOf,
  type ReachMap, REACH_FORMAT, REF_FORMAT,
} from './gitParse';
import { changesSince, keptTextsAt, workTreeKey } from './changesSince';
import { ObjectReader } from './objectRead';
import { readCommitDetails, readCommitPatch } from './commitDetails';
import { findDeletionsSince, type OpenSession } from './deletionsSince';
import { inCheckedOutSubmodules, recordedGitlinks } from './submodules';
import { checkIgnored, findAnchor, findDeletions, findMentioning, listFilesAt, readGraph, readPullRefs, type RunGit } from './gitHistory';
import { headStateKey, mayHaveRemoteRefs, repoStateKey } from './repoState';
import { discoverFromDisk, readHeadFile, unbornBranch, type DiskDiscovery } from './discoverFromDisk';
import { objectsOnDisk, type DiskObjects } from './objectStore';
import { SlowRepos } from './slowRepos';
import { readWorkingState } from './workingState';
import { type Candidates, disambiguateArgs, MAX_DISAMBIGUATE_CHARS, parseDisambiguate } from './resolvePrefixes';

export interface NodeGitProviderOptions extends GitRunnerOptions {
  /** Per-process time limit (CoreSettings.gitTimeoutMs). */
  timeoutMs?: number;
  /** Share a runner (and its process counter) between providers. */
  runner?: GitRunner;
  /** Longest `--disambiguate` list for one command line (tests lower it to reach the old query shape). */
  maxDisambiguateChars?: number;
}

interface RepoCache {
  key: string;
  refs?: RefInfo[];
  headSha?: string | null;
  lookups: Map<string, ShaLookup>;
  /** Pull-request heads (`refs/pull/N/head`), read with the refs. */
  pullRefs?: Array<{ number: number; sha: string }>;
  /** History answers of this repository state, by question (failed answers are not kept). */
  answers: Map<string, Promise<GitResult<unknown>>>;
}

/**
 * How long the walk of a whole history for paths gone before a handoff may take: an outdated path in a handoff is
 * worth a warning, but not worth holding every other answer up in a very long history.
 */
const HISTORY_BUDGET_MS = 2_000;

/** Answers kept per repository state. */
const MAX_ANSWERS = 256;

/** Trees of commits kept (a commit's tree never changes; a handful of anchors are in use at a time). */
const MAX_TREES = 8;


const toSlash = (p: string) => p.replace(/\\/g, '/');

export class NodeGitProvider implements GitProvider {
  readonly runner: GitRunner;
  /** Repositories where git timed out: later questions fail at once until they change (slowRepos.ts). */
  readonly slow: SlowRepos;
  private limitMs: number;
  private readonly maxDisambiguateChars: number;
  private readonly discovered = new Map<string, { info: RepoInfo; key: string }>();
  private readonly caches = new Map<string, RepoCache>();
  private readonly trees = new Map<string, Promise<GitResult<string[]>>>();
  private readonly texts = new Map<string, string | null>();

  constructor(options: NodeGitProviderOptions = {}) {
    this.runner = options.runner ?? new GitRunner(options);
    this.slow = this.runner.slowRepos ??= new SlowRepos((root) => this.stateOf(root));
    this.limitMs = options.timeoutMs ?? 10_000;
    this.maxDisambiguateChars = options.maxDisambiguateChars ?? MAX_DISAMBIGUATE_CHARS;
  }

  configure(options: { timeoutMs: number }): void {
    this.timeoutMs = options.timeoutMs;
  }

  get timeoutMs(): number {
    return this.limitMs;
  }

  /** A longer limit may be enough for a repository marked slow under the old one: it is asked again. */
  set timeoutMs(ms: number) {
    if (ms > this.limitMs) this.slow.clear();
    this.limitMs = ms;
  }

  /** The state key of a repository discovered here, by its root (null when not discovered). */
  private stateOf(root: string): string | null {
    for (const { info } of this.discovered.values()) if (info.root === root) return repoStateKey(info.gitDir, info.commonDir);
    return null;
  }

  private git(cwd: string, args: string[], token: CancellationToken, input?: string, maxBytes?: number, timeoutMs?: number, partial?: boolean): Promise<GitRunResult> {
    return this.runner.run({ cwd, args, input, token, timeoutMs: Math.min(timeoutMs ?? this.timeoutMs, this.timeoutMs), maxBytes, partial });
  }

  private readonly run: RunGit = (cwd, args, token, input, maxBytes, timeoutMs, partial) => this.git(cwd, args, token, input, maxBytes, timeoutMs, partial);

  async discover(folder: string, token: CancellationToken): Promise<GitResult<RepoInfo>> {
    if (!isDir(folder)) return { ok: false, problem: { kind: 'not-a-repository', message: `folder ${folder} does not exist; showing parse-only results` } };
    const hit = this.discovered.get(folder);
    if (hit && headStateKey(hit.info) === hit.key) return { ok: true, value: hit.info };
    // Read from the files git reads when they are plain; otherwise one rev-parse answers everything about the
    // repository's shape. HEAD last: on an unborn branch only it fails.
    const disk = this.diskDiscovery(folder);
    if (disk && 'problem' in disk) return { ok: false, problem: disk.problem };
    if (disk) {
      const info: RepoInfo = { ...disk, root: toSlash(disk.root), gitDir: toSlash(disk.gitDir), commonDir: toSlash(disk.commonDir) };
      this.discovered.set(folder, { info, key: headStateKey(info) });
      return { ok: true, value: info };
    }
    const r = await this.slow.guard(folder, () => this.git(folder, ['rev-parse', '--show-toplevel', '--absolute-git-dir', '--git-common-dir',
      '--is-shallow-repository', '--symbolic-full-name', 'HEAD'], token));
    if (!r.ok) return r;
    const parsed = parseDiscovery(r.out.stdout);
    if (!parsed) {
      if (/must be run in a work tree/.test(r.out.stderr)) {
        return { ok: false, problem: { kind: 'not-a-repository', message: 'in a bare git repository (no work tree); showing parse-only results' } };
      }
      return { ok: false, problem: failureProblem(r.out, 'rev-parse') };
    }
    const unborn = r.out.code !== 0 ? unbornBranch(parsed.gitDir) : null;
    const info: RepoInfo = {
      root: toSlash(parsed.root),
      gitDir: toSlash(parsed.gitDir),
      commonDir: toSlash(resolve(folder, parsed.commonDir)),
      shallow: parsed.shallow,
      head: headState(r.out.code === 0 ? parsed.headRef : null, unborn),
    };
    this.discovered.set(folder, { info, key: headStateKey(info) });
    return { ok: true, value: info };
  }

  private cacheFor(repo: RepoInfo): RepoCache {
    const key = repoStateKey(repo.gitDir, repo.commonDir);
    let c = this.caches.get(repo.gitDir);
    if (!c || c.key !== key) {
      c = { key, lookups: new Map(), answers: new Map() };
      this.caches.set(repo.gitDir, c);
    }
    return c;
  }

  facts(repo: RepoInfo, shas: readonly string[], token: CancellationToken): Promise<GitResult<RepoFacts>> {
    return this.slow.guard(repo.root, () => this.factsOf(repo, shas, token));
  }

  private async factsOf(repo: RepoInfo, shas: readonly string[], token: CancellationToken): Promise<GitResult<RepoFacts>> {
    const cache = this.cacheFor(repo);
    const wanted = [...new Set(shas.map(validSha).filter((s): s is string => s !== null))];
    const fresh = wanted.filter((s) => !cache.lookups.has(s));

    // Stage 1: each SHA to its full name (and type), without the ref lookup git makes first for an
    // abbreviation: from the object store on disk when it reads plainly (objectStore.ts); else one `rev-parse
    // --disambiguate` for the abbreviations (for-each-ref meanwhile); past a command line's length, the
    // abbreviations go to git as they are (the old, slower query shape).
    let refsRun: Promise<GitRunResult> | null = null;
    // Pull-request refs ride along (for "only on pull request #N"); they are kept apart from the branches.
    const startRefs = () => (refsRun ??= this.git(repo.root, ['for-each-ref', `--format=${REF_FORMAT}`, 'refs/heads', 'refs/tags', 'refs/remotes', 'refs/pull'], token));
    const read = fresh.length ? this.objectsOnDisk(repo.commonDir, fresh) : null;
    if (read && 'problem' in read) return { ok: false, problem: read.problem };
    const disk = read;
    let candidates: Candidates = disk?.candidates ?? new Map();
    const prefixes = fresh.filter((s) => s.length < 40);
    const args = !disk && prefixes.length ? disambiguateArgs(prefixes, this.maxDisambiguateChars) : null;
    if (args) {
      const run = this.git(repo.root, ['rev-parse', ...args], token);
      if (!cache.refs) startRefs();
      const r = await run;
      if (!r.ok) return r;
      if (r.out.code !== 0) return { ok: false, problem: failureProblem(r.out, 'rev-parse') };
      candidates = parseDisambiguate(r.out.stdout, prefixes);
    }
    const query = new Map<string, string>(); // key → the name git is asked about
    const missing: string[] = [];
    for (const key of fresh) {
      const c = candidates.get(key);
      if (!c) query.set(key, key);
      else if (c.length === 1) query.set(key, c[0]!);
      else if (c.length > 1) cache.lookups.set(key, { status: 'ambiguous', candidates: c });
      else missing.push(key);
    }
    const names = [...new Set(query.values())];

    // Stage 2: reachability and refs side by side, the reachability log (the longest) started first, and
    // `cat-file` only for what the disk did not say: types, and HEAD unless its file names a SHA or a branch.
    // The log's shape depends on whether remote-tracking refs exist; until for-each-ref says, a file-system
    // peek guesses (rarely wrong, and then the query is simply asked again in the right shape).
    const needHead = cache.headSha === undefined;
    const headFile = needHead ? readHeadFile(repo.gitDir) : null;
    const typed = disk !== null && names.every((n) => disk.types.has(n));
    const lines = [...(needHead && !headFile ? ['HEAD'] : []), ...(typed ? [] : names)];
    const guess = cache.refs ? cache.refs.some(isRemoteRef) : this.guessRemoteRefs(repo);
    const [firstReach, catRun, refsDone] = await Promise.all([
      names.length ? this.reachLog(repo, names, guess, token) : null,
      lines.length ? this.git(repo.root, ['cat-file', '--batch-check'], token, lines.join('\n') + '\n') : null,
      cache.refs ? null : startRefs(),
    ]);
    if (refsDone) {
      if (!refsDone.ok) return refsDone;
      if (refsDone.out.code !== 0) return { ok: false, problem: failureProblem(refsDone.out, 'for-each-ref') };
      const all = parseRefs(refsDone.out.stdout);
      cache.refs = all.filter((r) => !r.refname.startsWith('refs/pull/'));
      cache.pullRefs = pullRefsOf(all);
    }
    const refs = cache.refs!;
    const hasRemote = refs.some(isRemoteRef);
    if (catRun && !catRun.ok) return catRun;
    let reachRun = firstReach;
    // Asked without remotes but there are some: only the remote-shaped query tells pushed from local.
    if (reachRun && !guess && hasRemote) reachRun = await this.reachLog(repo, names, true, token);
    if (reachRun && !reachRun.ok) return reachRun;
    const remoteShaped = guess || hasRemote;
    const parsed = catRun ? (catRun.out.code === 0 ? parseBatchCheck(catRun.out.stdout, lines.length) : null) : [];
    if (!parsed) return { ok: false, problem: failureProblem(catRun!.out, 'cat-file') };
    if (needHead) {
      const h = headFile ? null : parsed.shift()!;
      if (h) cache.headSha = h.kind === 'found' ? h.sha : null;
      else if ('sha' in headFile!) cache.headSha = headFile.sha;
      else cache.headSha = refs.find((r) => r.refname === headFile!.ref)?.sha ?? null; // absent: unborn
    }
    const byName = new Map<string, BatchCheckLine>(typed
      ? names.map((n) => [n, { kind: 'found', sha: n, type: disk.types.get(n)! }])
      : names.map((n, i) => [n, parsed[i]!]));
    const printed = reachRun?.value ?? new Map();
    const local = remoteShaped ? localClosure(printed, refs, cache.headSha ?? null) : new Set<string>();
    const ambiguous: string[] = [];
    for (const [key, name] of query) {
      const line = byName.get(name)!;
      // Ambiguous here only when stage 1 had no answer (the key went to git as it was).
      if (line.kind === 'ambiguous') ambiguous.push(key);
      else if (line.kind === 'missing' || (line.type !== 'commit' && line.type !== 'tag')) missing.push(key); // a blob's hash is no commit
      else if (line.type === 'tag') {
        // An annotated tag's own SHA: the log peeled it, so its reach is not known under this SHA.
        cache.lookups.set(key, { status: 'found', sha: line.sha, reach: 'unchecked', subject: null, submodule: null });
      } else {
        const node = printed.get(line.sha);
        // Remote-shaped: not printed = on a remote; printed and reached from a local tip = local; else dangling.
        // Local-shaped (no remotes): printed = beyond every local ref = dangling; not printed = local.
        const reach = !node ? (remoteShaped ? 'remote' : 'local') : remoteShaped && local.has(line.sha) ? 'local' : 'dangling';
        cache.lookups.set(key, { status: 'found', sha: line.sha, reach, subject: node?.subject ?? null, submodule: null });
      }
    }

    const steps = await Promise.all([
      this.disambiguate(repo, cache, ambiguous, token),
      this.inSubmodules(repo, cache, missing, token),
    ]);
    for (const s of steps) if (s && !s.ok) return s;
    const notices = steps.flatMap((s) => (s?.ok && s.notices) || []);

    const map = new Map<string, ShaLookup>();
    for (const s of wanted) map.set(s, cache.lookups.get(s) ?? { status: 'missing' });
    return { ok: true, value: { refs, headSha: cache.headSha ?? null, hasRemote, shas: map }, ...(notices.length ? { notices } : {}) };
  }

  /** Discovery from the files on disk, or null to ask git (protected: tests compare both ways). */
  protected diskDiscovery(folder: string): DiskDiscovery | { problem: GitProblem } | null {
    return discoverFromDisk(folder);
  }

  /** Stage 1 from the object store on disk, or null to ask git (protected: tests force each way). */
  protected objectsOnDisk(commonDir: string, keys: readonly string[]): DiskObjects | { problem: GitProblem } | null {
    return objectsOnDisk(commonDir, keys);
  }

  /** The file-system guess whether remote-tracking refs exist (protected: tests force both wrong answers). */
  protected guessRemoteRefs(repo: RepoInfo): boolean {
    return mayHaveRemoteRefs(repo.commonDir);
  }

  /**
   * One `log` answers "where is each commit reachable from" for all SHAs at once. With remotes it prints the
   * commits reachable from the SHAs or local tips but not from any remote-tracking branch: a SHA not printed
   * is pushed; one reachable from a local tip inside that set is local-only; the rest are dangling. Without
   * remotes it prints what the SHAs reach beyond all local refs: exactly the dangling ones.
   * `--ignore-missing` (before `--stdin`) skips SHAs that are absent, ambiguous or not commits, so one typo
   * cannot sink the batch; cat-file classifies those.
   */
  private async reachLog(repo: RepoInfo, shas: string[], hasRemote: boolean, token: CancellationToken): Promise<GitResult<ReachMap>> {
    const head = repo.head.kind === 'unborn' ? [] : ['HEAD'];
    const base = ['log', `--format=${REACH_FORMAT}`, '--ignore-missing', '--stdin'];
    const args = hasRemote ? [...base, '--branches', '--tags', ...head, '--not', '--remotes'] : [...base, '--not', '--branches', '--tags', ...head];
    const r = await this.git(repo.root, args, token, shas.join('\n') + '\n');
    if (!r.ok) return r;
    if (r.out.code !== 0) return { ok: false, problem: failureProblem(r.out, 'log') };
    return { ok: true, value: parseReach(r.out.stdout) };
  }

  /**
   * Candidates of prefixes `cat-file` called ambiguous, in one `rev-parse --disambiguate`: only when stage 1 had
   * no answer (too many prefixes for a command line and an object store not read here), or for a 40-hex
   * prefix of a SHA-256 name.
   */
  private async disambiguate(repo: RepoInfo, cache: RepoCache, prefixes: string[], token: CancellationToken): Promise<GitResult<void> | null> {
    if (!prefixes.length) return null;
    const r = await this.git(repo.root, ['rev-parse', ...prefixes.map((p) => `--disambiguate=${p}`)], token);
    if (!r.ok) return r;
    for (const [p, candidates] of parseDisambiguate(r.out.stdout, prefixes)) cache.lookups.set(p, { status: 'ambiguous', candidates });
    return { ok: true, value: undefined };
  }

  /**
   * SHAs missing here may be a submodule's history: looked up in checked-out submodules, then among the commits
   * the superproject ever recorded for a submodule (submodules.ts). Unmatched keys stay missing.
   */
  private async inSubmodules(repo: RepoInfo, cache: RepoCache, keys: string[], token: CancellationToken): Promise<GitResult<void> | null> {
    for (const k of keys) cache.lookups.set(k, { status: 'missing' });
    if (!keys.length) return null;
    const checkedOut = await inCheckedOutSubmodules(this.run, repo, keys, token);
    if (!checkedOut.ok) return checkedOut;
    if (checkedOut.notices) return { ok: true, value: undefined, notices: checkedOut.notices };
    for (const [k, l] of checkedOut.value) cache.lookups.set(k, l);
    const left = keys.filter((k) => !checkedOut.value.has(k));
    if (!left.length) return null;
    // Only a repository with submodules (now) has gitlinks worth a history search.
    if (!existsSync(join(repo.root, '.gitmodules'))) return null;
    const links = await this.answer(repo, 'gitlinks', () => recordedGitlinks(this.run, repo, token));
    // The superproject's own answers stand; what was not searched is said, unless the analysis was cancelled.
    if (!links.ok) return links.problem.kind === 'cancelled' ? null : { ok: true, value: undefined, notices: [`commits recorded for submodules not checked: ${links.problem.message.replace(/; showing parse-only results$/, '')}`] };
    for (const k of left) {
      const hits = [...links.value.keys()].filter((sha) => sha.startsWith(k));
      if (hits.length === 1) cache.lookups.set(k, { status: 'found', sha: hits[0]!, reach: 'unchecked', subject: null, submodule: links.value.get(hits[0]!)! });
    }
    return null;
  }

  /** One answer per question and repository state; a failed answer (timeout, cancel) is asked again next time. */
  private answer<T>(repo: RepoInfo, question: string, ask: () => Promise<GitResult<T>>): Promise<GitResult<T>> {
    const answers = this.cacheFor(repo).answers;
    let p = answers.get(question) as Promise<GitResult<T>> | undefined;
    if (p) {
      answers.delete(question); // Map order is recency order
    } else {
      p = this.slow.guard(repo.root, ask);
      void p.then((r) => { if (!r.ok && answers.get(question) === p) answers.delete(question); });
    }
    answers.set(question, p);
    // Bounded: an editor asks about ever new texts and path sets while the repository stays the same.
    if (answers.size > MAX_ANSWERS) answers.delete(answers.keys().next().value as string);
    return p;
  }

  graph(repo: RepoInfo, token: CancellationToken): Promise<GitResult<RepoGraph>> {
    const cache = this.cacheFor(repo);
    return this.answer(repo, 'graph', async () => {
      const [graph, pulls] = await Promise.all([readGraph(this.run, repo, token), cache.pullRefs ? ({ ok: true, value: cache.pullRefs } as GitResult<RepoGraph['pullRefs']>) : readPullRefs(this.run, repo, token)]);
      if (!graph.ok || !pulls.ok) return graph;
      return { ok: true, value: { ...graph.value, pullRefs: pulls.value }, ...(pulls.notices ? { notices: pulls.notices } : {}) };
    });
  }

  anchor(repo: RepoInfo, relPath: string, text: string, token: CancellationToken): Promise<GitResult<DocumentAnchor | null>> {
    return findAnchor(this.run, repo, relPath, text, token, {
      cached: (key, ask) => this.answer(repo, `anchor\0${relPath}\0${key}`, ask),
      hasObject: (sha) => {
        const disk = this.objectsOnDisk(repo.commonDir, [sha]);
        return disk && 'candidates' in disk ? (disk.candidates.get(sha)?.length ?? 0) > 0 : null;
      },
    });
  }

  filesAt(repo: RepoInfo, sha: string, token: CancellationToken): Promise<GitResult<string[]>> {
    let p = this.trees.get(sha);
    if (p) {
      this.trees.delete(sha); // Map order is recency order
    } else {
      p = this.slow.guard(repo.root, () => listFilesAt(this.run, repo, sha, token));
      void p.then((r) => { if (!r.ok && this.trees.get(sha) === p) this.trees.delete(sha); });
    }
    this.trees.set(sha, p);
    if (this.trees.size > MAX_TREES) this.trees.delete(this.trees.keys().next().value as string);
    return p;
  }

  deletions(repo: RepoInfo, paths: readonly string[], since: string | null, token: CancellationToken, until?: string): Promise<GitResult<DeletionsResult>> {
    const sorted = [...new Set(paths)].sort();
    return this.answer(repo, `deletions\0${since ?? ''}\0${until ?? ''}\0${sorted.join('\0')}`, () => (since
      ? findDeletionsSince(this.run, this.openSession, repo, since, sorted, token)
      : findDeletions(this.run, repo, sorted, token, until, HISTORY_BUDGET_MS)));
  }

  private readonly openSession: OpenSession = (cwd, args, token) => this.runner.session(cwd, args, token, this.timeoutMs);

  ignored(repo: RepoInfo, paths: readonly string[], token: CancellationToken): Promise<GitResult<Set<string>>> {
    const sorted = [...new Set(paths)].sort();
    return this.answer(repo, `ignored\0${sorted.join('\0')}`, () => checkIgnored(this.run, repo, sorted, token));
  }

  mentioning(repo: RepoInfo, needles: readonly string[], token: CancellationToken): Promise<GitResult<MentioningCommit[]>> {
    const sorted = [...new Set(needles)].sort();
    return this.answer(repo, `mentioning\0${sorted.join('\0')}`, () => findMentioning(this.run, repo, sorted, token));
  }

  /** Keyed by the work tree's metadata too: an edit of a cited file (saved) asks again, an edit of the handoff does not. */
  changesSince(repo: RepoInfo, since: string, paths: readonly string[], token: CancellationToken): Promise<GitResult<PathChange[]>> {
    const sorted = [...new Set(paths)].sort();
    return this.answer(repo, `changes\0${since}\0${workTreeKey(repo, sorted)}\0${sorted.join('\0')}`,
      () => changesSince(this.run, repo, since, sorted, token, ObjectReader.open(repo.commonDir)));
  }

  textsAt(repo: RepoInfo, sha: string, paths: readonly string[], token: CancellationToken): Promise<GitResult<Map<string, string | null>>> {
    return keptTextsAt(this.texts, this.run, repo, sha, paths, token);
  }

  commitDetails(repo: RepoInfo, sha: string, token: CancellationToken): Promise<GitResult<CommitDetails>> {
    return this.slow.guard(repo.root, () => readCommitDetails(this.run, repo, sha, token));
  }

  commitPatch(repo: RepoInfo, sha: string, token: CancellationToken): Promise<GitResult<string>> {
    return this.slow.guard(repo.root, () => readCommitPatch(this.run, repo, sha, token));
  }

  workingState(repo: RepoInfo, since: string | null, token: CancellationToken): Promise<GitResult<WorkingState>> {
    return readWorkingState(this.run, repo, since, token);
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
