// The adapter's git checks over a real fixture repository: an analysis cancelled half-way (the editor does it
// on every edit) must not leave a cut-short file listing behind that makes the next analysis call every file
// missing.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { NEVER_CANCELLED } from '../../src/core/interfaces';
import { createLanguageService } from '../../src/core/service';
import { runRules } from '../../src/core/rules';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { gitProcessesStarted, makeGitCheck } from '../../src/vscode/store/gitCheck';
import { buildGitFixture, type GitFixture } from '../fixtures/gitFixture';

describe('vscode git checks', () => {
  let fx: GitFixture;
  before(function () {
    this.timeout(60_000);
    fx = buildGitFixture();
  });
  after(() => fx?.cleanup());

  it('keeps finding files after a cancelled analysis, and counts its git processes', async () => {
    const path = fx.writeHandoff(fx.work, 'HANDOFF.md', '# H\n\n- See `src/config.ts:3` and `src/app.ts:30`.\n- Commit ' + fx.shas.unpushed.slice(0, 8) + '.\n');
    const text = readFileSync(path, 'utf8');
    const git = makeGitCheck({ trace() {}, debug() {}, info() {}, warn() {}, error() {} }, () => 0);
    const model = createLanguageService().getModel({ path, version: 0, text });
    const before = gitProcessesStarted();
    await git.check.gather(model, { path, text }, DEFAULT_SETTINGS, { isCancellationRequested: true });
    const facts = await git.check.gather(model, { path, text }, DEFAULT_SETTINGS, NEVER_CANCELLED);
    assert.deepEqual(facts.files.map((f) => f.kind), ['found', 'found']);
    const diagnostics = runRules(model, facts, DEFAULT_SETTINGS);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'missing-file').map((d) => d.message), []);
    assert.equal(diagnostics.filter((d) => d.code === 'unpushed-commit').length, 1);
    assert.ok(gitProcessesStarted() > before);
  });
});
