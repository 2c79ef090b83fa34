// Installs the real VS Code test hosts: Debian packages the window and the server need, then the
// VS Code server inside the npm package `code-server`, one cached folder per VS Code version.
//
//   node test/host/install.mjs [--vscode 1.100.3] [--vscode 1.139.1] [--force]
//
// Why each step is explicit rather than left to `npm install`:
// - npm 11 gates dependency install scripts behind `allowScripts` (today it only warns; a stricter
//   setting skips them silently), so code-server's postinstall is never left to npm's policy: the
//   package is installed with --ignore-scripts and its postinstall.sh is run here, and the native
//   modules it builds are then loaded to prove they work with the Node that will run the server.
// - @vscode/ripgrep's postinstall downloads a binary from a host this machine can't reach; it
//   first looks in $TMPDIR/vscode-ripgrep-cache-<ver>/, so Debian's rg is seeded there.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HOST_SRC, VERSIONS, cacheRoot, checkVersion, installDir, nodeFor, nodeRuntimeDir } from './paths.mjs';
import { capture, isMain, parseArgs, run } from './proc.mjs';

const DEBIAN_PACKAGES = ['chromium', 'ripgrep', 'libkrb5-dev'];
const RIPGREP_CACHE = { dir: 'vscode-ripgrep-cache-1.15.11', file: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz' };
// Native modules of VS Code's server (either version) whose install scripts must run on Linux (the
// windows-* ones build nothing here). Approved by name in lib/vscode/package.json before its nested
// npm install.
const NATIVE_SCRIPTS = [
  '@parcel/watcher', '@vscode/deviceid', '@vscode/fs-copyfile', '@vscode/native-watchdog', '@vscode/ripgrep',
  '@vscode/spdlog', '@vscode/sqlite3', 'cpu-features', 'kerberos', 'koffi', 'native-watchdog', 'node-pty', 'ssh2',
];
// 1.100 downloads rg in a postinstall (seeded above); 1.139 ships every platform's rg in the package.
const RIPGREP_BINARIES = ['@vscode/ripgrep/bin/rg', '@vscode/ripgrep-universal/bin/linux-x64/rg'];
// Loaded with the server's own Node after install: a module built for the wrong ABI fails here, not mid-test.
const MUST_LOAD = ['node-pty', '@vscode/spdlog'];

function log(msg) {
  console.log(`[test-host install] ${msg}`);
}

function isInstalled(pkg) {
  try {
    return capture('dpkg-query', ['-W', '-f=${Status}', pkg]) === 'install ok installed';
  } catch {
    return false; // dpkg-query exits 1 for a package it has never seen
  }
}

export async function ensureDebianPackages(packages = DEBIAN_PACKAGES) {
  const missing = packages.filter((p) => !isInstalled(p));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`missing Debian packages ${missing.join(' ')}; install them as root`);
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update'], { env });
  await run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
}

function fingerprint(name) {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) hash.update(readFileSync(join(HOST_SRC, name, file)));
  return hash.digest('hex');
}

function stampPath(name) {
  return join(installDir(name), '.installed.json');
}

function isCurrent(name) {
  const stamp = stampPath(name);
  return existsSync(stamp) && JSON.parse(readFileSync(stamp, 'utf8')).fingerprint === fingerprint(name);
}

/** Fresh `npm ci --ignore-scripts` of test/host/<name>/ into its cache folder. */
async function npmCi(name, env) {
  const dir = installDir(name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(HOST_SRC, name, file), join(dir, file));
  await run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, env });
}

/**
 * One installer per cache folder at a time (developers share machines, and `npm start` may run
 * beside `npm test`): a lock folder holding the owner's pid, taken over when that process is gone.
 */
