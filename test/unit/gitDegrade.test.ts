// Every way git can fail to answer gives exactly one notice and the parse-only results — never a throw, never
// a false "unknown commit".
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { buildGitFixture, type GitFixture } from '../fixtures/gitFixture';
import { ModelBuilder } from '../fixtures/git/handoff';
import { writeSlowGit } from '../fixtures/git/slowGit';
import { brief, check, settings } from '../fixtures/git/harness';

const s7 = (sha: string) => sha.slice(0, 7);

describe('git degrades clearly', () => {
  let fx: GitFixture;
  before(() => {
    fx = buildGitFixture();
  });
  after(() => fx.cleanup());

  /** A handoff in `repo` citing `shas` as commits (keyword evidence) and claiming main is at the first one. */
  function handoff(repo: string, shas: string[]) {
    const text = `# Handoff\n\n${shas.map((s) => `- commit \`${s}\``).join('\n')}\n\n| Branch | Tip |\n|---|---|\n| main | ${shas[0]} |\n`;
    const b = new ModelBuilder(text);
    shas.forEach((s) => b.commit(s, 'keyword'));
    b.ref('main', 'branch', { sha: shas[0]! });
    return { model: b.model, path: fx.writeHandoff(repo, 'docs/HANDOFF.md', text), text };
  }

  it('git not installed', async () => {
    const h = handoff(fx.work, [fx.absentSha]);
    const r = await check(h.model, h.path, { provider: { gitPath: join(fx.base, 'no-such-git') } });
    assert.deepEqual(r.notices, ['git is not installed or not on PATH; showing parse-only results']);
    assert.deepEqual(r.diagnostics, []);
  });

  it('not a repository', async () => {
    const h = handoff(fx.plain, [fx.absentSha]);
    const r = await check(h.model, h.path);
    assert.deepEqual(r.notices, ['not in a git repository; showing parse-only results']);
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.git.runner.spawned, 0, 'no `.git` up to the root: the answer git would give, without asking it');
  });

  it('shallow clone: a commit beyond the boundary is not called unknown', async () => {
    const h = handoff(fx.shallow, [s7(fx.shas.amended), s7(fx.shas.initial)]);
    const r = await check(h.model, h.path);
    assert.deepEqual(r.notices, ['shallow clone: commits not found may be beyond the shallow boundary, so they are not reported as unknown']);
    assert.deepEqual(r.commits.get(s7(fx.shas.initial)), { status: 'shallow-unknown', sha: null });
    assert.deepEqual(r.commits.get(s7(fx.shas.amended)), { status: 'ok', sha: fx.shas.amended, submodule: null });
    assert.deepEqual(r.diagnostics, []);
  });

  it('detached HEAD: commits still checked; a HEAD claim says what it is compared with', async () => {
    const h = handoff(fx.detached, [s7(fx.shas.amended), fx.absentSha]);
    const r = await check(h.model, h.path);
    assert.deepEqual(r.notices, []);
    assert.deepEqual(brief(r).map((l) => l.split(' ').slice(1, 3).join(' ')), ['warning unknown-commit:']);
    h.model.refs.push({ ...h.model.refs[0]!, name: 'HEAD' });
    const withHead = await check(h.model, h.path);
    assert.deepEqual(withHead.notices, [`HEAD is detached at ${s7(fx.shas.parser)}: HEAD claims are compared with the checked-out commit`]);
  });

  it('no remote: unpushed is not judged, everything else is', async () => {
    const h = handoff(fx.solo, [s7(fx.shas.soloSecond), s7(fx.shas.soloFirst)]);
    h.model.refs.push({ ...h.model.refs[0]!, claim: { pushed: true } });
    const r = await check(h.model, h.path);
    assert.deepEqual(r.notices, [
      'no remote: unpushed commits are not checked',
      'no remote: claims that a branch is pushed or local-only are not checked',
    ]);
    assert.deepEqual(r.commits.get(s7(fx.shas.soloFirst)), { status: 'ok', sha: fx.shas.soloFirst, submodule: null });
    assert.deepEqual(r.diagnostics, []);
  });

  it('no upstream: a push claim about a branch with no remote-tracking branch is not judged', async () => {
    const text = '`spike` is pushed.\n';
    const b = new ModelBuilder(text).ref('spike', 'branch', { pushed: true });
    const r = await check(b.model, fx.writeHandoff(fx.work, 'docs/spike.md', text));
    assert.deepEqual(r.notices, ['branch spike has no upstream: whether it is pushed is not checked']);
    assert.deepEqual(r.diagnostics, []);
  });

  it('corrupt repository', async () => {
    const h = handoff(fx.corrupt, [fx.absentSha]);
    const r = await check(h.model, h.path);
    // Each notice names the checks it cost; the file checks (which need no object) still ran.
    assert.deepEqual(r.notices.map((n) => n.replace(/ \(.+\)$/, ' (…)')), [
      'commits and branches not checked: the git repository looks corrupt (…)',
      "the handoff's own commit not checked: the git repository looks corrupt (…)",
    ]);
    assert.deepEqual(r.diagnostics, []);
  });

  it('git slower than the timeout', async function () {
    this.timeout(10_000);
    const h = handoff(fx.work, [fx.absentSha]);
    const started = Date.now();
    // The limit comes from the settings (CoreSettings.gitTimeoutMs), as the service passes them.
    const r = await check(h.model, h.path, { provider: { gitPath: writeSlowGit(fx.base, 5) }, settings: settings({}, { gitTimeoutMs: 300 }) });
    assert.ok(Date.now() - started < 3000, 'the slow git was not abandoned');
    assert.deepEqual(r.notices, ['git took longer than 300 ms (git for-each-ref); showing parse-only results']);
    assert.deepEqual(r.diagnostics, []);
  });

  it('cancellation stops quietly', async () => {
    const h = handoff(fx.work, [fx.absentSha]);
    const r = await check(h.model, h.path, { token: { isCancellationRequested: true } });
    assert.deepEqual(r.notices, []);
    assert.deepEqual(r.diagnostics, []);
  });
});
