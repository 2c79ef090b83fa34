#!/usr/bin/env node
// Stands in for the `code` executable that @vscode/test-electron's runTests() spawns
// (vscodeExecutablePath): takes its command line, forwards --extensionDevelopmentPath,
// --extensionTestsPath and the folder to the real-VS-Code runner, and exits with the suite's
// outcome. Electron-only flags (--no-sandbox, --disable-updates, --user-data-dir=…) are dropped:
// the runner gives every run its own folders. HANDOFF_VSCODE_VERSION picks the server version.
import { resolve } from 'node:path';
import { runSuite } from './run-tests.mjs';

function parseCodeArgs(argv) {
  const out = { folders: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = /^--(extensionDevelopmentPath|extensionTestsPath)(?:=(.*))?$/.exec(arg);
    if (match) out[match[1]] = match[2] ?? argv[++i];
    else if (!arg.startsWith('-')) out.folders.push(arg);
  }
  return out;
}

const args = parseCodeArgs(process.argv.slice(2));
if (!args.extensionTestsPath || !args.extensionDevelopmentPath || args.folders.length !== 1) {
  console.error('usage: code-launcher --extensionDevelopmentPath=<dir> --extensionTestsPath=<index.js> <folder>');
  process.exit(2);
}
const version = process.env.HANDOFF_VSCODE_VERSION ?? '1.100.3';
const outcome = await runSuite({
  version,
  extension: resolve(args.extensionDevelopmentPath),
  tests: resolve(args.extensionTestsPath),
  workspace: resolve(args.folders[0]),
});
console.log(`extension host (VS Code ${version}, via @vscode/test-electron): ${outcome.passes} passed, ${outcome.failures} failed`);
process.exit(outcome.ok ? 0 : 1);
