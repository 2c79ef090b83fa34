/**
 * Where breadcrumbs point, for the breadcrumbs the core left unresolved (it resolves them only when the git
 * checks run). Through `workspace.fs` and `findFiles`, never git, so untrusted and virtual workspaces still get
 * links to files that exist. A bare or partial path not found at a root is searched for once (a few matches:
 * "3 matches…" in the lens).
 */
import * as vscode from 'vscode';
import type { Analysis } from '../../core/service';
import { candidatePaths, searchGlobFor } from './model';

const MAX_MATCHES = 10;

export async function resolveTargets(handoff: vscode.Uri, analysis: Analysis, exclude: string | null, token: vscode.CancellationToken): Promise<Array<readonly string[] | null>> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const own = vscode.workspace.getWorkspaceFolder(handoff);
  const roots = [...(own ? [own] : []), ...folders.filter((f) => f !== own)].map((f) => f.uri);
  const memo = new Map<string, Promise<readonly string[] | null>>();

  const resolveOne = async (path: string): Promise<readonly string[] | null> => {
    const candidates = candidatePaths(path, handoff.path, roots.map((r) => r.path));
    const existing: string[] = [];
    for (const p of candidates) {
      if (token.isCancellationRequested) return null;
      const uri = handoff.with({ path: p, query: '', fragment: '' });
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.type & vscode.FileType.File) existing.push(uri.fsPath.replace(/\\/g, '/'));
      } catch {
        // not there: try the next root
      }
      if (existing.length) return existing;
    }
    const glob = searchGlobFor(path);
    if (!glob || roots.length === 0) return [];
    const found = await Promise.resolve(vscode.workspace.findFiles(glob, exclude, MAX_MATCHES, token)).catch(() => [] as vscode.Uri[]);
    return found.map((u) => u.fsPath.replace(/\\/g, '/')).sort();
  };

  return Promise.all(analysis.model.files.map((crumb, i) => {
    const known = analysis.fileTargets[i];
    if (known !== null && known !== undefined) return known;
    if (crumb.external) return null;
    let p = memo.get(crumb.path);
    if (!p) {
      p = resolveOne(crumb.path);
      memo.set(crumb.path, p);
    }
    return p;
  }));
}