async function withLock(name, fn) {
  const lock = join(cacheRoot(), `${name}.lock`);
  mkdirSync(cacheRoot(), { recursive: true });
  for (let waited = 0; ; waited++) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const owner = Number(readFileSync(join(lock, 'pid'), { encoding: 'utf8', flag: 'a+' }));
      if (owner && !isAlive(owner)) rmSync(lock, { recursive: true, force: true });
      else if (waited % 30 === 0) log(`waiting for the install of ${name} by pid ${owner || '?'}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  writeFileSync(join(lock, 'pid'), String(process.pid));
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function installNodeRuntime(runtime, force) {
  return withLock(runtime, () => installNodeRuntimeLocked(runtime, force));
}

async function installNodeRuntimeLocked(runtime, force) {
  if (!force && isCurrent(runtime)) return;
  log(`installing ${runtime} into ${installDir(runtime)}`);
  await npmCi(runtime, process.env);
  const dir = nodeRuntimeDir(runtime);
  if (!existsSync(join(dir, 'include', 'node', 'node.h'))) throw new Error(`${dir} has no Node headers`);
  log(`${runtime}: ${capture(join(dir, 'bin', 'node'), ['--version'])}`);
  writeFileSync(stampPath(runtime), JSON.stringify({ fingerprint: fingerprint(runtime) }));
}

function seedRipgrepCache(tmp) {
  const cacheDir = join(tmp, RIPGREP_CACHE.dir);
  const stage = join(tmp, 'rg-stage');
  mkdirSync(cacheDir, { recursive: true });
  mkdirSync(stage, { recursive: true });
  copyFileSync(capture('which', ['rg']), join(stage, 'rg'));
  // The prebuilt tarballs hold a lone `rg` at the top; the postinstall extracts it into bin/.
  return run('tar', ['-czf', join(cacheDir, RIPGREP_CACHE.file), '-C', stage, 'rg']);
}

function approveNativeScripts(vscodeDir) {
  const file = join(vscodeDir, 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  pkg.allowScripts = Object.fromEntries(NATIVE_SCRIPTS.map((name) => [name, true]));
  writeFileSync(file, JSON.stringify(pkg, null, 2));
}

export async function installVersion(version, force = false) {
  const { node } = checkVersion(version);
  if (node) await installNodeRuntime(node, force);
  await withLock(version, () => installVersionLocked(version, force));
}

async function installVersionLocked(version, force) {
  const { codeServer, node } = checkVersion(version);
  if (!force && isCurrent(version)) {
    log(`VS Code ${version} already installed in ${installDir(version)}`);
    return;
  }
  log(`installing code-server ${codeServer} (VS Code ${version}) into ${installDir(version)}`);
  const started = Date.now();
  const tmp = join(installDir(`${version}.tmp`));
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  await seedRipgrepCache(tmp);

  const nodeBin = nodeFor(version);
  const nodeVersion = capture(nodeBin, ['--version']);
  const npmVersion = capture('npm', ['--version']);
  const env = {
    ...process.env,
    TMPDIR: tmp,
    npm_config_unsafe_perm: 'true',
    npm_config_yes: 'true',
    // postinstall.sh reads the Node major from the user agent and refuses a mismatch.
    npm_config_user_agent: `npm/${npmVersion} node/${nodeVersion} linux x64 workspaces/false`,
  };
  if (node) {
    // The server's Node first on PATH so npm and node-gyp build for its ABI; ~/.npmrc's nodedir=/usr
    // holds Node 20's headers, so point node-gyp at the runtime's own.
    env.PATH = `${join(nodeRuntimeDir(node), 'bin')}:${process.env.PATH}`;
    env.npm_config_nodedir = nodeRuntimeDir(node);
  }
  await npmCi(version, env);
  const pkgDir = join(installDir(version), 'node_modules', 'code-server');
  approveNativeScripts(join(pkgDir, 'lib', 'vscode'));
  await run('sh', ['postinstall.sh'], { cwd: pkgDir, env });
  verify(version, pkgDir);
  rmSync(tmp, { recursive: true, force: true });
  writeFileSync(stampPath(version), JSON.stringify({ fingerprint: fingerprint(version) }));
  log(`VS Code ${version} installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

function verify(version, pkgDir) {
  const vscodeDir = join(pkgDir, 'lib', 'vscode');
  if (!existsSync(join(vscodeDir, 'out', 'server-main.js'))) throw new Error(`no server-main.js in ${vscodeDir}`);
  const rg = RIPGREP_BINARIES.map((p) => join(vscodeDir, 'node_modules', p)).find((p) => existsSync(p));
  if (!rg) throw new Error(`no ripgrep binary in ${vscodeDir}/node_modules (${RIPGREP_BINARIES.join(', ')})`);
  capture(rg, ['--version']);
  for (const mod of MUST_LOAD) {
    capture(nodeFor(version), ['-e', `require(${JSON.stringify(mod)})`], { cwd: vscodeDir });
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2), { multi: ['vscode'] });
  const versions = args.vscode ?? Object.keys(VERSIONS);
  await ensureDebianPackages();
  for (const version of versions) await installVersion(version, Boolean(args.force));
}

if (isMain(import.meta.url)) {
  main().catch((err) => {
    console.error(`[test-host install] ${err.stack ?? err}`);
    process.exit(1);
  });
}
