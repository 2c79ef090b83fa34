/**
 * The facts question of the GitProvider: each SHA a document cites to its full name, type, reach (pushed, local
 * only, dangling) and subject, with the repository's refs and HEAD, in as few processes as the repository allows:
 * each SHA's full name and type from the object store (objectStore.ts), then 1 × `log` for reachability ‖ 1 ×
 * `for-each-ref`, in parallel. When the store is not read here: +1 `rev-parse --disambiguate` first and +1
 * `cat-file --batch-check` beside the log (at most 4 in all); +1 `cat-file` per submodule only if a SHA is missing.
 * Answers are kept in the repository state's cache (`RepoCache`), so a re-analysis costs 0.
 * SHAs reach git only after validation: on stdin, or as `--disambiguate=<hex>`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CancellationToken } from '../core/interfaces';
import type { GitProblem, GitResult, RefInfo, RepoFacts, RepoInfo, ShaLookup } from '../core/git/provider';
import { validSha } from '../core/git/schemas';
import { failureProblem, type GitRunResult } from './gitRunner';
import {
  type BatchCheckLine, isRemoteRef, localClosure, parseBatchCheck, parseReach, parseRefs, pullRefsOf,
  type ReachMap, REACH_FORMAT, REF_FORMAT,
} from './gitParse';
import { readHeadFile } from './discoverFromDisk';
import type { DiskObjects } from './objectStore';
import { inCheckedOutSubmodules, recordedGitlinks } from './submodules';
import type { RunGit } from './gitHistory';
import { type Candidates, disambiguateArgs, parseDisambiguate } from './resolvePrefixes';

/** What one repository state has answered so far (a commit, checkout or fetch starts a new one). */
export interface RepoCache {
  key: string;
  refs?: RefInfo[];
  headSha?: string | null;
  lookups: Map<string, ShaLookup>;
  /** Pull-request heads (`refs/pull/N/head`), read with the refs. */
  pullRefs?: Array<{ number: number; sha: string }>;
  /** Settles once a `for-each-ref` in flight has been read into `refs` and `pullRefs` (or failed). */
  refsPending?: Promise<void>;
  /**
   * That `for-each-ref`, while in flight: a second facts question meanwhile under the same token (a run's early
   * question, then its batch's) waits for it instead of asking again. Another token's may be cancelled under it.
   */
  refsRun?: { token: CancellationToken; run: Promise<GitRunResult> };
  /** History answers of this repository state, by question (failed answers are not kept). */
  answers: Map<string, Promise<GitResult<unknown>>>;
}

/** How the facts question reaches git and the disk: the provider's runner, its overridable disk reads, its answer cache. */
export interface ShaFactsAsk {
  git(cwd: string, args: string[], token: CancellationToken, input?: string): Promise<GitRunResult>;
  run: RunGit;
  /** Stage 1 from the object store on disk, or null to ask git. */
  objectsOnDisk(commonDir: string, keys: readonly string[]): DiskObjects | { problem: GitProblem } | null;
  /** The file-system guess whether remote-tracking refs exist. */
  guessRemoteRefs(repo: RepoInfo): boolean;
  /** Longest `--disambiguate` list for one command line. */
  maxDisambiguateChars: number;
  /** One answer per question and repository state (the gitlinks search). */
  answer<T>(repo: RepoInfo, question: string, ask: () => Promise<GitResult<T>>): Promise<GitResult<T>>;
}

