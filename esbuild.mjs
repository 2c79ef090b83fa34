// Bundles the extension (Node and web), and the CLI. Type-checking is its own step (`npm run typecheck`).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const production = process.argv.includes('--production');
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // Why: the ESM-only remark packages are bundled into CJS; `import.meta` is unused by them at run time.
  mainFields: ['module', 'main'],
  define: { __VERSION__: JSON.stringify(version) },
};

/**
 * The web build (package.json `browser`, for vscode.dev and github.dev) runs in a web worker: no process, no disk,
 * no Node built-ins. These few modules of the Node build are swapped for their stand-ins in src/web (git off for
 * good, nothing to kill, posix paths without `node:path`); everything else, the core included, is the same code.
 * A Node-only import anywhere else fails this build (esbuild cannot resolve `node:*` for the browser).
 */
const WEB_REPLACEMENTS = {
  'src/vscode/store/gitCheck.ts': 'src/web/gitCheck.ts',
  'src/vscode/trust.ts': 'src/web/trust.ts',
  'src/node/gitRunner.ts': 'src/web/gitRunner.ts',
  'src/node/workspaceFiles.ts': 'src/web/workspaceFiles.ts',
  'node:path': 'src/web/posixPath.ts',
};

const webReplacements = {
  name: 'web-replacements',
  setup(b) {
    const byPath = new Map(Object.entries(WEB_REPLACEMENTS).map(([from, to]) => [from.startsWith('node:') ? from : resolve(root, from), resolve(root, to)]));
    b.onResolve({ filter: /^node:path$/ }, () => ({ path: byPath.get('node:path') }));
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const target = byPath.get(`${resolve(args.resolveDir, args.path)}.ts`);
      // A stand-in may extend the module it replaces (src/web/trust.ts does): its own import is left alone.
      if (!target || args.importer === target) return undefined;
      return { path: target };
    });
  },
};

await Promise.all([
  build({ ...common, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({
    ...common,
    platform: 'browser',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    // A web-worker host has no DOM: packages with a worker export (decode-named-character-reference's `browser`
    // one decodes entities through `document`) must give that one.
    conditions: ['worker'],
    entryPoints: ['src/vscode/extension.ts'],
    outfile: 'dist/web/extension.js',
    external: ['vscode'],
    plugins: [webReplacements],
  }),
  // The CLI: the bundle, and the small command that loads it with V8's code cache (src/cli/codeCache.ts).
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli-main.js' }),
  build({
    ...common,
    entryPoints: ['src/cli/bin.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
  // The helper a large lint run starts git from (src/node/spawnRelay.ts).
  build({ ...common, entryPoints: ['src/node/gitRelayMain.ts'], outfile: 'dist/git-relay.js' }),
  // The MCP server alone, shipped in the VSIX for VS Code's MCP server definition provider (1.101+).
  build({ ...common, entryPoints: ['src/cli/mcpMain.ts'], outfile: 'dist/mcp.js' }),
]);
