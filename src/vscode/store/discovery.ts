/**
 * Which files are handoffs: `handoffNavigator.include` minus `handoffNavigator.exclude` in every workspace
 * folder, plus the files the user marked ("Mark as Handoff", remembered per workspace). The glob decision is
 * the core's `isHandoffPath` on the folder-relative path, so the CLI and the editor agree on what a handoff is.
 */
import * as vscode from 'vscode';
import { isHandoffPath } from '../../core/handoffGlobs';
import type { ExtensionSettings } from '../settings';
import { mergeExcludes } from './model';

const MARKED_KEY = 'handoffNavigator.markedHandoffs';
/** Bound per include pattern: a workspace with thousands of "handoffs" is a misconfigured glob. */
const MAX_PER_PATTERN = 2000;

export class Discovery {
  constructor(private readonly state: vscode.Memento) {}

  marked(): vscode.Uri[] {
    const raw = this.state.get<unknown>(MARKED_KEY);
    if (!Array.isArray(raw)) return [];
    return raw.filter((s): s is string => typeof s === 'string').map((s) => vscode.Uri.parse(s));
  }

  isMarked(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return this.marked().some((u) => u.toString() === key);
  }

  async mark(uri: vscode.Uri): Promise<void> {
    if (this.isMarked(uri)) return;
    await this.state.update(MARKED_KEY, [...this.marked().map((u) => u.toString()), uri.toString()]);
  }

  /** Whether a file's path matches the include/exclude globs (relative to its folder, else its name). */
  matches(uri: vscode.Uri, settings: ExtensionSettings): boolean {
    // Only real files: the same path under `git:` (diff views), `output:` or a commit view is not a handoff.
    const schemes = new Set(['file', ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)]);
    if (!schemes.has(uri.scheme)) return false;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const rel = folder ? relativePath(folder.uri, uri) : uri.path.slice(uri.path.lastIndexOf('/') + 1);
    return rel !== null && isHandoffPath(rel, settings.include, settings.exclude);
  }

  /** Every handoff of every workspace folder, and the marked files that still exist. */
  async findAll(settings: ExtensionSettings, token: vscode.CancellationToken): Promise<{ uris: vscode.Uri[]; skipped: string[] }> {
    const found = new Map<string, vscode.Uri>();
    const skipped: string[] = [];
    const exclude = mergeExcludes(settings.exclude);
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const lists = await Promise.all(settings.include.map((glob) =>
        Promise.resolve(vscode.workspace.findFiles(new vscode.RelativePattern(folder, stripLeadingSlash(glob)), exclude, MAX_PER_PATTERN, token))
          .catch((e: unknown) => {
            skipped.push(`include pattern "${glob}" in ${folder.name}: ${e instanceof Error ? e.message : String(e)}`);
            return [] as vscode.Uri[];
          })));
      for (const uri of lists.flat()) {
        const rel = relativePath(folder.uri, uri);
        if (rel !== null && isHandoffPath(rel, settings.include, settings.exclude)) found.set(uri.toString(), uri);
      }
    }
    for (const uri of this.marked()) {
      if (found.has(uri.toString())) continue;
      try {
        await vscode.workspace.fs.stat(uri);
        found.set(uri.toString(), uri);
      } catch {
        skipped.push(`marked handoff ${uri.fsPath} no longer exists`);
      }
    }
    return { uris: [...found.values()], skipped };
  }
}

/**
 * The handoffs found, then the open documents that qualify too (a file outside the folders), each once. VS Code
 * keeps a closed document around for a while, so one whose file is gone counts only while it has unsaved edits.
 */
export async function withOpenDocuments(found: readonly vscode.Uri[], qualifies: (uri: vscode.Uri) => boolean): Promise<vscode.Uri[]> {
  const out = new Map(found.map((u) => [u.toString(), u] as const));
  for (const doc of vscode.workspace.textDocuments) {
    if (!out.has(doc.uri.toString()) && qualifies(doc.uri) && (doc.isDirty || await exists(doc.uri))) out.set(doc.uri.toString(), doc.uri);
  }
  return [...out.values()];
}

const exists = (uri: vscode.Uri): Promise<boolean> => Promise.resolve(vscode.workspace.fs.stat(uri)).then(() => true, () => false);

function stripLeadingSlash(glob: string): string {
  return glob.replace(/^\/+/, '');
}

/** `a/b.md` for a file inside `base`, null outside it. */
export function relativePath(base: vscode.Uri, uri: vscode.Uri): string | null {
  if (base.scheme !== uri.scheme || base.authority !== uri.authority) return null;
  const prefix = base.path.endsWith('/') ? base.path : `${base.path}/`;
  return uri.path.startsWith(prefix) ? uri.path.slice(prefix.length) : null;
}
