// The role of the list a step sits in, when that list is not work to do: acceptance criteria, expected
// tests, a roadmap or backlog, standing rules. Decided by the heading or the label the list sits under,
// matched whole: the same words inside a longer title name work.
import { strict as assert } from 'node:assert';
import { modelOf } from './support/fixtures';
import { listRoleOf } from '../../src/core/extract/listRoles';
import { extractSteps } from '../../src/core/extract/steps';
import { parseDocument } from '../../src/core/parse/parseDocument';

const md = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('steps: the role of their list', () => {
  it('reads labels whole', () => {
    const cases: Array<[string, string | null]> = [
      ['Acceptance criteria', 'acceptance'], ['**Acceptance Criteria:**', 'acceptance'], ['3. ✅ Definition of Done', 'acceptance'],
      ['Done when:', 'acceptance'], ['Success criteria (all must hold)', 'acceptance'], ['Acceptance criteria for Phase 2', 'acceptance'],
      ['Expected tests', 'expected-test'], ['Expected results:', 'expected-test'],
      ['Roadmap', 'roadmap'], ['Long-term roadmap', 'roadmap'], ['Medium Term (Next Month)', 'roadmap'], ['Mid-term goals', 'roadmap'], ['Short term', null], ['Future work', 'roadmap'], ['Later (after v1)', 'roadmap'],
      ['Backlog', 'roadmap'], ['Someday / maybe', 'roadmap'], ['Nice to have', 'roadmap'], ['Nice-to-haves', 'roadmap'], ['Ideas', 'roadmap'], ['Deferred', 'roadmap'],
      ['Monetization Roadmap', 'roadmap'], ['Update the roadmap', null], ['Review roadmap', null],
      ['Future polish (lower priority)', 'roadmap'], ['Future UI ideas', 'roadmap'], ['Future-proof the API', null],
      ['Council process learnings (Sprint 10.14)', 'context'], ['Key learnings', 'context'], ['Apply the learnings to the importer', null],
      ['Read first', 'context'], ['Read These First (in order):', 'context'], ['Key files to read first', 'context'], ['Reading list', 'context'],
      ['Read the spec, then build the parser', null], ['Read-only mode', null],
      ['What shipped, with file pointers:', 'context'], ['Implemented:', 'context'], ['The implemented fail-closed protocol is:', 'context'],
      ['What was not done:', null], ['To be implemented:', null], ['The current next steps are:', null], ['Implement the importer:', null],
      ['Future / Parked', 'roadmap'], ['Parked ideas', 'roadmap'], ['Parked the importer', null],
      ['Council governance reminder', 'rules'], ['Doctrine reminders:', 'rules'], ['Reminders', null],
      ['Notable Findings', 'context'], ['Key observations:', 'context'], ['Findings to fix', null], ['Users can now:', 'context'], ['You can now use:', 'context'], ['Users can now log in, so:', null], ['Next, users must:', null],
      ['Ground rules for the next session', 'rules'], ['Hard rules (memorize)', 'rules'],
      ['Acceptance tests for the importer', null], ['Backlog prioritization', null], ['Roadmap progress', null], ['Rules-based matcher', null], ['Future - after the beta', 'roadmap'], ['Later today', null], ['Test plan', null],
      ['Current likely options:', 'roadmap'], ['Options', 'roadmap'], ['Add options to the CLI', null],
      ['Important Notes for Next Session', 'context'], ['04-04 followup probes proved:', 'context'], ['The completed HP-030 drill verified:', 'context'],
      ['To be verified:', null], ['Still needs to be confirmed:', null], ['Verify once deployed:', null], ['Verification runs (no commits required)', 'context'],
      ['Each provider follows the same pattern:', 'context'], ['To add a new provider:', 'context'], ['To add the login form:', null], ['Prove the fix holds', null],
      ['Planned Features', 'roadmap'], ['Upcoming features:', 'roadmap'], ['Success Metrics', 'acceptance'], ['Planned work', null], ['Upcoming work', null], ['Measure success metrics', null],
      ['Coming Soon', 'roadmap'], ['🚀 Coming soon:', 'roadmap'], ['Coming soon features are hidden behind a flag', null],
      ['Required Reading', 'context'], ['Required reading (load before resuming):', 'context'], ['Required reading time is shown', null],
      ['What Was Accomplished This Session (2026-03-01)', 'context'], ['What was done this session', 'context'], ['What we fixed today:', 'context'],
      ['Completed this session', 'context'], ['Session accomplishments', 'context'], ['Review Fixes Applied (Round 1)', 'context'], ['Changes made:', 'context'],
      ['Scanner parity — Already Done (Session 4)', 'context'], ['Fixes to apply', null], ['What was done and what is next', null], ['Fix what was changed', null],
      ['Git State', 'context'], ['Repository status:', 'context'], ['Dev Notes', 'context'], ['Canvas LMS API — Research Summary', 'context'],
      ['Completed in v0.4.0:', 'context'], ['Fixed in this release', 'context'], ['Done in Sprint 3', 'context'], ['Completed in the next release', null], ['Fixed in main', null],
      ['Status snapshot', 'context'], ['Snapshot (2026-06-13)', 'context'], ['Take a database snapshot', null], ['Snapshot tests to fix', null],
      ['Before committing:', 'acceptance'], ['Before you commit', 'acceptance'], ['Before merging:', 'acceptance'], ['Pre-commit checklist', 'acceptance'],
      ['Commit the fix before pushing', null], ['Before the commit lands, rename the flag', null],
      ['Current State Summary', 'context'], ['Current state', 'context'], ['Current Status', null], ['Update the current state doc', null],
      // An account of events already over: an incident's "What happened:" (the buyer paid, the operator retried).
      ['**What happened:**', 'context'], ['What went wrong', 'context'], ['Root cause analysis', 'context'], ['Sequence of events', 'context'],
      ['What we tried', 'context'], ['Find out what happened to the cache', null], ['Root cause the flaky test', null], ['What happened next', null],
      ['📚 Key Reference Documents', 'context'], ['Reference docs', 'context'], ['Key documents', 'context'], ['Reference docs to write', null],
      ['Key docs to update', null], ['Update the reference documents', null],
      ['Verification Checklist', 'acceptance'], ['Phase Completion Checklist', 'acceptance'], ['Before marking GREEN complete:', 'acceptance'],
      ['Before marking any phase complete:', 'acceptance'], ['Verify the checklist app', null], ['Complete the checklist', null],
      ['Manual Verification Checklist', 'acceptance'], ['Final verification checklist:', 'acceptance'], ['Quality Gates', 'acceptance'],
      ['Quality gate (before merge)', 'acceptance'], ['Code Review Checklist', 'acceptance'], ['PR review checklist', 'acceptance'],
      ['Run the quality gates', null], ['Review checklist items', null], ['Write the verification checklist', null],
      ['Validation Checklist', 'acceptance'], ['10. Validation Checklist', 'acceptance'], ['6. Post-Deployment Verification', 'acceptance'],
      ['Post-deploy checks:', 'acceptance'], ['Write the validation checklist', null], ['Validate the importer', null], ['Deployment verification to add', null],
      ['Important Reminders', 'rules'], ['Session Setup', 'routine'], ['Set up the session store', null], ['Update the git state file', null], ['Notes', null],
      // The same criteria in other languages; "完了" alone (completed) and a completed task are not criteria.
      ['Akzeptanzkriterien', 'acceptance'], ["Critères d'acceptation :", 'acceptance'], ['Criterios de aceptación', 'acceptance'],
      ['Critérios de aceitação', 'acceptance'], ['Kryteria akceptacji', 'acceptance'], ['完了条件', 'acceptance'], ['5. 次段階の完了条件', 'acceptance'],
      ['验收标准', 'acceptance'], ['1.2 각 Phase 완료 기준', 'acceptance'], ['完了', null], ['완료된 작업', null], ['Kryteria wyszukiwania', null],
      ['Next steps', null], ['Task 3: Acceptance criteria', null], ['Ideas we tried and dropped in March', null], ['Rules engine refactor', null], ['What was not done (deferred)', null], ['Deferred until after the release', null],
    ];
    assert.deepEqual(cases.map(([label]) => [label, listRoleOf(label)]), cases);
  });

  it('by the heading (an enclosing one too, unless a nearer heading is a to-do heading) or the label before the list', () => {
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
      '## Task 6: Exporter', 'Write the exporter.', '**Acceptance:**', '- [ ] exports 10k rows', '',
      '## Next steps', '1. Start task 5.',
    );
    const m = modelOf(text);
    assert.deepEqual(m.steps.map((s) => `${s.listRole ?? '-'} ${s.text}`), [
      '- write the importer', 'acceptance imports 10k rows', 'acceptance under a second', '- wire the CLI',
      'acceptance docs updated', 'acceptance CI green', 'expected-test `test_import_rows` passes',
      '- run the importer on the sample', 'acceptance no data loss', '- open the PR',
      'roadmap multi-tenant import', '- Excel input', 'roadmap streaming', 'roadmap colours', 'roadmap AI mapping',
      'roadmap retries', 'roadmap plugins', '- write the acceptance tests', '- rank the backlog',
      'rules Never force-push.', 'acceptance exports 10k rows', '- Start task 5.',
    ]);
  });
});

