/**
 * Reads the file a `handoff_resolve` question names, for its "now" line (answers.ts): through the editor's file
 * system (remote and virtual workspaces work), relative to the handoff's workspace folder and never outside it —
 * not through `..`, not through a symbolic link that leads out (the hovers' guard) — and only a regular file of
 * at most MAX_TARGET_BYTES, as the MCP server reads it.
 */
import * as vscode from 'vscode';
import { inside } from '../../node/workspaceFiles';
import { toSlash } from '../../core/git/paths';
import type { CancellationToken } from '../../core/interfaces';
import type { TargetRead } from './answers';

/** The MCP server's bound for a file it reads (src/cli/handoffTools.ts). */
const MAX_TARGET_BYTES = 16 * 1024 * 1024;

export async function readToolTarget(handoff: vscode.Uri, path: string, token: CancellationToken): Promise<TargetRead> {
  const folder = vscode.workspace.getWorkspaceFolder(handoff)?.uri ?? vscode.Uri.joinPath(handoff, '..');
  const target = vscode.Uri.joinPath(folder, path.replace(/\\/g, '/'));
  const base = folder.path.replace(/\/$/, '');
  if (!target.path.startsWith(base + '/')) return { kind: 'outside' };
  const shown = vscode.workspace.asRelativePath(target, false);
  const fsPath = target.scheme === 'file' ? toSlash(target.fsPath) : null;
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(target);
  } catch (e) {
    const missing = e instanceof vscode.FileSystemError && e.code === 'FileNotFound';
    return { kind: 'read', shown, fsPath, now: missing ? { kind: 'missing' } : { kind: 'not-read', why: 'unreadable' } };
  }
  if (token.isCancellationRequested) return { kind: 'read', shown, fsPath, now: { kind: 'not-read', why: 'cancelled' } };
  if (!(stat.type & vscode.FileType.File)) return { kind: 'read', shown, fsPath, now: { kind: 'not-read', why: 'odd' } };
  if (stat.size > MAX_TARGET_BYTES) return { kind: 'read', shown, fsPath, now: { kind: 'not-read', why: 'too-large' } };
  try {
    if (target.scheme === 'file' && !(await inside(target.fsPath, folder.fsPath))) return { kind: 'outside' };
    const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(target));
    return { kind: 'read', shown, fsPath, now: { kind: 'text', text } };
  } catch {
    return { kind: 'read', shown, fsPath, now: { kind: 'not-read', why: 'unreadable' } };
  }
}
