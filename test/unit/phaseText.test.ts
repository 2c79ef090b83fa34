// What a reader scans in an outline: labels without Markdown markup, a short name without status lines, dates
// and commit remarks, the date and the status a heading states, and the units it names (more kinds, more id
// shapes, dated sessions, GSD milestones).
import { strict as assert } from 'node:assert';
import { classify } from '../../src/core/extract/phases';
import { dateIn, markupFree, nameOf } from '../../src/core/extract/phaseText';
import { statusIn } from '../../src/core/extract/phaseStatus';
import { modelOf } from './support/fixtures';
import { flatPhases } from './support/ranges';

describe('phase text: markup-free labels', () => {
  it('reads a heading over several lines (setext) as one line: a code span may cross the break (seen by `npm run fuzz`)', () => {
    const twoLines = 'Rename `snake_case\nfields` in total_tasks';
    assert.equal(markupFree(twoLines), markupFree(twoLines.replace(/\s+/g, ' ')));
    assert.equal(markupFree(twoLines), 'Rename snake_case fields in total_tasks');
    assert.equal(markupFree('Phase 2 —\n  *the importer*'), 'Phase 2 — the importer');
    // The fuzzer's case: underscores on both sides of a code span that crosses a line break.
    const fuzzed = '~~R[`_{~~ C0 ~~#z~~---\nphase: 03\ntotal_t~~R[`_{~~ C0';
    assert.equal(markupFree(fuzzed), markupFree(fuzzed.replace(/\s+/g, ' ')));
  });

  it('drops emphasis, strike-through, code marks and link targets, keeping snake_case and code content', () => {
    assert.equal(markupFree('**Export** ~~old~~ `__init__.py` and [the guide](docs/guide.md) _em_ snake_case'), 'Export old __init__.py and the guide em snake_case');
    assert.equal(markupFree('![logo](x.png) <sup>1</sup> \\*literal\\*'), 'logo 1 literal');
  });

  it('gives sections labels without markup, and units their plain label', () => {
    const m = modelOf('# **Billing** `export` — [plan](x.md)\n\n## ~~Phase 3: old plan~~\n\n## __Notes__ on `retry_after`\n');
    assert.deepEqual(flatPhases(m.phases).map((p) => p.label), ['Billing export — plan', 'Phase 3', 'Notes on retry_after']);
  });

  it('stays linear on a giant heading', () => {
    const text = `# ${'[a](b) **c** `d` '.repeat(50_000)}\n`;
    const t0 = performance.now();
    const m = modelOf(text);
    assert.ok(performance.now() - t0 < 5_000);
    assert.ok(m.phases[0].label.length <= 1_000);
  });
});

