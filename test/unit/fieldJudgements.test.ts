// The field study's accounting: a key judged twice (the same commit written twice on a line, when the tool reported
// each) is matched occurrence by occurrence, so a line the tool now reports once keeps its first verdict.
import { strict as assert } from 'node:assert';
import { judgementsOf, type Judgement } from '../field/judgements';
import { report, type Shown } from '../field/report';

const key = { scenario: 'head:0123456789ab', file: 'o__r__HANDOFF.md', code: 'unknown-commit', line: 12, token: 'abc1234' };
const judged = (verdict: Judgement['verdict'], why: string): Judgement => ({ ...key, verdict, why });
const shown = (): Shown => ({ ...key, severity: 'warning', message: 'Commit abc1234 is not in this repository', context: '' });

describe('field judgements', () => {
  const both = [judged('right', 'a commit of no branch'), judged('noise', 'duplicate of the previous diagnostic')];

  it('gives the one diagnostic of a line once reported twice its first verdict, not its duplicate\'s', () => {
    assert.deepEqual(judgementsOf([shown()], both).map((j) => j?.verdict), ['right']);
    assert.match(report([shown()], both, { runs: 1, repos: 1 }), /\| unknown-commit \| 1 \| 1 \| 0 \| 0 \| 0 \| 1\.00 \|/);
  });

  it('matches each of two diagnostics with the same key to its own judgement, in order', () => {
    assert.deepEqual(judgementsOf([shown(), shown()], both).map((j) => j?.verdict), ['right', 'noise']);
  });

  it('counts a problem judged twice on a line as still shown while the line shows it once', () => {
    const twiceRight = [judged('right', 'first'), judged('right', 'second')];
    assert.match(report([shown()], twiceRight, { runs: 1, repos: 1 }), /Real problems still shown: 2 of 2/);
    assert.match(report([], twiceRight, { runs: 1, repos: 1 }), /Real problems still shown: 0 of 2/);
    assert.deepEqual(judgementsOf([], both), []);
    assert.equal(judgementsOf([{ ...shown(), line: 13 }], both)[0], undefined);
  });
});
