/**
 * The Node implementation of the core's GitProvider: the wiring of its questions, the caches and the circuit
 * breaker. Each question is one batch per repository, and what git would read from plain files is read instead
 * (every git process costs a fork of this whole process):
 *   discover  – from the `.git` files (discoverFromDisk.ts), no process; 1 × `rev-parse` when the repository is
 *               unusual (bare, work tree set elsewhere, extensions, GIT_DIR...) or on Windows (gitDiscover.ts).
 *               Cached per folder while HEAD and the shallow file (and an unborn branch's ref) are unchanged
 *   facts     – (shaFacts.ts) each SHA's full name and type from the object store (objectStore.ts), then 1 × `log`
 *               for reachability ‖ 1 × `for-each-ref`, in parallel. When the store is not read here: +1 `rev-parse
 *               --disambiguate` first and +1 `cat-file --batch-check` beside the log (at most 4 in all); +1
 *               `cat-file` per submodule only if a SHA is missing. Cached per repository state, so a re-analysis
 *               costs 0
 *   history   – graph, anchor, files at a commit, deletions, ignored paths, messages (gitHistory.ts), the cited
 *               files' changes since a commit and their texts then (changesSince.ts): each one batched command,
 *               asked only when a check needs it, cached per repository state (files and texts at a commit: per
 *               commit, which never changes); the commits since an anchor that touch the cited files
 *               (touchingSince.ts), cached per repository state. Per anchor, none: a commit's files, the paths it
 *               had, the line since it and the deletions before it come from what the run read (anchorQuestions.ts)
 *   working   – for a new handoff (workingState.ts): `status` ‖ `log` ‖ `diff` since the last handoff, not cached
 * SHAs reach git only after validation: on stdin, or as `--disambiguate=<hex>`; never as a bare argument that
 * git could take for an option or a revision expression.
 */
import type { CancellationToken } from '../core/interfaces';
import type {
  CommitDetails, DeletionsResult, DocumentAnchor, GitProblem, GitProvider, GitResult, MentioningCommit, PathChange, RepoFacts, RepoGraph, RepoInfo,
  TouchingResult, WorkingState,
} from '../core/git/provider';
import { GitRunner, type GitRunnerOptions, type GitRunResult, type StdinFeed } from './gitRunner';
import { changesSince, keptTextsAt, workTreeKey } from './changesSince';
import { ObjectReader } from './objectRead';
import { readCommitDetails, readCommitPatch } from './commitDetails';
import { findDeletionsSince, type OpenSession } from './deletionsSince';
import { checkIgnored, findAnchor, findMentioning, listFilesAt, readGraphAndPulls, type RunGit } from './gitHistory';
import type { AskAhead } from './askAhead';
import { askAheadOf, askBatch, askPerPath, type BatchGit } from './batchPrefetch';
import { headStateKey, mayHaveRemoteRefs, repoStateKey } from './repoState';
import { discoverFromDisk, type DiskDiscovery } from './discoverFromDisk';
import { discoverWithGit, isDir, repoInfoFromDisk } from './gitDiscover';
import { objectsOnDisk, type DiskObjects } from './objectStore';
import { SlowRepos } from './slowRepos';
import { readWorkingState } from './workingState';
import { MAX_DISAMBIGUATE_CHARS } from './resolvePrefixes';
import { readShaFacts, type RepoCache, type ShaFactsAsk } from './shaFacts';
import { fromBatch, lastChange, lastChanges, listKey } from './lastVersions';
import type { BatchAnswers } from './batchAnswers';
import type { RecordedQuestions } from './recordQuestions';
import { findTouching } from './touchingSince';
import { sharedAnswer } from './sharedAnswers';
import { AnchorQuestions } from './anchorQuestions';

export interface NodeGitProviderOptions extends GitRunnerOptions {
  /** Per-process time limit (CoreSettings.gitTimeoutMs). */
  timeoutMs?: number;
  /** Share a runner (and its process counter) between providers. */
  runner?: GitRunner;
  /** Longest `--disambiguate` list for one command line (tests lower it to reach the old query shape). */
  maxDisambiguateChars?: number;
  /**
   * How long a repository's state key (repoState.ts: a stat of HEAD and every loose ref) is taken as current
   * (default 0: read for every question, as an editor must). A run that takes the repository as one snapshot
   * (the CLI) keeps it for the run: a thousand handoffs then stat the refs once, not a few times each. Infinity
   * also keeps each folder's repository as first found.
   */
  stateTtlMs?: number;
}

/**
 * How long the walk of a whole history for paths gone before a handoff may take: an outdated path in a handoff is
 * worth a warning, but not worth holding every other answer up in a very long history.
 */
const HISTORY_BUDGET_MS = 2_000;

