// The handoff tools as Copilot Chat calls them: each through vscode.lm.invokeTool in the real host, answering from
// the fixture repository (an amended commit gone, a moved file, the open steps, a SHA and a file resolved), and parse-only —
// saying so, with no git process — while the workspace is untrusted. The MCP server definition is offered where
// the host has the API (1.101+) and quietly absent where it does not.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { TOOL_NAMES } from '../../src/core/digest/toolSpecs';
import type { HandoffNavigatorApi } from '../../src/vscode/extension';
import { getApi, git, handoffUri, workspaceRoot } from './helpers';

async function invoke(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined }, new vscode.CancellationTokenSource().token);
  return result.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
}

describe('language-model tools', () => {
  let api: HandoffNavigatorApi;
  let amendedOld: string;

  before(async () => {
    api = await getApi();
    amendedOld = /First version in ([0-9a-f]{7})/.exec(readFileSync(handoffUri().fsPath, 'utf8'))![1]!;
  });
  after(() => api?.setTrusted(undefined));

  it('registers the four tools with the schemas package.json declares', () => {
    for (const name of TOOL_NAMES) {
      const info = vscode.lm.tools.find((t) => t.name === name);
      assert.ok(info, `${name} is not among vscode.lm.tools`);
      assert.equal((info.inputSchema as { type?: string } | undefined)?.type, 'object');
      assert.ok(info.description.length > 50);
    }
  });

  it('handoff_digest: the fixture handoff checked, with the evidence', async () => {
    const text = await invoke('handoff_digest', { path: 'HANDOFF.md' });
    assert.match(text, /^# Handoff digest: HANDOFF.md\n/);
    assert.match(text, /## Repository now\n\n- On branch `main` at `[0-9a-f]{7}`/);
    assert.match(text, new RegExp(`\\*\\*gone\\*\\* Commit \`${amendedOld}\` is on no branch \\(line \\d+\\): amended: replaced by \`[0-9a-f]{7}\``));
    assert.match(text, /## Open steps\n\n- \[ \] Resume: wire the widget/);
    assert.ok(Buffer.byteLength(text) <= 8192);
    const small = await invoke('handoff_digest', { path: 'HANDOFF.md', maxBytes: 1024 });
    assert.ok(Buffer.byteLength(small) <= 1024);
  });

  it('handoff_check, handoff_open_steps and handoff_resolve answer from the same analysis', async () => {
    const check = await invoke('handoff_check', { path: 'HANDOFF.md' });
    assert.match(check, new RegExp(`HANDOFF.md:\\d+:\\d+: warning unknown-commit: Commit ${amendedOld}`));
    const steps = await invoke('handoff_open_steps', {});
    assert.match(steps, /open steps?\n- \[ \] Resume: wire the widget from `src\/widget.ts:5` into `src\/app.ts:30`\. \(line \d+, Phase 3\)/);
    const resolved = await invoke('handoff_resolve', { target: amendedOld, path: 'HANDOFF.md' });
    assert.match(resolved, new RegExp(`HANDOFF.md: gone: Commit \`${amendedOld}\` is on no branch`));
    assert.match(resolved, /now: commit [0-9a-f]{12} "[^"]+" is on no branch or tag/);
    const head = git(workspaceRoot(), 'rev-parse', 'HEAD');
    assert.match(await invoke('handoff_resolve', { target: head }), new RegExp(`now: commit ${head.slice(0, 12)}`));
    assert.match(await invoke('handoff_resolve', { target: '\n' }), /Invalid input|Not a SHA/);
    // A file: what it is now, read through the workspace file system, as the MCP server says it.
    assert.match(await invoke('handoff_resolve', { target: 'src/widget.ts:5', path: 'HANDOFF.md' }), /^now: src\/widget.ts exists \(\d+ lines\); line 5 reads: /m);
    assert.match(await invoke('handoff_resolve', { target: 'src/never-there.ts' }), /^now: src\/never-there.ts does not exist, and HEAD's history never had it$/m);
    assert.match(await invoke('handoff_resolve', { target: '../../etc/passwd' }), /^now: \.\.\/\.\.\/etc\/passwd is outside the workspace folder: not read$/m);
  });

  it('answers parse-only while the workspace is untrusted, and says so, starting no git process', async () => {
    api.setTrusted(false);
    await api.store.whenIdle();
    const before = api.gitProcessesStarted();
    const digest = await invoke('handoff_digest', { path: 'HANDOFF.md' });
    assert.match(digest, /Not checked against git: .*trust/i);
    assert.doesNotMatch(digest, /\*\*(gone|changed|holds)\*\*/);
    assert.match(await invoke('handoff_check', { path: 'HANDOFF.md' }), /Parse-only: /);
    assert.match(await invoke('handoff_resolve', { target: amendedOld }), /now: not checked \(parse-only/);
    assert.match(await invoke('handoff_resolve', { target: 'src/widget.ts' }), /^now: src\/widget.ts exists \(\d+ lines\)\nnow: its history not checked \(parse-only/m);
    assert.equal(api.gitProcessesStarted(), before);
    api.setTrusted(undefined);
    await api.store.whenIdle();
  });

  it('activates on every version, offering the MCP server only from 1.101 (1.100 has a proposed API of that name that throws)', () => {
    assert.ok(api.store, 'the extension activated');
    assert.ok(vscode.lm.tools.some((t) => t.name === 'handoff_digest'));
  });
});
