// UI smoke steps of the editor features: a CodeLens over a breadcrumb, following a breadcrumb link to the file at
// its line, and that file's backlinks (the "cited by" lens and the hover on the cited line). In smoke.mjs's step shape ({ name, readme?, run(ctx) }); smoke.mjs appends them to its
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
      // Lenses carry news: the moved helper gets one; `src/parser.ts:12`, which simply works, is a link with a hover.
      await page.locator('.editor-container .codelens-decoration a', { hasText: 'helper.ts moved · Open src/lib/helper.ts:4' }).first().waitFor(WAIT);
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
  {
    name: 'backlinks',
    readme: 'backlinks.png',
    async run({ page }) {
      // parser.ts, opened by the link: the handoff citing it is named at its top, and on the cited line.
      await page.locator('.tabs-container .tab.active', { hasText: 'parser.ts' }).waitFor(WAIT);
      await page.locator('.editor-container .codelens-decoration a', { hasText: 'cited by HANDOFF.md › Phase 1' }).first().waitFor(WAIT);
      // The cursor is on line 12: show its hover from the keyboard.
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      await page.locator('.monaco-hover', { hasText: 'Cited by' }).first().waitFor(WAIT);
    },
  },
];
