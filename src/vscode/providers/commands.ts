/**
 * The commands the lenses, links and hovers invoke: open a breadcrumb (picking among candidates, searching for
 * a missing file, finding a symbol), open a commit's details, copy a SHA. All facts come from the store.
 */
import * as vscode from 'vscode';
import type { HandoffStore } from '../contracts';
import { factSha } from '../freshness';
import { asCommitState, baseName, resolvedSha, shortSha } from './format';
import { COPY_SHA, OPEN_BREADCRUMB, OPEN_CHANGES, OPEN_COMMIT } from './hoverText';
import { openGitChanges } from './gitChanges';
import { commitDocumentUri } from './commitDocument';
import { parseLineFragment } from './targets';

/** Arguments of `handoffNavigator.openBreadcrumb` (JSON, as command links carry them). */
export interface OpenBreadcrumbArgs {
  /** Candidate file URIs: one to open, several to pick from, none to search for `path`. */
  targets: string[];
  /** `L113`, `L49,1-L52,1` or '' (see targets.ts lineFragment). */
  fragment: string;
  symbol: string | null;
  /** The path as written, for the search when no target exists. */
  path: string;
  /** Open beside the active editor, keeping the focus where it is (Resume). */
  beside?: boolean;
}

/** Arguments of `handoffNavigator.openCommit` and `handoffNavigator.copySha`. */
export interface CommitArgs {
  /** The handoff's URI (string): names the repository the SHA belongs to. */
  uri: string;
  /** As written in the handoff. */
  sha: string;
  /** Open beside the active editor, keeping the focus where it is (Resume). */
  beside?: boolean;
}

/**
 * The full SHA git resolved for a mention in that handoff, or for a commit its facts name (the commit that wrote
 * it, the one that deleted a file it cites…); null otherwise.
 */
export function fullShaFor(store: HandoffStore, args: CommitArgs): string | null {
  const handoff = store.get(vscode.Uri.parse(args.uri));
  if (!handoff) return null;
  const key = args.sha.toLowerCase();
  const mention = handoff.analysis.model.commits.find((c) => c.sha.toLowerCase() === key);
  const state = asCommitState(mention ? store.commitState(handoff, mention) : handoff.analysis.commitStates.get(key));
  return resolvedSha(state) ?? factSha(handoff.analysis.facts, args.sha);
}

/** Finds `symbol` in an open document: the language's document symbols first, then a whole-word text match. */
async function symbolRange(document: vscode.TextDocument, symbol: string): Promise<vscode.Range | undefined> {
  const found = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>(
    'vscode.executeDocumentSymbolProvider', document.uri,
  );
  const queue = [...(found ?? [])];
  while (queue.length) {
    const s = queue.shift()!;
    if (s.name === symbol || s.name.endsWith(`.${symbol}`)) return 'selectionRange' in s ? s.selectionRange : s.location.range;
    if ('children' in s) queue.push(...s.children);
  }
  const escaped = symbol.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`\\b(?:def|class|function|fn|func|const|let|var|async def|interface|type)\\s+${escaped}\\b|\\b${escaped}\\b`).exec(document.getText());
  if (!m) return undefined;
  const at = m.index + m[0].lastIndexOf(symbol);
  return new vscode.Range(document.positionAt(at), document.positionAt(at + symbol.length));
}

/** Where an opened file or commit goes: the active group, or beside it without taking the focus (Resume). */
const placement = (beside: boolean | undefined): vscode.TextDocumentShowOptions =>
  (beside ? { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true } : {});

async function openAt(target: vscode.Uri, fragment: string, symbol: string | null, beside?: boolean): Promise<void> {
  const sel = parseLineFragment(fragment);
  const document = await vscode.workspace.openTextDocument(target);
  let selection: vscode.Range | undefined;
  if (sel) selection = new vscode.Range(sel.startLine, sel.startCharacter, sel.endLine, sel.endCharacter);
  else if (symbol) selection = await symbolRange(document, symbol);
  await vscode.window.showTextDocument(document, { selection, preview: true, ...placement(beside) });
}

async function openBreadcrumb(args: OpenBreadcrumbArgs | undefined): Promise<void> {
  // Run from the Command Palette there is no breadcrumb to open: lenses and links pass one.
  if (!args || !Array.isArray(args.targets)) {
    void vscode.window.showInformationMessage('Use the lens or the link on a file breadcrumb in a handoff.');
    return;
  }
  const targets = args.targets.map((t) => vscode.Uri.parse(t));
  if (targets.length === 0) {
    // A missing file is usually a moved one: start a Quick Open search on its name.
    await vscode.commands.executeCommand('workbench.action.quickOpen', baseName(args.path));
    return;
  }
  let target = targets[0]!;
  if (targets.length > 1) {
    const picked = await vscode.window.showQuickPick(
      targets.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
      { placeHolder: `${args.path} matches ${targets.length} files: open which?`, matchOnDescription: true },
    );
    if (!picked) return;
    target = picked.uri;
  }
  await openAt(target, args.fragment, args.symbol, args.beside);
}

async function openCommit(store: HandoffStore, args: CommitArgs): Promise<void> {
  const full = fullShaFor(store, args);
  if (!full) {
    void vscode.window.showWarningMessage(`Commit ${args.sha} does not resolve in this repository.`);
    return;
  }
  const uri = commitDocumentUri({ handoff: args.uri, sha: full });
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: true, ...placement(args.beside) });
}

/** The git extension's diff views when it can show them, else the commit document. */
async function openChanges(store: HandoffStore, args: CommitArgs): Promise<void> {
  const full = fullShaFor(store, args);
  if (full && (await openGitChanges(vscode.Uri.parse(args.uri), full))) return;
  await openCommit(store, args);
}

async function copySha(store: HandoffStore, args: CommitArgs): Promise<void> {
  const sha = fullShaFor(store, args) ?? args.sha;
  await vscode.env.clipboard.writeText(sha);
  vscode.window.setStatusBarMessage(`Copied ${shortSha(sha)}${sha.length > 7 ? '…' : ''}`, 3000);
}

/** Commands may be given no argument (Command Palette): they then act on the SHA under the cursor, if any. */
export function argsFromCursor(store: HandoffStore): CommitArgs | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const handoff = store.get(editor.document.uri);
  const at = editor.selection.active;
  const mention = handoff?.analysis.model.commits.find(
    (c) => c.range.start.line === at.line && c.range.start.character <= at.character && at.character <= c.range.end.character,
  );
  return mention ? { uri: editor.document.uri.toString(), sha: mention.sha } : undefined;
}

function isCommitArgs(value: unknown): value is CommitArgs {
  return !!value && typeof (value as CommitArgs).uri === 'string' && typeof (value as CommitArgs).sha === 'string';
}

export function registerCommands(context: vscode.ExtensionContext, store: HandoffStore): void {
  const withCommit = (run: (store: HandoffStore, args: CommitArgs) => Promise<void>) => async (arg?: unknown) => {
    const args = isCommitArgs(arg) ? arg : argsFromCursor(store);
    if (!args) {
      void vscode.window.showInformationMessage('Put the cursor on a commit SHA in a handoff first.');
      return;
    }
    await run(store, args);
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_BREADCRUMB, (args?: OpenBreadcrumbArgs) => openBreadcrumb(args)),
    vscode.commands.registerCommand(OPEN_COMMIT, withCommit(openCommit)),
    vscode.commands.registerCommand(OPEN_CHANGES, withCommit(openChanges)),
    vscode.commands.registerCommand(COPY_SHA, withCommit(copySha)),
  );
}
