// UI smoke tests: Playwright drives the real workbench (VS Code server + Chromium) with the
// extension loaded from this folder and the fixture workspace open, one named step at a time, and
// saves a screenshot after each step to out/screenshots/<version>/<nn>-<step>.png.
//
//   node test/host/smoke.mjs [--vscode 1.139.1]
//
// To add a check, append a step to STEPS (or to a feature's step file it spreads in, like
// smoke-steps-handoff.mjs): { name, readme?, run(ctx) }. `run` gets
// { page, workspace, fixture, version } and throws (or lets a Playwright wait time out) when what
// a person would see is not there. Steps run in order and share the window, so a step may build on
// the state the previous one left. `readme: 'file.png'` marks the step's screenshot as a README
// image (test/host/screenshots.mjs copies those into media/screenshots/).
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser } from './browser.mjs';
import { NEWEST, REPO_ROOT } from './paths.mjs';
import { isMain, parseArgs } from './proc.mjs';
import { makeRunDir, readLog, startServer, workbenchUrl } from './server.mjs';
import { ACT_STEPS, RESUME_STEPS } from './smoke-steps-act.mjs';
import { FIX_STEPS } from './smoke-steps-fixes.mjs';
import { HANDOFF_STEPS } from './smoke-steps-handoff.mjs';
import { PROVIDER_STEPS } from './smoke-steps-providers.mjs';
import { makeWorkspace } from './workspace.mjs';
import { runCommand, WAIT } from './workbench.mjs';

function explorerRow(page, label) {
  return page.locator('.explorer-folders-view .monaco-list-row', { hasText: label }).first();
}


// The workbench's own steps; feature steps (the Handoff view, the Problems panel, lenses and links, Resume, quick
// fixes, drift, freshness, New Handoff) come from smoke-steps-*.mjs and run after these, in the window they leave.
const WORKBENCH_STEPS = [
  {
    name: 'workbench',
    async run({ page }) {
      await page.locator('.monaco-workbench').waitFor(WAIT);
      await explorerRow(page, 'HANDOFF.md').waitFor(WAIT);
    },
  },
  {
    name: 'handoff-open',
    async run({ page }) {
      await explorerRow(page, 'HANDOFF.md').click();
      await page.locator('.tabs-container .tab', { hasText: 'HANDOFF.md' }).waitFor(WAIT);
      await page.locator('.editor-container .view-lines', { hasText: 'Phase 3: Experiment' }).waitFor(WAIT);
    },
  },
  {
    name: 'extension-running',
    async run({ page }) {
      // The running-extensions editor lists only activated extensions: proof the workspace's
      // handoff activated the extension in this window.
      await runCommand(page, 'Developer: Show Running Extensions');
      // Listed by display name or, for a development extension on some versions, by its id.
      const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: /Handoff Navigator|handoff-navigator\.handoff-navigator/ });
      // "Activation: N ms" once activate() returned ("Activating..." before, or when it hangs).
      await row.filter({ hasText: /Activation: \d+\s*ms/ }).first().waitFor(WAIT);
    },
  },
];

export const STEPS = [...WORKBENCH_STEPS, ...HANDOFF_STEPS, ...PROVIDER_STEPS, ...RESUME_STEPS, ...FIX_STEPS, ...ACT_STEPS];

export function screenshotDir(version) {
  return join(REPO_ROOT, 'out', 'screenshots', version);
}

/** Runs the steps on one VS Code version; resolves to { ok, passes, failures, reason, shots }. */
export async function runSmoke({ version, steps = STEPS }) {
  const runDir = makeRunDir(`smoke-${version}`);
  const shotsDir = screenshotDir(version);
  rmSync(shotsDir, { recursive: true, force: true });
  mkdirSync(shotsDir, { recursive: true });
  const result = { ok: false, passes: 0, failures: 0, reason: '', shots: [] };
  let workspace;
  let server;
  let browser;
  try {
    workspace = await makeWorkspace();
    server = await startServer({ version, runDir });
    const opened = await openBrowser(runDir);
    browser = opened.browser;
    const { page } = opened;
    await page.goto(workbenchUrl(server.url, { workspace: workspace.path, extensionDevelopmentPath: REPO_ROOT }));
    const ctx = { page, workspace: workspace.path, fixture: workspace.fixture, version };
    for (const [i, step] of steps.entries()) {
      const file = join(shotsDir, `${String(i + 1).padStart(2, '0')}-${step.name}.png`);
      try {
        await step.run(ctx);
      } catch (err) {
        result.failures++;
        result.reason = `step ${step.name}: ${err.message.split('\n')[0]}`;
        await page.screenshot({ path: file.replace(/\.png$/, '.failed.png') }).catch(() => {});
        console.log(`  ✖ ${step.name}: ${err.message}`);
        break;
      }
      await page.screenshot({ path: file });
      result.shots.push({ step: step.name, file, readme: step.readme });
      result.passes++;
      console.log(`  ✔ ${step.name} (${file})`);
    }
    if (result.passes < steps.length && !result.reason) result.reason = 'not every step ran';
    result.ok = result.failures === 0 && result.passes === steps.length;
  } catch (err) {
    result.reason = err.stack ?? String(err);
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    workspace?.cleanup();
    if (result.ok) runDir.remove();
    else console.log(`[smoke ${version}] FAILED: ${result.reason}\nserver log tail:\n${readLog(runDir).split('\n').slice(-20).join('\n')}\nkept ${runDir.root}`);
  }
  return result;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const version = typeof args.vscode === 'string' ? args.vscode : NEWEST;
  const result = await runSmoke({ version });
  console.log(`UI smoke (VS Code ${version}): ${result.passes} passed, ${result.failures} failed`);
  process.exitCode = result.ok ? 0 : 1;
}

if (isMain(import.meta.url)) {
  main().catch((err) => {
    console.error(err.stack ?? err);
    process.exit(1);
  });
}
