// What the UI smoke steps do to the workbench as a person would. Its own module so that smoke.mjs and the
// feature step files (which smoke.mjs imports) can share it without an import cycle.

export const WAIT = { timeout: 60_000 };

/** Runs a command by its title through the command palette. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor(WAIT);
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor(WAIT);
  await page.keyboard.press('Enter');
}
