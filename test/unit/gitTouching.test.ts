// GitProvider.touching on the digest fixture: the commits since the handoff's anchor that changed the cited files,
// with which of them, in one git process (none the second time: cached per repository state), the anchor a
// validated SHA after --end-of-options and the paths after `--`; a path leading out of the repository is never asked.
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { NEVER_CANCELLED as T } from '../../src/core/interfaces';
import { NodeGitProvider } from '../../src/node/gitFacts';
import { buildDigestRepo, type DigestRepo } from '../fixtures/git/digestRepo';

describe('git: commits since an anchor that touch given paths', () => {
  let fx: DigestRepo;
  before(() => { fx = buildDigestRepo(); });
  after(() => fx.cleanup());

  it('answers in one process, then from the cache, with each commit\'s touched paths', async () => {
    const calls: string[][] = [];
    const spawnCounted = (cmd: string, args: readonly string[], opts: SpawnOptions): ChildProcess => {
      calls.push([...args]);
      return spawn(cmd, args as string[], opts);
    };
    const git = new NodeGitProvider({ spawn: spawnCounted });
    const repo = await git.discover(fx.work, T);
    assert.ok(repo.ok);
    const before = calls.length;
    const paths = ['src/util.ts', 'src/old.ts', 'src/lib/old.ts', 'src/parser.ts', '../outside.ts', '/etc/passwd'];
    const r = await git.touching(repo.value, fx.shas.anchor, paths, T);
    assert.ok(r.ok);
    assert.deepEqual(r.value, {
      complete: true,
      commits: [
        { sha: fx.shas.moved, time: r.value.commits[0]!.time, subject: 'Move the old helper into lib', paths: ['src/lib/old.ts', 'src/old.ts'] },
        { sha: fx.shas.header, time: r.value.commits[1]!.time, subject: 'Add a header to the parser', paths: ['src/parser.ts'] },
      ],
    });
    assert.equal(calls.length - before, 1);
    const args = calls[calls.length - 1]!;
    const dashes = args.indexOf('--');
    assert.equal(args[args.indexOf('--end-of-options') + 1], `${fx.shas.anchor}..HEAD`);
    assert.deepEqual(args.slice(dashes + 1), ['src/lib/old.ts', 'src/old.ts', 'src/parser.ts', 'src/util.ts']);
    // Same repository state, same question: no process.
    assert.deepEqual(await git.touching(repo.value, fx.shas.anchor, [...paths].reverse(), T), r);
    assert.equal(calls.length - before, 1);
    // Not a full SHA: refused before git.
    const bad = await git.touching(repo.value, 'HEAD~3', paths, T);
    assert.ok(!bad.ok);
    assert.equal(calls.length - before, 1);
  });
});
