/**
 * The `handoff-lint` command (dist/cli.js): loads the CLI's bundle (dist/cli-main.js) with V8's code cache, then
 * runs it, under V8 settings made for a short run (engineFlags.ts); `handoff-lint mcp` runs the MCP server's bundle
 * (dist/mcp.js) instead. Kept apart from the bundle so that the bundle itself is what the cache holds (see
 * codeCache.ts).
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadWithCodeCache } from './codeCache';
import { LINT_V8_FLAGS, tuneEngineForLint } from './engineFlags';

if (process.argv[2] === 'mcp') {
  // The MCP server is a bundle of its own (dist/mcp.js, the one the extension ships): a lint run neither reads nor
  // compiles its SDK and schemas, a third of the CLI's bundle (~40 ms of every run's CPU).
  process.argv.splice(2, 1);
  createRequire(__filename)(join(__dirname, 'mcp.js'));
} else {
  tuneEngineForLint();
  const loaded = loadWithCodeCache(join(__dirname, 'cli-main.js'), process.env, LINT_V8_FLAGS);
  // Saved when the run is over: the cache then holds every function the run compiled, not just the top level — and
  // only by a run that analysed a handoff (analysedMark.ts), not by `--help`, `--version` or a usage error.
  process.once('exit', () => {
    if ((loaded.exports.analysedAny as () => boolean)()) loaded.save();
  });
  if (process.env.HANDOFF_LINT_DEBUG_CACHE) process.stderr.write(`handoff-lint: code cache ${loaded.status} (V8 ${LINT_V8_FLAGS.join(' ')})\n`);
  (loaded.exports.cliMain as () => void)();
}
