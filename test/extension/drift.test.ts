// Breadcrumbs that survive edits, in the real host: a handoff committed with `file:line` breadcrumbs, then lines
// inserted above one cited line and the lines of another deleted, committed. The link and the lens open the
// line where it is now, the hover says where it went (and for deleted lines shows them as they were), a
// `path::symbol` breadcrumb still opens at its symbol, and the Handoffs view lists the changed files under
// "Changed since", each opening a comparison with the handoff's commit.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { HandoffNavigatorApi } from '../../src/vscode/extension';
import type { TreeNode } from '../../src/vscode/tree/model';
import { closeAllEditors, getApi, git, removeWorkspaceFile, waitFor, workspaceRoot, writeWorkspaceFile } from './helpers';

const HANDOFF = 'HANDOFF-drift.md';
const APP = 'src/drift_app.ts';
const GONE = 'src/drift_gone.ts';
const numbered = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `// ${tag} ${i + 1}`).join('\n') + '\n';
const APP_TEXT = `${numbered(19, 'app')}export function helperFn(): number {\n  return 20;\n}\n${numbered(10, 'tail')}`;
const TEXT = [
  '# Drift test',
  '',
  `- The bug: \`${APP}:20\`.`,
  `- Cleanup: \`${GONE}:5-6\`.`,
  `- Entry point: \`${APP}::helperFn\`.`,
  '',
].join('\n');

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
}

