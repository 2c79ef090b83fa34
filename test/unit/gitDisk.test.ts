// What the Node provider reads from disk instead of asking git — the repository's shape (discoverFromDisk.ts)
// and the object store (objectStore.ts) — must give exactly git's answers, and hand anything unusual to git.
// Every comparison here is against real git on real repositories.
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NEVER_CANCELLED as T } from '../../src/core/interfaces';
import { discoverFromDisk } from '../../src/node/discoverFromDisk';
import { NodeGitProvider, type NodeGitProviderOptions } from '../../src/node/gitFacts';
import { objectsOnDisk } from '../../src/node/objectStore';
import { NodeWorkspaceFiles } from '../../src/node/workspaceFiles';
import { buildGitFixture, type GitFixture } from '../fixtures/gitFixture';
import { FixtureGit } from '../fixtures/git/exec';

/** A provider that records each git subcommand it starts; `disk: false` makes it ask git for everything. */
function recording(options: NodeGitProviderOptions & { disk?: boolean } = {}): { git: NodeGitProvider; calls: string[] } {
  const calls: string[] = [];
  const spawnFn = (cmd: string, args: readonly string[], opts: SpawnOptions): ChildProcess => {
    calls.push(args.find((a, i) => i > 0 && !a.startsWith('-') && args[i - 1] !== '-c') ?? '?');
    return spawn(cmd, args as string[], opts);
  };
  class GitOnly extends NodeGitProvider {
    protected override diskDiscovery() { return null; }
    protected override objectsOnDisk() { return null; }
  }
  const git = options.disk === false ? new GitOnly({ ...options, spawn: spawnFn }) : new NodeGitProvider({ ...options, spawn: spawnFn });
  return { git, calls };
}

/** Content of a blob whose SHA starts with `prefix` (git hashes `blob <size>\0<content>`). */
function blobWithPrefix(prefix: string): string {
  for (let i = 0; ; i++) {
    const text = `collision ${i}\n`;
    if (createHash('sha1').update(`blob ${text.length}\0${text}`).digest('hex').startsWith(prefix)) return text;
  }
}

