// Issue 12, item 7 in the real host: a breadcrumb whose file is a symbolic link out of the workspace folder (a
// `secret.txt` → a file elsewhere) is never previewed by the hover: nothing of the target's text reaches the editor.
// Nor is one whose file is a FIFO (item 1's fault, met by the hover): it is said to be no regular file, not missing.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { HandoffNavigatorApi } from '../../src/vscode/extension';
import { fifoInPlaceOf } from '../fixtures/git/hostile';
import { closeAllEditors, getApi, removeWorkspaceFile, waitFor, workspaceRoot, writeWorkspaceFile } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
}

describe('a breadcrumb through a symbolic link out of the workspace', function () {
  this.timeout(90_000);
  let api: HandoffNavigatorApi;
  let outside: string;
  let fifo: { stop(): void } | null = null;

  before(async () => {
    api = await getApi();
    outside = mkdtempSync(join(tmpdir(), 'outside-'));
    writeFileSync(join(outside, 'secret.txt'), 'TOP-SECRET-LINE-1\nTOP-SECRET-LINE-2\n');
  });

  after(async () => {
    fifo?.stop();
    removeWorkspaceFile('docs/links');
    rmSync(outside, { recursive: true, force: true });
    await closeAllEditors();
    await api.store.whenIdle();
  });

  it('the hover says it leads out of the workspace and shows none of the target', async () => {
    writeWorkspaceFile('docs/links/README.txt', 'inside\n');
    symlinkSync(join(outside, 'secret.txt'), join(workspaceRoot(), 'docs', 'links', 'secret.txt'));
    // Markdown escapes the name (`secret\.txt`): any hover of the breadcrumb will do.
    const md = await hoverOf('HANDOFF-links.md', '- Read `docs/links/secret.txt:1` for the key', 'docs/links/secret.txt', 'secret', 30_000);
    assert.ok(!md.includes('TOP-SECRET'), md);
    assert.match(md, /out of the workspace|outside/, md);
  });

  it('a breadcrumb whose file is a FIFO (a link to one in the workspace): not read, and not called missing', async () => {
    writeWorkspaceFile('docs/links/README.txt', 'inside\n');
    // The link is what the listing has (git lists no FIFO); the watchdog would release a waiting read after a minute.
    fifo = fifoInPlaceOf(join(workspaceRoot(), 'docs', 'links', 'queue'), 60_000);
    symlinkSync('queue', join(workspaceRoot(), 'docs', 'links', 'pipe.txt'));
    const md = await hoverOf('HANDOFF-pipe.md', '- Fed `docs/links/pipe.txt:1` to the worker', 'docs/links/pipe.txt', 'pipe', 20_000);
    assert.match(md, /not a regular file/, md);
    assert.doesNotMatch(md, /not in the workspace|moved, renamed or deleted/, md);
  });

  /** A handoff in docs/links whose one step is `line`, analysed and open: the hover on `crumb`, once it names `shows`. */
  async function hoverOf(name: string, line: string, crumb: string, shows: string, ms: number): Promise<string> {
    const text = `# Handoff\n\n## Done\n\n${line}\n`;
    const uri = writeWorkspaceFile(`docs/links/${name}`, text);
    await vscode.commands.executeCommand('handoffNavigator.refresh');
    await api.store.whenIdle();
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const at = doc.positionAt(text.indexOf(crumb) + 5);
    return waitFor('a hover on the breadcrumb', async () => {
      const h = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at));
      return h.includes(shows) ? h : undefined;
    }, ms);
  }
});
