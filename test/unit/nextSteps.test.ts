// Open steps written without checkboxes: what a next-step heading, label, paragraph, table or XML-ish section
// holds, in English and in the other languages handoffs are written in. The filters stay: standing guidance, lists
// that are no work, a numbered step's bullet details, a line that says there is nothing to do.
import { strict as assert } from 'node:assert';
import { modelOf } from './support/fixtures';
import { rangeMismatches, textAt } from './support/ranges';
import { stepsToDo } from '../../src/core/extract/currentSteps';
import { FOREIGN_NEXT, isNextTitle, mentionsNext, nextLabelIn } from '../../src/core/extract/nextHeadings';

const md = (...lines: string[]) => `${lines.join('\n')}\n`;
const todo = (text: string, path = '') => stepsToDo(modelOf(text, path)).map((s) => s.text);
const kinds = (text: string, path = '') => modelOf(text, path).steps.map((s) => [s.kind, s.state, s.text]);

describe('next steps: bullets, tables and paragraphs of a next-step title', () => {
  it('counts the bullets of a next-step heading, as it always counted numbered items', () => {
    assert.deepEqual(todo(md('## Next steps', '- build the review page', '- write the audit line', '  - a detail, not a step')), ['build the review page', 'write the audit line']);
    assert.deepEqual(todo(md('## Notes for the next session', '- the cache is cold on Mondays')), [], 'a heading that only mentions the next session');
  });

  it("leaves a checkbox step's labelled detail bullets (Next:, Remaining:) to it: the box already says the work is open", () => {
    assert.deepEqual(todo(md('## Pending tasks', '', '- [ ] **Handoff skill** - two-level protocol', '  - Problem: the agent skipped steps', '  - Next: design session to settle the protocol', '', '- [ ] **Model awareness**', '  - Remaining: a hook that records model switches', '', '**Next step:** pick the next task from the backlog')),
      ['**Handoff skill** - two-level protocol', '**Model awareness**', 'pick the next task from the backlog']);
  });

  it("a step after a bold label that closes inside it does not keep the label's half of the bold", () => {
    assert.deepEqual(todo(md('# H', '', '**Next: choose from Someday.** Highest-impact candidates:')), ['choose from Someday. Highest-impact candidates:']);
    assert.deepEqual(todo(md('# H', '', '**Next step: run it.** Then **tag** it.')), ['run it. Then **tag** it.']);
    assert.deepEqual(todo(md('# H', '', '**Next step:** run the **migration**')), ['run the **migration**'], 'a label closed before the colon');
  });

  it('where the steps are checkboxes, the plain bullets and table rows after them are notes, not steps', () => {
    const text = md('## TODO list - remaining work', '', '### Priority 3', '- [x] **Dynamic edge types** - inferred from geometry', '- [ ] **Hidden aggregators** - between layers', '',
      '**Type inference (in `service.go`):**', '- `InferEdgeType()` - classifies relationships', '', '**Edge categories:**', '| Type | Criteria |', '|---|---|', '| ANALOGOUS_TO | high similarity |', '',
      '**Layer distribution:**', '- L0: 8932 base nodes', '', '### Priority 4', '1. Profile the consolidation pass');
    assert.deepEqual(todo(text), ['**Hidden aggregators** - between layers', 'Profile the consolidation pass'], 'a numbered item is still a step');
    assert.deepEqual(todo(md('## Next steps', '- write the audit line', '', '| Task | Owner |', '|---|---|', '| migrate the table | me |')), ['write the audit line', 'migrate the table — me'],
      'without boxes, bullets and rows are the steps');
    assert.deepEqual(todo(md('## Next steps', '### 1. Config', '- [ ] add the flag', '### 2. Notebooks', '**To update:**', '- the lesson notebooks', '- the homework notebooks')),
      ['add the flag', 'the lesson notebooks', 'the homework notebooks'], 'a later section that writes its steps without boxes');
    assert.deepEqual(todo(md('## Next steps', '- [ ] add the flag', '', '| Task | Owner |', '|---|---|', '| tag the release | me |')), ['add the flag', 'tag the release — me'],
      'a table of tasks is steps beside boxes');
  });

  it('gives way to the sub-list of a bullet that only labels it', () => {
    assert.deepEqual(todo(md('## Next steps', '- **Backend:**', '  - add the endpoint', '  - migrate', '- Frontend:', '  - the page')), ['add the endpoint', 'migrate', 'the page']);
  });

  it("leaves a numbered step's bullets to it, even when a rendering lost their indent", () => {
    assert.deepEqual(todo(md('## Resume point', '1. **Visual QA.** Walk the demo:', '', '- open the page', '- click a chip', '', '2. Tag the release')), ['**Visual QA.** Walk the demo:', 'Tag the release']);
  });

  it('reads top-priority next actions, critical path, action items and what is not done', () => {
    for (const title of ['Top-priority next actions', 'Critical path', 'Critical-Path Items Remaining for v1.0', 'Action Items & Next Steps', 'Outstanding action items (queued forward)', "What's NOT done", 'Not done / still incomplete', 'Immediate Next Steps', 'Pending Work', '4. Sequenced next steps']) {
      assert.ok(isNextTitle(title), title);
      assert.deepEqual(todo(md(`## ${title}`, '- ship it')), ['ship it'], title);
    }
    for (const title of ['Context for the next session', 'Pending FIFO and lane metadata', "What's NOT in scope for the next session", 'Open question for next session — picker UX', 'todo.json format']) {
      assert.ok(!isNextTitle(title), title);
    }
  });

  it('reads "Pick up exactly here" as a next-step title: its lone paragraph is the step', () => {
    assert.ok(isNextTitle('Pick up exactly here'));
    assert.ok(isNextTitle('Pick up right here'));
    assert.deepEqual(todo(md('## Pick up exactly here', 'If the PR is unmerged: finish its gate and merge it.')), ['If the PR is unmerged: finish its gate and merge it.']);
    assert.ok(!isNextTitle('Pick up exactly where the parser stalled yesterday, it was slow'));
  });

  it('makes each row of a next-step table a step, its state from its cells', () => {
    const m = modelOf(md("## What's NOT done", '', '| # | Item | Status |', '|---|---|---|', '| 1 | Reject writes an audit line | open |', '| 2 | Import history page | 🔄 |', '| 3 | Parser | ✅ Done |'));
    assert.deepEqual(m.steps.map((s) => [s.kind, s.state, s.text]), [
      ['row', 'open', 'Reject writes an audit line'], ['row', 'in-progress', 'Import history page'], ['row', 'done', 'Parser'],
    ]);
    assert.equal(textAt(m.text, m.steps[0].range), '1 | Reject writes an audit line | open');
  });

  it('a row of measures only (timings, sizes, shares) records a result: no step; a row with a word still is one', () => {
    const table = md('## Next steps', '', '| Run | Before | After | Now |', '|---|---|---|---|', '| 1 | 632 ms | 3 713 ms | **320 ms** |',
      '| 2 | ~1.2 GB | 37% | 120 fps |', '| 3 | 12 → 9 | 15 | 3 |', '| 4 | migrate the table | 2 h | |', '| 5 | 3.2× faster | v2 | |');
    assert.deepEqual(todo(table), ['migrate the table — 2 h', '3.2× faster — v2']);
  });

  it('a "Key Files" table or list in a next-session document says where things are: no steps', () => {
    assert.deepEqual(todo(md('# Next Session: Benchmarks', '', '## Step 1: Run', '', '- run the suite', '', '## Key Files', '', '| File | Purpose |', '|:--|:--|',
      '| `src/a.py` | CLI |', '| `src/b.py` | targets |', '', '- `docs/x.md` the playbook', '', '## Key files to update', '', '- `src/c.py`')), ['run the suite', '`src/c.py`']);
  });

  it('takes the lone paragraph of a next-step section, not an introduction nor "None"', () => {
    assert.deepEqual(kinds(md('### Next step', '🚀 **Sprint 3:** messaging layer')), [['paragraph', 'open', '🚀 **Sprint 3:** messaging layer']]);
    assert.deepEqual(todo(md('## Next steps', 'In order:', '', '1. a')), ['a']);
    assert.deepEqual(todo(md('## Next actions', 'None; await the next request.')), []);
    // A template's placeholders left unfilled are no steps.
    for (const placeholder of ['(filled by /handoff or manually)', '_(to be filled in)_', '<fill in the next steps>', 'TBD', '[placeholder]']) {
      assert.deepEqual(todo(md('## Remaining Work', '- ' + placeholder)), [], placeholder);
    }
    assert.deepEqual(todo(md('## Remaining Work', '- (optional) fill in the README')), ['(optional) fill in the README']);
    assert.deepEqual(todo(md('## Next steps', '```', 'make release', '```', '', 'Then tell the team.')), [], 'content before it: not a lone paragraph');
  });

  it('a lone paragraph that only says where things stand (a GSD summary\'s "Next Step") is no step; one that goes on to the work is', () => {
    for (const report of ['Phase 5 complete; ready for Phase 6 (Status Server) to consume the session log.', 'Phase 14a is complete. Proceeding to Phase 14b',
      'Phase 7 is fully complete; WSL bootstrap helpers and docs are in place.', 'All 7 plans are done.', 'No new drift surfaced.']) {
      assert.deepEqual(todo(md('## Next Step', '', report)), [], report);
    }
    const goesOn = 'Phase 5 complete. Next, wire the status server to the session log: add the /status route, read the log with the parser from 05-01, and cover both with an integration test before the release.';
    assert.deepEqual(todo(md('## Next Step', '', goesOn)), [goesOn]);
    assert.deepEqual(todo(md('## Next Step', '', 'Plan the phase 6 rollout.')), ['Plan the phase 6 rollout.']);
  });

  it('"resume" in a heading is the verb (How to resume, Resume Wave 8), not a feature\'s name (resume pointer, resume integration)', () => {
    for (const t of ['How to resume', 'Resume Wave 8', '4. RESUME HERE — plan Tasks 4–20', 'Handoff — M4 → resume at Task 19', 'To resume in a remote session', 'Resume']) {
      assert.ok(mentionsNext(t), t);
    }
    for (const t of ['Phase 5 Plan 2: Crash detection and resume integration Summary', 'resume-signal', 'Resume shows stale prompt', 'Compute resume pointer from session log']) {
      assert.ok(!mentionsNext(t), t);
    }
    assert.deepEqual(todo(md('# Phase 5 Plan 2: Crash detection and resume integration Summary', '', '## Task Commits', '', '1. **Task 1: Compute the pointer** — `43fa51f` (feat)')), []);
  });
});

