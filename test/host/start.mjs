// `npm start`: see the extension work in a real VS Code. Installs what's missing (Debian packages,
// the cached VS Code server), builds, makes the demo workspace from the git fixture, starts the
// VS Code server with this folder loaded as the extension under development, and prints the URL to
// open. Runs until Ctrl-C, then stops the server's whole process group and removes the workspace.
//
//   npm start [-- --vscode 1.100.3] [-- --port 8300]
import { NEWEST, REPO_ROOT } from './paths.mjs';
import { ensureDebianPackages, installVersion } from './install.mjs';
import { parseArgs, run } from './proc.mjs';
import { makeRunDir, startServer, workbenchUrl } from './server.mjs';
import { makeWorkspace } from './workspace.mjs';

const args = parseArgs(process.argv.slice(2));
const version = typeof args.vscode === 'string' ? args.vscode : NEWEST;
const port = typeof args.port === 'string' ? Number(args.port) : 8300;

await ensureDebianPackages();
await installVersion(version);
await run(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT });
const workspace = await makeWorkspace();
const runDir = makeRunDir(`start-${version}`);
let server;
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  await server?.stop();
  workspace.cleanup();
  runDir.remove();
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

try {
  server = await startServer({ version, runDir, port });
} catch (err) {
  console.error(err.message);
  await shutdown(1);
}
server.exited.then((code) => {
  console.error(`VS Code server exited (${code}); see ${runDir.serverLog}`);
  shutdown(1);
});
const url = workbenchUrl(server.url, { workspace: workspace.path, extensionDevelopmentPath: REPO_ROOT });
console.log(`
Handoff Navigator in VS Code ${version}, on the demo workspace ${workspace.path}
(a git repository with pushed, unpushed and amended commits, a moved file, and HANDOFF.md).

Open this URL in a browser on this machine (forward port ${server.port} to reach it from elsewhere):

  ${url}

After changing the extension: rebuild (npm run build) and reload the window. Ctrl-C stops the server.
`);
