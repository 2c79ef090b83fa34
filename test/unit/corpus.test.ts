// The 41 real handoffs of ../shared/corpus: every one is analysed without throwing and every item's range is
// exact; then the shared scorer grades the CLI against the hand-made expectations of ../shared/corpus-truth.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelOf, requireShared, SHARED } from './support/fixtures';
import { rangeMismatches } from './support/ranges';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

describe('corpus', function () {
  before(function () { requireShared.call(this, 'the corpus suite'); });

  it('analyses every corpus document without throwing, with exact ranges', () => {
    const dir = join(SHARED, 'corpus');
    const names = readdirSync(dir).filter((f) => f.endsWith('.md'));
    assert.ok(names.length >= 40, `expected the corpus, found ${names.length} documents`);
    const bad: string[] = [];
    for (const name of names) {
      const m = modelOf(readFileSync(join(dir, name), 'utf8'), name);
      bad.push(...rangeMismatches(m.text, m).map((s) => `${name}: ${s}`));
    }
    assert.deepEqual(bad, []);
  });

  it('scores against the hand-made expectations: full recall, no hex taken as a commit, exact ranges', function () {
    if (!existsSync(CLI)) this.skip(); // `npm test` builds first; a bare `mocha` run may not have
    const out = execFileSync('node', [join(SHARED, 'tools', 'score-corpus.mjs'), CLI], { encoding: 'utf8' });
    const m = /commits recall ([\d.]+), hex taken as commits (\d+), files recall ([\d.]+), phases recall ([\d.]+), step counts right (\d+)\/(\d+), inexact ranges (\d+)\//.exec(out);
    assert.ok(m, `unexpected scorer output: ${out}`);
    const [, commits, falseCommits, files, phases, stepsOk, stepsN, inexact] = m.map(Number);
    assert.ok(commits >= 0.98, `commit recall ${commits}`);
    assert.equal(falseCommits, 0, 'hex taken as commits');
    assert.ok(files >= 0.95, `file recall ${files}`);
    assert.ok(phases >= 0.98, `phase recall ${phases}`);
    assert.equal(stepsOk, stepsN, 'step counts');
    assert.equal(inexact, 0, 'inexact ranges');
  });
});
