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

/** A repository whose first commit holds `first` (the handoff among them) and whose second rewrites `later`. */
function twoCommits(prefix: string, first: Record<string, string>, later: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  const g = new FixtureGit();
  g.run(dir, ['init', '-q']);
  const write = (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  };
  write(first);
  g.commit(dir, 'First');
  write(later);
  g.commit(dir, 'Later');
  return dir;
}

describe('line-out-of-range after lines inserted above a cited line (real git)', () => {
  let dir: string;
  const text = '# Handoff\n\n- The parser: `src/parser.ts:12`.\n- A typo: `src/other.ts:90`.\n- The exports: `src/parser.ts:45-55`.\n';
  before(function () {
    this.timeout(60_000);
    dir = twoCommits('hn-linedrift-', { 'HANDOFF.md': text, 'src/parser.ts': lines(50, 'parser'), 'src/other.ts': lines(50, 'other') },
      { 'src/parser.ts': lines(3, 'header') + lines(50, 'parser') });
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

// GSD plans cite a verification file's lines that the file gets in the next commit (the plan is committed first):
// `03-VERIFICATION.md lines 783-880` when the committed file had 729 lines. Mapped through the diff since, the cited
// line landed past the end ("line 783 (line 1065 now) is past the end of the file (1011 lines)"), while line 783 is
// in the file now and is what the plan meant. A line the file did not have at the anchor is judged as written.
describe('line-out-of-range for a line the file got after the handoff was committed (real git)', () => {
  let dir: string;
  const text = '# Plan\n\n- The audit: `docs/VERIFY.md:60`.\n- A typo: `docs/VERIFY.md:500`.\n';
  before(function () {
    this.timeout(60_000);
    // Then ten lines above, and the audit the plan cites appended: 80 lines, line 60 the audit's.
    dir = twoCommits('hn-linelater-', { 'PLAN.md': text, 'docs/VERIFY.md': lines(40, 'verify') },
      { 'docs/VERIFY.md': lines(10, 'summary') + lines(40, 'verify') + lines(30, 'audit') });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('judges the line as written, not mapped past the end; a line past the end now is still reported', async () => {
    const git = createNodeGitCheck();
    const a = await createLanguageService({ git: git.check, files: git.files }).analyze({ path: join(dir, 'PLAN.md'), version: 1, text });
    const f = a.facts!.files[0]!;
    assert.ok(f.kind === 'found' && f.drift === undefined && f.lines === 80);
    assert.deepEqual(a.diagnostics.filter((d) => d.code === 'line-out-of-range').map((d) => [d.range.start.line, d.message]), [
      [3, 'docs/VERIFY.md: line 500 is past the end of the file (80 lines)'],
    ]);
  });
});
