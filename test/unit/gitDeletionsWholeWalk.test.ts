// Issue 12: a batch's thousands of missing paths are searched in one walk of every deletion in the history
// (findDeletions' wholeWalk) instead of a pathspec-limited walk matching each change against all of them: in a
// history without merges it must give exactly the answer of the pathspec-limited walk, renames followed included,
// with no more processes (one `log` either way: the limited walk takes its paths on stdin).
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RepoInfo } from '../../src/core/git/provider';
import { NEVER_CANCELLED as T } from '../../src/core/interfaces';
import { NodeGitProvider } from '../../src/node/gitFacts';
import { findDeletions, PATHS_PER_COMMAND, type RunGit } from '../../src/node/gitHistory';
import { FixtureGit } from '../fixtures/git/exec';

describe('deletions of many paths in one history walk', function () {
  this.timeout(60_000);
  let base: string;
  let repo: RepoInfo;
  let run: RunGit;
  let calls = 0;

  before(async () => {
    base = realpathSync(mkdtempSync(join(tmpdir(), 'whole-walk-')));
    const g = new FixtureGit();
    const root = join(base, 'repo');
    g.run(base, ['init', '-q', root]);
    mkdirSync(join(root, 'lib'));
    for (let k = 0; k < 30; k++) writeFileSync(join(root, 'lib', `f-${k}.txt`), `file ${k}\n`.repeat(10));
    g.commit(root, 'files');
    for (let k = 0; k < 10; k++) g.run(root, ['rm', '-q', `lib/f-${k}.txt`]);
    g.commit(root, 'delete ten');
    mkdirSync(join(root, 'moved'));
    for (let k = 10; k < 20; k++) g.run(root, ['mv', `lib/f-${k}.txt`, `moved/f-${k}.txt`]);
    g.commit(root, 'move ten');
    for (let k = 10; k < 13; k++) g.run(root, ['mv', `moved/f-${k}.txt`, `moved/g-${k}.txt`]);
    g.commit(root, 'move three again');
    const provider = new NodeGitProvider();
    const found = await provider.discover(root, T);
    assert.ok(found.ok);
    repo = found.value;
    run = (cwd, args, token, input, maxBytes, _t, partial) => { calls++; return provider.runner.run({ cwd, args, token, input, timeoutMs: 10_000, maxBytes, partial }); };
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  it('gives the pathspec-limited answer for more paths than a command line once held, with no more processes', async () => {
    // More paths than one pathspec command takes: the asked ones among many never there.
    const paths = [...Array.from({ length: 30 }, (_, k) => `lib/f-${k}.txt`), ...Array.from({ length: PATHS_PER_COMMAND + 50 }, (_, k) => `lib/never-${k}.txt`)].sort();
    calls = 0;
    const limited = await findDeletions(run, repo, paths, T, 'HEAD');
    const limitedCalls = calls;
    calls = 0;
    const whole = await findDeletions(run, repo, paths, T, 'HEAD', undefined, true);
    assert.ok(limited.ok && whole.ok);
    const byPath = (r: typeof limited) => (r.ok ? [...r.value.deletions].sort((a, b) => a.path.localeCompare(b.path)) : []);
    assert.deepEqual(byPath(whole), byPath(limited));
    assert.equal(byPath(whole).length, 20, 'ten deleted, ten renamed');
    assert.equal(byPath(whole).find((d) => d.path === 'lib/f-10.txt')?.renamedTo, 'moved/g-10.txt', 'a rename followed to where the file is now');
    assert.ok(calls <= limitedCalls, `${calls} processes in one walk, ${limitedCalls} limited`);
    assert.equal(limitedCalls, calls, 'the limited walk is one log too (then the renames, as the whole walk)');
  });
});
