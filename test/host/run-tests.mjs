// Runs the extension-host test suite in a real VS Code (the server inside code-server, Chromium
// as the window):
//
//   node test/host/run-tests.mjs --vscode 1.100.3 --extension <dir> --tests <compiled index.js>
//        --workspace <dir> [--vsix <file>] [--grep <regexp>] [--require-suite <title> ...]
//        [--timeout <s>] [--keep] [--web]
//
// --grep runs only the tests whose full title matches; --require-suite fails the run unless that
// top-level suite ran at least one test (so a renamed suite can't silently drop out of a grep).
// With --vsix the extension is installed from that file into the run's extensions dir instead of
// being loaded from --extension, so the suite tests what users get.
// --web runs the extension in the web-worker extension host (what vscode.dev runs) with the web suite
// (test/web/, bundled for the browser): a worker has no environment and no disk of its own, so that suite
// writes its results through workspace.fs to web-test-results.json beside the workspace folder.
// The truth is the results file the suite writes (its path reaches the extension host through the
// server's environment); the workbench's codeAutomationExit code must agree with it.
// Every run, passing or not, appends the activation times the extension logged to the test-host cache's
// activations.jsonl (activations.mjs) before its dir is removed: that file is what `npm run bench` reads.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { activationLogFile, recordRunActivations } from './activations.mjs';
import { openBrowser } from './browser.mjs';
import { isMain, parseArgs } from './proc.mjs';
import { installVsix, makeRunDir, readLog, startServer, workbenchUrl } from './server.mjs';

function say(version, msg) {
  console.log(`[VS Code ${version}] ${msg}`);
}

