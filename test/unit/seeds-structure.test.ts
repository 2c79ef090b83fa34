// Phases and steps of the four seed handoffs in ../shared/seeds, as a reader sees them. 000 and 001 are
// text renderings whose Markdown markers were lost; 002 is raw Markdown after a 5-line preamble; 003 is raw
// Markdown. Expectations were written from reading each document.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { modelOf, requireShared, seedPath } from './support/fixtures';
import { flatPhases, rangeMismatches, textAt } from './support/ranges';

const load = (prefix: string) => modelOf(readFileSync(seedPath(prefix), 'utf8'), seedPath(prefix));
const labelsOf = (m: ReturnType<typeof modelOf>) => flatPhases(m.phases).map((p) => p.label);

describe('seeds: phases and steps', function () {
  before(function () { requireShared.call(this, 'the seed tests'); });

  it('000 (text rendering): the twelve numbered sections, Phases 1–5 under "What landed", the entry-point steps', () => {
    const m = load('000_');
    const top = flatPhases(m.phases).filter((p) => /^\d+\. /.test(textAt(m.text, p.range) ?? ''));
    assert.deepEqual(top.map((p) => textAt(m.text, p.range)!.split(' ')[0]), ['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.', '10.', '11.', '12.']);
    assert.deepEqual(top.filter((p) => p.kind === 'phase').map((p) => p.label), ['Phase 6', 'Phase 7'], '4. and 5. name Phases 6 and 7');
    const landed = flatPhases(m.phases).find((p) => p.label.startsWith('2. What landed'))!;
    const shipped = landed.children.filter((p) => p.kind === 'phase');
    assert.deepEqual(shipped.map((p) => p.label), ['Phase 1', 'Phase 2', 'Phase 3', 'Phase 4', 'Phase 5']);
    assert.match(shipped[0].title, /^ARQ worker infrastructure \(commit 1feec2e/);
    assert.match(shipped[4].title, /^Easy-playbook endpoints \+ ARQ worker/);
    const entry = m.steps.filter((s) => s.phase === '11. Next-session entry point');
    assert.equal(entry.length, 8);
    assert.ok(entry.every((s) => s.state === 'open' && s.kind === 'numbered'));
    assert.match(entry[0].text, /^Check the live stack/);
    assert.match(entry[7].text, /^Decision point: continue with Phase 7/);
    assert.equal(m.date, '2026-05-19');
  });

  it('001 (text rendering of a plan): seven waves, each with its tasks', () => {
    const m = load('001_');
    const waves = flatPhases(m.phases).filter((p) => p.kind === 'wave');
    assert.deepEqual(waves.map((w) => w.label), ['Wave 1', 'Wave 2', 'Wave 3', 'Wave 4', 'Wave 5', 'Wave 6', 'Wave 7']);
    assert.deepEqual(waves.map((w) => w.children.filter((c) => c.kind === 'task').map((c) => c.label)), [
      ['Task 76', 'Task 77', 'Task 78', 'Task 79'], ['Task 80'], ['Task 81'], ['Task 82'], ['Task 83'],
      ['Task 84', 'Task 85', 'Task 86'], ['Task 87'],
    ]);
    assert.match(waves[2].title, /^Typed exception for skip controllers \(single task\)/);
    const labels = labelsOf(m);
    for (const section of ['Pre-flight', 'Backlog item → task mapping', 'Parallel-Execution Strategy', 'Task overview']) {
      assert.ok(labels.includes(section), `${section} is a section`);
    }
  });

  it('002 (raw Markdown after a preamble): its sections and the three resume steps', () => {
    const m = load('002_');
    assert.deepEqual(labelsOf(m), ['HANDOFF.md', 'What this session did', 'Resume point', 'Useful breadcrumbs', 'Watch-outs']);
    const resume = m.steps.filter((s) => s.phase === 'Resume point');
    assert.equal(resume.length, 3);
    assert.match(resume[0].text, /^\*\*First action: `git push` the two local commits\.\*\*/);
    assert.match(resume[1].text, /^\*\*Visual QA \+ bug bash\.\*\* End-to-end demo flow:$/);
    assert.match(resume[2].text, /^\*\*Deferred follow-ups in `CURRENT_TASK.md`:\*\*/);
    assert.equal(m.date, '2026-04-28', 'from "Last updated: 2026-04-28 02:00 EDT"');
  });

  it('003 (raw Markdown, newest-first session log): sessions 12, 11, 10, 8, 6, 5 and the TODO steps', () => {
    const m = load('003_');
    const sessions = flatPhases(m.phases).filter((p) => p.kind === 'session');
    assert.deepEqual(sessions.map((s) => s.label), ['Session 12', 'Session 11', 'Session 10', 'Session 8', 'Session 6', 'Session 5']);
    assert.ok(labelsOf(m).includes('Previous Sessions (2025-12-26 - Sessions 1-4)'), 'a range of sessions stays a section');
    assert.ok(!labelsOf(m).some((l) => /Enable images|Get all proofs/.test(l)), 'shell comments in code blocks are not headings');
    const todo = m.steps.filter((s) => s.phase === "TODO / What's Left");
    assert.deepEqual(todo.map((s) => s.text.match(/^\*\*([^*]+)\*\*/)?.[1]), [
      'LLM Session Persistence', 'Goose Session Management', 'Image Processing in Agent Prompts', 'Multimodal Model Auth',
    ]);
    const tdd = m.steps.filter((s) => s.phase === 'Next Steps (TDD Order)');
    assert.deepEqual(tdd.map((s) => s.text.match(/WH-\d+/)?.[0]), ['WH-011', 'WH-012', 'WH-010', 'WH-013', 'WH-014']);
  });

  for (const prefix of ['000_', '001_', '002_', '003_']) {
    it(`${prefix}: every item's range is exact`, () => {
      const m = load(prefix);
      assert.deepEqual(rangeMismatches(m.text, m), []);
    });
  }
});
