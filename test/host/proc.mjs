// Child-process helpers: argument arrays only (no shell strings), failures surface as errors.
import { spawn, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** Runs a command to completion with inherited output; rejects on a non-zero exit or a signal. */
export function run(cmd, args, opts = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`${cmd} ${args.join(' ')} failed: ${signal ?? `exit ${code}`}`));
    });
  });
}

/** Runs a short command and returns its trimmed stdout, or throws with its stderr. */
export function capture(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  }
  return result.stdout.trim();
}

/** Parses `--name value` pairs (and bare `--flag`) into an object; repeated names collect into arrays. */
export function parseArgs(argv, { multi = [] } = {}) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    let value = true;
    if (eq > 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i];
    if (multi.includes(name)) (out[name] ??= []).push(value);
    else out[name] = value;
  }
  return out;
}

/** True when the module at `moduleUrl` is the script node was started with (not imported). */
export function isMain(moduleUrl) {
  return Boolean(process.argv[1]) && moduleUrl === pathToFileURL(process.argv[1]).href;
}
