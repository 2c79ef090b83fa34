// End to end through the language service with the real extractors and real git: the sample handoff's text,
// parsed, gives the hand-built model, and the analysis gives exactly the expected diagnostics.
import { strict as assert } from 'node:assert';
import { createLanguageService } from '../../src/core/service';
import { createNodeGitCheck } from '../../src/node/cliGit';
import { buildGitFixture, type GitFixture } from '../fixtures/gitFixture';
import { expectedSampleDiagnostics, writeSampleHandoff, type SampleHandoff } from '../fixtures/git/handoff';
import { brief } from '../fixtures/git/harness';

describe('git checks through the language service', () => {
  let fx: GitFixture;
  let h: SampleHandoff;
  before(() => {
    fx = buildGitFixture();
    h = writeSampleHandoff(fx);
  });
  after(() => fx.cleanup());

  it('the extractors read the sample handoff as the hand-built model', () => {
    const m = createLanguageService().getModel({ path: h.path, version: 0, text: h.text });
    const strip = <T extends { phase: unknown }>(xs: T[]) => xs.map(({ phase: _p, ...rest }) => rest);
    assert.deepEqual(strip(m.commits), strip(h.model.commits));
    assert.deepEqual(strip(m.refs).map(({ shaRange: _s, ...r }) => r), strip(h.model.refs));
    assert.deepEqual(m.files.map((f) => [f.path, f.line, f.endLine, f.range]), h.model.files.map((f) => [f.path, f.line, f.endLine, f.range]));
  });

  it('analyze() reports the expected diagnostics, with the notices and commit states', async () => {
    const git = createNodeGitCheck();
    const service = createLanguageService({ git: git.check, files: git.files });
    const a = await service.analyze({ path: h.path, version: 0, text: h.text });
    assert.deepEqual(brief(a), expectedSampleDiagnostics(fx, h));
    assert.deepEqual(a.notices, ['branch spike has no upstream: whether it is pushed is not checked']);
    assert.deepEqual((a.commitStates.get(fx.shas.unpushed.slice(0, 7)) as { status: string }).status, 'unpushed');
  });
});
