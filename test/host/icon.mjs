// Renders the marketplace icon media/icon.png (128×128) from media/icon.svg with the test hosts' headless
// Chromium, offline: the PNG is committed, and this script is how it is made again after the SVG changes.
//
//   node test/host/icon.mjs
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBrowser } from './browser.mjs';
import { REPO_ROOT } from './paths.mjs';
import { isMain } from './proc.mjs';

export const ICON_SIZE = 128;

export async function renderIcon({ svg = join(REPO_ROOT, 'media', 'icon.svg'), png = join(REPO_ROOT, 'media', 'icon.png') } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'handoff-icon-'));
  const dirs = { root: scratch, config: join(scratch, 'config'), cache: join(scratch, 'cache'), tmp: scratch };
  const { browser, page } = await openBrowser(dirs, { width: ICON_SIZE, height: ICON_SIZE });
  try {
    const markup = readFileSync(svg, 'utf8');
    // The SVG inline in a page with no margin and a transparent background: the screenshot is the icon.
    await page.setContent(`<html><body style="margin:0;background:transparent">${markup}</body></html>`);
    const image = await page.screenshot({ clip: { x: 0, y: 0, width: ICON_SIZE, height: ICON_SIZE }, omitBackground: true });
    writeFileSync(png, image);
    return png;
  } finally {
    await browser.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  console.log(await renderIcon());
}
