/**
 * The Node implementation of the core's GitProvider. Each question is one batch per repository:
 *   discover  – 1 × `rev-parse` (cached per folder while HEAD and the shallow file are unchanged)
 *   facts     – 1 × `for-each-ref` ‖ 1 × `cat-file --batch-check` ‖ 1 × `log` for reachability, in parallel
 *               (+1 `rev-parse --disambiguate` only if a SHA is ambiguous, +1 `cat-file` per submodule only if
 *               a SHA is missing); answers are cached per repository state, so a re-analysis costs 0
 *   history   – 1 × `log --all -n N --name-status -M` (lazy: only when a rule needs it)
 * SHAs reach git only on stdin or after validation, never as options.
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
  headState, HISTORY_FORMAT, parseBatchCheck, parseDiscovery, parseGitmodules, parseHistory, parseReach,
  parseRefs, REACH_FORMAT, REF_FORMAT,
} from './gitParse';
import { headStateKey, mayHaveRemoteRefs, repoStateKey } from './repoState';

export interface NodeGitProviderOptions extends GitRunnerOptions {
  /** Per-process time limit (CoreSettings.gitTimeoutMs). */
  timeoutMs?: number;
  /** How many recent commits the history pass reads (renames, amended/squashed subjects, ahead counts). */
  historyLimit?: number;
  /** Share a runner (and its process counter) between providers. */
  runner?: GitRunner;
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
  private readonly discovered = new Map<string, { info: RepoInfo; key: string }>();
  private readonly caches = new Map<string, RepoCache>();

  constructor(options: NodeGitProviderOptions = {}) {
    this.runner = options.runner ?? new GitRunner(options);
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.historyLimit = options.historyLimit ?? 1000;
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
    if (hit && headStateKey(hit.info.gitDir, hit.info.commonDir) === hit.key) return { ok: true, value: hit.info };
    // One rev-parse answers everything about the repository's shape. HEAD last: on an unborn branch only it fails.
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
    this.discovered.set(folder, { info, key: headStateKey(info.gitDir, info.commonDir) });
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

    // Refs, resolution and reachability run side by side. The reachability query's shape depends on whether
    // remote-tracking refs exist; until for-each-ref says, a file-system peek guesses (rarely wrong, and then
    // the query is simply asked again in the right shape).
    const needHead = cache.headSha === undefined;
    const lines = [...(needHead ? ['HEAD'] : []), ...fresh];
    const guess = cache.refs ? cache.refs.some(isRemoteRef) : this.guessRemoteRefs(repo);
    const [refsRun, catRun, firstReach] = await Promise.all([
      cache.refs ? null : this.git(repo.root, ['for-each-ref', `--format=${REF_FORMAT}`, 'refs/heads', 'refs/tags', 'refs/remotes'], token),
      lines.length ? this.git(repo.root, ['cat-file', '--batch-check'], token, lines.join('\n') + '\n') : null,
      fresh.length ? this.reachLog(repo, fresh, guess, token) : null,
    ]);
    if (refsRun) {
      if (!refsRun.ok) return refsRun;
      if (refsRun.out.code !== 0) return { ok: false, problem: failureProblem(refsRun.out, 'for-each-ref') };
      cache.refs = parseRefs(refsRun.out.stdout);
    }
    const refs = cache.refs!;
    const hasRemote = refs.some(isRemoteRef);
    if (catRun && !catRun.ok) return catRun;
    let reachRun = firstReach;
    // Asked without remotes but there are some: only the remote-shaped query tells pushed from local.
    if (reachRun && !guess && hasRemote) reachRun = await this.reachLog(repo, fresh, true, token);
    if (reachRun && !reachRun.ok) return reachRun;
    const remoteShaped = guess || hasRemote;
    const ambiguous: string[] = [];
    const missing: string[] = [];
    if (catRun) {
      const parsed = catRun.out.code === 0 ? parseBatchCheck(catRun.out.stdout, lines.length) : null;
      if (!parsed) return { ok: false, problem: failureProblem(catRun.out, 'cat-file') };
      let i = 0;
      if (needHead) {
        const h = parsed[i++]!;
        cache.headSha = h.kind === 'found' ? h.sha : null;
      }
      const printed = reachRun?.value ?? new Map();
      const local = remoteShaped ? localClosure(printed, refs, cache.headSha ?? null) : new Set<string>();
      for (const sha of fresh) {
        const line = parsed[i++]!;
        if (line.kind === 'ambiguous') ambiguous.push(sha);
        else if (line.kind === 'missing' || (line.type !== 'commit' && line.type !== 'tag')) missing.push(sha); // a blob's hash is no commit
        else if (line.type === 'tag') {
          // An annotated tag's own SHA: the log peeled it, so its reach is not known under this SHA.
          cache.lookups.set(sha, { status: 'found', sha: line.sha, reach: 'unchecked', subject: null, submodule: null });
        } else {
          const node = printed.get(line.sha);
          // Remote-shaped: not printed = on a remote; printed and reached from a local tip = local; else dangling.
          // Local-shaped (no remotes): printed = beyond every local ref = dangling; not printed = local.
          const reach = !node ? (remoteShaped ? 'remote' : 'local') : remoteShaped && local.has(line.sha) ? 'local' : 'dangling';
          cache.lookups.set(sha, { status: 'found', sha: line.sha, reach, subject: node?.subject ?? null, submodule: null });
        }
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

  /** Candidates of all ambiguous prefixes in one `rev-parse --disambiguate` (rare: prefixes git once printed as unique). */
  private async disambiguate(repo: RepoInfo, cache: RepoCache, prefixes: string[], token: CancellationToken): Promise<GitResult<void> | null> {
    if (!prefixes.length) return null;
    const r = await this.git(repo.root, ['rev-parse', ...prefixes.map((p) => `--disambiguate=${p}`)], token);
    if (!r.ok) return r;
    const all = r.out.stdout.split('\n').filter((l) => /^[0-9a-f]{40,64}$/.test(l));
    for (const p of prefixes) cache.lookups.set(p, { status: 'ambiguous', candidates: all.filter((s) => s.startsWith(p)).sort() });
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
