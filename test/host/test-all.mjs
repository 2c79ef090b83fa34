// `npm run test:host`: everything that needs a real VS Code, on every version in paths.mjs:
//   1. installs what's missing (Debian packages, the cached VS Code servers),
//   2. builds the extension and the extension-host suite,
//   3. runs the suite with the extension loaded from this folder, then its multi-root part in a
//      two-folder workspace,
//   4. packages the VSIX and runs the activation and Handoff view suites again with it installed,
//   5. runs the web suite (test/web/) with the extension's browser bundle in the web-worker extension host,
//   6. runs the UI smoke steps and saves their screenshots,
//   7. checks `npm start` (URL printed and served, clean Ctrl-C) on the version it opens.
// Each suite run gets a fresh fixture workspace: tests push, amend and edit in it, and appends the
// activation times the extension logged to the test-host cache's activations.jsonl (run-tests.mjs).
//
//   node test/host/test-all.mjs [--vscode 1.100.3 ...] [--no-vsix] [--no-web] [--no-smoke] [--no-start]
import { buildSuite } from '../extension/build.mjs';
import { buildWebSuite } from '../web/build.mjs';
import { activationLogFile } from './activations.mjs';
import { ensureDebianPackages, installVersion } from './install.mjs';
import { packageVsix } from './package.mjs';
import { NEWEST, REPO_ROOT, VERSIONS } from './paths.mjs';
import { parseArgs, run } from './proc.mjs';
import { runSuite } from './run-tests.mjs';
import { freePort } from './server.mjs';
import { runSmoke } from './smoke.mjs';
import { checkStart } from './start-check.mjs';
import { makeMultiRootWorkspace, makeWorkspace } from './workspace.mjs';

// The VSIX run repeats only what proves the installed package works (it activates, shows the
// tree); the development-folder run already covers every test on both versions.
const VSIX_SUITES = ['activation', 'fixture workspace', 'Handoff view'];
const VSIX_GREP = `^(${VSIX_SUITES.join('|')}) `;
// The multi-root suite registers its tests only when the window has several folders, so it runs here alone.
const MULTI_ROOT_SUITE = 'multi-root workspace';

const args = parseArgs(process.argv.slice(2), { multi: ['vscode'] });
const versions = args.vscode ?? Object.keys(VERSIONS);
const outcomes = [];

function section(title) {
  console.log(`\n=== ${title} ===`);
}

async function suiteOn(version, tests, vsix) {
  const label = `extension-host suite, VS Code ${version}, ${vsix ? 'installed VSIX' : 'development folder'}`;
  section(label);
  const workspace = await makeWorkspace();
  const started = Date.now();
  try {
    const narrow = vsix ? { grep: VSIX_GREP, requireSuites: VSIX_SUITES } : {};
    const outcome = await runSuite({ version, extension: REPO_ROOT, tests, workspace: workspace.path, vsix, ...narrow });
    outcomes.push({ label, seconds: Math.round((Date.now() - started) / 1000), ...outcome });
  } finally {
    workspace.cleanup();
  }
}

async function multiRootOn(version, tests) {
  const label = `extension-host suite, VS Code ${version}, multi-root workspace`;
  section(label);
  const workspace = await makeMultiRootWorkspace();
  const started = Date.now();
  try {
    const outcome = await runSuite({
      version, extension: REPO_ROOT, tests, workspace: workspace.path, grep: `^${MULTI_ROOT_SUITE} `, requireSuites: [MULTI_ROOT_SUITE],
    });
    outcomes.push({ label, seconds: Math.round((Date.now() - started) / 1000), ...outcome });
  } finally {
    workspace.cleanup();
  }
}

// What vscode.dev and github.dev run: the `browser` bundle in the web-worker extension host, its own suite.
const WEB_SUITE = 'web extension host';

async function webOn(version, tests) {
  const label = `web extension host suite, VS Code ${version}`;
  section(label);
  const workspace = await makeWorkspace();
  const started = Date.now();
  try {
    const outcome = await runSuite({ version, extension: REPO_ROOT, tests, workspace: workspace.path, web: true, requireSuites: [WEB_SUITE] });
    outcomes.push({ label, seconds: Math.round((Date.now() - started) / 1000), ...outcome });
  } finally {
    workspace.cleanup();
  }
}

async function smokeOn(version) {
  const label = `UI smoke, VS Code ${version}`;
  section(label);
  const started = Date.now();
  const outcome = await runSmoke({ version });
  outcomes.push({ label, seconds: Math.round((Date.now() - started) / 1000), ...outcome });
}

async function main() {
  const started = Date.now();
  section('test hosts');
  await ensureDebianPackages();
  for (const version of versions) await installVersion(version);

  section('build');
  await run(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT });
  const tests = await buildSuite();
  const webTests = await buildWebSuite();

  for (const version of versions) await suiteOn(version, tests);
  for (const version of versions) await multiRootOn(version, tests);
  if (args['no-vsix'] !== true) {
    section('package');
    // Runs the production build (vscode:prepublish) into dist/, which the VSIX carries.
    const vsix = await packageVsix();
    for (const version of versions) await suiteOn(version, tests, vsix);
  }
  if (args['no-web'] !== true) for (const version of versions) await webOn(version, webTests);
  if (args['no-smoke'] !== true) for (const version of versions) await smokeOn(version);
  if (args['no-start'] !== true && versions.includes(NEWEST)) {
    const label = `npm start, VS Code ${NEWEST}`;
    section(label);
    const began = Date.now();
    const outcome = await checkStart({ version: NEWEST, port: await freePort() });
    outcomes.push({ label, seconds: Math.round((Date.now() - began) / 1000), ...outcome });
  }

  section('summary');
  for (const o of outcomes) {
    const activation = o.activations?.length ? `, activated in ${o.activations.join(', ')} ms` : '';
    console.log(`${o.ok ? 'ok  ' : 'FAIL'} ${o.label}: ${o.passes} passed, ${o.failures} failed (${o.seconds} s${activation})${o.ok ? '' : ` - ${o.reason}`}`);
  }
  // Each suite run appended what it saw to this file; `npm run bench` (item 6) reads it.
  console.log(`activation times (the extension's own log) recorded in ${activationLogFile()}`);
  const passes = outcomes.reduce((n, o) => n + o.passes, 0);
  const failures = outcomes.reduce((n, o) => n + o.failures + (o.ok || o.failures > 0 ? 0 : 1), 0);
  console.log(`test:host took ${Math.round((Date.now() - started) / 1000)} s`);
  // The plain closing line CI reads; a run that failed without a failing test counts as one failure.
  console.log(`${passes} passed, ${failures} failed`);
  process.exitCode = outcomes.length > 0 && outcomes.every((o) => o.ok) ? 0 : 1;
}

main().catch((err) => {
  console.error(err.stack ?? err);
  process.exit(1);
});
