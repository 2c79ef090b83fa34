// The Node wiring the CLI uses (src/node/cliGit.ts): the service's GitCheck shape, and `--repo DIR`.
import { strict as assert } from 'node:assert';
import { relative } from 'node:path';
import { NEVER_CANCELLED } from '../../src/core/interfaces';
import { createNodeGitCheck } from '../../src/node/cliGit';
import { buildGitFixture, type GitFixture } from '../fixtures/gitFixture';
import { ModelBuilder } from '../fixtures/git/handoff';
import { settings } from '../fixtures/git/harness';

describe('Node git check for the CLI', () => {
  let fx: GitFixture;
  before(() => { fx = buildGitFixture(); });
  after(() => fx.cleanup());

  function handoffIn(folder: string) {
    const text = `commit ${fx.shas.unpushed.slice(0, 7)} and src/app.ts:31\n`;
    const b = new ModelBuilder(text).commit(fx.shas.unpushed.slice(0, 7), 'keyword').file('src/app.ts:31');
    return { model: b.model, path: fx.writeHandoff(folder, 'HANDOFF.md', text) };
  }

  it('finds the repository from the document, or from --repo when given', async () => {
    const h = handoffIn(fx.plain);
    const found = await createNodeGitCheck().check.check(h.model, h.path, settings(), NEVER_CANCELLED);
    assert.deepEqual(found.notices, ['not in a git repository; showing parse-only results']);
    assert.deepEqual(found.diagnostics.map((d) => d.code), ['missing-file']);

    const withRepo = createNodeGitCheck({ repo: fx.work });
    const r = await withRepo.check.check(h.model, h.path, settings(), NEVER_CANCELLED);
    assert.deepEqual(r.notices, []);
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['unpushed-commit', 'line-out-of-range']);
    // Files and git share one runner: the whole analysis is counted in one place.
    assert.equal(withRepo.provider.runner.spawned, 3); // log, for-each-ref, ls-files (discovery and SHAs read from disk)
    withRepo.dispose();
  });

  it('takes document paths relative to the working directory, as a command line gives them', async () => {
    const text = '[app](../src/app.ts) and `../src/app.ts:31`\n';
    const b = new ModelBuilder(text).file('../src/app.ts').file('../src/app.ts:31');
    const abs = fx.writeHandoff(fx.work, 'docs/HANDOFF.md', text);
    const r = await createNodeGitCheck().check.check(b.model, relative(process.cwd(), abs), settings(), NEVER_CANCELLED);
    assert.deepEqual(r.diagnostics.map((d) => `${d.code}: ${d.message}`), ['line-out-of-range: ../src/app.ts: line 31 is past the end of the file (30 lines)']);
  });

  it('uses the timeout from the settings it is given', async () => {
    const h = handoffIn(fx.work);
    const c = createNodeGitCheck();
    await c.check.check(h.model, h.path, settings({}, { gitTimeoutMs: 1234 }), NEVER_CANCELLED);
    assert.equal(c.provider.timeoutMs, 1234);
  });
});
