// Git asked while a batch's dry run is still finding the questions (askAhead.ts): `check-ignore` runs from the
// first path recorded, with its input written as paths come and its time limit counted from the input's end; the
// walk of every deletion starts once the paths of a history without merges pass PATHS_PER_COMMAND. The answers
// are those of asking once at the end. Real git in temp folders.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NEVER_CANCELLED as T } from '../../src/core/interfaces';
import type { RepoInfo } from '../../src/core/git/provider';
import { AskAhead, FLUSH_CHARS } from '../../src/node/askAhead';
import { NodeGitProvider } from '../../src/node/gitFacts';
import { checkIgnored, PATHS_PER_COMMAND } from '../../src/node/gitHistory';
import { GitRunner, type StdinFeed } from '../../src/node/gitRunner';
import { FixtureGit } from '../fixtures/git/exec';

const tick = () => new Promise((next) => setImmediate(next));

describe('git asked while the questions are still being found', () => {
  let base: string;
  let dir: string;
  const g = new FixtureGit();
  before(() => {
    base = mkdtempSync(join(tmpdir(), 'ask-ahead-'));
    dir = join(base, 'repo');
    g.run(base, ['init', '-q', '-b', 'main', dir]);
    writeFileSync(join(dir, '.gitignore'), '*.log\nbuild/\n');
    writeFileSync(join(dir, 'a.ts'), 'export {};\n');
    g.commit(dir, 'start');
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  async function repoOf(provider: NodeGitProvider, folder: string): Promise<RepoInfo> {
    const found = await provider.discover(folder, T);
    assert.ok(found.ok);
    return found.value;
  }

  it('a fed input reaches git piece by piece; the time limit counts from its end', async () => {
    const runner = new GitRunner();
    let write: (chunk: string) => void = () => {};
    let end: () => void = () => {};
    const feed: StdinFeed = { attach: (w, e) => { write = w; end = e; } };
    const answer = runner.run({ cwd: dir, args: ['check-ignore', '--stdin', '-z'], input: feed, token: T, timeoutMs: 300 });
    write('x.log\0');
    await tick();
    write('src/kept.ts\0build/out.js\0');
    // Longer than the time limit before the input ends: the limit is git's own work, not its caller's.
    await new Promise((done) => setTimeout(done, 600));
    end();
    const r = await answer;
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(new Set(r.out.stdout.split('\0').filter(Boolean)), new Set(['x.log', 'build/out.js']));
  });

  it('a spawn that throws at once is a problem, not a rejected promise', async () => {
    const runner = new GitRunner({ spawn: () => { throw Object.assign(new Error('spawn EACCES'), { code: 'EACCES' }); } });
    const r = await runner.run({ cwd: dir, args: ['status'], token: T, timeoutMs: 1000 });
    assert.equal(r.ok, false);
  });

  it('check-ignore starts with the first path and answers for all of them as one question at the end would', async () => {
    const provider = new NodeGitProvider();
    const repo = await repoOf(provider, dir);
    const ahead = provider.askAhead(repo, T);
    const before = provider.runner.spawned;
    ahead.ignored(['x.log', 'src/a.ts']);
    assert.equal(provider.runner.spawned, before + 1, 'started on the first path, before the run is over');
    await tick();
    ahead.ignored(['build/y.js', 'x.log', 'docs/z.md']);
    const union = ahead.ignoredUnion();
    assert.ok(union);
    const { paths, answer } = await union;
    assert.equal(provider.runner.spawned, before + 1, 'one process for every path');
    assert.deepEqual([...paths].sort(), ['build/y.js', 'docs/z.md', 'src/a.ts', 'x.log']);
    const once = await checkIgnored((cwd, args, token, input) => provider.runner.run({ cwd, args, token, input, timeoutMs: 10_000 }), repo, [...paths].sort(), T);
    assert.ok(answer.ok && once.ok);
    assert.deepEqual([...answer.value].sort(), [...once.value].sort());
    assert.deepEqual([...answer.value].sort(), ['build/y.js', 'x.log']);
  });

  it('the paths reach git in pieces of FLUSH_CHARS or more, one write a turn, and the last ones before the input ends', async () => {
    const provider = new NodeGitProvider();
    const repo = await repoOf(provider, dir);
    const run = (cwd: string, args: string[], token: typeof T, input?: string | StdinFeed) => provider.runner.run({ cwd, args, token, input, timeoutMs: 10_000 });
    const writes: string[] = [];
    const ahead = new AskAhead({
      // What check-ignore is given, as written: each write to its input is a system call (a relay message).
      ignored: (feed) => checkIgnored(run, repo, { attach: (write, end) => feed.attach((chunk) => { writes.push(chunk); write(chunk); }, end) }, T),
      linear: () => Promise.resolve(false),
      walk: () => Promise.reject(new Error('not asked here')),
    });
    const doc = (i: number) => [`src/f${i}.ts`, `build/f${i}.js`];
    let paths = 0;
    try {
      ahead.ignored(['x.log']);
      for (let i = 0; i < 100; i++) ahead.ignored(doc(i));
      assert.equal(writes.length, 1, 'the first path at once, as the process starts');
      await tick();
      assert.equal(writes.length, 1, 'a hundred documents, less than a piece: held');
      // Documents of one turn passing FLUSH_CHARS: one write at the turn's end, holding everything found so far.
      for (let i = 100; paths < FLUSH_CHARS; i++) { ahead.ignored(doc(i)); paths += doc(i).join('\0').length + 2; }
      assert.equal(writes.length, 1);
      await tick();
      assert.equal(writes.length, 2, 'one write for the turn');
      assert.ok(writes[1]!.length >= FLUSH_CHARS);
      ahead.ignored(['late.log']);
      await tick();
      assert.equal(writes.length, 2, 'one path: held');
    } catch (e) {
      ahead.close(); // git would wait for the rest of its input
      throw e;
    }
    const union = ahead.ignoredUnion();
    assert.ok(union);
    const { paths: asked, answer } = await union;
    assert.equal(writes.length, 3);
    assert.equal(writes.join('').split('\0').filter(Boolean).length, asked.length, 'every path written once, the last ones before the end');
    assert.ok(answer.ok);
    assert.ok(answer.value.has('late.log') && answer.value.has('build/f99.js') && !answer.value.has('src/f0.ts'));
  });

  it('no path, no process; a closed input takes no more', async () => {
    const provider = new NodeGitProvider();
    const ahead = provider.askAhead(await repoOf(provider, dir), T);
    const before = provider.runner.spawned;
    assert.equal(ahead.ignoredUnion(), null);
    ahead.ignored(['late.log']);
    assert.equal(provider.runner.spawned, before, 'asked after the end: not asked');
    const other = provider.askAhead(await repoOf(provider, dir), T);
    other.ignored(['a.log']);
    const union = other.ignoredUnion();
    other.ignored(['late.log']);
    assert.ok(union);
    assert.deepEqual((await union).paths, ['a.log'], 'a path given after the end is not among the answered ones');
  });

  it('the walk of every deletion starts once a linear history\'s paths pass the threshold, and not for a history with merges', async () => {
    const provider = new NodeGitProvider();
    const repo = await repoOf(provider, dir);
    const ahead = provider.askAhead(repo, T);
    ahead.deletionsBefore(undefined, PATHS_PER_COMMAND);
    assert.equal(ahead.walkBefore(undefined), undefined, 'not past the threshold: nothing started');
    ahead.deletionsBefore(undefined, PATHS_PER_COMMAND + 1);
    const walk = await ahead.walkBefore(undefined);
    assert.ok(walk && walk.ok, 'a linear history: the walk ran');

    const merged = join(base, 'merged');
    g.run(base, ['clone', '-q', dir, merged]);
    g.run(merged, ['checkout', '-q', '-b', 'topic']);
    writeFileSync(join(merged, 'b.ts'), 'export {};\n');
    g.commit(merged, 'topic');
    g.run(merged, ['checkout', '-q', 'main']);
    writeFileSync(join(merged, 'c.ts'), 'export {};\n');
    g.commit(merged, 'main');
    g.run(merged, ['merge', '-q', '--no-ff', '-m', 'merge', 'topic']);
    const other = new NodeGitProvider();
    const aheadMerged = other.askAhead(await repoOf(other, merged), T);
    aheadMerged.deletionsBefore(undefined, PATHS_PER_COMMAND + 1);
    assert.equal(await aheadMerged.walkBefore(undefined), null, 'merges: each path must be matched, no whole walk');
  });
});
