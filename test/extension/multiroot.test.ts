// A multi-root workspace: handoffs are found in every folder, each analysed against its own folder. The
// tests register only when the window has several folders; `npm run test:host` runs them in a two-folder
// workspace (test/host/workspace.mjs: the git fixture, and a plain folder) and requires that they ran.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { codesAt, getApi, waitFor } from './helpers';

const folders = vscode.workspace.workspaceFolders ?? [];

if (folders.length > 1) {
  describe('multi-root workspace', () => {
    const second = () => folders[1].uri.fsPath;

    it('finds the handoffs of every folder, and only handoffs', async () => {
      const api = await getApi();
      const paths = await waitFor('handoffs from both folders', () => {
        const all = api.store.all().map((h) => h.uri.fsPath);
        return all.some((p) => p.startsWith(second())) && all.some((p) => p.startsWith(folders[0].uri.fsPath)) ? all : undefined;
      });
      assert.deepEqual(paths.filter((p) => p.startsWith(second())).sort(), [
        join(second(), 'NEXT_SESSION.md'), join(second(), 'docs', 'handoffs', 'week-2.md'),
      ]);
      assert.ok(paths.includes(join(folders[0].uri.fsPath, 'HANDOFF.md')));
      assert.equal(api.store.isHandoff(vscode.Uri.file(join(second(), 'notes.md'))), false);
    });

    it('shows both folders\' handoffs in the tree and reports each one\'s problems', async () => {
      const api = await getApi();
      const labels = api.tree.getChildren().map((n) => String(api.tree.getTreeItem(n).label));
      for (const name of ['HANDOFF.md', 'NEXT_SESSION.md', 'week-2.md']) assert.ok(labels.some((l) => l.includes(name)), `${name} in ${labels.join(', ')}`);
      const week2 = vscode.Uri.file(join(second(), 'docs', 'handoffs', 'week-2.md'));
      const codes = await waitFor('the open next step of week-2.md', () => (codesAt(week2).length ? codesAt(week2) : undefined));
      assert.deepEqual(codes, ['unchecked-step'], 'one open numbered step; the ✅ one is done');
      // The first folder is the git fixture: its handoff still gets git diagnostics.
      const handoff = vscode.Uri.file(join(folders[0].uri.fsPath, 'HANDOFF.md'));
      const first = await waitFor('git diagnostics in the fixture folder', () => (codesAt(handoff).includes('unpushed-commit') ? codesAt(handoff) : undefined));
      assert.ok(first.includes('unknown-commit'));
    });
  });
}
