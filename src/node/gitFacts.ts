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
 *   history   – 1 × `log --all -n N --name-status -M` (lazy: only when a rule needs it)
 * SHAs reach git only after validation: on stdin, or as `--disambiguate=<hex>`; never as a bare argument that
 * git could take for an option or a revision expression.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CancellationToken } from '../core/interfaces';
import type {
  CommitDetails, GitProvider, GitResult, RefInfo, RepoFacts, RepoHistory, RepoInfo, ShaLookup,
} from '../core/git/provider';
import { fullShaSchema, validSha } from '../core/git/schemas';
import { failureProblem, GitRunner, type GitRunnerOptions, type GitRunResult } from './gitRunner';
import {
  type BatchCheckLine, headState, HISTORY_FORMAT, parseBatchCheck, parseDiscovery, parseGitmodules, parseHistory, parseReach,
  parseRefs, REACH_FORMAT, REF_FORMAT,
} from './gitParse';
import { headStateKey, mayHaveRemoteRefs, repoStateKey } from './repoState';
import { discoverFromDisk, readHeadFile, type DiskDiscovery } from './discoverFromDisk';
import { objectsOnDisk, type DiskObjects } from './objectStore';
import { type Candidates, disambiguateArgs, MAX_DISAMBIGUATE_CHARS, parseDisambiguate } from './resolvePrefixes';

export interface NodeGitProviderOptions extends GitRunnerOptions {
  /** Per-process time limit (CoreSettings.gitTimeoutMs). */
  timeoutMs?: number;
  /** How many recent commits the history pass reads (renames, amended/squashed subjects, ahead counts). */
  historyLimit?: number;
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
  history?: RepoHistory;
}

/** Submodules searched for SHAs the superproject lacks (each costs one process, only when a SHA is missing). */
const MAX_SUBMODULES = 8;

const toSlash = (p: string) => p.replace(/\\/g, '/');

export class NodeGitProvider implements GitProvider {
  readonly runner: GitRunner;
  timeoutMs: number;
  private readonly historyLimit: number;
  private readonly maxDisambiguateChars: number;
  private readonly discovered = new Map<string, { info: RepoInfo; key: string }>();
  private readonly caches = new Map<string, RepoCache>();

  constructor(options: NodeGitProviderOptions = {}) {
    this.runner = options.runner ?? new GitRunner(options);
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.historyLimit = options.historyLimit ?? 1000;
    this.maxDisambiguateChars = options.maxDisambiguateChars ?? MAX_DISAMBIGUATE_CHARS;
  }

  configure(options: { timeoutMs: number }): void {
    this.timeoutMs = options.timeoutMs;
  }

  private git(cwd: string, args: string[], token: CancellationToken, input?: string): Promise<GitRunResult> {
    return this.runner.run({ cwd, args, input, token, timeoutMs: this.timeoutMs });
  }

