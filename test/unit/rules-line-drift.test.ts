// line-out-of-range over a line that moved down since the handoff, when the line count stopped early: the count
// (`linesAtLeast`) stops just past the line as written, so a moved line beyond it is not known to be past the end.
import { strict as assert } from 'node:assert';
import { emptyFacts, type FileFact, type LineDrift } from '../../src/core/facts/types';
import { fileRules } from '../../src/core/rules/fileRules';
import { ModelBuilder } from '../fixtures/git/handoff';
import { settings } from '../fixtures/git/harness';

const drift: LineDrift = { since: 'b'.repeat(40), path: 'src/app.ts', from: { line: 20, endLine: null }, to: { line: 24, endLine: null }, status: 'moved' };

function codes(fact: FileFact, crumb = 'src/app.ts:20'): string[] {
  const b = new ModelBuilder(`See \`${crumb}\`.`).file(crumb);
  const facts = { ...emptyFacts(b.model), files: [fact] };
  return fileRules(b.model.files, facts, settings()).map((d) => `${d.code}: ${d.message}`);
}

describe('rules: line-out-of-range after drift', () => {
  it('is silent for a moved line when the count only says "at least"', () => {
    assert.deepEqual(codes({ kind: 'found', paths: ['/w/src/app.ts'], lines: 21, linesAtLeast: true, drift }), []);
  });

  it('still reports a moved line past a file counted whole, naming where it is now', () => {
    assert.deepEqual(codes({ kind: 'found', paths: ['/w/src/app.ts'], lines: 21, drift }), ['line-out-of-range: src/app.ts: line 20 (line 24 now) is past the end of the file (21 lines)']);
  });
});

describe('rules: line-out-of-range over a range', () => {
  const found = (lines: number): FileFact => ({ kind: 'found', paths: ['/w/src/app.ts'], lines });

  it('a range points where it starts: an end past the file (the whole file as `1-160`, a block\'s end guessed long) is no problem', () => {
    assert.deepEqual(codes(found(159), 'src/app.ts:1-160'), []);
    assert.deepEqual(codes(found(114), 'src/app.ts:90-115'), []);
  });

  it('a range that starts past the end is reported at its start', () => {
    assert.deepEqual(codes(found(30), 'src/app.ts:31-40'), ['line-out-of-range: src/app.ts: line 31 is past the end of the file (30 lines)']);
  });
});
