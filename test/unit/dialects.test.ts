// Each dialect's handoff, on a synthetic document of its shape (test/fixtures/handoffs/dialects/<dialect>/<path as
// in a repository>): found by the default globs, its outline as a reader wants it, what is still to do, its
// commits, its progress; every range exact (also with a BOM and CRLF), no label with markup, no inferred unit
// without a title.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FIXTURES, modelOf } from './support/fixtures';
import { flatPhases, rangeMismatches } from './support/ranges';
import { stepsToDo } from '../../src/core/extract/currentSteps';
import { documentProgress, phaseProgress } from '../../src/core/extract/progress';
import { isHandoffPath } from '../../src/core/handoffGlobs';
import type { Phase } from '../../src/core/model';

const DIALECTS = join(FIXTURES, 'dialects');

/** Every fixture as [dialect, path inside the repository]. */
function fixtures(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const dialect of readdirSync(DIALECTS).sort()) {
    const walk = (dir: string) => {
      for (const name of readdirSync(dir).sort()) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else out.push([dialect, relative(join(DIALECTS, dialect), path).split('\\').join('/')]);
      }
    };
    walk(join(DIALECTS, dialect));
  }
  return out;
}

const load = (dialect: string, path: string) => modelOf(readFileSync(join(DIALECTS, dialect, path), 'utf8'), path);
const outline = (phases: readonly Phase[], depth = 0): string[] =>
  phases.flatMap((p) => [`${'  '.repeat(depth)}${p.kind === 'section' ? p.label : `${p.label}: ${p.name}`}${p.status ? ` [${p.status}]` : ''}`, ...outline(p.children, depth + 1)]);
const todo = (m: ReturnType<typeof modelOf>) => stepsToDo(m).map((s) => s.text);