describe('records of what is there: a label says the list or table below is what shipped', () => {
  it('a table after such a label takes its role; a table after any other label is still work', () => {
    const text = md(
      '# Next session', '',
      '## What\'s left', '- promote to main', '',
      'What shipped, with file pointers:', '',
      '| Area | Code |', '|---|---|', '| Verdict store | `src/db.ts` |', '| Restart triage | `src/db.ts` |', '',
      'The implemented publication protocol is:', '', '1. assemble and validate', '2. reserve the output folder', '',
      'Then:', '', '| Task | Owner |', '|---|---|', '| Tag the release | me |', '',
      'This plan completes the reset commands. Users can now:', '1. Run `setup reset --db` to clean the migrations', '',
      'The reset is half done. Next:', '1. Wire `setup reset --files`', '',
      '## Read first', '1. `docs/plan.md`', '',
      '## Future polish (lower priority)', '- [ ] camera follow',
    );
    assert.deepEqual(modelOf(text).steps.map((s) => `${s.listRole ?? '-'} ${s.text}`), [
      '- promote to main', 'context Verdict store — `src/db.ts`', 'context Restart triage — `src/db.ts`',
      'context assemble and validate', 'context reserve the output folder', '- Tag the release — me',
      'context Run `setup reset --db` to clean the migrations', '- Wire `setup reset --files`',
      'context `docs/plan.md`', 'roadmap camera follow',
    ]);
  });
});

