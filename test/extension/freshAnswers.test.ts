// Providers answer from the newest analysis of the document's current text, taken after the last change the store
// has heard of (issue 13: stale lenses after quick commits on 1.100.3). A provider that gives up does not leave the
// others waiting on the same analysis without an answer; a file created just before a request is seen by it.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { HandoffNavigatorApi } from '../../src/vscode/extension';
import { closeAllEditors, getApi, removeWorkspaceFile, waitFor, workspaceRoot, writeWorkspaceFile } from './helpers';

const HANDOFF = 'HANDOFF-fresh-answers.md';
const LATER = 'src/fresh_later/created.ts';

describe('fresh answers for providers', function () {
  this.timeout(60_000);
  let api: HandoffNavigatorApi;
  let uri: vscode.Uri;

  before(async () => {
    api = await getApi();
    uri = writeWorkspaceFile(HANDOFF, `# Fresh answers\n\n- Next: \`${LATER}:1\`.\n`);
    await waitFor('the handoff analysed', () => api.store.get(uri));
  });

  after(async () => {
    await closeAllEditors();
    for (const rel of [HANDOFF, 'src/fresh_later']) removeWorkspaceFile(rel);
    await waitFor('the handoff to leave the store', () => !api.store.isHandoff(uri));
    await api.store.whenIdle();
  });

  it('one caller giving up does not cancel the analysis another caller waits for', async () => {
    await api.store.whenIdle();
    const doc = await vscode.workspace.openTextDocument(uri);
    // Just opened: the store has the file's analysis, not one of this version yet. Two providers ask at once.
    const leaving = new vscode.CancellationTokenSource();
    const staying = new vscode.CancellationTokenSource();
    const first = api.store.ensure(doc, leaving.token);
    const second = api.store.ensure(doc, staying.token);
    leaving.cancel();
    assert.equal(await first, undefined, 'the caller that gave up gets nothing');
    const answer = await second;
    assert.equal(answer?.version, doc.version, 'the other still gets the analysis of the version it asked about');
    assert.equal(answer.analysis.model.files[0]?.path, LATER);
  });

  it('a file created just before the request is seen by it (the listing does not outlive the change)', async () => {
    const doc = await vscode.workspace.openTextDocument(uri);
    await api.store.whenIdle();
    const target = vscode.Uri.file(join(workspaceRoot(), LATER));
    const linkTo = async () => {
      const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
      return links.find((l) => l.target?.scheme === 'file')?.target?.fsPath;
    };
    assert.equal(await linkTo(), undefined, 'no link while the file is missing');
    // Created through VS Code, which reports it to the extension before the edit resolves.
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(target, { contents: new TextEncoder().encode('export const created = 1;\n') });
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(await linkTo(), target.fsPath, 'the first request after the creation links to the file');
  });
});
