// The counts the tree, the phase lenses and the status bar show: open steps as unchecked-step decides them (none
// for a superseded handoff), and "stale" as Problems shows it (warnings and errors of the rules that say the
// handoff no longer matches the repository; not a hint such as a file that never was in the repository).
import { strict as assert } from 'node:assert';
import type { Diagnostic, Range, RuleCode, Severity } from '../../src/core/model';
import { uncheckedSteps } from '../../src/core/rules/uncheckedStep';
import { countWithin, isStale } from '../../src/vscode/counts';
import { modelOf } from './support/fixtures';

const TEXT = [
  '# Handoff', '',
  '## Phase 1: Importer', '',
  '- [x] write the reader',
  '- [ ] write the importer, commit abc1234',
  '- [!] blocked on the schema',
  '- [-] superseded idea', '',
  '**Acceptance criteria:**', '- [ ] imports 10k rows', '- [x] keeps the order', '',
  '## Phase 2: Export', '',
  '- [ ] stream the rows, commit def5678 and abc1234', '',
  '## Archive', '', '- [ ] archived item', '- [x] archived done', '',
].join('\n');

const at = (line: number): Range => ({ start: { line, character: 2 }, end: { line, character: 9 } });
const diag = (code: RuleCode, severity: Severity, line: number): Diagnostic => ({ code, severity, message: code, range: at(line) });
const lineOf = (needle: string) => TEXT.split('\n').findIndex((l) => l.includes(needle));

describe('vscode counts', () => {
  const model = modelOf(TEXT);
  const phase = (label: string) => model.phases[0]!.children.find((p) => p.label === label)!.sectionRange;
  const states = new Map<string, unknown>([['abc1234', { status: 'unpushed' }], ['def5678', { status: 'ok' }]]);
  const base = { model, diagnostics: [] as Diagnostic[], commitStates: states, supersededBy: null };

  it('counts open steps exactly as unchecked-step reports them, and done steps over the same work', () => {
    const all = countWithin(base);
    assert.equal(all.open, uncheckedSteps(model, 'information').length);
    // Open: the importer, the blocked one, the export. Not the acceptance criteria nor the archive.
    assert.deepEqual({ done: all.done, open: all.open }, { done: 1, open: 3 });
    assert.deepEqual(countWithin(base, phase('Phase 1')), { done: 1, open: 2, unpushed: 1, stale: 0 });
    assert.deepEqual(countWithin(base, phase('Phase 2')), { done: 0, open: 1, unpushed: 1, stale: 0 });
  });

  it('counts no steps for a superseded handoff (the newer one says what is left), and still its commits', () => {
    assert.deepEqual(countWithin({ ...base, supersededBy: '/w/SESSION-HANDOFF-2026-05-21.md' }), { done: 0, open: 0, unpushed: 1, stale: 0 });
  });

  it('counts as stale the warnings and errors Problems shows, not hints or information', () => {
    const diagnostics = [
      diag('unknown-commit', 'warning', lineOf('write the importer')),
      diag('ambiguous-commit', 'error', lineOf('write the importer')),
      diag('stale-ref', 'warning', lineOf('stream the rows')),
      diag('line-out-of-range', 'warning', lineOf('stream the rows')),
      // A file never in the repository is a hint; "pushed since" is news (information): neither is stale.
      diag('missing-file', 'hint', lineOf('stream the rows')),
      diag('stale-ref', 'information', lineOf('stream the rows')),
      diag('unpushed-commit', 'warning', lineOf('write the importer')),
      diag('unchecked-step', 'warning', lineOf('write the importer')),
    ];
    assert.equal(countWithin({ ...base, diagnostics }).stale, 4);
    assert.equal(countWithin({ ...base, diagnostics }, phase('Phase 1')).stale, 2);
    assert.equal(isStale(diag('missing-file', 'warning', 0)), true);
    assert.equal(isStale(diag('missing-file', 'hint', 0)), false);
  });

  it('counts a commit cited twice once', () => {
    assert.equal(countWithin(base).unpushed, 1);
    assert.equal(countWithin({ ...base, commitStates: new Map() }).unpushed, 0);
  });
});
