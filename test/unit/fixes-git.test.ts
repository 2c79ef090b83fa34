// Quick fixes over real repositories: each fix computed from what git says, applied to the text, and the text
// analysed again — the problem it answered is gone. (The same computations on texts alone: fixes-text.test.ts.)
import { strict as assert } from 'node:assert';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyEdits, safeEdits } from '../../src/core/fixes';
import type { Analysis } from '../../src/core/service';
import { writeCollidingObjects, type CollidingObjects } from '../fixtures/git/collide';
import { FixtureGit } from '../fixtures/git/exec';
import { buildGitFixture, type GitFixture } from '../fixtures/gitFixture';
import { analyse, fixesFor } from '../fixtures/fixes';

const s7 = (sha: string) => sha.slice(0, 7);


const codes = (a: Analysis) => a.diagnostics.map((d) => d.code).filter((c) => c !== 'unchecked-step');

describe('quick fixes (real git)', () => {
  let fx: GitFixture;
  let blob: CollidingObjects;
  let pair: CollidingObjects;
  before(() => {
    fx = buildGitFixture();
    const g = new FixtureGit();
    blob = writeCollidingObjects(g, fx.work, 'blob');
    pair = writeCollidingObjects(g, fx.work, 'commit');
  });
  after(() => fx.cleanup());

  it('rewrites a renamed file\'s breadcrumbs to where it lives now, from the root and from the document; missing-file is gone', async () => {
    const text = '# Handoff\n\n- Helper: `src/old/helper.ts:4`, also [the helper](../src/old/helper.ts#L4).\n';
    const path = fx.writeHandoff(fx.work, 'docs/HANDOFF.md', text);
    const { analysis, fixes } = await fixesFor(path, text);
    assert.deepEqual(codes(analysis), ['missing-file', 'missing-file']);
    assert.deepEqual(fixes.map((f) => [f.kind, f.title, f.safe]), [
      ['rename', `Update the path to src/lib/helper.ts (renamed in ${s7(fx.renamed.sha)})`, true],
      ['rename', `Update the path to src/lib/helper.ts (renamed in ${s7(fx.renamed.sha)})`, true],
    ]);
    const fixed = applyEdits(text, fixes.flatMap((f) => f.edits));
    assert.equal(fixed, '# Handoff\n\n- Helper: `src/lib/helper.ts:4`, also [the helper](../src/lib/helper.ts#L4).\n');
    const again = await analyse(path, fixed);
    assert.deepEqual(codes(again), []);
    assert.deepEqual(again.facts!.files.map((f) => f.kind), ['found', 'found']);
  });

  it('replaces a squash-merged commit with the squash commit and an amended one with its new version', async () => {
    const text = `# Handoff\n\n- Widget: commit \`${s7(fx.shas.featureA)}\`.\n- Config: commit \`${s7(fx.shas.amendedOld)}\`.\n`;
    const path = fx.writeHandoff(fx.work, 'HANDOFF-squash.md', text);
    const { analysis, fixes } = await fixesFor(path, text);
    assert.deepEqual(codes(analysis), ['unknown-commit', 'unknown-commit']);
    assert.deepEqual(fixes.map((f) => f.title), [
      `Replace with ${s7(fx.shas.squash)}, the squash merge it went into`,
      `Replace with ${s7(fx.shas.amended)}, the commit on a branch with its subject (amended or rebased)`,
    ]);
    assert.deepEqual(safeEdits(fixes), [], 'neither is applied unasked');
    const fixed = applyEdits(text, fixes.flatMap((f) => f.edits));
    const again = await analyse(path, fixed);
    assert.deepEqual(codes(again), []);
    assert.deepEqual([...again.commitStates.values()].map((s) => s.status), ['ok', 'ok']);
  });

  it('lengthens an abbreviation shared by a commit and a blob to the commit (safe), and gives a choice between two commits', async () => {
    const text = `# Handoff\n\n- Probe: commit \`${blob.prefix}\`.\n- Other: commit \`${pair.prefix}\`.\n`;
    const path = fx.writeHandoff(fx.work, 'HANDOFF-ambiguous.md', text);
    const { analysis, fixes } = await fixesFor(path, text);
    assert.deepEqual(codes(analysis), ['ambiguous-commit', 'ambiguous-commit']);
    const [expand, ...choices] = fixes;
    assert.equal(expand!.kind, 'expand-sha');
    assert.equal(expand!.safe, true);
    assert.equal(expand!.edits[0]!.newText, blob.commit.slice(0, 12));
    assert.deepEqual(choices.map((f) => f.title).sort(), [
      `Use ${pair.commit.slice(0, 12)} · ${pair.subjects.commit}`, `Use ${pair.other.slice(0, 12)} · ${pair.subjects.other}`,
    ].sort());
    const fixed = applyEdits(text, safeEdits(fixes));
    assert.equal(fixed, text.replace(blob.prefix, blob.commit.slice(0, 12)));
    const again = await analyse(path, fixed);
    // The commit resolves now (on no branch, as the fixture wrote it); only the real choice is left.
    assert.equal(again.commitStates.get(blob.commit.slice(0, 12))?.status, 'unknown');
    assert.equal((again.commitStates.get(blob.commit.slice(0, 12)) as { sha: string }).sha, blob.commit);
    assert.deepEqual(codes(again).filter((c) => c === 'ambiguous-commit'), ['ambiguous-commit']);
  });

  it('fix all takes the rename and the lengthening, and leaves the commit replacements and the steps', async () => {
    const text = `# Handoff\n\n- \`src/old/helper.ts:4\` and commit \`${blob.prefix}\`.\n- Widget: commit \`${s7(fx.shas.featureA)}\`.\n- [ ] Next\n`;
    const path = fx.writeHandoff(fx.work, 'HANDOFF-all.md', text);
    const { fixes } = await fixesFor(path, text);
    assert.deepEqual(fixes.map((f) => f.kind).sort(), ['expand-sha', 'rename', 'replace-sha', 'step']);
    assert.equal(applyEdits(text, safeEdits(fixes)),
      `# Handoff\n\n- \`src/lib/helper.ts:4\` and commit \`${blob.commit.slice(0, 12)}\`.\n- Widget: commit \`${s7(fx.shas.featureA)}\`.\n- [ ] Next\n`);
  });
});

