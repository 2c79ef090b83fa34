// The extension in the web-worker extension host (what vscode.dev and github.dev run), on the fixture workspace
// served by the VS Code server: the `browser` bundle activates there, runs no git, and still gives the
// parse-only features — the Handoff view's phases, steps and files, and links to the files that exist, found
// through `workspace.fs`.
import * as vscode from 'vscode';
import manifest from '../../package.json';
import type { HandoffNavigatorApi } from '../../src/vscode/extension';
import type { TreeNode } from '../../src/vscode/tree/model';
import { equal, ok } from './check';

const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function render(api: HandoffNavigatorApi, node: TreeNode, depth = 0): string[] {
  const item = api.tree.getTreeItem(node);
  const icon = (item.iconPath as vscode.ThemeIcon).id;
  const line = `${'  '.repeat(depth)}${node.kind} ${String(item.label)} | ${String(item.description ?? '')} | ${icon}`;
  return [line, ...api.tree.getChildren(node).flatMap((c) => render(api, c, depth + 1))];
}

describe('web extension host', () => {
  let api: HandoffNavigatorApi;
  let folder: vscode.Uri;
  let handoff: vscode.Uri;

  before(async () => {
    const ext = vscode.extensions.getExtension<HandoffNavigatorApi>(EXTENSION_ID);
    ok(ext, `${EXTENSION_ID} is not loaded in the web extension host`);
    api = await ext.activate();
    await api.ready;
    await api.store.whenIdle();
    folder = vscode.workspace.workspaceFolders![0]!.uri;
    handoff = vscode.Uri.joinPath(folder, 'HANDOFF.md');
  });

  it('runs the browser bundle in a web worker, with git off', () => {
    // This suite runs in the same worker as the extension: a worker global, no Node.
    equal(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'not in a web worker');
    equal(typeof (globalThis as { require?: unknown }).require, 'undefined', 'a Node require is around');
    equal(api.store.gitAllowed, false, 'git is allowed in the web host');
    ok(/Git checks are off/.test(api.store.gitDisabledReason ?? ''), `reason: ${api.store.gitDisabledReason}`);
    equal(api.gitProcessesStarted(), 0, 'git processes started');
  });

  it('shows the handoff in the Handoff view: its phases, steps and files', async () => {
    const root = await waitFor('the fixture handoff in the tree', () => api.tree.getChildren().find((n) => n.handoff === handoff.toString()));
    const lines = render(api, root);
    const dump = lines.join('\n');
    const expected = [
      /^handoff HANDOFF\.md \| .*1\/3 steps/,
      /^ {4}phase Phase 1 · Parser \| done \|/,
      /^ {6}file src\/parser\.ts:12 \| {2}\| file$/,
      /^ {4}phase Phase 2 · Config loader \| done \|/,
      /^ {6}file src\/config\.ts:3 \| {2}\| file$/,
      /^ {4}phase Phase 3 · Experiment \| in progress · 1\/3 steps/,
      /^ {6}step Local experiment committed in [0-9a-f]{7} \(not pushed yet\)\. \| done \| pass-filled$/,
      /^ {6}step Resume: wire the widget .* \| {2}\| circle-large-outline$/,
    ];
    for (const re of expected) ok(lines.some((l) => re.test(l)), `no line matches ${re}\n${dump}`);
  });

  it('links the breadcrumbs to the files that exist, through workspace.fs, and not the missing one', async () => {
    const doc = await vscode.workspace.openTextDocument(handoff);
    const links = await waitFor('the breadcrumb links', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
      return found.some((l) => l.target?.path.endsWith('/src/parser.ts')) ? found : undefined;
    });
    const targets = links.map((l) => `${doc.getText(l.range)} -> ${l.target ? `${l.target.scheme}:${l.target.path.slice(folder.path.length)}#${l.target.fragment}` : '(none)'}`);
    const dump = targets.join('\n');
    for (const expected of ['src/parser.ts:12 -> vscode-remote:/src/parser.ts#L12', 'src/config.ts:3 -> vscode-remote:/src/config.ts#L3', 'src/widget.ts:5 -> vscode-remote:/src/widget.ts#L5', 'src/app.ts:30 -> vscode-remote:/src/app.ts#L30']) {
      ok(targets.includes(expected), `no link ${expected}\n${dump}`);
    }
    // Renamed away: parse-only, nothing says where it went, so no link (the tree and the lens say it is missing).
    ok(!targets.some((t) => t.startsWith('src/old/helper.ts')), `a link to the missing file\n${dump}`);
  });
});