describe('empty items', () => {
  it('a lone `*` or `2.` ending a list of next steps is no step (seen by `npm run fuzz`: a step of no text)', () => {
    assert.deepEqual(modelOf(md('# Handoff', '', '## Next steps', '', '1. wire the reader', '2.', '', '## Resume', '', '- [ ] run the tests', '*')).steps.map((s) => s.text),
      ['wire the reader', 'run the tests']);
  });
});

describe('an item its own label sets aside', () => {
  it('"DEFER:", "v1.4+ deferred:", "Won\'t do:", "Out of scope —" and "deliberately held" items are set aside (superseded), not open', () => {
    const text = md(
      '# Next session', '', '## Follow-ups',
      '- DEFER: subclass features and level features', '- v1.4+ deferred: TEST-11 vitest run blocked by gotrue',
      '- Won\'t do: the Excel importer', '- Out of scope — a mobile app', '- Defer the rollout until Friday', '- Deferred rows are counted: fix the count',
      '- Deferred by choice: ICD-10 codes', '- Branch deletions, deliberately held.', '- Confidence signals — intentionally omitted', '- Deliberately test the held lock',
    );
    assert.deepEqual(modelOf(text).steps.map((s) => `${s.state} ${s.text}`), [
      'superseded DEFER: subclass features and level features', 'superseded v1.4+ deferred: TEST-11 vitest run blocked by gotrue',
      "superseded Won't do: the Excel importer", 'superseded Out of scope — a mobile app',
      'open Defer the rollout until Friday', 'open Deferred rows are counted: fix the count',
      'superseded Deferred by choice: ICD-10 codes', 'superseded Branch deletions, deliberately held.',
      'superseded Confidence signals — intentionally omitted', 'open Deliberately test the held lock',
    ]);
  });
});

