// Problems-panel diagnostics in the real host: what the fixture handoff gets, and that they follow edits
// (debounced, never stale), a `git push` (the unpushed warning goes away) and a `git commit --amend` (the old
// SHA becomes unknown). The git situations are made in a linked worktree on a branch of their own, so the
// fixture's main branch (which the other suites read) is left as it was.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { HandoffNavigatorApi } from '../../src/vscode/extension';
import {
  closeAllEditors, codesAt, diagnosticLines, getApi, git, handoffUri, removeWorkspaceFile, waitFor, workspaceRoot,
  writeWorkspaceFile,
} from './helpers';

describe('diagnostics', () => {
  let api: HandoffNavigatorApi;

  before(async () => {
    api = await getApi();
  });

  afterEach(async () => {
    api.setBeforeLand(undefined);
    await closeAllEditors();
  });

  it('lists the fixture handoff\'s problems with codes, severities, rule links and related locations', async () => {
    const uri = handoffUri();
    const diags = await waitFor('diagnostics of HANDOFF.md', () => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'handoff');
      return d.some((x) => codeOf(x) === 'unpushed-commit') ? d : undefined;
    });
    const lines = diagnosticLines(uri);
    const unpushed = diags.find((d) => codeOf(d) === 'unpushed-commit')!;
    assert.equal(unpushed.severity, vscode.DiagnosticSeverity.Warning, lines.join('\n'));
    assert.match(unpushed.message, /not pushed/);
    const target = (unpushed.code as { target: vscode.Uri }).target;
    assert.equal(target.fragment, 'unpushed-commit');
    assert.match(target.path, /README\.md$/);
    const step = diags.find((d) => codeOf(d) === 'unchecked-step');
    assert.equal(step?.severity, vscode.DiagnosticSeverity.Information, lines.join('\n'));
    assert.ok(codesAt(uri).includes('unknown-commit'), lines.join('\n'));
    assert.ok(codesAt(uri).includes('missing-file'), lines.join('\n'));
    // Every related path became a Location in the workspace.
    for (const d of diags) {
      for (const r of d.relatedInformation ?? []) assert.ok(r.location.uri.fsPath.startsWith(workspaceRoot()) || r.location.uri.scheme === 'file', r.location.uri.toString());
    }
  });

  it('follows edits after the debounce, and a result for an older version never lands', async () => {
    const uri = handoffUri();
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const original = doc.getText();
    try {
      await editThenCheck(doc, editor);
    } finally {
      // Leave the file as the other suites expect it: same text, saved, editor clean.
      api.setBeforeLand(undefined);
      await editor.edit((b) => b.replace(new vscode.Range(0, 0, doc.lineCount, 0), original));
      await doc.save();
      await waitFor('the original text to be analysed again', () => api.store.get(uri)?.version === doc.version);
    }
  });

  async function editThenCheck(doc: vscode.TextDocument, editor: vscode.TextEditor): Promise<void> {
    const uri = doc.uri;
    const end = doc.lineAt(doc.lineCount - 1).range.end;

    // One edit: a new open step gets its diagnostic.
    await editor.edit((b) => b.insert(end, '\n- [ ] First step from the test\n'));
    await waitFor('the new step\'s diagnostic', () => diagnosticLines(uri).some((l) => l.includes('First step from the test')));

    // The analysis of the next version is held back; a later edit's analysis overtakes it.
    const held = doc.version + 1;
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    let heldReached = false;
    api.setBeforeLand(async (u, version) => {
      if (u.toString() === uri.toString() && version === held) { heldReached = true; await gate; }
    });
    const firstLine = doc.lineCount - 2;
    await editor.edit((b) => b.replace(doc.lineAt(firstLine).range, '- [ ] Stale step that must not land'));
    assert.equal(doc.version, held);
    await waitFor('the held analysis to reach its landing', () => heldReached);
    await editor.edit((b) => b.replace(doc.lineAt(firstLine).range, '- [ ] Fresh step that must land'));
    await waitFor('the fresh step\'s diagnostic', () => diagnosticLines(uri).some((l) => l.includes('Fresh step')));
    release();
    await api.store.whenIdle();
    const lines = diagnosticLines(uri);
    assert.ok(lines.some((l) => l.includes('Fresh step')), lines.join('\n'));
    assert.ok(!lines.some((l) => l.includes('Stale step') || l.includes('First step')), lines.join('\n'));
    assert.equal(api.store.get(uri)?.version, doc.version);
  }

  describe('git state changes', () => {
    const worktree = mkdtempSync(join(tmpdir(), 'handoff-wt-'));
    const wt = join(worktree, 'wt');
    const handoffRel = 'SESSION-HANDOFF-git-test.md';

    before(() => {
      git(workspaceRoot(), 'worktree', 'add', '-q', '-b', 'ext-git-test', wt, 'origin/main');
    });

    after(() => {
      removeWorkspaceFile(handoffRel);
      try { git(workspaceRoot(), 'worktree', 'remove', '--force', wt); } catch { /* already gone */ }
      rmSync(worktree, { recursive: true, force: true });
    });

    function commit(file: string, message: string): string {
      writeFileSync(join(wt, file), `${message}\n`);
      git(wt, 'add', file);
      git(wt, 'commit', '-q', '-m', message);
      return git(wt, 'rev-parse', 'HEAD');
    }

    it('drops the unpushed warning after `git push`', async () => {
      const sha = commit('push-test.txt', 'Push test commit');
      const uri = writeWorkspaceFile(handoffRel, `# Git test\n\n- Done in commit ${sha.slice(0, 8)}.\n`);
      await waitFor('the unpushed warning', () => codesAt(uri).includes('unpushed-commit'));
      git(wt, 'push', '-q', 'origin', 'ext-git-test');
      await waitFor('the unpushed warning to go', () => !codesAt(uri).includes('unpushed-commit') && api.store.get(uri) !== undefined);
      assert.deepEqual(codesAt(uri).filter((c) => c !== 'unchecked-step'), [], diagnosticLines(uri).join('\n'));
    });

    it('reports the old SHA as unknown after `git commit --amend`', async () => {
      const sha = commit('amend-test.txt', 'Amend test commit');
      const uri = writeWorkspaceFile(handoffRel, `# Git test\n\n- Done in commit ${sha.slice(0, 8)}.\n`);
      await waitFor('the unpushed warning', () => codesAt(uri).includes('unpushed-commit'));
      git(wt, 'commit', '-q', '--amend', '-m', 'Amend test commit, reworded');
      await waitFor('the old SHA to become unknown', () => codesAt(uri).includes('unknown-commit'));
      assert.ok(!codesAt(uri).includes('unpushed-commit'), diagnosticLines(uri).join('\n'));
      assert.match(diagnosticLines(uri).find((l) => l.startsWith('unknown-commit'))!, /no branch/);
    });
  });
});

function codeOf(d: vscode.Diagnostic): unknown {
  return typeof d.code === 'object' ? d.code.value : d.code;
}
