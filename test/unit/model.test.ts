// Phases, steps and document facts on the project's own fixtures, which cover each format variant: a
// session handoff with SHA tables, a plan with waves/tasks/checklists and front matter, a text rendering
// that lost its Markdown markers, and a memory-bank file with emoji headings and bold units.
import { strict as assert } from 'node:assert';
import { fixture, fixtureNames, modelOf } from './support/fixtures';
import { flatPhases, rangeMismatches, textAt } from './support/ranges';
import { classify } from '../../src/core/extract/phases';

const labels = (m: ReturnType<typeof modelOf>) => flatPhases(m.phases).map((p) => `${p.kind}:${p.label}`);

describe('model: phases', () => {
  it('classifies unit headings and keeps other headings as sections', () => {
    assert.deepEqual(classify('Phase 5 — Easy-playbook endpoints (commit `af65598`)'), { kind: 'phase', label: 'Phase 5', title: 'Easy-playbook endpoints (commit `af65598`)' });
    assert.deepEqual(classify('Task 76: scene'), { kind: 'task', label: 'Task 76', title: 'scene' });
    assert.equal(classify('Current Session Summary (2025-12-31 - Session 12)').label, 'Session 12');
    assert.equal(classify('Next slice — INTAKE-1 (substrate) — task #538').label, 'Task 538');
    assert.equal(classify('🚀 Wave D.2 close').label, 'Wave D.2');
    assert.equal(classify('4. Milestone M3 done').label, 'Milestone M3');
    for (const s of ['Phases 1-5 shipped', 'Sessions 1-4', 'Wave 8–9 plan', 'Loose ends not carried into Phase 6', '11. Next-session entry point']) {
      assert.equal(classify(s).kind, 'section', s);
    }
  });

  it('builds the tree of a session handoff, and each commit belongs to its innermost phase', () => {
    const m = modelOf(fixture('SESSION-HANDOFF-2026-03-14-billing-export.md'));
    assert.deepEqual(labels(m), [
      'section:Session Handoff — 2026-03-14 — Billing export, phases 1–3 shipped',
      'section:1. State at handoff', 'section:2. What landed', 'phase:Phase 1', 'phase:Phase 2', 'phase:Phase 3', 'section:3. Next steps',
    ]);
    const landed = flatPhases(m.phases).find((p) => p.label === '2. What landed')!;
    assert.deepEqual(landed.children.map((p) => p.label), ['Phase 1', 'Phase 2', 'Phase 3']);
    assert.equal(textAt(m.text, landed.children[0].range), 'Phase 1 — Export job skeleton (commit `3e5b7c2`)');
    assert.equal(landed.children[0].title, 'Export job skeleton (commit `3e5b7c2`)');
    assert.deepEqual(m.steps.map((s) => s.phase), ['3. Next steps', '3. Next steps', '3. Next steps', '3. Next steps']);
  });

  it('nests tasks under waves and promotes standalone bold units', () => {
    const m = modelOf(fixture('PLAN-2026-02-02-search-rewrite.md'));
    assert.deepEqual(labels(m), ['section:Search rewrite plan', 'wave:Wave 1', 'task:Task 12', 'task:Task 13', 'wave:Wave 2', 'task:Task 14', 'section:Resume point']);
    const wave2 = flatPhases(m.phases).find((p) => p.label === 'Wave 2')!;
    assert.deepEqual(wave2.children.map((p) => [p.label, p.inferred]), [['Task 14', true]]);
    assert.equal(textAt(m.text, wave2.children[0].range), 'Task 14: Planner skeleton');
  });

  it('infers the headings of a text rendering that lost its markers', () => {
    const m = modelOf(fixture('continuation-notes.txt'));
    const tree = flatPhases(m.phases);
    assert.deepEqual(tree.map((p) => p.label), [
      'The Team Wiki — rendered copy of docs/handoffs/ingest.md', 'Ingest pipeline handoff — parser hardening',
      '1. State at handoff', 'Branch + tag state', 'Phase 1', 'Phase 2', '2. Resume point', 'Task 7', 'Wave 3',
    ]);
    assert.ok(tree.every((p) => p.inferred));
    const state = tree.find((p) => p.label === '1. State at handoff')!;
    assert.deepEqual(state.children.map((p) => p.label), ['Branch + tag state', 'Phase 1', 'Phase 2']);
    assert.equal(textAt(m.text, tree.find((p) => p.label === 'Phase 1')!.range), 'Phase 1 — Tokeniser limits (commit 2b3c4d5, 3 files)');
  });

  it('reads emoji headings and bold unit lines in a memory-bank file', () => {
    const m = modelOf(fixture('activeContext.md'), 'memory-bank/activeContext.md');
    assert.deepEqual(labels(m), ['section:🧭 Active Context', 'section:🎯 Current Focus', 'phase:Phase 3', 'section:🚀 Next Steps & Immediate Priorities', 'section:✅ Recently done']);
  });
});

