// Workspace Trust: untrusted means parse-only — the tree, steps and links to files that exist, and not one git
// process — and the tree says why. The trust state is injected through the extension's test API (the host
// runs with trust turned off); granting trust brings the git checks back, which also proves the process
// counter counts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HandoffNavigatorApi } from '../../src/vscode/extension';
import { walk } from '../../src/vscode/tree/model';
import { codesAt, diagnosticLines, getApi, git, handoffUri, removeWorkspaceFile, waitFor, workspaceRoot, writeWorkspaceFile } from './helpers';

const GIT_CODES = ['unknown-commit', 'ambiguous-commit', 'unpushed-commit', 'stale-ref', 'missing-file', 'line-out-of-range'];

describe('workspace trust', () => {
  let api: HandoffNavigatorApi;
  const rel = 'SESSION-HANDOFF-trust.md';

  before(async () => {
    api = await getApi();
  });

  after(async () => {
    api.setTrusted(undefined);
    removeWorkspaceFile(rel);
    await api.store.whenIdle();
  });

  it('runs no git process while untrusted, and checks git again once trusted', async () => {
    const uri = handoffUri();
    await waitFor('git diagnostics while trusted', () => codesAt(uri).includes('unpushed-commit'));

    api.setTrusted(false);
    assert.equal(api.store.gitAllowed, false);
    await waitFor('the git diagnostics to go', () => !codesAt(uri).some((c) => GIT_CODES.includes(c)));
    await api.store.whenIdle();
    const before = api.gitProcessesStarted();

    // Everything that would run git when trusted: a refresh, a new handoff citing a commit, commit details.
    await vscode.commands.executeCommand('handoffNavigator.refresh');
    const head = git(workspaceRoot(), 'rev-parse', 'HEAD');
    const other = writeWorkspaceFile(rel, `# Trust test\n\n## Phase 1: Untrusted\n\n- [ ] Check commit ${head.slice(0, 8)}.\n- See \`src/config.ts:3\`.\n`);
    await waitFor('the new handoff to be analysed', () => api.store.get(other));
    const cts = new vscode.CancellationTokenSource();
    assert.equal(await api.store.commitDetails(other, head, cts.token), undefined);
    assert.equal(await api.store.commitPatch(other, head, cts.token), undefined);
    await api.store.whenIdle();
    assert.equal(api.gitProcessesStarted(), before, 'a git process started in an untrusted workspace');

    // Parse-only results stand: steps, the tree with its message, links to files that exist.
    assert.deepEqual(codesAt(uri).filter((c) => c !== 'unchecked-step'), [], diagnosticLines(uri).join('\n'));
    assert.ok(codesAt(uri).includes('unchecked-step'));
    assert.match(api.tree.view.message ?? '', /not trusted/);
    const handoff = api.store.get(other)!;
    const crumb = handoff.analysis.model.files.find((f) => f.path === 'src/config.ts')!;
    assert.deepEqual(api.store.fileTargets(handoff, crumb).map((u) => u.fsPath), [vscode.Uri.file(`${workspaceRoot()}/src/config.ts`).fsPath]);
    const node = api.tree.getChildren().find((n) => n.handoff === other.toString())!;
    const commits = [...walk(node)].filter((n) => n.kind === 'commit');
    assert.equal(commits.length, 1);
    const commit = commits[0];
    assert.match(commit.description, /not checked/);

    api.setTrusted(true);
    await waitFor('the unpushed warning to come back', () => codesAt(uri).includes('unpushed-commit'));
    assert.ok(api.gitProcessesStarted() > before, 'trusted analyses should run git');
    assert.equal(api.tree.view.message, undefined);
  });
});