/** The facts of `shas` in `repo`, new answers kept in `cache` (the caller picks the cache of the repository's state). */
export async function readShaFacts(ask: ShaFactsAsk, repo: RepoInfo, cache: RepoCache, shas: readonly string[], token: CancellationToken): Promise<GitResult<RepoFacts>> {
  const wanted = [...new Set(shas.map(validSha).filter((s): s is string => s !== null))];
  const fresh = wanted.filter((s) => !cache.lookups.has(s));

  // Stage 1: each SHA to its full name (and type), without the ref lookup git makes first for an
  // abbreviation: from the object store on disk when it reads plainly (objectStore.ts); else one `rev-parse
  // --disambiguate` for the abbreviations (for-each-ref meanwhile); past a command line's length, the
  // abbreviations go to git as they are (the old, slower query shape).
  // Pull-request refs ride along (for "only on pull request #N"); they are kept apart from the branches.
  let mine: Promise<GitRunResult> | null = null; // this question's, asked at most once whatever it answers
  const startRefs = () => {
    if (mine) return mine;
    if (cache.refsRun?.token === token) return (mine = cache.refsRun.run);
    const refsRun = (mine = ask.git(repo.root, ['for-each-ref', `--format=${REF_FORMAT}`, 'refs/heads', 'refs/tags', 'refs/remotes', 'refs/pull'], token));
    const inFlight = { token, run: refsRun };
    cache.refsRun = inFlight;
    const settled = () => {
      if (cache.refsRun === inFlight) cache.refsRun = undefined;
    };
    // Read into the cache as soon as it is in: the graph, asked meanwhile, takes the pull-request heads from it.
    cache.refsPending = refsRun.then((r) => {
      settled();
      if (!r.ok || r.out.code !== 0) return;
      const all = parseRefs(r.out.stdout);
      cache.refs = all.filter((ref) => !ref.refname.startsWith('refs/pull/'));
      cache.pullRefs = pullRefsOf(all);
    }, settled);
    return refsRun;
  };
  const read = fresh.length ? ask.objectsOnDisk(repo.commonDir, fresh) : null;
  if (read && 'problem' in read) return { ok: false, problem: read.problem };
  const disk = read;
  let candidates: Candidates = disk?.candidates ?? new Map();
  const prefixes = fresh.filter((s) => s.length < 40);
  const args = !disk && prefixes.length ? disambiguateArgs(prefixes, ask.maxDisambiguateChars) : null;
  if (args) {
    const run = ask.git(repo.root, ['rev-parse', ...args], token);
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
  const guess = cache.refs ? cache.refs.some(isRemoteRef) : ask.guessRemoteRefs(repo);
  const [firstReach, catRun, refsDone] = await Promise.all([
    names.length ? reachLog(ask, repo, names, guess, token) : null,
    lines.length ? ask.git(repo.root, ['cat-file', '--batch-check'], token, lines.join('\n') + '\n') : null,
    cache.refs ? null : startRefs(),
  ]);
  if (refsDone) {
    if (!refsDone.ok) return refsDone;
    if (refsDone.out.code !== 0) return { ok: false, problem: failureProblem(refsDone.out, 'for-each-ref') };
    await cache.refsPending; // read into the cache there
  }
  const refs = cache.refs!;
  const hasRemote = refs.some(isRemoteRef);
  if (catRun && !catRun.ok) return catRun;
  let reachRun = firstReach;
  // Asked without remotes but there are some: only the remote-shaped query tells pushed from local.
  if (reachRun && !guess && hasRemote) reachRun = await reachLog(ask, repo, names, true, token);
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
  const { local, tagged } = remoteShaped ? localClosure(printed, refs, cache.headSha ?? null) : { local: new Set<string>(), tagged: new Set<string>() };
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
      // Remote-shaped: not printed = on a remote; printed and reached from a local branch or HEAD = local, from a
      // tag only = tag; else dangling. Local-shaped (no remotes): printed = beyond every local ref = dangling; not
      // printed = local.
      const reach = !node ? (remoteShaped ? 'remote' : 'local')
        : !remoteShaped ? 'dangling' : local.has(line.sha) ? 'local' : tagged.has(line.sha) ? 'tag' : 'dangling';
      cache.lookups.set(key, { status: 'found', sha: line.sha, reach, subject: node?.subject ?? null, submodule: null });
    }
  }

  const steps = await Promise.all([
    disambiguate(ask, repo, cache, ambiguous, token),
    inSubmodules(ask, repo, cache, missing, token),
  ]);
  for (const s of steps) if (s && !s.ok) return s;
  const notices = steps.flatMap((s) => (s?.ok && s.notices) || []);

  const map = new Map<string, ShaLookup>();
  for (const s of wanted) map.set(s, cache.lookups.get(s) ?? { status: 'missing' });
  return { ok: true, value: { refs, headSha: cache.headSha ?? null, hasRemote, shas: map }, ...(notices.length ? { notices } : {}) };
}

