// A git process asked in rounds (cat-file --batch-check): answers line for line, and like every run it is
// bounded — a git that hangs times out, a cancelled analysis stops it, and nothing is left running.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NEVER_CANCELLED } from '../../src/core/interfaces';
import { GitRunner } from '../../src/node/gitRunner';
import { FixtureGit } from '../fixtures/git/exec';
import { writeSlowGit } from '../fixtures/git/slowGit';

describe('git session', () => {
  let dir: string;
  let head: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'git-session-'));
    const g = new FixtureGit();
    g.run(dir, ['init', '-q', 'repo']);
    head = g.commit(join(dir, 'repo'), 'first');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('answers each round line for line, in one process', async () => {
    const runner = new GitRunner();
    const s = runner.session(join(dir, 'repo'), ['cat-file', '--batch-check'], NEVER_CANCELLED, 5000);
    assert.ok('ask' in s);
    const one = await s.ask([head, 'f'.repeat(40)]);
    assert.ok(Array.isArray(one));
    assert.match(one[0]!, new RegExp(`^${head} commit \\d+$`));
    assert.match(one[1]!, / missing$/);
    const two = await s.ask([`${head}^{tree}`]);
    assert.ok(Array.isArray(two) && / tree /.test(two[0]!));
    s.close();
    assert.equal(runner.spawned, 1);
  });

  it('a git that hangs times out with a clear problem; a cancelled one stops', async function () {
    this.timeout(10_000);
    const slow = new GitRunner({ gitPath: writeSlowGit(dir, 30) });
    const s = slow.session(join(dir, 'repo'), ['cat-file', '--batch-check'], NEVER_CANCELLED, 300);
    assert.ok('ask' in s);
    const started = Date.now();
    const r = await s.ask([head]);
    assert.ok(!Array.isArray(r) && r.kind === 'timeout', JSON.stringify(r));
    assert.ok(Date.now() - started < 3000);
    const token = { isCancellationRequested: false };
    const c = slow.session(join(dir, 'repo'), ['cat-file', '--batch-check'], token, 30_000);
    assert.ok('ask' in c);
    setTimeout(() => { token.isCancellationRequested = true; }, 100);
    const cr = await c.ask([head]);
    assert.ok(!Array.isArray(cr) && cr.kind === 'cancelled');
    assert.deepEqual(await c.ask([head]), cr, 'a failed session keeps its answer');
  });
});
