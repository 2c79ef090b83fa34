// A handoff's moment in the real host: over its title, how far the repository moved since it was committed ("not
// committed yet", "up to date", "+2 commits since this handoff"), following commits as they are made (the git
// watchers re-analyse); a click opens the commit that wrote it; over a branch
// claim that moved on, "main +2 since this handoff"; in the tree, "+2 since". And supersede: of two dated handoffs
// of one series in a folder, the older says "superseded by …" (lens and tree) and reports no open steps, until the
// newer one is renamed to an older date (then it is the one superseded).
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { HandoffNavigatorApi } from '../../src/vscode/extension';
import {
  closeAllEditors, codesAt, diagnosticLines, getApi, git, handoffUri, removeWorkspaceFile, waitFor, workspaceRoot, writeWorkspaceFile,
} from './helpers';

interface Lens {
  line: number;
  title: string;
  command: vscode.Command | undefined;
}

async function lensesOf(uri: vscode.Uri): Promise<Lens[]> {
  // The lens command asks the editor's model of the document: it must be open.
  await vscode.workspace.openTextDocument(uri);
  const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
  return found.map((l) => ({ line: l.range.start.line, title: l.command?.title ?? '', command: l.command }));
}

/** Waits for a lens on `line` whose title matches. */
async function lensOn(uri: vscode.Uri, line: number, title: RegExp, what: string): Promise<Lens> {
  let last: string[] = [];
  try {
    return await waitFor(what, async () => {
      const all = await lensesOf(uri);
      last = all.filter((l) => l.line === line).map((l) => l.title);
      return all.find((l) => l.line === line && title.test(l.title));
    });
  } catch (e) {
    throw new Error(`${(e as Error).message}; lenses on line ${line}: ${JSON.stringify(last)}`);
  }
}

