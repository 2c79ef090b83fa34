// `unchecked-step` reports only what a reader resuming the work still has to do: open steps outside the
// document's history and outside lists that are not work (acceptance criteria, expected tests, roadmaps,
// standing rules). The steps themselves stay in the model, each with the role of its list.
import { strict as assert } from 'node:assert';
import { modelOf } from './support/fixtures';
import { uncheckedSteps } from '../../src/core/rules/uncheckedStep';
import { isStepToDo, stepsToDo, whyNotToDo } from '../../src/core/extract/currentSteps';

const md = (...lines: string[]) => `${lines.join('\n')}\n`;
const reported = (text: string) => uncheckedSteps(modelOf(text), 'information').map((d) => d.message.replace(/^[^:]+: /, ''));

describe('unchecked-step: only what is still to do', () => {
  it('not a question (a decision or a reflection to answer); a request with a question in it is still a step', () => {
    const text = md(
      '# Plan', '',
      '## Open questions', '- [ ] Should picker specializations be per-org or global? **Recommended: per-org**',
      '- [ ] T031 [P] Are there seasonal pickers who change week to week?', '',
      '## The meta next step', '1. What did we validate this week?', '2. How can we improve our process?', '3. **Which external auditor?** Trail of Bits or NCC Group?', '',
      '## Next steps', '- [ ] Ping Staff: dashboard-server status?', '- [ ] Ben eyeball: does the timeline render in Notion?',
      '- [ ] Is-it-live checker: add the cron job', '- [ ] Check whether the cache is warm?', '- [ ] Should: wire the exporter',
    );
    assert.deepEqual(reported(text), [
      'Ping Staff: dashboard-server status?', 'Ben eyeball: does the timeline render in Notion?',
      'Is-it-live checker: add the cron job', 'Check whether the cache is warm?', 'Should: wire the exporter',
    ]);
    const m = modelOf(text);
    assert.deepEqual(m.steps.filter((s) => whyNotToDo(s, m) === 'a question').length, 5, 'the tree says why');
  });

  it('not an entry of a list of commits (the work a section sums up); a step that names a commit is still one', () => {
    const text = md(
      '# Handoff', '',
      '## Remaining work', '', 'Canonical implementation commits:', '', '- `0fda376`', '- `1c10156`', '',
      'Commits:', '', '- `2308465` goal metadata', '- **`25435fb` (Sonnet)** — flipped `getEnv`', '',
      'What is still unfinished:', '', '- deciding which planners use the metadata first', '- revert `3739578` if the replay fails',
      '- 1234567 rows to backfill', '- facade cleanup in the client', '',
    );
    assert.deepEqual(reported(text), [
      'deciding which planners use the metadata first', 'revert `3739578` if the replay fails',
      '1234567 rows to backfill', 'facade cleanup in the client',
    ]);
    const m = modelOf(text);
    assert.deepEqual(m.steps.filter((s) => whyNotToDo(s, m) === 'a commit').length, 4, 'the tree says why');
  });

  it('not the carry-over of an older log entry, nor the boxes of a finished ticket or an archived section', () => {
    const text = md(
      '# Worklog', '',
      '## 2026-03-04 — Export', '- [ ] stream the rows', '- [x] write the header', '',
      '## 2026-03-02 — Parser', '### Carry-over', '- [ ] old carry-over', '- [!] old blocked item', '',
      '## T-9: Upload', '**Status:** ✅ Done', '- [ ] leftover acceptance box', '',
      '## Archive', '- [ ] archived item', '',
      '## Next steps', '1. Review the export.', '2. ✅ Merge the parser.',
    );
    assert.deepEqual(reported(text), ['stream the rows', 'Review the export.']);
    const m = modelOf(text);
    assert.equal(m.steps.length, 8, 'the steps stay in the model; only the diagnostics change');
  });

  it('a superseded document reports nothing', () => {
    assert.deepEqual(reported(md('# Handoff', '', '> **SUPERSEDED** — see HANDOFF-2026-06-01.md', '', '## Next steps', '- [ ] resume')), []);
  });

  it('a plan-mode plan whose header says it is complete reports nothing; a handoff that says so still has next steps', () => {
    const plan = md('# Dual Currency Plan', '', '**Date**: 2026-02-07', '**Status**: COMPLETE', '', '## Steps', '', '- [ ] Convert the invoice views');
    const steps = (text: string, path: string) => uncheckedSteps(modelOf(text, path), 'information').length;
    assert.equal(steps(plan, '/w/.claude/plans/dual-currency-plan.md'), 0);
    assert.equal(steps(md('Status: ✅ Complete', '', '## Steps', '- [ ] Convert the views'), '/w/.cursor/plans/currency.plan.md'), 0, 'before any heading');
    assert.equal(steps(plan.replace('COMPLETE', 'In progress'), '/w/.claude/plans/dual-currency-plan.md'), 1);
    assert.equal(steps(plan.replace('COMPLETE', 'Complete except the invoices'), '/w/.claude/plans/dual-currency-plan.md'), 1);
    assert.equal(steps(plan, '/w/HANDOFF.md'), 1, 'a handoff whose session is complete leaves next steps');
  });

  it('not acceptance criteria, expected tests, roadmap lists or rules, by the heading or label they sit under', () => {
    const text = md(
      '# Plan', '',
      '## Task 4: Importer', '- [ ] write the importer', '',
      '**Acceptance criteria:**', '- [ ] imports 10k rows', '  - [ ] under a second', '',
      'Then:', '- [ ] wire the CLI', '',
      '### Definition of Done', '- [ ] docs updated', '',
      '### Done when', '- [ ] CI green', '',
      '### Expected tests', '- [ ] `test_import_rows` passes', '',
      '### Test plan', '- [ ] run the importer on the sample', '',
      '- **Success criteria:**', '  - [ ] no data loss', '- [ ] open the PR', '',
      '## Roadmap', '- [ ] multi-tenant import', '### Next up', '- [ ] Excel input', '',
      '## Later', '- [ ] streaming', '## Nice to have', '- [ ] colours', '## Ideas', '- [ ] AI mapping',
      '## Backlog', '- [ ] retries', '## Someday', '- [ ] plugins', '',
      '## Acceptance tests for the importer', '- [ ] write the acceptance tests', '',
      '**Backlog prioritization:**', '- [ ] rank the backlog', '',
      '## Ground rules for the next session', '1. Never force-push.', '',
      '## Next steps', '1. Start task 5.',
    );
    assert.deepEqual(reported(text), [
      'write the importer', 'wire the CLI', 'run the importer on the sample', 'open the PR', 'Excel input',
      'write the acceptance tests', 'rank the backlog', 'Start task 5.',
    ]);
  });

  it('one decision for the rule and for anything else that counts open work', () => {
    const m = modelOf(md('# H', '## Session 2', '- [ ] now', '## Session 1', '- [ ] then', '## Roadmap', '- [ ] maybe'));
    assert.deepEqual(stepsToDo(m).map((s) => s.text), ['now']);
    assert.deepEqual(m.steps.map((s) => isStepToDo(s, m)), [true, false, false]);
    assert.equal(isStepToDo({ ...m.steps[0], state: 'done' }, m), false);
  });

  it('not the steps of a phase the document sets aside (deferred, superseded, skipped), however deep, and says why', () => {
    const text = md(
      '# API standardisation tasks', '',
      '## Phase 6: Tests [P1] ✅ Done', '- [ ] leftover box of a done phase', '',
      '## Phase 7: Migration [P1] ⏭️ Deferred', '### 7.1 Dual format', '- [ ] support both formats', '',
      '## Phase 8: Speed — postponed', '- [ ] make it fast', '',
      '## 阶段 9: 监控 [P2] ⏭️ 后续优化', '- [ ] 合规性监控', '',
      '## ~~Phase 10: Old plan~~', '- [ ] an item of the struck plan', '',
      '## Phase 11: Search ⏭️ Skipped', '- [ ] index the docs', '',
      '## Phase 12: Release ⏭️ Next', '- [ ] tag v1', '',
      '## Task 13: Human-verify the email (DEFERRED)', '- [ ] send a test email', '', '**Resume:** `/gsd-verify-work 13` once it arrives', '',
      '## Next steps (deferred)', '1. Start phase 12.',
    );
    // A deferred phase's own resume point, and next steps deferred as a whole, are still the work to resume with.
    assert.deepEqual(reported(text), ['leftover box of a done phase', 'tag v1', '`/gsd-verify-work 13` once it arrives', 'Start phase 12.']);
    const m = modelOf(text);
    const why = (t: string) => whyNotToDo(m.steps.find((s) => s.text === t)!, m);
    assert.equal(why('support both formats'), 'deferred phase');
    assert.equal(why('合规性监控'), 'deferred phase');
    assert.equal(why('an item of the struck plan'), 'superseded phase');
    assert.equal(why('index the docs'), 'superseded phase');
    assert.equal(why('tag v1'), null);
  });
});
