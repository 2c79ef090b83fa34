/**
 * The cited files' changes since a handoff's anchor, for mapping its `file:line` breadcrumbs to today's lines:
 *   changesSince – the blob each path had at the anchor (object store, no process) against the file in the work
 *                  tree (hashed here): equal for all, nothing changed and no process starts; else ONE
 *                  `git diff -U0 -M <anchor> -- <the paths that differ>` (work tree, uncommitted edits included),
 *                  bounded in bytes and time, parsed into exact hunks (diffParse.ts)
 *   textsAt      – files at a commit, from the object store, else one `cat-file --batch` for all of them
 * The anchor is a validated full SHA after `--end-of-options`; paths are literal pathspecs after `--` or lines on
 * stdin; git never runs through a shell.
 */
import { lstat, readFile } from 'node:fs/promises';
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import type { CancellationToken } from '../core/interfaces';
import type { GitResult, PathChange, RepoInfo } from '../core/git/provider';
import { isFullSha } from '../core/git/schemas';
import { parseDiff } from './diffParse';
import { failureProblem } from './gitRunner';
import type { RunGit } from './gitHistory';
import { blobName, ObjectReader } from './objectRead';

/** Paths asked per handoff at most (a command line holds them all). */
export const MAX_CHANGE_PATHS = 400;
/** Most bytes of diff read: a larger change of the cited files is not mapped (a notice says so). */
export const MAX_DIFF_BYTES = 16 * 1024 * 1024;
/** Files larger than this are not hashed here: git compares them. */
const MAX_HASHED_BYTES = 4 * 1024 * 1024;
/** A file's text at a commit is given up to this size (a hover shows a few lines of it). */
export const MAX_TEXT_BYTES = 1024 * 1024;

/** A repository-relative path git can be given literally and on a line: no `..`, not absolute, no line breaks. */
export const askablePath = (p: string) =>
  p.length > 0 && !/[\n\r\0]/.test(p) && !p.startsWith('/') && !/^[A-Za-z]:/.test(p) && !p.split('/').some((s) => s === '..' || s === '');

/**
 * What the answer depends on besides the repository state: each path's file metadata in the work tree and the
 * index's (what `git diff` compares through). Read without a process; equal keys, equal answers.
 */
export function workTreeKey(repo: RepoInfo, paths: readonly string[]): string {
  const stamp = (p: string) => {
    try {
      const s = lstatSync(p);
      return `${s.mtimeMs}:${s.size}:${s.ino}:${s.mode}`;
    } catch {
      return '-';
    }
  };
  return [stamp(join(repo.gitDir, 'index')), ...paths.map((p) => stamp(join(repo.root, p)))].join('|');
}

export async function changesSince(
  run: RunGit, repo: RepoInfo, since: string, paths: readonly string[], token: CancellationToken, reader: ObjectReader | null, timeoutMs?: number,
): Promise<GitResult<PathChange[]>> {
  if (!isFullSha(since)) return { ok: false, problem: { kind: 'error', message: `"${since}" is not a full SHA` } };
  const asked = [...new Set(paths.filter(askablePath))].sort().slice(0, MAX_CHANGE_PATHS);
  if (!asked.length) return { ok: true, value: [] };
  const differ = await differing(repo, since, asked, reader);
  if (!differ.length) return { ok: true, value: [] };
  if (token.isCancellationRequested) return { ok: false, problem: { kind: 'cancelled', message: 'git check cancelled' } };
  const r = await run(repo.root, ['--literal-pathspecs', 'diff', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/',
    '--no-relative', '-U0', '--inter-hunk-context=0', '-M', '--end-of-options', since, '--', ...differ], token, undefined, MAX_DIFF_BYTES, timeoutMs);
  if (!r.ok) return r;
  if (r.out.truncated) return { ok: false, problem: { kind: 'error', message: `the changes since ${since.slice(0, 7)} are larger than ${MAX_DIFF_BYTES >> 20} MB` } };
  if (r.out.code !== 0) return { ok: false, problem: failureProblem(r.out, 'diff') };
  return { ok: true, value: parseDiff(r.out.stdout) };
}

/**
 * The paths whose file now may differ from their blob at `since`: all of them when the store cannot say. A path
 * in neither is unchanged; a symbolic link or a large file is left to git.
 */
