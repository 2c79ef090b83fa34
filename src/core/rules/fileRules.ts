/**
 * missing-file and line-out-of-range. A breadcrumb resolves, in order: relative to the document's folder,
 * relative to the workspace root, then — for bare names like `graphWebview.ts:3247` — by a unique path-suffix
 * match over the file list. When nothing matches, a rename recorded in the history says where it went.
 * One listFiles per analysis; lineCount only for breadcrumbs with a line.
 */
import type { HistoryGraph } from '../git/graph';
import { dirname, joinPath, normalizePath, relativeTo } from '../git/paths';
import type { CancellationToken, WorkspaceFiles } from '../interfaces';
import type { Diagnostic, FileBreadcrumb } from '../model';
import type { CoreSettings } from '../settings';
import { makeDiagnostic, severityOf, short } from './severity';

export interface FileRulesContext {
  documentPath: string;
  /** Workspace or repository root: breadcrumbs are written relative to it. */
  root: string;
  files: WorkspaceFiles;
  settings: CoreSettings;
  token: CancellationToken;
  /** The history, for renames; null when git is unavailable. Asked for only when a file is missing. */
  graph: () => Promise<HistoryGraph | null>;
}

class FileIndex {
  readonly all: Set<string>;
  private readonly byBase = new Map<string, string[]>();
  private readonly dirs = new Set<string>();

  constructor(files: readonly string[]) {
    this.all = new Set(files.map(normalizePath));
    for (const f of this.all) {
      const base = f.slice(f.lastIndexOf('/') + 1);
      const list = this.byBase.get(base);
      if (list) list.push(f);
      else this.byBase.set(base, [f]);
      for (let d = dirname(f); d.length > 1 && !this.dirs.has(d); d = dirname(d)) this.dirs.add(d);
    }
  }

  has(p: string): boolean {
    return this.all.has(p) || this.dirs.has(p);
  }

  /** Files whose path ends with `/suffix`. */
  bySuffix(suffix: string): string[] {
    const base = suffix.slice(suffix.lastIndexOf('/') + 1);
    return (this.byBase.get(base) ?? []).filter((f) => f.endsWith('/' + suffix));
  }
}

type Resolution = { kind: 'file'; path: string } | { kind: 'dir' } | { kind: 'many'; paths: string[] } | { kind: 'none' };

function resolveCrumb(index: FileIndex, written: string, docDir: string, root: string): Resolution {
  const rel = written.replace(/^\.\//, '').replace(/\/+$/, '');
  if (!rel) return { kind: 'dir' };
  for (const base of [docDir, root]) {
    const p = joinPath(base, rel);
    if (index.all.has(p)) return { kind: 'file', path: p };
    if (index.has(p)) return { kind: 'dir' };
  }
  if (rel.startsWith('../') || rel.startsWith('/')) return { kind: 'none' };
  const hits = index.bySuffix(rel);
  if (hits.length === 1) return { kind: 'file', path: hits[0]! };
  if (hits.length > 1) return { kind: 'many', paths: hits.sort() };
  return { kind: 'none' };
}

export interface FileRulesResult {
  diagnostics: Diagnostic[];
  /**
   * Aligned with the breadcrumbs: the absolute paths each resolves to (one file; several candidates for an
   * ambiguous bare name; none when missing), or null when not resolved (external, folder, or rules off).
   */
  targets: Array<string[] | null>;
}

export async function fileRules(crumbs: readonly FileBreadcrumb[], ctx: FileRulesContext): Promise<FileRulesResult> {
  const out: Diagnostic[] = [];
  const targets: Array<string[] | null> = crumbs.map(() => null);
  const wantMissing = severityOf(ctx.settings, 'missing-file') !== null;
  const wantLines = severityOf(ctx.settings, 'line-out-of-range') !== null;
  const local = crumbs.filter((c) => !c.external && c.path.trim() !== '');
  if (!local.length || (!wantMissing && !wantLines)) return { diagnostics: out, targets };
  const root = normalizePath(ctx.root);
  const docDir = dirname(normalizePath(ctx.documentPath));
  const listed = await ctx.files.listFiles(root, ctx.token);
  // A cancelled listing may be partial: judging against it would call present files missing.
  if (ctx.token.isCancellationRequested) return { diagnostics: out, targets };
  const index = new FileIndex(listed);
  const show = (p: string) => relativeTo(root, p) ?? p;

  for (const [i, c] of crumbs.entries()) {
    if (c.external || c.path.trim() === '') continue;
    if (ctx.token.isCancellationRequested) break;
    const r = resolveCrumb(index, c.path, docDir, root);
    targets[i] = r.kind === 'file' ? [r.path] : r.kind === 'many' ? r.paths : r.kind === 'none' ? [] : null;
    if (r.kind === 'many') {
      const d = makeDiagnostic(ctx.settings, 'missing-file', c.range,
        `${c.path} matches ${r.paths.length} files: ${r.paths.map(show).join(', ')}`, r.paths.map((p) => ({ message: 'candidate', path: p })));
      if (d) out.push(d);
    } else if (r.kind === 'none') {
      if (!wantMissing) continue;
      const moved = (await ctx.graph())?.renamedTo(c.path.replace(/^\.\//, ''));
      const movedPath = moved ? joinPath(root, moved.to) : '';
      const d = moved
        ? makeDiagnostic(ctx.settings, 'missing-file', c.range,
          `${c.path} no longer exists: moved to ${moved.to} in ${short(moved.sha)}${index.all.has(movedPath) ? '' : ', which is gone too'}`,
          [{ message: 'moved here', path: movedPath }])
        : makeDiagnostic(ctx.settings, 'missing-file', c.range, `${c.path} does not exist in the workspace`);
      if (d) out.push(d);
    } else if (r.kind === 'file' && wantLines && c.line !== null && c.line > 0) {
      const last = Math.max(c.line, c.endLine ?? 0);
      const n = await ctx.files.lineCount(r.path, ctx.token);
      if (n !== null && last > n) {
        const d = makeDiagnostic(ctx.settings, 'line-out-of-range', c.range,
          `${c.path}: line ${last} is past the end of the file (${n} line${n === 1 ? '' : 's'})`);
        if (d) out.push(d);
      }
    }
  }
  return { diagnostics: out, targets };
}