describe('an item its own status tag closes, and a group title over checkboxes', () => {
  it('`(P0 done)`, `(done)`, "**Resolved during the audit**:" close a step; `(deferred)`, `(skipped)` set it aside; "Phase 25 COMPLETE — next is 25.1" stays open', () => {
    const text = md(
      '# State', '', '## Pending Todos',
      '- **(P0 done) Phase 03.6 loader migration** — COMPLETE 2026-04-28 via Plan 1', '- (done) wire the CLI',
      '- (deferred) Phase 2 storage micro-bench: skip per ship-it directive', '- (skipped) the Windows smoke',
      '- Phase 25 COMPLETE — next reasoning work is Phase 25.1', '- Complete the importer', '- (P1) Phase 3.5 follow-ups',
    );
    assert.deepEqual(modelOf(text).steps.map((s) => `${s.state} ${s.text.slice(0, 28)}`), [
      'done **(P0 done) Phase 03.6 loade', 'done (done) wire the CLI', 'superseded (deferred) Phase 2 storage m',
      'superseded (skipped) the Windows smoke', 'open Phase 25 COMPLETE — next rea', 'open Complete the importer', 'open (P1) Phase 3.5 follow-ups',
    ]);
    const labelled = md('# Audit', '', '## Follow-ups', '- **Resolved, but not as decided here**: the beta branch was retired',
      '- **Resolved during the audit**: the Windows flake', '- **Fixed:** the cache key', '- Done: the release notes', '- **Fix**: the login redirect',
      '- Resolve the merge conflicts', '- **Completed work to verify**: run the smoke tests');
    assert.deepEqual(modelOf(labelled).steps.map((s) => s.state), ['done', 'done', 'done', 'done', 'open', 'open', 'open']);
  });

  it('a numbered title over checkboxes is their group, not a step of its own (its boxes are); a roadmap under "Planned Features"', () => {
    const text = md(
      '# Active context', '', '## Next Steps',
      '1. Data Processing', '   - [ ] Process fetched PR data', '   - [x] Implement word counting', '',
      '2. Documentation', '   - [x] Update README', '   - [x] Add examples', '',
      '3. Deploy the API', '   - run the migration first', '',
      '## Planned Features', '', '### Short Term', '1. Interactive Enhancements', '   - [ ] Score parameter adjustment', '',
      '## Success Metrics', '- [ ] Cross-browser compatibility',
    );
    assert.deepEqual(modelOf(text).steps.map((s) => `${s.state} ${s.listRole ?? '-'} ${s.text}`), [
      'open - Process fetched PR data', 'done - Implement word counting', 'done - Update README', 'done - Add examples',
      'open - Deploy the API', 'open roadmap Score parameter adjustment', 'open acceptance Cross-browser compatibility',
    ]);
  });
});

describe('a label that is the last sentence of a long paragraph', () => {
  it('"… Current likely options:" over alternatives, "**That was wrong.** The probes proved:" over findings', () => {
    const text = md(
      '# Handoff', '', '## Next steps', '',
      'After the audit and the consumer review, choose the next slice from [the long-term plan](docs/PLAN.md), which lists every candidate lane we have. Current likely options:', '',
      '- consumer contract adjustments;', '- a sanitized corpus seed.', '',
      'The last summary framed the slice as blocked by an upstream bug in the download library. **That root-cause assumption was wrong.** The follow-up probes proved:', '',
      '1. The blob already lived in the cache.', '2. The redesign still routed it through an always-fetch API.', '',
      'Then, with all of that in mind and the whole team informed of what is about to change in the release process:', '',
      '1. Ship the cache-aware loader.',
    );
    assert.deepEqual(modelOf(text).steps.map((s) => `${s.listRole ?? '-'} ${s.text}`), [
      'roadmap consumer contract adjustments;', 'roadmap a sanitized corpus seed.',
      'context The blob already lived in the cache.', 'context The redesign still routed it through an always-fetch API.',
      '- Ship the cache-aware loader.',
    ]);
  });
});