describe('next steps: labels', () => {
  it('a paragraph that starts with a next-step label is the step', () => {
    const m = modelOf(md('# Log', '', 'Merged the parser.', '', '**Next step:** build the review page,', 'then the audit line.', '', 'Next: tag it.', '', '**TODO**: rotate the key'));
    assert.deepEqual(m.steps.map((s) => [s.kind, s.text]), [
      ['paragraph', 'build the review page, then the audit line.'], ['paragraph', 'tag it.'], ['paragraph', 'rotate the key'],
    ]);
    assert.equal(textAt(m.text, m.steps[0].range), '**Next step:** build the review page,\nthen the audit line.');
    assert.deepEqual(rangeMismatches(m.text, m), []);
  });

  it('a label over a list makes its items steps; a count after a label is no step', () => {
    assert.deepEqual(todo(md('Some context.', '**Next steps:**', '- a', '- b', '', 'Prose again.', '- c')), ['a', 'b']);
    assert.deepEqual(todo(md('- **Next steps:**', '  - a', '  - b', '- other')), ['a', 'b']);
    assert.equal(nextLabelIn('Pending: 53 (63%)'), null);
    assert.equal(nextLabelIn('**Next step:** run it'), 15);
    assert.equal(nextLabelIn('**Next steps:**'), -1);
    // A program's entry point in architecture notes is no place to resume; the resume point's words are.
    assert.equal(nextLabelIn('**Entry Point:** `/Users/me/moviematch/cmd/moviematch/main.ts`'), null);
    assert.equal(nextLabelIn('Entry point: src/main.ts'), null);
    assert.equal(nextLabelIn('**Entry point:** read `docs/PLAN.md`, then run the tests'), 17);
  });
});