describe('phase text: name, date and status', () => {
  it('names a heading without its status line, date, emoji and commit remark', () => {
    assert.equal(nameOf('**Export job skeleton** ✅ DONE (2026-03-02, commit 3e5b7c2)'), 'Export job skeleton');
    assert.equal(nameOf('Foundation (4/4 plans) — completed 2026-02-21'), 'Foundation');
    assert.equal(nameOf('Current Session Summary (2025-12-31 - Session 12)'), 'Current Session Summary');
    assert.equal(nameOf('🚀 Next Steps & Immediate Priorities'), 'Next Steps & Immediate Priorities');
    assert.equal(nameOf('Phase 2 — Next.js migration'), 'Phase 2 — Next.js migration', 'a word that only looks like a status stays');
  });

  it('cuts a long name at a separator near 80 characters', () => {
    const name = nameOf('Session Handoff — 2026-05-19 — M3-A6 Phases 1-5 shipped (backend complete + live-verified) → Phase 6 (frontend wizard) kickoff');
    assert.equal(name, 'Session Handoff — M3-A6 Phases 1-5 shipped (backend complete + live-verified)');
    assert.ok(nameOf('word '.repeat(60)).length <= 80);
  });

  it('reads the first ISO date, also from a timestamp', () => {
    assert.equal(dateIn('Session 12 — 2026-05-09T16:40:12Z'), '2026-05-09');
    assert.equal(dateIn('Phase 3 (no date)'), null);
  });

  it('reads a status from markers, parentheticals, separated or upper-case words, and strike-through', () => {
    const cases: Array<[string, ReturnType<typeof statusIn>]> = [
      ['Phase 4 ✅', 'done'], ['🚧 v1.1 Imports', 'in-progress'], ['Wave 2 (blocked on Wave 1 completion)', 'blocked'],
      ['Task 3 — completed 2026-02-21', 'done'], ['Phase 5 (current)', 'in-progress'], ['Phase 6: FAILED', 'failed'],
      ['Task 9 [SUPERSEDED]', 'superseded'], ['Phase 7 — deferred', 'deferred'], ['Task 10 — next', 'next'],
      ['Phase 8 (planned)', 'planned'], ['Phase 4 COMPLETE — search', 'done'], ['Status: Abgeschlossen', 'done'],
      ['Task 7 ⬜ RESUME HERE', 'next'], ['Phase 2 — Next.js migration', null], ['NEXT STEPS', null], ['Next steps', null], ['Phase 3: Closed beta launch', null],
    ];
    for (const [text, want] of cases) assert.equal(statusIn(text), want, text);
    assert.equal(statusIn('Phase 3: old plan', true), 'superseded');
  });

  it('lets the words after a pause, next or to-do marker say what it means; a done, doing or failed marker stands', () => {
    const cases: Array<[string, ReturnType<typeof statusIn>]> = [
      ['Phase 8 ⏭️ Skipped', 'superseded'], ['Phase 7 [P1] ⏭️ Deferred', 'deferred'], ['Phase 9 ⏭ Next', 'next'], ['⏭️ Phase 10', 'next'],
      ['Wave 3 ⏸️ Postponed', 'deferred'], ['Task 4 📋 Not started', 'planned'], ['Task 5 ⏳ Blocked', 'blocked'],
      ['Phase 2 ✅ Ready for review', 'done'], ['🚧 Deferred work', 'in-progress'], ['Phase 6 ⏭️ Proceed to the API', 'next'],
    ];
    for (const [text, want] of cases) assert.equal(statusIn(text), want, text);
  });

  it('reads a status written in Chinese, Japanese or Korean as a whole run of characters, not inside a title', () => {
    const cases: Array<[string, ReturnType<typeof statusIn>]> = [
      ['阶段 7: 向后兼容与迁移 [P1] ⏭️ 后续优化', 'deferred'], ['阶段 1: 后端基础设施 ✅ 已完成', 'done'], ['阶段 3: 前端 — 进行中', 'in-progress'],
      ['任务 4 (已取消)', 'superseded'], ['阶段 5: 暂缓', 'deferred'], ['フェーズ 2: 完了', 'done'], ['단계 3 (보류)', 'deferred'],
      ['完成标准', null], ['阶段 2: 完成标准与验收', null],
    ];
    for (const [text, want] of cases) assert.equal(statusIn(text), want, text);
  });

  it('gives every phase of a document its name, date and status', () => {
    const m = modelOf('# Plan\n\n## Phase 1 — Parser ✅ DONE (2026-03-02)\n\n## ~~Phase 2: streaming~~\n\n## 2026-05-07\n');
    assert.deepEqual(flatPhases(m.phases).map((p) => [p.label, p.name, p.date, p.status]), [
      ['Plan', 'Plan', null, null], ['Phase 1', 'Parser', '2026-03-02', 'done'], ['Phase 2', 'streaming', null, 'superseded'],
      ['2026-05-07', '2026-05-07', '2026-05-07', null],
    ]);
  });
});

describe('phase labels: kinds and ids', () => {
  it('reads the new kinds: priority, iteration, plan, epic, story, ticket, stage', () => {
    const cases: Array<[string, string, string]> = [
      ['Priority 3: Cleanup', 'priority', 'Priority 3'], ['Iteration 2 — retries', 'iteration', 'Iteration 2'],
      ['Plan 3: Review queue', 'plan', 'Plan 3'], ['Epic 4 — Sharing', 'epic', 'Epic 4'], ['Story 1.2: Login', 'story', 'Story 1.2'],
      ['Ticket #42: flaky test', 'ticket', 'Ticket 42'], ['Stage 2: Build', 'stage', 'Stage 2'],
    ];
    for (const [text, kind, label] of cases) assert.deepEqual([classify(text).kind, classify(text).label], [kind, label], text);
    for (const text of ['Plan A vs Plan B', 'Storybook setup', 'Planning notes', 'Priority list']) assert.equal(classify(text).kind, 'section', text);
  });

  it('reads ids like 1B, 2.1 and 03, dated sessions and GSD milestones', () => {
    assert.equal(classify('Phase 1B: Rollback plan').label, 'Phase 1B');
    assert.equal(classify('Phase 2.1 — Hotfix (INSERTED)').label, 'Phase 2.1');
    assert.equal(classify('Phase 03 — auth').label, 'Phase 03');
    assert.deepEqual(classify('This session (2026-05-09)'), { kind: 'session', label: 'Session 2026-05-09', title: 'This session (2026-05-09)' });
    assert.deepEqual(classify('Session 2026-05-09 — export'), { kind: 'session', label: 'Session 2026-05-09', title: 'export' });
    assert.deepEqual(classify('✅ v1.0 MVP (Phases 1-4) — SHIPPED 2026-02-24').label, 'Milestone v1.0');
    assert.equal(classify('Milestone v1.1: Imports').label, 'Milestone v1.1');
    assert.equal(classify('v0.3.1 changes').kind, 'section', 'a version alone is not a milestone');
  });

  it('reads a unit after a date or a bracketed status, and before a status marker or remark', () => {
    assert.deepEqual(classify('2026-05-02 — Phase 3: parser'), { kind: 'phase', label: 'Phase 3', title: 'parser' });
    assert.equal(classify('[DONE] Task 4: tokeniser').label, 'Task 4');
    assert.equal(classify('Export job — Phase 3 ✅ (done)').label, 'Phase 3');
    assert.equal(classify('2026-05-02 — Sessions 1-4').kind, 'section');
  });
});
