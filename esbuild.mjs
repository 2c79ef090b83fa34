// Bundles the extension and the CLI. Type-checking is its own step (`npm run typecheck`).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
const common = {
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

await Promise.all([
  build({ ...common, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
  // The MCP server alone, shipped in the VSIX for VS Code's MCP server definition provider (1.101+).
  build({ ...common, entryPoints: ['src/cli/mcpMain.ts'], outfile: 'dist/mcp.js' }),
]);
