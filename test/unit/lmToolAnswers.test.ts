// The VS Code language-model tools' answers (src/vscode/lmTools/answers.ts, no vscode import) over analyses of the
// digest fixture: the same digest text the MCP server and the CLI give, parse-only answers that say so when git
// may not run, input validated at the edge; and package.json declares exactly the tools, descriptions and inputs
// the MCP server has.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { HandoffTools } from '../../src/cli/handoffTools';
import { readRegular } from '../../src/node/safeRead';
import { run } from '../../src/cli/main';
import { TOOL_DESCRIPTIONS, TOOL_NAMES } from '../../src/core/digest/toolSpecs';
import { NEVER_CANCELLED } from '../../src/core/interfaces';
import { createLanguageService } from '../../src/core/service';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { createNodeGitCheck } from '../../src/node/cliGit';
import { answerTool, TOOL_INPUTS, type ToolContext } from '../../src/vscode/lmTools/answers';
import { buildDigestRepo, type DigestRepo } from '../fixtures/git/digestRepo';

/**
 * The workspace-folder read the adapter does through vscode.workspace.fs (readTarget.ts, proven in the host by
 * test/extension/lmTools.test.ts), done here on the disk: under `root`, nothing outside it.
 */
function readFromDisk(root: string): ToolContext['readTarget'] {
  return async (_handoff, path) => {
    const abs = resolve(root, path);
    const rel = relative(root, abs);
    if (rel.startsWith('..') || isAbsolute(rel)) return { kind: 'outside' };
    const read = readRegular(abs, 16 * 1024 * 1024);
    const shown = rel.split(sep).join('/');
    const now = read.kind === 'text' ? read : read.kind === 'missing' ? { kind: 'missing' as const } : { kind: 'not-read' as const, why: read.kind };
    return { kind: 'read', shown, fsPath: abs.split(sep).join('/'), now };
  };
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  activationEvents: string[];
  contributes: { languageModelTools: Array<{ name: string; toolReferenceName: string; modelDescription: string; canBeReferencedInPrompt: boolean; inputSchema: { properties: Record<string, unknown>; required?: string[] } }>; mcpServerDefinitionProviders: Array<{ id: string }> };
};