describe('quick fixes for a rewritten branch (real git)', () => {
  let dir: string;
  const shas: Record<string, string> = {};
  const g = new FixtureGit();
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);

  before(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'handoff-fix-ref-')));
    g.run(dir, ['init', '-q']);
    write('a.txt', 'a\n');
    shas.first = g.commit(dir, 'First');
    write('a.txt', 'b\n');
    shas.second = g.commit(dir, 'Second');
    g.run(dir, ['checkout', '-q', '-b', 'feature/login']);
    write('f.txt', 'feature\n');
    shas.feature = g.commit(dir, 'Feature work');
    g.run(dir, ['checkout', '-q', 'main']);
    write('HANDOFF.md', `# Handoff\n\n| Branch | Tip |\n|---|---|\n| feature/login | ${s7(shas.feature)} |\n`);
    shas.handoff = g.commit(dir, 'Handoff');
    // The feature branch is rewritten after the handoff: its old tip is on no branch now.
    g.run(dir, ['checkout', '-q', 'feature/login']);
    write('f.txt', 'feature, redone\n');
    shas.redone = g.commit(dir, 'Feature work', ['--amend']);
    g.run(dir, ['checkout', '-q', 'main']);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('offers the tip at the handoff\'s commit and the tip now; either makes the claim hold', async () => {
    const path = join(dir, 'HANDOFF.md');
    const text = `# Handoff\n\n| Branch | Tip |\n|---|---|\n| feature/login | ${s7(shas.feature)} |\n`;
    const { analysis, fixes } = await fixesFor(path, text);
    assert.equal(analysis.facts?.anchor?.sha, shas.handoff);
    // The old tip is on no branch: the claim is stale, and the commit itself unknown (amended, with its own fix).
    assert.deepEqual(codes(analysis), ['stale-ref', 'unknown-commit']);
    assert.deepEqual(fixes.map((f) => f.kind), ['ref-tip', 'ref-tip', 'replace-sha']);
    fixes.pop();
    assert.deepEqual(fixes.map((f) => f.title), [
      `Set to ${s7(shas.second)}, feature/login's tip at this handoff's commit`,
      `Set to ${s7(shas.redone)}, feature/login's tip now`,
    ]);
    for (const fix of fixes) {
      const again = await analyse(path, applyEdits(text, fix.edits));
      assert.deepEqual(codes(again), [], fix.title);
      assert.ok(['moved', 'holds'].includes(again.facts!.refs[0]!.kind), fix.title);
    }
  });
});
