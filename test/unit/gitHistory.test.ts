// The history questions of the Node provider on real repositories: the whole graph (ancestry at any depth, no
// window), the commit that wrote a document's text, a commit's files, deletions and renames (followed through
// chains, and down to exact renames when objects are unreadable), .gitignore, and messages naming a commit.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommitGraph } from '../../src/core/git/graph';
import type { RepoInfo } from '../../src/core/git/provider';
import { NEVER_CANCELLED as T } from '../../src/core/interfaces';
import { NodeGitProvider } from '../../src/node/gitFacts';
import { readGraph, type RunGit } from '../../src/node/gitHistory';
import { FixtureGit, scratchRepo } from '../fixtures/git/exec';
import { writeLinearHistory } from '../fixtures/git/manyCommits';
import { buildGitFixture, type GitFixture } from '../fixtures/gitFixture';

describe('git history facts (real git)', () => {
  let fx: GitFixture;
  let git: NodeGitProvider;
  let repo: RepoInfo;
  before(async function () {
    this.timeout(60_000);
    fx = buildGitFixture();
    git = new NodeGitProvider();
    const d = await git.discover(fx.work, T);
    assert.ok(d.ok);
    repo = d.value;
  });
  after(() => fx.cleanup());

  /** A fresh repository in the fixture's folder, with its own FixtureGit clock. */
  function scratch(name: string): { dir: string; g: FixtureGit; write: (rel: string, text: string) => void; info: () => Promise<RepoInfo> } {
    const { dir, g, write } = scratchRepo(fx.base, name);
    const info = async () => {
      const r = await new NodeGitProvider().discover(dir, T);
      assert.ok(r.ok);
      return r.value;
    };
    return { dir, g, write, info };
  }

  it('graph: every commit of every ref, with parents, time and subject; dangling commits are not in it', async () => {
    const r = await git.graph(repo, T);
    assert.ok(r.ok);
    const g = new CommitGraph(r.value);
    const x = fx.shas;
    assert.equal(g.complete, true);
    for (const s of [x.initial, x.parser, x.unpushed, x.spike, x.squash]) assert.ok(g.has(s), s);
    assert.ok(!g.has(x.amendedOld), "an amended commit's old version is in no ref's history");
    assert.equal(g.get(x.parser)?.subject, 'Add parser');
    assert.equal(g.isAncestor(x.parser, x.unpushed), true);
    assert.equal(g.isAncestor(x.spike, x.unpushed), false, 'spike branched off: not in main');
    assert.equal(g.isAncestor(x.amendedOld, x.unpushed), false, 'a complete graph lacking a commit says no');
    assert.equal(g.between(x.amended, x.unpushed)?.length, 1);
    assert.deepEqual(g.tipsContaining(x.amended, [{ name: 'main', sha: x.unpushed }, { name: 'release', sha: x.parser }]).map((t) => t.name), ['main']);
    assert.deepEqual(g.withSubject('Add config loader').map((c) => c.sha), [x.amended]);
  });

  it('graph: ancestry is exact thousands of commits deep, and a size bound says the graph is incomplete', async function () {
    this.timeout(60_000);
    const s = scratch('deep');
    const shas = writeLinearHistory(s.g, s.dir, 3000);
    const info = await s.info();
    const r = await new NodeGitProvider().graph(info, T);
    assert.ok(r.ok);
    const g = new CommitGraph(r.value);
    assert.equal(g.isAncestor(shas[0]!, shas[2999]!), true, 'the first commit is 2,999 commits back');
    assert.equal(g.between(shas[0]!, shas[2999]!)?.length, 2999);
    const run: RunGit = (cwd, args, token, input, maxBytes, _timeoutMs, partial) => new NodeGitProvider().runner.run({ cwd, args, token, input, timeoutMs: 10_000, maxBytes, partial });
    const cut = await readGraph(run, info, T, 20_000);
    assert.ok(cut.ok);
    assert.equal(cut.value.complete, false);
    const small = new CommitGraph(cut.value);
    assert.ok(small.size > 50 && small.size < 3000);
    assert.equal(small.isAncestor(shas[0]!, shas[2999]!), null, 'an incomplete graph cannot say no');
  });

  it('anchor: the commit that wrote exactly this text, an older version put back, an edited text, an uncommitted file', async () => {
    const s = scratch('anchors');
    s.write('HANDOFF.md', 'version one\n');
    const one = s.g.commit(s.dir, 'handoff v1');
    s.write('other.txt', 'x\n');
    s.g.commit(s.dir, 'unrelated');
    s.write('HANDOFF.md', 'version two\n');
    const two = s.g.commit(s.dir, 'handoff v2');
    s.write('other.txt', 'y\n');
    const later = s.g.commit(s.dir, 'unrelated again');
    const info = await s.info();
    const p = new NodeGitProvider();
    const at = async (text: string) => {
      const r = await p.anchor(info, 'HANDOFF.md', text, T);
      assert.ok(r.ok);
      return r.value;
    };
    assert.deepEqual(await at('version two\n'), { sha: two, time: (await at('version two\n'))!.time, subject: 'handoff v2', how: 'blob', newer: null });
    const putBack = await at('version one\n');
    assert.equal(putBack?.sha, one, 'an older version put back is anchored where it was written');
    assert.equal(putBack?.newer?.sha, two, 'and knows a newer version of the file is committed');
    assert.deepEqual([(await at('version two, edited\n'))?.sha, (await at('version two, edited\n'))?.how], [two, 'last-change']);
    const none = await p.anchor(info, 'NEW.md', 'never committed\n', T);
    assert.ok(none.ok && none.value === null);
    assert.notEqual(later, two);
    // Deleted since: the text of its last version is anchored there; an edited one at that last version.
    s.g.run(s.dir, ['rm', '-q', 'HANDOFF.md']);
    s.g.commit(s.dir, 'drop the handoff');
    const info2 = await s.info();
    const q = new NodeGitProvider();
    const v1 = await q.anchor(info2, 'HANDOFF.md', 'version one\n', T);
    assert.ok(v1.ok && v1.value?.sha === one && v1.value.how === 'blob');
    const edited = await q.anchor(info2, 'HANDOFF.md', 'something else\n', T);
    assert.ok(edited.ok && edited.value?.sha === two && edited.value.how === 'last-change');
  });

  it('anchor: a handoff moved unchanged is anchored where its text was written, through moves; a copy is not followed', async () => {
    const s = scratch('moved');
    s.write('HANDOFF.md', 'written at the root\n');
    s.write('SECOND.md', 'another handoff\n');
    const wrote = s.g.commit(s.dir, 'the handoffs');
    s.write('src/x.ts', 'x\n');
    s.g.commit(s.dir, 'work');
    for (const f of ['HANDOFF.md', 'SECOND.md']) s.g.run(s.dir, ['mv', f, `old-${f}`]);
    s.g.commit(s.dir, 'rename both');
    mkdirSync(join(s.dir, 'docs', 'archive'), { recursive: true });
    for (const f of ['HANDOFF.md', 'SECOND.md']) s.g.run(s.dir, ['mv', `old-${f}`, `docs/archive/${f}`]);
    const archived = s.g.commit(s.dir, 'archive both');
    s.write('docs/COPY.md', 'written at the root\n');
    const copied = s.g.commit(s.dir, 'a copy beside the archived one');
    const info = await s.info();
    const calls: string[] = [];
    const p = new NodeGitProvider({ spawn: (cmd, args, opts) => { calls.push(args.join(' ')); return spawn(cmd, args as string[], opts); } });
    const anchorOf = async (path: string, text: string) => {
      const r = await p.anchor(info, path, text, T);
      assert.ok(r.ok);
      return r.value?.sha;
    };
    assert.equal(await anchorOf('docs/archive/HANDOFF.md', 'written at the root\n'), wrote, 'followed back through two moves');
    assert.equal(await anchorOf('docs/COPY.md', 'written at the root\n'), copied, 'a copy (the original still there) is its own');
    assert.notEqual(archived, wrote);
    // A run over both archived handoffs: their versions before the move asked in one process, ahead.
    calls.length = 0;
    const q = new NodeGitProvider({ spawn: (cmd, args, opts) => { calls.push(args.join(' ')); return spawn(cmd, args as string[], opts); } });
    await q.prefetch(info, ['HANDOFF.md', 'SECOND.md'].map((f) => ({ relPath: `docs/archive/${f}`, text: f === 'HANDOFF.md' ? 'written at the root\n' : 'another handoff\n', shas: [] })), T);
    assert.equal(calls.filter((c) => / log /.test(` ${c} `)).length, 3, 'the last versions, then one log per move followed back (two), for both handoffs');
    calls.length = 0;
    const both = await Promise.all([['HANDOFF.md', 'written at the root\n'], ['SECOND.md', 'another handoff\n']].map(async ([f, text]) => {
      const r = await q.anchor(info, `docs/archive/${f}`, text!, T);
      return r.ok ? r.value?.sha : null;
    }));
    assert.deepEqual(both, [wrote, wrote]);
    assert.deepEqual(calls.filter((c) => / log /.test(` ${c} `)), [], 'both moves of each answered by the batch: one log per move commit, asked ahead');
  });

  it('anchor: handoffs rotated into an archive one session at a time are followed back in one process for all', async () => {
    const s = scratch('rotated');
    const wrote: string[] = [];
    mkdirSync(join(s.dir, 'docs', 'handoffs'), { recursive: true });
    for (let n = 1; n <= 4; n++) {
      // Each session archives the last handoff and writes its own.
      if (n > 1) s.g.run(s.dir, ['mv', 'HANDOFF.md', `docs/handoffs/session-${n - 1}.md`]);
      s.write('HANDOFF.md', `session ${n}\n`);
      wrote.push(s.g.commit(s.dir, `session ${n}`));
    }
    const info = await s.info();
    const calls: string[] = [];
    const p = new NodeGitProvider({ spawn: (cmd, args, opts) => { calls.push(args.join(' ')); return spawn(cmd, args as string[], opts); } });
    const docs = [1, 2, 3].map((n) => ({ relPath: `docs/handoffs/session-${n}.md`, text: `session ${n}\n`, shas: [] }));
    await p.prefetch(info, docs, T);
    assert.equal(calls.filter((c) => / log /.test(` ${c} `)).length, 2, 'their last versions, then one log for all their moves');
    calls.length = 0;
    const anchors = await Promise.all(docs.map(async (d) => {
      const r = await p.anchor(info, d.relPath, d.text, T);
      return r.ok ? r.value?.sha : null;
    }));
    assert.deepEqual(anchors, wrote.slice(0, 3), 'each where its session wrote it');
    assert.deepEqual(calls, [], 'answered by the batch');
  });

  it('filesAt: the paths of a commit, cached per commit', async () => {
    const r = await git.filesAt(repo, fx.shas.parser, T);
    assert.ok(r.ok);
    assert.ok(r.value.includes('src/old/helper.ts') && r.value.includes('src/parser.ts'));
    assert.ok(!r.value.includes('src/lib/helper.ts'));
    const spawned = git.runner.spawned;
    await git.filesAt(repo, fx.shas.parser, T);
    assert.equal(git.runner.spawned, spawned);
  });

  it('deletions: the commit that deleted or renamed each path, renames followed to where the file lives — since a commit (bisected) or in all history', async () => {
    const s = scratch('moves');
    s.write('a/one.ts', Array.from({ length: 40 }, (_, i) => `export const v${i} = ${i};\n`).join(''));
    s.write('gone.ts', 'export {};\n');
    s.write('keep.ts', 'export {};\n');
    s.g.commit(s.dir, 'start');
    mkdirSync(join(s.dir, 'b'), { recursive: true });
    s.g.run(s.dir, ['mv', 'a/one.ts', 'b/one.ts']);
    const move1 = s.g.commit(s.dir, 'move one to b');
    mkdirSync(join(s.dir, 'c'), { recursive: true });
    s.g.run(s.dir, ['mv', 'b/one.ts', 'c/one.ts']);
    s.g.commit(s.dir, 'move one to c');
    s.g.run(s.dir, ['rm', '-q', 'gone.ts']);
    const drop = s.g.commit(s.dir, 'drop gone.ts');
    const info = await s.info();
    const start = s.g.run(s.dir, ['rev-list', '--max-parents=0', 'HEAD']);
    for (const since of [null, start]) {
      const p = new NodeGitProvider();
      const r = await p.deletions(info, ['a/one.ts', 'gone.ts', 'keep.ts', ...(since ? [] : ['never.ts'])], since, T);
      assert.ok(r.ok, String(since));
      const by = new Map(r.value.deletions.map((d) => [d.path, d]));
      assert.deepEqual([by.get('a/one.ts')?.sha, by.get('a/one.ts')?.renamedTo], [move1, 'c/one.ts'], 'followed through the second move');
      assert.deepEqual([by.get('gone.ts')?.sha, by.get('gone.ts')?.renamedTo, by.get('gone.ts')?.subject], [drop, null, 'drop gone.ts']);
      assert.ok(!by.has('keep.ts') && !by.has('never.ts'));
      assert.equal(r.value.exactRenamesOnly, false);
      // Since a commit: the line bisected in one process, then renames in just the commits found (and the next hop).
      if (since) assert.ok(p.runner.spawned <= 5, `${p.runner.spawned} processes`);
    }
  });

  it('deletions before a commit, of many paths: one walk of every deletion, and git walks by path only for those it shows deleted', async () => {
    const s = scratch('many-before');
    s.write('a/one.ts', Array.from({ length: 40 }, (_, i) => `export const v${i} = ${i};\n`).join(''));
    s.write('gone.ts', 'export {};\n');
    s.g.commit(s.dir, 'start');
    mkdirSync(join(s.dir, 'b'), { recursive: true });
    s.g.run(s.dir, ['mv', 'a/one.ts', 'b/one.ts']);
    const move = s.g.commit(s.dir, 'move one to b');
    s.g.run(s.dir, ['rm', '-q', 'gone.ts']);
    const drop = s.g.commit(s.dir, 'drop gone.ts');
    const info = await s.info();
    // What each git process was asked, its stdin included: a walk limited to paths costs git in proportion to them
    // (1,000 paths over 5,000 commits: 9 s), so the never-deleted ones must not reach it.
    const asked: Array<{ args: readonly string[]; stdin: string }> = [];
    const p = new NodeGitProvider({
      spawn: (cmd, args, opts) => {
        const child = spawn(cmd, args as string[], opts);
        const rec = { args, stdin: '' };
        asked.push(rec);
        const { stdin } = child;
        if (stdin) {
          const write = stdin.write.bind(stdin) as (chunk: unknown, ...rest: unknown[]) => boolean;
          stdin.write = ((chunk: unknown, ...rest: unknown[]) => { rec.stdin += String(chunk); return write(chunk, ...rest); }) as typeof stdin.write;
          const end = stdin.end.bind(stdin) as (...rest: unknown[]) => typeof stdin;
          stdin.end = ((...rest: unknown[]) => { if (typeof rest[0] === 'string' || Buffer.isBuffer(rest[0])) rec.stdin += String(rest[0]); return end(...rest); }) as typeof stdin.end;
        }
        return child;
      },
    });
    const never = Array.from({ length: 30 }, (_, i) => `src/never${i}.ts`);
    const r = await p.deletions(info, ['a/one.ts', 'gone.ts', ...never], null, T);
    assert.ok(r.ok);
    const by = new Map(r.value.deletions.map((d) => [d.path, d]));
    assert.deepEqual([by.get('a/one.ts')?.sha, by.get('a/one.ts')?.renamedTo], [move, 'b/one.ts']);
    assert.deepEqual([by.get('gone.ts')?.sha, by.get('gone.ts')?.renamedTo], [drop, null]);
    assert.equal(by.size, 2);
    const walks = asked.filter((a) => a.args.includes('--diff-filter=D'));
    assert.ok(walks.some((w) => !w.args.includes('--stdin')), 'one walk of every deletion');
    const byPath = walks.filter((w) => w.args.includes('--stdin'));
    assert.ok(byPath.every((w) => !never.some((n) => w.stdin.includes(n))), `never-deleted paths given to git's walk: ${byPath.map((w) => w.stdin.length)}`);
  });

  it('deletions before a commit, of many paths: a walk of every deletion past the time limit is the answer (no walk by path after it)', async function () {
    this.timeout(30_000);
    const s = scratch('slow-walk');
    s.write('x.ts', 'export {};\n');
    s.g.commit(s.dir, 'start');
    const info = await s.info();
    const walks: Array<readonly string[]> = [];
    const p = new NodeGitProvider({
      spawn: (cmd, args, opts) => {
        if (args.includes('--diff-filter=D')) {
          walks.push(args);
          if (!args.includes('--stdin')) return spawn('sleep', ['30'], opts); // the walk of every deletion hangs
        }
        return spawn(cmd, args as string[], opts);
      },
    });
    const started = Date.now();
    const r = await p.deletions(info, Array.from({ length: 20 }, (_, i) => `gone${i}.ts`), null, T);
    assert.ok(!r.ok && r.problem.kind === 'error' && /took longer than/.test(r.problem.message), JSON.stringify(r));
    assert.equal(walks.length, 1, 'no second walk, by path, after the first ran out of time');
    assert.ok(Date.now() - started < 10_000, 'one time limit waited, not two');
  });

  it('deletions: an unreadable object limits rename detection to exact renames, and says so', async () => {
    const s = scratch('unreadable');
    const body = Array.from({ length: 40 }, (_, i) => `line ${i}\n`).join('');
    s.write('old.txt', body);
    s.write('same.txt', 'unchanged content\n');
    s.g.commit(s.dir, 'start');
    s.g.run(s.dir, ['mv', 'old.txt', 'new.txt']);
    s.write('new.txt', body + 'one more line\n');
    s.g.run(s.dir, ['mv', 'same.txt', 'moved.txt']);
    const move = s.g.commit(s.dir, 'move both');
    // Lose the changed file's new blob, as a partial copy of a repository does.
    const blob = s.g.run(s.dir, ['rev-parse', `${move}:new.txt`]);
    rmSync(join(s.dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    const info = await s.info();
    const start = s.g.run(s.dir, ['rev-list', '--max-parents=0', 'HEAD']);
    for (const since of [null, start]) {
      const r = await new NodeGitProvider().deletions(info, ['old.txt', 'same.txt'], since, T);
      assert.ok(r.ok, 'a lost blob must not lose the deletions');
      const by = new Map(r.value.deletions.map((d) => [d.path, d]));
      assert.equal(r.value.exactRenamesOnly, true);
      assert.deepEqual([by.get('old.txt')?.sha, by.get('old.txt')?.renamedTo], [move, null], 'an edited rename is not followed without its blob');
      assert.equal(by.get('same.txt')?.renamedTo, 'moved.txt', 'an exact rename needs no blob');
    }
  });

  it('ignored: which paths .gitignore keeps out of git', async () => {
    const s = scratch('ignores');
    s.write('.gitignore', '.env\nbuild/\n*.log\n');
    s.g.commit(s.dir, 'ignores');
    const info = await s.info();
    const r = await new NodeGitProvider().ignored(info, ['.env', 'build/report.json', 'logs/app.log', 'src/app.ts'], T);
    assert.ok(r.ok);
    assert.deepEqual([...r.value].sort(), ['.env', 'build/report.json', 'logs/app.log']);
  });

  it('ignored: by the patterns alone, not the index (git would match each path against every index entry)', async () => {
    const s = scratch('ignores-no-index');
    s.write('.gitignore', '*.local.json\n');
    s.write('config.local.json', '{}');
    s.write('src/a.ts', 'a');
    s.g.commit(s.dir, 'ignores');
    s.g.run(s.dir, ['add', '--force', 'config.local.json']);
    s.g.commit(s.dir, 'forced');
    rmSync(join(s.dir, 'config.local.json'));
    const info = await s.info();
    const r = await new NodeGitProvider().ignored(info, ['config.local.json', 'other.local.json', 'src/a.ts'], T);
    assert.ok(r.ok);
    // The one answer the index would change: a tracked file the work tree no longer has, that a pattern matches.
    assert.deepEqual([...r.value].sort(), ['config.local.json', 'other.local.json']);
  });

  it('mentioning: commits whose message names a commit (squash merges list what they squashed)', async () => {
    const r = await git.mentioning(repo, [fx.shas.featureA.slice(0, 7)], T);
    assert.ok(r.ok);
    assert.deepEqual(r.value.map((c) => c.sha), [fx.shas.squash]);
    const none = await git.mentioning(repo, ['0123456789abcdef'], T);
    assert.ok(none.ok && none.value.length === 0);
  });
});
