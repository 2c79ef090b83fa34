// Progress per phase and per document: open = what `unchecked-step` reports (one decision), done = checked or
// marked done outside lists that are no work, later = open roadmap work; and the percentage GSD's front matter states.
import { strict as assert } from 'node:assert';
import { modelOf } from './support/fixtures';
import { flatPhases } from './support/ranges';
import { documentProgress, phaseProgress } from '../../src/core/extract/progress';
import { uncheckedSteps } from '../../src/core/rules/uncheckedStep';

const md = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('progress', () => {
  const text = md(
    '---', 'progress:', '  total_plans: 5', '  percent: 40', '---', '', '# Plan', '',
    '## Phase 1: Parser', '- [x] CSV reader', '- [x] OFX reader', '', '### Acceptance criteria', '- [x] reads the sample', '- [ ] under a second', '',
    '## Phase 2: Drafts', '- [x] store', '- [ ] review page', '- [!] audit line (blocked: schema)', '- [-] old queue', '',
    '### Wave 1', '- [ ] history page', '', '## Next steps', '1. ✅ merge the parser', '2. deploy', '', '## Roadmap', '- [ ] sharing', '- [x] accounts',
    '', '## Archive', '- [ ] old idea', '- [x] old work',
  );

  it('counts a document: open as the rule reports, done outside no-work lists, roadmap work as later, and the stated percent', () => {
    const m = modelOf(text);
    assert.deepEqual(documentProgress(m), { done: 6, open: 4, later: 1, percent: 40 });
    assert.equal(documentProgress(m).open, uncheckedSteps(m, 'information').length, 'never disagrees with the rule');
  });

  it('counts each phase over its whole section, sub-phases included', () => {
    const m = modelOf(text);
    const byPhase = phaseProgress(m);
    const of = (label: string) => byPhase.get(flatPhases(m.phases).find((p) => p.label === label)!);
    assert.deepEqual(of('Phase 1'), { done: 2, open: 0, later: 0 }, 'a ticked acceptance box is not progress');
    assert.deepEqual(of('Phase 2'), { done: 1, open: 3, later: 0 });
    assert.deepEqual(of('Wave 1'), { done: 0, open: 1, later: 0 });
    assert.deepEqual(of('Roadmap'), { done: 1, open: 0, later: 1 });
    assert.deepEqual(of('Archive'), { done: 1, open: 0, later: 0 }, 'history is done work, never open work');
    assert.deepEqual(of('Plan'), { done: 6, open: 4, later: 1 });
  });

  it('reads the percent GSD states, and nothing else', () => {
    assert.equal(documentProgress(modelOf(md('---', 'percent: 69', '---', '# x'))).percent, 69);
    assert.equal(documentProgress(modelOf(md('---', 'progress: 12%', '---', '# x'))).percent, 12);
    assert.equal(documentProgress(modelOf(md('---', 'progress:', '  percent: 250', '---', '# x'))).percent, null);
    assert.equal(documentProgress(modelOf('# x\n')).percent, null);
  });

  it('stays fast on thousands of phases and steps', () => {
    const big = Array.from({ length: 3_000 }, (_, i) => `## Phase ${i}\n- [ ] a\n- [x] b\n### Wave ${i}\n- [ ] c`).join('\n');
    const m = modelOf(big);
    const t0 = performance.now();
    const byPhase = phaseProgress(m);
    assert.ok(performance.now() - t0 < 1_000);
    assert.deepEqual(byPhase.get(m.phases[0]), { done: 1, open: 2, later: 0 });
  });
});
