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
import { NodeGitProvider } from '../../src/node/gitFacts';

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
    assert.deepEqual(a.calls, ['rev-parse', 'for-each-ref', 'cat-file', 'log']);

    const small = handoff(6, 2, 2); // 10 SHAs, same mix
    const b = countingProvider();
    await check(small.model, small.path, { git: b.git });
    assert.deepEqual(b.calls, a.calls);
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
    assert.deepEqual(p.calls.slice(first), ['for-each-ref', 'cat-file', 'log']);
    assert.equal(after.diagnostics.filter((d) => d.code === 'unpushed-commit').length, 0);
    new FixtureGit().run(repo, ['push', '-q', '--force', 'origin', `${shas[179]}:refs/heads/main`]);
  });
});