/**
 * One `log` answers "where is each commit reachable from" for all SHAs at once. With remotes it prints the
 * commits reachable from the SHAs or local tips but not from any remote-tracking branch: a SHA not printed
 * is pushed; one reachable from a local tip inside that set is local-only; the rest are dangling. Without
 * remotes it prints what the SHAs reach beyond all local refs: exactly the dangling ones.
 * `--ignore-missing` (before `--stdin`) skips SHAs that are absent, ambiguous or not commits, so one typo
 * cannot sink the batch; cat-file classifies those.
 */
async function reachLog(ask: ShaFactsAsk, repo: RepoInfo, shas: string[], hasRemote: boolean, token: CancellationToken): Promise<GitResult<ReachMap>> {
  const head = repo.head.kind === 'unborn' ? [] : ['HEAD'];
  const base = ['log', `--format=${REACH_FORMAT}`, '--ignore-missing', '--stdin'];
  const args = hasRemote ? [...base, '--branches', '--tags', ...head, '--not', '--remotes'] : [...base, '--not', '--branches', '--tags', ...head];
  const r = await ask.git(repo.root, args, token, shas.join('\n') + '\n');
  if (!r.ok) return r;
  if (r.out.code !== 0) return { ok: false, problem: failureProblem(r.out, 'log') };
  return { ok: true, value: parseReach(r.out.stdout) };
}

/**
 * Candidates of prefixes `cat-file` called ambiguous, in one `rev-parse --disambiguate`: only when stage 1 had
 * no answer (too many prefixes for a command line and an object store not read here), or for a 40-hex
 * prefix of a SHA-256 name.
 */
async function disambiguate(ask: ShaFactsAsk, repo: RepoInfo, cache: RepoCache, prefixes: string[], token: CancellationToken): Promise<GitResult<void> | null> {
  if (!prefixes.length) return null;
  const r = await ask.git(repo.root, ['rev-parse', ...prefixes.map((p) => `--disambiguate=${p}`)], token);
  if (!r.ok) return r;
  for (const [p, candidates] of parseDisambiguate(r.out.stdout, prefixes)) cache.lookups.set(p, { status: 'ambiguous', candidates });
  return { ok: true, value: undefined };
}

/**
 * SHAs missing here may be a submodule's history: looked up in checked-out submodules, then among the commits
 * the superproject ever recorded for a submodule (submodules.ts). Unmatched keys stay missing.
 */
async function inSubmodules(ask: ShaFactsAsk, repo: RepoInfo, cache: RepoCache, keys: string[], token: CancellationToken): Promise<GitResult<void> | null> {
  for (const k of keys) cache.lookups.set(k, { status: 'missing' });
  if (!keys.length) return null;
  const checkedOut = await inCheckedOutSubmodules(ask.run, repo, keys, token);
  if (!checkedOut.ok) return checkedOut;
  if (checkedOut.notices) return { ok: true, value: undefined, notices: checkedOut.notices };
  for (const [k, l] of checkedOut.value) cache.lookups.set(k, l);
  const left = keys.filter((k) => !checkedOut.value.has(k));
  if (!left.length) return null;
  // Only a repository with submodules (now) has gitlinks worth a history search.
  if (!existsSync(join(repo.root, '.gitmodules'))) return null;
  const links = await ask.answer(repo, 'gitlinks', () => recordedGitlinks(ask.run, repo, token));
  // The superproject's own answers stand; what was not searched is said, unless the analysis was cancelled.
  if (!links.ok) return links.problem.kind === 'cancelled' ? null : { ok: true, value: undefined, notices: [`commits recorded for submodules not checked: ${links.problem.message.replace(/; showing parse-only results$/, '')}`] };
  for (const k of left) {
    const hits = [...links.value.keys()].filter((sha) => sha.startsWith(k));
    if (hits.length === 1) cache.lookups.set(k, { status: 'found', sha: hits[0]!, reach: 'unchecked', subject: null, submodule: links.value.get(hits[0]!)! });
  }
  return null;
}
