// The git rules end to end over real repositories: every diagnostic of the sample handoff, exactly where
// expected and nowhere else, and the per-SHA states the tree view shows.
import { strict as assert } from 'node:assert';
import { buildGitFixture, type GitFixture } from '../fixtures/gitFixture';
import { expectedSampleDiagnostics, rangeOf, writeSampleHandoff, type SampleHandoff } from '../fixtures/git/handoff';
import { brief, check, settings } from '../fixtures/git/harness';
import { createLanguageService } from '../../src/core/service';

const s7 = (sha: string) => sha.slice(0, 7);

describe('git rules (real git)', () => {
  let fx: GitFixture;
  let h: SampleHandoff;
  before(() => {
    fx = buildGitFixture();
    h = writeSampleHandoff(fx);
  });
  after(() => fx.cleanup());

  it('reports each stale fact exactly where it is written, and nothing else', async () => {
    const r = await check(h.model, h.path);
    assert.deepEqual(brief(r), expectedSampleDiagnostics(fx, h));
    // spike has no remote-tracking branch at all: its push claim is not judged, and says so once.
    assert.deepEqual(r.notices, ['branch spike has no upstream: whether it is pushed is not checked']);
  });

  it('gives each mentioned SHA a state for the tree view', async () => {
    const r = await check(h.model, h.path);
    const x = fx.shas;
    const state = (sha: string) => r.commits.get(sha);
    assert.deepEqual(state(s7(x.parser)), { status: 'ok', sha: x.parser, submodule: null });
    assert.deepEqual(state(s7(x.unpushed)), { status: 'unpushed', sha: x.unpushed });
    assert.equal(state(s7(x.amendedOld))?.status, 'unknown');
    assert.equal(state(s7(x.amendedOld))?.sha, x.amendedOld);
    // Both candidates are commits (on no branch): each named with its subject, for the quick fix's choice.
    const probes = fx.ambiguous.shas.map((sha) => ({ sha, subject: fx.git(fx.work, 'log', '-1', '--format=%s', sha) }));
    assert.deepEqual(state(fx.ambiguous.prefix), { status: 'ambiguous', sha: null, candidates: fx.ambiguous.shas, commits: probes });
    // A SHA of the submodule's own history resolves there.
    assert.deepEqual(state(s7(x.libCommit)), { status: 'ok', sha: x.libCommit, submodule: 'vendor/lib' });
    // Bare hex that resolves to nothing: known as unknown, never reported.
    const bare = h.model.commits.find((c) => c.evidence === 'bare')!;
    assert.equal(state(bare.sha)?.status, 'unknown');
    assert.ok(!r.diagnostics.some((d) => d.range.start.line === bare.range.start.line));
  });

  it('a bare mention of an unpushed commit is still reported (it does resolve)', async () => {
    const model = structuredClone(h.model);
    for (const c of model.commits) c.evidence = 'bare';
    const r = await check(model, h.path, { settings: settings({ 'stale-ref': 'off', 'missing-file': 'off', 'line-out-of-range': 'off' }) });
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['unpushed-commit']);
  });

  it('honours per-rule severities and turns rules off', async () => {
    const r = await check(h.model, h.path, {
      settings: settings({ 'unknown-commit': 'error', 'stale-ref': 'off', 'missing-file': 'off', 'line-out-of-range': 'hint', 'ambiguous-commit': 'off', 'unpushed-commit': 'off' }),
    });
    assert.deepEqual(r.diagnostics.map((d) => `${d.code}/${d.severity}`), [
      'unknown-commit/error', 'unknown-commit/error', 'unknown-commit/error', 'line-out-of-range/hint',
    ]);
  });

  it('with git turned off, only the file rules run and git is never started', async () => {
    const r = await check(h.model, h.path, { settings: settings({}, { git: false }) });
    assert.equal(r.git.runner.spawned, 0);
    assert.deepEqual(r.diagnostics.map((d) => `${d.code}/${d.severity}`), ['line-out-of-range/warning', 'missing-file/hint', 'missing-file/hint']);
    // Without git history nothing says a file was there and went: a moved file is only "not here" (an aside).
    assert.match(r.diagnostics[1]!.message, /^src\/old\/helper.ts is not in this repository/);
  });

  it('a commit on no branch is a problem where the handoff is current, a hint in an older entry of its log', async () => {
    const old = s7(fx.shas.amendedOld);
    const text = [
      '# Handoff', '',
      '## 2026-05-02 — Session 2', '', `Resume on the config branch: its tip is commit \`${old}\`.`, '',
      '## 2026-05-01 — Session 1', '', `Wrote the config loader in commit \`${old}\` on the config branch.`, '',
    ].join('\n');
    const path = fx.writeHandoff(fx.work, 'docs/LOG.md', text);
    const model = createLanguageService().getModel({ path, version: 0, text });
    const r = await check(model, path, { text, settings: settings({ 'missing-file': 'off', 'line-out-of-range': 'off' }) });
    assert.deepEqual(r.diagnostics.map((d) => `${d.range.start.line} ${d.severity} ${d.code}`), ['4 warning unknown-commit', '8 hint unknown-commit']);
    assert.match(r.diagnostics[1]!.message, /is on no branch/);
  });

  it('a commit written twice on one line is reported once there; on another line, again', async () => {
    const gone = 'c3a91f7';
    const text = [
      '# Handoff', '', '## Self-check', '',
      `- \`${gone}\` (test RED task 1): \`git log --oneline --all | grep ${gone}\` ✓`,
      `- Resume from commit \`${gone}\`.`, '',
    ].join('\n');
    const path = fx.writeHandoff(fx.work, 'docs/TWICE.md', text);
    const model = createLanguageService().getModel({ path, version: 0, text });
    assert.equal(model.commits.filter((c) => c.sha === gone).length, 3, 'three mentions');
    const r = await check(model, path, { text, settings: settings({ 'missing-file': 'off', 'line-out-of-range': 'off' }) });
    assert.deepEqual(r.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`), ['4:3 unknown-commit', '5:22 unknown-commit']);
  });

  /** Where `src/nowhere.ts` is reported missing in a handoff of these lines, and how many breadcrumbs name it. */
  async function missingAt(name: string, lines: readonly string[]): Promise<{ crumbs: number; at: string[] }> {
    const text = ['# Handoff', '', '## Notes', '', ...lines, ''].join('\n');
    const path = fx.writeHandoff(fx.work, `docs/${name}.md`, text);
    const model = createLanguageService().getModel({ path, version: 0, text });
    const r = await check(model, path, { text, settings: settings({ 'line-out-of-range': 'off' }) });
    return {
      crumbs: model.files.filter((f) => f.path === 'src/nowhere.ts').length,
      at: r.diagnostics.filter((d) => d.code === 'missing-file').map((d) => `${d.range.start.line}:${d.range.start.character}`),
    };
  }

  it('a missing file named twice on one line is reported once there; on another line, again', async () => {
    assert.deepEqual(await missingAt('TWICE-FILES', [
      '- `src/nowhere.ts` is the entry point: `grep main src/nowhere.ts` shows it.',
      '- Start in `src/nowhere.ts`.',
    ]), { crumbs: 3, at: ['4:3', '5:12'] });
  });

  it('a missing file named plain and with lines on one line is reported once there; two places in it, twice', async () => {
    // Field study (a Spec Kit task list): "… in src/x.py (verified 2026-07-08: src/x.py:29-66)" — the file gone, its
    // second mention on the line was a duplicate. Two line ranges of one file are two places, each with its own fix.
    assert.deepEqual(await missingAt('PLAIN-AND-LINES', [
      '- [x] T009 Create the model in `src/nowhere.ts` (verified: `src/nowhere.ts:29-66`)',
      '- [x] T010 Wire it: `src/nowhere.ts:10` and `src/nowhere.ts:12-13`',
    ]), { crumbs: 4, at: ['4:32', '5:21', '5:45'] });
  });

  it('claims that hold produce nothing: tag, release tip, pushed and submodule commits, present files', async () => {
    const r = await check(h.model, h.path);
    const x = fx.shas;
    // Each span holds a mention whose claim is true: no diagnostic may start inside it.
    for (const needle of ['| release/1.0 | ' + s7(x.parser), 'Tag `v1.0.0` is at `' + s7(x.parser), 'Parser landed in commit `' + s7(x.parser),
      'Vendored lib at commit `' + s7(x.libCommit), '`helper.ts:5`', '`src/app.ts:12`', '`parser.ts:50`']) {
      const span = rangeOf(h.text, needle);
      const inside = r.diagnostics.filter((d) => d.range.start.line === span.start.line
        && d.range.start.character >= span.start.character && d.range.start.character < span.end.character);
      assert.deepEqual(inside, [], needle);
    }
  });
});
