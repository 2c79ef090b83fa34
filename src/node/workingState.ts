/**
 * The repository's working state for a new handoff (GitProvider.workingState), in at most three git processes
 * started together, each bounded in time (the runner's limit) and bytes:
 *   status – `status --porcelain=v2 --branch -z`: branch, HEAD, upstream, ahead/behind, and every uncommitted
 *            change (untracked folders collapsed, as `git status` shows them)
 *   log    – `log -n 101 HEAD --not --remotes`: the commits no remote-tracking branch has (without remote-tracking
 *            branches, `log -n 1 HEAD`: only HEAD's subject, since "unpushed" means nothing there)
 *   diff   – with `since` (a validated full SHA, after `--end-of-options`): `diff --name-status -M` from it to HEAD
 * Never a shell; nothing from a document reaches git except `since`, validated.
 */
import type { CancellationToken } from '../core/interfaces';
import type { GitResult, StatusEntry, RepoInfo, WorkingState } from '../core/git/provider';
import { isFullSha } from '../core/git/schemas';
import type { RunGit } from './gitHistory';
import { failureProblem, type GitRunResult } from './gitRunner';
import { mayHaveRemoteRefs } from './repoState';

/** Items kept per list: a handoff names what matters; the counts say how many more there were. */
export const MAX_CHANGES = 200;
export const MAX_UNPUSHED = 100;
export const MAX_CHANGED_SINCE = 200;
const MAX_BYTES = 4 * 1024 * 1024;
const RS = '\x1e';
const US = '\x1f';

const noCommits = (stderr: string) => /does not have any commits|bad default revision|unknown revision|ambiguous argument 'HEAD'/.test(stderr);

export interface StatusReport {
  headSha: string | null;
  branch: string | null;
  upstream: string | null;
  ahead: number | null;
  behind: number | null;
  changes: StatusEntry[];
  total: number;
}

/** `status --porcelain=v2 --branch -z`: `# branch.*` headers, then `1`, `2` (rename), `u` (unmerged), `?` records. */
export function parseStatusV2(stdout: string, max = MAX_CHANGES): StatusReport {
  const report: StatusReport = { headSha: null, branch: null, upstream: null, ahead: null, behind: null, changes: [], total: 0 };
  const records = stdout.split('\0');
  const add = (c: StatusEntry) => {
    report.total++;
    if (report.changes.length < max) report.changes.push(c);
  };
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (r.startsWith('# ')) {
      const [key, ...rest] = r.slice(2).split(' ');
      const value = rest.join(' ');
      if (key === 'branch.oid') report.headSha = isFullSha(value) ? value : null;
      else if (key === 'branch.head') report.branch = value === '(detached)' ? null : value;
      else if (key === 'branch.upstream') report.upstream = value || null;
      else if (key === 'branch.ab') {
        const m = /^\+(\d+) -(\d+)$/.exec(value);
        if (m) { report.ahead = Number(m[1]); report.behind = Number(m[2]); }
      }
    } else if (r.startsWith('1 ')) {
      // 1 XY sub mH mI mW hH hI path
      const f = fields(r, 8);
      if (f) add({ code: f.head[1]!, path: f.rest, from: null });
    } else if (r.startsWith('2 ')) {
      // 2 XY sub mH mI mW hH hI Xscore path NUL origPath
      const f = fields(r, 9);
      const from = records[++i];
      if (f) add({ code: f.head[1]!, path: f.rest, from: from || null });
    } else if (r.startsWith('u ')) {
      // u XY sub m1 m2 m3 mW h1 h2 h3 path
      const f = fields(r, 10);
      if (f) add({ code: f.head[1]!, path: f.rest, from: null });
    } else if (r.startsWith('? ')) {
      add({ code: '??', path: r.slice(2), from: null });
    }
  }
  return report;
}

/** The first `n` space-separated fields and the rest of the record (a path may hold spaces). */
function fields(record: string, n: number): { head: string[]; rest: string } | null {
  const head: string[] = [];
  let at = 0;
  for (let k = 0; k < n; k++) {
    const next = record.indexOf(' ', at);
    if (next < 0) return null;
    head.push(record.slice(at, next));
    at = next + 1;
  }
  const rest = record.slice(at);
  return rest ? { head, rest } : null;
}

