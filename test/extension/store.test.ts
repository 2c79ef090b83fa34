// The handoff store in the real host: discovery by the include globs as files come and go, newest first by
// date, exact-version analysis on request, renames, and breadcrumbs re-resolved when the file they name appears.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HandoffNavigatorApi } from '../../src/vscode/extension';
import {
  closeAllEditors, codesAt, diagnosticLines, getApi, handoffUri, removeWorkspaceFile, waitFor, writeWorkspaceFile,
} from './helpers';

describe('handoff store', () => {
  let api: HandoffNavigatorApi;

  before(async () => {
    api = await getApi();
  });

  afterEach(async () => {
    for (const rel of ['docs', 'notes/store-renamed.md', 'SESSION-HANDOFF-opened.md', 'src/brand-new.ts', 'SESSION-HANDOFF-store.md', 'SESSION-HANDOFF-2026-06-01.md', 'SESSION-HANDOFF-2026-05-01.md']) {
      removeWorkspaceFile(rel);
    }
    api.setBeforeLand(undefined);
    await closeAllEditors();
    await waitFor('the test handoffs to be gone', () => api.store.all().length === 1);
  });

  it('finds handoffs as they are created, newest first by date, and forgets deleted ones', async () => {
    // At the top level: inotify-based watchers can miss files written into a folder created moments before.
    const june = writeWorkspaceFile('SESSION-HANDOFF-2026-06-01.md', '# June\n\n- [ ] June step\n');
    await waitFor('the June handoff', () => api.store.get(june));
    const may = writeWorkspaceFile('SESSION-HANDOFF-2026-05-01.md', '# May\n\n- [ ] May step\n- [ ] Another\n');
    await waitFor('the May handoff', () => api.store.get(may));
    assert.deepEqual(api.store.all().map((h) => vscode.workspace.asRelativePath(h.uri)), [
      'SESSION-HANDOFF-2026-06-01.md', 'SESSION-HANDOFF-2026-05-01.md', 'HANDOFF.md',
    ]);
    assert.equal(api.tree.getChildren()[0].handoff, june.toString());
    assert.equal(api.tree.getChildren()[0].contextValue, 'handoff.newest');
    assert.equal(api.statusBar.text, '$(checklist) Handoff: 1 open step');
    assert.ok(codesAt(june).includes('unchecked-step'));
    // Both of one series in one folder: June supersedes May, whose open steps are June's business now.
    await waitFor('May to be superseded by June', () => api.store.get(may)?.analysis.supersededBy === june.fsPath);
    assert.ok(!codesAt(may).includes('unchecked-step'), diagnosticLines(may).join('\n'));

    removeWorkspaceFile('SESSION-HANDOFF-2026-06-01.md');
    await waitFor('the June handoff to be forgotten', () => !api.store.isHandoff(june));
    assert.deepEqual(diagnosticLines(june), []);
    // May is analysed again as June goes: current, its two open steps counted and reported again.
    await waitFor('May to be the newest', () => api.statusBar.text === '$(checklist) Handoff: 2 open steps');
    assert.equal(api.store.get(may)?.analysis.supersededBy, null);
    await waitFor('May\'s open steps back in Problems', () => codesAt(may).filter((c) => c === 'unchecked-step').length === 2);
  });

  it('finds the handoffs of a folder created with them, and forgets them when the folder goes', async () => {
    // A new folder is often reported alone, without the files created in it at the same moment.
    const inFolder = writeWorkspaceFile('docs/handoffs/2026-06-04-store.md', '# In a new folder\n');
    await waitFor('the handoff in the new folder', () => api.store.get(inFolder));
    removeWorkspaceFile('docs');
    await waitFor('the handoff to go with its folder', () => !api.store.isHandoff(inFolder));
  });

  it('analyses exactly the version asked for, before the debounce has passed', async () => {
    const doc = await vscode.workspace.openTextDocument(handoffUri());
    const editor = await vscode.window.showTextDocument(doc);
    const original = doc.getText();
    try {
      await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount, 0), '\n- [ ] Step asked for by ensure\n'));
      const cts = new vscode.CancellationTokenSource();
      const result = await api.store.ensure(doc, cts.token);
      assert.equal(result?.version, doc.version);
      assert.ok(result.analysis.model.steps.some((s) => s.text === 'Step asked for by ensure'));
      // A document that is not a handoff gets nothing.
      const other = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Not a handoff\n' });
      assert.equal(await api.store.ensure(other, cts.token), undefined);
    } finally {
      await editor.edit((b) => b.replace(new vscode.Range(0, 0, doc.lineCount, 0), original));
      await doc.save();
      await waitFor('the original text to be analysed', () => api.store.get(doc.uri)?.version === doc.version);
    }
  });

  it('shows a handoff opened while its first analysis, from disk, was on its way', async () => {
    // The from-disk result cannot land once an editor holds the text; opening must start the analysis that can.
    const uri = vscode.Uri.joinPath(handoffUri(), '..', 'SESSION-HANDOFF-opened.md');
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    let held = 0;
    api.setBeforeLand(async (u, version) => {
      if (u.toString() === uri.toString() && version === -1) { held++; await gate; }
    });
    writeWorkspaceFile('SESSION-HANDOFF-opened.md', '# Opened mid-analysis\n\n- [ ] Step of the opened handoff\n');
    await waitFor('the from-disk analysis to reach its landing', () => held > 0);
    // The refresh a new file brings (after a pause) starts from disk too, and is held the same way; opening after it
    // leaves nothing on its way that would analyse the editor's version.
    await new Promise((r) => setTimeout(r, 1500));
    const doc = await vscode.workspace.openTextDocument(uri);
    release();
    await waitFor('the opened version analysed and shown', () =>
      api.store.get(uri)?.version === doc.version && api.tree.getChildren().some((n) => n.handoff === uri.toString()));
  });

  it('follows a rename: the new name is a handoff (if it matches), the old one is not', async () => {
    const from = writeWorkspaceFile('docs/handoffs/2026-06-02-store.md', '# Rename\n');
    await waitFor('the handoff', () => api.store.get(from));
    const to = vscode.Uri.joinPath(from, '..', '2026-06-03-store.md');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(from, to);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the new name', () => api.store.get(to));
    await waitFor('the old name to go', () => !api.store.isHandoff(from));
    const away = vscode.Uri.joinPath(from, '..', '..', '..', 'notes', 'store-renamed.md');
    const out = new vscode.WorkspaceEdit();
    out.renameFile(to, away);
    assert.ok(await vscode.workspace.applyEdit(out));
    await waitFor('a name outside the include globs to stop being a handoff', () => !api.store.isHandoff(to) && !api.store.isHandoff(away));
  });

  it('re-resolves breadcrumbs when the file they name is created', async () => {
    const uri = writeWorkspaceFile('SESSION-HANDOFF-store.md', '# Store\n\nSee `src/brand-new.ts:1`.\n');
    // Never in the repository: planned, or elsewhere — a hint, not a warning, and the hover and lens say so.
    const hint = await waitFor('the missing-file hint', () =>
      vscode.languages.getDiagnostics(uri).find((d) => d.source === 'handoff' && (d.code as { value: string }).value === 'missing-file'));
    assert.equal(hint.severity, vscode.DiagnosticSeverity.Hint);
    assert.match(hint.message, /not in this repository/);
    await vscode.workspace.openTextDocument(uri); // the lens command reads the editor's model of it
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
    assert.ok(lenses.some((l) => l.command?.title === 'brand-new.ts not in this repository · Search…'), lenses.map((l) => l.command?.title).join(' | '));
    writeWorkspaceFile('src/brand-new.ts', 'export const fresh = 1;\n');
    await waitFor('the hint to go once the file exists', () => !codesAt(uri).includes('missing-file'));
    const handoff = api.store.get(uri)!;
    assert.equal(api.store.fileTargets(handoff, handoff.analysis.model.files[0]).length, 1);
  });

  it('ignores the same path opened under another scheme (a diff view, a virtual document)', async () => {
    // As the git extension serves `git:` documents for diffs: same path, other scheme, not a handoff.
    const provider = vscode.workspace.registerTextDocumentContentProvider('handoff-store-test', { provideTextDocumentContent: () => '# Handoff\n\n- [ ] Old step\n' });
    try {
      const other = handoffUri().with({ scheme: 'handoff-store-test' });
      const doc = await vscode.workspace.openTextDocument(other);
      assert.equal(doc.uri.path, handoffUri().path);
      await api.store.whenIdle();
      assert.equal(api.store.isHandoff(other), false);
      assert.deepEqual(api.store.all().map((h) => h.uri.toString()), [handoffUri().toString()]);
    } finally {
      provider.dispose();
    }
  });
});
