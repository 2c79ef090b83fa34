// The git design in one place: the core's git side is pure (the interface and the rules), the Node side is the
// only one that starts processes, and it does so through one runner (so every process is counted and bounded).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const src = join(__dirname, '..', '..', 'src');
const ts = (dir: string) => readdirSync(join(src, dir)).filter((f) => f.endsWith('.ts')).map((f) => join(src, dir, f));
const imports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\(\s*|require\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('git architecture', () => {
  it('src/core/git, src/core/facts and src/core/rules import only the core and zod', () => {
    for (const file of [...ts('core/git'), ...ts('core/facts'), ...ts('core/rules')]) {
      const bad = imports(file).filter((i) => !(i.startsWith('./') || i.startsWith('../')) && i !== 'zod' && i !== 'zod/mini');
      assert.deepEqual(bad, [], file);
      assert.ok(!imports(file).some((i) => i.includes('/node/') || i.includes('/vscode/') || i.includes('/cli/')), file);
    }
  });

  it('data flows one way: git (facts side) ← facts (gathered once) ← rules (pure), and rules never reach git', () => {
    const runtime = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
    for (const file of ts('core/git')) {
      assert.ok(!imports(file).some((i) => /\/(rules|facts)\b/.test(i)), `${file}: the git side knows nothing of facts or rules`);
    }
    for (const file of ts('core/facts')) assert.ok(!imports(file).some((i) => /\/rules\b/.test(i)), `${file}: facts do not judge`);
    for (const file of ts('core/rules')) {
      // Rules read facts and the model (types) and may use pure helpers; they never gather or call a provider.
      const bad = runtime(file).filter((i) => /facts\/(gather|files|refs|commits|breaker)|git\/(graph|provider)/.test(i));
      assert.deepEqual(bad, [], file);
      assert.doesNotMatch(readFileSync(file, 'utf8'), /\basync\b|\bawait\b/, `${file}: rules are synchronous`);
    }
  });

  it('only src/node/gitRunner.ts starts processes (through the git relay for a large run), and never through a shell', () => {
    // A type-only import (a session handed its ChildProcess) starts nothing.
    const valueImports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
    const spawning = ts('node').filter((f) => valueImports(f).some((i) => i === 'node:child_process' || i === 'child_process' || i === 'simple-git'));
    // The relay (spawnRelay.ts, gitRelayMain.ts) starts git for the runner, from a small helper process, as it would.
    assert.deepEqual(spawning.map((f) => f.slice(src.length + 1)), ['node/gitRelayMain.ts', 'node/gitRunner.ts', 'node/spawnRelay.ts']);
    for (const file of ['node/gitRunner.ts', 'node/gitRelayMain.ts']) {
      const text = readFileSync(join(src, file), 'utf8');
      assert.match(text, /shell: false/, file);
      assert.doesNotMatch(text, /\bexec(Sync)?\(|\bexecFile(Sync)?\(/, file);
    }
    // The helper starts the one executable it was forked with, never another.
    assert.match(readFileSync(join(src, 'node/gitRelayMain.ts'), 'utf8'), /m\.command !== executable/);
  });
});