describe('next steps: other languages', () => {
  const headings: Record<string, string[]> = {
    de: ['Nächste Schritte', 'Nächster Schritt', 'Offene Punkte', 'Noch zu tun'],
    fr: ['Prochaines étapes', 'Prochaine étape', 'Reste à faire', 'Tâches restantes'],
    es: ['Próximos pasos', 'Siguientes pasos', 'Tareas pendientes', 'Por hacer'],
    pt: ['Próximos passos', 'Próximas etapas', 'Pendências', 'Tarefas pendentes'],
    it: ['Prossimi passi', 'Passi successivi', 'Da fare', 'Cose da fare'],
    nl: ['Volgende stappen', 'Volgende stap', 'Nog te doen', 'Openstaande punten'],
  };

  for (const [language, titles] of Object.entries(headings)) {
    it(`reads ${language} next-step headings: bullets, numbered items, a lone paragraph`, () => {
      assert.ok(FOREIGN_NEXT[language], language);
      for (const title of titles) {
        assert.deepEqual(todo(md(`## ${title}`, '- eins', '- zwei')), ['eins', 'zwei'], title);
        assert.deepEqual(todo(md(`### 3. ${title.toUpperCase()}`, '1. uno')), ['uno'], title);
        assert.deepEqual(todo(md(`## ${title}`, 'Le déploiement du module.')), ['Le déploiement du module.'], title);
      }
    });
  }

  it('and a foreign next step mentioned in a longer heading still counts its numbered items', () => {
    assert.ok(mentionsNext('Stand 2026-02-14 und nächste Schritte'));
    assert.deepEqual(todo(md('## Stand und nächste Schritte', '1. deployen', '- Detail')), ['deployen']);
  });
});

