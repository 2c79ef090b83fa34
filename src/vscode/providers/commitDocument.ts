/**
 * The read-only commit view: a `handoff-commit:` document holding `git show`'s header, stat and patch, as the
 * store provides it. Its path ends in `.diff` so the built-in diff grammar colours it; the query names the
 * handoff (whose repository holds the commit) and the full SHA. With a `path` in the query, the document is that
 * file as the commit has it (the old side of a "Changed since" diff). A content provider's documents are read-only.
 */
import * as vscode from 'vscode';
import type { HandoffStore } from '../contracts';
import { shortSha } from './format';
import { decodeCommitQuery, encodeCommitQuery, type CommitRef } from './targets';

export const COMMIT_SCHEME = 'handoff-commit';

export function commitDocumentUri(ref: CommitRef): vscode.Uri {
  // A file at a commit keeps its own name, so its language is the file's.
  const path = ref.path ? `/${shortSha(ref.sha)}/${ref.path}` : `/${shortSha(ref.sha)}.diff`;
  return vscode.Uri.from({ scheme: COMMIT_SCHEME, path, query: encodeCommitQuery(ref) });
}

export class CommitDocumentProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly store: HandoffStore) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const ref = decodeCommitQuery(uri.query);
    if (!ref) return `Not a commit: ${uri.toString()}\n`;
    if (!this.store.gitAllowed) {
      return `Commit ${ref.sha}\n\nGit is not used here: ${this.store.gitDisabledReason ?? 'git is turned off'}.\n`;
    }
    if (ref.path) {
      const texts = await this.store.textsAt(vscode.Uri.parse(ref.handoff), ref.sha, [ref.path], token);
      if (token.isCancellationRequested) return '';
      const text = texts?.get(ref.path);
      return typeof text === 'string' ? text : `${ref.path} could not be read at ${shortSha(ref.sha)} (not there, binary, or too large).\n`;
    }
    const patch = await this.store.commitPatch(vscode.Uri.parse(ref.handoff), ref.sha, token);
    if (token.isCancellationRequested) return '';
    // undefined: git failed or the object vanished since the analysis; say so rather than show an empty tab.
    return patch ?? `Commit ${ref.sha} could not be read from the repository (see the Handoff Navigator log).\n`;
  }
}

export function registerCommitDocuments(context: vscode.ExtensionContext, store: HandoffStore): void {
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(COMMIT_SCHEME, new CommitDocumentProvider(store)));
}
