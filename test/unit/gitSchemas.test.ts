// Handoffs are untrusted text: nothing that is not a plain SHA or ref name may reach git as an argument.
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fc from 'fast-check';
import { fullShaSchema, isFullSha, refNameSchema, shaSchema, validRefName, validSha } from '../../src/core/git';
import { NEVER_CANCELLED } from '../../src/core/interfaces';
import { NodeGitProvider } from '../../src/node/gitFacts';
import { buildGitFixture, type GitFixture } from '../fixtures/gitFixture';
import { ModelBuilder } from '../fixtures/git/handoff';
import { check } from '../fixtures/git/harness';

const HOSTILE = ['--upload-pack=x', 'HEAD;rm', 'a..b', '-n', 'abc1234..def5678', 'abc1234^{tree}', 'abc1234~1', 'HEAD', '@{-1}',
  'abc 1234', 'abc1234\n--all', '', 'abc', 'g123456', `${'a'.repeat(41)}`, '$(touch x)', '`id`', 'main@{upstream}'];

describe('git input validation', () => {
  it('a SHA is 4–40 hex digits and nothing else', () => {
    for (const bad of HOSTILE) assert.equal(shaSchema.safeParse(bad).success, false, JSON.stringify(bad));
    for (const good of ['abcd', 'af65598', 'AF65598', '1feec2e9', 'a'.repeat(40)]) assert.equal(validSha(good), good.toLowerCase());
  });

  it('the fast checks (isFullSha, validSha) accept exactly what the schemas accept', () => {
    for (const bad of HOSTILE) assert.equal(validSha(bad), null, JSON.stringify(bad));
    for (const s of [...HOSTILE, 'a'.repeat(40), 'A'.repeat(40), `${'a'.repeat(40)}\n`, 'a'.repeat(39), undefined, null]) {
      assert.equal(isFullSha(s), fullShaSchema.safeParse(s).success, JSON.stringify(s));
    }
    // Strings near the patterns: hex of every length around the bounds, with a stray character or case change.
    const near = fc.tuple(fc.stringMatching(/^[0-9a-fA-F]{0,42}$/), fc.constantFrom('', '\n', ' ', 'g', '-', '\u0660'), fc.nat(44))
      .map(([hex, extra, at]) => hex.slice(0, at) + extra + hex.slice(at));
    fc.assert(fc.property(fc.oneof(near, fc.string()), (s) => {
      assert.equal(isFullSha(s), fullShaSchema.safeParse(s).success);
      const r = shaSchema.safeParse(s);
      assert.equal(validSha(s), r.success ? r.data.toLowerCase() : null);
    }), { seed: 12, numRuns: 3000 });
  });

  it('a ref name is a plain name: no options, ranges, rev syntax or shell', () => {
    const badRefs = ['--upload-pack=x', 'HEAD;rm', 'a..b', '-n', 'abc1234^{tree}', 'abc1234~1', 'HEAD', '@{-1}', 'abc 1234',
      'main\n--all', '', '$(touch x)', '`id`', 'main@{upstream}', '-main', 'x.lock', 'a/.hidden', 'a//b', 'main/', 'main.',
      'feat:x', 'a*', 'a[1]', 'a\\b', 'a?', '/main'];
    for (const bad of badRefs) assert.equal(refNameSchema.safeParse(bad).success, false, JSON.stringify(bad));
    for (const good of ['main', 'feature/x', 'origin/main', 'v1.2.0', 'release-2026_01', 'user+topic']) assert.equal(validRefName(good), good);
  });

  it('the fast check (validRefName) accepts exactly what the ref schema accepts', () => {
    // Names built from the characters the rules turn on: separators, dots, `.lock`, `@`, HEAD, option dashes.
    const piece = fc.constantFrom('a', 'Z', '0', '_', '-', '+', '.', '/', '..', '//', '.lock', 'HEAD', '@', ' ', ':', '~', '\n', 'é');
    const name = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
    const long = fc.integer({ min: 250, max: 260 }).map((n) => 'a'.repeat(n));
    fc.assert(fc.property(fc.oneof(name, long, fc.string()), (s) => {
      const r = refNameSchema.safeParse(s);
      assert.equal(validRefName(s), r.success ? r.data : null, JSON.stringify(s));
    }), { seed: 5, numRuns: 5000 });
    for (const bad of ['HEAD', '@', '', '-x', 'a.lock', 'a/', '.a', 'a..b']) assert.equal(validRefName(bad), null, JSON.stringify(bad));
  });

  describe('hostile mentions never reach git', () => {
    let fx: GitFixture;
    before(() => { fx = buildGitFixture(); });
    after(() => fx.cleanup());

    it('through the check: no argument and no stdin line carries them', async () => {
      const seen: string[] = [];
      const argv: string[] = [];
      const recording = (cmd: string, args: readonly string[], opts: SpawnOptions): ChildProcess => {
        seen.push(...args);
        argv.push(...args);
        const child = spawn(cmd, args as string[], opts);
        const end = child.stdin!.end.bind(child.stdin!);
        child.stdin!.end = ((chunk?: unknown) => { if (typeof chunk === 'string') seen.push(...chunk.split('\n')); return end(chunk as string); }) as typeof end;
        return child;
      };
      const hostile = HOSTILE.filter((h) => h.length > 0);
      const text = hostile.map((h) => `commit ${h} on branch ${h}`).join('\n') + `\ncommit ${fx.shas.parser.slice(0, 7)}\n`;
      const b = new ModelBuilder(text);
      hostile.forEach((h, i) => {
        b.model.commits.push({ sha: h, range: { start: { line: i, character: 7 }, end: { line: i, character: 7 + h.length } }, phase: null, evidence: 'keyword', pushClaim: null, elsewhere: null, subject: null });
        b.model.refs.push({ name: h, kind: 'branch', claim: { sha: h }, range: { start: { line: i, character: 0 }, end: { line: i, character: 1 } }, phase: null });
      });
      b.commit(fx.shas.parser.slice(0, 7), 'keyword');
      const r = await check(b.model, fx.writeHandoff(fx.work, 'HOSTILE.md', text), { git: new NodeGitProvider({ spawn: recording }) });
      assert.deepEqual(r.diagnostics, []);
      assert.deepEqual([...r.commits.keys()], [fx.shas.parser.slice(0, 7)]);
      for (const h of hostile.filter((x) => x !== 'HEAD' && x !== '-n')) assert.ok(!seen.some((s) => s.includes(h)), `${h} reached git`);
      // The lookups that did run got the SHA on stdin (resolved to its full name), not as an argument.
      assert.ok(seen.includes(fx.shas.parser));
      assert.ok(!argv.some((a) => a.includes(fx.shas.parser.slice(0, 7))));
    });

    it('commitDetails and commitPatch refuse them without starting git', async () => {
      const git = new NodeGitProvider();
      const repo = await git.discover(fx.work, NEVER_CANCELLED);
      assert.ok(repo.ok);
      const before = git.runner.spawned;
      for (const h of HOSTILE) {
        assert.equal((await git.commitDetails(repo.value, h, NEVER_CANCELLED)).ok, false);
        assert.equal((await git.commitPatch(repo.value, h, NEVER_CANCELLED)).ok, false);
      }
      assert.equal(git.runner.spawned, before);
    });
  });
});