function readResults(file) {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Waits for the workbench to report the end of the suite, or for the timeout. */
function exitOrTimeout(exitPromise, ms) {
  let timer;
  const timeout = new Promise((r) => { timer = setTimeout(() => r({ timedOut: true }), ms); });
  return Promise.race([exitPromise.then((code) => ({ code })), timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs the suite once; resolves to { ok, passes, failures, reason, activations } (activations: the ms of
 * each activation the extension logged). Never throws for a failing suite: the caller decides the exit code.
 */
export async function runSuite({ version, extension, tests, workspace, vsix, grep, requireSuites = [], timeoutSec = 600, keep = false, web = false }) {
  const runDir = makeRunDir(version, web ? webSettings(extension) : {});
  const resultsFile = web ? join(dirname(workspace), 'web-test-results.json') : join(runDir.root, 'results.json');
  const consoleLog = [];
  let server;
  let browser;
  let outcome = { ok: false, passes: 0, failures: 0, reason: 'did not start' };
  try {
    let developmentPath = extension;
    let expectedUnder = extension;
    if (vsix) {
      say(version, `installing ${vsix}`);
      await installVsix(version, runDir, vsix);
      // The web workbench runs extension tests only in extension-development mode, so the run gets
      // a development folder holding no extension: the host then loads the installed VSIX.
      developmentPath = join(runDir.root, 'no-development-extension');
      mkdirSync(developmentPath);
      expectedUnder = runDir.extensions;
    }
    server = await startServer({
      version,
      runDir,
      env: {
        HANDOFF_TEST_RESULTS: resultsFile,
        HANDOFF_TEST_WORKSPACE: workspace,
        HANDOFF_TEST_EXTENSION_UNDER: expectedUnder,
        ...(grep ? { HANDOFF_TEST_GREP: grep } : {}),
      },
    });
    say(version, `server ${server.url} (pid ${server.pid}), run dir ${runDir.root}`);
    const opened = await openBrowser(runDir);
    browser = opened.browser;
    const page = opened.page;
    let reportExit;
    const exited = new Promise((r) => { reportExit = r; });
    // The workbench calls window.codeAutomationExit(code) when the extension host's test run ends.
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(code));
    page.on('console', (msg) => consoleLog.push(`[${msg.type()}] ${msg.text()}`));
    page.on('pageerror', (err) => consoleLog.push(`[pageerror] ${err.message}`));
    await page.goto(workbenchUrl(server.url, { workspace, extensionDevelopmentPath: developmentPath, extensionTestsPath: tests, extensionDevelopmentKind: web ? 'web' : undefined }), {
      // The workbench page can take over Playwright's default 30 s to load on a busy machine (2 cores shared); the
      // suite's own timeout still bounds the run.
      timeout: 120_000,
    });

    const end = await exitOrTimeout(exited, timeoutSec * 1000);
    const results = readResults(resultsFile);
    if (results) for (const line of results.lines) console.log(line);
    outcome = judge(end, results, timeoutSec, requireSuites);
  } catch (err) {
    outcome = { ok: false, passes: 0, failures: 0, reason: err.stack ?? String(err) };
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    outcome.activations = recordActivations(version, runDir, { vsix, workspace, ok: outcome.ok });
    if (!outcome.ok) {
      writeFileSync(join(runDir.root, 'console.log'), consoleLog.join('\n'));
      say(version, `FAILED: ${outcome.reason}`);
      say(version, `server log tail:\n${readLog(runDir).split('\n').slice(-40).join('\n')}`);
      say(version, `kept ${runDir.root} (server.log, console.log)`);
    } else if (!keep) {
      runDir.remove();
    }
  }
  return outcome;
}

/** The run's activation times (from the extension's own log), appended to the activation log; never fails the run. */
function recordActivations(version, runDir, { vsix, workspace, ok }) {
  const runKind = vsix ? 'vsix' : workspace?.endsWith('.code-workspace') ? 'multi-root' : 'development';
  try {
    const entries = recordRunActivations(runDir.root, { version, runKind, ok });
    if (entries.length) say(version, `activated in ${entries.map((e) => `${e.ms} ms`).join(', ')} (its log; recorded in ${activationLogFile()})`);
    else say(version, 'no activation line in the extension\'s log');
    return entries.map((e) => e.ms);
  } catch (err) {
    say(version, `could not record the activation time: ${err.message}`);
    return [];
  }
}

/**
 * User settings that put the extension under development in the web-worker extension host. The workbench's
 * `extensionDevelopmentKind` payload would be the way, but the browser workbench (1.100 to 1.139 at least) reads
 * it under another name and ignores it; `remote.extensionKind` is the user's own override of an extension's kind.
 */
function webSettings(extension) {
  const { publisher, name } = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8'));
  return { 'remote.extensionKind': { [`${publisher}.${name}`]: ['web'] }, 'extensions.webWorker': true };
}

function judge(end, results, timeoutSec, requireSuites) {
  const counts = { passes: results?.passes ?? 0, failures: results?.failures ?? 0 };
  if (end.timedOut) {
    const last = results?.lines.filter((l) => l.trim()).at(-1)?.trim();
    return { ok: false, ...counts, reason: `no codeAutomationExit within ${timeoutSec} s${last ? ` (last output: ${last})` : ''}` };
  }
  if (!results) return { ok: false, ...counts, reason: `exit code ${end.code} but the suite wrote no results file` };
  if (!results.done) return { ok: false, ...counts, reason: `the suite exited (${end.code}) before it finished` };
  if (results.error) return { ok: false, ...counts, reason: `suite error: ${results.error}` };
  if (results.tests === 0 || results.passes === 0) return { ok: false, ...counts, reason: 'the suite ran no test' };
  if (results.failures > 0) return { ok: false, ...counts, reason: `${results.failures} test(s) failed` };
  const missing = requireSuites.filter((title) => !results.suites.includes(title));
  if (missing.length) return { ok: false, ...counts, reason: `required suites ran no test: ${missing.join(', ')}` };
  if (end.code !== 0) return { ok: false, ...counts, reason: `results are clean but the workbench exited with ${end.code}` };
  return { ok: true, ...counts, reason: '' };
}

async function main() {
  const args = parseArgs(process.argv.slice(2), { multi: ['require-suite'] });
  for (const required of ['vscode', 'extension', 'tests', 'workspace']) {
    if (typeof args[required] !== 'string') throw new Error(`--${required} is required`);
  }
  const outcome = await runSuite({
    version: args.vscode,
    extension: resolve(args.extension),
    tests: resolve(args.tests),
    workspace: resolve(args.workspace),
    vsix: args.vsix ? resolve(args.vsix) : undefined,
    grep: typeof args.grep === 'string' ? args.grep : undefined,
    requireSuites: args['require-suite'] ?? [],
    timeoutSec: args.timeout ? Number(args.timeout) : undefined,
    keep: Boolean(args.keep),
    web: Boolean(args.web),
  });
  console.log(`extension host (VS Code ${args.vscode}): ${outcome.passes} passed, ${outcome.failures} failed`);
  process.exitCode = outcome.ok ? 0 : 1;
}

if (isMain(import.meta.url)) {
  main().catch((err) => {
    console.error(err.stack ?? err);
    process.exit(1);
  });
}
