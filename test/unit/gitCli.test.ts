// The Node wiring the CLI uses (src/node/cliGit.ts): the service's FactSource shape, and `--repo DIR`.
import { strict as assert } from 'node:assert';
import { relative } from 'node:path';
import { createNodeGitCheck } from '../../src/node/cliGit';
import { buildGitFixture, type GitFixture } from '../fixtures/gitFixture';
import { ModelBuilder } from '../fixtures/git/handoff';
import { judge, settings } from '../fixtures/git/harness';

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
    const found = await judge(createNodeGitCheck().check, h.model, h.path);
    assert.deepEqual(found.notices, ['not in a git repository; showing parse-only results']);
    // Without history nothing says whether the file ever was there: an aside, not a warning.
    assert.deepEqual(found.diagnostics.map((d) => `${d.code}/${d.severity}`), ['missing-file/hint']);

    const withRepo = createNodeGitCheck({ repo: fx.work });
    const r = await judge(withRepo.check, h.model, h.path);
    assert.deepEqual(r.notices, []);
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['unpushed-commit', 'line-out-of-range']);
    // Files and git share one runner: the whole analysis is counted in one place. Discovery and SHAs are read
    // from disk; the document lies outside the repository (no anchor to find), so no history is needed.
    assert.equal(withRepo.provider.runner.spawned, 3); // log, for-each-ref, ls-files
    withRepo.dispose();
  });

  it('takes document paths relative to the working directory, as a command line gives them', async () => {
    const text = '[app](../src/app.ts) and `../src/app.ts:31`\n';
    const b = new ModelBuilder(text).file('../src/app.ts').file('../src/app.ts:31');
    const abs = fx.writeHandoff(fx.work, 'docs/HANDOFF.md', text);
    const r = await judge(createNodeGitCheck().check, b.model, relative(process.cwd(), abs));
    assert.deepEqual(r.diagnostics.map((d) => `${d.code}: ${d.message}`), ['line-out-of-range: ../src/app.ts: line 31 is past the end of the file (30 lines)']);
  });

  it('uses the timeout from the settings it is given', async () => {
    const h = handoffIn(fx.work);
    const c = createNodeGitCheck();
    await judge(c.check, h.model, h.path, settings({}, { gitTimeoutMs: 1234 }));
    assert.equal(c.provider.timeoutMs, 1234);
  });
});
