// Suppression comments in the real host: a diagnostic a `<!-- handoff-lint-disable-next-line … -->` comment turns
// off is absent from the Problems panel while its twin on the next line stays, and deleting the comment (an edit)
// brings it back.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, diagnosticLines, getApi, removeWorkspaceFile, waitFor, writeWorkspaceFile } from './helpers';

const FILE = 'docs/handoffs/suppressed.md';
const TEXT = [
  '# Suppressed handoff', '',
  '## Next steps', '',
  '<!-- handoff-lint-disable-next-line unchecked-step -->',
  '- [ ] Step the comment hides',
  '- [ ] Step that stays',
  '<!-- handoff-lint-disable unchecked-step -->',
  '- [ ] Step under a disable',
  '<!-- handoff-lint-enable -->',
  '- [ ] Step after the enable',
  '',
].join('\n');

describe('suppression comments', () => {
  before(async () => { await getApi(); });
  after(async () => {
    await closeAllEditors();
    removeWorkspaceFile(FILE);
  });

  it('keeps a suppressed diagnostic out of Problems, and shows it again once the comment is deleted', async () => {
    const uri = writeWorkspaceFile(FILE, TEXT);
    const shown = await waitFor('the unsuppressed steps in Problems', () => {
      const lines = diagnosticLines(uri);
      return lines.some((l) => l.includes('Step that stays')) && lines.some((l) => l.includes('Step after the enable')) ? lines : undefined;
    });
    assert.ok(!shown.some((l) => l.includes('Step the comment hides')), shown.join('\n'));
    assert.ok(!shown.some((l) => l.includes('Step under a disable')), shown.join('\n'));
    assert.deepEqual(shown.map((l) => l.slice(0, l.indexOf(':'))), ['unchecked-step@6', 'unchecked-step@10']);

    const doc = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.delete(uri, new vscode.Range(4, 0, 5, 0));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the step to come back once its comment is gone', () => diagnosticLines(uri).some((l) => l.includes('Step the comment hides')));
    await doc.save();
  });
});
