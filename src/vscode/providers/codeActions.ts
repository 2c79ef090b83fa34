/**
 * Quick fixes in the editor: the core's fixes (src/core/fixes) for the item under the cursor or a diagnostic, each
 * a CodeAction carrying an undoable WorkspaceEdit that VS Code applies only when the user picks it; "Push…" for an
 * unpushed commit (a command that confirms first); and "Fix all safe problems in this file" as the
 * `source.fixAll.handoff` kind, so `editor.codeActionsOnSave` can run it.
 */
import * as vscode from 'vscode';
import { computeFixes, fixesAt, safeEdits, touches, type Fix, type TextEdit } from '../../core/fixes';
import { validSha } from '../../core/git';
import type { Range } from '../../core/model';
import type { AnalysedHandoff, HandoffStore } from '../contracts';
import { DIAGNOSTIC_SOURCE } from '../diagnostics/diagnostics';
import { PUSH_COMMIT } from './push';
import { analysedFor, toRange } from './shared';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('handoff');
export const FIX_ALL_TITLE = 'Fix all safe problems in this file';

/** The core's fixes for exactly this version of the document. */
export function fixesFor(document: vscode.TextDocument, analysed: AnalysedHandoff): Fix[] {
  const { model, facts } = analysed.analysis;
  return computeFixes({ text: document.getText(), documentPath: document.uri.scheme === 'file' ? document.uri.fsPath : '', model, facts });
}

export function workspaceEdit(uri: vscode.Uri, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(uri, toRange(e.range), e.newText);
  return edit;
}

const sameRange = (a: Range, b: vscode.Range) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

function codeOf(d: vscode.Diagnostic): unknown {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

export class HandoffCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly store: HandoffStore) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[] | undefined> {
    const only = context.only;
    const wantQuickFixes = !only || only.intersects(vscode.CodeActionKind.QuickFix);
    const wantFixAll = !only || only.intersects(FIX_ALL_KIND);
    if (!wantQuickFixes && !wantFixAll) return undefined;
    // The newest analysis of this version (the store hands over to a refresh that supersedes the one it waited for).
    const analysed = await analysedFor(this.store, document, token);
    if (!analysed) return undefined;
    const fixes = fixesFor(document, analysed);
    const out: vscode.CodeAction[] = [];
    const at = { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
    const here = fixesAt(fixes, at);
    if (wantQuickFixes) {
      const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
      for (const fix of here) out.push(this.action(document.uri, fix, ours));
      out.push(...this.pushActions(document.uri, analysed, at, ours));
    }
    const all = safeEdits(fixes);
    // On save or from the Source Action menu; in the light bulb only where a safe fix is at hand.
    if (wantFixAll && all.length && (only || here.some((f) => f.safe))) {
      const action = new vscode.CodeAction(FIX_ALL_TITLE, FIX_ALL_KIND);
      action.edit = workspaceEdit(document.uri, all);
      out.push(action);
    }
    return out;
  }

  private action(uri: vscode.Uri, fix: Fix, diagnostics: readonly vscode.Diagnostic[]): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.edit = workspaceEdit(uri, fix.edits);
    action.isPreferred = fix.preferred;
    const answered = diagnostics.filter((d) => codeOf(d) === fix.code && fix.at.some((r) => sameRange(r, d.range)));
    if (answered.length) action.diagnostics = answered;
    return action;
  }

  /** "Push…" on each unpushed commit in the range: a command, since it confirms before pushing. */
  private pushActions(uri: vscode.Uri, analysed: AnalysedHandoff, at: Range, diagnostics: readonly vscode.Diagnostic[]): vscode.CodeAction[] {
    const out: vscode.CodeAction[] = [];
    for (const m of analysed.analysis.model.commits) {
      const key = validSha(m.sha);
      if (!key || !touches(m.range, at) || analysed.analysis.commitStates.get(key)?.status !== 'unpushed') continue;
      const action = new vscode.CodeAction(`Push ${m.sha}…`, vscode.CodeActionKind.QuickFix);
      action.command = { title: `Push ${m.sha}…`, command: PUSH_COMMIT, arguments: [{ uri: uri.toString(), sha: m.sha }] };
      const answered = diagnostics.filter((d) => codeOf(d) === 'unpushed-commit' && sameRange(m.range, d.range));
      if (answered.length) action.diagnostics = answered;
      out.push(action);
    }
    return out;
  }
}
