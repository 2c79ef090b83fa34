// The `.git` files the provider reads itself (HEAD, config, packed-refs, a loose ref, pack indexes and packs, loose
// objects, `.gitmodules`) may be FIFOs or links to `/dev/zero`: a FIFO blocks a plain open forever, `/dev/zero`
// reads until memory runs out. Each is refused at once, with a notice naming it, and git is not asked either when
// it would hang on the same file (issue 12, item 1). Each FIFO has a watchdog: a regression is slow, never a hang.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NEVER_CANCELLED } from '../../src/core/interfaces';
import { readHeadFile } from '../../src/node/discoverFromDisk';
import { NodeGitProvider } from '../../src/node/gitFacts';
import { mayHaveRemoteRefs } from '../../src/node/repoState';
import { ObjectReader } from '../../src/node/objectRead';
import { readRegular } from '../../src/node/safeRead';
import { TreeListings } from '../../src/node/treeListings';
import { ModelBuilder } from '../fixtures/git/handoff';
import { check } from '../fixtures/git/harness';
import { fifoInPlaceOf, looseObject, smallRepo, type SmallRepo } from '../fixtures/git/hostile';

const T = NEVER_CANCELLED;
/** Well under the watchdog's 4 s: an answer this slow means something waited on a FIFO. */
const QUICK_MS = 1500;

async function timed<T>(f: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const start = Date.now();
  const value = await f();
  return { value, ms: Date.now() - start };
}

