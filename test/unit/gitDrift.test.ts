// Breadcrumbs that survive edits, over real repositories: a handoff committed with `file:line` breadcrumbs, then
// lines inserted above (committed and in the work tree), deleted, edited, a file renamed with edits, one deleted.
// Each cited line is mapped to where it is now (facts `drift`), the cited files that changed are listed
// (`changedSince`), and line-out-of-range measures the line where it is now. The object store spares the diff
// when nothing changed, and an edit of the handoff starts no process.
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileFact } from '../../src/core/facts/types';
import { NEVER_CANCELLED as T } from '../../src/core/interfaces';
import { NodeGitProvider } from '../../src/node/gitFacts';
import { ObjectReader } from '../../src/node/objectRead';
import { FixtureGit } from '../fixtures/git/exec';
import { ModelBuilder } from '../fixtures/git/handoff';
import { check, settings } from '../fixtures/git/harness';

const s7 = (sha: string) => sha.slice(0, 7);
const lines = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `// ${tag} ${i + 1}\n`).join('');
const without = (text: string, from: number, to: number) => text.split('\n').filter((_, i) => i + 1 < from || i + 1 > to).join('\n');

/** A provider whose git processes are recorded by subcommand. */
function counting(): { git: NodeGitProvider; calls: string[] } {
  const calls: string[] = [];
  const spawnFn = (cmd: string, args: readonly string[], opts: SpawnOptions): ChildProcess => {
    calls.push(args.find((a, i) => i > 0 && !a.startsWith('-') && args[i - 1] !== '-c') ?? '?');
    return spawn(cmd, args as string[], opts);
  };
  return { git: new NodeGitProvider({ spawn: spawnFn }), calls };
}

const driftOf = (f: FileFact | undefined) => (f && (f.kind === 'found' || f.kind === 'gone') && f.drift
  ? `${f.drift.path}:${f.drift.from.line}${f.drift.from.endLine ? `-${f.drift.from.endLine}` : ''} → ${f.drift.to.line}${f.drift.to.endLine ? `-${f.drift.to.endLine}` : ''} ${f.drift.status}`
  : null);