/** Answers kept per repository state. */
const MAX_ANSWERS = 256;

export class NodeGitProvider implements GitProvider {
  readonly runner: GitRunner;
  /** Repositories where git timed out: later questions fail at once until they change (slowRepos.ts). */
  readonly slow: SlowRepos;
  private limitMs: number;
  private readonly factsAsk: ShaFactsAsk;
  private readonly discovered = new Map<string, { info: RepoInfo; key: string }>();
  /** Folders found in no repository, in a snapshot run (stateTtlMs Infinity): bounded by the folders of the run. */
  private readonly outsideRepos = new Map<string, GitResult<RepoInfo>>();
  private readonly caches = new Map<string, RepoCache>();
  private readonly anchors = new AnchorQuestions({
    run: (...args) => this.run(...args),
    stateKey: (repo) => this.stateKey(repo),
    graphIfAsked: (repo, token) => (this.cacheFor(repo).answers.has('graph') ? this.graph(repo, token) : null),
    headSha: (repo) => this.cacheFor(repo).headSha,
    listFilesAt: (repo, sha, token) => this.slow.guard(repo.root, () => listFilesAt(this.run, repo, sha, token)),
  }, HISTORY_BUDGET_MS);
  /** The batch questions' way to this provider (batchPrefetch.ts). */
  private readonly batchGit: BatchGit;
  private readonly texts = new Map<string, string | null>();
  /** Per repository (git dir): the per-path answers asked ahead for the current batch, for its state (batchAnswers.ts). */
  private readonly batches = new Map<string, { key: string; answers: BatchAnswers }>();
  private readonly stateTtlMs: number;
  private readonly stateKeys = new Map<string, { key: string; at: number }>();

  constructor(options: NodeGitProviderOptions = {}) {
    this.runner = options.runner ?? new GitRunner(options);
    this.slow = this.runner.slowRepos ??= new SlowRepos((root) => this.stateOf(root));
    this.batchGit = {
      run: this.run, openSession: this.openSession, slow: this.slow, anchors: this.anchors, historyBudgetMs: HISTORY_BUDGET_MS,
      facts: (repo, shas, token) => this.facts(repo, shas, token),
      graph: (repo, token) => this.graph(repo, token),
    };
    this.limitMs = options.timeoutMs ?? 10_000;
    this.stateTtlMs = options.stateTtlMs ?? 0;
    // The facts question's ways to git and the disk (the protected reads stay overridable by tests).
    this.factsAsk = {
      git: (cwd, args, token, input) => this.git(cwd, args, token, input),
      run: this.run,
      objectsOnDisk: (commonDir, keys) => this.objectsOnDisk(commonDir, keys),
      guessRemoteRefs: (repo) => this.guessRemoteRefs(repo),
      maxDisambiguateChars: options.maxDisambiguateChars ?? MAX_DISAMBIGUATE_CHARS,
      answer: (repo, question, ask) => this.answer(repo, question, ask),
    };
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
    for (const { info } of this.discovered.values()) if (info.root === root) return this.stateKey(info);
    return null;
  }

  /** repoStateKey, read again once `stateTtlMs` has passed since it was last read. */
  private stateKey(repo: { gitDir: string; commonDir: string }): string {
    if (this.stateTtlMs <= 0) return repoStateKey(repo.gitDir, repo.commonDir);
    const now = Date.now();
    const hit = this.stateKeys.get(repo.gitDir);
    if (hit && now - hit.at < this.stateTtlMs) return hit.key;
    const key = repoStateKey(repo.gitDir, repo.commonDir);
    this.stateKeys.set(repo.gitDir, { key, at: now });
    return key;
  }

  private git(cwd: string, args: string[], token: CancellationToken, input?: string | StdinFeed, maxBytes?: number, timeoutMs?: number, partial?: boolean): Promise<GitRunResult> {
    return this.runner.run({ cwd, args, input, token, timeoutMs: Math.min(timeoutMs ?? this.timeoutMs, this.timeoutMs), maxBytes, partial });
  }

  private readonly run: RunGit = (cwd, args, token, input, maxBytes, timeoutMs, partial) => this.git(cwd, args, token, input, maxBytes, timeoutMs, partial);

  async discover(folder: string, token: CancellationToken): Promise<GitResult<RepoInfo>> {
    const hit = this.discovered.get(folder);
    // A run that takes the repository as one snapshot (stateTtlMs Infinity, the CLI) found it once: a thousand
    // handoffs of a folder do not stat it, and its HEAD, a few times each. A folder in no repository is asked once
    // too (its documents are prefetched, then analysed: a process each time otherwise).
    if (hit && this.stateTtlMs === Infinity) return { ok: true, value: hit.info };
    const outside = this.stateTtlMs === Infinity ? this.outsideRepos.get(folder) : undefined;
    if (outside) return outside;
    const found = await this.discoverNow(folder, token);
    if (!found.ok && found.problem.kind === 'not-a-repository' && this.stateTtlMs === Infinity) this.outsideRepos.set(folder, found);
    return found;
  }

