// The Handoffs view's phase nodes as a reader scans them: the unit and its name as the label (no markup,
// shortened), status, date and progress in the description, the whole heading in the tooltip; the current part
// marked to open and history to stay folded. On the dialect fixtures and small documents.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './support/fixtures';
import { createLanguageService } from '../../src/core/service';
import { buildHandoffNode, walk, type TreeNode } from '../../src/vscode/tree/model';
import { phaseLensText, progressText, shorten, MAX_LABEL } from '../../src/vscode/tree/phaseText';

function tree(text: string, path = '/w/HANDOFF.md', supersededBy: string | null = null): TreeNode {
  const model = createLanguageService().getModel({ path, version: 1, text });
  return buildHandoffNode({
    uri: `file://${path}`, name: path, model, newest: true, commitStates: new Map(), fileTargets: model.files.map(() => null),
    diagnostics: [], facts: null, supersededBy,
  });
}

const dialect = (d: string, path: string) => tree(readFileSync(join(FIXTURES, 'dialects', d, path), 'utf8'), `/w/${path}`);
const phases = (root: TreeNode) => [...walk(root)].filter((n) => n.kind === 'phase');
const line = (n: TreeNode) => `${n.label} | ${n.description}${n.part ? ` <${n.part}>` : ''}`;
const byLabel = (root: TreeNode, label: string) => phases(root).find((n) => n.label === label)!;

describe('tree phases: labels, descriptions, current part', () => {
  it('Spec Kit: each phase labelled unit · name, its task boxes counted, the first unfinished phase current', () => {
    const root = dialect('speckit', 'specs/004-offline-sync/tasks.md');
    assert.equal(root.description, 'newest · 3/11 steps');
    assert.deepEqual(phases(root).map(line), [
      'Tasks: Offline sync for field notes | 3/11 steps <holds-current>',
      'Phase 1 · Setup (Shared Infrastructure) | 2/2 steps',
      'Phase 2 · Foundational (Blocking Prerequisites) | 1/2 steps <current>',
      'Phase 3 · User Story 1 - Edit notes offline (Priority: P1) MVP | 0/4 steps',
      'Tests for User Story 1 | 0/2 steps',
      'Implementation for User Story 1 | 0/2 steps',
      'Phase 4 · User Story 2 - Resolve conflicts (Priority: P2) | 0/2 steps',
      'Phase N · Polish & Cross-Cutting Concerns | 0/1 steps',
      'Dependencies & Execution Order | ',
    ]);
    // A finished phase is ticked; the full heading (emoji and all) is in the tooltip.
    assert.equal(byLabel(root, 'Phase 1 · Setup (Shared Infrastructure)').icon.id, 'pass');
    assert.match(phases(root)[3].tooltip, /^Phase 3: User Story 1 - Edit notes offline \(Priority: P1\) 🎯 MVP\nSteps: 0 done, 4 to do\n/);
    assert.match(phases(root)[2].tooltip, /Current: where the work resumes/);
  });

  it('GSD roadmap: status in the description, no raw markup in labels or tooltips, a roadmap\'s open phases as later', () => {
    const root = dialect('gsd', '.planning/ROADMAP.md');
    assert.equal(root.description, 'newest · 3 done · 6 later', 'nothing to do now: no 3/3 that reads as finished');
    const shipped = phases(root).find((n) => n.label === 'Milestone v1.0 · Core ledger (Phases 1-2)')!;
    assert.equal(shipped.description, 'done · 2026-03-30 · 2/2 steps');
    assert.equal(shipped.tooltip.split('\n')[0], 'Milestone v1.0: Core ledger (Phases 1-2) — SHIPPED 2026-03-30');
    const imports = phases(root).find((n) => n.label === 'Milestone v1.1 · Imports')!;
    assert.equal(line(imports), 'Milestone v1.1 · Imports | in progress · 3 later <current>');
    for (const n of phases(root)) {
      assert.doesNotMatch(n.label, /\*\*|~~|`/, n.label);
      assert.doesNotMatch(n.tooltip, /\*\*|~~|`/, n.tooltip);
    }
  });

  it('GSD state: the stated percent on the handoff, the current position open', () => {
    const root = dialect('gsd', '.planning/STATE.md');
    assert.equal(root.description, 'newest · 2026-05-09 · 0/1 steps · 20%');
    assert.equal(line(byLabel(root, 'Current Position')), 'Current Position |  <current>');
    assert.equal(line(byLabel(root, 'Phase 3 · Ledger import')), 'Phase 3 · Ledger import | in progress <current>');
  });

  it('a dated log: older entries are history (dimmed icon, done steps still counted), the newest current', () => {
    const root = dialect('logs', 'docs/sessions/2026-05-09-ledger-import.md');
    const [, older, , newer] = phases(root);
    assert.equal(older.part, 'history');
    assert.deepEqual(older.icon, { id: 'history', color: 'disabledForeground' });
    assert.match(older.tooltip, /History: a past part of the document/);
    assert.equal(line(byLabel(root, 'Session 2026-05-09 · This session')), 'Session 2026-05-09 · This session | 0/1 steps <current>', 'the date in the label is not repeated');
    assert.ok(newer);
  });

  it('a long heading is cut at a word (the whole heading in the tooltip); markup never reaches the label', () => {
    const long = 'Export the ledger to the accounting system with retries and idempotency keys and a dry run mode for reviewers';
    const root = tree(`# Plan\n\n## Phase 5: **${long}** ✅ DONE (2026-03-02, commit 3e5b7c2)\n\n## ~~Old idea~~ \`parser\`\n`);
    const [, phase, section] = phases(root);
    assert.ok(phase.label.length <= MAX_LABEL, phase.label);
    assert.match(phase.label, /^Phase 5 · Export the ledger .*…$/);
    assert.equal(phase.description, 'done · 2026-03-02');
    assert.equal(phase.tooltip.split('\n')[0], `Phase 5: ${long} ✅ DONE (2026-03-02, commit 3e5b7c2)`);
    assert.equal(section.label, 'Old idea parser');
  });

  it('a superseded handoff shows no step progress (the newer one says what is left)', () => {
    const root = tree('# Plan\n\n## Phase 1: A\n\n- [x] one\n- [ ] two\n', '/w/HANDOFF.md', '/w/HANDOFF-2.md');
    assert.ok(phases(root).every((n) => !/steps/.test(n.description)), phases(root).map(line).join('\n'));
  });

  it('texts: progress parts, the lens phrase, shortening', () => {
    assert.equal(progressText({ done: 1, open: 0, later: 0 }), '1/1 steps');
    assert.equal(progressText({ done: 1, open: 0, later: 0 }, null, true), '1/1 step');
    assert.equal(progressText({ done: 0, open: 0, later: 2 }, 40), '2 later · 40%');
    assert.equal(progressText({ done: 3, open: 0, later: 2 }), '3 done · 2 later');
    assert.equal(progressText(undefined), '');
    assert.equal(phaseLensText({ done: 4, open: 2, later: 0 }, { unpushed: 2, stale: 1 }), '4/6 steps · 2 unpushed · 1 stale');
    assert.equal(phaseLensText({ done: 0, open: 0, later: 0 }, { unpushed: 0, stale: 0 }), null);
    assert.equal(shorten('a'.repeat(100), 10), `${'a'.repeat(9)}…`);
    assert.equal(shorten('alpha beta gamma delta', 15), 'alpha beta…');
  });
});
