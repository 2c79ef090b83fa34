// Units a reader names outside headings become nodes of the phase tree, under the heading they sit in: bold
// list items, checklist phases, bold unit lines (GSD's `**Wave N**`), GSD's "Current Position", `<details>`
// milestones, XML-ish sections. Nothing inferred is shown without text; every item still belongs to the
// innermost phase whose section holds it.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelOf, hasShared, SHARED } from './support/fixtures';
import { flatPhases, rangeMismatches, textAt } from './support/ranges';
import type { Phase } from '../../src/core/model';

const md = (...lines: string[]) => `${lines.join('\n')}\n`;
const tree = (phases: readonly Phase[], depth = 0): string[] =>
  phases.flatMap((p) => [`${'  '.repeat(depth)}${p.label}${p.title && p.kind !== 'section' ? `: ${p.title}` : ''}${p.status ? ` [${p.status}]` : ''}`, ...tree(p.children, depth + 1)]);

describe('phase tree: units named outside headings', () => {
  it('reads bold list items and checklist phases as units of the list they sit in', () => {
    const m = modelOf(md(
      '# Handoff', '', '## What happened',
      '- **Phase 1**: schema migrated', '- **Phase 2**: migration rolled back', '  - the `orders` index was too slow',
      '- Phase 1B: hotfix for the rollback', '- **Phase 2** was retried later, see below', '',
      '## Roadmap', '- [x] Phase 1: Foundation (4/4 plans) — completed 2026-02-21', '- [ ] **Phase 2.1: Duplicate guard** - inserted',
      '- [ ] Step 3: not a unit of a checklist', '',
    ));
    assert.deepEqual(tree(m.phases), [
      'Handoff', '  What happened', '    Phase 1: schema migrated', '    Phase 2: migration rolled back', '    Phase 1B: hotfix for the rollback',
      '  Roadmap', '    Phase 1: Foundation (4/4 plans) — completed 2026-02-21 [done]', '    Phase 2.1: Duplicate guard** - inserted',
    ]);
    const p2 = flatPhases(m.phases)[3];
    assert.equal(textAt(m.text, p2.range), '**Phase 2**: migration rolled back');
    assert.equal(textAt(m.text, p2.sectionRange), '- **Phase 2**: migration rolled back\n  - the `orders` index was too slow');
    assert.equal(flatPhases(m.phases)[6].name, 'Foundation');
    assert.equal(flatPhases(m.phases)[6].date, '2026-02-21');
    assert.ok(flatPhases(m.phases).filter((p) => p.kind !== 'section').every((p) => p.inferred));
  });

  it('reads bold unit lines of paragraphs, GSD waves among them, as children of their phase, each titled', () => {
    const m = modelOf(md(
      '### Phase 3: Ledger import', '**Plans**: 3 plans', '', 'Plans:', '**Wave 1**', '',
      '- [x] 03-01-PLAN.md — Statement parser (commit `4c1d9e2`)', '',
      '**Wave 2** *(blocked on Wave 1 completion)*', '', '- [ ] 03-02-PLAN.md — Draft postings', '- [ ] 03-03-PLAN.md — History page', '',
      '🚀 **Sprint 3:** Communication layer', '', '**Phase 4** is planned for later, not a heading.', '',
      '### Phase 4: Reconciliation',
    ));
    assert.deepEqual(tree(m.phases), [
      'Phase 3: Ledger import',
      '  Wave 1: 03-01-PLAN.md — Statement parser', // titled after what it groups
      '    Plan 03-01: Statement parser (commit `4c1d9e2`) [done]',
      '  Wave 2: (blocked on Wave 1 completion)* [blocked]',
      '    Plan 03-02: Draft postings', '    Plan 03-03: History page',
      '  Sprint 3: Communication layer',
      'Phase 4: Reconciliation',
    ]);
    const commit = m.commits.find((c) => c.sha === '4c1d9e2')!;
    assert.equal(commit.phase, 'Plan 03-01', 'an item belongs to the innermost unit holding it');
    for (const p of flatPhases(m.phases)) if (p.inferred) assert.notEqual(p.title, '', `${p.label} has a title`);
  });

  it('drops an inferred unit that has no text and groups nothing', () => {
    const m = modelOf(md('## Notes', '', '**Wave 4**', '', '## Other'));
    assert.deepEqual(tree(m.phases), ['Notes', 'Other']);
  });

  it("reads GSD's Current Position: the phase, its plan, and the status line", () => {
    const m = modelOf(md('# Project State', '', '## Current Position', '', 'Phase: 12 of 14 (Payments)', 'Plan: 3 of 5 in current phase', 'Status: In progress', 'Last activity: 2026-05-09 — webhook retries', '', '## Decisions', '- none'));
    assert.deepEqual(tree(m.phases), ['Project State', '  Current Position', '    Phase 12: Payments [in-progress]', '      Plan 3: 3 of 5 in current phase', '  Decisions']);
    const phase = flatPhases(m.phases)[2];
    assert.equal(textAt(m.text, phase.range), 'Phase: 12 of 14 (Payments)');
    assert.match(textAt(m.text, phase.sectionRange)!, /^Phase: 12[\s\S]*webhook retries$/);
    const bare = modelOf(md('## Current Position', '', '- **Phase**: 3', '- **Plan**: Not started', '- **Status**: Ready to execute'));
    assert.deepEqual(tree(bare.phases), ['Current Position', '  Phase 3: Ready to execute [planned]']);
  });

  it('reads a <details> summary that names a milestone, with the phases inside as its children', () => {
    const m = modelOf(md(
      '## Phases', '', '<details>', '<summary>✅ v1.0 MVP (Phases 1-2) — SHIPPED 2026-03-30</summary>', '',
      '- [x] Phase 1: Accounts', '- [x] Phase 2: Postings', '', '</details>', '', '### 🚧 v1.1 Imports (In Progress)', '', '- [ ] Phase 3: Import',
    ));
    assert.deepEqual(tree(m.phases), [
      'Phases', '  Milestone v1.0: MVP (Phases 1-2) — SHIPPED 2026-03-30 [done]', '    Phase 1: Accounts [done]', '    Phase 2: Postings [done]',
      '  Milestone v1.1: Imports (In Progress) [in-progress]', '    Phase 3: Import',
    ]);
    assert.equal(flatPhases(m.phases)[1].date, '2026-03-30');
    assert.equal(flatPhases(m.phases)[1].name, 'MVP (Phases 1-2)');
  });

  it('reads XML-ish sections and GSD plan tasks, and not HTML or a tag never closed', () => {
    const m = modelOf(md(
      '<current_state>', 'Half done.', '</current_state>', '', '<tasks>', '', '<task type="auto">', '  <name>Task 1: Draft store</name>',
      '</task>', '', '<task type="auto">', '  <name>Task 2: Review queue</name>', '</task>', '', '</tasks>', '',
      '<div>', 'html</div>', '', '<remaining_work>', '- only opened',
    ));
    assert.deepEqual(tree(m.phases), ['current_state', 'tasks', '  Task 1: Draft store', '  Task 2: Review queue']);
    assert.deepEqual(flatPhases(m.phases).map((p) => p.name), ['Current state', 'Tasks', 'Draft store', 'Review queue']);
  });

  it('reads units a table lists: in its first cell, or as ids under a unit column; not a metrics table', () => {
    const m = modelOf(md(
      '## Plan progress', '', '| Task | What | Status | Commit |', '|---|---|---|---|', '| 6 | "Run now" UI | ✅ DONE | `71cf149` |',
      '| **7** | **Configure tab** | **⬜ RESUME HERE** | — |', '', '| **Sprint 4** | Workers & features | ⏳ Planned | 0% |', '|---|---|---|---|',
      '| **Sprint 5** | Deployment | ⏳ Planned | 0% |', '', '## By Phase', '', '| Phase | Plans | Total |', '|---|---|---|', '| 1 | 3 | 45min |',
    ));
    assert.deepEqual(tree(m.phases), [
      'Plan progress', '  Task 6: "Run now" UI [done]', '  Task 7: **Configure tab** [next]', '  Sprint 4: Workers & features [planned]',
      '  Sprint 5: Deployment [planned]', 'By Phase',
    ]);
    assert.equal(m.commits[0].phase, 'Task 6');
    assert.equal(textAt(m.text, flatPhases(m.phases)[2].range), '**7**');
  });

  it("reads Kiro's numbered tasks as an outline when the checklist numbers its sub-tasks, and not otherwise", () => {
    const kiro = modelOf(md('# Implementation Plan', '', '- [x] 1. Set up', '- [ ] 2. Record changes', '  - [x] 2.1 Change log', '    - _Requirements: 1.2_', '  - [ ] 2.2 Queue'));
    assert.deepEqual(tree(kiro.phases), ['Implementation Plan', '  Task 1: Set up [done]', '  Task 2: Record changes', '    Task 2.1: Change log [done]', '    Task 2.2: Queue']);
    assert.deepEqual(tree(modelOf(md('# Plan', '- [ ] 1. Write the test', '- [ ] 2. Make it pass')).phases), ['Plan'], 'a numbered checklist alone is steps');
  });

  it('keeps a heading section ending where it did, and places items as before', () => {
    const m = modelOf(md('## A', '- **Phase 1**: x `abc1234` commit', '', 'after the list: commit `def5678`', '## B', 'commit `0a1b2c3`'));
    assert.deepEqual(m.commits.map((c) => [c.sha, c.phase]), [['abc1234', 'Phase 1'], ['def5678', 'A'], ['0a1b2c3', 'B']]);
  });

  it('stays linear with thousands of units', () => {
    const time = (n: number) => {
      const text = Array.from({ length: n }, (_, i) => `## Phase ${i}\n**Wave ${i}** *(x)*\n- **Task ${i}**: y\n  - [ ] z\n`).join('\n');
      const t0 = performance.now();
      modelOf(text);
      return performance.now() - t0;
    };
    time(500);
    const small = Math.max(time(1_000), 1);
    assert.ok(time(4_000) < small * 12);
  });
});

describe('phase labels: no raw markup anywhere', () => {
  it('in the labels of the shared corpus, with every range exact', function () {
    if (!hasShared()) this.skip();
    const dir = join(SHARED, 'corpus');
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      const m = modelOf(readFileSync(join(dir, name), 'utf8'), name);
      for (const p of flatPhases(m.phases)) {
        assert.doesNotMatch(p.label, /[*~`]/, `${name}: ${p.label}`);
        if (p.inferred) assert.notEqual(p.title, '', `${name}: ${p.label} has a title`);
        assert.ok(p.name.length <= 81, `${name}: ${p.name}`);
      }
      assert.deepEqual(rangeMismatches(m.text, m).filter((x) => x.startsWith('phase') || x.startsWith('step')), [], name);
    }
  });
});
