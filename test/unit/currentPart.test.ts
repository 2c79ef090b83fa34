// Which part of a handoff is current (the outline opens there) and which is history (kept folded): on each dialect
// fixture and on small documents of the shapes the rules name.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, modelOf } from './support/fixtures';
import { phaseParts } from '../../src/core/extract/currentPart';
import type { Phase } from '../../src/core/model';

/** `label <part>` per phase with a part, in document order (the label a reader sees: unit and name). */
function parts(text: string, path = ''): string[] {
  const m = modelOf(text, path);
  const got = phaseParts(m);
  const out: string[] = [];
  const walk = (ps: readonly Phase[]) => {
    for (const p of ps) {
      const part = got.get(p);
      if (part) out.push(`${p.kind === 'section' ? p.label : `${p.label} · ${p.name}`} <${part}>`);
      walk(p.children);
    }
  };
  walk(m.phases);
  return out;
}

const dialect = (d: string, path: string) => parts(readFileSync(join(FIXTURES, 'dialects', d, path), 'utf8'), path);

describe('current part and history', () => {
  it('a dated log: the newest entry is current, the older ones history', () => {
    assert.deepEqual(dialect('logs', 'docs/sessions/2026-05-09-ledger-import.md'), [
      'Ledger import — session log <holds-current>',
      '2026-05-07 <history>', 'Next steps <history>',
      '2026-05-08 <history>', 'Next steps <history>',
      'Session 2026-05-09 · This session <current>',
    ]);
  });

  it('GSD STATE.md: the Current Position, its phase and the plan stopped_at names, and the pending todos', () => {
    assert.deepEqual(dialect('gsd', '.planning/STATE.md'), [
      'Project State <holds-current>',
      'Current Position <current>', 'Phase 3 · Ledger import <current>', 'Plan 2 · 2 of 3 in current phase <current>',
      'Accumulated Context <holds-current>', 'Pending Todos <current>',
    ]);
  });

  it('GSD roadmap: the milestone and phase in progress', () => {
    assert.deepEqual(dialect('gsd', '.planning/ROADMAP.md'), [
      'Roadmap: Ledgerly <holds-current>',
      'Milestones <holds-current>', 'Milestone v1.1 · Imports — Phases 3-4 <current>',
      'Phases <holds-current>', 'Milestone v1.1 · Imports <current>',
      'Progress <holds-current>', 'Phase 3 · Ledger import <current>',
    ]);
  });

  it('GSD pause file: current state, remaining work, next action (XML-ish sections)', () => {
    const got = dialect('gsd', '.planning/phases/03-ledger-import/.continue-here.md');
    for (const want of ['current_state <current>', 'remaining_work <current>', 'next_action <current>']) assert.ok(got.includes(want), `${want} in ${got.join(', ')}`);
    assert.ok(!got.some((l) => l.startsWith('decisions_made')));
  });

  it('task lists without a current heading (Spec Kit, Kiro, plans): the phase of the first step still to do', () => {
    assert.deepEqual(dialect('speckit', 'specs/004-offline-sync/tasks.md'), [
      'Tasks: Offline sync for field notes <holds-current>', 'Phase 2 · Foundational (Blocking Prerequisites) <current>',
    ]);
    assert.deepEqual(dialect('kiro', '.kiro/specs/offline-sync/tasks.md'), ['Implementation Plan <holds-current>', 'Task 2 · Record local changes <current>']);
    assert.deepEqual(dialect('claude', '.claude/plans/amber-river-lantern.md'), ['Plan: Cache statement parsing results <holds-current>', 'Implementation steps <current>']);
    // The front-matter todos sit before every heading: the first step inside the outline decides.
    assert.deepEqual(dialect('cursor', '.cursor/plans/cache_warmup_5e1d2c3b.plan.md'), ['Cache warm-up <holds-current>', 'Steps <current>']);
  });

  it('memory bank, HumanLayer: the sections that name the current focus and the next steps', () => {
    assert.deepEqual(dialect('cline', 'memory-bank/activeContext.md'), ['Active Context <holds-current>', 'Current Focus <current>', 'Next Steps <current>']);
    assert.deepEqual(dialect('humanlayer', 'thoughts/shared/handoffs/ENG-2041/2026-05-09_14-02-11_ENG-2041_ledger-import.md'), [
      'Handoff: ENG-2041 review queue for ledger imports <holds-current>', 'Action Items & Next Steps <current>',
    ]);
  });

  it('a finished record (a plan summary) has no current part', () => {
    assert.deepEqual(dialect('gsd', '.planning/phases/03-ledger-import/03-01-SUMMARY.md'), []);
  });

  it('an archive section is history; a current status section in it is not current', () => {
    const text = '# Handoff\n\n## Current status\n\nParser done.\n\n## Archive\n\n### Current status\n\nOld.\n\n- [ ] old step\n';
    assert.deepEqual(parts(text), ['Handoff <holds-current>', 'Current status <current>', 'Archive <history>', 'Current status <history>']);
  });

  it('stopped_at names the unit to resume, even when no heading says so', () => {
    const text = '---\nstopped_at: Task 2 half done\n---\n# Plan\n\n## Task 1: Parser\n\n## Task 2: Writer\n\n## Task 3: Docs\n';
    assert.deepEqual(parts(text), ['Plan <holds-current>', 'Task 2 · Writer <current>']);
  });

  it('a heading in progress is current; done and planned ones are not', () => {
    const text = '# Handoff\n\n## Phase 1: Parser (done)\n\n## Phase 2: Writer (in progress)\n\n- [ ] write\n\n## Phase 3: Docs (planned)\n';
    assert.deepEqual(parts(text), ['Handoff <holds-current>', 'Phase 2 · Writer <current>']);
  });

  it('nothing to say: no part at all', () => {
    assert.deepEqual(parts('# Notes\n\n## Context\n\nSome prose.\n'), []);
  });
});
