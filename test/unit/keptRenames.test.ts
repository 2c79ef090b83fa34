// The renames of deleting commits are asked once per commit for a whole run (renames.ts): the walks of a series'
// anchors find the same deleting commits again, and in a repository with an unreadable object (a partial copy)
// git is not sent into the same unreadable object again and again — while every answer stays the one a question
// asked alone gets: rename detection, or exact renames only for a question holding the unreadable commit.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RepoInfo } from '../../src/core/git/provider';
import { NEVER_CANCELLED as T } from '../../src/core/interfaces';
import { NodeGitProvider } from '../../src/node/gitFacts';
import type { RunGit } from '../../src/node/gitHistory';
import { KeptRenames } from '../../src/node/renames';
import { FixtureGit } from '../fixtures/git/exec';
import { run } from '../../src/cli/main';

describe('renames of deleting commits, kept for a run', function () {
  this.timeout(60_000);
  const g = new FixtureGit();
  let base: string;
  let repo: RepoInfo;
  const c: Record<string, string> = {};
  const asked: string[][] = [];
  let run: RunGit;

  before(async () => {
    base = realpathSync(mkdtempSync(join(tmpdir(), 'kept-renames-')));
    const dir = join(base, 'repo');
    g.run(base, ['init', '-q', dir]);
    const write = (rel: string, text: string) => {
      mkdirSync(join(dir, rel, '..'), { recursive: true });
      writeFileSync(join(dir, rel), text);
    };
    const body = (tag: string) => Array.from({ length: 40 }, (_, i) => `${tag} line ${i}\n`).join('');
    for (const f of ['a', 'b', 'c']) write(`${f}.txt`, body(f));
    g.commit(dir, 'start');
    g.run(dir, ['mv', 'a.txt', 'a2.txt']);
    write('a2.txt', body('a') + 'edited\n');
    c.editedRename = g.commit(dir, 'rename a, edited');
    g.run(dir, ['mv', 'b.txt', 'b2.txt']);
    write('b2.txt', body('b') + 'edited\n');
    c.unreadable = g.commit(dir, 'rename b, edited');
    g.run(dir, ['mv', 'c.txt', 'c2.txt']);
    c.exactRename = g.commit(dir, 'rename c as it is');
    // Lose b's edited blob, as a partial copy of a repository does: that commit's rename detection cannot run.
    const blob = g.run(dir, ['rev-parse', `${c.unreadable}:b2.txt`]);
    rmSync(join(dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    const p = new NodeGitProvider();
    const d = await p.discover(dir, T);
    assert.ok(d.ok);
    repo = d.value;
    run = (cwd, args, token, input, maxBytes, _timeoutMs, partial) => {
      if (args.includes('--no-walk=unsorted')) asked.push([args.find((a) => a.startsWith('-M'))!, ...String(input).trim().split('\n').map((s) => s.slice(0, 7))]);
      return p.runner.run({ cwd, args, token, input, timeoutMs: 10_000, maxBytes, partial });
    };
  });

  after(() => rmSync(base, { recursive: true, force: true }));

  const short = (sha: string) => sha.slice(0, 7);

  it('asks each commit once across questions, one question at a time, with the answers of each asked alone', async () => {
    asked.length = 0;
    const kept = new KeptRenames(run, repo);
    // Two questions at once (two anchors' walks ending together), then one repeating both.
    const [first, second] = await Promise.all([kept.of([c.editedRename!], T), kept.of([c.editedRename!, c.exactRename!], T)]);
    const again = await kept.of([c.exactRename!, c.editedRename!], T);
    for (const r of [first, second, again]) assert.ok(r.ok);
    assert.deepEqual(asked, [['-M', short(c.editedRename!)], ['-M', short(c.exactRename!)]], 'each commit asked once');
    const alone = await new KeptRenames(run, repo).of([c.editedRename!, c.exactRename!], T);
    assert.ok(alone.ok && second.ok && again.ok && first.ok);
    assert.deepEqual([...second.value.renames].sort(), [...alone.value.renames].sort());
    assert.deepEqual([...again.value.renames].sort(), [...alone.value.renames].sort());
    assert.deepEqual([...first.value.renames], [[`${c.editedRename}\0a.txt`, 'a2.txt']]);
    assert.equal(second.value.exactRenamesOnly, false);
  });

  it('an unreadable commit: exact renames for the questions holding it, asked of git once; rename detection for the rest', async () => {
    asked.length = 0;
    const kept = new KeptRenames(run, repo);
    const withIt = [c.unreadable!, c.exactRename!];
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await kept.of(withIt, T));
    const without = await kept.of([c.editedRename!], T);
    for (const r of answers) {
      assert.ok(r.ok);
      assert.equal(r.value.exactRenamesOnly, true);
      assert.deepEqual([...r.value.renames], [[`${c.exactRename}\0c.txt`, 'c2.txt']], 'the exact rename found, the edited one not followed');
    }
    assert.ok(without.ok);
    assert.equal(without.value.exactRenamesOnly, false);
    assert.deepEqual([...without.value.renames], [[`${c.editedRename}\0a.txt`, 'a2.txt']]);
    assert.deepEqual(asked, [
      ['-M', short(c.unreadable!), short(c.exactRename!)],
      ['-M100%', short(c.unreadable!), short(c.exactRename!)],
      ['-M', short(c.editedRename!)],
    ], 'the unreadable object met once; its exact renames asked once');
    // The same answers as a question asked alone (no kept answers).
    const alone = await new KeptRenames(run, repo).of(withIt, T);
    assert.ok(alone.ok);
    assert.deepEqual(alone.value, answers[0]!.ok && answers[0]!.value);
  });
});

describe('renames made on a branch and merged', function () {
  this.timeout(60_000);
  it('a file a merged branch moved is named where it went, not deleted: the merge is read against its first parent', async () => {
    const base = realpathSync(mkdtempSync(join(tmpdir(), 'merged-rename-')));
    try {
      const g = new FixtureGit();
      const dir = join(base, 'repo');
      g.run(base, ['init', '-q', dir]);
      const body = Array.from({ length: 40 }, (_, i) => `export const v${i} = ${i};\n`).join('');
      mkdirSync(join(dir, 'lib'));
      writeFileSync(join(dir, 'lib', 'app.ts'), body);
      writeFileSync(join(dir, 'HANDOFF.md'), '# Handoff\n\nThe entry point is `lib/app.ts`.\n');
      g.commit(dir, 'start');
      g.run(dir, ['checkout', '-q', '-b', 'move']);
      mkdirSync(join(dir, 'src'));
      g.run(dir, ['mv', 'lib/app.ts', 'src/app.ts']);
      g.commit(dir, 'move the app into src/');
      g.run(dir, ['checkout', '-q', 'main']);
      writeFileSync(join(dir, 'notes.txt'), 'meanwhile\n');
      g.commit(dir, 'meanwhile on main');
      g.run(dir, ['merge', '-q', '--no-ff', '-m', 'Merge the move', 'move']);
      g.tick++;
      let out = '';
      await run(['--format', 'json', join(dir, 'HANDOFF.md')], (s) => { out += s; }, () => {});
      const messages = JSON.parse(out).documents[0].diagnostics.filter((d: { code: string }) => d.code === 'missing-file').map((d: { message: string }) => d.message);
      assert.equal(messages.length, 1, JSON.stringify(messages));
      const merge = g.run(dir, ['rev-parse', '--short=7', 'HEAD']);
      assert.equal(messages[0], `lib/app.ts was renamed to src/app.ts in ${merge}, after this handoff`, 'not "deleted in the merge"');
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});

