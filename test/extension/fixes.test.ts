// Quick fixes in the real host, over the fixture repository: each fix is fetched the way the light bulb fetches it
// (`vscode.executeCodeActionProvider`; it returns no `diagnostics` of an action, so their attachment is not checked
// here), applied with `workspace.applyEdit`, the text checked, and Undo restores it;
// the source.fixAll.handoff kind (as on save) and its command; "Push…" through the Git extension after the
// confirmation; the Handoffs view's step checkboxes and its "Quick Fix…" command.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { HandoffNavigatorApi } from '../../src/vscode/extension';
import type { TreeNode } from '../../src/vscode/tree/model';
import { writeCollidingObjects, type CollidingObjects } from '../fixtures/git/collide';
import { FixtureGit } from '../fixtures/git/exec';
import { closeAllEditors, codesAt, diagnosticLines, getApi, git, removeWorkspaceFile, waitFor, workspaceRoot, writeWorkspaceFile } from './helpers';

const HANDOFF = 'docs/handoffs/fixes-test.md';
const s7 = (sha: string) => sha.slice(0, 7);

describe('quick fixes', function () {
  this.timeout(90_000);
  let api: HandoffNavigatorApi;
  let root: string;
  let blob: CollidingObjects;
  const sha = { initial: '', parser: '', rename: '', featureA: '', squash: '' };

  before(async () => {
    api = await getApi();
    // The test host's workspace is not trusted; the fixes come from git facts.
    api.setTrusted(true);
    root = workspaceRoot();
    sha.initial = git(root, 'rev-list', '--max-parents=0', 'main');
    sha.parser = git(root, 'rev-parse', 'v1.0.0^{commit}');
    sha.rename = git(root, 'log', '-1', '--format=%H', '--', 'src/lib/helper.ts');
    sha.squash = git(root, 'log', '-1', '--format=%H', '--grep=^Squashed commit', 'main');
    // `git merge --squash` lists what it squashed as "commit <sha>" lines: the feature's first commit is the last.
    const squashed = [...git(root, 'log', '-1', '--format=%B', sha.squash).matchAll(/^commit ([0-9a-f]{40})$/gm)].map((m) => m[1]!);
    sha.featureA = squashed[squashed.length - 1]!;
    // A commit and a blob sharing a 7-hex prefix: an abbreviation too short.
    blob = writeCollidingObjects(new FixtureGit(), root, 'blob');
  });

  after(async () => {
    api.setPushConfirmation(undefined);
    await closeAllEditors();
    removeWorkspaceFile(HANDOFF);
    api.setTrusted(undefined);
    await api.store.whenIdle();
  });

  /** Writes the test handoff, opens it, and waits for its analysis with git facts and the expected diagnostics. */
  async function open(text: string, expect: string[]): Promise<{ uri: vscode.Uri; editor: vscode.TextEditor }> {
    await closeAllEditors();
    const uri = writeWorkspaceFile(HANDOFF, text);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor(`diagnostics ${expect.join(', ')}`, () => {
      const a = api.store.get(uri);
      return a?.version === editor.document.version && a.analysis.facts && expect.every((c) => codesAt(uri).includes(c));
    });
    return { uri, editor };
  }

  function at(document: vscode.TextDocument, needle: string, offset = 1): vscode.Range {
    const i = document.getText().indexOf(needle);
    assert.ok(i >= 0, `${needle} is not in the handoff`);
    const p = document.positionAt(i + offset);
    return new vscode.Range(p, p);
  }

  /**
   * The actions at a range once there are any, as the light bulb shows them: VS Code asks again when the
   * diagnostics change, so a request that met an analysis being superseded (a git refresh) is simply asked again.
   */
  async function actionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
    return waitFor('code actions', async () => {
      const found = await requestActions(uri, range, kind);
      return found.length ? found : undefined;
    }).catch(() => []);
  }

  async function requestActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
    return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
  }

  /** Applies the action's edit, checks the text, undoes, and checks the text is back. */
  async function applyAndUndo(editor: vscode.TextEditor, action: vscode.CodeAction | undefined, expected: string): Promise<void> {
    assert.ok(action?.edit, 'expected an action with an edit');
    const before = editor.document.getText();
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    assert.equal(editor.document.getText(), expected);
    assert.ok(editor.document.isDirty, 'the edit is not saved for the user');
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitFor('undo to restore the text', () => editor.document.getText() === before);
  }

  it('rewrites a renamed file\'s breadcrumb and its link target, keeping the line; Undo restores it', async () => {
    const text = '# Fixes test\n\n- Helper: `src/old/helper.ts:4`.\n- Also [src/old/helper.ts](../../src/old/helper.ts#L4).\n';
    const { uri, editor } = await open(text, ['missing-file']);
    const actions = await actionsAt(uri, at(editor.document, 'src/old/helper.ts:4'));
    const fix = actions.find((a) => a.title.startsWith('Update the path to src/lib/helper.ts'));
    assert.ok(fix, `${actions.map((a) => a.title).join('\n')}\n${JSON.stringify(api.store.get(uri)?.analysis.facts?.files)}\n${diagnosticLines(uri).join('\n')}`);
    assert.equal(fix.title, `Update the path to src/lib/helper.ts (renamed in ${s7(sha.rename)})`);
    assert.equal(fix.kind?.value, 'quickfix');
    assert.equal(fix.isPreferred, true);
    await applyAndUndo(editor, fix, text.replace('`src/old/helper.ts:4`', '`src/lib/helper.ts:4`'));
    const link = (await actionsAt(uri, at(editor.document, '../../src/old'))).find((a) => a.title.startsWith('Update the path'));
    await applyAndUndo(editor, link, text.replace('[src/old/helper.ts](../../src/old/helper.ts#L4)', '[src/lib/helper.ts](../../src/lib/helper.ts#L4)'));
  });

  it('lengthens an abbreviation shared with a blob, and replaces a squash-merged commit with the squash', async () => {
    const text = `# Fixes test\n\n- Probe: commit \`${blob.prefix}\`.\n- Widget: commit \`${s7(sha.featureA)}\`.\n`;
    const { uri, editor } = await open(text, ['ambiguous-commit', 'unknown-commit']);
    const expand = (await actionsAt(uri, at(editor.document, blob.prefix))).find((a) => a.title.startsWith('Lengthen'));
    assert.equal(expand?.title, `Lengthen ${blob.prefix} to ${blob.commit.slice(0, 12)}, the only commit it matches (1 other object shares it)`);
    await applyAndUndo(editor, expand, text.replace(blob.prefix, blob.commit.slice(0, 12)));
    const squash = (await actionsAt(uri, at(editor.document, s7(sha.featureA)))).find((a) => a.title.startsWith('Replace with'));
    assert.equal(squash?.title, `Replace with ${s7(sha.squash)}, the squash merge it went into`);
    await applyAndUndo(editor, squash, text.replace(s7(sha.featureA), s7(sha.squash)));
  });

  it('offers a contradicted branch claim the tip at the handoff\'s commit and the tip now, each saying which', async () => {
    const text = `---\ngit_commit: ${sha.initial}\n---\n# Fixes test\n\n| Branch | Tip |\n|---|---|\n| release/1.0 | ${s7(sha.rename)} |\n`;
    const { uri, editor } = await open(text, ['stale-ref']);
    const actions = (await actionsAt(uri, at(editor.document, 'release/1.0 |'))).filter((a) => a.title.startsWith('Set to'));
    assert.deepEqual(actions.map((a) => a.title), [
      `Set to ${s7(sha.initial)}, release/1.0's tip at this handoff's commit`, `Set to ${s7(sha.parser)}, release/1.0's tip now`,
    ]);
    assert.ok(actions.every((a) => a.kind?.value === 'quickfix' && !a.isPreferred), 'a real choice: neither is preferred');
    await applyAndUndo(editor, actions[0], text.replace(`| ${s7(sha.rename)} |`, `| ${s7(sha.initial)} |`));
    await applyAndUndo(editor, actions[1], text.replace(`| ${s7(sha.rename)} |`, `| ${s7(sha.parser)} |`));
  });

  it('ticks an open step and marks a numbered resume step done in the document\'s own style', async () => {
    const text = '# Fixes test\n\n- [ ] Write the exporter.\n\n## Next steps\n\n1. ~~Review the parser.~~\n2. Ship the exporter.\n';
    const { uri, editor } = await open(text, ['unchecked-step']);
    const tick = (await actionsAt(uri, at(editor.document, 'Write the'))).find((a) => a.title.startsWith('Mark step done'));
    assert.equal(tick?.title, 'Mark step done ([x])');
    await applyAndUndo(editor, tick, text.replace('- [ ] Write', '- [x] Write'));
    const numbered = (await actionsAt(uri, at(editor.document, 'Ship the'))).find((a) => a.title.startsWith('Mark step done'));
    assert.equal(numbered?.title, 'Mark step done (~~struck~~)');
    await applyAndUndo(editor, numbered, text.replace('2. Ship the exporter.', '2. ~~Ship the exporter.~~'));
  });

  it('fixes all safe problems as source.fixAll.handoff (as on save) and by its command; the rest stays', async () => {
    const text = `# Fixes test\n\n- \`src/old/helper.ts:4\` and commit \`${blob.prefix}\`.\n- Widget: commit \`${s7(sha.featureA)}\`.\n- [ ] Next\n`;
    const fixed = text.replace('src/old/helper.ts:4', 'src/lib/helper.ts:4').replace(blob.prefix, blob.commit.slice(0, 12));
    const { uri, editor } = await open(text, ['missing-file', 'ambiguous-commit', 'unknown-commit']);
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const all = await actionsAt(uri, whole, 'source.fixAll.handoff');
    assert.deepEqual(all.map((a) => [a.title, a.kind?.value]), [['Fix all safe problems in this file', 'source.fixAll.handoff']]);
    await applyAndUndo(editor, all[0], fixed);
    // `source.fixAll` (what `editor.codeActionsOnSave` asks for) includes it; a plain quick-fix request does not.
    assert.ok((await actionsAt(uri, whole, 'source.fixAll')).some((a) => a.kind?.value === 'source.fixAll.handoff'));
    const quick = await actionsAt(uri, at(editor.document, s7(sha.featureA)), 'quickfix');
    assert.ok(quick.length && !quick.some((a) => a.kind?.value === 'source.fixAll.handoff'), quick.map((a) => a.title).join('\n'));
    // In the light bulb (no kind asked) only where a safe fix is at hand.
    assert.ok((await actionsAt(uri, at(editor.document, 'src/old'))).some((a) => a.kind?.value === 'source.fixAll.handoff'));
    assert.ok(!(await requestActions(uri, at(editor.document, 'Widget'))).some((a) => a.kind?.value === 'source.fixAll.handoff'));
    assert.equal(await vscode.commands.executeCommand('handoffNavigator.fixAll'), 2);
    assert.equal(editor.document.getText(), fixed);
    await vscode.commands.executeCommand('undo');
    await waitFor('undo of fix all', () => editor.document.getText() === text);
  });

  it('ticks and unticks steps from the Handoffs view\'s checkboxes, in the document, undoably', async () => {
    const text = '# Fixes test\n\n- [ ] Write the exporter.\n- [x] Review the parser.\n\n## Next steps\n\n1. Ship it.\n';
    const { uri, editor } = await open(text, ['unchecked-step']);
    const stepNode = (label: string) => waitFor(`the step "${label}" in the tree`, () => {
      const handoff = api.tree.getChildren().find((n) => n.handoff === uri.toString());
      const stack: TreeNode[] = handoff ? [handoff] : [];
      while (stack.length) {
        const n = stack.pop()!;
        if (n.kind === 'step' && n.label === label && api.store.get(uri)?.version === editor.document.version) return n;
        stack.push(...api.tree.getChildren(n));
      }
      return undefined;
    });
    const open1 = await stepNode('Write the exporter.');
    assert.equal((api.tree.getTreeItem(open1).checkboxState as { state: vscode.TreeItemCheckboxState }).state, vscode.TreeItemCheckboxState.Unchecked);
    const done = await stepNode('Review the parser.');
    assert.equal((api.tree.getTreeItem(done).checkboxState as { state: vscode.TreeItemCheckboxState }).state, vscode.TreeItemCheckboxState.Checked);
    const ship = await stepNode('Ship it.');
    await api.tree.applyCheckboxes([[open1, vscode.TreeItemCheckboxState.Checked], [done, vscode.TreeItemCheckboxState.Unchecked], [ship, vscode.TreeItemCheckboxState.Checked]]);
    // The document marks done items with [x]: the numbered step gets a box too.
    const ticked = '# Fixes test\n\n- [x] Write the exporter.\n- [ ] Review the parser.\n\n## Next steps\n\n1. [x] Ship it.\n';
    assert.equal(editor.document.getText(), ticked);
    assert.ok(editor.document.isDirty);
    // The view follows the document: the ticked step shows ticked once the new text is analysed.
    const after = await stepNode('Write the exporter.');
    assert.equal((api.tree.getTreeItem(after).checkboxState as { state: vscode.TreeItemCheckboxState }).state, vscode.TreeItemCheckboxState.Checked);
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitFor('undo of the ticks', () => editor.document.getText() === text);
  });

  it('applies a fix from the Handoffs view\'s "Quick Fix…" on a fixable item', async () => {
    const text = '# Fixes test\n\n- Helper: `src/old/helper.ts:4`.\n';
    const { uri, editor } = await open(text, ['missing-file']);
    const node = await waitFor('the fixable file node', () => {
      const handoff = api.tree.getChildren().find((n) => n.handoff === uri.toString());
      const stack: TreeNode[] = handoff ? [handoff] : [];
      while (stack.length) {
        const n = stack.pop()!;
        if (n.kind === 'file' && n.contextValue === 'file.missing.fixable') return n;
        stack.push(...api.tree.getChildren(n));
      }
      return undefined;
    });
    const fix = await vscode.commands.executeCommand<{ title: string }>('handoffNavigator.fixItem', node);
    assert.equal(fix?.title, `Update the path to src/lib/helper.ts (renamed in ${s7(sha.rename)})`);
    assert.equal(editor.document.getText(), text.replace('src/old/helper.ts:4', 'src/lib/helper.ts:4'));
    await vscode.commands.executeCommand('undo');
    await waitFor('undo of the view\'s fix', () => editor.document.getText() === text);
  });

  describe('Push…', () => {
    const branch = 'ext-fix-push';
    const folder = mkdtempSync(join(tmpdir(), 'handoff-push-'));
    const wt = join(folder, 'wt');
    let origin: string;
    let commit: string;

    before(() => {
      origin = git(root, 'remote', 'get-url', 'origin');
      // No upstream: the push sets one (`git push -u`), as for a branch never pushed.
      git(root, 'worktree', 'add', '-q', '--no-track', '-b', branch, wt, 'origin/main');
      writeFileSync(join(wt, 'push-fix.txt'), 'push fix\n');
      git(wt, 'add', 'push-fix.txt');
      git(wt, 'commit', '-q', '-m', 'Push fix test commit');
      commit = git(wt, 'rev-parse', 'HEAD');
    });

    after(() => {
      try { git(root, 'push', '-q', 'origin', '--delete', branch); } catch { /* never pushed */ }
      try { git(root, 'worktree', 'remove', '--force', wt); } catch { /* already gone */ }
      try { git(root, 'branch', '-q', '-D', branch); } catch { /* already gone */ }
      rmSync(folder, { recursive: true, force: true });
    });

    const onOrigin = () => {
      try { return git(origin, 'rev-parse', '--verify', '-q', `refs/heads/${branch}`); } catch { return ''; }
    };

    it('pushes only after the confirmation naming the branch and the remote, through the Git extension', async function () {
      const gitExtension = vscode.extensions.getExtension('vscode.git');
      if (!gitExtension) this.skip();
      const text = `# Fixes test\n\n- Done in commit ${commit.slice(0, 8)}.\n`;
      const { uri, editor } = await open(text, ['unpushed-commit']);
      const push = (await actionsAt(uri, at(editor.document, commit.slice(0, 8)))).find((a) => a.title.startsWith('Push'));
      assert.equal(push?.title, `Push ${commit.slice(0, 8)}…`);
      assert.equal(push?.edit, undefined, 'Push is a command, never an edit');
      const asked: string[] = [];
      api.setPushConfirmation(async (message, detail) => { asked.push(message, detail); return false; });
      assert.equal(await vscode.commands.executeCommand(push!.command!.command, ...push!.command!.arguments!), false);
      assert.equal(asked[0], `Push branch ${branch} to origin?`);
      assert.match(asked[1]!, new RegExp(`git push -u origin ${branch}`));
      assert.equal(onOrigin(), '', 'declined: nothing pushed');
      api.setPushConfirmation(async () => true);
      assert.equal(await vscode.commands.executeCommand(push!.command!.command, ...push!.command!.arguments!), true);
      assert.equal(onOrigin(), commit);
      await waitFor('the unpushed warning to go', () => !codesAt(uri).includes('unpushed-commit'), 30_000)
        .catch((e) => { throw new Error(`${e.message}\n${diagnosticLines(uri).join('\n')}`); });
    });
  });
});