  private async discoverNow(folder: string, token: CancellationToken): Promise<GitResult<RepoInfo>> {
    const hit = this.discovered.get(folder);
    if (!isDir(folder)) return { ok: false, problem: { kind: 'not-a-repository', message: `folder ${folder} does not exist; showing parse-only results` } };
    if (hit && headStateKey(hit.info) === hit.key) return { ok: true, value: hit.info };
    // Read from the files git reads when they are plain; otherwise one rev-parse answers.
    const disk = this.diskDiscovery(folder);
    if (disk && 'problem' in disk) return { ok: false, problem: disk.problem };
    if (disk) {
      const info = repoInfoFromDisk(disk);
      this.discovered.set(folder, { info, key: headStateKey(info) });
      return { ok: true, value: info };
    }
    const r = await discoverWithGit((args) => this.slow.guard(folder, () => this.git(folder, args, token)), folder);
    if (r.ok) this.discovered.set(folder, { info: r.value, key: headStateKey(r.value) });
    return r;
  }

  private cacheFor(repo: RepoInfo): RepoCache {
    const key = this.stateKey(repo);
    let c = this.caches.get(repo.gitDir);
    if (!c || c.key !== key) {
      c = { key, lookups: new Map(), answers: new Map() };
      this.caches.set(repo.gitDir, c);
    }
    return c;
  }

