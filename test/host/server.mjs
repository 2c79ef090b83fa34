// Starts VS Code's own server entry (server-main.js inside code-server's package, not the
// code-server wrapper, which rejects --enable-smoke-test-driver) in its own process group, with
// the run's own TMPDIR and XDG folders, and stops the whole group whatever happens.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkVersion, nodeFor, serverMain } from './paths.mjs';

/** A scratch folder per run: every path the server, the host and Chromium write to lives in it. */
export function makeRunDir(label, settings = {}) {
  const root = mkdtempSync(join(process.env.HANDOFF_RUN_TMP ?? tmpdir(), `handoff-host-${label}-`));
  const dirs = {};
  for (const name of ['tmp', 'config', 'cache', 'data', 'user-data', 'server-data', 'extensions', 'browser']) {
    dirs[name] = join(root, name);
    mkdirSync(dirs[name], { recursive: true });
  }
  writeUserSettings(dirs['user-data'], settings);
  return { root, ...dirs, serverLog: join(root, 'server.log'), remove: () => rmSync(root, { recursive: true, force: true }) };
}

// Settings for every run. Workspace trust off: a run without a development folder (the VSIX test)
// would otherwise stop at the trust dialog, which the test driver refuses to show. The rest keeps
// the closed network out of the picture and the screenshots free of welcome pages. Sticky scroll off: its
// heading overlay covers the lines just under the editor's top, where a UI smoke click may aim. Auto-save off,
// as on the desktop (the web workbench saves a second after each edit): a test decides when a file is written.
const USER_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'editor.stickyScroll.enabled': false,
  'files.autoSave': 'off',
};

function writeUserSettings(userDataDir, extra) {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...extra }, null, 2));
}

/** Environment for anything started for the run: nothing leaks into the user's own folders. */
export function runEnv(runDir, extra = {}) {
  return {
    ...process.env,
    TMPDIR: runDir.tmp,
    XDG_CONFIG_HOME: runDir.config,
    XDG_CACHE_HOME: runDir.cache,
    XDG_DATA_HOME: runDir.data,
    ...extra,
  };
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

function serverArgs(version, port, runDir) {
  return [
    serverMain(version),
    '--host', '127.0.0.1',
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    // 1.139 ignores test payloads in the URL without it.
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    '--user-data-dir', runDir['user-data'],
    '--server-data-dir', runDir['server-data'],
    '--extensions-dir', runDir.extensions,
  ];
}

/**
 * Installs a VSIX into the run's extensions dir with the server's own CLI, as a user's
 * `code --install-extension` would.
 */
export function installVsix(version, runDir, vsix) {
  checkVersion(version);
  const args = [serverMain(version), '--install-extension', vsix, '--force', '--accept-server-license-terms',
    '--user-data-dir', runDir['user-data'], '--server-data-dir', runDir['server-data'], '--extensions-dir', runDir.extensions];
  return new Promise((resolveRun, reject) => {
    const child = spawn(nodeFor(version), args, { env: runEnv(runDir), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolveRun(output) : reject(new Error(`--install-extension exited ${code}:\n${output}`))));
  });
}

async function waitForHttp(url, child, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited early (${child.exitCode ?? child.signalCode})`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer ${url} within ${ms} ms`);
}

/**
 * Starts the server; `env` reaches the extension host (the host inherits the server's
 * environment), which is how the results file's path gets to the suite.
 */
export async function startServer({ version, runDir, env = {}, port, startupMs = 60_000 }) {
  checkVersion(version);
  const chosenPort = port ?? (await freePort());
  const log = createWriteStream(runDir.serverLog);
  const child = spawn(nodeFor(version), serverArgs(version, chosenPort, runDir), {
    env: runEnv(runDir, env),
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: the server forks the extension host, file watchers and pty host; one
    // kill of the group ends them all.
    detached: true,
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  liveGroups.add(child.pid);
  guardSignals();
  const exited = new Promise((r) => child.once('exit', r));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child.pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    // Stragglers the server left in its group after it exited.
    killGroup(child.pid, 'SIGKILL');
    liveGroups.delete(child.pid);
  };
  const url = `http://127.0.0.1:${chosenPort}`;
  try {
    await waitForHttp(url, child, startupMs);
  } catch (err) {
    await stop();
    throw new Error(`${err.message}\n--- server log ---\n${readLog(runDir)}`);
  }
  return { url, port: chosenPort, pid: child.pid, stop, exited };
}

// Server groups still running. They are detached (their own process group), so a Ctrl-C on the
// terminal does not reach them: they are killed when this process exits or is signalled.
const liveGroups = new Set();

function killLiveGroups() {
  for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
  liveGroups.clear();
}

process.on('exit', killLiveGroups);

/** Default handling for scripts without their own: kill the servers, then die of the signal. */
function guardSignals() {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    if (process.listenerCount(signal) > 0) continue; // the script handles it (npm start does)
    process.once(signal, () => {
      killLiveGroups();
      process.kill(process.pid, signal);
    });
  }
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (err) {
    if (err.code !== 'ESRCH') throw err;
  }
}

export function readLog(runDir) {
  try {
    return readFileSync(runDir.serverLog, 'utf8');
  } catch {
    return '(no server log)';
  }
}

/**
 * The workbench URL that opens `workspace` (a folder, or a `.code-workspace` file for a multi-root workspace)
 * with the extension under development and/or a test suite.
 */
export function workbenchUrl(serverUrl, { workspace, extensionDevelopmentPath, extensionTestsPath, extensionDevelopmentKind }) {
  const params = [];
  // encodeURIComponent, not URLSearchParams: the workbench decodes with decodeURIComponent, which
  // would leave URLSearchParams' '+' for a space in place.
  if (workspace) params.push(`${workspace.endsWith('.code-workspace') ? 'workspace' : 'folder'}=${encodeURIComponent(workspace)}`);
  const payload = [];
  // A web run names the server itself: the workbench runs the tests in the host of the extension whose folder
  // holds them, comparing authorities, and the extension's folder is known under the server's.
  const authority = extensionDevelopmentKind === 'web' ? new URL(serverUrl).host : 'remote';
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', `vscode-remote://${authority}${extensionDevelopmentPath}`]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', `vscode-remote://${authority}${extensionTestsPath}`]);
  // `web`: the extension under development runs in the browser's web-worker extension host (its `browser` entry).
  if (extensionDevelopmentKind) payload.push(['extensionDevelopmentKind', extensionDevelopmentKind]);
  if (payload.length) params.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${serverUrl}/?${params.join('&')}`;
}
