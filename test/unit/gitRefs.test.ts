// stale-ref over real git, one claim at a time: where the ref is now and how far it moved, in each direction.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { RefMention } from '../../src/core/model';
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

  it('ahead, behind, diverged, unknown claimed SHA', async () => {
    const x = fx.shas;
    assert.deepEqual(await claim('origin/main', 'remote', { sha: s7(x.parser) }), [`information origin/main is now 4 commits ahead, at ${s7(x.amended)}`]);
    assert.deepEqual(await claim('release/1.0', 'branch', { sha: s7(x.rename) }), [`information Branch release/1.0 is now 1 commit behind ${s7(x.rename)}, at ${s7(x.parser)}`]);
    assert.deepEqual(await claim('spike', 'branch', { sha: s7(x.unpushed) }), [`information Branch spike is now at ${s7(x.spike)}; ${s7(x.unpushed)} is not in its history`]);
    assert.deepEqual(await claim('v1.0.0', 'tag', { sha: fx.absentSha }), [`information Tag v1.0.0 is now at ${s7(x.parser)}, not ${fx.absentSha}`]);
    assert.deepEqual(await claim('v2.0.0', 'tag', { sha: s7(x.parser) }), [`information Tag v2.0.0 no longer exists (the document says it is at ${s7(x.parser)})`]);
  });

  it('HEAD claims compare with the checked-out commit', async () => {
    const x = fx.shas;
    assert.deepEqual(await claim('HEAD', 'branch', { sha: s7(x.unpushed) }), []);
    assert.deepEqual(await claim('HEAD', 'branch', { sha: s7(x.parser) }), [`information HEAD is now 5 commits ahead, at ${s7(x.unpushed)}`]);
    assert.deepEqual(await claim('HEAD', 'branch', { sha: s7(x.amended) }, fx.detached), [`information HEAD is now 4 commits behind ${s7(x.amended)}, at ${s7(x.parser)}`]);
    assert.deepEqual(await claim('HEAD', 'branch', { sha: s7(x.unpushed) }, fx.detached), [`information HEAD is now at ${s7(x.parser)}, not ${s7(x.unpushed)}`]);
    assert.deepEqual(await claim('HEAD', 'branch', { pushed: true }), []);
  });

  it('push-state claims', async () => {
    assert.deepEqual(await claim('main', 'branch', { pushed: false }), []);
    assert.deepEqual(await claim('main', 'branch', { pushed: true }), ['information Branch main is not pushed: 1 commit not pushed to origin/main']);
    assert.deepEqual(await claim('release/1.0', 'branch', { pushed: true }), []);
    assert.deepEqual(await claim('release/1.0', 'branch', { pushed: false }), [`information Branch release/1.0 is no longer local-only: origin/release/1.0 contains its tip ${s7(fx.shas.parser)}`]);
    // A clone whose main equals origin/main (HEAD detached elsewhere): pushed, as claimed.
    assert.deepEqual(await claim('main', 'branch', { pushed: true }, fx.detached), []);
  });

  it('the severity can be raised or the rule turned off', async () => {
    const text = 'main 0000000\n';
    const b = new ModelBuilder(text).ref('main', 'branch', { sha: s7(fx.shas.parser) });
    const path = fx.writeHandoff(fx.work, join('docs', 'sev.md'), text);
    assert.deepEqual((await check(b.model, path, { settings: settings({ 'stale-ref': 'error' }) })).diagnostics.map((d) => d.severity), ['error']);
    assert.deepEqual((await check(b.model, path, { settings: settings({ 'stale-ref': 'off' }) })).diagnostics, []);
  });
});