  async discover(folder: string, token: CancellationToken): Promise<GitResult<RepoInfo>> {
    if (!isDir(folder)) return { ok: false, problem: { kind: 'not-a-repository', message: `folder ${folder} does not exist; showing parse-only results` } };
    const hit = this.discovered.get(folder);
    if (hit && headStateKey(hit.info) === hit.key) return { ok: true, value: hit.info };
    // Read from the files git reads when they are plain; otherwise one rev-parse answers everything about the
    // repository's shape. HEAD last: on an unborn branch only it fails.
    const disk = this.diskDiscovery(folder);
    if (disk) {
      const info: RepoInfo = { ...disk, root: toSlash(disk.root), gitDir: toSlash(disk.gitDir), commonDir: toSlash(disk.commonDir) };
      this.discovered.set(folder, { info, key: headStateKey(info) });
      return { ok: true, value: info };
    }
    const r = await this.git(folder, ['rev-parse', '--show-toplevel', '--absolute-git-dir', '--git-common-dir',
      '--is-shallow-repository', '--symbolic-full-name', 'HEAD'], token);
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
      c = { key, lookups: new Map() };
      this.caches.set(repo.gitDir, c);
    }
    return c;
  }

  async facts(repo: RepoInfo, shas: readonly string[], token: CancellationToken): Promise<GitResult<RepoFacts>> {
    const cache = this.cacheFor(repo);
    const wanted = [...new Set(shas.map(validSha).filter((s): s is string => s !== null))];
    const fresh = wanted.filter((s) => !cache.lookups.has(s));

    // Stage 1: each SHA to its full name (and type), without the ref lookup git makes first for an
    // abbreviation: from the object store on disk when it reads plainly (objectStore.ts); else one `rev-parse
    // --disambiguate` for the abbreviations (for-each-ref meanwhile); past a command line's length, the
    // abbreviations go to git as they are (the old, slower query shape).
    let refsRun: Promise<GitRunResult> | null = null;
    const startRefs = () => (refsRun ??= this.git(repo.root, ['for-each-ref', `--format=${REF_FORMAT}`, 'refs/heads', 'refs/tags', 'refs/remotes'], token));
    const disk = fresh.length ? this.objectsOnDisk(repo.commonDir, fresh) : null;
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
      cache.refs = parseRefs(refsDone.out.stdout);
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

    const map = new Map<string, ShaLookup>();
    for (const s of wanted) map.set(s, cache.lookups.get(s) ?? { status: 'missing' });
    return { ok: true, value: { refs, headSha: cache.headSha ?? null, hasRemote, shas: map } };
  }

  /** Discovery from the files on disk, or null to ask git (protected: tests compare both ways). */
  protected diskDiscovery(folder: string): DiskDiscovery | null {
    return discoverFromDisk(folder);
  }

  /** Stage 1 from the object store on disk, or null to ask git (protected: tests force each way). */
  protected objectsOnDisk(commonDir: string, keys: readonly string[]): DiskObjects | null {
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

  /** SHAs missing here may be a submodule's history: one batch-check per checked-out submodule. */
  private async inSubmodules(repo: RepoInfo, cache: RepoCache, keys: string[], token: CancellationToken): Promise<GitResult<void> | null> {
    for (const k of keys) cache.lookups.set(k, { status: 'missing' });
    if (!keys.length) return null;
    let paths: string[] = [];
    try {
      paths = parseGitmodules(readFileSync(join(repo.root, '.gitmodules'), 'utf8'));
    } catch {
      return null;
    }
    let left = keys;
    // Bounded: a superproject with hundreds of submodules must not turn one typo into hundreds of processes.
    for (const sub of paths.slice(0, MAX_SUBMODULES)) {
      const dir = join(repo.root, sub);
      if (!left.length || !existsSync(join(dir, '.git'))) continue;
      const r = await this.git(dir, ['cat-file', '--batch-check'], token, left.map((s) => `${s}^{commit}`).join('\n') + '\n');
      if (!r.ok) return r;
      const parsed = r.out.code === 0 ? parseBatchCheck(r.out.stdout, left.length) : null;
      if (!parsed) continue; // a broken submodule must not hide the superproject's results
      const still: string[] = [];
      left.forEach((k, i) => {
        const line = parsed[i]!;
        if (line.kind === 'found') cache.lookups.set(k, { status: 'found', sha: line.sha, reach: 'unchecked', subject: null, submodule: toSlash(sub) });
        else still.push(k);
      });
      left = still;
    }
    return null;
  }

  async history(repo: RepoInfo, token: CancellationToken): Promise<GitResult<RepoHistory>> {
    const cache = this.cacheFor(repo);
    if (cache.history) return { ok: true, value: cache.history };
    const r = await this.git(repo.root, ['log', '--all', `-n${this.historyLimit}`, '-M', '--name-status', '-z',
      `--format=${HISTORY_FORMAT}`], token);
    if (!r.ok) return r;
    if (r.out.code !== 0) {
      // An unborn repository has no history: that is an empty answer, not an error.
      if (/does not have any commits|bad default revision/.test(r.out.stderr)) return { ok: true, value: { commits: [], complete: true } };
      return { ok: false, problem: failureProblem(r.out, 'log') };
    }
    const commits = parseHistory(r.out.stdout);
    cache.history = { commits, complete: commits.length < this.historyLimit };
    return { ok: true, value: cache.history };
  }

  async commitDetails(repo: RepoInfo, sha: string, token: CancellationToken): Promise<GitResult<CommitDetails>> {
    const valid = validSha(sha);
    if (!valid) return { ok: false, problem: { kind: 'error', message: `"${sha}" is not a commit SHA` } };
    const r = await this.git(repo.root, ['log', '-1', '-m', '--first-parent', '--name-only', '-z',
      '--format=%H%x00%s%x00%an%x00%ae%x00%aI%x00', '--end-of-options', `${valid}^{commit}`, '--'], token);
    if (!r.ok) return r;
    if (r.out.code !== 0) return { ok: false, problem: failureProblem(r.out, 'log') };
    const [full, subject, author, authorEmail, date, ...files] = r.out.stdout.split('\0');
    if (!fullShaSchema.safeParse(full).success) return { ok: false, problem: { kind: 'error', message: `commit ${sha} not found` } };
    const c = await this.git(repo.root, ['for-each-ref', `--contains=${full}`, '--format=%(refname)', 'refs/heads', 'refs/remotes', 'refs/tags'], token);
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

  async commitPatch(repo: RepoInfo, sha: string, token: CancellationToken): Promise<GitResult<string>> {
    const valid = validSha(sha);
    if (!valid) return { ok: false, problem: { kind: 'error', message: `"${sha}" is not a commit SHA` } };
    const r = await this.git(repo.root, ['show', '--format=fuller', '--stat', '--patch', '--no-ext-diff', '--no-textconv',
      '--end-of-options', `${valid}^{commit}`, '--'], token);
    if (!r.ok) return r;
    if (r.out.code !== 0) return { ok: false, problem: failureProblem(r.out, 'show') };
    return { ok: true, value: r.out.stdout };
  }
}

type ReachMap = ReturnType<typeof parseReach>;

const isRemoteRef = (r: RefInfo) => r.refname.startsWith('refs/remotes/');

/** Commits of the printed (not-on-a-remote) set that local branches, tags or HEAD reach: the unpushed ones. */
function localClosure(printed: ReachMap, refs: readonly RefInfo[], headSha: string | null): Set<string> {
  const local = new Set<string>();
  const stack = refs.filter((x) => !x.refname.startsWith('refs/remotes/')).map((x) => x.sha);
  if (headSha) stack.push(headSha);
  while (stack.length) {
    const s = stack.pop()!;
    const node = printed.get(s);
    if (!node || local.has(s)) continue;
    local.add(s);
    stack.push(...node.parents);
  }
  return local;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** On an unborn branch HEAD names a branch that has no ref yet: read it from HEAD itself. */
function unbornBranch(gitDir: string): string | null {
  try {
    const m = /^ref: refs\/heads\/(.+)$/m.exec(readFileSync(join(gitDir, 'HEAD'), 'utf8'));
    return m ? m[1]! : null;
  } catch {
    return null;
  }
}
