// The pre-commit hook definition (.pre-commit-hooks.yaml) stays true: it runs the package's `handoff-lint` binary
// on exactly the files the CLI takes for handoffs (its `files` expression is the default globs, one per line).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_INCLUDE, globToRegExp, isHandoffPath } from '../../src/core/handoffGlobs';

const ROOT = join(__dirname, '..', '..');

function hook(): { fields: Record<string, string>; files: string } {
  const text = readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
  const lines = text.split('\n').filter((l) => !l.startsWith('#'));
  const fields: Record<string, string> = {};
  const block: string[] = [];
  let inFiles = false;
  for (const line of lines) {
    if (inFiles && line.startsWith('    ')) { block.push(line.trim()); continue; }
    inFiles = false;
    const m = /^(?:- |  )(\w+): (.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === 'files' && m[2] === '|') inFiles = true;
    else fields[m[1]] = m[2];
  }
  // `(?x)` (verbose) ignores the layout's whitespace; the expression has none of its own.
  return { fields, files: block.join('').replace(/^\(\?x\)/, '') };
}

describe('.pre-commit-hooks.yaml', () => {
  it('runs the package\'s handoff-lint binary as a node hook, once for all the changed files', () => {
    const { fields } = hook();
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(fields.id, 'handoff-lint');
    assert.equal(fields.language, 'node');
    assert.ok(fields.entry in pkg.bin, `entry ${fields.entry} is a bin of package.json`);
    assert.equal(fields.require_serial, 'true');
  });

  it('matches exactly the files of the default handoff globs', () => {
    const { files } = hook();
    const expected = `^(?:${DEFAULT_INCLUDE.map((g) => globToRegExp(g).source.slice(1, -1).replace(/\\\//g, '/')).join('|')})$`;
    assert.equal(files, expected, 'regenerate `files` from src/core/handoffGlobs.ts');
    const re = new RegExp(files);
    for (const path of [
      'HANDOFF.md', 'docs/HANDOFF-2026.md', 'docs/handoffs/week-3.md', 'a/.planning/STATE.md', 'memory-bank/activeContext.md',
      'specs/004-search/tasks.md', 'notes.md', 'README.md', 'docs/guide.md', 'HANDOFF.md.bak', 'src/handoff.ts',
    ]) assert.equal(re.test(path), isHandoffPath(path), path);
  });
});
