// The rename quick fix over a real repository where the renamed file was also edited since the handoff's commit:
// the breadcrumb's path is rewritten and its `:line` (or `#L` range) mapped through the changes since (facts
// `drift`, issue 13 item 2) — lines inserted above move it, an edited line goes to what replaced it (not applied
// unasked), a deleted line keeps its number and the title says so. The fixed text, analysed again, cites the
// same lines it cited at the handoff's commit.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyEdits, safeEdits } from '../../src/core/fixes';
import { FixtureGit } from '../fixtures/git/exec';
import { analyse, fixesFor } from '../fixtures/fixes';

const lines = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `// ${tag} ${i + 1}\n`).join('');
const s7 = (sha: string) => sha.slice(0, 7);


describe('the rename quick fix maps the line through drift (real git)', () => {
  let base: string;
  let dir: string;
  let rename: string;
  const g = new FixtureGit();
  const write = (rel: string, body: string) => {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), body);
  };
  const handoff = [
    '# Handoff', '',
    '- Moved: `src/old/helper.ts:10`, and the pair at `src/old/helper.ts:12-13`.',
    '- Link: [the helper](src/old/helper.ts#L15).',
    '- Edited: `src/old/helper.ts:30`.',
    '- Deleted: `src/old/helper.ts:35`.',
    '- Not moved: `src/old/helper.ts:2`.',
    '',
  ].join('\n');

  before(function () {
    this.timeout(60_000);
    base = realpathSync(mkdtempSync(join(tmpdir(), 'hn-fixdrift-')));
    dir = join(base, 'repo');
    g.run(base, ['init', '-q', dir]);
    write('src/old/helper.ts', lines(40, 'helper'));
    write('HANDOFF.md', handoff);
    g.commit(dir, 'Handoff');
    // Renamed, with three lines inserted above line 10, line 30 edited and line 35 deleted: still a rename to git.
    rmSync(join(dir, 'src/old'), { recursive: true });
    const body = lines(40, 'helper').split('\n');
    body[29] = '// helper 30, rewritten';
    body.splice(34, 1);
    body.splice(5, 0, '// new a', '// new b', '// new c');
    write('src/lib/helper.ts', body.join('\n'));
    rename = g.commit(dir, 'Move helper to lib, with edits');
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  it('rewrites path and mapped line: moved lines are safe, an edited line is offered, a deleted line keeps its number', async () => {
    const path = join(dir, 'HANDOFF.md');
    const { analysis, fixes } = await fixesFor(path, handoff);
    const renames = fixes.filter((f) => f.kind === 'rename');
    const r = s7(rename);
    assert.deepEqual(renames.map((f) => [f.title, f.safe, f.edits.map((e) => e.newText)]), [
      [`Update the path to src/lib/helper.ts:13 (was :10) (renamed in ${r})`, true, ['src/lib/helper.ts:13']],
      [`Update the path to src/lib/helper.ts:15-16 (was :12-13) (renamed in ${r})`, true, ['src/lib/helper.ts:15-16']],
      [`Update the path to src/lib/helper.ts:18 (was :15) (renamed in ${r})`, true, ['src/lib/helper.ts#L18']],
      [`Update the path to src/lib/helper.ts:33 (was :30, changed since) (renamed in ${r})`, false, ['src/lib/helper.ts:33']],
      [`Update the path to src/lib/helper.ts, line 35 kept (deleted since) (renamed in ${r})`, false, ['src/lib/helper.ts:35']],
      [`Update the path to src/lib/helper.ts (renamed in ${r})`, true, ['src/lib/helper.ts:2']],
    ]);
    assert.equal(analysis.diagnostics.filter((d) => d.code === 'missing-file').length, 6);

    // Fix all: the renames whose lines are sure.
    const fixedAll = applyEdits(handoff, safeEdits(fixes));
    assert.equal(fixedAll, handoff
      .replace('`src/old/helper.ts:10`', '`src/lib/helper.ts:13`')
      .replace('`src/old/helper.ts:12-13`', '`src/lib/helper.ts:15-16`')
      .replace('(src/old/helper.ts#L15)', '(src/lib/helper.ts#L18)')
      .replace('`src/old/helper.ts:2`', '`src/lib/helper.ts:2`'));

    // Every fix applied: the breadcrumbs name the lines they named at the handoff's commit.
    const fixed = applyEdits(handoff, renames.flatMap((f) => f.edits));
    const now = readFileSync(join(dir, 'src/lib/helper.ts'), 'utf8').split('\n');
    assert.equal(now[13 - 1], '// helper 10');
    assert.deepEqual(now.slice(15 - 1, 16), ['// helper 12', '// helper 13']);
    assert.equal(now[18 - 1], '// helper 15');
    assert.equal(now[33 - 1], '// helper 30, rewritten');
    assert.equal(now[2 - 1], '// helper 2');
    const again = await analyse(path, fixed);
    assert.deepEqual(again.diagnostics.filter((d) => d.code === 'missing-file'), []);
    assert.deepEqual(again.facts!.files.map((f) => f.kind), ['found', 'found', 'found', 'found', 'found', 'found']);
  });
});