describe('dialects: every fixture', () => {
  for (const [dialect, path] of fixtures()) {
    it(`${dialect}: ${path} is a handoff, with exact ranges, clean labels and titled units`, () => {
      assert.ok(isHandoffPath(path), `the default globs find ${path}`);
      const m = load(dialect, path);
      assert.deepEqual(rangeMismatches(m.text, m), []);
      const crlf = modelOf(`\uFEFF${readFileSync(join(DIALECTS, dialect, path), 'utf8').replace(/\n/g, '\r\n')}`, path);
      assert.deepEqual(rangeMismatches(crlf.text, crlf), [], 'with a BOM and CRLF line ends');
      assert.equal(flatPhases(crlf.phases).length, flatPhases(m.phases).length);
      for (const p of flatPhases(m.phases)) {
        assert.doesNotMatch(p.label, /[*~`]/, p.label);
        if (p.inferred) assert.notEqual(p.title, '', `${p.label} has a title`);
      }
    });
  }
});

describe('dialects: GSD', () => {
  it('ROADMAP: milestones, checklist phases, details blocks, waves with their plans', () => {
    const m = load('gsd', '.planning/ROADMAP.md');
    assert.deepEqual(outline(m.phases), [
      'Roadmap: Ledgerly',
      '  Milestones',
      '    Milestone v1.0: Core ledger — Phases 1-2 [done]', '    Milestone v1.1: Imports — Phases 3-4 [in-progress]', '    Milestone v2.0: Sharing — Phase 5 [planned]',
      '  Phases',
      '    Milestone v1.0: Core ledger (Phases 1-2) [done]', '      Phase 1: Account model [done]', '      Phase 2: Double-entry postings [done]',
      '    Milestone v1.1: Imports [in-progress]',
      '      Phase 3: Ledger import - CSV and OFX statements into draft postings',
      '      Phase 3.1: Duplicate guard - INSERTED after the March import incident',
      '      Phase 4: Reconciliation - match drafts against bank balances',
      '  Phase Details',
      '    Phase 3: Ledger import',
      '      Wave 1: 03-01-PLAN.md — Statement parser for CSV and OFX', '        Plan 03-01: Statement parser for CSV and OFX [done]',
      '      Wave 2:  [blocked]', '        Plan 03-02: Draft postings with a review queue', '        Plan 03-03: Import history page',
      '    Phase 3.1: Duplicate guard (INSERTED)', '      Plan 03.1-01: Fingerprint statements by account, period and totals',
      '    Phase 4: Reconciliation',
      '  Progress',
      '    Phase 1: Account model [done]', '    Phase 2: Double-entry postings [done]', '    Phase 3: Ledger import [in-progress]',
      '    Phase 3.1: Duplicate guard [planned]', '    Phase 4: Reconciliation [planned]',
    ]);
    const details = flatPhases(m.phases).filter((p) => p.label === 'Milestone v1.0')[1];
    assert.equal(details.date, '2026-03-30');
    assert.deepEqual(todo(m), [], 'a roadmap is work for later, not what to do now');
    assert.deepEqual(documentProgress(m), { done: 3, open: 0, later: 6, percent: null });
    const phase3 = flatPhases(m.phases).find((p) => p.label === 'Phase 3' && p.kind === 'phase' && p.children.length)!;
    assert.deepEqual(phaseProgress(m).get(phase3), { done: 1, open: 0, later: 2 });
    assert.deepEqual(m.commits.map((c) => [c.sha, c.phase]), [['4c1d9e2', 'Plan 03-01']]);
  });

  it('STATE: the current position with its plan and status, the stated percent, the pending todo', () => {
    const m = load('gsd', '.planning/STATE.md');
    assert.deepEqual(outline(m.phases), [
      'Project State', '  Project Reference', '  Current Position', '    Phase 3: Ledger import [in-progress]', '      Plan 2: 2 of 3 in current phase',
      '  Accumulated Context', '    Decisions', '    Pending Todos', '    Blockers/Concerns', '  Session Continuity',
    ]);
    assert.equal(m.date, '2026-05-09');
    assert.equal(m.frontMatter.stopped_at, 'Phase 3 plan 2 review queue half built');
    assert.deepEqual(documentProgress(m), { done: 0, open: 1, later: 0, percent: 20 });
    assert.deepEqual(todo(m), ['Decide whether OFX `<MEMO>` or `<NAME>` becomes the posting description']);
    // The template's bracketed captions stay in a STATE.md; over "None yet." a caption is no todo, nor is the paragraph
    // of where things stand after it; the todos are the list (the fixture's).
    const none = modelOf('# Project State\n\n## Accumulated Context\n\n### Pending Todos\n\n[Ideas caught during sessions]\n\nNone yet.\n', '.planning/STATE.md');
    assert.deepEqual(todo(none), []);
    const cleared = modelOf('# Project State\n\n### Pending Todos\n\n[Ideas caught during sessions]\n\nThe polish items were all cleared via quick tasks.\n', '.planning/STATE.md');
    assert.deepEqual(todo(cleared), []);
  });

  it('PLAN: its XML-ish sections and tasks', () => {
    const m = load('gsd', '.planning/phases/03-ledger-import/03-02-PLAN.md');
    assert.deepEqual(outline(m.phases), ['objective', 'context', 'tasks', '  Task 1: Draft store', '  Task 2: Review queue', 'verification', 'success_criteria']);
    assert.deepEqual(flatPhases(m.phases).map((p) => p.name).slice(0, 3), ['Objective', 'Context', 'Tasks']);
  });

  it("SUMMARY: its task commits, the front matter's commit range and key files, its completed date", () => {
    const m = load('gsd', '.planning/phases/03-ledger-import/03-01-SUMMARY.md');
    assert.deepEqual([...new Set(m.commits.map((c) => c.sha))], ['4c1d9e2', '8f03b7a', 'a7e52b0']);
    assert.deepEqual(m.commits.filter((c) => c.evidence === 'range').map((c) => c.sha), ['4c1d9e2', '8f03b7a']);
    for (const file of ['src/imports/parser.ts', 'src/imports/ofx.ts', 'src/ledger/postings.ts']) assert.ok(m.files.some((f) => f.path === file), file);
    assert.equal(m.date, '2026-05-08');
    assert.deepEqual(flatPhases(m.phases).filter((p) => p.kind === 'task').map((p) => p.label), ['Task 1', 'Task 2']);
  });

  it('.continue-here: remaining work and the next action are to do; completed work is not', () => {
    const m = load('gsd', '.planning/phases/03-ledger-import/.continue-here.md');
    assert.deepEqual(outline(m.phases).filter((l) => !l.startsWith(' ')), ['current_state', 'completed_work', 'remaining_work', 'decisions_made', 'blockers', 'next_action']);
    assert.deepEqual(todo(m), [
      'Task 2: build `web/src/routes/imports/+page.svelte` with approve and reject buttons',
      'Task 2: reject must write an audit line (see `src/imports/reviewQueue.ts:48`)',
      'Write 03-02-SUMMARY.md and move STATE.md to plan 3',
      'Start with: scaffold the imports page from the accounts page layout.',
    ]);
    assert.deepEqual(m.commits.map((c) => c.sha), ['5b2e8c1']);
  });
});

describe('dialects: task lists and plans', () => {
  it('Spec Kit: phases with their tasks, T-ids kept, the story phases named without their priority marker', () => {
    const m = load('speckit', 'specs/004-offline-sync/tasks.md');
    assert.deepEqual(flatPhases(m.phases).filter((p) => p.kind === 'phase').map((p) => `${p.label}: ${p.name}`), [
      'Phase 1: Setup (Shared Infrastructure)', 'Phase 2: Foundational (Blocking Prerequisites)', 'Phase 3: User Story 1 - Edit notes offline (Priority: P1) MVP',
      'Phase 4: User Story 2 - Resolve conflicts (Priority: P2)', 'Phase N: Polish & Cross-Cutting Concerns',
    ]);
    assert.equal(todo(m).length, 8);
    assert.match(todo(m)[0], /^T004 \[P\] Add a monotonic clock helper/);
    assert.deepEqual(phaseProgress(m).get(m.phases[0].children[0]), { done: 2, open: 0, later: 0 });
  });

  it('Kiro: numbered tasks as the outline, sub-tasks under them, requirement lines not steps', () => {
    const m = load('kiro', '.kiro/specs/offline-sync/tasks.md');
    assert.deepEqual(outline(m.phases), [
      'Implementation Plan', '  Task 1: Set up the sync module and its interfaces [done]', '  Task 2: Record local changes',
      '    Task 2.1: Write the change-log record [done]', '    Task 2.2: Queue edits while offline', '  Task 3: Upload and merge', '    Task 3.1: Upload the queue on reconnect',
    ]);
    assert.ok(!m.steps.some((s) => /Requirements/.test(s.text)));
    assert.deepEqual(phaseProgress(m).get(m.phases[0].children[1]), { done: 1, open: 2, later: 0 });
  });

  it('Claude Code plan: its implementation steps are to do; context, files and verification are not', () => {
    const m = load('claude', '.claude/plans/amber-river-lantern.md');
    assert.deepEqual(todo(m), [
      'Add `hashStatement()` to `src/imports/parser.ts` (SHA-256 of the raw bytes)', 'Create `src/imports/parseCache.ts` with `get(hash)` and `put(hash, lines)`',
      'Call the cache from `reviewQueue.ts` before parsing', 'Drop cache entries when a statement is deleted',
    ]);
  });

  it('Cursor plan: the front-matter todos with their states, and the numbered steps', () => {
    const m = load('cursor', '.cursor/plans/cache_warmup_5e1d2c3b.plan.md');
    assert.deepEqual(m.steps.filter((s) => s.kind === 'todo').map((s) => s.state), ['done', 'in-progress', 'open', 'superseded']);
    assert.equal(todo(m).length, 5);
    assert.deepEqual(documentProgress(m), { done: 1, open: 5, later: 0, percent: null });
  });
});

describe('dialects: memory banks, handoffs and logs', () => {
  it("Cline: activeContext's next-step bullets, progress's left-to-build boxes and its sprint", () => {
    const active = load('cline', 'memory-bank/activeContext.md');
    assert.deepEqual(todo(active), ['Build the review queue page with approve and reject', 'Write an audit line on reject', 'Ask the team whether OFX memo or name becomes the description']);
    const progress = load('cline', 'memory-bank/progress.md');
    assert.equal(todo(progress).length, 3);
    assert.ok(flatPhases(progress.phases).some((p) => p.label === 'Sprint 4' && p.name === 'imports — 1 of 3 plans done'));
  });

  it('HumanLayer: front-matter commit and branch, the action items, the date from the timestamp', () => {
    const m = load('humanlayer', 'thoughts/shared/handoffs/ENG-2041/2026-05-09_14-02-11_ENG-2041_ledger-import.md');
    assert.deepEqual(m.commits.map((c) => [c.sha, c.evidence]), [['5b2e8c1f09a4', 'front-matter']]);
    assert.equal(m.frontMatter.branch, 'eng-2041-ledger-import');
    assert.equal(m.date, '2026-05-09');
    assert.deepEqual(todo(m), [
      'Build the review queue page at `web/src/routes/imports/+page.svelte`', 'Make reject write an audit line in `src/imports/reviewQueue.ts`',
      'Run the sample import and compare the draft count (14)',
    ]);
  });

  it('dated log: older entries are history, this dated session is current, its **Next step:** is to do', () => {
    const m = load('logs', 'docs/sessions/2026-05-09-ledger-import.md');
    const session = flatPhases(m.phases).find((p) => p.kind === 'session')!;
    assert.deepEqual([session.label, session.name, session.date], ['Session 2026-05-09', 'This session', '2026-05-09']);
    assert.deepEqual(todo(m), ['build the review queue page, then the reject audit line.']);
    assert.equal(m.steps.filter((s) => s.kind === 'bullet').length, 3, 'the older entries keep their steps, as history');
    assert.deepEqual(m.commits.map((c) => c.sha), ['4c1d9e2', 'a7e52b0', '5b2e8c1']);
  });
});
