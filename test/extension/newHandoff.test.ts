// New Handoff in the real host: the command (slug given as its argument, so no input box) writes
// docs/handoffs/<today>-<slug>.md through one WorkspaceEdit, from the fixture repository — front matter, upstream
// ahead/behind, the unpushed commit, the previous handoff's open steps — opens it, and Undo removes it. The folder
// and template settings are honoured; in an untrusted workspace it runs no git and offers the plain template.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { HandoffNavigatorApi } from '../../src/vscode/extension';
import { closeAllEditors, getApi, git, removeWorkspaceFile, waitFor, workspaceRoot, writeWorkspaceFile } from './helpers';

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** A bound on waiting for analyses on a busy machine (not a speed claim: `npm run bench` measures speed). */
const SLOW = 60_000;

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

describe('New Handoff', function () {
  this.timeout(3 * SLOW);
  let api: HandoffNavigatorApi;
  before(async () => { api = await getApi(); });
  afterEach(async () => {
    await closeAllEditors();
    removeWorkspaceFile('docs');
    removeWorkspaceFile('notes');
    removeWorkspaceFile('.handoff-template.md');
    const config = vscode.workspace.getConfiguration('handoffNavigator');
    await config.update('newHandoff.folder', undefined, vscode.ConfigurationTarget.Workspace);
    await config.update('newHandoff.template', undefined, vscode.ConfigurationTarget.Workspace);
    api.setTrusted(undefined);
    await api.store.whenIdle();
  });

  it('writes the handoff from the repository through one edit, opens it, and Undo removes it', async () => {
    const root = workspaceRoot();
    const head = git(root, 'rev-parse', 'HEAD');
    const [behind, ahead] = git(root, 'rev-list', '--left-right', '--count', 'origin/main...HEAD').split(/\s+/);
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('handoffNavigator.newHandoff', { slug: 'Host test' });
    if (!uri) assert.fail('the command returns the new handoff');
    assert.equal(uri.fsPath, vscode.Uri.file(join(root, 'docs', 'handoffs', `${today()}-host-test.md`)).fsPath);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString(), 'the new handoff is in the editor');
    const text = editor!.document.getText();
    assert.match(text, new RegExp(`^---\\ndate: ${today()}\\ngit_commit: ${head}\\nbranch: main\\nrepository: [^\\n]+\\nstatus: in_progress\\n---\\n`));
    assert.match(text, new RegExp(`- Upstream: \`origin/main\`, ${ahead} ahead, ${behind} behind`));
    assert.match(text, new RegExp(`## Unpushed commits\\n\\nOn no remote-tracking branch yet, newest first:\\n\\n- \`${head.slice(0, 7)}\``));
    assert.match(text, /Still open in \[HANDOFF\.md\]\(\.\.\/\.\.\/HANDOFF\.md\):\n\n- \[ \] Resume: wire the widget from `src\/widget\.ts:5` into `src\/app\.ts:30`\./);
    assert.match(text, /## Resume point\n/);

    // The store reads it back: the steps carried over are open steps, the commits are checked.
    const analysed = await waitFor('the new handoff analysed', () => {
      const h = api.store.get(uri);
      return h && h.analysis.model.steps.length === 2 && h.analysis.commitStates.size > 0 && h;
    }, SLOW);
    const codes = analysed.analysis.diagnostics.map((d) => `${d.code}@${d.range.start.line}`);
    assert.ok(codes.includes(`unpushed-commit@${lineOf(text, 'git_commit:')}`), codes.join(', '));
    assert.deepEqual(codes.filter((c) => c.startsWith('unchecked-step')).length, 2);
    // Nothing else but what the previous handoff's own step says (a commit that is not in the repository).
    assert.deepEqual([...new Set(codes.map((c) => c.slice(0, c.indexOf('@'))))].sort(), ['unchecked-step', 'unknown-commit', 'unpushed-commit']);
    assert.equal(api.store.all()[0]?.uri.toString(), uri.toString(), 'it is the newest handoff now');

    // Undo, with the new handoff in the editor, takes the whole edit back: the file is gone, not left empty.
    await vscode.window.showTextDocument(uri);
    await vscode.commands.executeCommand('undo');
    await waitFor('Undo to remove the new file', () => !existsSync(uri.fsPath), SLOW);
    await waitFor('the handoff to leave the store', () => !api.store.isHandoff(uri), SLOW);
  });

  it('writes where newHandoff.folder says, from the template newHandoff.template names', async () => {
    writeWorkspaceFile('.handoff-template.md', '# {{title}} on {{branch}}\n\nAfter {{previous}}.\n\n{{carriedOver}}\n');
    const config = vscode.workspace.getConfiguration('handoffNavigator');
    await config.update('newHandoff.folder', 'notes/handoffs', vscode.ConfigurationTarget.Workspace);
    await config.update('newHandoff.template', '.handoff-template.md', vscode.ConfigurationTarget.Workspace);
    await waitFor('the settings to apply', () => api.settings().newHandoff.template === '.handoff-template.md');
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('handoffNavigator.newHandoff', { slug: 'templated' });
    assert.ok(uri);
    assert.equal(uri.fsPath, vscode.Uri.file(join(workspaceRoot(), 'notes', 'handoffs', `${today()}-templated.md`)).fsPath);
    const text = vscode.window.activeTextEditor!.document.getText();
    assert.match(text, /^# Templated on main\n\nAfter \[HANDOFF\.md\]\(\.\.\/\.\.\/HANDOFF\.md\)\.\n\nStill open in /);
    // Refuses to write over it.
    await vscode.window.activeTextEditor!.document.save();
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('handoffNavigator.newHandoff', { slug: 'templated' });
    assert.equal(again, undefined);
    assert.match(readFileSync(uri.fsPath, 'utf8'), /^# Templated on main/);
  });

  it('runs no git in an untrusted workspace: it explains and writes nothing, and the plain template carries the steps only', async () => {
    api.setTrusted(false);
    await api.store.whenIdle();
    const before = api.gitProcessesStarted();
    const none = await vscode.commands.executeCommand<vscode.Uri | undefined>('handoffNavigator.newHandoff', { slug: 'untrusted' });
    assert.equal(none, undefined);
    assert.equal(existsSync(join(workspaceRoot(), 'docs', 'handoffs', `${today()}-untrusted.md`)), false);
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('handoffNavigator.newHandoff', { slug: 'untrusted', plain: true });
    assert.ok(uri);
    const text = vscode.window.activeTextEditor!.document.getText();
    assert.doesNotMatch(text, /git_commit:|branch:/);
    assert.match(text, /- Not read: the workspace is not trusted, so git was not run\./);
    assert.match(text, /- \[ \] Resume: wire the widget/);
    await api.store.whenIdle();
    assert.equal(api.gitProcessesStarted(), before, 'a git process started in an untrusted workspace');
  });
});
