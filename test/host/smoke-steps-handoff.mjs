// UI smoke steps of the Handoff view and the Problems panel, in smoke.mjs's step shape ({ name, readme?,
// run(ctx) }); smoke.mjs appends them to its STEPS, after its own steps that open the workbench and the handoff.
import { runCommand, WAIT } from './workbench.mjs';

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
      for (const phase of ['Phase 1 · Parser', 'Phase 2 · Config loader', 'Phase 3 · Experiment']) {
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

