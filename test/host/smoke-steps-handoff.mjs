// UI smoke steps of the Handoff view and the Problems panel, in smoke.mjs's step shape ({ name, readme?,
// run(ctx) }); smoke.mjs appends them to its STEPS. Run alone (after smoke.mjs's own steps, which open the
// workbench and the handoff): node test/host/smoke-steps-handoff.mjs [--vscode 1.100.3]
import { isMain, parseArgs } from './proc.mjs';

const WAIT = { timeout: 60_000 };

/**
 * Runs a command by its title through the command palette (as smoke.mjs's runCommand does; not imported from
 * there, so smoke.mjs can import this file without an import cycle).
 */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor(WAIT);
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor(WAIT);
  await page.keyboard.press('Enter');
}

export const HANDOFF_STEPS = [
  {
    name: 'handoff-view',
    readme: 'handoff-view.png',
    async run({ page }) {
      // A previous step may leave an overlay open (1.139 shows Running Extensions as a modal editor).
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      // The activity bar entry of the extension's own view container, as a person would click it; the
      // view's focus command where the bar is laid out differently.
      const entry = page.locator('.activitybar .action-item a[aria-label^="Handoff Navigator"], .activitybar .action-item[aria-label^="Handoff Navigator"]').first();
      const clicked = await entry.click({ timeout: 5_000 }).then(() => true, () => false);
      if (!clicked) await runCommand(page, 'Focus on Handoffs View');
      const tree = page.locator('.pane-body .monaco-list-row');
      for (const phase of ['Phase 1: Parser', 'Phase 2: Config loader', 'Phase 3: Experiment']) {
        await tree.filter({ hasText: phase }).first().waitFor(WAIT);
      }
      // The phase's counts are in its description.
      await tree.filter({ hasText: '1 unpushed' }).first().waitFor(WAIT);
    },
  },
  {
    name: 'problems-unpushed',
    readme: 'problems.png',
    async run({ page }) {
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel .monaco-list-row', { hasText: /is not pushed/ }).first().waitFor(WAIT);
    },
  },
];

async function main() {
  const { runSmoke, STEPS } = await import('./smoke.mjs');
  const args = parseArgs(process.argv.slice(2));
  const version = typeof args.vscode === 'string' ? args.vscode : '1.139.1';
  const known = new Set(STEPS.map((s) => s.name));
  const steps = [...STEPS, ...HANDOFF_STEPS.filter((s) => !known.has(s.name))];
  const result = await runSmoke({ version, steps });
  console.log(`UI smoke (VS Code ${version}): ${result.passes} passed, ${result.failures} failed`);
  process.exitCode = result.ok ? 0 : 1;
}

if (isMain(import.meta.url)) {
  main().catch((err) => {
    console.error(err.stack ?? err);
    process.exit(1);
  });
}
