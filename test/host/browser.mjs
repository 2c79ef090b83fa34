// Debian's Chromium driven by playwright-core: the VS Code workbench's window. Playwright's own
// browser download can't run here, so the system binary is used with flags that keep it off the
// (closed) network.
import { chromium } from 'playwright-core';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const CHROMIUM = process.env.HANDOFF_CHROMIUM ?? '/usr/bin/chromium';

/** Launches headless Chromium with the run's own XDG folders; returns { browser, page }. */
export async function openBrowser(runDir, { width = 1400, height = 900 } = {}) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    env: { ...process.env, XDG_CONFIG_HOME: runDir.config, XDG_CACHE_HOME: runDir.cache, TMPDIR: runDir.tmp },
  });
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  return { browser, page };
}
