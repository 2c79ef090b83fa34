/**
 * "Changed since": a cited file compared with itself at the handoff's commit — `vscode.diff` of a read-only
 * `handoff-commit:` document (the file as that commit has it) and the file in the work tree. A file deleted since
 * opens as it was; one added since opens as it is. Run from the Handoffs view's "Changed since" group.
 */
import * as vscode from 'vscode';
import type { HandoffStore } from '../contracts';
import { commitDocumentUri } from './commitDocument';
import { baseName, shortSha } from './format';

export const OPEN_CHANGE_SINCE = 'handoffNavigator.openChangeSince';

/** Arguments of `handoffNavigator.openChangeSince` (JSON, as tree items carry them). */
export interface ChangeSinceArgs {
  /** The handoff's URI (string): names the repository. */
  uri: string;
  /** The handoff's anchor (full SHA). */
  sha: string;
  /** Repository-relative path at the anchor (null: added since). */
  from: string | null;
  /** Repository-relative path now (null: deleted since). */
  to: string | null;
}

const isArgs = (v: unknown): v is ChangeSinceArgs =>
  !!v && typeof (v as ChangeSinceArgs).uri === 'string' && typeof (v as ChangeSinceArgs).sha === 'string';

const pathOrNull = (v: unknown) => (typeof v === 'string' ? v : null);

/** The arguments a click passes, or those of the tree node a context-menu entry is given. */
function argsOf(v: unknown): ChangeSinceArgs | null {
  if (isArgs(v)) return v;
  const node = v as { handoff?: unknown; action?: { kind?: unknown; sha?: unknown; from?: unknown; to?: unknown } } | undefined;
  if (typeof node?.handoff !== 'string' || node.action?.kind !== 'open-change' || typeof node.action.sha !== 'string') return null;
  return { uri: node.handoff, sha: node.action.sha, from: pathOrNull(node.action.from), to: pathOrNull(node.action.to) };
}

async function openChangeSince(store: HandoffStore, given: unknown): Promise<void> {
  const args = argsOf(given);
  if (!args) {
    void vscode.window.showInformationMessage('Pick a file under "Changed since" in the Handoffs view.');
    return;
  }
  const handoff = vscode.Uri.parse(args.uri);
  const root = store.get(handoff)?.analysis.facts?.repo?.root;
  if (!root) {
    void vscode.window.showWarningMessage('That handoff is no longer checked against a repository.');
    return;
  }
  const base = handoff.scheme === 'file' ? vscode.Uri.file(root) : handoff.with({ path: root });
  const now = args.to ? vscode.Uri.joinPath(base, ...args.to.split('/')) : undefined;
  const then = args.from ? commitDocumentUri({ handoff: args.uri, sha: args.sha, path: args.from }) : undefined;
  const title = `${baseName(args.to ?? args.from ?? '')} (${shortSha(args.sha)} ↔ now)`;
  if (then && now) await vscode.commands.executeCommand('vscode.diff', then, now, title, { preview: true });
  else if (then ?? now) await vscode.window.showTextDocument(then ?? now!, { preview: true });
}

export function registerChangeSince(context: vscode.ExtensionContext, store: HandoffStore): void {
  context.subscriptions.push(vscode.commands.registerCommand(OPEN_CHANGE_SINCE, (args?: unknown) => openChangeSince(store, args)));
}
