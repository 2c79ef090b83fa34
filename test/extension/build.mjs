// Compiles the extension-host suite to out/test/extension/: index.js plus one bundle per
// *.test.ts. `vscode` comes from the host at run time; mocha stays a plain require of the repo's
// node_modules (bundling it breaks its dynamic reporter loading).
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
export const OUT_DIR = join(root, 'out', 'test', 'extension');

export async function buildSuite() {
  const sources = readdirSync(here, { recursive: true, encoding: 'utf8' })
    .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
    .map((name) => join(here, name));
  rmSync(OUT_DIR, { recursive: true, force: true });
  await build({
    entryPoints: sources.map((file) => relative(root, file)),
    absWorkingDir: root,
    outbase: 'test/extension',
    outdir: OUT_DIR,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return join(OUT_DIR, 'index.js');
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  console.log(await buildSuite());
}
