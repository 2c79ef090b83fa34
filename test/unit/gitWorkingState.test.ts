// GitProvider.workingState on real repositories: branch, HEAD, upstream with ahead/behind, uncommitted changes,
// unpushed commits and files changed since a commit — in at most three git processes, whatever the shape.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RepoInfo } from '../../src/core/git';
import { NEVER_CANCELLED } from '../../src/core/interfaces';
import { NodeGitProvider } from '../../src/node/gitFacts';
import { parseNameStatus, parseStatusV2 } from '../../src/node/workingState';
import { FixtureGit } from '../fixtures/git/exec';
import { buildWorkingRepo, type WorkingRepo } from '../fixtures/git/workingRepo';

async function repoOf(provider: NodeGitProvider, folder: string): Promise<RepoInfo> {
  const d = await provider.discover(folder, NEVER_CANCELLED);
  assert.ok(d.ok, JSON.stringify(d));
  return d.value;
}

describe('git working state', () => {
  let fx: WorkingRepo;
  before(() => { fx = buildWorkingRepo(); });
  after(() => fx.cleanup());

  it('reads branch, HEAD, upstream, ahead/behind, changes, unpushed commits and changes since, in three processes', async () => {
    const provider = new NodeGitProvider();
    const repo = await repoOf(provider, fx.work);
    const before = provider.runner.spawned;
    const r = await provider.workingState(repo, fx.shas.previous, NEVER_CANCELLED);
    assert.equal(provider.runner.spawned - before, 3);
    assert.ok(r.ok);
    const s = r.value;
    assert.deepEqual([s.headSha, s.headSubject, s.branch, s.upstream, s.ahead, s.behind], [fx.shas.local, 'Bump the app', 'main', 'origin/main', 2, 1]);
    assert.deepEqual(s.unpushed, [{ sha: fx.shas.local, subject: 'Bump the app' }, { sha: fx.shas.moved, subject: 'Move old into lib, drop gone' }]);
    assert.equal(s.unpushedMore, false);
    assert.deepEqual(s.changes.map((c) => `${c.code} ${c.path}`), ['.D src/added.ts', '.M src/app.ts', 'A. src/staged.ts', '?? notes.txt']);
    assert.equal(s.changesTotal, 4);
    assert.deepEqual(s.changedSince?.map((c) => `${c.code} ${c.from ? `${c.from} → ` : ''}${c.path}`),
      ['A src/added.ts', 'M src/app.ts', 'D src/gone.ts', 'R src/old.ts → src/lib/old.ts']);
    // Without `since`: two processes, no diff.
    const two = provider.runner.spawned;
    const r2 = await provider.workingState(repo, null, NEVER_CANCELLED);
    assert.equal(provider.runner.spawned - two, 2);
    assert.ok(r2.ok);
    assert.equal(r2.value.changedSince, null);
  });

  it('refuses a `since` that is not a full SHA, before any process starts', async () => {
    const provider = new NodeGitProvider();
    const repo = await repoOf(provider, fx.work);
    const before = provider.runner.spawned;
    for (const since of ['--output=/tmp/x', 'HEAD~1', fx.shas.previous.slice(0, 12)]) {
      const r = await provider.workingState(repo, since, NEVER_CANCELLED);
      assert.equal(r.ok, false, since);
    }
    assert.equal(provider.runner.spawned, before);
  });

  it('says "no remote" rather than calling every commit unpushed, and handles detached and unborn HEADs', async () => {
    const g = new FixtureGit();
    const base = mkdtempSync(join(tmpdir(), 'handoff-ws-'));
    try {
      g.run(base, ['init', '-q', 'solo']);
      const solo = join(base, 'solo');
      const provider = new NodeGitProvider();
      const unborn = await provider.workingState(await repoOf(provider, solo), null, NEVER_CANCELLED);
      assert.ok(unborn.ok);
      assert.deepEqual([unborn.value.headSha, unborn.value.branch, unborn.value.unpushed], [null, 'main', null]);
      writeFileSync(join(solo, 'a.txt'), 'a\n');
      const first = g.commit(solo, 'First');
      writeFileSync(join(solo, 'a.txt'), 'b\n');
      g.commit(solo, 'Second');
      const fresh = new NodeGitProvider();
      const r = await fresh.workingState(await repoOf(fresh, solo), null, NEVER_CANCELLED);
      assert.ok(r.ok);
      assert.deepEqual([r.value.branch, r.value.upstream, r.value.unpushed, r.value.headSubject], ['main', null, null, 'Second']);
      g.run(solo, ['checkout', '-q', '--detach', first]);
      const detached = new NodeGitProvider();
      const d = await detached.workingState(await repoOf(detached, solo), null, NEVER_CANCELLED);
      assert.ok(d.ok);
      assert.deepEqual([d.value.branch, d.value.headSha, d.value.headSubject], [null, first, 'First']);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('parses porcelain v2 and name-status output: renames, unmerged paths, spaces, bounds', () => {
    const status = [
      '# branch.oid 0123456789012345678901234567890123456789', '# branch.head feature/x', '# branch.upstream origin/feature/x', '# branch.ab +3 -0',
      '1 .M N... 100644 100644 100644 aaa bbb src/with space.ts',
      '2 R. N... 100644 100644 100644 aaa bbb R100 src/new.ts', 'src/old.ts',
      'u UU N... 100644 100644 100644 100644 aaa bbb ccc src/conflict.ts',
      '? notes.txt', '',
    ].join('\0');
    const s = parseStatusV2(status, 3);
    assert.deepEqual([s.headSha, s.branch, s.upstream, s.ahead, s.behind, s.total], ['0123456789012345678901234567890123456789', 'feature/x', 'origin/feature/x', 3, 0, 4]);
    assert.deepEqual(s.changes, [
      { code: '.M', path: 'src/with space.ts', from: null }, { code: 'R.', path: 'src/new.ts', from: 'src/old.ts' }, { code: 'UU', path: 'src/conflict.ts', from: null },
    ]);
    assert.deepEqual(parseStatusV2('# branch.oid (initial)\0# branch.head (detached)\0'), { headSha: null, branch: null, upstream: null, ahead: null, behind: null, changes: [], total: 0 });
    const diff = parseNameStatus(['M', 'a.ts', 'R087', 'b.ts', 'c.ts', 'D', 'd.ts', ''].join('\0'), 2);
    assert.deepEqual(diff, { changes: [{ code: 'M', path: 'a.ts', from: null }, { code: 'R', path: 'c.ts', from: 'b.ts' }], total: 3 });
  });
});
