// UI smoke steps of the editor features: a CodeLens over a breadcrumb, and following a breadcrumb link to the
// file at its line. In smoke.mjs's step shape ({ name, readme?, run(ctx) }); smoke.mjs appends them to its
// STEPS, after the steps that open the workbench and the fixture's HANDOFF.md.

import { WAIT } from './workbench.mjs';

export const PROVIDER_STEPS = [
  {
    name: 'breadcrumb-codelens',
    async run({ page }) {
      // Whatever an earlier step left in front (Running Extensions, the Problems panel, another side bar), go back
      // to the handoff the way a person would: Escape, then its editor tab.
      await page.keyboard.press('Escape');
      await page.locator('.tabs-container .tab', { hasText: 'HANDOFF.md' }).first().click();
      await page.locator('.tabs-container .tab.active', { hasText: 'HANDOFF.md' }).waitFor(WAIT);
      await page.locator('.editor-container .codelens-decoration a', { hasText: 'Open parser.ts:12' }).first().waitFor(WAIT);
      // Commit lenses resolve lazily (git is asked only for lenses on screen): wait for the subject to land.
      await page.locator('.editor-container .codelens-decoration', { hasText: 'Add parser' }).first().waitFor(WAIT);
    },
  },
  {
    name: 'breadcrumb-link',
    async run({ page }) {
      // Ctrl+click on the breadcrumb inside backticks (a link VS Code's own Markdown links do not make):
      // parser.ts opens with the cursor on line 12.
      const crumb = page.locator('.editor-container .view-lines span', { hasText: /^src\/parser\.ts:12$/ }).first();
      await crumb.waitFor(WAIT);
      // As a person does it: hold Ctrl, move over the link (the editor underlines it), click. Playwright's
      // click({ modifiers }) does not follow editor links.
      const box = await crumb.boundingBox();
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      await page.mouse.move(x - 5, y);
      await page.keyboard.down('Control');
      await page.mouse.move(x, y, { steps: 3 });
      await page.mouse.down();
      await page.mouse.up();
      await page.keyboard.up('Control');
      await page.locator('.tabs-container .tab.active', { hasText: 'parser.ts' }).waitFor(WAIT);
      await page.locator('.statusbar-item', { hasText: 'Ln 12, Col 1' }).first().waitFor(WAIT);
    },
  },
];