describe('breadcrumbs that survive edits (real git)', () => {
  let base: string;
  let dir: string;
  let g: FixtureGit;
  let anchor: string;
  let later: string;
  const crumbs = ['src/app.ts:20', 'src/small.ts:45', 'src/tail.ts:48', 'src/typo.ts:99', 'src/old.ts:15', 'src/same.ts:4', 'src/gone.ts:3', 'src/range.ts:10-12', 'src/app.ts'];
  const text = ['# Handoff', '', ...crumbs.map((c) => `- \`${c}\``), ''].join('\n');
  const write = (rel: string, body: string) => {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), body);
  };
  const model = (body = text, cited = crumbs) => {
    const b = new ModelBuilder(body);
    for (const c of cited) b.file(c);
    return b.model;
  };

  before(function () {
    this.timeout(60_000);
    base = realpathSync(mkdtempSync(join(tmpdir(), 'hn-drift-')));
    dir = join(base, 'repo');
    g = new FixtureGit();
    g.run(base, ['init', '-q', dir]);
    for (const [f, n] of [['app', 30], ['small', 50], ['tail', 50], ['typo', 10], ['old', 20], ['same', 10], ['gone', 10], ['range', 30]] as const) {
      write(`src/${f}.ts`, lines(n, f));
    }
    write('HANDOFF.md', text);
    anchor = g.commit(dir, 'Handoff');
    write('src/app.ts', lines(5, 'above') + lines(30, 'app'));
    write('src/small.ts', without(lines(50, 'small'), 1, 20));
    write('src/tail.ts', without(lines(50, 'tail'), 41, 50));
    write('src/typo.ts', lines(2, 'above') + lines(10, 'typo'));
    rmSync(join(dir, 'src/old.ts'));
    write('src/lib/new.ts', lines(3, 'above') + lines(20, 'old'));
    rmSync(join(dir, 'src/gone.ts'));
    write('src/range.ts', without(lines(30, 'range'), 11, 12));
    later = g.commit(dir, 'Work after the handoff');
    // Not committed: two more lines above the cited one.
    write('src/app.ts', lines(2, 'uncommitted') + lines(5, 'above') + lines(30, 'app'));
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  it('maps each cited line to where it is now, through commits and the work tree', async () => {
    const r = await check(model(), join(dir, 'HANDOFF.md'));
    assert.equal(r.facts.anchor?.sha, anchor);
    assert.deepEqual(r.facts.files.map(driftOf), [
      'src/app.ts:20 → 27 moved', // 5 lines above committed, 2 more in the work tree
      'src/small.ts:45 → 25 moved',
      'src/tail.ts:48 → 41 deleted', // where it was: one past the new end
      null, // past the end then: not a line the file had at the anchor, so no diff says where it is now
      'src/old.ts:15 → 18 moved', // renamed to src/lib/new.ts with 3 lines above
      null, // unchanged
      null, // deleted: nothing to map to
      'src/range.ts:10-12 → 10 changed', // 11–12 deleted
      null, // no line
    ]);
    const moved = r.facts.files[4]!;
    assert.ok(moved.kind === 'gone' && moved.movedTo === join(dir, 'src/lib/new.ts'));
  });

  it('line-out-of-range measures the line where it is now: moved lines are drift, deleted ones news, typos still warned', async () => {
    const r = await check(model(), join(dir, 'HANDOFF.md'));
    assert.deepEqual(r.diagnostics.filter((d) => d.code === 'line-out-of-range').map((d) => `${d.severity} ${d.message}`), [
      `information src/tail.ts: line 48 was deleted since this handoff (${s7(anchor)})`,
      // Past the end when written too: judged as written (it was 'line 99 (line 101 now)', a place no diff can give).
      'warning src/typo.ts: line 99 is past the end of the file (12 lines)',
    ]);
    // Without the mapping, src/small.ts:45 (30 lines now) and src/tail.ts:48 (40) were warnings.
    assert.ok(!r.diagnostics.some((d) => d.message.startsWith('src/small.ts')));
    assert.deepEqual(r.diagnostics.filter((d) => d.code === 'missing-file').map((d) => d.message), [
      `src/old.ts was renamed to src/lib/new.ts in ${s7(later)}, after this handoff`,
      `src/gone.ts was deleted in ${s7(later)} (Work after the handoff), after this handoff`,
    ]);
  });

  it('lists the cited files that changed since, each once with the breadcrumbs citing it', async () => {
    const r = await check(model(), join(dir, 'HANDOFF.md'));
    assert.deepEqual(r.facts.changedSince?.map((c) => `${c.kind} ${c.path}${c.now && c.now !== c.path ? ` → ${c.now}` : ''} +${c.added}-${c.removed} [${c.crumbs.join(',')}]`), [
      'modified src/app.ts +7-0 [0,8]',
      'modified src/small.ts +0-20 [1]',
      'modified src/tail.ts +0-10 [2]',
      'modified src/typo.ts +2-0 [3]',
      'renamed src/old.ts → src/lib/new.ts +3-0 [4]',
      'deleted src/gone.ts +0-10 [6]',
      'modified src/range.ts +0-2 [7]',
    ]);
  });

  it('an edited handoff maps only the lines it had when committed; a breadcrumb added since names today\'s lines', async () => {
    const edited = text.replace('- `src/same.ts:4`', '- `src/same.ts:4`\n- new today: `src/app.ts:3`');
    const cited = [...crumbs, 'src/app.ts:3'];
    const { git, calls } = counting();
    const first = await check(model(text), join(dir, 'HANDOFF.md'), { git, text });
    const before = calls.length;
    const r = await check(model(edited, cited), join(dir, 'HANDOFF.md'), { git, text: edited });
    assert.equal(r.facts.anchor?.how, 'last-change');
    assert.equal(driftOf(r.facts.files[0]), 'src/app.ts:20 → 27 moved');
    assert.equal(driftOf(r.facts.files[9]), null, 'written against today\'s file');
    assert.deepEqual(calls.slice(before), [], 'the edit started git (its committed text is read from the object store)');
    assert.ok(first.facts.changedSince?.length);
  });

  describe('no process when nothing changed', () => {
    let clean: string;
    before(function () {
      this.timeout(30_000);
      clean = join(base, 'clean');
      g.run(base, ['init', '-q', clean]);
      mkdirSync(join(clean, 'src'));
      writeFileSync(join(clean, 'src/app.ts'), lines(30, 'app'));
      writeFileSync(join(clean, 'src/b.ts'), lines(10, 'b'));
      writeFileSync(join(clean, 'HANDOFF.md'), '# H\n\n- `src/app.ts:20`\n- `src/b.ts:2`\n');
      g.commit(clean, 'Handoff');
    });
    const cleanModel = () => new ModelBuilder('# H\n\n- `src/app.ts:20`\n- `src/b.ts:2`\n').file('src/app.ts:20').file('src/b.ts:2').model;

    for (const packed of [false, true]) {
      it(`asks no diff when the files are as the handoff's commit has them (${packed ? 'packed, deltas' : 'loose objects'})`, async () => {
        if (packed) g.run(clean, ['gc', '-q', '--aggressive']);
        const { git, calls } = counting();
        const r = await check(cleanModel(), join(clean, 'HANDOFF.md'), { git });
        assert.deepEqual(r.facts.changedSince, []);
        assert.ok(!calls.includes('diff'), calls.join(', '));
        // An uncommitted edit of a cited file is a change: one diff, then none again while nothing moves.
        writeFileSync(join(clean, 'src/app.ts'), lines(3, 'new') + lines(30, 'app'));
        try {
          const edited = await check(cleanModel(), join(clean, 'HANDOFF.md'), { git });
          assert.equal(driftOf(edited.facts.files[0]), 'src/app.ts:20 → 23 moved');
          assert.equal(calls.filter((c) => c === 'diff').length, 1);
          const count = calls.length;
          await check(cleanModel(), join(clean, 'HANDOFF.md'), { git });
          assert.equal(calls.length, count, 'a second analysis of the same work tree started git');
        } finally {
          writeFileSync(join(clean, 'src/app.ts'), lines(30, 'app'));
        }
      });
    }
  });

  it('the object store is read as git reads it: blobs at a commit and their texts, loose and packed with deltas', async function () {
    this.timeout(30_000);
    const store = join(base, 'store');
    g.run(base, ['init', '-q', store]);
    mkdirSync(join(store, 'a/b'), { recursive: true });
    const shas: string[] = [];
    for (let i = 0; i < 6; i++) {
      writeFileSync(join(store, 'a/b/big.txt'), lines(400 + i * 3, `v${i % 2}`) + `tail ${i}\n`);
      writeFileSync(join(store, 'top.md'), `# top ${i}\n`);
      shas.push(g.commit(store, `c${i}`));
    }
    const paths = ['a/b/big.txt', 'top.md', 'a/missing.txt', 'a/b'];
    const expected = (sha: string) => paths.map((p) => {
      try { return g.run(store, ['rev-parse', '--verify', '-q', `${sha}:${p}`]); } catch { return null; }
    });
    for (const phase of ['loose', 'packed']) {
      if (phase === 'packed') g.run(store, ['gc', '-q', '--aggressive']);
      const reader = ObjectReader.open(join(store, '.git'))!;
      assert.ok(reader);
      for (const sha of shas) {
        const blobs = reader.blobsAt(sha, paths)!;
        const want = expected(sha);
        // A folder is no file: null, like a path not there.
        assert.deepEqual(paths.map((p) => blobs.get(p)), [want[0], want[1], null, null], `${phase} ${sha}`);
        assert.equal(reader.read(want[0]!)!.data.toString('utf8'), g.run(store, ['cat-file', 'blob', want[0]!]) + '\n');
      }
      const texts = await new NodeGitProvider().textsAt({ root: store, gitDir: join(store, '.git'), commonDir: join(store, '.git'), shallow: false, head: { kind: 'branch', name: 'main' } }, shas[2]!, ['top.md', 'nope.md'], T);
      assert.ok(texts.ok);
      assert.deepEqual([...texts.value], [['top.md', '# top 2\n'], ['nope.md', null]]);
    }
  });

  it('handoff-behind: off by default; on, it reports a handoff the branch is more commits past than the limit', async function () {
    this.timeout(60_000);
    const far = join(base, 'far');
    g.run(base, ['init', '-q', far]);
    writeFileSync(join(far, 'HANDOFF.md'), '# Far handoff\n');
    const written = g.commit(far, 'Handoff');
    for (let i = 0; i < 60; i++) g.commit(far, `work ${i}`);
    const m = new ModelBuilder('# Far handoff\n').model;
    m.phases.push({ kind: 'section', label: 'Far handoff', title: 'Far handoff', name: 'Far handoff', date: null, status: null, level: 1, range: { start: { line: 0, character: 2 }, end: { line: 0, character: 13 } }, sectionRange: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, inferred: false, children: [] });
    const path = join(far, 'HANDOFF.md');
    assert.deepEqual((await check(m, path)).diagnostics, []);
    const on = await check(m, path, { settings: settings({ 'handoff-behind': 'warning' }) });
    assert.deepEqual(on.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.severity} ${d.code}: ${d.message}`), [
      `0:2 warning handoff-behind: main is 60 commits past this handoff (${s7(written)}), more than 50`,
    ]);
    const relaxed = await check(m, path, { settings: settings({ 'handoff-behind': 'warning' }, { handoffBehindCommits: 60 }) });
    assert.deepEqual(relaxed.diagnostics, []);
  });
});
