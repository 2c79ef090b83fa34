// The standard @vscode/test-electron entry point for the extension-host suite.
//
//   node test/host/electron-entry.mjs [--vscode 1.139.1]
//
// Here it passes vscodeExecutablePath = code-launcher.mjs, which runs the suite in the real VS Code
// server with Chromium (desktop VS Code can't be downloaded on these machines). With
// HANDOFF_VSCODE_DESKTOP=1 it leaves vscodeExecutablePath out, so on a desktop runTests()
// downloads VS Code and runs the same suite under Electron unchanged.
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildSuite } from '../extension/build.mjs';
import { HOST_SRC, REPO_ROOT } from './paths.mjs';
import { parseArgs } from './proc.mjs';
import { makeWorkspace } from './workspace.mjs';

const args = parseArgs(process.argv.slice(2));
const desktop = process.env.HANDOFF_VSCODE_DESKTOP === '1';
const extensionTestsPath = await buildSuite();
const workspace = await makeWorkspace();
try {
  await runTests({
    ...(desktop ? {} : { vscodeExecutablePath: join(HOST_SRC, 'code-launcher.mjs') }),
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath,
    launchArgs: [workspace.path],
    extensionTestsEnv: typeof args.vscode === 'string' ? { HANDOFF_VSCODE_VERSION: args.vscode } : {},
  });
} catch (err) {
  console.error(`extension-host tests failed: ${err.message ?? err}`);
  process.exitCode = 1;
} finally {
  workspace.cleanup();
}
