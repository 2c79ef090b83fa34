/**
 * `dist/mcp.js`: the MCP server alone (what `handoff-lint mcp` runs), shipped inside the VS Code extension so VS
 * Code can start it for the workspace (lmTools/register.ts) without the CLI installed. Same arguments as
 * `handoff-lint mcp`.
 */
import { killAllGit } from '../node/gitRunner';
import { runMcp } from './mcp';

declare const __VERSION__: string | undefined;

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.once(signal, () => { killAllGit(); process.exit(code); });
}
process.once('exit', () => { killAllGit(); });
process.stderr.on('error', () => {});
runMcp(process.argv.slice(2), (s) => process.stderr.write(s), (s) => process.stderr.write(s), typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev').then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    process.stderr.write(`handoff-lint mcp: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
