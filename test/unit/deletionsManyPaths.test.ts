// The deletions of thousands of cited paths in a history with merges (where one walk of every deletion would not
// give the pathspec-limited answer): the paths go to git on stdin, so it is one `log` whatever their number — it was
// one per 400 paths — and each path's deleting commit is found, on the main line or on a merged branch.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NEVER_CANCELLED as T } from '../../src/core/interfaces';
import { NodeGitProvider } from '../../src/node/gitFacts';
import { findDeletions, PATHS_PER_COMMAND, type RunGit } from '../../src/node/gitHistory';
import { FixtureGit } from '../fixtures/git/exec';

describe('deletions of many paths in a history with merges', () => {
  let base: string;
  before(() => { base = mkdtempSync(join(tmpdir(), 'deletions-many-')); });
  after(() => rmSync(base, { recursive: true, force: true }));

  it('one log for all the paths; a deletion on a merged branch and on the main line both found', async () => {
    const g = new FixtureGit();
    const dir = join(base, 'repo');
    g.run(base, ['init', '-q', '-b', 'main', dir]);
    const write = (rel: string, text: string) => { mkdirSync(join(dir, rel, '..'), { recursive: true }); writeFileSync(join(dir, rel), text); };
    write('src/side.ts', 'export const side = 1;\n');
    write('src/main.ts', 'export const main = 1;\n');
    write('keep.ts', 'export {};\n');
    g.commit(dir, 'start');
    g.run(dir, ['checkout', '-q', '-b', 'topic']);
    g.run(dir, ['rm', '-q', 'src/side.ts']);
    const onBranch = g.commit(dir, 'drop side on a branch');
    g.run(dir, ['checkout', '-q', 'main']);
    write('keep.ts', 'export const k = 1;\n');
    g.commit(dir, 'touch keep on main');
    g.run(dir, ['merge', '-q', '--no-ff', '-m', 'merge topic', 'topic']);
    g.run(dir, ['rm', '-q', 'src/main.ts']);
    const onMain = g.commit(dir, 'drop main');

    const provider = new NodeGitProvider();
    const found = await provider.discover(dir, T);
    assert.ok(found.ok);
    const logs: string[][] = [];
    const run: RunGit = (cwd, args, token, input, maxBytes, timeoutMs, partial) => {
      if (args.includes('--diff-filter=D')) logs.push(args);
      return provider.runner.run({ cwd, args, input, token, timeoutMs: timeoutMs ?? 10_000, maxBytes, partial });
    };
    const never = Array.from({ length: 3 * PATHS_PER_COMMAND }, (_, i) => `planned/file-${i}.ts`);
    const r = await findDeletions(run, found.value, ['src/side.ts', ...never, 'src/main.ts'].sort(), T);
    assert.ok(r.ok, JSON.stringify(r));
    const by = new Map(r.value.deletions.map((d) => [d.path, d.sha]));
    assert.equal(by.get('src/side.ts'), onBranch, 'found on the merged branch');
    assert.equal(by.get('src/main.ts'), onMain);
    assert.equal(by.size, 2);
    assert.equal(logs.length, 1, `${logs.length} log processes for ${never.length + 2} paths`);
    assert.ok(!logs[0]!.some((a) => a.startsWith('planned/')), 'the paths went on stdin, not on the command line');
  });
});
