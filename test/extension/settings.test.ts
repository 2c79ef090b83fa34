// Settings apply without a reload: a rule turned off loses its diagnostics, a severity changes, git can be
// turned off, exclude drops a handoff; a bad value is reported once and its default used.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HandoffNavigatorApi } from '../../src/vscode/extension';
import { codesAt, diagnosticLines, getApi, handoffUri, waitFor } from './helpers';

const config = () => vscode.workspace.getConfiguration('handoffNavigator');
const set = (key: string, value: unknown) => config().update(key, value, vscode.ConfigurationTarget.Global);

describe('settings', () => {
  let api: HandoffNavigatorApi;

  before(async () => {
    api = await getApi();
  });

  afterEach(async () => {
    for (const key of ['rules', 'git.enabled', 'exclude', 'debounceMs']) await set(key, undefined);
    await api.store.whenIdle();
  });

  it('turns a rule off and changes a severity without a reload', async () => {
    const uri = handoffUri();
    await waitFor('the unpushed warning', () => codesAt(uri).includes('unpushed-commit'));
    await set('rules', { 'unpushed-commit': 'off', 'unchecked-step': 'error' });
    await waitFor('the unpushed warning to go', () => !codesAt(uri).includes('unpushed-commit'));
    const step = await waitFor('unchecked steps as errors', () =>
      vscode.languages.getDiagnostics(uri).find((d) => d.source === 'handoff' && d.severity === vscode.DiagnosticSeverity.Error));
    assert.match(step.message, /Open step/);
    assert.ok(codesAt(uri).includes('unknown-commit'), 'other rules stay on');
    await set('rules', undefined);
    await waitFor('the unpushed warning to come back', () => codesAt(uri).includes('unpushed-commit'));
  });

  it('turns git off (parse-only results)', async () => {
    const uri = handoffUri();
    await set('git.enabled', false);
    await waitFor('parse-only diagnostics', () => codesAt(uri).every((c) => c === 'unchecked-step') && codesAt(uri).length > 0);
    await set('git.enabled', undefined);
    await waitFor('git diagnostics back', () => codesAt(uri).includes('unpushed-commit'));
  });

  it('drops a handoff matched by a new exclude pattern, and its diagnostics', async () => {
    const uri = handoffUri();
    await set('exclude', ['**/node_modules/**', '**/.git/**', '**/HANDOFF.md']);
    await waitFor('HANDOFF.md to leave the store', () => !api.store.isHandoff(uri));
    await waitFor('its diagnostics to be cleared', () => diagnosticLines(uri).length === 0);
    assert.equal(api.tree.getChildren().some((n) => n.handoff === uri.toString()), false);
    await set('exclude', undefined);
    await waitFor('HANDOFF.md to come back', () => api.store.isHandoff(uri) && diagnosticLines(uri).length > 0);
  });

  it('reports a bad value once and uses its default', async () => {
    await set('debounceMs', -5);
    await waitFor('the bad value to be reported', () => api.settingsProblems().some((p) => p.includes('handoffNavigator.debounceMs')));
    assert.equal(api.settings().debounceMs, 300);
    await set('git.timeoutMs', 5000); // another change re-reads every setting: the bad one is not reported again
    await waitFor('the new timeout', () => api.settings().core.gitTimeoutMs === 5000);
    await set('git.timeoutMs', undefined);
    assert.equal(api.settingsProblems().filter((p) => p.includes('handoffNavigator.debounceMs')).length, 1);
  });

  it('waits handoffNavigator.debounceMs after the last edit before checking again', async () => {
    await set('debounceMs', 1500);
    await waitFor('the new debounce', () => api.settings().debounceMs === 1500);
    const doc = await vscode.workspace.openTextDocument(handoffUri());
    const editor = await vscode.window.showTextDocument(doc);
    await api.store.whenIdle();
    const original = doc.getText();
    try {
      await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount, 0), '\n- [ ] Debounced step\n'));
      // The editor asks for lenses and links of the new version at once; they wait for the pause too.
      await new Promise((r) => setTimeout(r, 700));
      assert.ok(!diagnosticLines(doc.uri).some((l) => l.includes('Debounced step')), 'analysed before the pause was over');
      await waitFor('the step after the pause', () => diagnosticLines(doc.uri).some((l) => l.includes('Debounced step')));
    } finally {
      await editor.edit((b) => b.replace(new vscode.Range(0, 0, doc.lineCount, 0), original));
      await doc.save();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
