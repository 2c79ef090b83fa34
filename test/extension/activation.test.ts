// The extension loads and activates in a real VS Code extension host, from the folder the run
// says it comes from (the development folder, or the extensions dir a VSIX was installed into).
import * as assert from 'node:assert/strict';
import { sep } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor } from './helpers';
import manifest from '../../package.json';

const CHANNEL_NAME = 'Handoff Navigator';


describe('activation', () => {
  let extension: vscode.Extension<unknown>;

  before(() => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is not among the host's extensions`);
    extension = found;
  });

  it('is loaded from the expected location with this manifest', () => {
    assert.equal(extension.packageJSON.version, manifest.version);
    // Set by test/host/run-tests.mjs: proves a VSIX run tests the installed copy, not the repo.
    const expected = process.env.HANDOFF_TEST_EXTENSION_UNDER;
    if (expected !== undefined) {
      const path = extension.extensionUri.fsPath;
      assert.ok(path === expected || path.startsWith(expected + sep), `${path} is not under ${expected}`);
    }
  });

  it('activates in the real extension host', async () => {
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers its log output channel with the workbench', async () => {
    await extension.activate();
    // The workbench adds a "show channel" command per registered output channel; the extension
    // creates its channel only in activate(), so this proves activate() ran in this host. A log
    // channel's id is `<extension id>.<name>` (1.100) or `<extension id>.<name>.log` (1.139).
    const prefix = `workbench.action.output.show.${EXTENSION_ID}.${CHANNEL_NAME}`;
    const command = await waitFor('the output channel command', async () =>
      (await vscode.commands.getCommands(false)).find((id) => id === prefix || id === `${prefix}.log`),
    );
    await vscode.commands.executeCommand(command);
  });
});

describe('fixture workspace', () => {
  it('is the workspace the run opened, with a handoff in it', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'expected exactly one workspace folder');
    const expected = process.env.HANDOFF_TEST_WORKSPACE;
    if (expected !== undefined) assert.equal(folders[0].uri.fsPath, expected);
    const handoffs = await vscode.workspace.findFiles('**/HANDOFF.md', '**/node_modules/**');
    assert.ok(handoffs.length > 0, 'no HANDOFF.md in the workspace');
    const doc = await vscode.workspace.openTextDocument(handoffs[0]);
    assert.equal(doc.languageId, 'markdown');
  });
});