describe('next steps: XML-ish sections, plan files, front-matter todos', () => {
  it('reads <remaining_work> items and the <next_action> paragraph, not <completed_work>', () => {
    const m = modelOf(md('<completed_work>', '', '- Task 1: store - Done', '</completed_work>', '', '<remaining_work>', '', '- Task 2: the page', '- Task 3: the audit line', '</remaining_work>', '', '<next_action>', 'Start with: the page layout.', '</next_action>'));
    assert.deepEqual(stepsToDo(m).map((s) => [s.kind, s.text]), [['bullet', 'Task 2: the page'], ['bullet', 'Task 3: the audit line'], ['paragraph', 'Start with: the page layout.']]);
    assert.deepEqual(rangeMismatches(m.text, m), []);
  });

  it('in a Claude Code or Cursor plan file, the implementation steps are steps; elsewhere they are not', () => {
    const plan = md('# Plan: cache', '## Approach', 'Key by hash.', '## Implementation steps', '1. Hash the file', '2. Store the lines', '### 3. Invalidate on upload', '## Verification', '- npm test');
    assert.deepEqual(todo(plan, '.claude/plans/amber-river-lantern.md'), ['Hash the file', 'Store the lines', '3. Invalidate on upload']);
    assert.deepEqual(todo(plan, '.cursor/plans/cache_1a2b.plan.md'), ['Hash the file', 'Store the lines', '3. Invalidate on upload']);
    assert.deepEqual(todo(plan, 'docs/plan.md'), []);
  });

  it("reads a Cursor plan's front-matter todos, their state from status", () => {
    const m = modelOf(md('---', 'name: Cache', 'todos:', '  - id: a', '    content: Warm the cache', '    status: completed', '  - id: b', '    content: "Emit progress events"', '    status: in_progress', '  - id: c', '    content: Show a spinner', '    status: pending', '  - id: d', '    content: Keep the old path', '    status: cancelled', '---', '', '# Cache'));
    assert.deepEqual(m.steps.map((s) => [s.kind, s.state, s.text]), [
      ['todo', 'done', 'Warm the cache'], ['todo', 'in-progress', 'Emit progress events'], ['todo', 'open', 'Show a spinner'], ['todo', 'superseded', 'Keep the old path'],
    ]);
    assert.equal(textAt(m.text, m.steps[1].range), 'Emit progress events');
    assert.deepEqual(rangeMismatches(m.text, m), []);
    const given = modelOf(md('---', 'todos:', '  - id: a', '    content: Build the minimap', '    status: dnf', '  - id: b', '    content: Tests', '    status: dropped', '---', '', '# Plan'));
    assert.deepEqual(given.steps.map((s) => s.state), ['superseded', 'superseded'], "a team's own words for given up");
  });

  it('an open checkbox crossed out whole is dropped, an HTML comment after it or not; crossed out in part it is open', () => {
    assert.deepEqual(kinds(md('## Steps', '', '- [ ] ~~Schema migration + presence route~~ <!-- dnf: reason=superseded -->', '- [ ] ~~Client sync~~',
      '- [ ] Move ~~the old~~ the new cache', '- [x] ~~Done and struck~~', '- [ ] ~~a~~ and ~~b~~')), [
      ['checkbox', 'superseded', '~~Schema migration + presence route~~ <!-- dnf: reason=superseded -->'], ['checkbox', 'superseded', '~~Client sync~~'],
      ['checkbox', 'open', 'Move ~~the old~~ the new cache'], ['checkbox', 'done', '~~Done and struck~~'], ['checkbox', 'open', '~~a~~ and ~~b~~'],
    ]);
  });
});

