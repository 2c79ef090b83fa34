/**
 * Pure decisions of the handoff store, kept free of `vscode` so they are unit-tested: which handoff is newest,
 * where a breadcrumb may point on disk, whether an analysis result may still land (and whether opening a handoff
 * needs one of its own), and the glob the file search excludes.
 */
import { posix } from 'node:path';

export { compareNewestFirst, type Dated } from '../../core/newest';

/** Characters a VS Code glob gives a meaning to: a path holding them cannot be searched for literally. */
const GLOB_CHARS = /[*?[\]{}]/;

/**
 * Absolute paths (with `/`) a workspace breadcrumb may name, most likely first: beside the handoff, then at
 * each root (the handoff's workspace folder first). The caller keeps those that exist.
 */
export function candidatePaths(crumb: string, handoffPath: string, roots: readonly string[]): string[] {
  const rel = crumb.replace(/\\/g, '/').replace(/^\.\//, '');
  if (rel === '' || rel.startsWith('/')) return [];
  const out: string[] = [];
  const add = (base: string) => {
    const p = posix.normalize(posix.join(base.replace(/\\/g, '/'), rel));
    if (!out.includes(p)) out.push(p);
  };
  add(posix.dirname(handoffPath.replace(/\\/g, '/')));
  for (const r of roots) add(r);
  return out;
}

/** The glob to hand `workspace.findFiles` for a breadcrumb not found at a root, or null when unsafe. */
export function searchGlobFor(crumb: string): string | null {
  const rel = crumb.replace(/\\/g, '/').replace(/^\.\//, '');
  if (rel === '' || rel.startsWith('/') || rel.startsWith('../') || GLOB_CHARS.test(rel)) return null;
  return `**/${rel}`;
}

/** One exclude glob for `findFiles` (which takes one); null when the patterns can't be merged safely. */
export function mergeExcludes(patterns: readonly string[]): string | null {
  if (patterns.length === 0) return null;
  if (patterns.length === 1) return patterns[0];
  if (patterns.some((p) => /[{}]/.test(p))) return null;
  return `{${patterns.join(',')}}`;
}

/**
 * Whether an analysis result may land: only the latest analysis started for the handoff, and (for an open
 * document) only when it analysed the version the editor shows now. Either alone lets stale results through:
 * the generation guards re-analyses of the same version (git changes), the version guards edits made while a
 * result was on its way.
 */
export function mayLand(started: { generation: number; version: number }, now: { generation: number; openVersion: number | undefined }): boolean {
  if (started.generation !== now.generation) return false;
  if (now.openVersion !== undefined && now.openVersion !== started.version) return false;
  return true;
}

/**
 * Whether a known handoff just opened in an editor needs an analysis of the version the editor shows. One in
 * flight for another version (from disk, started before the editor opened) cannot land (`mayLand`), and nothing
 * else would start one until the next change: the handoff would be missing from the view and Problems meanwhile.
 * With nothing in flight, a landed analysis stands (from disk it is the text the editor just read).
 */
export function openedNeedsAnalysis(running: { version: number } | undefined, landed: { version: number } | undefined, openVersion: number): boolean {
  if (running) return running.version !== openVersion;
  return landed === undefined;
}
