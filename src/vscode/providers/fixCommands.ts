/**
 * The quick fixes' commands: "Fix All Safe Problems in This File" (the fix-all code action, from the Command
 * Palette), "Quick Fix…" on an item of the Handoffs view, and "Push…" (from the code action and the view). Every
 * change is a WorkspaceEdit applied on the user's request: undoable, and the document is left unsaved.
 */
import * as vscode from 'vscode';
import { fixesAt, safeEdits, type Fix } from '../../core/fixes';
import type { Range } from '../../core/model';
import type { AnalysedHandoff, HandoffStore } from '../contracts';
import { argsFromCursor } from './commands';
import { fixesFor, workspaceEdit } from './codeActions';
import { pushArgs, pushCommit, PUSH_COMMIT, type ConfirmPush } from './push';
import { toRange } from './shared';

export const FIX_ALL = 'handoffNavigator.fixAll';
export const FIX_ITEM = 'handoffNavigator.fixItem';

/** The document (opened, not shown) and its analysis for exactly its current version. */
export async function currentAnalysis(store: HandoffStore, uri: vscode.Uri): Promise<{ document: vscode.TextDocument; analysed: AnalysedHandoff } | undefined> {
  const document = await vscode.workspace.openTextDocument(uri);
  const cts = new vscode.CancellationTokenSource();
  try {
    const analysed = await store.ensure(document, cts.token);
    return analysed && { document, analysed };
  } finally {
    cts.dispose();
  }
}

async function fixAll(store: HandoffStore, arg: unknown): Promise<number> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri || !store.isHandoff(uri)) {
    void vscode.window.showInformationMessage('Open a handoff first: the fixes apply to the handoff in the editor.');
    return 0;
  }
  const current = await currentAnalysis(store, uri);
  const edits = current ? safeEdits(fixesFor(current.document, current.analysed)) : [];
  if (!edits.length) {
    vscode.window.setStatusBarMessage('Handoff: no safe fix to apply in this file', 4000);
    return 0;
  }
  if (!(await vscode.workspace.applyEdit(workspaceEdit(uri, edits)))) return 0;
  vscode.window.setStatusBarMessage(`Handoff: applied ${edits.length} safe fix${edits.length === 1 ? '' : 'es'} (undo reverts them)`, 4000);
  return edits.length;
}

/** A Handoffs view node, as the view passes it to its context-menu commands. */
interface NodeArg {
  handoff: string;
  kind: string;
  range?: Range;
}

function isNode(value: unknown): value is NodeArg & { range: Range } {
  const n = value as NodeArg | undefined;
  return typeof n?.handoff === 'string' && typeof n.kind === 'string' && !!n.range;
}

/** Applies one of the fixes for a view item (a quick pick when there are several) and shows the change. */
async function fixItem(store: HandoffStore, arg: unknown): Promise<Fix | undefined> {
  if (!isNode(arg)) {
    void vscode.window.showInformationMessage('Use "Quick Fix…" on an item of the Handoffs view, or the light bulb in the editor.');
    return undefined;
  }
  const uri = vscode.Uri.parse(arg.handoff);
  const current = await currentAnalysis(store, uri);
  const fixes = current ? fixesAt(fixesFor(current.document, current.analysed), arg.range).filter((f) => (f.kind === 'step') === (arg.kind === 'step')) : [];
  if (!current || !fixes.length) {
    void vscode.window.showInformationMessage('No quick fix applies to this item now (the handoff may have changed).');
    return undefined;
  }
  const fix = fixes.length === 1
    ? fixes[0]!
    : (await vscode.window.showQuickPick(fixes.map((f) => ({ label: f.title, fix: f })), { placeHolder: 'Apply which fix?' }))?.fix;
  if (!fix || !(await vscode.workspace.applyEdit(workspaceEdit(uri, fix.edits)))) return undefined;
  const at = toRange(fix.edits[0]!.range);
  await vscode.window.showTextDocument(current.document, { selection: new vscode.Range(at.start, at.start), preview: true });
  return fix;
}

export interface FixCommandHooks {
  /** The push confirmation (a modal dialog; the extension-host tests answer it). */
  confirmPush: ConfirmPush;
}

export function registerFixCommands(context: vscode.ExtensionContext, store: HandoffStore, log: vscode.LogOutputChannel, hooks: FixCommandHooks): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(FIX_ALL, (arg?: unknown) => fixAll(store, arg)),
    vscode.commands.registerCommand(FIX_ITEM, (arg?: unknown) => fixItem(store, arg)),
    vscode.commands.registerCommand(PUSH_COMMIT, async (arg?: unknown) => {
      const args = pushArgs(arg) ?? argsFromCursor(store);
      if (!args) {
        void vscode.window.showInformationMessage('Put the cursor on an unpushed commit in a handoff first.');
        return false;
      }
      return pushCommit(store, args, hooks.confirmPush, log);
    }),
  );
}
