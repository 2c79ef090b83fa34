// The git design in one place: the core's git side is pure (the interface and the rules), the Node side is the
// only one that starts processes, and it does so through one runner (so every process is counted and bounded).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const src = join(__dirname, '..', '..', 'src');
const ts = (dir: string) => readdirSync(join(src, dir)).filter((f) => f.endsWith('.ts')).map((f) => join(src, dir, f));
const imports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\(\s*|require\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('git architecture', () => {
  it('src/core/git and src/core/rules import only the core and zod', () => {
    for (const file of [...ts('core/git'), ...ts('core/rules')]) {
      const bad = imports(file).filter((i) => !(i.startsWith('./') || i.startsWith('../')) && i !== 'zod');
      assert.deepEqual(bad, [], file);
      assert.ok(!imports(file).some((i) => i.includes('/node/') || i.includes('/vscode/') || i.includes('/cli/')), file);
    }
  });

  it('only src/node/gitRunner.ts starts processes, and never through a shell', () => {
    const spawning = ts('node').filter((f) => imports(f).some((i) => i === 'node:child_process' || i === 'child_process' || i === 'simple-git'));
    assert.deepEqual(spawning.map((f) => f.slice(src.length + 1)), ['node/gitRunner.ts']);
    const runner = readFileSync(join(src, 'node/gitRunner.ts'), 'utf8');
    assert.match(runner, /shell: false/);
    assert.doesNotMatch(runner, /\bexec(Sync)?\(/);
  });
});
