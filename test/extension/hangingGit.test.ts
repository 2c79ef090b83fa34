// Issue 12 in the real host: a git that hangs (a fake `git` first on the extension host's PATH that sleeps) on a
// workspace with several handoffs. The extension stays responsive: the Handoffs view and Problems still answer,
// parse-only; the repository is marked slow after the first timeout, so the other handoffs degrade at once without
// starting a process each; and the user is told once for the repository, not once per handoff.
import * as assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { HandoffNavigatorApi } from '../../src/vscode/extension';
import { closeAllEditors, codesAt, getApi, removeWorkspaceFile, waitFor, workspaceRoot, writeWorkspaceFile } from './helpers';

const COUNT = 5;
const TIMEOUT_MS = 400;

describe('a git that hangs', function () {
  this.timeout(120_000);
  let api: HandoffNavigatorApi;
  let bin: string;
  const savedPath = process.env.PATH;

  before(async () => {
    api = await getApi();
    bin = mkdtempSync(join(tmpdir(), 'hanging-git-'));
    // It records nothing and answers nothing: every question runs into the time limit.
    writeFileSync(join(bin, 'git'), '#!/bin/sh\nexec sleep 60\n');
    chmodSync(join(bin, 'git'), 0o755);
  });

  after(async () => {
    process.env.PATH = savedPath;
    removeWorkspaceFile('docs/hanging');
    // Back to the default limit: a longer limit forgets the slow mark, so the suites after this one ask git again.
    await vscode.workspace.getConfiguration('handoffNavigator').update('git.timeoutMs', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('handoffNavigator.refresh');
    await api.store.whenIdle();
    rmSync(bin, { recursive: true, force: true });
    await closeAllEditors();
  });

  it('the view and Problems still answer, parse-only, with one notice for the repository', async () => {
    const shownBefore = api.repositoryNotices().length;
      process.env.PATH = `${bin}:${savedPath}`;
    await vscode.workspace.getConfiguration('handoffNavigator').update('git.timeoutMs', TIMEOUT_MS, vscode.ConfigurationTarget.Workspace);
    // New handoffs, new SHAs: nothing about them is cached, so every one has questions for git.
    const uris = Array.from({ length: COUNT }, (_, i) => writeWorkspaceFile(`docs/hanging/HANDOFF-hang-${i + 1}.md`,
      `# Handoff ${i + 1}\n\n## Done\n\n- commit ${(0xabc0de0 + i).toString(16)} landed\n\n## Next\n\n- [ ] step ${i + 1}\n`));
    await vscode.commands.executeCommand('handoffNavigator.refresh');

    // Problems: the parse-only diagnostics are there (the open step of the newest of the series: the older ones
    // leave theirs to it).
    await waitFor('the open step of the newest handoff in Problems', () => uris.some((u) => codesAt(u).includes('unchecked-step')), 60_000);
    // The view lists every one of them.
    const listed = await waitFor('the handoffs in the view', () => {
      // Handoffs may sit at the top or in a group one level down.
      const nodes = api.tree.getChildren().flatMap((n) => [n, ...api.tree.getChildren(n)]);
      const labels = JSON.stringify(nodes.map((n) => api.tree.getTreeItem(n).label));
      return uris.every((_, i) => labels.includes(`HANDOFF-hang-${i + 1}`)) ? labels : false;
    }, 30_000);
    assert.ok(listed);
    await api.store.whenIdle();

    // One notice for the repository, naming the time limit, whatever the number of handoffs.
    const shown = api.repositoryNotices().slice(shownBefore);
    assert.equal(shown.length, 1, shown.join('\n'));
    assert.ok(shown[0]!.startsWith(workspaceRoot().replace(/\\/g, '/')), shown[0]);
    assert.match(shown[0]!, /git took longer than 400 ms/);
    // The breaker: the first wave of analyses ran into the time limit together; from then on the repository is
    // marked slow, so analysing every handoff again starts no git process at all and says nothing new.
    const started = api.gitProcessesStarted();
    await vscode.commands.executeCommand('handoffNavigator.refresh');
    await api.store.whenIdle();
    await waitFor('the handoffs analysed again', () => uris.every((u) => vscode.languages.getDiagnostics(u) !== undefined), 30_000);
    assert.equal(api.gitProcessesStarted(), started, 'a git process was started for a repository marked slow');
    assert.equal(api.repositoryNotices().length, shownBefore + 1);
  });
});