/** `diff --name-status -z`: `M NUL path NUL`, `R100 NUL from NUL to NUL`. */
export function parseNameStatus(stdout: string, max = MAX_CHANGED_SINCE): { changes: StatusEntry[]; total: number } {
  const tokens = stdout.split('\0');
  const changes: StatusEntry[] = [];
  let total = 0;
  for (let i = 0; i < tokens.length; i++) {
    const status = tokens[i]!.replace(/^\n+/, '');
    if (!/^[A-Z]\d*$/.test(status)) continue;
    const letter = status[0]!;
    const twoPaths = letter === 'R' || letter === 'C';
    const first = tokens[i + 1];
    const second = twoPaths ? tokens[i + 2] : undefined;
    i += twoPaths ? 2 : 1;
    if (!first || (twoPaths && !second)) continue;
    total++;
    if (changes.length < max) changes.push(twoPaths ? { code: letter, path: second!, from: first } : { code: letter, path: first, from: null });
  }
  return { changes, total };
}

/** `log --format=RS%H US%s`: newest first. */
export function parseCommitLines(stdout: string): Array<{ sha: string; subject: string }> {
  const out: Array<{ sha: string; subject: string }> = [];
  for (const rec of stdout.split(RS)) {
    const [sha, subject] = rec.replace(/\n$/, '').split(US);
    if (isFullSha(sha)) out.push({ sha, subject: subject ?? '' });
  }
  return out;
}

function failed<T>(r: GitRunResult, what: string): GitResult<T> | null {
  if (!r.ok) return r;
  if (r.out.code !== 0) return { ok: false, problem: failureProblem(r.out, what) };
  return null;
}

export async function readWorkingState(run: RunGit, repo: RepoInfo, since: string | null, token: CancellationToken): Promise<GitResult<WorkingState>> {
  if (since !== null && !isFullSha(since)) return { ok: false, problem: { kind: 'error', message: `"${since}" is not a full SHA` } };
  const remotes = mayHaveRemoteRefs(repo.commonDir);
  const format = `--format=${RS}%H${US}%s`;
  const born = repo.head.kind !== 'unborn';
  const [status, log, diff] = await Promise.all([
    run(repo.root, ['status', '--porcelain=v2', '--branch', '-z', '--untracked-files=normal'], token, undefined, MAX_BYTES),
    born ? run(repo.root, ['log', `-n${remotes ? MAX_UNPUSHED + 1 : 1}`, format, 'HEAD', ...(remotes ? ['--not', '--remotes'] : []), '--'], token, undefined, MAX_BYTES) : null,
    born && since ? run(repo.root, ['diff', '--name-status', '-M', '-z', '--no-ext-diff', '--end-of-options', since, 'HEAD', '--'], token, undefined, MAX_BYTES) : null,
  ]);
  const badStatus = failed<WorkingState>(status, 'status');
  if (badStatus || !status.ok) return badStatus!;
  const s = parseStatusV2(status.out.stdout);
  let commits: Array<{ sha: string; subject: string }> = [];
  if (log) {
    // A branch whose first commit is still to come reads as "no commits": nothing to list.
    if (!(log.ok && log.out.code !== 0 && noCommits(log.out.stderr))) {
      const bad = failed<WorkingState>(log, 'log');
      if (bad || !log.ok) return bad!;
      commits = parseCommitLines(log.out.stdout);
    }
  }
  let changedSince: { changes: StatusEntry[]; total: number } | null = null;
  if (diff) {
    const bad = failed<WorkingState>(diff, 'diff');
    if (bad || !diff.ok) return bad!;
    changedSince = parseNameStatus(diff.out.stdout);
  }
  const unpushed = remotes ? commits.slice(0, MAX_UNPUSHED) : null;
  return {
    ok: true,
    value: {
      headSha: s.headSha,
      headSubject: commits.find((c) => c.sha === s.headSha)?.subject ?? null,
      branch: s.branch,
      upstream: s.upstream,
      ahead: s.ahead,
      behind: s.behind,
      changes: s.changes,
      changesTotal: s.total,
      unpushed,
      unpushedMore: remotes && commits.length > MAX_UNPUSHED,
      changedSince: changedSince?.changes ?? null,
      changedSinceTotal: changedSince?.total ?? 0,
    },
  };
}