describe('model: steps', () => {
  it('reads every checkbox state and numbered next steps', () => {
    const m = modelOf(fixture('PLAN-2026-02-02-search-rewrite.md'));
    assert.deepEqual(m.steps.map((s) => [s.state, s.kind, s.marker, s.text]), [
      ['done', 'checkbox', '[x]', 'Write the failing schema test in `search/tests/test_schema.py`'],
      ['done', 'checkbox', '[x]', 'Implement `search/schema.py`'],
      ['open', 'checkbox', '[ ]', 'Commit: `feat(search): schema`'],
      ['open', 'checkbox', '[ ]', 'Port the tokeniser to `search/tokenise.rs`'],
      ['superseded', 'checkbox', '[-]', 'Keep the old C tokeniser (superseded by the port)'],
      ['blocked', 'checkbox', '[!]', 'Benchmark on the 2 GB corpus (blocked: no machine)'],
      ['in-progress', 'checkbox', '[>]', 'Unicode folding tables'],
      ['open', 'checkbox', '[ ]', 'Numbered checkbox step'],
      ['in-progress', 'checkbox', '[~]', 'Partly done step'],
      ['open', 'checkbox', '[ ]', '`search/planner/mod.rs` with the cost model'],
      ['open', 'numbered', null, 'Finish Task 13 (tokeniser) — see `search/tokenise.rs`.'],
      ['done', 'numbered', null, 'DONE Task 12.'],
    ]);
    assert.deepEqual(m.steps.map((s) => s.phase), ['Task 12', 'Task 12', 'Task 12', 'Task 13', 'Task 13', 'Task 13', 'Task 13', 'Task 13', 'Task 13', 'Task 14', 'Resume point', 'Resume point']);
  });

  it('marks numbered next steps done by ✅, strike-through or DONE', () => {
    const m = modelOf(fixture('SESSION-HANDOFF-2026-03-14-billing-export.md'));
    assert.deepEqual(m.steps.map((s) => s.state), ['open', 'done', 'done', 'open']);
    assert.equal(textAt(m.text, m.steps[0].range), '1. Start Phase 4: stream CSV rows instead of buffering.');
  });

  it('ignores numbered lists outside next-steps sections', () => {
    const m = modelOf('## Phase 3\n\n1. Upload\n2. Retry\n\n## Next steps\n\n1. Ship it\n   1. sub-step is not a step\n');
    assert.deepEqual(m.steps.map((s) => s.text), ['Ship it']);
  });
});

describe('model: document facts', () => {
  it('takes the date from front matter, then the file name, then "Last updated"', () => {
    const plan = modelOf(fixture('PLAN-2026-02-02-search-rewrite.md'), 'docs/PLAN-2026-09-09-x.md');
    assert.equal(plan.date, '2026-02-02');
    assert.equal(plan.title, 'Search rewrite plan');
    assert.deepEqual(plan.frontMatter, { title: 'Search rewrite plan', date: '2026-02-02', branch: 'search-rewrite', git_commit: '1f2e3d4c' });
    assert.equal(modelOf('# X\n', 'docs/SESSION-HANDOFF-2026-05-19-topic.md').date, '2026-05-19');
    assert.equal(modelOf(fixture('activeContext.md'), 'memory-bank/activeContext.md').date, '2026-01-20');
    assert.equal(modelOf('# Notes\n\nNothing dated.\n', 'NOTES.md').date, null);
  });
});

describe('model: exact ranges on every fixture', () => {
  for (const name of fixtureNames()) {
    it(name, () => {
      const m = modelOf(fixture(name), name);
      assert.deepEqual(rangeMismatches(m.text, m), []);
      const crlf = modelOf('\uFEFF' + fixture(name).replace(/\n/g, '\r\n'), name);
      assert.deepEqual(rangeMismatches(crlf.text, crlf), [], 'the same with a BOM and CRLF line ends');
      assert.equal(crlf.steps.length, m.steps.length);
      assert.equal(flatPhases(crlf.phases).length, flatPhases(m.phases).length);
    });
  }
});
