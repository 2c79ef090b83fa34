// Claims judged against the handoff's moment, over real repositories: a branch claim thousands of commits deep,
// a force-pushed branch, the handoff's own commit moving main, claims in the document's history part, push claims
// before and after the anchor, a clone that has a branch only as origin/<name>, commits claimed pushed or not, and
// what git can tell of a commit on no branch (squash-merged through a pull request, only under a pull-request
// ref, a submodule's commit).
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Range } from '../../src/core/model';
import { FixtureGit } from '../fixtures/git/exec';
import { ModelBuilder, rangeOf } from '../fixtures/git/handoff';
import { writeLinearHistory } from '../fixtures/git/manyCommits';
import { check } from '../fixtures/git/harness';
import { buildGitFixture, type GitFixture } from '../fixtures/gitFixture';

const s7 = (sha: string) => sha.slice(0, 7);

describe('claims against the handoff\'s moment (real git)', () => {
  let fx: GitFixture;
  before(function () {
    this.timeout(60_000);
    fx = buildGitFixture();
  });
  after(() => fx.cleanup());

  /** A work repository with a bare origin; `main` pushed. */
  function repoWithOrigin(name: string) {
    const g = new FixtureGit();
    const dir = join(fx.base, name);
    const origin = join(fx.base, `${name}.git`);
    g.run(fx.base, ['init', '-q', '--bare', origin]);
    g.run(fx.base, ['init', '-q', dir]);
    g.run(dir, ['remote', 'add', 'origin', origin]);
    const write = (rel: string, body: string) => {
      mkdirSync(join(dir, rel, '..'), { recursive: true });
      writeFileSync(join(dir, rel), body);
    };
    return { g, dir, origin, write };
  }

  it('a claimed commit 1,500 commits back in main\'s history holds: no window', async function () {
    this.timeout(60_000);
    const r = repoWithOrigin('deep');
    const shas = writeLinearHistory(r.g, r.dir, 1600);
    r.g.run(r.dir, ['push', '-q', '-u', 'origin', 'main']);
    const text = `main at \`${s7(shas[10]!)}\`\n`;
    const b = new ModelBuilder(text).commit(s7(shas[10]!), 'ref-claim').ref('main', 'branch', { sha: s7(shas[10]!) });
    const res = await check(b.model, join(r.dir, 'HANDOFF.md'), { text });
    assert.deepEqual(res.diagnostics, []);
    assert.deepEqual(res.facts.refs[0], { kind: 'moved', ref: 'main', now: shas[1599], since: 1589 });
  });

  it('a force-pushed branch contradicts the claim; the handoff\'s own commit moving main does not; history is never stale', async () => {
    const r = repoWithOrigin('rewrite');
    r.write('a.txt', '1\n');
    r.g.commit(r.dir, 'one');
    r.write('a.txt', '2\n');
    const two = r.g.commit(r.dir, 'two');
    // The handoff says main is at `two`, and is committed right after it: main moved only by the handoff itself.
    const text = ['# Handoff', '', `main at \`${s7(two)}\``, '', '## 2026-01-01 (older entry)', '', `main at \`${s7(two)}\``, ''].join('\n');
    r.write('HANDOFF.md', text);
    const handoff = r.g.commit(r.dir, 'handoff');
    r.g.run(r.dir, ['push', '-q', '-u', 'origin', 'main']);
    const claims = () => new ModelBuilder(text).ref('main', 'branch', { sha: s7(two) }, 0).ref('main', 'branch', { sha: s7(two) }, 1);
    const ok = await check(claims().model, join(r.dir, 'HANDOFF.md'));
    assert.deepEqual(ok.diagnostics, []);
    assert.deepEqual(ok.facts.refs[0], { kind: 'moved', ref: 'main', now: handoff, since: 0 });
    assert.deepEqual(ok.facts.freshness, { sinceAnchor: 0, days: 0, branch: 'main' });

    // Rewrite main under the handoff: `two` is no longer in its history.
    r.g.run(r.dir, ['reset', '-q', '--hard', 'HEAD~2']);
    r.write('b.txt', 'other\n');
    r.write('HANDOFF.md', text);
    const other = r.g.commit(r.dir, 'another way');
    r.g.run(r.dir, ['push', '-q', '--force', 'origin', 'main']);
    const m = claims().model;
    const bad = await check(m, join(r.dir, 'HANDOFF.md'));
    assert.deepEqual(bad.diagnostics.map((d) => `${d.range.start.line} ${d.severity} ${d.message}`), [
      `2 warning Branch main does not contain ${s7(two)}: main is at ${s7(other)} and ${s7(two)} is not in its history (rewritten or force-pushed?)`,
      `6 warning Branch main does not contain ${s7(two)}: main is at ${s7(other)} and ${s7(two)} is not in its history (rewritten or force-pushed?)`,
    ]);
    // The second claim sits in an older dated entry: history, never stale.
    const history: Range = { start: { line: 4, character: 0 }, end: { line: 7, character: 0 } };
    const withHistory = await check({ ...m, history: [history] }, join(r.dir, 'HANDOFF.md'));
    assert.deepEqual(withHistory.diagnostics.map((d) => d.range.start.line), [2]);
  });

  it('a push claim is judged for the commits of its moment: later local commits do not make it false', async () => {
    const r = repoWithOrigin('pushes');
    r.write('a.txt', '1\n');
    r.g.commit(r.dir, 'one');
    r.g.run(r.dir, ['push', '-q', '-u', 'origin', 'main']);
    const text = 'Branch `main` pushed to origin.\n';
    r.write('HANDOFF.md', text);
    r.g.commit(r.dir, 'handoff'); // the handoff's own commit is not pushed: it is the moment, not a claim about it
    r.write('a.txt', '2\n');
    r.g.commit(r.dir, 'later work');
    const m = new ModelBuilder(text).ref('main', 'branch', { pushed: true }).model;
    assert.deepEqual((await check(m, join(r.dir, 'HANDOFF.md'))).diagnostics, []);

    // Unpushed work from before the handoff makes the claim false.
    const r2 = repoWithOrigin('pushes2');
    r2.write('a.txt', '1\n');
    r2.g.commit(r2.dir, 'one');
    r2.g.run(r2.dir, ['push', '-q', '-u', 'origin', 'main']);
    r2.write('a.txt', '2\n');
    r2.g.commit(r2.dir, 'not pushed');
    r2.write('HANDOFF.md', text);
    r2.g.commit(r2.dir, 'handoff');
    const res = await check(m, join(r2.dir, 'HANDOFF.md'));
    assert.deepEqual(res.diagnostics.map((d) => `${d.severity} ${d.message}`),
      ['warning Branch main is not pushed, though the handoff says it is: 1 commit from before this handoff is not on origin/main']);
  });

  it('a clone that has a branch only as origin/<name>: claims about it are judged there', async () => {
    const r = repoWithOrigin('upstream');
    r.write('a.txt', '1\n');
    r.g.commit(r.dir, 'one');
    r.g.run(r.dir, ['checkout', '-q', '-b', 'feat/x']);
    r.write('b.txt', 'x\n');
    const feat = r.g.commit(r.dir, 'feature work');
    r.g.run(r.dir, ['push', '-q', 'origin', 'main', 'feat/x']);
    const clone = join(fx.base, 'upstream-clone');
    r.g.run(fx.base, ['clone', '-q', r.origin, clone]);
    const text = `\`feat/x\` at \`${s7(feat)}\`, still local-only.\n`;
    const m = new ModelBuilder(text).ref('feat/x', 'branch', { sha: s7(feat) }).ref('feat/x', 'branch', { pushed: false }, 0).model;
    const res = await check(m, fx.writeHandoff(clone, 'HANDOFF.md', text));
    assert.deepEqual(res.facts.refs.map((f) => f.kind), ['holds', 'pushed-since']);
    assert.deepEqual(res.diagnostics.map((d) => `${d.severity} ${d.message}`),
      ['information Branch feat/x has been pushed since this handoff said it was local-only (origin/feat/x)']);
  });

  it('commits the handoff calls unpushed but a remote has: news; called pushed but on no remote: a problem that says so', async () => {
    const x = fx.shas;
    const text = `Commits \`${s7(x.parser)}\` (not yet pushed) and \`${s7(x.unpushed)}\` (pushed).\n`;
    const b = new ModelBuilder(text).commit(s7(x.parser), 'keyword').commit(s7(x.unpushed), 'keyword');
    b.model.commits[0]!.pushClaim = 'unpushed';
    b.model.commits[1]!.pushClaim = 'pushed';
    const res = await check(b.model, fx.writeHandoff(fx.work, 'docs/PUSHED.md', text));
    assert.deepEqual(res.diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`), [
      `information stale-ref: Commit ${s7(x.parser)} has been pushed since this handoff said it was not`,
      `warning unpushed-commit: Commit ${s7(x.unpushed)} is not pushed, though the handoff says it is: no remote-tracking branch contains it`,
    ]);
  });

  it('a commit only under a tag (its branch rewritten since) is published, not unpushed nor lost; a local branch\'s commit is unpushed', async () => {
    const r = repoWithOrigin('tagged');
    r.write('a.txt', '1\n');
    r.g.commit(r.dir, 'base');
    r.g.run(r.dir, ['push', '-q', '-u', 'origin', 'main']);
    // A milestone's commits, tagged and pushed with their tag; the branch they were on is rewritten and gone.
    r.g.run(r.dir, ['checkout', '-q', '-b', 'milestone']);
    r.write('b.txt', 'milestone\n');
    const tagged = r.g.commit(r.dir, 'feat: the milestone work');
    r.g.run(r.dir, ['tag', '-a', 'v1.6', '-m', 'v1.6']);
    r.g.run(r.dir, ['push', '-q', 'origin', 'v1.6']);
    r.g.run(r.dir, ['checkout', '-q', 'main']);
    r.g.run(r.dir, ['branch', '-q', '-D', 'milestone']);
    // And work on a local branch, never pushed.
    r.g.run(r.dir, ['checkout', '-q', '-b', 'local-work']);
    r.write('c.txt', 'local\n');
    const local = r.g.commit(r.dir, 'wip: local only');
    const text = `Task 1 - \`${s7(tagged)}\` (feat)\nTask 2 - \`${s7(local)}\` (wip)\n`;
    const b = new ModelBuilder(text).commit(s7(tagged), 'keyword').commit(s7(local), 'keyword');
    const res = await check(b.model, join(r.dir, 'HANDOFF.md'), { text });
    assert.deepEqual(res.commits.get(s7(tagged)), { status: 'ok', sha: tagged, submodule: null });
    assert.deepEqual(res.diagnostics.map((d) => `${d.code}: ${d.message.split(':')[0]}`), [`unpushed-commit: Commit ${s7(local)} is not pushed`]);
  });

  it('a commit on no branch: squash-merged through a pull request, or only under a pull-request ref', async () => {
    const r = repoWithOrigin('prs');
    r.write('a.txt', '1\n');
    r.g.commit(r.dir, 'base');
    r.g.run(r.dir, ['checkout', '-q', '-b', 'topic']);
    r.write('b.txt', 'b\n');
    const topic = r.g.commit(r.dir, 'Add the b file');
    r.g.run(r.dir, ['checkout', '-q', 'main']);
    r.write('b.txt', 'b\n');
    const squash = r.g.commit(r.dir, 'Add the b file (#12)');
    r.g.run(r.dir, ['checkout', '-q', '-b', 'abandoned']);
    r.write('c.txt', 'c\n');
    const abandoned = r.g.commit(r.dir, 'Try c');
    r.g.run(r.dir, ['checkout', '-q', 'main']);
    r.g.run(r.dir, ['update-ref', 'refs/pull/7/head', abandoned]);
    r.g.run(r.dir, ['branch', '-q', '-D', 'topic', 'abandoned']);
    const text = `Landed \`${s7(topic)}\`; tried \`${s7(abandoned)}\`.\n`;
    const b = new ModelBuilder(text).commit(s7(topic), 'keyword').commit(s7(abandoned), 'keyword');
    const res = await check(b.model, join(r.dir, 'HANDOFF.md'), { text });
    assert.deepEqual(res.diagnostics.map((d) => d.message), [
      `Commit ${s7(topic)} is on no branch: squash-merged into ${s7(squash)} (pull request #12)? its message has the same subject`,
      `Commit ${s7(abandoned)} is on no branch: only on pull request #7 (not merged?)`,
    ]);
  });

  it('a message that only mentions a lost commit is no squash of it; a `git merge --squash` record is', async () => {
    const r = repoWithOrigin('mentions');
    r.write('a.txt', '1\n');
    r.g.commit(r.dir, 'base');
    /** A commit on a branch of its own, the branch then left (and deleted, with `merge`: squash-merged first). */
    const aside = (branch: string, file: string, subject: string, merge: boolean) => {
      r.g.run(r.dir, ['checkout', '-q', '-b', branch]);
      r.write(file, `${file}\n`);
      const sha = r.g.commit(r.dir, subject);
      r.g.run(r.dir, ['checkout', '-q', 'main']);
      const into = merge ? (r.g.run(r.dir, ['merge', '-q', '--squash', branch]), r.g.commit(r.dir, null)) : null;
      r.g.run(r.dir, ['branch', '-q', '-D', branch]);
      return { sha, into };
    };
    // The commit the handoff cites was rewritten before it was pushed; the handoff's own commit names it in passing.
    const lost = aside('topic', 'b.txt', 'Revamp the control center', false).sha;
    r.write('HANDOFF.md', 'x\n');
    r.g.commit(r.dir, `docs(handoff): refresh\n\nPromote the revamp (commit ${s7(lost)}) to part 1.`);
    // A squash merge lists what it squashed in full, one "commit <sha>" line each.
    const { sha: squashed, into: squash } = aside('feature', 'c.txt', 'Add c', true);
    r.g.run(r.dir, ['reflog', 'expire', '--expire=now', '--all']);
    r.g.run(r.dir, ['gc', '-q', '--prune=now']);
    const text = `Shipped in commit \`${s7(lost)}\`; c in commit \`${s7(squashed)}\`.\n`;
    const b = new ModelBuilder(text).commit(s7(lost), 'keyword').commit(s7(squashed), 'keyword');
    const res = await check(b.model, join(r.dir, 'HANDOFF.md'), { text });
    assert.deepEqual(res.diagnostics.map((d) => d.message), [
      `Commit ${s7(lost)} is not in this repository (a typo, or only in another clone?)`,
      `Commit ${s7(squashed)} is not in this repository: squash-merged into ${s7(squash!)}`,
    ]);
  });

  it('a commit the superproject recorded for a submodule is that submodule\'s, checked out or not', async () => {
    const clone = join(fx.base, 'sub-clone');
    new FixtureGit().run(fx.base, ['clone', '-q', fx.origin, clone]);
    const text = `Vendored lib at commit \`${s7(fx.shas.libCommit)}\`.\n`;
    const b = new ModelBuilder(text).commit(s7(fx.shas.libCommit), 'keyword');
    const res = await check(b.model, fx.writeHandoff(clone, 'HANDOFF.md', text));
    assert.deepEqual(res.diagnostics, []);
    assert.deepEqual(res.commits.get(s7(fx.shas.libCommit)), { status: 'ok', sha: fx.shas.libCommit, submodule: 'vendor/lib' });
    assert.ok(rangeOf(text, s7(fx.shas.libCommit)));
  });
});
