// Backlinks in a multi-root workspace (test/host/workspace.mjs: the git fixture, whose HANDOFF.md cites
// src/parser.ts:12, src/app.ts:30 and the moved src/old/helper.ts:4; and a plain folder whose NEXT_SESSION.md cites
// its own src/app.ts:2 and src/parser.ts:12, a file only the first folder has). A file handoffs cite shows
// "cited by …" at its top, a hover on the cited line, the "Handoffs Citing This File" pick, and the tree's Files
// section; each breadcrumb counts within its own workspace folder. Registered only with several folders: it runs
// with the multi-root suite (the `multi-root workspace` title).
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { escapeMarkdown } from '../../src/vscode/providers/hoverText';
import { getApi, waitFor } from './helpers';

const folders = vscode.workspace.workspaceFolders ?? [];

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  await vscode.workspace.openTextDocument(uri); // the lens command reads the editor's model of it
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
  return lenses.filter((l) => l.command?.title.startsWith('cited by') || l.command?.title.includes('more handoff')).map((l) => l.command!.title);
}

async function backlinkLens(uri: vscode.Uri): Promise<vscode.CodeLens | undefined> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
  return lenses.find((l) => l.command?.title.startsWith('cited by'));
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
}

async function activeAt(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return waitFor(`${uri.fsPath} active`, () => {
    const e = vscode.window.activeTextEditor;
    return e?.document.uri.toString() === uri.toString() ? e : undefined;
  });
}

