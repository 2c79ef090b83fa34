// The git check must not throw on any model: random (seeded) mentions of every kind, valid and not, against a
// real repository. Every diagnostic it returns carries a known code and the range of an input item.
import { strict as assert } from 'node:assert';
import { RULE_CODES, type CommitEvidence, type HandoffModel, type Range, type RefKind } from '../../src/core/model';
import { buildGitFixture, type GitFixture } from '../fixtures/gitFixture';
import { emptyModel } from '../fixtures/git/handoff';
import { check } from '../fixtures/git/harness';

/** Small deterministic PRNG (mulberry32), so a failure reproduces. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('git check robustness', () => {
  let fx: GitFixture;
  before(() => { fx = buildGitFixture(); });
  after(() => fx.cleanup());

  it('random models never make it throw', async function () {
    this.timeout(60_000);
    const r = rng(42);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    const shas = [...Object.values(fx.shas), fx.absentSha, fx.ambiguous.prefix];
    const tokens = [...shas, ...shas.map((s) => s.slice(0, 4 + Math.floor(r() * 8))), '--all', 'HEAD', 'a..b', '', 'zz', '0'.repeat(40), '\u0000', '🙂'];
    const names = ['main', 'release/1.0', 'spike', 'v1.0.0', 'origin/main', 'origin/release/1.0', '-x', 'a..b', '', 'HEAD', 'gone', 'refs/heads/main'];
    const paths = ['src/app.ts', 'index.ts', 'src/old/helper.ts', '../x', '/abs', '', '.', 'vendor/lib', 'vendor/lib/lib.c', 'README.md'];
    const evidences: CommitEvidence[] = ['column', 'keyword', 'range', 'log-line', 'ref-claim', 'front-matter', 'bare'];
    const kinds: RefKind[] = ['branch', 'tag', 'remote'];
    const ranges = new Set<string>();
    const range = (i: number): Range => {
      const rg = { start: { line: i, character: 0 }, end: { line: i, character: 1 + Math.floor(r() * 9) } };
      ranges.add(JSON.stringify(rg));
      return rg;
    };
    for (let round = 0; round < 12; round++) {
      const model: HandoffModel = emptyModel();
      let line = 0;
      for (let i = 0; i < 15; i++) model.commits.push({ sha: pick(tokens), range: range(line++), phase: null, evidence: pick(evidences), pushClaim: null, elsewhere: null, subject: null });
      for (let i = 0; i < 6; i++) {
        model.refs.push({ name: pick(names), kind: pick(kinds), claim: r() < 0.5 ? { sha: pick(tokens) } : { pushed: r() < 0.5 }, range: range(line++), phase: null });
      }
      for (let i = 0; i < 8; i++) {
        const ln = r() < 0.5 ? null : Math.floor(r() * 100) - 10;
        model.files.push({ path: pick(paths), line: ln, endLine: r() < 0.3 ? Math.floor(r() * 100) : null, column: null, symbol: null,
          external: r() < 0.1, range: range(line++), phase: null, source: 'code', qualifier: null, folderHint: null });
      }
      const repo = pick([fx.work, fx.detached, fx.shallow, fx.solo, fx.corrupt, fx.plain]);
      const result = await check(model, fx.writeHandoff(repo, `fuzz-${round}.md`, ''));
      // checkAgainstGit catches a throwing rule and turns it into this notice: that must never happen either.
      assert.ok(!result.notices.some((n) => n.startsWith('git check failed')), result.notices.join('\n'));
      for (const d of result.diagnostics) {
        assert.ok((RULE_CODES as readonly string[]).includes(d.code), d.code);
        assert.ok(ranges.has(JSON.stringify(d.range)), 'a diagnostic at a range that was not in the input');
        assert.ok(d.message.length > 0);
      }
    }
  });
});
