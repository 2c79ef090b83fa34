// stale-ref over real git, one claim at a time: a claim that holds or a ref that moved on is silent; a claim the
// repository contradicts (not in the ref's history, not pushed though said to be) is reported; "pushed since" is news.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { RefMention } from '../../src/core/model';
import { buildModel } from '../../src/core/buildModel';
import { judgeClaims } from '../../src/core/digest/claims';
import { computeFixes } from '../../src/core/fixes';
import { parseDocument } from '../../src/core/parse/parseDocument';
import { buildGitFixture, type GitFixture } from '../fixtures/gitFixture';
import { ModelBuilder } from '../fixtures/git/handoff';
import { check, settings } from '../fixtures/git/harness';

const s7 = (sha: string) => sha.slice(0, 7);

describe('stale-ref (real git)', () => {
  let fx: GitFixture;
  before(() => { fx = buildGitFixture(); });
  after(() => fx.cleanup());

  /** Messages for one claim `name` (kind) = `claim`, written as `name claim` on one line. */
  async function claim(name: string, kind: RefMention['kind'], value: RefMention['claim'], repo = fx.work): Promise<string[]> {
    const text = `${name} ${'sha' in value ? value.sha : value.pushed ? 'pushed' : 'local-only'}\n`;
    const b = new ModelBuilder(text).ref(name, kind, value);
    const r = await check(b.model, fx.writeHandoff(repo, `docs/claim-${name.replace(/\W/g, '_')}.md`, text), { settings: settings() });
    for (const d of r.diagnostics) assert.deepEqual(d.range, b.model.refs[0]!.range);
    return r.diagnostics.map((d) => `${d.severity} ${d.message}`);
  }

  it('a claim that holds is silent, however the SHA is written', async () => {
    const x = fx.shas;
    assert.deepEqual(await claim('main', 'branch', { sha: s7(x.unpushed) }), []);
    assert.deepEqual(await claim('main', 'branch', { sha: x.unpushed.toUpperCase() }), []);
    assert.deepEqual(await claim('v1.0.0', 'tag', { sha: x.parser.slice(0, 10) }), []);
    assert.deepEqual(await claim('origin/main', 'remote', { sha: s7(x.amended) }), []);
    assert.deepEqual(await claim('origin/release/1.0', 'branch', { sha: s7(x.parser) }), []);
  });

  it('a ref that moved on, or is gone with its commit merged, is freshness, not a problem', async () => {
    const x = fx.shas;
    assert.deepEqual(await claim('origin/main', 'remote', { sha: s7(x.parser) }), []);
    assert.deepEqual(await claim('v2.0.0', 'tag', { sha: s7(x.parser) }), [], 'a tag that is gone, its commit on main');
    assert.deepEqual(await claim('old-topic', 'branch', { sha: s7(x.rename) }), [], 'a branch merged and deleted');
    // A claimed SHA the repository lacks is unknown-commit's to report, once, at the SHA.
    assert.deepEqual(await claim('v1.0.0', 'tag', { sha: fx.absentSha }), []);
  });

  it('a ref that is gone with its commit (not in the repository, or on no branch) is a problem', async () => {
    assert.deepEqual(await claim('old-topic', 'branch', { sha: fx.absentSha }),
      [`warning Branch old-topic does not exist here, and its commit ${fx.absentSha} is not in this repository`]);
    assert.deepEqual(await claim('v0.9', 'tag', { sha: s7(fx.shas.amendedOld) }),
      [`warning Tag v0.9 does not exist here, and its commit ${s7(fx.shas.amendedOld)} is on no branch`]);
  });

  it('a ref gone with its commit is reported once: its claimed SHA is not reported again as unknown', async () => {
    // Field study (a worktree table, `branch` @ `sha` per row): each row's stale-ref already says its commit is not
    // in this repository; an unknown-commit at the same SHA said it a second time. The stale-ref now says it as
    // unknown-commit would have (why the commit is missing); a SHA beside it is its own finding.
    const known = [...Object.values(fx.shas), ...fx.ambiguous.shas, fx.absentSha];
    let other = '';
    for (let i = 1; !other || known.some((k) => k.startsWith(other) || other.startsWith(k.slice(0, 7))); i++) other = (0x4c9e2f1 + i * 104729).toString(16).slice(0, 7);
    const text = `| worktree | branch | state |\n|---|---|---|\n| \`worktrees/t1\` | \`old-topic\` @ \`${fx.absentSha}\` | built on commit \`${other}\` |\n| \`worktrees/t2\` | \`v0.9\` @ \`${s7(fx.shas.amendedOld)}\` | released |\n`;
    const model = buildModel(parseDocument(text), { path: 'docs/worktrees.md' }).model;
    const r = await check(model, fx.writeHandoff(fx.work, 'docs/worktrees.md', text), { settings: settings() });
    assert.deepEqual(r.diagnostics.map((d) => `${d.code} ${d.message}`), [
      `stale-ref Branch old-topic does not exist here, and its commit ${fx.absentSha} is not in this repository (a typo, or only in another clone?)`,
      `unknown-commit Commit ${other} is not in this repository (a typo, or only in another clone?)`,
      `stale-ref Tag v0.9 does not exist here, and its commit ${s7(fx.shas.amendedOld)} is on no branch: amended or rebased? ${s7(fx.shas.amended)} has the same subject`,
    ]);
    // The amended commit's fix answers the finding that reports it: the tag's stale-ref.
    const v09 = model.refs.find((m) => m.name === 'v0.9')!;
    const fixes = computeFixes({ text, documentPath: '', model, facts: r.facts }, { steps: false });
    assert.deepEqual(fixes.map((f) => [f.code, f.title, f.at[0]]), [
      ['stale-ref', `Replace with ${s7(fx.shas.amended)}, the commit on a branch with its subject (amended or rebased)`, v09.range],
    ]);
    // The digest for the next session agrees: the claim judged with its branch, the other commit on its own.
    assert.deepEqual(judgeClaims(model, r.facts).filter((e) => e.verdict === 'gone').map((e) => e.text), [
      `Branch \`old-topic\` at \`${fx.absentSha}\``, `Tag \`v0.9\` at \`${s7(fx.shas.amendedOld)}\``, `Commit \`${other}\``,
    ]);
  });

  it('a claimed commit that is not in the ref\'s history is a contradiction', async () => {
    const x = fx.shas;
    assert.deepEqual(await claim('release/1.0', 'branch', { sha: s7(x.rename) }), [
      `warning Branch release/1.0 does not contain ${s7(x.rename)}: release/1.0 is at ${s7(x.parser)} and ${s7(x.rename)} is not in its history (rewritten or force-pushed?)`]);
    assert.deepEqual(await claim('spike', 'branch', { sha: s7(x.unpushed) }), [
      `warning Branch spike does not contain ${s7(x.unpushed)}: spike is at ${s7(x.spike)} and ${s7(x.unpushed)} is not in its history (rewritten or force-pushed?)`]);
  });

  it('HEAD claims describe the moment of writing: HEAD moving on contradicts nothing', async () => {
    const x = fx.shas;
    assert.deepEqual(await claim('HEAD', 'branch', { sha: s7(x.unpushed) }), []);
    assert.deepEqual(await claim('HEAD', 'branch', { sha: s7(x.parser) }), []);
    assert.deepEqual(await claim('HEAD', 'branch', { sha: s7(x.amended) }, fx.detached), []);
    assert.deepEqual(await claim('HEAD', 'branch', { pushed: true }), []);
  });

  it('push-state claims', async () => {
    assert.deepEqual(await claim('main', 'branch', { pushed: false }), []);
    assert.deepEqual(await claim('main', 'branch', { pushed: true }), ['warning Branch main is not pushed, though the handoff says it is: 1 commit is not on origin/main']);
    assert.deepEqual(await claim('release/1.0', 'branch', { pushed: true }), []);
    assert.deepEqual(await claim('release/1.0', 'branch', { pushed: false }), ['information Branch release/1.0 has been pushed since this handoff said it was local-only (origin/release/1.0)']);
    // A clone whose main equals origin/main (HEAD detached elsewhere): pushed, as claimed.
    assert.deepEqual(await claim('main', 'branch', { pushed: true }, fx.detached), []);
  });

  it('the severity can be raised or the rule turned off', async () => {
    const text = 'spike 0000000\n';
    const b = new ModelBuilder(text).ref('spike', 'branch', { sha: s7(fx.shas.unpushed) });
    const path = fx.writeHandoff(fx.work, join('docs', 'sev.md'), text);
    assert.deepEqual((await check(b.model, path, { settings: settings({ 'stale-ref': 'error' }) })).diagnostics.map((d) => d.severity), ['error']);
    assert.deepEqual((await check(b.model, path, { settings: settings({ 'stale-ref': 'off' }) })).diagnostics, []);
  });
});
