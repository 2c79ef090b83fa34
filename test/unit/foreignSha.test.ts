// A SHA written out in full (12 characters or more) that git has no object for is a revision pinned for something
// else — an action's, a model's, a Docker image's, another repository's commit — not a lost commit of this one: a
// hint. Short SHAs, and long ones the repository has on no branch or whose subject names where they went, are
// judged as before; the digest for the next agent makes no claim of them. Over a real repository, through the CLI.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scratchRepo } from '../fixtures/git/exec';
import { lintOutput as lint } from './support/cli';

interface JsonDiagnostic { code: string; severity: string; message: string; range: { start: { line: number } } }

describe('a full-length SHA this repository has no object for', () => {
  let base: string;
  before(() => { base = mkdtempSync(join(tmpdir(), 'foreign-sha-')); });
  after(() => rmSync(base, { recursive: true, force: true }));

  it('is a hint naming what it most likely is; a short one stays a warning, and so does a long one whose subject says where it went', async () => {
    const { dir, g, write } = scratchRepo(base, 'pins');
    g.run(dir, ['commit', '-q', '--allow-empty', '-m', 'feat: add the quarterly wrapper']);
    write('HANDOFF.md', [
      '# Handoff', '',
      '## Done', '',
      '- Pinned the setup action to commit `22852fcff9a131e3e5ed4a4c9b2e8c7bb8c0f5a1` (its v1.12 tag).',
      '- The embedder loads model revision SHA `97b0c614be4d77ee51c0cef4e5f07c00f9eb65b3`.',
      '- Landed in commit `1fedb6a`.',
      '- `bf76691a2c3d feat: add the quarterly wrapper`',
      '',
    ].join('\n'));
    const json = JSON.parse(await lint(['--format', 'json', '--hints', join(dir, 'HANDOFF.md')]));
    const unknown = (json.documents[0].diagnostics as JsonDiagnostic[]).filter((d) => d.code === 'unknown-commit');
    assert.deepEqual(unknown.map((d) => [d.range.start.line + 1, d.severity]), [[5, 'hint'], [6, 'hint'], [7, 'warning'], [8, 'warning']]);
    assert.match(unknown[0]!.message, /^Commit 22852fcff9a131e3e5ed4a4c9b2e8c7bb8c0f5a1 is not in this repository: written in full, most likely another repository's commit or a pinned revision/);
    assert.match(unknown[3]!.message, /history rewritten \(rebased, amended\)\? [0-9a-f]{7} has the subject written beside it$/);

    // The digest for the next agent makes no claim of the pinned revisions; the short SHA it still calls gone.
    const digest = await lint(['digest', '--repo', dir]);
    assert.ok(!digest.includes('22852fc') && !digest.includes('97b0c61'), digest);
    assert.match(digest, /Commit `1fedb6a`/);
  });
});
