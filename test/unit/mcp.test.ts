// handoff-lint mcp, driven by the MCP SDK's own client over stdio against the built CLI: initialize, list the
// tools (each with its JSON schema, read-only), call each on the digest fixture (pushed, unpushed, amended and
// renamed history) and check the answers; a path outside the root is refused; nothing in the repository changes.
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { buildDigestRepo, type DigestRepo } from '../fixtures/git/digestRepo';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const s7 = (sha: string) => sha.slice(0, 7);

describe('handoff-lint mcp (SDK client over stdio)', function () {
  let fx: DigestRepo;
  let client: Client;
  let stderr = '';

  before(async function () {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
    fx = buildDigestRepo();
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', '--root', fx.work], cwd: fx.base, stderr: 'pipe' });
    transport.stderr?.on('data', (b: Buffer) => { stderr += b.toString(); });
    client = new Client({ name: 'handoff-test', version: '1.0.0' });
    await client.connect(transport);
  });
  after(async () => {
    await client?.close();
    fx?.cleanup();
  });

  const text = async (name: string, args: Record<string, unknown>): Promise<{ text: string; isError: boolean }> => {
    const r = await client.callTool({ name, arguments: args });
    const content = r.content as Array<{ type: string; text: string }>;
    assert.equal(content.length, 1);
    assert.equal(content[0]!.type, 'text');
    return { text: content[0]!.text, isError: r.isError === true };
  };

  it('initializes and lists the four tools, read-only, each with a JSON schema', async () => {
    assert.equal(client.getServerVersion()?.name, 'handoff-lint');
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), ['handoff_check', 'handoff_digest', 'handoff_open_steps', 'handoff_resolve']);
    for (const t of tools) {
      assert.equal(t.inputSchema.type, 'object');
      assert.equal(t.annotations?.readOnlyHint, true, t.name);
      assert.ok((t.description ?? '').length > 50, t.name);
    }
    const resolve = tools.find((t) => t.name === 'handoff_resolve')!;
    assert.deepEqual(resolve.inputSchema.required, ['target']);
    assert.deepEqual(Object.keys(tools.find((t) => t.name === 'handoff_digest')!.inputSchema.properties ?? {}).sort(), ['format', 'maxBytes', 'path']);
  });

  it('handoff_digest: the checked digest of the newest handoff, as the CLI gives it', async () => {
    const { text: d, isError } = await text('handoff_digest', {});
    assert.equal(isError, false);
    assert.match(d, /^# Handoff digest: HANDOFF.md\n/);
    assert.match(d, new RegExp(`\\*\\*gone\\*\\* Commit \`${s7(fx.shas.amendedAway)}\` is on no branch \\(line 8\\): amended: replaced by \`${s7(fx.shas.amended)}\``));
    assert.match(d, /\*\*changed\*\* File `src\/parser.ts:10-12` \(line 14\): lines 10-12 moved to lines 15-17/);
    assert.match(d, /\*\*changed\*\* File `src\/old.ts:2` \(line 15\): moved to `src\/lib\/old.ts`/);
    assert.match(d, /\*\*gone\*\* File `src\/gone.ts` \(line 16\): deleted since the handoff/);
    assert.match(d, new RegExp(`\\*\\*holds\\*\\* Commit \`${s7(fx.shas.first)}\` exists and is pushed`));
    const small = await text('handoff_digest', { maxBytes: 1024, format: 'json' });
    assert.ok(Buffer.byteLength(small.text) <= 1024);
    assert.ok((JSON.parse(small.text) as { leftOut: { count: number } }).leftOut.count > 0);
    const bad = await client.callTool({ name: 'handoff_digest', arguments: { maxBytes: 5 } });
    assert.equal(bad.isError, true);
  });

  it('handoff_check: the diagnostics of a path', async () => {
    const { text: c } = await text('handoff_check', { path: 'HANDOFF.md' });
    assert.match(c, /^HANDOFF.md: \d+ problems\n/);
    assert.match(c, new RegExp(`HANDOFF.md:8:\\d+: warning unknown-commit: Commit ${s7(fx.shas.amendedAway)}`));
    assert.match(c, /HANDOFF.md:16:\d+: warning missing-file: /);
    assert.match(c, /HANDOFF.md:21:\d+: information unchecked-step: /);
  });

  it('handoff_open_steps: the steps still to do', async () => {
    const { text: s } = await text('handoff_open_steps', {});
    assert.equal(s, 'HANDOFF.md: 2 open steps\n- [ ] Wire the cache into `src/util.ts`. (line 21, Next steps)\n- [!] Ask about the old helper (blocked on review). (line 22, Next steps)\n');
  });

  it('handoff_resolve: a breadcrumb or a SHA → what it points at now', async () => {
    const lines = (await text('handoff_resolve', { target: 'src/parser.ts:10' })).text;
    assert.match(lines, /HANDOFF.md: changed: File `src\/parser.ts:10-12` \(handoff line 14\) — lines 10-12 moved to lines 15-17/);
    assert.match(lines, /now: src\/parser.ts exists \(25 lines\); line 10 reads: export const p5 = 5;/);
    const renamed = (await text('handoff_resolve', { target: 'src/old.ts' })).text;
    assert.match(renamed, /moved to `src\/lib\/old.ts`/);
    assert.match(renamed, new RegExp(`now: src/old.ts does not exist: renamed to src/lib/old.ts by ${s7(fx.shas.moved)} "Move the old helper into lib"`));
    const amended = (await text('handoff_resolve', { target: fx.shas.amendedAway.slice(0, 10) })).text;
    assert.match(amended, /gone: Commit `5151aa5` is on no branch|gone: Commit `[0-9a-f]{7}` is on no branch/);
    assert.match(amended, /now: commit [0-9a-f]{12} "Tune the parser" is on no branch or tag/);
    const pushed = (await text('handoff_resolve', { target: fx.shas.first })).text;
    assert.match(pushed, /holds: Commit `[0-9a-f]{7}` exists and is pushed/);
    assert.match(pushed, /now: commit [0-9a-f]{12} "Add the parser" is on a remote-tracking branch \(pushed\); in main, origin\/main/);
    const unpushed = (await text('handoff_resolve', { target: fx.shas.moved })).text;
    assert.match(unpushed, /is on a local branch only \(not pushed\)/);
    const branch = (await text('handoff_resolve', { target: 'main' })).text;
    assert.match(branch, /changed: Branch `main`/);
    assert.match(branch, new RegExp(`now: main is at ${fx.shas.dropped.slice(0, 12)} \\(upstream origin/main: 2 ahead, 0 behind\\)`));
  });

  it('refuses paths outside the root and answers errors as text', async () => {
    const outside = await text('handoff_check', { path: '../origin.git/config' });
    assert.equal(outside.isError, true);
    assert.match(outside.text, /is outside/);
    const escape = await text('handoff_resolve', { target: '../../etc/passwd' });
    assert.match(escape.text, /outside .*: not read/);
    const nonsense = await text('handoff_resolve', { target: '\n' });
    assert.equal(nonsense.isError, true);
  });

  it('changed nothing in the repository', () => {
    assert.equal(fx.git(fx.work, 'status', '--porcelain'), '?? notes.txt');
    assert.equal(fx.git(fx.work, 'rev-parse', 'HEAD'), fx.shas.dropped);
    assert.equal(stderr, '');
  });
});
