/**
 * The `handoff-lint` command (dist/cli.js): loads the CLI's bundle (dist/cli-main.js) with V8's code cache, then
 * runs it. Kept apart from the bundle so that the bundle itself is what the cache holds (see codeCache.ts).
 */
import { join } from 'node:path';
import { loadWithCodeCache } from './codeCache';

const loaded = loadWithCodeCache(join(__dirname, 'cli-main.js'));
// Saved when the run is over: the cache then holds every function the run compiled, not just the top level.
process.once('exit', () => loaded.save());
if (process.env.HANDOFF_LINT_DEBUG_CACHE) process.stderr.write(`handoff-lint: code cache ${loaded.status}\n`);
(loaded.exports.cliMain as () => void)();