if (folders.length > 1) {
  describe('multi-root workspace', () => {
    describe('backlinks', function () {
      this.timeout(60_000);
      const first = () => folders[0]!;
      const second = () => folders[1]!;
      const inFirst = (...p: string[]) => vscode.Uri.file(join(first().uri.fsPath, ...p));
      const inSecond = (...p: string[]) => vscode.Uri.file(join(second().uri.fsPath, ...p));
      const handoffName = () => `${first().name}/HANDOFF.md`;
      const nextName = () => `${second().name}/NEXT_SESSION.md`;

      before(async () => {
        const api = await getApi();
        // The moved helper is known through git: trust the workspace, as the other git suites do.
        api.setTrusted(true);
        await waitFor('both folders\' handoffs analysed, the moved helper known', () => {
          const all = api.store.all();
          const handoff = all.find((h) => h.uri.fsPath === inFirst('HANDOFF.md').fsPath);
          const next = all.find((h) => h.uri.fsPath === inSecond('NEXT_SESSION.md').fsPath);
          const moved = handoff?.analysis.facts?.files.some((f) => f.kind === 'gone' && f.movedTo);
          return next && moved ? true : undefined;
        });
      });

      after(async () => {
        (await getApi()).setTrusted(undefined);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      });

      it('puts "cited by HANDOFF.md › Phase 1" at the top of a cited file; a click opens the citation', async () => {
        const parser = inFirst('src', 'parser.ts');
        await vscode.window.showTextDocument(parser);
        // NEXT_SESSION.md cites src/parser.ts too, but it lives in the other folder: not a citation of this file.
        assert.deepEqual(await waitFor('the backlink lens', async () => {
          const t = await lensTitles(parser);
          return t.length ? t : undefined;
        }), [`cited by ${handoffName()} › Phase 1`]);
        const lens = (await backlinkLens(parser))!;
        assert.equal(lens.range.start.line, 0);
        await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
        const editor = await activeAt(inFirst('HANDOFF.md'));
        const line = editor.document.lineAt(editor.selection.active.line).text;
        assert.match(line, /`src\/parser\.ts:12`/);
        assert.equal(line.indexOf('src/parser.ts:12'), editor.selection.active.character);
      });

      it('resolves a breadcrumb within its own folder: each src/app.ts names its own handoff', async () => {
        assert.deepEqual(await lensTitles(inFirst('src', 'app.ts')), [`cited by ${handoffName()} › Phase 3`]);
        assert.deepEqual(await lensTitles(inSecond('src', 'app.ts')), [`cited by ${nextName()} › Next session`]);
        // A renamed file is cited where it lives now.
        assert.deepEqual(await lensTitles(inFirst('src', 'lib', 'helper.ts')), [`cited by ${handoffName()} › Phase 1`]);
        // A file no handoff cites has no lens.
        assert.deepEqual(await lensTitles(inFirst('test', 'widget.test.ts')), []);
      });

      it('drops the lens when handoffNavigator.codeLens.backlinks is off, and brings it back', async () => {
        const config = vscode.workspace.getConfiguration('handoffNavigator');
        const parser = inFirst('src', 'parser.ts');
        await config.update('codeLens.backlinks', false, vscode.ConfigurationTarget.Workspace);
        try {
          await waitFor('the backlink lens to go', async () => ((await lensTitles(parser)).length === 0 ? true : undefined));
        } finally {
          await config.update('codeLens.backlinks', undefined, vscode.ConfigurationTarget.Workspace);
        }
        await waitFor('the backlink lens back', async () => ((await lensTitles(parser)).length === 1 ? true : undefined));
      });

      it('names the handoff and section in a hover on the cited line, with a link to the citation', async () => {
        const parser = inFirst('src', 'parser.ts');
        await vscode.workspace.openTextDocument(parser);
        const cited = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', parser, new vscode.Position(11, 0)));
        assert.match(cited, /\*\*Cited by\*\* a handoff/);
        assert.ok(cited.includes(`[${escapeMarkdown(`${handoffName()} › Phase 1`)}](command:handoffNavigator.openCitation?`), cited);
        assert.match(cited, /as `src\/parser\.ts:12`/);
        const other = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', parser, new vscode.Position(2, 0)));
        assert.doesNotMatch(other, /Cited by/);
      });

      it('"Handoffs Citing This File" lists the citations and opens the one picked', async () => {
        const app = inSecond('src', 'app.ts');
        await vscode.window.showTextDocument(app);
        const picking = vscode.commands.executeCommand('handoffNavigator.citingHandoffs');
        // The quick pick is the workbench's own: accept its first (only) item as a keyboard user would.
        await new Promise((r) => setTimeout(r, 500));
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        await picking;
        const editor = await activeAt(inSecond('NEXT_SESSION.md'));
        assert.match(editor.document.lineAt(editor.selection.active.line).text, /`src\/app\.ts:2`/);
      });

      it('groups the breadcrumbs by file in the tree\'s Files section; a citation reveals its breadcrumb', async () => {
        const api = await getApi();
        const section = await waitFor('the Files section', () => api.tree.getChildren().find((n) => n.kind === 'files'));
        assert.equal(api.tree.getChildren().at(-1), section, 'after the handoffs');
        const labels = section.children.map((c) => c.label);
        for (const name of [`${first().name}/src/parser.ts`, `${first().name}/src/app.ts`, `${second().name}/src/app.ts`, `${first().name}/src/lib/helper.ts`]) {
          assert.ok(labels.includes(name), `${name} in ${labels.join(', ')}`);
        }
        const parser = section.children.find((c) => c.label === `${first().name}/src/parser.ts`)!;
        assert.deepEqual(parser.children.map((c) => `${c.label} | ${c.description}`), [`${handoffName()} › Phase 1 | src/parser.ts:12`]);
        const item = api.tree.getTreeItem(parser.children[0]!);
        await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
        const editor = await activeAt(inFirst('HANDOFF.md'));
        assert.match(editor.document.lineAt(editor.selection.active.line).text, /`src\/parser\.ts:12`/);
        // The file's own node opens the file.
        const open = api.tree.getTreeItem(parser);
        await vscode.commands.executeCommand(open.command!.command, ...(open.command!.arguments ?? []));
        await activeAt(inFirst('src', 'parser.ts'));
      });
    });
  });
}
