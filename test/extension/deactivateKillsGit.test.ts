// Issue 12, item 4, in the real host: git runs in process groups of its own (so a timeout can kill what it started),
// which the extension host's own exit does not reach. The extension's `deactivate` — the one VS Code calls, of the
// module the host loaded — kills every git the extension started and what those started. Proven with a fake `git`
// first on the host's PATH that sleeps in a child of its own and records both pids.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { HandoffNavigatorApi } from '../../src/vscode/extension';
import { alive, fakeGit, recordedPids } from '../fixtures/git/hostile';
import { EXTENSION_ID, getApi, removeWorkspaceFile, waitFor, writeWorkspaceFile } from './helpers';

/** A process's group (its fifth /proc stat field), or null when gone. */
function groupOf(pid: number): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^\d+ \(.*?\) /, '').split(' ')[2]);
  } catch {
    return null;
  }
}

/**
 * The extension's gits and their children: the extension starts each git in a process group of its own. (VS Code's
 * own Git extension also finds the fake first on PATH, but its processes stay in the host's group.)
 */
function ours(pids: number[]): number[] {
  const host = groupOf(process.pid);
  return pids.filter((pid) => alive(pid) && groupOf(pid) !== host);
}

function whoIs(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ');
    return `${pid} (${alive(pid) ? 'alive' : 'gone'}, ppid ${stat[3]}, pgid ${stat[4]}: ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').slice(0, 120)})`;
  } catch {
    return String(pid);
  }
}

describe('deactivate with git running', function () {
  this.timeout(120_000);
  let api: HandoffNavigatorApi;
  let base: string;
  let pids: string;
  const savedPath = process.env.PATH;

  before(async () => {
    api = await getApi();
    api.setTrusted(true);
    base = mkdtempSync(join(tmpdir(), 'deactivate-git-'));
    pids = join(base, 'git.pids');
    // git itself waits on a child of its own: both must go.
    fakeGit(join(base, 'bin'), pids, `sleep 60 &\necho $! >> "${pids}"\nwait`);
  });

  after(async () => {
    process.env.PATH = savedPath;
    for (const pid of recordedPids(pids)) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
    removeWorkspaceFile('docs/deactivate');
    await vscode.workspace.getConfiguration('handoffNavigator').update('git.timeoutMs', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('handoffNavigator.refresh');
    await api.store.whenIdle();
    api.setTrusted(undefined);
    rmSync(base, { recursive: true, force: true });
  });

  it("the host's deactivate kills every git the extension started, and their children", async () => {
    // A limit far past the test: only deactivate can end these processes.
    await vscode.workspace.getConfiguration('handoffNavigator').update('git.timeoutMs', 60_000, vscode.ConfigurationTarget.Workspace);
    // The re-analysis the new setting starts is over before the handoff is written: it would cancel (and kill) the
    // handoff's own gits.
    await waitFor('the new limit applied', () => api.settings().core.gitTimeoutMs === 60_000);
    await api.store.whenIdle();
    process.env.PATH = `${join(base, 'bin')}:${savedPath}`;
    writeWorkspaceFile('docs/deactivate/HANDOFF-deactivate.md', '# Handoff\n\n- commit 5eedf00d landed\n\n- [ ] next\n');
    // Not awaited: the refresh may wait for its analyses, which wait for the gits.
    const refreshed = vscode.commands.executeCommand('handoffNavigator.refresh');
    // The ones bound by the 60 s limit only: running for 4 s. (Some questions have budgets of their own — a walk of
    // the whole history stops itself at 2 s — and an analysis cancelled by a newer one kills its gits itself.)
    const firstSeen = new Map<number, number>();
    const running = await waitFor("the extension's gits and their children running for 4 s", () => {
      const now = ours(recordedPids(pids));
      for (const pid of now) if (!firstSeen.has(pid)) firstSeen.set(pid, Date.now());
      const old = now.filter((pid) => Date.now() - firstSeen.get(pid)! >= 4_000);
      return old.length >= 2 ? old : false;
    }, 60_000).catch(() => assert.fail(`none of the extension's: ${recordedPids(pids).map(whoIs).join(', ')}; host group ${groupOf(process.pid)}; started by the extension: ${api.gitProcessesStarted()}`));

    // The module the host loaded (the same instance: Node's require cache), not a copy bundled into this suite.
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const main = (ext.packageJSON as { main: string }).main;
    const loaded = createRequire(join(ext.extensionPath, 'package.json'))(join(ext.extensionPath, main)) as { deactivate(): void };
    // What runs now must go. (The extension stays active in this host, so it may start git again afterwards: in a
    // real shutdown its subscriptions are disposed too, and nothing does.)
    loaded.deactivate();

    await waitFor('every git and child to go', () => running.filter(alive).length === 0, 5_000)
      .catch(() => assert.fail(`still running: ${running.filter(alive).map(whoIs).join(', ')} of ${running.join(', ')}; started by the extension: ${api.gitProcessesStarted()}`));
    // The extension stays active in this host: an analysis the refresh still runs may start the fake git again, which
    // would sleep out its 60 s limit — the refresh waiting that long, and the timeout marking the repository slow for
    // the suites after this one (seen once on a loaded machine). The real git is put back, and any such fake ended.
    process.env.PATH = savedPath;
    const sweep = setInterval(() => {
      for (const pid of ours(recordedPids(pids))) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
    }, 100);
    try {
      await refreshed;
    } finally {
      clearInterval(sweep);
    }
  });
});