  facts(repo: RepoInfo, shas: readonly string[], token: CancellationToken): Promise<GitResult<RepoFacts>> {
    return this.slow.guard(repo.root, () => readShaFacts(this.factsAsk, repo, this.cacheFor(repo), shas, token));
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

  /** One answer per question and repository state, shared by its askers (sharedAnswers.ts). */
  private answer<T>(repo: RepoInfo, question: string, ask: () => Promise<GitResult<T>>): Promise<GitResult<T>> {
    const answers = this.cacheFor(repo).answers as Map<string, Promise<GitResult<T>>>;
    return sharedAnswer(answers, question, () => this.slow.guard(repo.root, ask), MAX_ANSWERS);
  }

  /** Ahead of a run over many documents of this repository (the CLI): their SHAs' facts and last versions (batchPrefetch.ts). */
  async prefetch(repo: RepoInfo, docs: ReadonlyArray<{ relPath: string; text: string; shas: readonly string[] }>, token: CancellationToken): Promise<void> {
    if (this.slow.problem(repo.root) || !docs.length) return;
    // A new batch: its answers replace the last one's (kept apart from the bounded cache, which holds fewer).
    await askBatch(this.batchGit, repo, docs, token, (answers) => this.batches.set(repo.gitDir, { key: this.stateKey(repo), answers }));
  }

  /** Ahead of a run over many documents, the per-path and per-SHA questions they will ask (batchPrefetch.ts). */
  async prefetchPerPath(repo: RepoInfo, q: RecordedQuestions, token: CancellationToken, ahead?: AskAhead): Promise<void> {
    const answers = this.batchFor(repo);
    if (!answers || this.slow.problem(repo.root)) {
      ahead?.close();
      return;
    }
    await askPerPath(this.batchGit, answers, repo, q, token, ahead);
  }

  /** What a batch's dry run can have git answer while it runs (askAhead.ts). */
  askAhead(repo: RepoInfo, token: CancellationToken): AskAhead {
    return askAheadOf(this.batchGit, repo, token);
  }

  /** The batch's answers for this repository in its current state, if any were asked ahead. */
  private batchFor(repo: RepoInfo): BatchAnswers | null {
    const b = this.batches.get(repo.gitDir);
    return b && b.key === this.stateKey(repo) ? b.answers : null;
  }

  graph(repo: RepoInfo, token: CancellationToken): Promise<GitResult<RepoGraph>> {
    return this.answer(repo, 'graph', () => readGraphAndPulls(this.run, repo, this.cacheFor(repo), token));
  }

  anchor(repo: RepoInfo, relPath: string, text: string, token: CancellationToken): Promise<GitResult<DocumentAnchor | null>> {
    return findAnchor(this.run, repo, relPath, text, token, {
      cached: (key, ask) => {
        const batch = this.batchFor(repo);
        const ahead = key === 'last' ? batch?.lastVersions.get(relPath) : batch?.moved.get(key);
        return ahead ? Promise.resolve({ ok: true, value: ahead } as Awaited<ReturnType<typeof ask>>) : this.answer(repo, `anchor\0${relPath}\0${key}`, ask);
      },
      knownBlob: (text) => {
        const kept = this.batchFor(repo)?.blobs.get(relPath);
        return kept && kept.text === text ? kept.blob : undefined;
      },
      hasObject: (sha) => {
        const disk = this.objectsOnDisk(repo.commonDir, [sha]);
        return disk && 'candidates' in disk ? (disk.candidates.get(sha)?.length ?? 0) > 0 : null;
      },
      movedFrom: this.anchors.movedFrom(repo),
    });
  }

  lastChange(repo: RepoInfo, relPath: string, token: CancellationToken): Promise<GitResult<{ sha: string; time: number } | null>> {
    const batch = this.batchFor(repo);
    if (batch?.lastChanges.has(relPath)) return Promise.resolve({ ok: true, value: batch.lastChanges.get(relPath)! });
    return this.answer(repo, `last\0${relPath}`, () => lastChange(this.run, repo, relPath, token));
  }

  lastChanges(repo: RepoInfo, relPaths: readonly string[], token: CancellationToken): Promise<GitResult<ReadonlyMap<string, { sha: string; time: number }>>> {
    const batch = fromBatch(this.batchFor(repo)?.lastChanges, relPaths);
    return batch ? Promise.resolve({ ok: true, value: batch }) : this.answer(repo, listKey(relPaths), () => lastChanges(this.run, repo, relPaths, token));
  }

  filesAt(repo: RepoInfo, sha: string, token: CancellationToken): Promise<GitResult<string[]>> {
    return this.anchors.filesAt(repo, sha, token);
  }

  deletions(repo: RepoInfo, paths: readonly string[], since: string | null, token: CancellationToken, until?: string): Promise<GitResult<DeletionsResult>> {
    // Cut from the batch's answer in any order (each path's answer is its own); sorted only to ask git and key the cache.
    const unique = [...new Set(paths)];
    const ahead = this.batchFor(repo)?.deletions(unique, since, until);
    if (ahead) return Promise.resolve({ ok: true, value: ahead });
    const sorted = unique.sort();
    return this.answer(repo, `deletions\0${since ?? ''}\0${until ?? ''}\0${sorted.join('\0')}`, () => (since
      ? findDeletionsSince(this.run, this.openSession, repo, since, sorted, token, this.anchors.since(repo))
      : this.anchors.before(repo, sorted, until, token)));
  }

  private readonly openSession: OpenSession = (cwd, args, token) => this.runner.session(cwd, args, token, this.timeoutMs);

  ignored(repo: RepoInfo, paths: readonly string[], token: CancellationToken): Promise<GitResult<Set<string>>> {
    const unique = [...new Set(paths)];
    const ahead = this.batchFor(repo)?.ignored(unique);
    if (ahead) return Promise.resolve({ ok: true, value: ahead });
    const sorted = unique.sort();
    return this.answer(repo, `ignored\0${sorted.join('\0')}`, () => checkIgnored(this.run, repo, sorted, token));
  }

  mentioning(repo: RepoInfo, needles: readonly string[], token: CancellationToken): Promise<GitResult<MentioningCommit[]>> {
    const sorted = [...new Set(needles)].sort();
    const ahead = this.batchFor(repo)?.mentioning(sorted);
    if (ahead) return Promise.resolve({ ok: true, value: ahead });
    return this.answer(repo, `mentioning\0${sorted.join('\0')}`, () => findMentioning(this.run, repo, sorted, token));
  }

  /** Keyed by the work tree's metadata too: an edit of a cited file (saved) asks again, an edit of the handoff does not. */
  changesSince(repo: RepoInfo, since: string, paths: readonly string[], token: CancellationToken): Promise<GitResult<PathChange[]>> {
    const sorted = [...new Set(paths)].sort();
    const ahead = this.batchFor(repo)?.changes.get(since)?.cut(sorted);
    if (ahead) return Promise.resolve({ ok: true, value: ahead });
    return this.answer(repo, `changes\0${since}\0${workTreeKey(repo, sorted)}\0${sorted.join('\0')}`,
      () => changesSince(this.run, repo, since, sorted, token, ObjectReader.open(repo.commonDir)));
  }

  textsAt(repo: RepoInfo, sha: string, paths: readonly string[], token: CancellationToken): Promise<GitResult<Map<string, string | null>>> {
    return keptTextsAt(this.texts, this.run, repo, sha, paths, token);
  }

  touching(repo: RepoInfo, since: string, paths: readonly string[], token: CancellationToken): Promise<GitResult<TouchingResult>> {
    const sorted = [...new Set(paths)].sort();
    return this.answer(repo, `touching\0${since}\0${sorted.join('\0')}`, () => findTouching(this.run, repo, since, sorted, token));
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
