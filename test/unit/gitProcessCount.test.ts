// The batch design, measured: the number of git processes per analysis is a small constant that does not grow
// with the number of SHAs a handoff cites, and a re-analysis of an unchanged repository starts none.
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { join } from 'node:path';
import { buildGitFixture, type GitFixture } from '../fixtures/gitFixture';
import { FixtureGit } from '../fixtures/git/exec';
import { ModelBuilder } from '../fixtures/git/handoff';
import { writeLinearHistory } from '../fixtures/git/manyCommits';
import { check } from '../fixtures/git/harness';
import { NEVER_CANCELLED as T } from '../../src/core/interfaces';
import { NodeGitProvider, type NodeGitProviderOptions } from '../../src/node/gitFacts';
import { createLanguageService } from '../../src/core/service';
import { createNodeGitCheck } from '../../src/node/cliGit';

/** A real spawn behind a counter that records each git subcommand. */
function countingProvider(): { git: NodeGitProvider; calls: string[] } {
  const calls: string[] = [];
  const counted = (cmd: string, args: readonly string[], opts: SpawnOptions): ChildProcess => {
    calls.push(args.find((a, i) => i > 0 && !a.startsWith('-') && args[i - 1] !== '-c') ?? '?');
    return spawn(cmd, args as string[], opts);
  };
  return { git: new NodeGitProvider({ spawn: counted }), calls };
}

