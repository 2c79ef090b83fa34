/**
 * The built-in git extension's diff views for a commit, when that extension is there: the commit's files in
 * VS Code's multi-file changes editor (`vscode.changes`), each side read through git's own `git:` documents.
 * Optional by design: without the extension (or a repository it knows, or a parent commit) callers fall back
 * to the `handoff-commit:` document. Only the extension's public API (version 1) is used, typed locally.
 */
import * as vscode from 'vscode';
import { shortSha } from './format';

interface GitChange {
  uri: vscode.Uri;
  originalUri: vscode.Uri;
  status: number;
}

interface GitRepository {
  getCommit(ref: string): Promise<{ hash: string; parents: string[]; message: string }>;
  diffBetween(ref1: string, ref2: string): Promise<GitChange[]>;
}

interface GitApi {
  getRepository(uri: vscode.Uri): GitRepository | null;
  toGitUri(uri: vscode.Uri, ref: string): vscode.Uri;
}

interface GitExtension {
  enabled: boolean;
  getAPI(version: 1): GitApi;
}

/** Status values of the git API's Change (git diff --name-status A / D). */
const ADDED = new Set([1]); // INDEX_ADDED
const DELETED = new Set([2, 6]); // INDEX_DELETED, DELETED

function gitApi(): GitApi | undefined {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  // Not activated yet means not used yet: never force-activate another extension from a hover.
  if (!extension?.isActive || !extension.exports?.enabled) return undefined;
  try {
    return extension.exports.getAPI(1);
  } catch {
    return undefined;
  }
}

/** True when the git extension knows the repository holding this handoff. */
export function gitChangesAvailable(handoff: vscode.Uri): boolean {
  try {
    return !!gitApi()?.getRepository(handoff);
  } catch {
    return false;
  }
}

/** Opens the commit's changes in the multi-diff editor; false when that is not possible here. */
export async function openGitChanges(handoff: vscode.Uri, fullSha: string): Promise<boolean> {
  const api = gitApi();
  const repository = api?.getRepository(handoff);
  if (!api || !repository) return false;
  try {
    const commit = await repository.getCommit(fullSha);
    const parent = commit.parents[0];
    if (!parent) return false; // a root commit: the patch document shows it whole
    const changes = await repository.diffBetween(parent, commit.hash);
    const resources = changes.map((c) => [
      c.uri,
      ADDED.has(c.status) ? undefined : api.toGitUri(c.originalUri, parent),
      DELETED.has(c.status) ? undefined : api.toGitUri(c.uri, commit.hash),
    ]);
    const subject = commit.message.split('\n')[0] ?? '';
    await vscode.commands.executeCommand('vscode.changes', `${shortSha(commit.hash)} · ${subject}`, resources);
    return true;
  } catch {
    return false;
  }
}
