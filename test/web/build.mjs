// Compiles the web extension-host suite to out/test/web/index.js: one self-contained browser bundle (mocha's
// browser build included), since the web-worker host loads it with no `require` but `vscode`.
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
export const WEB_OUT_DIR = join(root, 'out', 'test', 'web');

export async function buildWebSuite() {
  rmSync(WEB_OUT_DIR, { recursive: true, force: true });
  const outfile = join(WEB_OUT_DIR, 'index.js');
  await build({
    entryPoints: [join(here, 'index.ts')],
    absWorkingDir: root,
    outfile,
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return outfile;
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  console.log(await buildWebSuite());
}