describe('git process count', () => {
  let fx: GitFixture;
  let repo: string;
  let shas: string[];
  before(function () {
    this.timeout(60_000);
    fx = buildGitFixture();
    const g = new FixtureGit();
    repo = join(fx.base, 'many');
    const origin = join(fx.base, 'many.git');
    g.run(fx.base, ['init', '-q', '--bare', origin]);
    g.run(fx.base, ['init', '-q', repo]);
    shas = writeLinearHistory(g, repo, 230);
    g.run(repo, ['remote', 'add', 'origin', origin]);
    g.run(repo, ['push', '-q', 'origin', `${shas[179]}:refs/heads/main`]); // 180 pushed, 50 local only
  });
  after(() => fx.cleanup());

  /** A handoff citing the first `pushed` pushed SHAs, `local` unpushed ones and `absent` that do not exist. */
  function handoff(pushed: number, local: number, absent: number) {
    const cited = [...shas.slice(0, pushed), ...shas.slice(180, 180 + local)].map((s) => s.slice(0, 10));
    const missing = Array.from({ length: absent }, (_, i) => `f0f0${(0x100000 + i).toString(16)}`);
    const text = [...cited, ...missing].map((s) => `- commit ${s}`).join('\n') + '\n';
    const b = new ModelBuilder(text);
    for (const s of [...cited, ...missing]) b.commit(s, 'keyword');
    return { model: b.model, path: fx.writeHandoff(repo, 'HANDOFF.md', text) };
  }

  it('200 SHAs cost the same few processes as 10', async () => {
    const big = handoff(150, 40, 10); // 200 SHAs
    const a = countingProvider();
    const r = await check(big.model, big.path, { git: a.git });
    assert.equal(r.diagnostics.filter((d) => d.code === 'unpushed-commit').length, 40);
    assert.equal(r.diagnostics.filter((d) => d.code === 'unknown-commit').length, 10);
    assert.equal(r.diagnostics.length, 50);
    // Discovery and every SHA's name and type are read from disk: the reachability log and for-each-ref remain,
    // then the handoff's own commit (one log; it is not committed) and one message search for the unknown SHAs.
    assert.deepEqual(a.calls, ['log', 'for-each-ref', 'log', 'log']);

    const small = handoff(6, 2, 2); // 10 SHAs, same mix
    const b = countingProvider();
    await check(small.model, small.path, { git: b.git });
    assert.deepEqual(b.calls, a.calls);
  });

  it('1,000 SHAs through a fresh provider: at most 4 processes, as many as 10 SHAs, whichever way names are resolved', async function () {
    this.timeout(60_000);
    const g = new FixtureGit();
    const big = join(fx.base, 'thousand');
    const bigOrigin = join(fx.base, 'thousand.git');
    g.run(fx.base, ['init', '-q', '--bare', bigOrigin]);
    g.run(fx.base, ['init', '-q', big]);
    const all = writeLinearHistory(g, big, 1100);
    g.run(big, ['remote', 'add', 'origin', bigOrigin]);
    g.run(big, ['push', '-q', 'origin', `${all[1049]}:refs/heads/main`]); // the last 50 unpushed
    const cited = all.slice(0, 1000).map((s) => s.slice(0, 10));
    class ViaGit extends NodeGitProvider {
      protected override objectsOnDisk() { return null; }
    }
    for (const make of [(o: NodeGitProviderOptions) => new NodeGitProvider(o), (o: NodeGitProviderOptions) => new ViaGit(o)]) {
      const counts: string[][] = [];
      for (const shas of [cited, cited.slice(-10)]) {
        const calls: string[] = [];
        const git = make({ spawn: (cmd, args, opts) => { calls.push(args.find((a, i) => i > 0 && !a.startsWith('-') && args[i - 1] !== '-c') ?? '?'); return spawn(cmd, args as string[], opts); } });
        const d = await git.discover(big, T);
        assert.ok(d.ok);
        const f = await git.facts(d.value, shas, T);
        assert.ok(f.ok);
        assert.ok([...f.value.shas.values()].every((l) => l.status === 'found' && l.reach === 'remote'));
        counts.push(calls);
      }
      assert.ok(counts[0]!.length <= 4, counts[0]!.join(', '));
      assert.deepEqual(counts[0], counts[1]);
    }
  });

  it('an edit of a committed handoff starts no git process: its anchor is the last version, its text in no commit', async () => {
    const g = new FixtureGit();
    const text = `# Handoff\n\n- commit ${shas[10]!.slice(0, 10)}\n- main pushed, see \`src/nowhere.ts\`\n`;
    const path = fx.writeHandoff(repo, 'docs/EDITED.md', text);
    g.run(repo, ['add', 'docs/EDITED.md']);
    const committed = g.commit(repo, 'handoff');
    try {
      const git = createNodeGitCheck();
      const service = createLanguageService({ git: git.check, files: git.files });
      const first = await service.analyze({ path, version: 1, text });
      assert.equal(first.facts?.anchor?.sha, committed);
      const before = git.provider.runner.spawned;
      const edited = await service.analyze({ path, version: 2, text: text.replace('Handoff', 'Handoff!') });
      assert.equal(git.provider.runner.spawned, before, 'the edit started git');
      assert.deepEqual([edited.facts?.anchor?.sha, edited.facts?.anchor?.how], [committed, 'last-change']);
    } finally {
      g.run(repo, ['reset', '-q', '--hard', 'HEAD~1']);
    }
  });

  it('an edit of a handoff whose cited lines moved since starts no git process either: the mapping is kept', async () => {
    const g = new FixtureGit();
    const dir = join(fx.base, 'moved-lines');
    g.run(fx.base, ['init', '-q', dir]);
    const body = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `// ${tag} ${i + 1}\n`).join('');
    fx.writeHandoff(dir, 'src/app.ts', body(30, 'app'));
    const text = '# Handoff\n\nThe bug is at `src/app.ts:20`.\n';
    const path = fx.writeHandoff(dir, 'HANDOFF.md', text);
    g.commit(dir, 'Handoff');
    fx.writeHandoff(dir, 'src/app.ts', body(4, 'above') + body(30, 'app'));
    g.commit(dir, 'Four lines above');
    const git = createNodeGitCheck();
    const service = createLanguageService({ git: git.check, files: git.files });
    const first = await service.analyze({ path, version: 1, text });
    const fact = first.facts?.files[0];
    assert.equal(fact?.kind === 'found' ? fact.drift?.to.line : null, 24);
    const before = git.provider.runner.spawned;
    const edited = await service.analyze({ path, version: 2, text: text.replace('# Handoff', '# Handoff, edited') });
    assert.equal(git.provider.runner.spawned, before, 'the edit started git');
    const still = edited.facts?.files[0];
    assert.equal(still?.kind === 'found' ? still.drift?.to.line : null, 24, 'an unchanged line of the committed text is still mapped');
  });

  it('the graph is asked beside the SHA facts, not after them, and takes the pull-request heads from their refs', async () => {
    const text = `- main is at ${shas[200]!.slice(0, 10)}\n- commit ${shas[3]!.slice(0, 10)}\n`;
    const b = new ModelBuilder(text).ref('main', 'branch', { sha: shas[200]!.slice(0, 10) }, 0).commit(shas[3]!.slice(0, 10), 'keyword');
    const path = fx.writeHandoff(repo, 'REFS.md', text);
    const events: string[] = [];
    const timed = (cmd: string, args: readonly string[], opts: SpawnOptions): ChildProcess => {
      const what = args.includes('--all') ? 'graph' : args.includes('for-each-ref') ? 'refs' : args.includes('--ignore-missing') ? 'reach' : 'other';
      events.push(`start ${what}`);
      const child = spawn(cmd, args as string[], opts);
      child.once('close', () => events.push(`end ${what}`));
      return child;
    };
    const r = await check(b.model, path, { git: new NodeGitProvider({ spawn: timed }) });
    assert.ok(r.facts?.refs.length, 'the ref claim was judged');
    assert.equal(events.filter((e) => e === 'start refs').length, 1, `one for-each-ref for refs and pull requests: ${events.join(', ')}`);
    assert.ok(events.indexOf('start graph') < events.indexOf('end reach'), `the graph waited for the SHA facts: ${events.join(', ')}`);
  });

  it('an unchanged repository is answered from the cache; a new commit invalidates it', async () => {
    const h = handoff(150, 40, 10);
    const p = countingProvider();
    await check(h.model, h.path, { git: p.git });
    const first = p.calls.length;
    const again = await check(h.model, h.path, { git: p.git });
    assert.equal(p.calls.length, first, 'a second analysis started git processes');
    assert.equal(again.diagnostics.length, 50);

    // Move main: the 40 "unpushed" commits get pushed. The state key changes, so the facts are asked again.
    new FixtureGit().run(repo, ['push', '-q', 'origin', 'main']);
    const after = await check(h.model, h.path, { git: p.git });
    assert.deepEqual(p.calls.slice(first), ['log', 'for-each-ref', 'log', 'log']);
    assert.equal(after.diagnostics.filter((d) => d.code === 'unpushed-commit').length, 0);
    new FixtureGit().run(repo, ['push', '-q', '--force', 'origin', `${shas[179]}:refs/heads/main`]);
  });
});
