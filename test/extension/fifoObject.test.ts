// Issue 12, item 1 in the real host: a repository whose folder's tree object is a FIFO. The extension reads the
// object store itself for a commit's files (a bare-name breadcrumb is looked up in the handoff's commit): a plain open
// of that FIFO would block the extension host's thread for good — every extension in the window with it, out of
// reach of any time limit. It is refused at once; git is asked instead, runs into the time limit on the same FIFO,
// and the user is told once for the repository while the handoff's parse-only findings stand.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { HandoffNavigatorApi } from '../../src/vscode/extension';
import { fifoInPlaceOf, looseObject } from '../fixtures/git/hostile';
import { closeAllEditors, codesAt, getApi, git, removeWorkspaceFile, waitFor, workspaceRoot } from './helpers';

const TIMEOUT_MS = 400;
/** Longest the host's thread may go without running a timer: far above a busy machine's pauses, far below the watchdog's minute. */
const HELD_MS = 10_000;
const FOLDER = 'docs/fifo-store';

describe('a FIFO in the object store', function () {
  this.timeout(120_000);
  let api: HandoffNavigatorApi;
  let fifo: { stop(): void } | null = null;

  before(async () => { api = await getApi(); });

  after(async () => {
    fifo?.stop();
    removeWorkspaceFile(FOLDER);
    await vscode.workspace.getConfiguration('handoffNavigator').update('git.timeoutMs', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('handoffNavigator.refresh');
    await api.store.whenIdle();
    await closeAllEditors();
  });

  it("the handoff is analysed and the host answers; one notice for the repository", async () => {
    // A repository of its own inside the workspace: the handoff, committed, cites a file by its bare name that a
    // later commit deleted, so its commit's files are read to look it up.
    const root = join(workspaceRoot(), ...FOLDER.split('/'));
    mkdirSync(join(root, 'src'), { recursive: true });
    git(root, 'init', '-q');
    for (const n of [1, 2, 3]) writeFileSync(join(root, 'src', `f${n}.ts`), `export const f${n} = ${n};\n`);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'files');
    writeFileSync(join(root, 'HANDOFF-fifo.md'), '# Handoff\n\n## Done\n\n- Changed `f1.ts:1` and `f3.ts:1`\n\n## Next\n\n- [ ] Wire `src/f2.ts:1`\n');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'handoff');
    git(root, 'rm', '-q', 'src/f3.ts');
    git(root, 'commit', '-q', '-m', 'drop f3');
    const tree = git(root, 'rev-parse', 'HEAD~1:src');
    // The watchdog would release a blocked reader after a minute: long after this test has failed by its own clock.
    fifo = fifoInPlaceOf(looseObject(root, tree), 60_000);
    await vscode.workspace.getConfiguration('handoffNavigator').update('git.timeoutMs', TIMEOUT_MS, vscode.ConfigurationTarget.Workspace);
    const shownBefore = api.repositoryNotices().length;

    // The host's own thread, watched: a timer that cannot run while something holds the thread.
    let last = Date.now();
    let longestGap = 0;
    const beat = setInterval(() => { const now = Date.now(); longestGap = Math.max(longestGap, now - last); last = now; }, 50);
    try {
      await analyse(root);
    } finally {
      clearInterval(beat);
    }
    assert.ok(longestGap < HELD_MS, `the extension host's thread was held for ${longestGap} ms`);
    const shown = api.repositoryNotices().slice(shownBefore).filter((n) => n.includes('fifo-store'));
    assert.equal(shown.length, 1, api.repositoryNotices().slice(shownBefore).join('\n'));
    assert.match(shown[0]!, new RegExp(`git took longer than ${TIMEOUT_MS} ms`));
  });

  async function analyse(root: string): Promise<void> {
    const uri = vscode.Uri.file(join(root, 'HANDOFF-fifo.md'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand('handoffNavigator.refresh');
    // The open step is reported (the rules ran), and the view lists the handoff: the host's thread is free.
    await waitFor('the open step in Problems', () => codesAt(uri).includes('unchecked-step'), 60_000);
    await waitFor('the handoff in the view', () => {
      const nodes = api.tree.getChildren().flatMap((n) => [n, ...api.tree.getChildren(n)]);
      return JSON.stringify(nodes.map((n) => api.tree.getTreeItem(n).label)).includes('HANDOFF-fifo');
    }, 30_000);
    await api.store.whenIdle();
  }
});
