// A SHA the repository no longer has (its history was rewritten: rebased, squashed by hand, filter-repo), cited
// with its subject as `git log --oneline` prints it: the one commit on a branch with that subject is where it went.
// The message says so instead of "a typo, or only in another clone?", the quick fix puts that commit in its place,
// and the digest for the next agent says the same. A subject several commits share ("Update README.md") says nothing.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyEdits } from '../../src/core/fixes';
import { extractCommits } from '../../src/core/extract/commits';
import { writtenSubject } from '../../src/core/extract/commitSubject';
import { parseDocument } from '../../src/core/parse/parseDocument';
import { analyse, fixesFor } from '../fixtures/fixes';
import { scratchRepo } from '../fixtures/git/exec';
import { lintOutput as lint } from './support/cli';

/** The subject written beside the SHA in `line` (the SHA is its first 7-hex run). */
function subjectIn(line: string): string | null {
  const at = /[0-9a-f]{7}/.exec(line)!.index;
  return writtenSubject(line, at, at + 7, line.length);
}

describe('the subject written beside a commit', () => {
  it('is read as git log --oneline prints it: in the code span, after it, after a dash, in the next cell', () => {
    assert.equal(subjectIn('- `f7385cb docs: builder assessment for the producers`'), 'docs: builder assessment for the producers');
    assert.equal(subjectIn('- `f7385cb` — fix: harden the wrapper against injection'), 'fix: harden the wrapper against injection');
    assert.equal(subjectIn('- f7385cb feat: add the quarterly wrapper'), 'feat: add the quarterly wrapper');
    assert.equal(subjectIn('| `f7385cb` | chore: gitignore the worktrees | 2026-04-06 |'), 'chore: gitignore the worktrees');
    assert.equal(subjectIn('| `f7385cb` | `docs: quoted whole in a code span` |'), 'docs: quoted whole in a code span');
  });

  it('is nothing where the words beside it are no subject: a path, a word, the end of the line', () => {
    assert.equal(subjectIn('| `f7385cb` | `docs/2026-04-06-audit.md` |'), null);
    assert.equal(subjectIn('- Landed in `f7385cb`.'), null);
    assert.equal(subjectIn('- `f7385cb` (wip)'), null);
  });

  it('is kept on the commit mention of the model', () => {
    const text = '# Log\n\n- `f7385cb docs: builder assessment for the producers`\n- Landed in commit `8876d7e`.\n';
    const found = extractCommits(parseDocument(text), { path: 'HANDOFF.md' });
    assert.deepEqual(found.map((c) => [c.sha, c.subject ?? null]), [['f7385cb', 'docs: builder assessment for the producers'], ['8876d7e', null]]);
  });

  it('in a table, is the subject column\'s cell wherever it stands, else the cell after the SHA', () => {
    const text = [
      '# Summary', '',
      '| # | Subject | Commit | Files |', '|---|---|---|---|',
      '| 1 | chore: bump ruff to 0.15 | `7938c98e` | pyproject.toml |', '',
      '| SHA | What |', '|---|---|',
      '| `0e56adee` | **fix(lint): resolve unsorted imports** |', '',
      '| Commit | File |', '|---|---|',
      '| `01b5b76` | `docs/2026-04-06-audit.md` |', '',
    ].join('\n');
    const found = extractCommits(parseDocument(text), { path: 'SUMMARY.md' });
    assert.deepEqual(found.map((c) => [c.sha, c.subject ?? null]), [
      ['7938c98e', 'chore: bump ruff to 0.15'], ['0e56adee', 'fix(lint): resolve unsorted imports'], ['01b5b76', null],
    ]);
  });
});

describe('a SHA gone from the repository, its subject written beside it (real git)', () => {
  let base: string;
  before(() => { base = mkdtempSync(join(tmpdir(), 'commit-subject-')); });
  after(() => rmSync(base, { recursive: true, force: true }));

  it('names the one commit on a branch with that subject; the quick fix puts it in place; a shared subject says nothing', async () => {
    const { dir, g } = scratchRepo(base, 'rewritten');
    g.run(dir, ['commit', '-q', '--allow-empty', '-m', 'docs: builder assessment for the KPI producers']);
    g.run(dir, ['commit', '-q', '--allow-empty', '-m', 'Update README.md']);
    g.run(dir, ['commit', '-q', '--allow-empty', '-m', 'Update README.md']);
    const now = g.run(dir, ['rev-parse', 'HEAD~2']).trim();
    // The SHAs the session wrote before the history was rewritten: no object of this repository has them.
    const text = [
      '# Handoff', '', '## Commits', '',
      '- `f7385cb docs: builder assessment for the KPI producers`',
      '- `1fedb6a` — Update README.md',
      '- `2c212cb` — docs: a commit that went nowhere',
      '',
    ].join('\n');
    const path = join(dir, 'HANDOFF.md');
    const { analysis, fixes } = await fixesFor(path, text);
    const unknown = analysis.diagnostics.filter((d) => d.code === 'unknown-commit');
    assert.deepEqual(unknown.map((d) => [d.range.start.line + 1, d.message]), [
      [5, `Commit f7385cb is not in this repository: history rewritten (rebased, amended)? ${now.slice(0, 7)} has the subject written beside it`],
      [6, 'Commit 1fedb6a is not in this repository (a typo, or only in another clone?)'],
      [7, 'Commit 2c212cb is not in this repository (a typo, or only in another clone?)'],
    ]);
    assert.deepEqual(fixes.filter((f) => f.kind === 'replace-sha').map((f) => f.title), [
      `Replace with ${now.slice(0, 7)}, the commit on a branch with the subject written beside it (history rewritten)`,
    ]);
    const fixed = applyEdits(text, fixes.filter((f) => f.kind === 'replace-sha').flatMap((f) => f.edits));
    assert.match(fixed, new RegExp(`- \`${now.slice(0, 7)} docs: builder assessment`));
    const again = await analyse(path, fixed);
    assert.deepEqual(again.diagnostics.filter((d) => d.code === 'unknown-commit').map((d) => d.range.start.line + 1), [6, 7]);
  });

  it('is found for a handoff never committed, and the digest for the next agent says where the commit went', async () => {
    const { dir, g, write } = scratchRepo(base, 'digest');
    g.run(dir, ['commit', '-q', '--allow-empty', '-m', 'feat: add the quarterly wrapper']);
    const now = g.run(dir, ['rev-parse', 'HEAD']).trim();
    write('HANDOFF.md', '# Handoff\n\n## Done\n\n- `bf76691 feat: add the quarterly wrapper`\n');
    const json = JSON.parse(await lint(['--format', 'json', join(dir, 'HANDOFF.md')]));
    assert.deepEqual(json.documents[0].diagnostics.filter((d: { code: string }) => d.code === 'unknown-commit').map((d: { message: string }) => d.message),
      [`Commit bf76691 is not in this repository: history rewritten (rebased, amended)? ${now.slice(0, 7)} has the subject written beside it`]);
    const digest = await lint(['digest', '--repo', dir]);
    assert.match(digest, new RegExp(`Commit \`bf76691\` is not in this repository.*history rewritten: \`${now.slice(0, 7)}\` has the subject written beside it`));
  });
});
