/**
 * Line counts of the resolved files that breadcrumbs cite a line of: each file read once, all at once, and only as
 * far as the largest line cited in it (past it, the count is "more than that", which is all the rule needs). A
 * target that leads out of the workspace through a symbolic link is not read: one notice names them. fileFacts asks
 * for them beside its history lookups, gatherFacts again for cited lines that moved since (facts/drift.ts).
 */
import type { FileBreadcrumb } from '../model';
import type { FileFactsContext } from './files';
import type { FileFact } from './types';

type Found = Extract<FileFact, { kind: 'found' }>;

/** The largest line a breadcrumb needs read: the line as written (or null: nothing to count). */
const writtenLine = (c: FileBreadcrumb, f: Found): number | null =>
  f.paths.length !== 1 || c.line === null || c.line <= 0 ? null : Math.max(c.line, c.endLine ?? 0);

/**
 * Cited lines that moved since the handoff (facts/drift.ts) may now lie past where the first count stopped reading
 * (`linesAtLeast`): those files are counted again, up to where the lines are now, so line-out-of-range never judges
 * a moved line against a lower bound.
 */
export function recountMovedLines(crumbs: readonly FileBreadcrumb[], out: FileFact[], ctx: FileFactsContext): Promise<void> {
  return countLines(crumbs, out, ctx, (c, f) => {
    if (!f.linesAtLeast || !f.drift || f.lines === null) return null;
    const now = Math.max(f.drift.to.line, f.drift.to.endLine ?? 0);
    return now > f.lines ? now : null;
  });
}

export async function countLines(crumbs: readonly FileBreadcrumb[], out: FileFact[], ctx: FileFactsContext, need = writtenLine): Promise<void> {
  const upTo = new Map<string, number>();
  const cited: Array<[Found, string]> = [];
  for (const [i, c] of crumbs.entries()) {
    const f = out[i]!;
    if (f.kind !== 'found') continue;
    const n = need(c, f);
    if (n === null) continue;
    const path = f.paths[0]!;
    upTo.set(path, Math.max(upTo.get(path) ?? 0, n));
    cited.push([f, path]);
  }
  if (!cited.length || ctx.token.isCancellationRequested) return;
  const counts = new Map(await Promise.all([...upTo].map(async ([path, n]) => [path, { n, lines: await ctx.files.lineCount(path, ctx.token, n) }] as const)));
  const outside = new Set<string>();
  for (const [f, path] of cited) {
    const { n, lines } = counts.get(path)!;
    if (lines === 'outside') {
      f.lines = null;
      f.outside = true;
      outside.add(path);
    } else {
      f.lines = lines;
      if (lines !== null && lines > n) f.linesAtLeast = true;
      else delete f.linesAtLeast;
    }
  }
  if (outside.size) {
    const names = [...outside].map((p) => p.slice(p.lastIndexOf('/') + 1));
    ctx.notices.add(`not read, a symbolic link out of the workspace: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''}`);
  }
}
