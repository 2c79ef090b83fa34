/**
 * The Handoffs view's step checkboxes: ticking one marks the step done in the handoff (`[ ]` → `[x]`, or the
 * document's own done mark for a numbered step), unticking marks it open again. One WorkspaceEdit per handoff, on
 * the document's current text (undoable; the document is not saved). A step whose text moved since the view was
 * drawn is not touched: the view redraws from the new analysis instead.
 */
import * as vscode from 'vscode';
import { doneStyle, FixText, stepEdits } from '../../core/fixes';
import type { HandoffStore } from '../contracts';
import { toRange } from '../diagnostics/diagnostics';
import { currentAnalysis } from '../providers/fixCommands';
import type { TreeNode } from './model';

/** Applies the checkbox changes; resolves to the number of steps changed. */
export async function toggleSteps(store: HandoffStore, changes: ReadonlyArray<readonly [TreeNode, boolean]>, log: vscode.LogOutputChannel): Promise<number> {
  const byHandoff = new Map<string, Array<readonly [TreeNode, boolean]>>();
  for (const change of changes) {
    if (change[0].kind !== 'step' || !change[0].range) continue;
    const list = byHandoff.get(change[0].handoff);
    if (list) list.push(change);
    else byHandoff.set(change[0].handoff, [change]);
  }
  let changed = 0;
  for (const [handoff, list] of byHandoff) {
    const uri = vscode.Uri.parse(handoff);
    const current = await currentAnalysis(store, uri);
    if (!current) continue;
    const text = new FixText(current.document.getText());
    const model = current.analysed.analysis.model;
    const style = doneStyle(text, model);
    const edit = new vscode.WorkspaceEdit();
    let here = 0;
    for (const [node, checked] of list) {
      const r = node.range!;
      const step = model.steps.find((s) => s.range.start.line === r.start.line && s.range.start.character === r.start.character);
      if (!step || (step.state === 'done') === checked) continue;
      const edits = stepEdits(text, step, checked, style);
      if (!edits) {
        log.info(`${vscode.workspace.asRelativePath(uri)}: could not ${checked ? 'tick' : 'untick'} "${step.text}" (no mark to change)`);
        continue;
      }
      for (const e of edits) edit.replace(uri, toRange(e.range), e.newText);
      here++;
    }
    if (here && (await vscode.workspace.applyEdit(edit))) changed += here;
  }
  return changed;
}