describe('next steps: precision kept', () => {
  it('a line that says nothing is open is no step: "_(No active items.)_", "(none)", "Nothing in flight", "Awaiting user direction"', () => {
    for (const line of ['_(No active items.)_', '(none)', '*Nothing in flight right now.*', 'No current tasks.', 'Awaiting user direction (P0-2 or other)', 'Awaiting your input.']) {
      assert.deepEqual(todo(md('## Still open', '', line, '', 'See the roadmap for later work.')), [], line);
    }
    assert.deepEqual(todo(md('## Still open', '', '- (new) wire the exporter')), ['(new) wire the exporter']);
    assert.deepEqual(todo(md('## Still open', '', '- Ask the user for direction on the exporter')), ['Ask the user for direction on the exporter']);
  });

  it('guidance, no-work lists and "nothing to report" stay out of what is to do', () => {
    assert.deepEqual(todo(md('## Next steps', '- Never force-push.', '- Keep the tests green', '- No code-signing progress to report', '- rotate the key', '', '### Acceptance criteria', '- green CI')), ['rotate the key']);
  });

  it('a parent task left open over sub-tasks that are all ticked (Kiro, Spec Kit) is done; one with a sub-task open is not', () => {
    const text = md(
      '# Implementation Plan', '',
      '- [ ] 4. Data models', '  - [x] 4.1 Write the entities', '  - [x] 4.2 Write the DAOs', '  - [-] 4.3 Cache layer (dropped)', '',
      '- [ ] 5. Screens', '  - [x] 5.1 List screen', '  - [ ] 5.2 Detail screen', '',
      '- [ ] 6. Release notes', '  - a note, not a sub-task', '',
      '- [ ] 7. Checkpoint', '  - [-] 7.1 Dropped',
    );
    assert.deepEqual(todo(text), ['5. Screens', '5.2 Detail screen', '6. Release notes', '7. Checkpoint']);
    const parent = modelOf(text).steps[0]!;
    assert.deepEqual([parent.state, parent.marker, parent.doneBySubSteps], ['open', '[ ]', true], 'the box is still open as written');
  });

  it('a section that says there is nothing left has no step: "Ready for new tasks.", "No open items."', () => {
    assert.deepEqual(todo(md('## Next Task', 'Ready for new tasks. All remote control issues have been resolved.', '', '## TODO', '- No open items.', '- No remaining tasks.')), []);
    assert.deepEqual(todo(md('## Next Task', 'Ready the release notes for new tasks.', '', '## TODO', '- Open items: rotate the key')), ['Ready the release notes for new tasks.', 'Open items: rotate the key']);
  });

  it('stays linear on a long next-step list and a long table', () => {
    const time = (n: number) => {
      const text = `## Next steps\n${Array.from({ length: n }, (_, i) => `- **Next:** step ${i}\n  - **Group:**\n    - sub ${i}\n| ${i} | row |`).join('\n')}\n`;
      const t0 = performance.now();
      modelOf(text);
      return performance.now() - t0;
    };
    time(500);
    const small = Math.max(time(1_000), 1);
    assert.ok(time(4_000) < small * 12);
  });
});
