// Hex that names a file, not a commit (facts/fileIds.ts): a migration tool's revision id, which a tracked file's
// name starts with, cited as the database's head. Seen in a held-out repository: Alembic's `Head \`d41f83a2c906\``.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLanguageService } from '../../src/core/service';
import { judgeClaims } from '../../src/core/digest/claims';
import { FixtureGit } from '../fixtures/git/exec';
import { check } from '../fixtures/git/harness';

const modelOf = (text: string) => createLanguageService().getModel({ path: 'HANDOFF.md', version: 0, text });

describe('a migration\'s revision id is no commit (real git)', function () {
  this.timeout(30_000);
  let base: string;
  let repo: string;
  before(() => {
    base = mkdtempSync(join(tmpdir(), 'file-ids-'));
    repo = join(base, 'api');
    mkdirSync(join(repo, 'migrations', 'versions'), { recursive: true });
    const g = new FixtureGit();
    g.run(repo, ['init', '-q']);
    writeFileSync(join(repo, 'migrations', 'versions', 'd41f83a2c906_job_delete_tenant_suspend.py'), 'revision = "d41f83a2c906"\n');
    g.commit(repo, 'Migrations');
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  it('a head naming a tracked migration file is a hint saying so; a SHA naming nothing is still unknown', async () => {
    const text = ['# Handoff', '', '### The fix', '', 'Head `d41f83a2c906` → `f3a7c21b9e04`.', '', '- Commit `abd0ef12` is the fix.', ''].join('\n');
    const path = join(repo, 'HANDOFF.md');
    writeFileSync(path, text);
    const r = await check(modelOf(text), path, { text });
    assert.deepEqual(r.diagnostics.map((d) => `${d.severity} ${d.message}`), [
      "hint d41f83a2c906 is no commit here: it is the id migrations/versions/d41f83a2c906_job_delete_tenant_suspend.py is named by (a migration's revision?)",
      'warning Commit abd0ef12 is not in this repository (a typo, or only in another clone?)',
    ]);
    // The digest an agent reads makes no claim about it either.
    assert.deepEqual(judgeClaims(modelOf(text), r.facts).filter((e) => e.text.includes('d41f83a2c906')), []);
  });
});
