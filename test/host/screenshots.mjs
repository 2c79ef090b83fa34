// Regenerates the README's screenshots (media/screenshots/*.png, committed) from the UI smoke run:
// every smoke step with `readme: '<file>.png'` provides one. Fails, and writes nothing, unless
// every step passed: a README image must show a window that passed its checks.
//
//   node test/host/screenshots.mjs [--vscode 1.139.1]
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { NEWEST, REPO_ROOT } from './paths.mjs';
import { parseArgs, run } from './proc.mjs';
import { runSmoke } from './smoke.mjs';

const args = parseArgs(process.argv.slice(2));
const version = typeof args.vscode === 'string' ? args.vscode : NEWEST;
const target = join(REPO_ROOT, 'media', 'screenshots');

await run(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT });
const result = await runSmoke({ version });
if (!result.ok) {
  console.error(`smoke failed on VS Code ${version} (${result.reason}); README screenshots left as they were`);
  process.exit(1);
}
mkdirSync(target, { recursive: true });
const chosen = result.shots.filter((shot) => shot.readme);
if (chosen.length === 0) {
  console.error('no smoke step is marked with `readme`; nothing to copy');
  process.exit(1);
}
for (const shot of chosen) {
  copyFileSync(shot.file, join(target, shot.readme));
  console.log(`media/screenshots/${shot.readme} <- ${shot.step}`);
}
