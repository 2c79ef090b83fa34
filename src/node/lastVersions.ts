/**
 * The last version of many documents of one repository in one process, for a run over many handoffs (the CLI):
 * one `log --raw` over all their paths instead of one `log -n1` per document, so that the number of git processes
 * of a run does not grow with the number of handoffs. Newest first, the first entry seen for a path is its last
 * version. Bounded: the paths (or, when they are too many for a command line, their folders) are one command
 * line; the output is cut at a cap, and what the cut left unseen is simply asked per document as before.
 */
import type { CancellationToken } from '../core/interfaces';
import type { GitResult, RepoInfo } from '../core/git/provider';
import { isFullSha } from '../core/git/schemas';
import { failureProblem } from './gitRunner';
import type { RunGit, Version } from './gitHistory';

/** Longest pathspec list on one command line (Windows allows 32,767 characters in all). */
const MAX_PATHSPEC_CHARS = 30_000;
/** Output read at most: a few thousand commits' worth of raw lines; the rest is asked per document. */
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
const RS = '\x1e';
const US = '\x1f';
const RAW = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) [A-Z]/;

export interface LastVersions {
  /** Each path's last version in HEAD's history, for the paths seen. */
  versions: Map<string, Version>;
  /** Whether the whole history was read: then a path not seen was never committed. */
  complete: boolean;
}

/** One path's last change (a document not in a run's batch): the commit and its time, null when none changed it. */
export async function lastChange(run: RunGit, repo: RepoInfo, relPath: string, token: CancellationToken): Promise<GitResult<{ sha: string; time: number } | null>> {
  const r = await lastVersions(run, repo, [relPath], token);
  const v = r.ok ? r.value.versions.get(relPath) : undefined;
  return r.ok ? { ok: true, value: v ? { sha: v.sha, time: v.time } : null } : r;
}

/** The last change of each of `relPaths` that a commit in HEAD's history changed, in one `log` (lastVersions). */
export async function lastChanges(run: RunGit, repo: RepoInfo, relPaths: readonly string[], token: CancellationToken): Promise<GitResult<Map<string, { sha: string; time: number }>>> {
  const r = await lastVersions(run, repo, relPaths, token);
  return r.ok ? { ok: true, value: new Map([...r.value.versions].map(([p, v]) => [p, { sha: v.sha, time: v.time }])) } : r;
}

/** Per list asked (one array per folder's handoffs): the batch it was answered from, and the answer. */
const fromBatchKept = new WeakMap<readonly string[], { batch: ReadonlyMap<string, unknown>; value: Map<string, { sha: string; time: number }> | null }>();

/**
 * A list's answers from a run's batch, when the batch has every one of them (null: ask git). The same list asked
 * again of the same batch (every handoff of a folder asks it) gets the same map, not a copy made again.
 */
export function fromBatch(batch: ReadonlyMap<string, { sha: string; time: number } | null> | undefined, relPaths: readonly string[]): Map<string, { sha: string; time: number }> | null {
  if (!batch) return null;
  const kept = fromBatchKept.get(relPaths);
  if (kept?.batch === batch) return kept.value;
  let value: Map<string, { sha: string; time: number }> | null = null;
  if (relPaths.every((p) => batch.has(p))) {
    value = new Map();
    for (const p of relPaths) {
      const v = batch.get(p);
      if (v) value.set(p, v);
    }
  }
  fromBatchKept.set(relPaths, { batch, value });
  return value;
}

const listKeys = new WeakMap<readonly string[], string>();

/** A list's key in the answers' cache, made once per array (the core asks with one array per folder's handoffs). */
export function listKey(relPaths: readonly string[]): string {
  let key = listKeys.get(relPaths);
  if (key === undefined) listKeys.set(relPaths, (key = `lasts\0${[...relPaths].sort().join('\0')}`));
  return key;
}

/** Pathspecs for `paths`: the paths themselves, else their folders, else null (too many for one command line). */
export function pathspecsFor(paths: readonly string[]): string[] | null {
  const fits = (specs: readonly string[]) => specs.reduce((n, s) => n + s.length + 1, 0) <= MAX_PATHSPEC_CHARS;
  const exact = [...new Set(paths)].sort();
  if (fits(exact)) return exact;
  const folders = [...new Set(paths.map((p) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '.')))].sort();
  return fits(folders) ? folders : null;
}

/** The last version of each of `relPaths` (repository-relative, forward slashes), in one `log`. */
export async function lastVersions(run: RunGit, repo: RepoInfo, relPaths: readonly string[], token: CancellationToken): Promise<GitResult<LastVersions>> {
  const r = await pathHistories(run, repo, relPaths, token, true);
  if (!r.ok) return r;
  const versions = new Map<string, Version>();
  for (const [path, list] of r.value.histories) versions.set(path, list[0]!);
  return { ok: true, value: { versions, complete: r.value.complete } };
}

export interface PathHistories {
  /** Each path's versions in HEAD's history, newest first, for the paths seen. */
  histories: Map<string, Version[]>;
  /** Whether the whole history was read. */
  complete: boolean;
}

/** Every version of each of `relPaths` in HEAD's history (or only the last, `lastOnly`), in one `log`. */
export async function pathHistories(run: RunGit, repo: RepoInfo, relPaths: readonly string[], token: CancellationToken, lastOnly = false): Promise<GitResult<PathHistories>> {
  const specs = pathspecsFor(relPaths);
  if (!specs || !relPaths.length) return { ok: true, value: { histories: new Map(), complete: false } };
  const r = await run(repo.root, ['--literal-pathspecs', 'log', `--format=${RS}%H${US}%ct${US}%s${US}`, '--raw', '--no-abbrev',
    '--no-renames', '-z', 'HEAD', '--', ...specs], token, undefined, MAX_OUTPUT_BYTES, undefined, true);
  if (r.ok && r.out.code !== 0 && /does not have any commits|bad default revision|unknown revision/.test(r.out.stderr)) {
    return { ok: true, value: { histories: new Map(), complete: true } };
  }
  if (!r.ok) return r;
  if (r.out.code !== 0 && !r.out.truncated) return { ok: false, problem: failureProblem(r.out, 'log') };
  const wanted = new Set(relPaths);
  const histories = new Map<string, Version[]>();
  const records = r.out.stdout.split(RS);
  // A cut output ends inside a record: its last path may be cut too.
  if (r.out.truncated) records.pop();
  for (const rec of records) {
    const [sha, time, subject, rest] = rec.split(US);
    if (!isFullSha(sha) || rest === undefined) continue;
    const parts = rest.split('\0');
    for (let i = 0; i + 1 < parts.length; i++) {
      // The first entry follows the message's line break.
      const raw = RAW.exec(parts[i]!.trimStart());
      if (!raw) continue;
      const path = parts[++i]!;
      if (!wanted.has(path)) continue;
      const list = histories.get(path);
      const version = { sha: sha!, time: Number(time) || 0, subject: subject ?? '', blob: raw[1]! };
      if (!list) histories.set(path, [version]);
      else if (!lastOnly) list.push(version);
    }
  }
  return { ok: true, value: { histories, complete: !r.out.truncated } };
}
