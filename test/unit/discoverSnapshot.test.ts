// A run that takes the repository as one snapshot (stateTtlMs Infinity: the CLI) finds each folder's repository
// once; an editor (the default) sees HEAD move. Real repositories in temp folders.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NEVER_CANCELLED as T } from '../../src/core/interfaces';
import { NodeGitProvider } from '../../src/node/gitFacts';
import { FixtureGit } from '../fixtures/git/exec';

describe('repository discovery: a snapshot for a run, live for an editor', () => {
  const g = new FixtureGit();
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'discover-snapshot-'));
    g.run(dir, ['init', '-q']);
    writeFileSync(join(dir, 'a.md'), '# a\n');
    g.commit(dir, 'first');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the repository as first found with stateTtlMs Infinity, and follows HEAD without it', async () => {
    const snapshot = new NodeGitProvider({ stateTtlMs: Infinity });
    const live = new NodeGitProvider();
    const head = async (git: NodeGitProvider) => {
      const r = await git.discover(dir, T);
      assert.ok(r.ok);
      const h = r.value.head;
      return 'name' in h ? h.name : null;
    };
    assert.equal(await head(snapshot), 'main');
    assert.equal(await head(live), 'main');
    g.run(dir, ['checkout', '-q', '-b', 'topic']);
    assert.equal(await head(snapshot), 'main', 'the run goes on with the repository it started with');
    assert.equal(await head(live), 'topic', 'the editor sees the branch change');
  });

  it('asks git once about a folder in no repository with stateTtlMs Infinity, each time without it', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'discover-outside-'));
    // Where the folders say so, no git is asked at all (discoverFromDisk.ts); where only git can say, it is asked.
    class GitOnly extends NodeGitProvider {
      protected override diskDiscovery() { return null; }
    }
    try {
      const snapshot = new GitOnly({ stateTtlMs: Infinity });
      const live = new GitOnly();
      const fromDisk = new NodeGitProvider();
      for (const git of [snapshot, live, fromDisk]) {
        for (let i = 0; i < 2; i++) {
          const r = await git.discover(outside, T);
          assert.equal(!r.ok && r.problem.kind, 'not-a-repository');
        }
      }
      assert.equal(snapshot.runner.spawned, 1, 'the run asked once');
      assert.equal(live.runner.spawned, 2, 'the editor asks again: the folder may have become a repository');
      assert.equal(fromDisk.runner.spawned, 0, 'no repository up to the root: git would only say so');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