export async function differing(repo: RepoInfo, since: string, paths: readonly string[], reader: ObjectReader | null): Promise<string[]> {
  const blobs = reader?.blobsAt(since, paths) ?? null;
  if (!blobs) return [...paths];
  const same = await Promise.all(paths.map(async (p) => {
    const then = blobs.get(p) ?? null;
    const file = join(repo.root, p);
    try {
      const s = await lstat(file);
      if (!s.isFile() || s.size > MAX_HASHED_BYTES || then === null) return false;
      return blobName(await readFile(file)) === then;
    } catch {
      return then === null; // not there now, and not then
    }
  }));
  return paths.filter((_, i) => !same[i]);
}

/** The text of each path at `sha` (null: not there, binary, or too large), from the store, else one `cat-file --batch`. */
export async function textsAt(
  run: RunGit, repo: RepoInfo, sha: string, paths: readonly string[], token: CancellationToken, reader: ObjectReader | null,
): Promise<GitResult<Map<string, string | null>>> {
  if (!isFullSha(sha)) return { ok: false, problem: { kind: 'error', message: `"${sha}" is not a full SHA` } };
  const out = new Map<string, string | null>();
  const asked = [...new Set(paths.filter(askablePath))].slice(0, MAX_CHANGE_PATHS);
  const blobs = reader?.blobsAt(sha, asked) ?? null;
  const left: string[] = [];
  for (const p of asked) {
    const blob = blobs?.get(p);
    if (blobs && blob === null) out.set(p, null);
    else {
      const o = blob ? reader!.read(blob) : null;
      if (o?.kind === 'blob') out.set(p, asText(o.data));
      else left.push(p);
    }
  }
  if (!left.length) return { ok: true, value: out };
  const r = await run(repo.root, ['cat-file', '--batch'], token, left.map((p) => `${sha}:${p}`).join('\n') + '\n', left.length * (MAX_TEXT_BYTES + 100));
  if (!r.ok) return r;
  if (r.out.code !== 0) return { ok: false, problem: failureProblem(r.out, 'cat-file') };
  const bytes = Buffer.from(r.out.stdout, 'utf8');
  let at = 0;
  for (const p of left) {
    const eol = bytes.indexOf(10, at);
    if (eol < 0) break;
    const header = bytes.toString('utf8', at, eol);
    at = eol + 1;
    const m = /^[0-9a-f]{40,64} (\w+) (\d+)$/.exec(header);
    if (!m) {
      out.set(p, null); // "<name> missing": not there at that commit
      continue;
    }
    const size = Number(m[2]);
    out.set(p, m[1] === 'blob' ? asText(bytes.subarray(at, at + size)) : null);
    at += size + 1;
  }
  return { ok: true, value: out };
}

/** UTF-8 text, or null for a binary (a NUL early on) or too large a file. */
function asText(data: Buffer): string | null {
  if (data.length > MAX_TEXT_BYTES || data.subarray(0, 8000).includes(0)) return null;
  return data.toString('utf8');
}

/** Texts at a commit never change: kept per commit and path, a few at a time (a hover asks for one or two). */
const MAX_KEPT_TEXTS = 32;

/** textsAt through a cache of earlier answers (`kept`, owned by the provider). */
export async function keptTextsAt(
  kept: Map<string, string | null>, run: RunGit, repo: RepoInfo, sha: string, paths: readonly string[], token: CancellationToken,
): Promise<GitResult<Map<string, string | null>>> {
  const key = (p: string) => `${repo.commonDir}\0${sha}\0${p}`;
  const missing = paths.filter((p) => !kept.has(key(p)));
  if (missing.length) {
    const r = await textsAt(run, repo, sha, missing, token, ObjectReader.open(repo.commonDir));
    if (!r.ok) return r;
    for (const [p, text] of r.value) {
      kept.delete(key(p));
      kept.set(key(p), text);
      if (kept.size > MAX_KEPT_TEXTS) kept.delete(kept.keys().next().value as string);
    }
  }
  const out = new Map<string, string | null>();
  for (const p of paths) if (kept.has(key(p))) out.set(p, kept.get(key(p))!);
  return { ok: true, value: out };
}
