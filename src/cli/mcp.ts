/**
 * `handoff-lint mcp`: the handoff tools over the Model Context Protocol, on stdio, with the official SDK — for any
 * MCP client (Claude Code, Cursor, Cline, VS Code). Tools: handoff_digest, handoff_check, handoff_open_steps and
 * handoff_resolve (core/digest/toolSpecs.ts), each with a JSON schema and a plain-text answer. Read-only: no tool
 * writes a file or runs a git command that changes anything, and no tool reads outside `--root`.
 * stdout carries the protocol only; anything else goes to stderr.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
import { MAX_MAX_BYTES, MIN_MAX_BYTES } from '../core/digest/render';
import { MAX_BYTES_DESCRIPTION, PATH_DESCRIPTION, TARGET_DESCRIPTION, TOOL_DESCRIPTIONS } from '../core/digest/toolSpecs';
import { UsageError } from './args';
import { HandoffTools, ToolError } from './handoffTools';

export const MCP_USAGE = `Usage: handoff-lint mcp [--root DIR] [--no-git]

Serves the handoff tools over the Model Context Protocol on stdin/stdout: handoff_digest, handoff_check,
handoff_open_steps, handoff_resolve. Read-only. Configure it in an MCP client as the command
\`npx handoff-lint mcp\` (see the README).

Options:
  --root DIR   the workspace the tools answer about; nothing outside it is read (default: the current folder)
  --no-git     start no git process: parse-only answers
  -h, --help   show this help`;

const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

/** A tool answer: the text, or the error as text (`isError`) so the model reads why. */
async function answer(work: () => Promise<string>): Promise<{ content: Array<{ type: 'text'; text: string }>; isError?: boolean }> {
  try {
    return { content: [{ type: 'text', text: await work() }] };
  } catch (e) {
    const message = e instanceof ToolError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    return { content: [{ type: 'text', text: message }], isError: true };
  }
}

/** The server with its tools, not yet connected (tests connect it to an in-memory or stdio transport). */
export function createMcpServer(tools: HandoffTools, version: string): McpServer {
  const server = new McpServer({ name: 'handoff-lint', version });
  const path = z.string().max(4096).optional().describe(PATH_DESCRIPTION);
  server.registerTool('handoff_digest', {
    title: 'Handoff digest', description: TOOL_DESCRIPTIONS.handoff_digest, annotations: READ_ONLY,
    inputSchema: {
      path,
      maxBytes: z.number().int().min(MIN_MAX_BYTES).max(MAX_MAX_BYTES).optional().describe(MAX_BYTES_DESCRIPTION),
      format: z.enum(['markdown', 'json']).optional().describe('markdown (default) or json'),
    },
  }, (a) => answer(() => tools.digest({ path: a.path, maxBytes: a.maxBytes, format: a.format })));
  server.registerTool('handoff_check', {
    title: 'Check a handoff', description: TOOL_DESCRIPTIONS.handoff_check, annotations: READ_ONLY, inputSchema: { path },
  }, (a) => answer(() => tools.check({ path: a.path })));
  server.registerTool('handoff_open_steps', {
    title: 'Open steps of a handoff', description: TOOL_DESCRIPTIONS.handoff_open_steps, annotations: READ_ONLY, inputSchema: { path },
  }, (a) => answer(() => tools.openSteps({ path: a.path })));
  server.registerTool('handoff_resolve', {
    title: 'Resolve a SHA, ref or breadcrumb', description: TOOL_DESCRIPTIONS.handoff_resolve, annotations: READ_ONLY,
    inputSchema: { target: z.string().min(1).max(1024).describe(TARGET_DESCRIPTION), path },
  }, (a) => answer(() => tools.resolve({ target: a.target, path: a.path })));
  return server;
}

export async function runMcp(argv: readonly string[], out: (s: string) => void, err: (s: string) => void, version: string): Promise<number> {
  let root = '.';
  let git = true;
  try {
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i]!;
      if (arg === '--root') { const v = argv[++i]; if (v === undefined) throw new UsageError('--root needs a value'); root = v; }
      else if (arg.startsWith('--root=')) root = arg.slice('--root='.length);
      else if (arg === '--no-git') git = false;
      else if (arg === '-h' || arg === '--help') { out(MCP_USAGE + '\n'); return 0; }
      else throw new UsageError(`unknown argument ${arg} for mcp`);
    }
  } catch (e) {
    if (e instanceof UsageError) { err(`handoff-lint mcp: ${e.message}\n(try mcp --help)\n`); return 2; }
    throw e;
  }
  let tools: HandoffTools;
  try {
    tools = new HandoffTools({ root, git });
  } catch (e) {
    err(`handoff-lint mcp: cannot read ${root}: ${e instanceof Error ? e.message.split('\n')[0] : e}\n`);
    return 2;
  }
  const server = createMcpServer(tools, version);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((done) => {
    transport.onclose = () => done();
    process.stdin.once('end', () => done());
  });
  await server.connect(transport);
  await closed;
  tools.dispose();
  return 0;
}
