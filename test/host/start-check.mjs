// Checks `npm start` the way a newcomer uses it: start it, wait for the URL it prints, load the
// workbench page from it, press Ctrl-C, and expect a clean exit with the server and the demo
// workspace gone.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HOST_SRC } from './paths.mjs';

const URL_LINE = /^\s*(http:\/\/127\.0\.0\.1:(\d+)\/\?folder=(\S+?)&payload=\S+)\s*$/m;

function waitForExit(child, ms) {
  return new Promise((resolveExit, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not exit within ${ms} ms of Ctrl-C`)), ms);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolveExit({ code, signal });
    });
  });
}

/** Resolves to { ok, passes, failures, reason } like the other test:host steps. */
export async function checkStart({ version, port, timeoutMs = 120_000 }) {
  const child = spawn(process.execPath, [join(HOST_SRC, 'start.mjs'), '--vscode', version, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const fail = (reason) => ({ ok: false, passes: 0, failures: 1, reason: `${reason}\n--- npm start output ---\n${output}` });
  try {
    const deadline = Date.now() + timeoutMs;
    let match;
    while (!(match = URL_LINE.exec(output))) {
      if (child.exitCode !== null) return fail(`npm start exited (${child.exitCode}) before printing a URL`);
      if (Date.now() > deadline) return fail(`no URL within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const [, url, urlPort, folder] = match;
    const workspace = decodeURIComponent(folder);
    if (Number(urlPort) !== port) return fail(`URL port ${urlPort}, asked for ${port}`);
    if (!existsSync(join(workspace, 'HANDOFF.md'))) return fail(`the demo workspace ${workspace} has no HANDOFF.md`);
    const page = await fetch(url);
    if (!page.ok) return fail(`GET ${url} answered ${page.status}`);
    child.kill('SIGINT');
    const { code } = await waitForExit(child, 15_000);
    if (code !== 0) return fail(`npm start exited with ${code} after Ctrl-C`);
    const stillUp = await fetch(url).then(() => true, () => false);
    if (stillUp) return fail('the server still answers after npm start exited');
    if (existsSync(workspace)) return fail(`the demo workspace ${workspace} was left behind`);
    return { ok: true, passes: 1, failures: 0, reason: '' };
  } catch (err) {
    return fail(err.stack ?? String(err));
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