describe('breadcrumbs that survive edits', function () {
  this.timeout(90_000);
  let api: HandoffNavigatorApi;
  let uri: vscode.Uri;
  let original: string;
  let anchor: string;

  /** Position inside the `needle` of the handoff. */
  const at = (needle: string, offset = 2) => {
    const line = TEXT.split('\n').findIndex((l) => l.includes(needle));
    return new vscode.Position(line, TEXT.split('\n')[line]!.indexOf(needle) + offset);
  };

  before(async () => {
    api = await getApi();
    api.setTrusted(true);
    const root = workspaceRoot();
    original = git(root, 'rev-parse', 'HEAD');
    writeWorkspaceFile(APP, APP_TEXT);
    writeWorkspaceFile(GONE, numbered(20, 'gone'));
    uri = writeWorkspaceFile(HANDOFF, TEXT);
    git(root, 'add', APP, GONE, HANDOFF);
    git(root, 'commit', '-q', '-m', 'Write the drift handoff');
    anchor = git(root, 'rev-parse', 'HEAD');
    // After the handoff: four lines above the cited line (and the symbol), the cited lines of the other deleted.
    writeWorkspaceFile(APP, numbered(4, 'above') + APP_TEXT);
    writeWorkspaceFile(GONE, numbered(20, 'gone').split('\n').filter((_, i) => i !== 4 && i !== 5).join('\n'));
    git(root, 'commit', '-q', '-am', 'Work after the drift handoff');
    await waitFor('the handoff analysed with its lines mapped', () => {
      const f = api.store.get(uri)?.analysis.facts?.files[0];
      return f?.kind === 'found' && f.drift?.to.line === 24;
    }, 30_000);
  });

  after(async () => {
    await closeAllEditors();
    git(workspaceRoot(), 'reset', '-q', '--hard', original);
    for (const rel of [HANDOFF, APP, GONE]) removeWorkspaceFile(rel);
    api.setTrusted(undefined);
    await waitFor('the drift handoff to leave the store', () => !api.store.all().some((h) => h.uri.path.endsWith(`/${HANDOFF}`)));
    await api.store.whenIdle();
  });

  afterEach(() => closeAllEditors());

  it('the link and the lens open the line where the cited line is now, after insertions above it', async () => {
    await vscode.workspace.openTextDocument(uri);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
    const link = links.find((l) => l.range.contains(at(`${APP}:20`)) && l.target?.scheme === 'file');
    const all = links.map((l) => `${l.range.start.line}:${l.range.start.character} ${l.target?.toString()}`).join('\n');
    assert.equal(link?.target?.fsPath, join(workspaceRoot(), APP), all);
    assert.equal(link?.target?.fragment, 'L24');
    assert.match(link?.tooltip ?? '', new RegExp(`line 20 at ${anchor.slice(0, 7)}, now 24`));

    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
    const lens = lenses.find((l) => l.range.start.line === at(`${APP}:20`).line && l.command?.title.startsWith('Open'));
    assert.equal(lens?.command?.title, 'Open drift_app.ts:24 (was :20)');
    await vscode.commands.executeCommand(lens!.command!.command, ...(lens!.command!.arguments ?? []));
    const editor = await waitFor('the cited file open', () => (vscode.window.activeTextEditor?.document.uri.fsPath === join(workspaceRoot(), APP) ? vscode.window.activeTextEditor : undefined));
    assert.equal(editor.selection.active.line, 23);
    // The line the handoff cited (line 20 when it was written).
    assert.equal(editor.document.lineAt(23).text, 'export function helperFn(): number {');
  });

  it('the hover says where a moved line is now, and that deleted lines went, showing them as they were', async () => {
    const moved = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at(`${APP}:20`)));
    assert.match(moved, new RegExp(`\`${APP}\` · line 20 at ${anchor.slice(0, 7)}, now 24`));
    assert.match(moved, /Now \(lines 22–26\):[\s\S]*export function helperFn/);
    const deleted = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at(`${GONE}:5-6`)));
    assert.match(deleted, new RegExp(`lines 5–6 were deleted since ${anchor.slice(0, 7)}`));
    assert.match(deleted, /Then \([0-9a-f]{7}, lines 5–6\):\n\n```typescript\n\/\/ gone 5\n\/\/ gone 6\n```/);
  });

  it('a path::symbol breadcrumb still opens at its symbol, wherever it moved', async () => {
    // A symbol breadcrumb that resolves carries no news, so no lens (lensDensity.ts): its link opens it.
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
    const link = links.find((l) => l.range.contains(at('::helperFn')));
    assert.equal(link?.target?.scheme, 'command', 'a link over the symbol breadcrumb');
    await vscode.commands.executeCommand(link!.target!.path, ...(JSON.parse(link!.target!.query) as unknown[]));
    const editor = await waitFor('the symbol\'s file open', () => (vscode.window.activeTextEditor?.document.uri.fsPath === join(workspaceRoot(), APP) ? vscode.window.activeTextEditor : undefined));
    assert.equal(editor.selection.start.line, 23, 'the function is on line 24 now');
  });

  it('lists the cited files changed since under the handoff; each opens a comparison with the handoff\'s commit', async () => {
    const node = await waitFor('the drift handoff in the tree', () => api.tree.getChildren().find((n) => n.handoff === uri.toString()));
    const group = node.children.find((c) => c.kind === 'changes') as TreeNode;
    assert.ok(group, node.children.map((c) => c.label).join(', '));
    assert.equal(`${group.label} | ${group.description}`, `Changed since ${anchor.slice(0, 7)} | 2 files`);
    assert.deepEqual(group.children.map((c) => `${c.label} | ${c.description}`), [`${APP} | modified · +4`, `${GONE} | modified · −2`]);
    const file = node.children.flatMap((c) => [c, ...c.children]).find((c) => c.kind === 'file' && c.label === `${APP}:20`)!;
    assert.equal(file.description, 'line 20 → 24');

    const item = api.tree.getTreeItem(group.children[0]!);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const tab = await waitFor('the comparison open', () => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff ? input : undefined;
    });
    assert.equal(tab.original.scheme, 'handoff-commit');
    assert.equal(tab.modified.fsPath, join(workspaceRoot(), APP));
    const then = await vscode.workspace.openTextDocument(tab.original);
    assert.equal(then.getText(), APP_TEXT);
  });
});
