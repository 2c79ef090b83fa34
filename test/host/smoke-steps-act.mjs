// UI smoke steps of acting on a handoff (issue 13): Resume's picker, a cited line followed through the commits
// since the handoff (the drift hover), the handoff's freshness (title lens, "Changed since" in the view), and New
// Handoff. In smoke.mjs's step shape ({ name, readme?, run(ctx) }); smoke.mjs spreads RESUME_STEPS before the
// fix steps (whose checkbox step ticks the step Resume shows) and ACT_STEPS after them, in the window they leave.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand, WAIT } from './workbench.mjs';

/** git in the fixture workspace, as a person's terminal would run it (no shell; a fixed identity). */
function git(cwd, ...args) {
  return execFileSync('git', ['-c', 'user.name=Smoke Test', '-c', 'user.email=smoke@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' }).trim();
}

/** Polls `check` (every 250 ms) until it holds; throws after WAIT's timeout, naming what it waited for. */
async function until(what, check) {
  const deadline = Date.now() + WAIT.timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function showHandoff(page) {
  await page.keyboard.press('Escape');
  await page.locator('.tabs-container .tab', { hasText: 'HANDOFF.md' }).first().click();
  await page.locator('.tabs-container .tab.active', { hasText: 'HANDOFF.md' }).first().waitFor(WAIT);
}

export const RESUME_STEPS = [
  {
    name: 'resume',
    readme: 'resume.png',
    async run({ page }) {
      await showHandoff(page);
      // Handoff: Resume from the palette: the first open step of the newest handoff, its file opened beside at
      // the cited line, and the keyboard-only picker (Done, Skip, Open …, Stop) left open for the screenshot.
      await runCommand(page, 'Handoff: Resume');
      const picker = page.locator('.quick-input-widget');
      await picker.locator('.quick-input-title', { hasText: /^Resume 1\/2/ }).waitFor(WAIT);
      await picker.locator('.quick-input-list .monaco-list-row', { hasText: 'Done' }).first().waitFor(WAIT);
      await picker.locator('.quick-input-list .monaco-list-row', { hasText: 'Open widget.ts:5' }).first().waitFor(WAIT);
      await page.locator('.tabs-container .tab', { hasText: 'widget.ts' }).first().waitFor(WAIT);
    },
  },
];

export const ACT_STEPS = [
  {
    name: 'drift-hover',
    readme: 'drift-hover.png',
    async run({ page, workspace }) {
      // The handoff is committed, then the work goes on: three lines above the parser's cited line 12, which is
      // edited too, and an unrelated commit. The extension notices the commits by itself.
      // The step before ticked a step in the buffer: saved now, and on disk before the commit (else the commit would
      // hold the old text, and the handoff would read as edited since).
      await showHandoff(page);
      await page.keyboard.press('Control+S');
      await page.locator('.tabs-container .tab.active:not(.dirty)', { hasText: 'HANDOFF.md' }).first().waitFor(WAIT);
      await until('the ticked step on disk', () => readFileSync(join(workspace, 'HANDOFF.md'), 'utf8').includes('[x] Resume: wire the widget'));
      git(workspace, 'add', 'HANDOFF.md');
      git(workspace, 'commit', '-q', '-m', 'Write the handoff');
      const parser = join(workspace, 'src', 'parser.ts');
      const lines = readFileSync(parser, 'utf8').split('\n');
      lines[11] = `${lines[11]} // reviewed`;
      lines.unshift('// Parser: reads the config', '// (header added after the handoff)', '');
      writeFileSync(parser, lines.join('\n'));
      git(workspace, 'add', 'src/parser.ts');
      git(workspace, 'commit', '-q', '-m', 'Parser: header, line 12 reviewed');
      writeFileSync(join(workspace, 'NOTES.txt'), 'After the handoff.\n');
      git(workspace, 'add', 'NOTES.txt');
      git(workspace, 'commit', '-q', '-m', 'Notes');

      await showHandoff(page);
      // The analysis of the new commits first (the view says it), then the top of the handoff, where its title lens
      // is (the step before left the end in view). A lens that arrives above line 1 while the editor is at the top
      // can sit just above the viewport (the editor keeps line 1 in place): scrolled up until it shows.
      await page.locator('.part.sidebar .monaco-list-row', { hasText: /\+2 since/ }).first().waitFor(WAIT);
      const title = page.locator('.editor-container .codelens-decoration', { hasText: /\+2 commits since this handoff/ }).first();
      await until('the title lens in view', async () => {
        await page.keyboard.press('Control+Home');
        const editor = await page.locator('.editor-container .view-lines').first().boundingBox();
        await page.mouse.move(editor.x + editor.width / 2, editor.y + 40);
        await page.mouse.wheel(0, -400);
        return title.isVisible();
      });
      await page.locator('.editor-container .codelens-decoration a', { hasText: 'Open parser.ts:15' }).first().waitFor(WAIT);
      // The hover over the breadcrumb: where line 12 is now, and the line then and now.
      const crumb = page.locator('.editor-container .view-lines span', { hasText: /^src\/parser\.ts:12$/ }).first();
      await crumb.waitFor(WAIT);
      const box = await crumb.boundingBox();
      await page.mouse.move(box.x + 4, box.y + box.height / 2);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
      await page.locator('.monaco-hover', { hasText: /line 12 at [0-9a-f]{7} changed since, now near 15/ }).first().waitFor(WAIT);
    },
  },
  {
    name: 'freshness',
    readme: 'freshness.png',
    async run({ page }) {
      await page.mouse.move(5, 880);
      await page.keyboard.press('Escape');
      // The Handoffs view: "+2 since" on the handoff, and the cited file that changed under "Changed since".
      const tree = page.locator('.part.sidebar .monaco-list-row');
      await tree.filter({ hasText: /\+2 since/ }).first().waitFor(WAIT);
      const group = tree.filter({ hasText: /Changed since [0-9a-f]{7}/ }).first();
      await group.waitFor(WAIT);
      if (!(await tree.filter({ hasText: 'src/parser.ts' }).first().isVisible())) await group.locator('.monaco-tl-twistie').click();
      await tree.filter({ hasText: /parser\.ts.*modified/ }).first().waitFor(WAIT);
      // Collapsed phases, so the title lens, the view and the list fit one screen.
      for (const phase of ['Phase 3 · Experiment']) {
        const row = tree.filter({ hasText: phase }).first();
        if ((await row.getAttribute('aria-expanded')) === 'true') await row.locator('.monaco-tl-twistie').click();
      }
    },
  },
  {
    name: 'new-handoff',
    readme: 'new-handoff.png',
    async run({ page }) {
      // Handoff: New Handoff asks for a few words (the branch name offered), then writes and opens the handoff.
      await runCommand(page, 'Handoff: New Handoff');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor(WAIT);
      await input.fill('parser follow-up');
      await page.locator('.quick-input-widget', { hasText: /Writes docs\/handoffs\/\d{4}-\d\d-\d\d-parser-follow-up\.md/ }).first().waitFor(WAIT);
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: /parser-follow-up\.md/ }).first().waitFor(WAIT);
      // It opens with the cursor at its end (the Resume point); the top shows the front matter and the state.
      await page.locator('.editor-container .view-lines', { hasText: 'Resume point' }).first().waitFor(WAIT);
      await page.keyboard.press('Control+Home');
      await page.locator('.editor-container .view-lines', { hasText: /git_commit:\s[0-9a-f]{40}/ }).first().waitFor(WAIT);
      await page.locator('.editor-container .view-lines', { hasText: 'Unpushed commits' }).first().waitFor(WAIT);
    },
  },
];
