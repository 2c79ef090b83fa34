// The core is pure: it must run in the CLI and in tests with no VS Code around. This fails on any import of
// `vscode` (static, dynamic or require) from a file under src/core.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const coreDir = join(__dirname, '..', '..', 'src', 'core');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('architecture', () => {
  it('src/core imports nothing from vscode', () => {
    const files = tsFiles(coreDir);
    assert.ok(files.length > 3, 'expected the core sources to be found');
    const offenders = files.filter((file) =>
      /(from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\))/.test(readFileSync(file, 'utf8')),
    );
    assert.deepEqual(offenders, []);
  });

  it('src/core does no I/O of its own', () => {
    const offenders = tsFiles(coreDir).filter((file) =>
      /from\s+['"](node:)?(fs|child_process|net|http|https|fs\/promises)['"]/.test(readFileSync(file, 'utf8')),
    );
    assert.deepEqual(offenders, []);
  });
});
