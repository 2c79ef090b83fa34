// UI smoke steps of the quick fixes, in smoke.mjs's step shape ({ name, readme?, run(ctx) }); smoke.mjs appends them
// after the Resume step, in the window it leaves (HANDOFF.md open, the Handoffs view shown, Resume's picker open).
import { runCommand, WAIT } from './workbench.mjs';

export const FIX_STEPS = [
  {
    name: 'quick-fix',
    readme: 'quick-fix.png',
    async run({ page }) {
      // Escape ends the Resume walk the step before left open; one editor group again.
      await page.keyboard.press('Escape');
      await runCommand(page, 'View: Single Column Editor Layout');
      await page.locator('.tabs-container .tab', { hasText: 'HANDOFF.md' }).first().click();
      await page.locator('.tabs-container .tab.active', { hasText: 'HANDOFF.md' }).waitFor(WAIT);
      // Back to the top (Resume left the cursor on its step, further down); the tab's click focused the editor.
      await page.keyboard.press('Control+Home');
      // The cursor on the moved file's breadcrumb, then a click on the light bulb that shows up beside it.
      const crumb = page.locator('.editor-container .view-lines span', { hasText: /^src\/old\/helper\.ts:4$/ }).first();
      await crumb.waitFor(WAIT);
      await crumb.click();
      const bulb = page.locator('.editor-container .lightBulbWidget').first();
      const clicked = await bulb.click({ timeout: 15_000 }).then(() => true, () => false);
      if (!clicked) await runCommand(page, 'Quick Fix...');
      // The action list is left open for the screenshot; the next step closes it.
      await page.locator('.action-widget', { hasText: 'Update the path to src/lib/helper.ts' }).first().waitFor(WAIT);
    },
  },
  {
    name: 'step-checkbox',
    readme: 'step-checkbox.png',
    async run({ page }) {
      await page.keyboard.press('Escape');
      // The end of the handoff in view (the quick-fix step left the top), where the step is: a click on its tab
      // focuses the editor.
      await page.locator('.tabs-container .tab', { hasText: 'HANDOFF.md' }).first().click();
      await page.keyboard.press('Control+End');
      // The open step's checkbox in the Handoffs view (in the side bar, under Phase 3, expanded first), clicked:
      // the step is ticked in the handoff's text (an edit of the buffer; the host tests prove Undo takes it back).
      const tree = page.locator('.part.sidebar .monaco-list-row');
      const row = tree.filter({ hasText: 'Resume: wire the widget' }).first();
      if (!(await row.isVisible())) {
        const phase = tree.filter({ hasText: 'Phase 3 · Experiment' }).first();
        await phase.locator('.monaco-tl-twistie').click();
      }
      await row.waitFor(WAIT);
      await row.locator('.custom-view-tree-node-item-checkbox').click();
      await page.locator('.editor-container .view-lines', { hasText: '[x] Resume: wire the widget' }).waitFor(WAIT);
      await page.locator('.statusbar-item', { hasText: /\b1 open step\b/ }).first().waitFor(WAIT);
    },
  },
];
