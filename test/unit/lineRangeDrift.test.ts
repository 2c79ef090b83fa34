// line-out-of-range and a cited line that moved down since the handoff (real git): the file is read only up to the
// largest line the handoff wrote, so a line now further down is past what was read, not past the end of the file.
// Found by the UI smoke run: `src/parser.ts:12` with three lines added above was "past the end of the file (13 lines)".
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLanguageService } from '../../src/core/service';
import { createNodeGitCheck } from '../../src/node/cliGit';
import { FixtureGit } from '../fixtures/git/exec';

const lines = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `// ${tag} ${i + 1}\n`).join('');

describe('line-out-of-range after lines inserted above a cited line (real git)', () => {
  let dir: string;
  const text = '# Handoff\n\n- The parser: `src/parser.ts:12`.\n- A typo: `src/other.ts:90`.\n- The exports: `src/parser.ts:45-55`.\n';
  before(function () {
    this.timeout(60_000);
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'hn-linedrift-')));
    const g = new FixtureGit();
    g.run(dir, ['init', '-q']);
    writeFileSync(join(dir, 'HANDOFF.md'), text);
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src/parser.ts'), lines(50, 'parser'));
    writeFileSync(join(dir, 'src/other.ts'), lines(50, 'other'));
    g.commit(dir, 'Handoff');
    writeFileSync(join(dir, 'src/parser.ts'), lines(3, 'header') + lines(50, 'parser'));
    g.commit(dir, 'Header');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  // `src/parser.ts:45-55` ran past the file (50 lines) when written; mapped by the 3 lines added above, its end is
  // past the file now too, but its start (48) is in it: a range's overshooting end is not a broken breadcrumb. (It
  // was reported as "line 55 is past the end of the file (53 lines)", the mapped end against the written line.)
  it('reports the line that is past the end, not the one that moved down, nor a range whose end runs past', async () => {
    const git = createNodeGitCheck();
    const a = await createLanguageService({ git: git.check, files: git.files }).analyze({ path: join(dir, 'HANDOFF.md'), version: 1, text });
    const f = a.facts!.files[0]!;
    assert.equal(f.kind === 'found' ? f.drift?.to.line : null, 15);
    assert.deepEqual(a.diagnostics.filter((d) => d.code === 'line-out-of-range').map((d) => [d.range.start.line, d.message]), [
      [3, 'src/other.ts: line 90 is past the end of the file (50 lines)'],
    ]);
  });
});
