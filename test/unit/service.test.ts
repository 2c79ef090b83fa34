// The language service: one parse per document version shared by every feature, reuse of unchanged
// sections after an edit, and no throw whatever an extractor or the git check does.
import { strict as assert } from 'node:assert';
import { createLanguageService } from '../../src/core/service';
import { buildModel } from '../../src/core/buildModel';
import { parseDocument } from '../../src/core/parse/parseDocument';
import { DEFAULT_EXTRACTORS } from '../../src/core/extractors';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { FactSource } from '../../src/core/gitCheck';
import { emptyFacts } from '../../src/core/facts/types';
import { fixture } from './support/fixtures';

const text = fixture('PLAN-2026-02-02-search-rewrite.md');
const doc = (version: number, body = text) => ({ path: '/w/PLAN.md', version, text: body });

describe('language service', () => {
  it('parses a document version once and shares the model', () => {
    const service = createLanguageService();
    const a = service.getModel(doc(1));
    assert.equal(service.getModel(doc(1)), a, 'same version: same model object');
    const b = service.getModel(doc(2, text.replace('Tokeniser', 'Tokenizer')));
    assert.notEqual(b, a);
    assert.ok(b.phases[0].children[0].children.some((p) => p.title === 'Tokenizer'));
  });

  it('keeps a bounded number of documents, dropping the least recently used', () => {
    const service = createLanguageService();
    const first = service.getModel({ path: '/w/0.md', version: 1, text });
    for (let i = 1; i <= 200; i++) service.getModel({ path: `/w/${i}.md`, version: 1, text: `# Doc ${i}\n` });
    assert.notEqual(service.getModel({ path: '/w/0.md', version: 1, text }), first, 'the oldest document was parsed again');
    const recent = service.getModel({ path: '/w/200.md', version: 1, text: '# Doc 200\n' });
    assert.equal(service.getModel({ path: '/w/200.md', version: 1, text: '# Doc 200\n' }), recent);
  });

  it('analyses with the unchecked-step rule at its configured severity, and honours "off"', async () => {
    const service = createLanguageService();
    const first = await service.analyze(doc(1));
    assert.equal(first.diagnostics.length, 8);
    assert.ok(first.diagnostics.every((d) => d.code === 'unchecked-step' && d.severity === 'information'));
    assert.deepEqual(first.diagnostics.map((d) => d.message.split(':')[0]), [
      'Open step', 'Open step', 'Blocked step', 'Step in progress', 'Open step', 'Step in progress', 'Open step', 'Open step',
    ]);
    service.updateSettings({ ...DEFAULT_SETTINGS, rules: { ...DEFAULT_SETTINGS.rules, 'unchecked-step': 'off' } });
    assert.deepEqual((await service.analyze(doc(1))).diagnostics, []);
  });

  it('hands the model and text to the fact source, judges its facts with the rules; a failing source becomes one notice', async () => {
    let seen = 0;
    const working: FactSource = {
      async gather(model, d) {
        seen = model.commits.length;
        assert.equal(d.path, '/w/PLAN.md');
        assert.equal(d.text, text);
        const facts = emptyFacts(model, ['no remote: unpushed commits are not checked']);
        facts.commits.set(model.commits[0]!.sha.toLowerCase(), { status: 'unknown', sha: null, reason: 'is not in this repository (a typo, or only in another clone?)' });
        facts.files = model.files.map(() => ({ kind: 'found', paths: ['/w/x'], lines: null }));
        return facts;
      },
    };
    const ok = await createLanguageService({ git: working }).analyze(doc(1));
    assert.equal(seen, 1, 'front matter git_commit is the plan\'s one commit');
    assert.deepEqual(ok.diagnostics.filter((d) => d.code !== 'unchecked-step').map((d) => d.message),
      [`Commit ${ok.model.commits[0]!.sha} is not in this repository (a typo, or only in another clone?)`]);
    assert.deepEqual(ok.notices, ['no remote: unpushed commits are not checked']);
    assert.deepEqual(ok.fileTargets, ok.model.files.map(() => ['/w/x']));
    assert.ok(ok.facts);

    const broken: FactSource = { gather: async () => { throw new Error('spawn EACCES'); } };
    const degraded = await createLanguageService({ git: broken }).analyze(doc(1));
    assert.deepEqual(degraded.notices, ['git checks skipped: spawn EACCES']);
    assert.equal(degraded.diagnostics.length, 8, 'parse-only results stand');
  });

  it('reports no open steps of a handoff something newer supersedes: a newer one beside it, a newer version, a repository far on', async () => {
    const steps = (a: { diagnostics: Array<{ code: string }> }) => a.diagnostics.filter((d) => d.code === 'unchecked-step').length;
    const current = await createLanguageService().analyze(doc(1));
    assert.equal(steps(current), 8);
    const beside = await createLanguageService().analyze({ ...doc(1), supersededBy: '/w/PLAN-2026-03-01.md' });
    assert.deepEqual([steps(beside), beside.supersededBy], [0, '/w/PLAN-2026-03-01.md']);
    const withFacts = (f: Partial<ReturnType<typeof emptyFacts>>): FactSource => ({ gather: async (model) => ({ ...emptyFacts(model), ...f }) });
    const anchor = { sha: 'a'.repeat(40), time: 0, subject: 's', how: 'blob' as const, newer: null };
    const newer = await createLanguageService({ git: withFacts({ anchor: { ...anchor, newer: { sha: 'b'.repeat(40), time: 9 } } }) }).analyze(doc(1));
    assert.deepEqual([steps(newer), newer.supersededBy], [0, 'a newer version of this file (bbbbbbb)']);
    const far = await createLanguageService({ git: withFacts({ anchor, freshness: { sinceAnchor: 250, days: 45, branch: 'main' } }) }).analyze(doc(1));
    assert.deepEqual([steps(far), far.supersededBy], [0, 'the repository: 250 commits and 45 days since this handoff']);
    const fast = await createLanguageService({ git: withFacts({ anchor, freshness: { sinceAnchor: 150, days: 3, branch: 'main' } }) }).analyze(doc(1));
    assert.deepEqual([steps(fast), fast.supersededBy], [0, 'the repository: 150 commits and 3 days since this handoff'], 'a fast repository went as far in days');
    const burst = await createLanguageService({ git: withFacts({ anchor, freshness: { sinceAnchor: 250, days: 1, branch: 'main' } }) }).analyze(doc(1));
    assert.deepEqual([steps(burst), burst.supersededBy], [8, null], 'a burst of commits within a day: still the current work');
    const month = await createLanguageService({ git: withFacts({ anchor, freshness: { sinceAnchor: 149, days: 90, branch: 'main' } }) }).analyze(doc(1));
    assert.deepEqual([steps(month), month.supersededBy], [8, null], 'months of fewer commits: a handover may still be the work');
    const planMode = (path: string, sinceAnchor: number) => createLanguageService({ git: withFacts({ anchor, freshness: { sinceAnchor, days: 0, branch: 'main' } }) }).analyze({ ...doc(1), path });
    const carried = await planMode('/w/.claude/plans/quiet-river.md', 10);
    assert.deepEqual([steps(carried), carried.supersededBy], [0, 'the repository: 10 commits since this plan (a plan-mode plan is carried out by the session that wrote it)']);
    assert.equal(steps(await planMode('C:\\w\\.cursor\\plans\\timer.plan.md', 12)), 0, 'a Windows path');
    assert.equal(steps(await planMode('/w/.claude/plans/quiet-river.md', 9)), 8, 'nine commits: maybe not begun');
    assert.equal(steps(await planMode('/w/docs/plans/quiet-river.md', 40)), 8, 'a plan elsewhere is a handoff');
  });

  it('does not start the git check for a cancelled request or with git turned off', async () => {
    let calls = 0;
    const git: FactSource = { gather: async (model) => { calls++; return emptyFacts(model); } };
    await createLanguageService({ git }).analyze(doc(1), { isCancellationRequested: true });
    await createLanguageService({ git, settings: { ...DEFAULT_SETTINGS, git: false } }).analyze(doc(1));
    assert.equal(calls, 0);
  });

  it('keeps the rest of the model when one extractor throws, and says which', () => {
    const parsed = parseDocument(text);
    const { model, problems } = buildModel(parsed, { path: '' }, { ...DEFAULT_EXTRACTORS, files: () => { throw new Error('boom'); } });
    assert.deepEqual(problems, ['file extraction failed: boom']);
    assert.deepEqual(model.files, []);
    assert.equal(model.steps.length, 12);
  });

  it('never throws on hostile documents', async () => {
    const service = createLanguageService();
    for (const body of ['['.repeat(300_000), '> '.repeat(50_000), '\u0000'.repeat(1000), '|'.repeat(100_000), '`'.repeat(100_000)]) {
      const result = await service.analyze(doc(Math.random(), body));
      assert.ok(Array.isArray(result.diagnostics));
    }
  });
});