describe('odd files in .git', function () {
  this.timeout(30_000);
  let base: string;
  let repo: SmallRepo;
  const stops: Array<{ stop(): void }> = [];
  const fifo = (path: string) => { const f = fifoInPlaceOf(path); stops.push(f); return f; };

  beforeEach(() => {
    base = realpathSync(mkdtempSync(join(tmpdir(), 'odd-git-')));
    repo = smallRepo(join(base, 'repo'));
  });
  afterEach(() => {
    for (const s of stops.splice(0)) s.stop();
    rmSync(base, { recursive: true, force: true });
  });

  const discover = (p = new NodeGitProvider({ timeoutMs: 3000 })) => timed(() => p.discover(repo.root, T));

  for (const [name, file] of [['HEAD', 'HEAD'], ['config', 'config'], ['packed-refs', 'packed-refs'], ['index', 'index'], ['a loose ref', 'refs/heads/main']] as const) {
    it(`a FIFO as ${name}: discovery answers at once that it cannot read it, and starts no git`, async () => {
      if (file === 'refs/heads/main') repo.git.run(repo.root, ['update-ref', 'refs/heads/main', repo.loose]); // loose again after gc
      fifo(join(repo.root, '.git', file));
      const p = new NodeGitProvider({ timeoutMs: 3000 });
      const { value, ms } = await discover(p);
      assert.ok(ms < QUICK_MS, `took ${ms} ms`);
      assert.equal(value.ok, false);
      assert.match(!value.ok ? value.problem.message : '', new RegExp(`${file.replace('/', '\\/')} is a FIFO, not a regular file`));
      assert.equal(p.runner.spawned, 0);
    });
  }

  it('config linked to /dev/zero: refused, nothing read', async () => {
    rmSync(join(repo.root, '.git', 'config'));
    symlinkSync('/dev/zero', join(repo.root, '.git', 'config'));
    const { value, ms } = await discover();
    assert.ok(ms < QUICK_MS, `took ${ms} ms`);
    assert.match(!value.ok ? value.problem.message : '', /config is a character device, not a regular file/);
  });

  it('a pack index that is a FIFO, or a link to /dev/zero: the facts say the repository cannot be read, without git', async () => {
    const idx = readdirSync(join(repo.root, '.git', 'objects', 'pack')).find((f) => f.endsWith('.idx'))!;
    for (const spoil of ['fifo', 'zero'] as const) {
      const path = join(repo.root, '.git', 'objects', 'pack', idx);
      if (spoil === 'fifo') fifo(path);
      else { rmSync(path); symlinkSync('/dev/zero', path); }
      const p = new NodeGitProvider({ timeoutMs: 3000 });
      const d = await p.discover(repo.root, T);
      assert.ok(d.ok);
      const { value, ms } = await timed(() => p.facts(d.value, [repo.packed[0]!.slice(0, 7)], T));
      assert.ok(ms < QUICK_MS, `${spoil}: took ${ms} ms`);
      assert.equal(value.ok, false);
      assert.match(!value.ok ? value.problem.message : '', /\.idx is (a FIFO|a character device), not a regular file/);
      assert.equal(p.runner.spawned, 0, spoil);
    }
  });

  it('a loose object that is a FIFO: refused at once', async () => {
    fifo(looseObject(repo.root, repo.loose));
    const p = new NodeGitProvider({ timeoutMs: 3000 });
    const d = await p.discover(repo.root, T);
    assert.ok(d.ok);
    const { value, ms } = await timed(() => p.facts(d.value, [repo.loose.slice(0, 9)], T));
    assert.ok(ms < QUICK_MS, `took ${ms} ms`);
    assert.match(!value.ok ? value.problem.message : '', /is a FIFO, not a regular file/);
  });

  it('.gitmodules that is a FIFO: the missing commit stays missing, with a notice, at once', async () => {
    fifo(join(repo.root, '.gitmodules'));
    const p = new NodeGitProvider({ timeoutMs: 3000 });
    const d = await p.discover(repo.root, T);
    assert.ok(d.ok);
    const absent = 'abcdef1234567';
    const { value, ms } = await timed(() => p.facts(d.value, [absent], T));
    assert.ok(ms < QUICK_MS, `took ${ms} ms`);
    assert.ok(value.ok);
    assert.deepEqual(value.value.shas.get(absent), { status: 'missing' });
    assert.deepEqual(value.notices, ['submodules not searched for missing commits: .gitmodules is a FIFO, not a regular file']);
    // Through the facts gathering, the notice reaches the analysis (once), and the rest of the answer stands.
    const text = `commit \`${absent}\`\n`;
    const r = await check(new ModelBuilder(text).commit(absent, 'keyword').model, join(repo.root, 'HANDOFF.md'), { text, provider: { timeoutMs: 3000 } });
    assert.ok(r.notices.includes('submodules not searched for missing commits: .gitmodules is a FIFO, not a regular file'), r.notices.join('\n'));
    assert.equal(r.commits.get(absent)?.status, 'unknown');
  });

  it('HEAD and packed-refs read for the facts and the remote guess: FIFOs give no answer, at once', async () => {
    fifo(join(repo.root, '.git', 'HEAD'));
    fifo(join(repo.root, '.git', 'packed-refs'));
    const { value, ms } = await timed(() => [readHeadFile(join(repo.root, '.git')), mayHaveRemoteRefs(join(repo.root, '.git'))]);
    assert.ok(ms < QUICK_MS, `took ${ms} ms`);
    assert.deepEqual(value, [null, false]);
  });

  // The object reader (trees at a commit, blobs and texts then) runs on the thread itself: a blocked open there is
  // out of reach of every timeout and of Ctrl-C, whose handlers wait for the thread.
  describe('the object reader', () => {
    const packFile = (ext: string) => join(repo.root, '.git', 'objects', 'pack', readdirSync(join(repo.root, '.git', 'objects', 'pack')).find((f) => f.endsWith(ext))!);
    const zero = (path: string) => { rmSync(path); symlinkSync('/dev/zero', path); };
    const cases: Array<[string, () => void, () => string]> = [
      ['a pack that is a FIFO', () => fifo(packFile('.pack')), () => repo.packed[1]!],
      ['a pack linked to /dev/zero', () => zero(packFile('.pack')), () => repo.packed[1]!],
      ['a pack index that is a FIFO', () => fifo(packFile('.idx')), () => repo.packed[1]!],
      ['a pack index linked to /dev/zero', () => zero(packFile('.idx')), () => repo.packed[1]!],
      ['a loose object that is a FIFO', () => fifo(looseObject(repo.root, repo.loose)), () => repo.loose],
      ['a loose object linked to /dev/zero', () => zero(looseObject(repo.root, repo.loose)), () => repo.loose],
    ];
    for (const [name, spoil, sha] of cases) {
      it(`${name}: not read, at once (git is asked instead)`, async () => {
        spoil();
        const { value, ms } = await timed(() => ObjectReader.open(join(repo.root, '.git'))?.read(sha()) ?? null);
        assert.ok(ms < QUICK_MS, `took ${ms} ms`);
        assert.equal(value, null);
      });
    }

    it('reads what is there, packed and loose, and a commit\'s files', () => {
      const reader = ObjectReader.open(join(repo.root, '.git'))!;
      assert.equal(reader.read(repo.packed[0]!)?.kind, 'commit');
      assert.equal(reader.read(repo.loose)?.kind, 'commit');
      assert.deepEqual(TreeListings.open(join(repo.root, '.git'))!.filesAt(repo.loose), ['a.txt', 'b.txt']);
      assert.deepEqual(TreeListings.open(join(repo.root, '.git'))!.filesAt(repo.packed[0]!), ['a.txt']);
    });

    it("a commit's files when a folder's tree is a FIFO: no listing, at once", async () => {
      mkdirSync(join(repo.root, 'src'));
      writeFileSync(join(repo.root, 'src', 'f.ts'), 'x\n');
      const commit = repo.git.commit(repo.root, 'a folder');
      const tree = repo.git.run(repo.root, ['rev-parse', `${commit}:src`]).trim();
      fifo(looseObject(repo.root, tree));
      const { value, ms } = await timed(() => TreeListings.open(join(repo.root, '.git'))!.filesAt(commit));
      assert.ok(ms < QUICK_MS, `took ${ms} ms`);
      assert.equal(value, null);
    });
  });

  it('readRegular: regular files only, and never more than the cap', () => {
    const small = join(base, 'small');
    writeFileSync(small, 'hello');
    assert.deepEqual(readRegular(small, 5), { kind: 'text', text: 'hello' });
    assert.deepEqual(readRegular(small, 4), { kind: 'too-large', size: 5 });
    assert.deepEqual(readRegular('/dev/zero', 1 << 20), { kind: 'odd', what: 'a character device' });
    assert.deepEqual(readRegular(join(base, 'none'), 5), { kind: 'missing' });
    assert.deepEqual(readRegular(base, 5), { kind: 'odd', what: 'a directory' });
  });
});