describe('routine checklists and guidance items', () => {
  it('a checklist every session repeats is a routine, not this handoff\'s work', () => {
    for (const label of ['Before Ending Session (MANDATORY)', 'Before starting work', 'Handover Checklist for Incoming Agent', 'Session end checklist',
      'At the end of each session', 'Resumption checklist for the next session', 'Re-entry checklist']) {
      assert.equal(listRoleOf(label), 'routine', label);
    }
    for (const label of ['Before the release', 'Checklist', 'End-to-end tests', 'Session 12 tasks', 'Resume the checklist work']) assert.equal(listRoleOf(label), null, label);
  });

  it('a gate for another occasion (a deployment or QA checklist), test cases, and the reasons for a choice are no work', () => {
    const cases: Array<[string, string | null]> = [
      ['Deployment Checklist', 'acceptance'], ['QA checklist — what a human should test before deploying', 'acceptance'],
      ['Pre-production checklist', 'acceptance'], ['Release checklist:', 'acceptance'], ['Deploy the checklist app', null], ['Checklist', null],
      ['Security Checklist (Before Production)', 'acceptance'], ['Checklist before merging:', 'acceptance'], ['上线前检查清单', 'acceptance'],
      ['发布检查清单：', 'acceptance'], ['Run the checklist before release', null], ['Run checklist before release', null], ['Checklist for the API', null],
      ['**Test Cases**:', 'expected-test'], ['Test scenarios', 'expected-test'], ['Test cases to add:', null], ['Write the test cases', null],
      ['Why Zustand?', 'context'], ['**Why**:', 'context'], ['Rationale', 'context'], ['Pros and cons', 'context'], ['Trade-offs', 'context'],
      ['Why the build fails — fix it', null], ['Whyte report', null], ['Benefits page copy', null],
    ];
    assert.deepEqual(cases.map(([label]) => [label, listRoleOf(label)]), cases);
    // Under a next-step heading, the reasons' bullets are not its steps; its tasks are.
    const m = modelOf(md('## What\'s Next: Phase 4', '', '### Why Zustand?', '', '- Much simpler API', '- Smaller bundle', '',
      '### Phase 4 Tasks', '', '1. **Install Zustand**', '2. **Create the stores**'));
    assert.deepEqual(m.steps.map((s) => [s.text, s.listRole]), [
      ['Much simpler API', 'context'], ['Smaller bundle', 'context'], ['**Install Zustand**', null], ['**Create the stores**', null],
    ]);
  });

  it('context to hand on is not work: "Critical context to give every implementer", "Gotchas", "Lessons learned"', () => {
    for (const label of ['Critical context to give every Wave 8 implementer', 'Gotchas', 'Lessons learned:', 'Background', 'Key context for Phase 6',
      'Key lessons', '§6 — Three lessons from this session that are classes, not incidents', 'Key Files', 'Useful commands:', 'Files changed']) {
      assert.equal(listRoleOf(label), 'context', label);
    }
    for (const label of ['Context menu for the tree', 'Contextual help', 'Tips page redesign', 'Apply the lessons from phase 3', 'Document lessons learned',
      'Key files to update', 'Files to modify']) {
      assert.equal(listRoleOf(label), null, label);
    }
  });

  it('an appendix is reference, not work, down to its sub-sections: "Appendix A: endpoint coverage", "附录 A：接口覆盖清单"', () => {
    for (const label of ['Appendix', 'Appendix A: Endpoint coverage checklist', 'Appendix B.2 — migration notes', '附录 A: 接口覆盖清单（逐项验收）', '附录', 'Anhang B', 'Annexe 2']) {
      assert.equal(listRoleOf(label), 'context', label);
    }
    for (const label of ['Appendix the glossary to the spec', 'Write the appendix', 'Appendices cleanup']) assert.equal(listRoleOf(label), null, label);
    const steps = extractSteps(parseDocument(md(
      '# API tasks', '', '## Phase 2', '- [ ] migrate the routers', '',
      '## Appendix A: Endpoint coverage (item by item)', '', '### async_tasks.py', '- [ ] submit a task `/api/async_tasks`', '',
    )), { path: 'tasks.md' });
    assert.deepEqual(steps.map((x) => [x.text, x.listRole ?? null]), [['migrate the routers', null], ['submit a task `/api/async_tasks`', 'context']]);
  });

  it('work the title puts off: "Items to Revisit Later", "Deferred / open loops", "Refactor phase (future)"', () => {
    const cases: Array<[string, string | null]> = [
      ['Items to Revisit Later', 'roadmap'], ['Revisit later', 'roadmap'], ['Things to revisit', 'roadmap'],
      ['Deferred / open loops (not this session unless noted)', 'roadmap'], ['Refactor phase (future)', 'roadmap'],
      ['Phase 3: Integration & Testing (Future)', 'roadmap'], ['Phase 4: Polish & Release (Future)', 'roadmap'], ['Dark mode (post-MVP)', 'roadmap'],
      ['Phase 2: Core Implementation (Next)', null], ['Phase 1: Weather App PoC (Current)', null],
      ['Revisit the parser', null], ['Refactor the phase (later today)', null], ['Deferral policy', null], ['What was not done (deferred)', null],
    ];
    assert.deepEqual(cases.map(([label]) => [label, listRoleOf(label)]), cases);
  });

  it('what to do if something goes wrong, tips, a description of what is there, and later work named by its lead-in are no work', () => {
    const cases: Array<[string, string | null]> = [
      ['Rollback Plan (If Issues)', 'context'], ['If anything breaks:', 'context'], ['Troubleshooting', 'context'], ['In case of problems:', 'context'],
      ['Fallback plan', 'context'], ['Implementation Tips', 'context'], ['Debugging tips:', 'context'], ['The landing page currently shows:', 'context'],
      ['What a Salesperson Currently Sees in Sidebar', 'context'], ['Current Issue', 'context'], ['Current behaviour:', 'context'], ['Current Status', null],
      ['Current issue tracker migration', null], ['The API currently has three bugs to fix:', null],
      ['The following areas are being considered for future development:', 'roadmap'], ['Ideas for future releases:', 'roadmap'],
      ['Roll back the migration', null], ['Rollback the release', null], ['Troubleshoot the flaky test', null], ['Add tips to the tour', null],
      ['Currently failing tests:', null], ['Next steps for future sessions', null], ['If the build passes, deploy:', null],
    ];
    assert.deepEqual(cases.map(([label]) => [label, listRoleOf(label)]), cases);
  });

  it('an item that states a fact under its label ("**Root Cause:** …", "**Current URL:** …") beside a problem\'s steps is no step', () => {
    const text = md(
      '# Next session plan', '', '## 1. Checkout page', '**The issue:** the search path is wrong.',
      '- **Current URL in Profile:** `https://shop.example/s/vacuum`', '- **Root Cause:** the site search uses `/search?q=`.',
      '- Symptoms: an empty page', '- **Current task:** switch the profile to the new path', '- Fix the path in `profile.yaml`',
    );
    assert.deepEqual(modelOf(text).steps.map((s) => `${s.listRole ?? '-'} ${s.text}`), [
      'context **Current URL in Profile:** `https://shop.example/s/vacuum`', 'context **Root Cause:** the site search uses `/search?q=`.',
      'context Symptoms: an empty page', '- **Current task:** switch the profile to the new path', '- Fix the path in `profile.yaml`',
    ]);
  });

  it('numbered next steps that are standing guidance ("keep … in mind", "do not …") are not steps', () => {
    const text = '## Next steps\n\n1. resume from the parser\n2. keep the old facts in mind\n3. do not merge the two passes\n4. **Never** force-push\n5. ship it\n\n## Later\n\n- [ ] Keep the cache warm\n';
    const steps = extractSteps(parseDocument(text), { path: 'HANDOFF.md' });
    assert.deepEqual(steps.map((s) => [s.text, s.listRole]), [
      ['resume from the parser', null], ['keep the old facts in mind', 'rules'], ['do not merge the two passes', 'rules'],
      ['**Never** force-push', 'rules'], ['ship it', null], ['Keep the cache warm', 'roadmap'],
    ]);
  });

  it("finding one's bearings (reading the handoff, checking git's state) is a routine of every session, boxed or not", () => {
    const text = [
      '## How to resume', '', '1. **Read This Document First** - you have the context now', '2. **Orient:** read `CLAUDE.md` and `docs/BACKLOG.md`',
      '3. Confirm the baseline is green before changing anything', '4. **Understand Current Code**: the SDK, the CLI', '5. Fix the flaky importer test', '',
      '## Checklist', '', '- [ ] Read entire HANDOFF.md document', '- [ ] Verify git status: `git status` & `git log --oneline -5`',
      '- [ ] Check current branch: `git branch -vv`', '- [ ] Understand "Next Steps" (section 4)', '- [ ] Explore the codebase',
      '- [ ] Read the spec, then build the parser', '- [ ] Check current branch protection on main', '- [ ] Read HANDOFF_TEMPLATE.md and fill in the summary section', '- [ ] Re-read `notes_handoff_session2.md`', '',
    ].join('\n');
    const steps = extractSteps(parseDocument(text), { path: 'HANDOFF.md' });
    assert.deepEqual(steps.map((s) => [s.text.replace(/\s+-\s.*|:.*$/, ''), s.listRole]), [
      ['**Read This Document First**', 'routine'], ['**Orient', 'routine'], ['Confirm the baseline is green before changing anything', 'routine'],
      ['**Understand Current Code**', 'routine'], ['Fix the flaky importer test', null],
      ['Read entire HANDOFF.md document', 'routine'], ['Verify git status', 'routine'], ['Check current branch', 'routine'],
      ['Understand "Next Steps" (section 4)', 'routine'], ['Explore the codebase', 'routine'],
      ['Read the spec, then build the parser', null], ['Check current branch protection on main', null], ['Read HANDOFF_TEMPLATE.md and fill in the summary section', null], ['Re-read `notes_handoff_session2.md`', null],
    ]);
  });
});
