// A cited file renamed after the handoff, with lines inserted above the cited one and another cited line deleted,
// in the real host (issue 13 items 1-2): the lens and the link open the new file at the line where the cited line
// is now, the hover says so, and the rename quick fix rewrites the breadcrumb to the new path and the mapped line
// (a deleted line kept, and the fix says so); applied, the text is checked, and Undo restores it.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { HandoffNavigatorApi } from '../../src/vscode/extension';
import { closeAllEditors, getApi, git, removeWorkspaceFile, waitFor, workspaceRoot, writeWorkspaceFile } from './helpers';

const HANDOFF = 'HANDOFF-rename-drift.md';
const OLD = 'src/rn_old/engine.ts';
const NEW = 'src/rn_new/engine.ts';
const numbered = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `// ${tag} ${i + 1}`);
const TEXT = ['# Rename drift test', '', `- The loop: \`${OLD}:10\`.`, `- The retry: \`${OLD}:16\`.`, ''].join('\n');

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
}

describe('renamed since the handoff, lines moved', function () {
  this.timeout(90_000);
  let api: HandoffNavigatorApi;
  let uri: vscode.Uri;
  let original: string;
  let anchor: string;
  let rename: string;

  const at = (text: string, needle: string, offset = 2) => {
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes(needle));
    return new vscode.Position(line, lines[line]!.indexOf(needle) + offset);
  };

  before(async function () {
    // A bound on a busy machine, not a speed claim (`npm run bench` measures speed).
    this.timeout(180_000);
    api = await getApi();
    api.setTrusted(true);
    const root = workspaceRoot();
    original = git(root, 'rev-parse', 'HEAD');
    writeWorkspaceFile(OLD, `${numbered(30, 'engine').join('\n')}\n`);
    uri = writeWorkspaceFile(HANDOFF, TEXT);
    git(root, 'add', OLD, HANDOFF);
    git(root, 'commit', '-q', '-m', 'Write the rename-drift handoff');
    anchor = git(root, 'rev-parse', 'HEAD');
    // After the handoff: the file moves to another folder, with three lines above line 10 and line 16 deleted.
    const body = numbered(30, 'engine');
    body.splice(15, 1);
    body.unshift(...numbered(3, 'header'));
    removeWorkspaceFile(OLD);
    writeWorkspaceFile(NEW, `${body.join('\n')}\n`);
    git(root, 'add', '-A', 'src/rn_old', 'src/rn_new');
    git(root, 'commit', '-q', '-m', 'Move the engine');
    rename = git(root, 'rev-parse', 'HEAD');
    await waitFor('the handoff analysed with the rename and its lines mapped', () => {
      const f = api.store.get(uri)?.analysis.facts?.files[0];
      if (f?.kind === 'gone' && f.movedTo !== null && f.drift?.to.line === 13) return true;
      throw new Error(`its first file fact: ${JSON.stringify(f)}`);
    }, 120_000);
  });

  after(async () => {
    await closeAllEditors();
    git(workspaceRoot(), 'reset', '-q', '--hard', original);
    for (const rel of [HANDOFF, OLD, NEW]) removeWorkspaceFile(rel);
    api.setTrusted(undefined);
    await waitFor('the handoff to leave the store', () => !api.store.all().some((h) => h.uri.path.endsWith(`/${HANDOFF}`)));
    await api.store.whenIdle();
  });

  afterEach(() => closeAllEditors());

  it('the lens and the link open the new file at the line where the cited line is now; the hover says so', async () => {
    await vscode.workspace.openTextDocument(uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
    const lens = lenses.find((l) => l.range.start.line === at(TEXT, `${OLD}:10`).line && l.command?.title.includes('moved'));
    assert.equal(lens?.command?.title, `engine.ts moved · Open ${NEW}:13`, lenses.map((l) => l.command?.title).join('\n'));
    await vscode.commands.executeCommand(lens!.command!.command, ...(lens!.command!.arguments ?? []));
    const editor = await waitFor('the new file open', () => (vscode.window.activeTextEditor?.document.uri.fsPath === join(workspaceRoot(), NEW) ? vscode.window.activeTextEditor : undefined));
    assert.equal(editor.selection.active.line, 12);
    assert.equal(editor.document.lineAt(12).text, '// engine 10', 'the line the handoff cited');

    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
    const link = links.find((l) => l.range.contains(at(TEXT, `${OLD}:10`)) && l.target?.scheme === 'file');
    assert.equal(link?.target?.fsPath, join(workspaceRoot(), NEW));
    assert.equal(link?.target?.fragment, 'L13');

    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at(TEXT, `${OLD}:10`)));
    assert.match(hover, new RegExp(`line 10 at ${anchor.slice(0, 7)}, now 13`));
    const gone = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at(TEXT, `${OLD}:16`)));
    assert.match(gone, new RegExp(`line 16 was deleted since ${anchor.slice(0, 7)}`));
  });

  it('the rename fix writes the new path and the mapped line; a deleted line is kept and said so; Undo restores', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const fixAt = async (needle: string) => {
      const p = at(TEXT, needle);
      const actions = await waitFor('the rename fix', async () => {
        const found = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(p, p))) ?? [];
        return found.some((a) => a.title.startsWith('Update the path')) && found;
      });
      return actions.find((a) => a.title.startsWith('Update the path'))!;
    };
    const r = rename.slice(0, 7);
    const moved = await fixAt(`${OLD}:10`);
    assert.equal(moved.title, `Update the path to ${NEW}:13 (was :10) (renamed in ${r})`);
    const deleted = await fixAt(`${OLD}:16`);
    assert.equal(deleted.title, `Update the path to ${NEW}, line 16 kept (deleted since) (renamed in ${r})`);

    for (const [fix, expected] of [
      [moved, TEXT.replace(`\`${OLD}:10\``, `\`${NEW}:13\``)],
      [deleted, TEXT.replace(`\`${OLD}:16\``, `\`${NEW}:16\``)],
    ] as const) {
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
      assert.equal(editor.document.getText(), expected);
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('undo');
      await waitFor('undo to restore the text', () => editor.document.getText() === TEXT);
    }

    // Fix all takes the sure one only.
    const all = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.handoff')) ?? [];
    assert.equal(all.length, 1, all.map((a) => a.title).join('\n'));
    assert.ok(await vscode.workspace.applyEdit(all[0]!.edit!));
    assert.equal(editor.document.getText(), TEXT.replace(`\`${OLD}:10\``, `\`${NEW}:13\``));
    await vscode.commands.executeCommand('undo');
    await waitFor('undo to restore the text', () => editor.document.getText() === TEXT);
  });
});