describe('language-model tool answers', () => {
  let fx: DigestRepo;
  let trusted: ToolContext;
  let untrusted: ToolContext;
  before(async () => {
    fx = buildDigestRepo();
    const git = createNodeGitCheck({});
    const fsPath = `${fx.work}/HANDOFF.md`;
    const text = readFileSync(fsPath, 'utf8');
    const analysis = await createLanguageService({ settings: DEFAULT_SETTINGS, git: git.check, files: git.files }).analyze({ path: fsPath, version: 1, text });
    trusted = { handoffs: [{ shown: 'HANDOFF.md', fsPath, analysis }], git: git.provider, parseOnly: null, readTarget: readFromDisk(fx.work) };
    const parsed = await createLanguageService({ settings: { ...DEFAULT_SETTINGS, git: false } }).analyze({ path: fsPath, version: 1, text });
    untrusted = { handoffs: [{ shown: 'HANDOFF.md', fsPath, analysis: parsed }], git: undefined, parseOnly: 'the workspace is not trusted', readTarget: readFromDisk(fx.work) };
  });
  after(() => fx.cleanup());

  it('gives the digest the CLI gives, byte for byte', async () => {
    let cli = '';
    await run(['digest', '--repo', fx.work], (s) => { cli += s; }, () => {});
    assert.equal(await answerTool('handoff_digest', {}, trusted, NEVER_CANCELLED), cli);
    assert.equal(await answerTool('handoff_digest', { path: 'HANDOFF.md', format: 'json' }, trusted, NEVER_CANCELLED).then((t) => JSON.parse(t).version), 1);
  });

  it('answers parse-only and says so when git may not run', async () => {
    const digest = await answerTool('handoff_digest', {}, untrusted, NEVER_CANCELLED);
    assert.match(digest, /Not checked against git: the workspace is not trusted\./);
    assert.doesNotMatch(digest, /\*\*(gone|changed|holds)\*\*/);
    assert.match(await answerTool('handoff_check', {}, untrusted, NEVER_CANCELLED), /Parse-only: the workspace is not trusted; commits, refs and moved files were not checked\./);
    assert.match(await answerTool('handoff_open_steps', {}, untrusted, NEVER_CANCELLED), /^Parse-only: the workspace is not trusted; nothing was checked against git\.\nHANDOFF.md: 2 open steps\n/);
    assert.match(await answerTool('handoff_resolve', { target: fx.shas.first }, untrusted, NEVER_CANCELLED), /now: not checked \(parse-only: the workspace is not trusted\)/);
  });

  it('handoff_resolve for a file says what it is now, exactly as the MCP server says it', async () => {
    const mcp = new HandoffTools({ root: fx.work, git: true });
    try {
      // A cited line moved, a file renamed and one deleted since, a line past the end, a file never there.
      for (const target of ['src/parser.ts:10', 'src/old.ts:2', 'src/gone.ts', 'src/util.ts:99', 'src/never.ts']) {
        assert.equal(await answerTool('handoff_resolve', { target }, trusted, NEVER_CANCELLED), await mcp.resolve({ target }), target);
      }
    } finally {
      mcp.dispose();
    }
    const moved = await answerTool('handoff_resolve', { target: 'src/parser.ts:10' }, trusted, NEVER_CANCELLED);
    assert.match(moved, /^HANDOFF.md: changed: File `src\/parser.ts:10-12` \(handoff line 14\) — lines 10-12 moved to lines 15-17\nnow: src\/parser.ts exists \(25 lines\); line 10 reads: export const p5 = 5;\n$/);
    assert.match(await answerTool('handoff_resolve', { target: 'src/old.ts' }, trusted, NEVER_CANCELLED),
      new RegExp(`now: src/old.ts does not exist: renamed to src/lib/old.ts by ${fx.shas.moved.slice(0, 7)} "Move the old helper into lib"\n$`));
    assert.match(await answerTool('handoff_resolve', { target: '../outside.ts' }, trusted, NEVER_CANCELLED), /now: \.\.\/outside.ts is outside the workspace folder: not read\n$/);
    // Untrusted: the file is read, git is not asked.
    assert.equal(await answerTool('handoff_resolve', { target: 'src/util.ts:1' }, untrusted, NEVER_CANCELLED),
      'now: src/util.ts exists (1 lines); line 1 reads: export const util = 1;\nnow: its history not checked (parse-only: the workspace is not trusted)\n');
    assert.match(await answerTool('handoff_resolve', { target: 'src/gone.ts' }, untrusted, NEVER_CANCELLED), /^now: src\/gone.ts does not exist\nnow: its history not checked \(parse-only/);
  });

  it('validates the input and names an unknown handoff', async () => {
    assert.match(await answerTool('handoff_digest', { maxBytes: 3 }, trusted, NEVER_CANCELLED), /^Invalid input for handoff_digest: maxBytes: /);
    assert.match(await answerTool('handoff_resolve', {}, trusted, NEVER_CANCELLED), /^Invalid input for handoff_resolve: target: /);
    assert.match(await answerTool('handoff_check', { path: 'docs/NOPE.md' }, trusted, NEVER_CANCELLED), /^No handoff at docs\/NOPE.md\. Handoffs: HANDOFF.md/);
    assert.equal(await answerTool('handoff_check', {}, { ...trusted, handoffs: [] }, NEVER_CANCELLED), 'No handoff found in this workspace.');
  });

  it('package.json declares the same tools, descriptions and inputs as the MCP server, #handoff included', () => {
    const tools = manifest.contributes.languageModelTools;
    assert.deepEqual(tools.map((t) => t.name), [...TOOL_NAMES]);
    for (const t of tools) {
      assert.equal(t.modelDescription, TOOL_DESCRIPTIONS[t.name as keyof typeof TOOL_DESCRIPTIONS]);
      assert.equal(t.canBeReferencedInPrompt, true);
      assert.deepEqual(Object.keys(t.inputSchema.properties).sort(), Object.keys(TOOL_INPUTS[t.name as keyof typeof TOOL_INPUTS].shape).sort());
      assert.ok(manifest.activationEvents.includes(`onLanguageModelTool:${t.name}`));
    }
    assert.equal(tools.find((t) => t.name === 'handoff_digest')!.toolReferenceName, 'handoff');
    assert.deepEqual(tools.find((t) => t.name === 'handoff_resolve')!.inputSchema.required, ['target']);
    assert.deepEqual(manifest.contributes.mcpServerDefinitionProviders.map((p) => p.id), ['handoffNavigator.mcp']);
  });
});
