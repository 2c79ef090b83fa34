/**
 * Parsers for the machine-readable output of the batch commands in gitFacts.ts. Pure functions, so the
 * formats they expect sit next to the commands that produce them and can be tested on their own.
 */
import type { HeadState, RefInfo } from '../core/git/provider';

/** `for-each-ref` format: one ref per line, fields separated by NUL. */
export const REF_FORMAT = '%(refname)%00%(objectname)%00%(*objectname)%00%(upstream)%00%(upstream:track,nobracket)';

export function parseRefs(stdout: string): RefInfo[] {
  const refs: RefInfo[] = [];
  for (const line of stdout.split('\n')) {
    if (!line) continue;
    const [refname, objectname, peeled, upstream, track] = line.split('\0');
    if (!refname || !objectname || refname.endsWith('/HEAD')) continue; // refs/remotes/origin/HEAD is an alias
    const ahead = /ahead (\d+)/.exec(track ?? '');
    const behind = /behind (\d+)/.exec(track ?? '');
    const gone = (track ?? '').includes('gone');
    refs.push({
      refname,
      sha: peeled || objectname,
      upstream: upstream || null,
      ahead: upstream && !gone ? Number(ahead?.[1] ?? 0) : null,
      behind: upstream && !gone ? Number(behind?.[1] ?? 0) : null,
      upstreamGone: gone,
    });
  }
  return refs;
}

export type BatchCheckLine = { kind: 'found'; sha: string; type: string } | { kind: 'missing' } | { kind: 'ambiguous' };

/** `cat-file --batch-check` prints exactly one line per input line, in order. */
export function parseBatchCheck(stdout: string, count: number): BatchCheckLine[] | null {
  const lines = stdout.split('\n').slice(0, count);
  if (lines.length < count) return null;
  return lines.map((line) => {
    if (line.endsWith(' missing')) return { kind: 'missing' };
    if (line.endsWith(' ambiguous')) return { kind: 'ambiguous' };
    const [sha, type] = line.split(' ');
    return sha && /^[0-9a-f]{40,64}$/.test(sha) ? { kind: 'found', sha, type: type ?? '' } : { kind: 'missing' };
  });
}

/** `rev-parse --show-toplevel --absolute-git-dir --git-common-dir --is-shallow-repository --symbolic-full-name HEAD`. */
export function parseDiscovery(stdout: string): { root: string; gitDir: string; commonDir: string; shallow: boolean; headRef: string | null } | null {
  const [root, gitDir, commonDir, shallow, headRef] = stdout.split('\n');
  if (!root || !gitDir || !commonDir || (shallow !== 'true' && shallow !== 'false')) return null;
  return { root, gitDir, commonDir, shallow: shallow === 'true', headRef: headRef || null };
}

export function headState(headRef: string | null, unbornName: string | null): HeadState {
  if (headRef && headRef.startsWith('refs/heads/')) return { kind: 'branch', name: headRef.slice('refs/heads/'.length) };
  if (headRef === 'HEAD') return { kind: 'detached' };
  return { kind: 'unborn', name: unbornName ?? '' };
}

/** Reachability log: `%x1e%H%x00%P%x00%s` per commit. */
export const REACH_FORMAT = '%x1e%H%x00%P%x00%s';

export type ReachMap = Map<string, { parents: string[]; subject: string }>;

export function parseReach(stdout: string): ReachMap {
  const map = new Map<string, { parents: string[]; subject: string }>();
  for (const rec of stdout.split('\x1e')) {
    if (!rec) continue;
    const [sha, parents, subject] = rec.replace(/\n$/, '').split('\0');
    if (sha) map.set(sha, { parents: parents ? parents.split(' ') : [], subject: subject ?? '' });
  }
  return map;
}

/** `.gitmodules` paths (read from the work tree, not run through git: a submodule lookup is rare). */
export function parseGitmodules(text: string): string[] {
  const paths: string[] = [];
  for (const m of text.matchAll(/^\s*path\s*=\s*(.+?)\s*$/gm)) paths.push(m[1]!);
  return paths;
}

export const isRemoteRef = (r: RefInfo) => r.refname.startsWith('refs/remotes/');

/** Pull-request heads among the refs (`refs/pull/N/head`). */
export function pullRefsOf(refs: readonly RefInfo[]): Array<{ number: number; sha: string }> {
  return refs.flatMap((r) => {
    const m = /^refs\/pull\/(\d+)\/head$/.exec(r.refname);
    return m ? [{ number: Number(m[1]), sha: r.sha }] : [];
  });
}

/**
 * Commits of the printed (not-on-a-remote) set that local branches or HEAD reach (`local`: the unpushed ones), and
 * those only tags reach (`tagged`).
 */
export function localClosure(printed: ReachMap, refs: readonly RefInfo[], headSha: string | null): { local: Set<string>; tagged: Set<string> } {
  const isTag = (x: RefInfo) => x.refname.startsWith('refs/tags/');
  const local = closure(printed, [...refs.filter((x) => !isRemoteRef(x) && !isTag(x)).map((x) => x.sha), ...(headSha ? [headSha] : [])]);
  const tagged = closure(printed, refs.filter(isTag).map((x) => x.sha));
  for (const s of local) tagged.delete(s);
  return { local, tagged };
}

/** The printed commits reached from `tips` through printed parents. */
function closure(printed: ReachMap, tips: string[]): Set<string> {
  const reached = new Set<string>();
  const stack = tips; // the callers' fresh arrays: used up as the walk's stack
  while (stack.length) {
    const s = stack.pop()!;
    const node = printed.get(s);
    if (!node || reached.has(s)) continue;
    reached.add(s);
    stack.push(...node.parents);
  }
  return reached;
}