describe('git from disk', () => {
  let fx: GitFixture;
  const g = new FixtureGit();
  before(function () {
    this.timeout(60_000);
    fx = buildGitFixture();
  });
  after(() => fx.cleanup());

  async function bothWays(folder: string) {
    const disk = recording();
    const git = recording({ disk: false });
    const a = await disk.git.discover(folder, T);
    const b = await git.git.discover(folder, T);
    assert.deepEqual(git.calls, ['rev-parse']);
    return { fromDisk: a, fromGit: b, diskCalls: disk.calls };
  }

  it('discovery read from disk equals rev-parse: repository, subfolder, worktree, submodule, detached, unborn, shallow, packed branch', async () => {
    const worktree = join(fx.base, 'wt');
    g.run(fx.work, ['worktree', 'add', '-q', '-b', 'wt-branch', worktree, fx.shas.parser]);
    const unborn = join(fx.base, 'unborn');
    g.run(fx.base, ['init', '-q', unborn]);
    const packed = join(fx.base, 'packed');
    g.run(fx.base, ['clone', '-q', fx.origin, packed]);
    g.run(packed, ['pack-refs', '--all', '--prune']);
    const folders = [fx.work, join(fx.work, 'src'), worktree, join(worktree, 'src'), join(fx.work, 'vendor/lib'), fx.detached, unborn, fx.shallow, packed, fx.solo];
    for (const folder of folders) {
      const { fromDisk, fromGit, diskCalls } = await bothWays(folder);
      assert.ok(fromGit.ok, folder);
      assert.deepEqual(fromDisk, fromGit, folder);
      assert.deepEqual(diskCalls, [], `${folder} started git`);
    }
    const heads = await Promise.all([worktree, join(fx.work, 'vendor/lib'), fx.detached, unborn, fx.shallow, packed].map((f) => new NodeGitProvider().discover(f, T)));
    assert.deepEqual(heads.map((h) => h.ok && [h.value.head, h.value.shallow]), [
      [{ kind: 'branch', name: 'wt-branch' }, false], [{ kind: 'detached' }, false], [{ kind: 'detached' }, false],
      [{ kind: 'unborn', name: 'main' }, false], [{ kind: 'branch', name: 'main' }, true], [{ kind: 'branch', name: 'main' }, false],
    ]);
    const wt = heads[0]!;
    assert.ok(wt.ok && wt.value.gitDir === `${fx.work}/.git/worktrees/wt` && wt.value.commonDir === `${fx.work}/.git`);
  });

  it('sees an unborn branch born: the first commit changes what a kept provider discovers', async () => {
    const repo = join(fx.base, 'born');
    g.run(fx.base, ['init', '-q', '-b', 'main', repo]);
    const provider = new NodeGitProvider();
    const before = await provider.discover(repo, T);
    assert.deepEqual(before.ok && before.value.head, { kind: 'unborn', name: 'main' });
    writeFileSync(join(repo, 'a.txt'), 'a\n');
    g.run(repo, ['add', 'a.txt']);
    g.run(repo, ['commit', '-q', '-m', 'first']);
    const after = await provider.discover(repo, T);
    assert.deepEqual(after.ok && after.value.head, { kind: 'branch', name: 'main' });
  });

  it('a folder in no repository is answered as git answers, with no process; with GIT_DIR set, git is asked', async () => {
    const disk = recording();
    const git = recording({ disk: false });
    const fromDisk = await disk.git.discover(fx.plain, T);
    assert.deepEqual(fromDisk, await git.git.discover(fx.plain, T));
    assert.equal(fromDisk.ok ? 'ok' : fromDisk.problem.kind, 'not-a-repository');
    assert.deepEqual(disk.calls, []);
    // The listing of its files is the walk's, without a `git ls-files` that would only fail.
    const files = new NodeWorkspaceFiles({ runner: disk.git.runner });
    writeFileSync(join(fx.plain, 'listed.md'), '# listed\n');
    assert.ok((await files.listFiles(fx.plain, T)).some((f) => f.endsWith('/listed.md')));
    assert.deepEqual(disk.calls, []);
    process.env.GIT_DIR = join(fx.work, '.git');
    try {
      assert.equal(discoverFromDisk(fx.plain), null, 'git finds the repository GIT_DIR names');
    } finally {
      delete process.env.GIT_DIR;
    }
  });

  it('anything unusual is left to git, with git\'s answer: bare, inside .git, core.worktree elsewhere, extensions, SHA-256', async () => {
    const elsewhere = join(fx.base, 'elsewhere');
    g.run(fx.base, ['init', '-q', elsewhere]);
    mkdirSync(join(fx.base, 'tree-of-elsewhere'));
    g.run(elsewhere, ['config', 'core.worktree', join(fx.base, 'tree-of-elsewhere')]);
    const extension = join(fx.base, 'extension');
    g.run(fx.base, ['init', '-q', extension]);
    g.run(extension, ['config', 'core.repositoryformatversion', '1']);
    g.run(extension, ['config', 'extensions.worktreeConfig', 'true']);
    const sha256 = join(fx.base, 'sha256');
    g.run(fx.base, ['init', '-q', '--object-format=sha256', sha256]);
    const unusual = [fx.origin, join(fx.work, '.git', 'refs'), elsewhere, extension, sha256];
    for (const folder of unusual) {
      assert.equal(discoverFromDisk(folder), null, folder);
      const { fromDisk, fromGit, diskCalls } = await bothWays(folder);
      assert.deepEqual(fromDisk, fromGit, folder);
      assert.deepEqual(diskCalls, ['rev-parse'], folder);
    }
    const bare = await new NodeGitProvider().discover(fx.origin, T);
    assert.equal(bare.ok ? 'ok' : bare.problem.kind, 'not-a-repository');
    // SHA-256 names are not read from disk either: git resolves the abbreviation and says the type.
    const commit = g.commit(sha256, 'A SHA-256 commit');
    const r = recording();
    const d = await r.git.discover(sha256, T);
    assert.ok(d.ok);
    const f = await r.git.facts(d.value, [commit.slice(0, 10)], T);
    assert.ok(f.ok);
    assert.deepEqual(f.value.shas.get(commit.slice(0, 10)), { status: 'found', sha: commit, reach: 'local', subject: null, submodule: null });
    assert.deepEqual(r.calls, ['rev-parse', 'rev-parse', 'for-each-ref', 'log', 'cat-file']);
  });

  describe('the object store', () => {
    let repo: string;
    let cited: string[];
    const sha: Record<string, string> = {};

    before(function () {
      this.timeout(60_000);
      // A repository with every kind of answer: pushed, unpushed and dangling commits, an annotated tag, a
      // tree, and a blob whose 4-hex prefix is also a commit's.
      const origin = join(fx.base, 'objects.git');
      repo = join(fx.base, 'objects');
      g.run(fx.base, ['init', '-q', '--bare', origin]);
      g.run(fx.base, ['init', '-q', repo]);
      g.run(repo, ['remote', 'add', 'origin', origin]);
      for (let i = 1; i <= 6; i++) {
        writeFileSync(join(repo, 'file.txt'), `line\n`.repeat(40 + i));
        sha[`c${i}`] = g.commit(repo, `Commit ${i}`);
      }
      g.run(repo, ['tag', '-a', 'v1', '-m', 'Version 1', sha.c2!]);
      sha.tag = g.run(repo, ['rev-parse', 'v1']);
      g.run(repo, ['push', '-q', 'origin', 'main', 'v1']);
      writeFileSync(join(repo, 'file.txt'), 'local\n');
      sha.local = g.commit(repo, 'Local only');
      writeFileSync(join(repo, 'file.txt'), 'amended\n');
      sha.amendedOld = g.commit(repo, 'To be amended');
      writeFileSync(join(repo, 'file.txt'), 'amended twice\n');
      sha.amended = g.commit(repo, null, ['--amend', '--no-edit']);
      sha.tree = g.run(repo, ['rev-parse', 'HEAD^{tree}']);
      sha.blob = g.run(repo, ['hash-object', '-w', '--stdin'], blobWithPrefix(sha.c3!.slice(0, 4)));
      sha.file = g.run(repo, ['rev-parse', `${sha.c1}:file.txt`]);
      cited = [
        sha.c1!.slice(0, 7), sha.c2!.slice(0, 9), sha.c3!.slice(0, 4), sha.c4!, sha.c6!.slice(0, 12), sha.local!.slice(0, 8),
        sha.amendedOld!.slice(0, 10), sha.tag!.slice(0, 7), sha.tag!, sha.tree!.slice(0, 8), sha.blob!.slice(0, 8), sha.file!.slice(0, 11),
        'abcdef0123', '0123456789abcdef0123456789abcdef01234567',
      ].filter((s, i, all) => all.indexOf(s) === i);
    });

    async function factsOf(options: NodeGitProviderOptions & { disk?: boolean } = {}) {
      const r = recording(options);
      const d = await r.git.discover(repo, T);
      assert.ok(d.ok);
      const f = await r.git.facts(d.value, cited, T);
      assert.ok(f.ok);
      return { facts: f.value, calls: r.calls };
    }

    function expected(facts: Awaited<ReturnType<typeof factsOf>>['facts']) {
      const of = (s: string) => { const l = facts.shas.get(s); return l?.status === 'found' ? `${l.reach} ${l.sha.slice(0, 8)}` : l?.status === 'ambiguous' ? `ambiguous ${l.candidates.join(' ')}` : l?.status; };
      const short = (s: string) => s.slice(0, 8);
      assert.equal(facts.headSha, sha.amended);
      assert.deepEqual(cited.map(of), [
        `remote ${short(sha.c1!)}`, `remote ${short(sha.c2!)}`, `ambiguous ${[sha.c3!, sha.blob!].sort().join(' ')}`, `remote ${short(sha.c4!)}`,
        `remote ${short(sha.c6!)}`, `local ${short(sha.local!)}`, `dangling ${short(sha.amendedOld!)}`, `unchecked ${short(sha.tag!)}`,
        `unchecked ${short(sha.tag!)}`, 'missing', 'missing', 'missing', 'missing', 'missing',
      ]);
    }

    /** Every object of the repository, with git's type for it, against the types read from disk. */
    function typesAgree(): string[][] {
      const all = g.run(repo, ['cat-file', '--batch-all-objects', '--batch-check=%(objectname) %(objecttype) %(deltabase)']).split('\n').map((l) => l.split(' '));
      const disk = objectsOnDisk(join(repo, '.git'), all.map(([name]) => name!));
      assert.ok(disk && 'types' in disk);
      assert.deepEqual(all.map(([name]) => disk.types.get(name!)), all.map(([, type]) => type));
      return all;
    }

    it('loose objects: every answer from disk and one log, with for-each-ref beside it', async () => {
      const { facts, calls } = await factsOf();
      expected(facts);
      assert.deepEqual(calls, ['log', 'for-each-ref']);
      assert.ok(g.run(repo, ['count-objects']).startsWith(`${typesAgree().length} objects`), 'not all objects loose');
    });

    it('the same through git (rev-parse --disambiguate, cat-file) and in the old query shape', async () => {
      const viaGit = await factsOf({ disk: false });
      expected(viaGit.facts);
      assert.deepEqual(viaGit.calls, ['rev-parse', 'rev-parse', 'for-each-ref', 'log', 'cat-file']);
      // Too many prefixes for one command line: abbreviations go to cat-file and log as they are, and only the
      // ambiguous one is disambiguated afterwards.
      const old = await factsOf({ disk: false, maxDisambiguateChars: 0 });
      expected(old.facts);
      assert.deepEqual(old.calls, ['rev-parse', 'log', 'cat-file', 'for-each-ref', 'rev-parse']);
    });

    it('packed objects, deltas included: the same answers, and every type as cat-file says', async () => {
      const zero = '0'.repeat(40);
      const names = g.run(repo, ['cat-file', '--batch-all-objects', '--batch-check=%(objectname)']);
      // One pack whose deltas name their bases by SHA (pack-objects' default): those types are left to cat-file.
      g.run(repo, ['pack-objects', '-q', '--window=250', '--depth=50', '.git/objects/pack/pack'], names + '\n');
      g.run(repo, ['prune-packed']);
      assert.equal(g.run(repo, ['count-objects', '-v']).match(/^count: (\d+)$/m)?.[1], '0', 'objects left loose');
      const byRef = g.run(repo, ['cat-file', '--batch-all-objects', '--batch-check=%(objectname) %(objecttype) %(deltabase)']).split('\n').map((l) => l.split(' '));
      assert.ok(byRef.some(([, type, base]) => type === 'commit' && base !== zero), 'no commit stored as a delta');
      const disk = objectsOnDisk(join(repo, '.git'), byRef.map(([name]) => name!));
      assert.ok(disk && 'types' in disk);
      assert.deepEqual(byRef.map(([name]) => disk.types.get(name!)), byRef.map(([, type, base]) => (base === zero ? type : undefined)));
      // cat-file runs only when a cited object is such a delta (here some are: commits delta against each other).
      const typed = new Set([sha.c1, sha.c2, sha.c4, sha.c6, sha.local, sha.amendedOld, sha.tag, sha.tree, sha.blob, sha.file]);
      const citedDelta = byRef.some(([name, , base]) => typed.has(name) && base !== zero);
      const refDeltas = await factsOf();
      expected(refDeltas.facts);
      assert.deepEqual(refDeltas.calls, ['log', ...(citedDelta ? ['cat-file'] : []), 'for-each-ref']);

      // Repacked as git gc does, deltas by offset: every type read from the pack.
      g.run(repo, ['-c', 'pack.window=250', 'repack', '-q', '-a', '-d', '-f', '--keep-unreachable', '--depth=50']);
      assert.equal(g.run(repo, ['count-objects', '-v']).match(/^count: (\d+)$/m)?.[1], '0', 'objects left loose');
      const all = typesAgree();
      assert.ok(all.some(([, type, base]) => type === 'commit' && base !== zero), 'no commit stored as a delta');
      const { facts, calls } = await factsOf();
      expected(facts);
      assert.deepEqual(calls, ['log', 'for-each-ref']);
    });

    it('an object store that is not plain (alternates) goes to git with the same answers', async () => {
      const shared = join(fx.base, 'objects-shared');
      g.run(fx.base, ['clone', '-q', '--shared', repo, shared]);
      assert.equal(objectsOnDisk(join(shared, '.git'), [sha.c1!]), null);
      const r = recording();
      const d = await r.git.discover(shared, T);
      assert.ok(d.ok);
      const f = await r.git.facts(d.value, [sha.c1!.slice(0, 7), sha.c6!.slice(0, 7)], T);
      assert.ok(f.ok);
      assert.deepEqual([...f.value.shas.values()].map((l) => l.status === 'found' && l.sha), [sha.c1, sha.c6]);
      assert.deepEqual(r.calls, ['rev-parse', 'for-each-ref', 'log', 'cat-file']);
    });
  });
});
