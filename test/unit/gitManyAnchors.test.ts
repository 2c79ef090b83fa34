// Handoffs written at many commits (one commit each, as a series of handoffs is in a real repository): the questions
// each anchor raises are answered from what the run already read, not by a git process per anchor. Counted, not
// timed. And HEAD's first-parent line after a commit, read from the graph, is the one git reads (for every commit of
// a history with merges, side branches and a commit off the line).
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommitGraph } from '../../src/core/git/graph';
import { NEVER_CANCELLED as T } from '../../src/core/interfaces';
import { NodeGitProvider } from '../../src/node/gitFacts';
import { TreeListings } from '../../src/node/treeListings';
import { MAX_DELETION_MOMENTS } from '../../src/node/batchAnswers';
import { findDeletions } from '../../src/node/gitHistory';
import { FixtureGit } from '../fixtures/git/exec';
import { analyseBatch, type BatchRun } from '../fixtures/git/batchRun';
import type { StdinFeed } from '../../src/node/gitRunner';

describe('handoffs written at many commits', function () {
  this.timeout(120_000);
  let base: string;
  before(() => { base = realpathSync(mkdtempSync(join(tmpdir(), 'many-anchors-'))); });
  after(() => rmSync(base, { recursive: true, force: true }));

  /** A repository where handoff i is committed on its own, citing files deleted and renamed after it. */
  function seriesRepo(name: string, count: number): { repo: string; paths: string[] } {
    const g = new FixtureGit();
    const repo = join(base, name);
    g.run(base, ['init', '-q', repo]);
    mkdirSync(join(repo, 'src'));
    mkdirSync(join(repo, 'docs'));
    for (let k = 0; k < count; k++) writeFileSync(join(repo, 'src', `part-${k}.ts`), `export const p${k} = ${k};\n`.repeat(5));
    mkdirSync(join(repo, 'src', 'deep'));
    for (let k = 0; k < count; k++) writeFileSync(join(repo, 'src', 'deep', `helper-${k}.ts`), `export const h${k} = ${k};\n`);
    g.commit(repo, 'the parts');
    const paths: string[] = [];
    mkdirSync(join(repo, 'old'));
    for (let k = 0; k < count; k++) writeFileSync(join(repo, 'old', `gone-${k}.ts`), `export {};\n`);
    g.commit(repo, 'the old ones');
    for (let i = 0; i < count; i++) {
      // Gone already when the handoff was written: an outdated path, found in the history before its anchor.
      g.run(repo, ['rm', '-q', `old/gone-${i}.ts`]);
      g.commit(repo, `drop gone ${i}`);
      const path = join(repo, 'docs', `HANDOFF-${String(i).padStart(2, '0')}.md`);
      writeFileSync(path, `# Handoff ${i}\n\n- changed \`src/part-${i}.ts:2\` and \`src/part-${(i + 1) % count}.ts\`\n\nThe one to read first is \`helper-${i}.ts\`; the spec was \`old/gone-${i}.ts\`.\n\n## Next\n\n- [ ] step ${i}\n`);
      g.commit(repo, `handoff ${i}`);
      paths.push(path);
    }
    // After them all: half the parts deleted, the rest renamed; the helpers (cited by bare name) deleted.
    mkdirSync(join(repo, 'lib'));
    for (let k = 0; k < count; k++) g.run(repo, k % 2 ? ['mv', `src/part-${k}.ts`, `lib/part-${k}.ts`] : ['rm', '-q', `src/part-${k}.ts`]);
    g.run(repo, ['rm', '-q', '-r', 'src/deep']);
    g.commit(repo, 'after the handoffs');
    return { repo, paths };
  }

  /** Analyses the handoffs as the CLI does (one service, one git check, asked ahead); every git command line kept. */
  async function analyseAll(paths: readonly string[]) {
    const { calls, analyses } = await analyseBatch(paths);
    return { calls: calls.map((args) => args.join(' ')), results: analyses.map(({ analysis }) => analysis.diagnostics.map((x) => `${x.code} ${x.message}`).join(' | ')) };
  }

  it('no first-parent line read per anchor (the graph holds it), no tree listed or path looked up by a process (the object store has them)', async () => {
    const { paths } = seriesRepo('series', 16);
    const { calls, results } = await analyseAll(paths);
    assert.deepEqual(calls.filter((c) => c.includes('--first-parent --reverse') || c.startsWith('ls-tree') || c.startsWith('cat-file')), []);
    // What was deleted before each anchor: one walk for them all in a history without merges (besides the few asked
    // ahead for the batch), and each commit's renames asked once.
    const walks = calls.filter((c) => c.includes('log --diff-filter=D'));
    assert.ok(walks.length <= MAX_DELETION_MOMENTS + 1, `${walks.length} walks: ${walks.join('\n')}`);
    const renameLogs = calls.filter((c) => c.includes('--diff-filter=R'));
    assert.ok(renameLogs.length <= MAX_DELETION_MOMENTS + 2, `${renameLogs.length} rename logs`);
    // Each handoff still told where its files went, each at its own anchor.
    for (const [i, r] of results.entries()) {
      assert.ok(r.includes(i % 2 ? `src/part-${i}.ts was renamed to lib/part-${i}.ts` : `src/part-${i}.ts was deleted in`), `${i}: ${r}`);
      assert.ok(r.includes(`helper-${i}.ts was deleted in`), `${i}: ${r}`);
      assert.ok(r.includes(`old/gone-${i}.ts`), `${i}: ${r}`);
    }
  });

  /**
   * Twelve handoffs, each committed on its own after a side branch was merged (every anchor's history has merges),
   * each after `change(i)` was committed on main: `old/gone-<i>.ts` removed or moved.
   */
  function mergeSeries(name: string, change: (i: number) => string[], handoff: (i: number) => string): string[] {
    const g = new FixtureGit();
    const repo = join(base, name);
    g.run(base, ['init', '-q', '-b', 'main', repo]);
    for (const d of ['old', 'new', 'docs']) mkdirSync(join(repo, d));
    for (let k = 0; k < 12; k++) writeFileSync(join(repo, 'old', `gone-${k}.ts`), `export const g${k} = ${k};\n`.repeat(10));
    g.commit(repo, 'the old ones');
    const paths: string[] = [];
    for (let i = 0; i < 12; i++) {
      g.run(repo, ['checkout', '-q', '-b', `side-${i}`]);
      writeFileSync(join(repo, `side-${i}.txt`), `${i}\n`);
      g.commit(repo, `side ${i}`);
      g.run(repo, ['checkout', '-q', 'main']);
      g.run(repo, change(i));
      g.commit(repo, `change ${i}`);
      g.run(repo, ['merge', '-q', '--no-ff', '-m', `merge side ${i}`, `side-${i}`]);
      const path = join(repo, 'docs', `HANDOFF-${String(i).padStart(2, '0')}.md`);
      writeFileSync(path, handoff(i));
      g.commit(repo, `handoff ${i}`);
      paths.push(path);
    }
    return paths;
  }

  /** What each handoff of a run was told. */
  const said = (run: BatchRun) => run.analyses.map(({ analysis }) => analysis.diagnostics.map((d) => `${d.code} ${d.message}`).join(' | '));
  const count = (run: BatchRun, what: string) => run.calls.filter((c) => c.join(' ').includes(what)).length;

  it('with merges, a commit whose cited paths no commit ever deleted walks nothing (one walk of every deletion says so); the answers are the walks\'', async () => {
    // Every handoff cites a file no commit ever had; one in four also one deleted before it.
    const paths = mergeSeries('merge-series', (i) => ['rm', '-q', `old/gone-${i}.ts`],
      (i) => `# Handoff ${i}\n\n- see \`tools/never-${i}.ts\`${i % 4 === 0 ? ` and \`old/gone-${i}.ts\`` : ''}\n\n## Next\n\n- [ ] step ${i}\n`);
    const ahead = await analyseBatch(paths);
    const alone = await analyseBatch(paths, false);
    assert.deepEqual(said(ahead), said(alone));
    for (const i of [0, 4, 8]) assert.ok(said(ahead)[i]!.includes(`old/gone-${i}.ts was deleted in`), said(ahead)[i]);
    assert.equal(count(alone, 'log --diff-filter=D'), 12, 'asked alone, each anchor walks');
    const walks = ahead.calls.map((c) => c.join(' ')).filter((c) => c.includes('log --diff-filter=D'));
    assert.equal(walks.filter((c) => c.endsWith('--stdin')).length, 3, `only the anchors citing a path some commit deleted walk: ${walks.join('\n')}`);
    assert.equal(walks.filter((c) => !c.endsWith('--stdin')).length, 1, 'one walk of every deletion');
  });

  it('with merges, the renames of every deleting commit are asked once ahead, and a rename\'s target no commit deleted since walks nothing', async () => {
    // Outdated paths: moved before the handoff (its own, and the one before).
    const paths = mergeSeries('merge-renames', (i) => ['mv', `old/gone-${i}.ts`, `new/moved-${i}.ts`],
      (i) => `# Handoff ${i}\n\n- see \`old/gone-${Math.max(0, i - 1)}.ts\` and \`old/gone-${i}.ts\`\n`);
    const ahead = await analyseBatch(paths);
    const alone = await analyseBatch(paths, false);
    assert.deepEqual(said(ahead), said(alone));
    assert.ok(said(ahead)[5]!.includes('old/gone-5.ts was renamed to new/moved-5.ts'), said(ahead)[5]);
    assert.equal(count(alone, '--diff-filter=R'), 12, 'asked alone: each anchor asks its new commits\' renames');
    assert.equal(count(ahead, '--diff-filter=R'), 1, 'ahead: once for the batch');
    // Each anchor walks what was deleted before it (12) and, alone, again from HEAD for where each moved file went (12).
    assert.equal(count(alone, '--diff-filter=D'), 24);
    assert.equal(count(ahead, '--diff-filter=D'), 13, 'ahead: the anchors\' own walks and one walk of every deletion');
  });

  it("a commit's files read from the object store are ls-tree's, loose or packed", () => {
    const g = new FixtureGit();
    const repo = join(base, 'trees');
    const sub = join(base, 'trees-sub');
    g.run(base, ['init', '-q', sub]);
    writeFileSync(join(sub, 'x.txt'), 'x\n');
    g.commit(sub, 'sub');
    g.run(base, ['init', '-q', repo]);
    for (const [f, text] of [['a.txt', 'a'], ['b/c/d.ts', 'd'], ['b/c.ts', 'c'], ['b-c.ts', 'bc'], ['ü/ñ é.md', 'u'], ['z/deep/er/f', 'f']]) {
      mkdirSync(join(repo, f!, '..'), { recursive: true });
      writeFileSync(join(repo, f!), text!);
    }
    symlinkSync('a.txt', join(repo, 'link'));
    g.run(repo, ['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub, 'vendor/sub']);
    const first = g.commit(repo, 'first');
    rmSync(join(repo, 'b'), { recursive: true });
    writeFileSync(join(repo, 'new.txt'), 'n');
    const second = g.commit(repo, 'second');
    const lsTree = (c: string) => g.run(repo, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', c]).split('\0').filter(Boolean);
    for (const pack of [false, true]) {
      if (pack) g.run(repo, ['gc', '-q']);
      const trees = TreeListings.open(join(repo, '.git'));
      assert.ok(trees, 'a plain store is read here');
      for (const c of [first, second]) assert.deepEqual(trees.filesAt(c), lsTree(c), `${pack ? 'packed' : 'loose'} ${c}`);
      // Paths looked up as `cat-file --batch-check` answers `<commit>:<path>`; the forms git reads its own way left to it.
      const asks = ['a.txt', 'b', 'b/c', 'b/c/d.ts', 'b/c.ts', 'b/x', 'b/c.ts/x', 'ü/ñ é.md', 'link', 'vendor/sub', 'vendor/sub/x.txt', 'z/deep', 'nope', 'A.txt'];
      const git = g.run(repo, ['cat-file', '--batch-check'], [first, second].flatMap((c) => asks.map((p) => `${c}:${p}`)).join('\n') + '\n').split('\n');
      const answers = [first, second].flatMap((c) => asks.map((p) => trees.has(c, p)));
      assert.deepEqual(answers.map((a, i) => a ?? !git[i]!.endsWith(' missing')), git.map((l) => !l.endsWith(' missing')));
      assert.deepEqual(answers.flatMap((a, i) => (a === null ? [asks[i % asks.length]] : [])), ['vendor/sub', 'vendor/sub/x.txt', 'vendor/sub', 'vendor/sub/x.txt'], 'only submodules left to git');
      for (const odd of ['./a.txt', 'b/', 'b//c.ts', 'b/../a.txt', '']) assert.equal(trees.has(first, odd), null, odd);
      assert.ok(lsTree(first).includes('vendor/sub') && lsTree(first).includes('ü/ñ é.md'));
      assert.equal(trees.filesAt('0'.repeat(40)), null, 'a commit not in the store: git is asked');
    }
    // A listing that would read more tree objects than its budget is left to git; what was read stays kept, so the
    // next listing goes further, and a commit sharing those folders lists them without reading them again.
    const small = TreeListings.open(join(repo, '.git'), 2);
    assert.ok(small);
    assert.equal(small.filesAt(first), null);
    let tries = 1;
    while (small.filesAt(first) === null && tries < 10) tries++;
    assert.ok(tries > 1 && tries < 10, `${tries} tries`);
    assert.deepEqual(small.filesAt(first), lsTree(first));
    // Past the entries it may keep, the cache starts again: the answers stay git's.
    const forgetful = TreeListings.open(join(repo, '.git'), 1_000, 3);
    assert.ok(forgetful);
    for (const c of [first, second, first]) assert.deepEqual(forgetful.filesAt(c), lsTree(c));
    assert.deepEqual(['a.txt', 'b/c/d.ts', 'nope'].map((p) => forgetful.has(second, p)), [true, false, false]);
  });

  it('deletions before any commit of a history without merges, from one walk, are the walk from that commit\'s', async () => {
    const g = new FixtureGit();
    const repo = join(base, 'before');
    g.run(base, ['init', '-q', repo]);
    const write = (f: string, text: string) => { mkdirSync(join(repo, f, '..'), { recursive: true }); writeFileSync(join(repo, f), text); };
    const body = (k: string) => Array.from({ length: 30 }, (_, i) => `export const ${k}${i} = ${i};\n`).join('');
    for (const f of ['a.ts', 'b.ts', 'c.ts', 'd/e.ts', 'f.ts']) write(f, body(f.replace(/\W/g, '')));
    const anchors = [g.commit(repo, 'start')];
    g.run(repo, ['rm', '-q', 'a.ts']);
    anchors.push(g.commit(repo, 'drop a'));
    write('a.ts', body('again'));
    anchors.push(g.commit(repo, 'a again'));
    g.run(repo, ['mv', 'b.ts', 'b2.ts']);
    anchors.push(g.commit(repo, 'b to b2'));
    g.run(repo, ['mv', 'b2.ts', 'b3.ts']);
    g.run(repo, ['rm', '-q', 'a.ts']);
    anchors.push(g.commit(repo, 'b2 to b3, a dropped again'));
    g.run(repo, ['mv', 'c.ts', 'c2.ts']);
    g.run(repo, ['rm', '-q', '-r', 'd']);
    anchors.push(g.commit(repo, 'c to c2, d dropped'));
    g.run(repo, ['rm', '-q', 'c2.ts']);
    anchors.push(g.commit(repo, 'c2 dropped'));
    g.run(repo, ['checkout', '-q', '-b', 'side', anchors[2]!]); // a branch off the line, no merge: still one line each
    g.run(repo, ['rm', '-q', 'f.ts']);
    g.commit(repo, 'f dropped on the side');
    // A handoff written on the side branch: its history has a deletion HEAD's walk never sees.
    const onSide = g.commit(repo, 'a handoff on the side');
    g.run(repo, ['checkout', '-q', 'main']);

    const provider = new NodeGitProvider();
    const found = await provider.discover(repo, T);
    assert.ok(found.ok);
    const info = found.value;
    // What a run has read before it asks (the walk is used only then): the commits' facts (HEAD's among them), the graph.
    await provider.facts(info, [anchors[0]!], T);
    await provider.graph(info, T);
    const before = provider.runner.spawned;
    const paths = ['a.ts', 'b.ts', 'b2.ts', 'c.ts', 'd', 'd/e.ts', 'f.ts', 'never.ts'];
    const other = new NodeGitProvider();
    const run = (cwd: string, args: string[], token: typeof T, input?: string | StdinFeed, maxBytes?: number, timeoutMs?: number) =>
      other.runner.run({ cwd, args, input, token, timeoutMs: timeoutMs ?? 10_000, maxBytes });
    const deleting = new Set<string>();
    for (const until of [...anchors, onSide]) {
      const fromWalk = await provider.deletions(info, paths, null, T, until);
      if (fromWalk.ok) for (const d of fromWalk.value.deletions) deleting.add(d.sha);
      const own = await findDeletions(run, info, [...paths].sort(), T, until, 10_000);
      assert.ok(fromWalk.ok && own.ok);
      assert.deepEqual(fromWalk.value, own.value, g.run(repo, ['log', '-1', '--format=%s', until]));
    }
    // A walk and its renames per commit asked on its own; one walk, and each deleting commit's renames once, from the provider.
    assert.ok(other.runner.spawned >= anchors.length * 2, `${other.runner.spawned} processes on their own`);
    const deletingCommits = g.run(repo, ['log', '--diff-filter=D', '--no-renames', '--format=%H']).split('\n').length;
    // (The handoff on the side is asked its own way: a walk and its renames.)
    assert.ok(deleting.size > 0 && provider.runner.spawned - before <= 1 + deletingCommits + 2, `${provider.runner.spawned - before} processes for ${deletingCommits} deleting commits`);
  });

  it("the graph's first-parent line after any commit is git's", async () => {
    const g = new FixtureGit();
    const repo = join(base, 'merges');
    g.run(base, ['init', '-q', repo]);
    const write = (f: string, s: string) => writeFileSync(join(repo, f), s);
    write('a.txt', '1\n');
    g.commit(repo, 'root');
    write('a.txt', '2\n');
    g.commit(repo, 'two');
    g.run(repo, ['checkout', '-q', '-b', 'topic']);
    write('b.txt', 't1\n');
    g.commit(repo, 'topic one');
    write('b.txt', 't2\n');
    g.commit(repo, 'topic two');
    g.run(repo, ['checkout', '-q', '-b', 'side', 'HEAD~1']);
    write('c.txt', 'side\n');
    g.commit(repo, 'side only'); // never merged: off HEAD's history
    g.run(repo, ['checkout', '-q', 'main']);
    write('a.txt', '3\n');
    g.commit(repo, 'three');
    g.run(repo, ['merge', '-q', '--no-ff', '-m', 'merge topic', 'topic']);
    write('a.txt', '4\n');
    g.commit(repo, 'four');
    g.run(repo, ['checkout', '-q', '-b', 'later']);
    write('d.txt', 'x\n');
    g.commit(repo, 'later one');
    g.run(repo, ['checkout', '-q', 'main']);
    g.run(repo, ['merge', '-q', '--no-ff', '-m', 'merge later', 'later']);

    const provider = new NodeGitProvider();
    const found = await provider.discover(repo, T);
    assert.ok(found.ok);
    const graph = await provider.graph(found.value, T);
    assert.ok(graph.ok);
    const cg = CommitGraph.of(graph.value);
    const head = g.run(repo, ['rev-parse', 'HEAD']);
    const all = g.run(repo, ['rev-list', '--all']).split('\n');
    assert.equal(all.length, 10);
    for (const since of all) {
      const gits = g.run(repo, ['log', '--first-parent', '--reverse', '--format=%H%x1f%ct%x1f%s', `^${since}`, 'HEAD', '--']);
      const want = gits ? gits.split('\n').map((l) => l.split('\x1f').join(' ')) : [];
      const got = cg.firstParentsSince(since, head)?.map((c) => `${c.sha} ${c.time} ${c.subject}`);
      assert.deepEqual(got, want, `since ${g.run(repo, ['log', '-1', '--format=%s', since])}`);
    }
    // Unknown to the graph: git is asked.
    assert.equal(cg.firstParentsSince('0'.repeat(40), head), null);
    // The line a change since each commit took to HEAD: parent to child all the way, every commit descending from
    // it; git's first-parent line where that holds it, and where the commit is in no history of HEAD.
    const firstLine = new Set(g.run(repo, ['rev-list', '--first-parent', 'HEAD']).split('\n'));
    for (const since of all) {
      const line = cg.lineSince(since, head)?.map((c) => c.sha);
      const subject = g.run(repo, ['log', '-1', '--format=%s', since]);
      const inHead = g.run(repo, ['rev-list', 'HEAD']).split('\n').includes(since);
      if (!inHead || firstLine.has(since)) {
        assert.deepEqual(line, cg.firstParentsSince(since, head)?.map((c) => c.sha), `since ${subject}`);
        continue;
      }
      assert.ok(line && line.length && line[line.length - 1] === head, `since ${subject}`);
      [since, ...line].slice(0, -1).forEach((parent, k) => {
        assert.ok(g.run(repo, ['rev-parse', `${line[k]}^@`]).split('\n').includes(parent), `since ${subject}: ${k}`);
        assert.ok(g.run(repo, ['rev-list', '--ancestry-path', `${since}..${line[k]}`]).split('\n').includes(line[k]!), `since ${subject}: ${k} descends`);
      });
    }
  });
});