describe('freshness and supersede', function () {
  this.timeout(90_000);
  let api: HandoffNavigatorApi;

  before(async () => {
    api = await getApi();
  });

  afterEach(() => closeAllEditors());

  it('says the demo handoff, never committed, is "not committed yet" over its title', async () => {
    const lens = await lensOn(handoffUri(), 0, /^not committed yet$/, 'the freshness lens on HANDOFF.md');
    assert.equal(lens.command?.command, '', 'nothing to open: there is no commit');
  });

  describe('a committed handoff', () => {
    // Committed on the fixture's main branch, which the other suites read: put back as it was afterwards.
    const rel = 'HANDOFF-freshness.md';
    let original: string;

    before(() => {
      original = git(workspaceRoot(), 'rev-parse', 'HEAD');
    });

    after(async () => {
      git(workspaceRoot(), 'reset', '-q', '--hard', original);
      removeWorkspaceFile(rel);
      await waitFor('the committed handoff to leave the store', () => !api.store.all().some((h) => h.uri.path.endsWith(`/${rel}`)));
      await api.store.whenIdle();
    });

    it('follows the repository: not committed yet, up to date once committed, then +N commits since', async () => {
      const root = workspaceRoot();
      const uri = writeWorkspaceFile(rel, `# Freshness test\n\nmain is at \`${original.slice(0, 7)}\`.\n\n## Next steps\n\n- [ ] Ship the app\n`);
      await lensOn(uri, 0, /^not committed yet$/, 'the uncommitted handoff\'s lens');

      git(root, 'add', rel);
      git(root, 'commit', '-q', '-m', 'Write the freshness handoff');
      const anchor = git(root, 'rev-parse', 'HEAD').slice(0, 7);
      await lensOn(uri, 0, new RegExp(`^up to date · ${anchor}, `), 'the lens once the handoff is committed');

      for (const n of [1, 2]) git(root, 'commit', '-q', '--allow-empty', '-m', `Work after the handoff ${n}`);
      const title = await lensOn(uri, 0, new RegExp(`^\\+2 commits since this handoff · ${anchor}, (.+ ago|yesterday|just now|on \\d{4}-\\d{2}-\\d{2})$`), 'the lens after two more commits');
      // The branch claim moved on: freshness over the claim, never a problem.
      await lensOn(uri, 2, /^main \+2 since this handoff$/, 'the moved branch lens');
      assert.ok(!codesAt(uri).includes('stale-ref'), diagnosticLines(uri).join('\n'));
      const node = api.tree.getChildren().find((n) => n.handoff === uri.toString());
      assert.match(node?.description ?? '', /· \+2 since ·/);

      // A click opens the commit that wrote the handoff (not a SHA the handoff cites).
      assert.equal(title.command?.command, 'handoffNavigator.openCommit');
      await vscode.commands.executeCommand(title.command!.command, ...(title.command!.arguments ?? []));
      const editor = await waitFor('the anchor commit\'s document', () =>
        vscode.window.activeTextEditor?.document.uri.scheme === 'handoff-commit' ? vscode.window.activeTextEditor : undefined);
      assert.match(editor.document.getText(), /^commit [0-9a-f]{40}\n[\s\S]*Write the freshness handoff/);
    });

    it('drops the freshness lenses when handoffNavigator.codeLens.freshness is off', async () => {
      const uri = vscode.Uri.file(join(workspaceRoot(), rel));
      await lensOn(uri, 0, /since this handoff/, 'the freshness lens');
      const config = vscode.workspace.getConfiguration('handoffNavigator');
      await config.update('codeLens.freshness', false, vscode.ConfigurationTarget.Workspace);
      try {
        let titles: string[] = [];
        await waitFor('the freshness lenses to go', async () => {
          titles = (await lensesOf(uri)).map((l) => l.title);
          return !titles.some((t) => /since this handoff/.test(t)) && titles.includes('0/1 step');
        }).catch((e: Error) => { throw new Error(`${e.message}; lenses: ${JSON.stringify(titles)}`); });
      } finally {
        await config.update('codeLens.freshness', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await lensOn(uri, 0, /since this handoff/, 'the freshness lens back');
    });
  });

  describe('two dated handoffs of one series in a folder', () => {
    const older = 'SESSION-HANDOFF-2026-05-19-older.md';
    const newer = 'SESSION-HANDOFF-2026-05-21-newer.md';
    const renamed = 'SESSION-HANDOFF-2026-05-18-renamed.md';

    after(async () => {
      for (const rel of [older, newer, renamed]) removeWorkspaceFile(rel);
      // Only these: other suites' handoffs may still be in the workspace, so the store's size says nothing.
      const gone = [older, newer, renamed].map((rel) => `/${rel}`);
      await waitFor('the test handoffs to be gone', () => !api.store.all().some((h) => gone.some((g) => h.uri.path.endsWith(g))));
    });

    it('marks the older one superseded (lens, tree, no open steps) while the newer one is there', async () => {
      const olderUri = writeWorkspaceFile(older, '# Monday handoff\n\n## Next steps\n\n- [ ] Monday open step\n');
      await waitFor('the older handoff\'s open step', () => codesAt(olderUri).includes('unchecked-step'));
      assert.equal(api.store.get(olderUri)?.analysis.supersededBy, null);

      const newerUri = writeWorkspaceFile(newer, '# Wednesday handoff\n\n## Next steps\n\n- [ ] Wednesday open step\n');
      // The older one is analysed again as the newer one appears: its open steps are the newer one's business.
      await waitFor('the older handoff to be superseded', () => api.store.get(olderUri)?.analysis.supersededBy === newerUri.fsPath);
      await waitFor('the older handoff\'s open step to leave Problems', () => !codesAt(olderUri).includes('unchecked-step'));
      await waitFor('the newer handoff\'s open step in Problems', () => codesAt(newerUri).includes('unchecked-step'));

      const lens = await lensOn(olderUri, 0, new RegExp(`^superseded by ${newer.replace(/\./g, '\\.')}$`), 'the superseded lens');
      // `vscode.open` comes back from the lens command as the workbench's own id.
      assert.match(lens.command?.command ?? '', /^(vscode|_workbench)\.open$/);
      assert.equal((lens.command!.arguments![0] as vscode.Uri).fsPath, newerUri.fsPath);
      assert.ok(!(await lensesOf(newerUri)).some((l) => l.title.startsWith('superseded')));

      const node = await waitFor('the older handoff in the tree', () => api.tree.getChildren().find((n) => n.handoff === olderUri.toString()));
      assert.match(node.description, new RegExp(`superseded by ${newer.replace(/\./g, '\\.')}`));
      assert.equal(node.icon.id, 'history');
      assert.doesNotMatch(node.description, /steps/, 'a superseded handoff has no work left to count');
      const newerNode = api.tree.getChildren().find((n) => n.handoff === newerUri.toString())!;
      assert.doesNotMatch(newerNode.description, /superseded/);
      assert.equal(api.tree.getChildren()[0].handoff, newerUri.toString(), 'the newer one is the newest');
      assert.equal(api.statusBar.text, '$(checklist) Handoff: 1 open step');
    });

    it('makes the older one current again when the newer one is renamed to an older date', async () => {
      const olderUri = vscode.Uri.file(join(workspaceRoot(), older));
      const newerUri = vscode.Uri.file(join(workspaceRoot(), newer));
      const renamedUri = vscode.Uri.file(join(workspaceRoot(), renamed));
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(newerUri, renamedUri);
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitFor('the older handoff to be current again', () => api.store.get(olderUri)?.analysis.supersededBy === null);
      await waitFor('its open step back in Problems', () => codesAt(olderUri).includes('unchecked-step'));
      await waitFor('the renamed one to be superseded by it', () => api.store.get(renamedUri)?.analysis.supersededBy === olderUri.fsPath);
      assert.ok(!codesAt(renamedUri).includes('unchecked-step'), diagnosticLines(renamedUri).join('\n'));
      await waitFor('no superseded lens on the older one', async () => !(await lensesOf(olderUri)).some((l) => l.title.startsWith('superseded')));
    });
  });
});
