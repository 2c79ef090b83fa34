// Resume in the real host, through its commands: it reveals the first open step of the handoff, opens the file the
// step names beside it at its line, Done ticks the step (an undoable edit) and moves to the next, Skip moves on,
// the walk ends when no step is left, Stop ends it early; a numbered step is marked in the document's style and a
// step naming a commit opens that commit beside.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HandoffNavigatorApi } from '../../src/vscode/extension';
import type { ResumeStatus } from '../../src/vscode/resume/session';
import { closeAllEditors, getApi, git, handoffUri, removeWorkspaceFile, waitFor, workspaceRoot, writeWorkspaceFile } from './helpers';

const run = (command: string, arg?: unknown) => vscode.commands.executeCommand<ResumeStatus | undefined>(command, arg);

/** A bound on waiting for analyses on a busy machine (not a speed claim: `npm run bench` measures speed). */
const SLOW = 60_000;

describe('Resume', function () {
  this.timeout(3 * SLOW);
  let api: HandoffNavigatorApi;
  before(async () => { api = await getApi(); });
  afterEach(async () => {
    await run('handoffNavigator.resume.stop');
    await closeAllEditors();
    removeWorkspaceFile('SESSION-HANDOFF-resume.md');
    await api.store.whenIdle();
  });

  it('walks the open steps: reveals each, opens its file beside, Done ticks it, Skip moves on, and the walk ends', async () => {
    const uri = handoffUri();
    await waitFor('the fixture handoff analysed', () => api.store.get(uri), SLOW);
    const first = await run('handoffNavigator.resume', { uri: uri.toString() });
    assert.ok(first?.step, 'a step is shown');
    assert.match(first.step.text, /^Resume: wire the widget/);
    assert.deepEqual([first.step.position, first.step.total, first.done, first.skipped], [1, 2, 0, 0]);

    const handoffEditor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    assert.ok(handoffEditor, 'the handoff is shown');
    assert.equal(handoffEditor.selection.active.line, first.step.line, 'the cursor is on the step');
    const widget = await waitFor('src/widget.ts beside, at line 5', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.path.endsWith('/src/widget.ts')), SLOW);
    assert.equal(widget.selection.active.line, 4);
    assert.notEqual(widget.viewColumn, handoffEditor.viewColumn, 'opened beside the handoff');

    const second = await run('handoffNavigator.resume.done');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.lineAt(first.step.line).text, /^- \[x\] Resume: wire the widget/);
    assert.ok(second?.step);
    assert.match(second.step.text, /^Check commit /);
    assert.deepEqual([second.step.position, second.step.total, second.done], [2, 2, 1]);

    const end = await run('handoffNavigator.resume.skip');
    assert.deepEqual(end && { step: end.step, done: end.done, skipped: end.skipped }, { step: null, done: 1, skipped: 1 });
    assert.equal(await run('handoffNavigator.resume.done'), undefined, 'no walk runs any more');

    // The tick is an ordinary edit of the buffer: Undo takes it back.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await waitFor('the tick undone', () => /^- \[ \] Resume: wire the widget/.test(doc.lineAt(first.step!.line).text), SLOW);
  });

  it('stops when asked, leaving the document as it was', async () => {
    const uri = handoffUri();
    const before = (await vscode.workspace.openTextDocument(uri)).getText();
    const first = await run('handoffNavigator.resume', { uri: uri.toString() });
    assert.ok(first?.step);
    const stopped = await run('handoffNavigator.resume.stop');
    assert.deepEqual(stopped && { step: stopped.step, done: stopped.done }, { step: null, done: 0 });
    assert.equal(await run('handoffNavigator.resume.skip'), undefined);
    assert.equal((await vscode.workspace.openTextDocument(uri)).getText(), before);
  });

  it("marks a numbered step in the document's style, and opens the commit a step names beside", async () => {
    const parser = git(workspaceRoot(), 'rev-list', '-n1', 'v1.0.0');
    const uri = writeWorkspaceFile('SESSION-HANDOFF-resume.md',
      `# Resume test\n\nLast updated: 2000-01-01\n\n## Next steps\n\n1. ✅ Read the notes.\n2. Review commit ${parser.slice(0, 7)} again.\n`);
    await waitFor('the handoff analysed with git', () => api.store.get(uri)?.analysis.commitStates.size, SLOW);
    await vscode.window.showTextDocument(uri);
    const first = await run('handoffNavigator.resume');
    assert.equal(first?.handoff, uri.toString(), 'the handoff in the editor is the one walked');
    assert.match(first!.step!.text, /^Review commit/);
    const commit = await waitFor('the commit beside', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'handoff-commit'), SLOW);
    assert.match(commit.document.getText(), new RegExp(parser));
    const end = await run('handoffNavigator.resume.done');
    assert.equal(end?.step, null);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.lineAt(first!.step!.line).text, `2. ✅ Review commit ${parser.slice(0, 7)} again.`);
  });
});
