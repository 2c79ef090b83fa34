// The editor's side of breadcrumbs that survive edits, as plain data: the line every opener opens (link fragment,
// lens, tree), the words of hovers, lenses and the tree, and the "Changed since" group with what a click compares.
import { strict as assert } from 'node:assert';
import type { CitedChange, FileFact, LineDrift } from '../../src/core/facts/types';
import { createLanguageService } from '../../src/core/service';
import { driftHoverMarkdown, driftLensTitle, driftSentence, driftShort, mappedCrumb } from '../../src/vscode/providers/drift';
import { decodeCommitQuery, encodeCommitQuery, lineFragment } from '../../src/vscode/providers/targets';
import { buildHandoffNode } from '../../src/vscode/tree/model';
import { factsWith } from './vscode-freshness.test';

const SHA = '1a2b3c4d'.padEnd(40, '0');
const TEXT = '# Handoff\n\n- `src/app.ts:113`\n- `src/app.ts:49-51`\n- `src/app.ts:20:5`\n- `src/gone.ts:3`\n';
const MODEL = createLanguageService().getModel({ path: '/w/HANDOFF.md', version: 1, text: TEXT });
const [single, range, column] = MODEL.files;

const drift = (status: LineDrift['status'], from: [number, number | null], to: [number, number | null]): LineDrift =>
  ({ since: SHA, path: 'src/app.ts', from: { line: from[0], endLine: from[1] }, to: { line: to[0], endLine: to[1] }, status });
const found = (d?: LineDrift): FileFact => ({ kind: 'found', paths: ['/w/src/app.ts'], lines: 300, ...(d ? { drift: d } : {}) });

describe('vscode: breadcrumbs that survive edits', () => {
  it('every opener opens the line where the cited line is now', () => {
    assert.equal(lineFragment(mappedCrumb(single!, found(drift('moved', [113, null], [131, null])))), 'L131');
    assert.equal(lineFragment(mappedCrumb(single!, found())), 'L113', 'no drift: as written');
    assert.equal(lineFragment(mappedCrumb(range!, found(drift('moved', [49, 51], [52, 54])))), 'L52,1-L55,1');
    assert.equal(lineFragment(mappedCrumb(range!, found(drift('changed', [49, 51], [49, null])))), 'L49');
    // A line that only moved keeps its column; a changed one does not.
    assert.equal(lineFragment(mappedCrumb(column!, found(drift('moved', [20, null], [24, null])))), 'L24,5');
    assert.equal(lineFragment(mappedCrumb(column!, found(drift('changed', [20, null], [24, null])))), 'L24');
    assert.equal(lineFragment(mappedCrumb(single!, found(drift('deleted', [113, null], [110, null])))), 'L110');
  });

  it('says where the line went, in hovers, lenses and the tree', () => {
    assert.equal(driftSentence(drift('moved', [113, null], [131, null])), 'line 113 at 1a2b3c4, now 131');
    assert.equal(driftSentence(drift('moved', [49, 51], [52, 54])), 'lines 49–51 at 1a2b3c4, now 52–54');
    assert.equal(driftSentence(drift('changed', [113, null], [131, null])), 'line 113 at 1a2b3c4 changed since, now near 131');
    assert.equal(driftSentence(drift('deleted', [113, 114], [110, null])), 'lines 113–114 were deleted since 1a2b3c4');
    assert.equal(driftLensTitle(single!, drift('moved', [113, null], [131, null])), 'Open app.ts:131 (was :113)');
    assert.equal(driftLensTitle(single!, drift('deleted', [113, null], [110, null])), 'app.ts:113 deleted since 1a2b3c4 · Open where it was');
    assert.equal(driftShort(drift('moved', [113, null], [131, null])), 'line 113 → 131');
  });

  it('a hover shows the code now, and for changed or deleted lines the code then', () => {
    const now = Array.from({ length: 200 }, (_, i) => `now ${i + 1}`).join('\n');
    const then = Array.from({ length: 200 }, (_, i) => `then ${i + 1}`).join('\n');
    const moved = driftHoverMarkdown(single!, drift('moved', [113, null], [131, null]), 'src/app.ts', now, then);
    assert.match(moved, /^`src\/app\.ts` · line 113 at 1a2b3c4, now 131\n\nNow \(lines 129–133\):\n\n```typescript\nnow 129\n[\s\S]*now 133\n```$/);
    assert.doesNotMatch(moved, /then/, 'a line that only moved reads the same');
    const changed = driftHoverMarkdown(single!, drift('changed', [113, null], [131, null]), 'src/app.ts', now, then);
    assert.match(changed, /Then \(1a2b3c4, line 113\):\n\n```typescript\nthen 113\n```$/);
    const deleted = driftHoverMarkdown(range!, drift('deleted', [49, 51], [47, null]), 'src/app.ts', now, then);
    assert.equal(deleted, '`src/app.ts` · lines 49–51 were deleted since 1a2b3c4\n\nThen (1a2b3c4, lines 49–51):\n\n```typescript\nthen 49\nthen 50\nthen 51\n```');
  });

  it('a file at a commit has its own handoff-commit: query', () => {
    const ref = { handoff: 'file:///w/HANDOFF.md', sha: SHA, path: 'src/a b.ts' };
    assert.deepEqual(decodeCommitQuery(encodeCommitQuery(ref)), ref);
    assert.deepEqual(decodeCommitQuery(encodeCommitQuery({ handoff: ref.handoff, sha: SHA })), { handoff: ref.handoff, sha: SHA });
  });

  describe('the Handoffs view', () => {
    const changes: CitedChange[] = [
      { path: 'src/app.ts', now: 'src/app.ts', kind: 'modified', added: 18, removed: 2, crumbs: [0, 1, 2] },
      { path: 'src/old.ts', now: 'src/lib/new.ts', kind: 'renamed', added: 3, removed: 0, crumbs: [4] },
      { path: 'src/gone.ts', now: null, kind: 'deleted', added: 0, removed: 10, crumbs: [3] },
    ];
    const files = [found(drift('moved', [113, null], [131, null])), found(drift('deleted', [49, 51], [47, null])), found(), { kind: 'unchecked' } as FileFact];
    const root = buildHandoffNode({
      uri: 'file:///w/HANDOFF.md', name: 'HANDOFF.md', model: MODEL, newest: true, commitStates: new Map(),
      fileTargets: MODEL.files.map((f) => (f.path === 'src/app.ts' ? ['/w/src/app.ts'] : null)), diagnostics: [], supersededBy: null,
      facts: factsWith({ anchor: { sha: SHA, time: 0, subject: 'Handoff', how: 'blob', newer: null }, files, changedSince: changes }),
    });

    it('a file node opens where its line is now and says where it went', () => {
      const nodes = root.children.flatMap((c) => [c, ...c.children]).filter((n) => n.kind === 'file');
      assert.deepEqual(nodes.map((n) => `${n.label} | ${n.description} | ${n.action.kind === 'open-file' ? n.action.line : ''}`), [
        'src/app.ts:113 | line 113 → 131 | 131',
        'src/app.ts:49-51 | lines 49–51 deleted since | 47',
        'src/app.ts:20 |  | 20',
        'src/gone.ts:3 |  | 3',
      ]);
    });

    it('lists the cited files changed since the handoff last, each opening a comparison with its commit', () => {
      const group = root.children[root.children.length - 1]!;
      assert.equal(`${group.kind} ${group.label} | ${group.description}`, 'changes Changed since 1a2b3c4 | 3 files');
      assert.deepEqual(group.children.map((n) => `${n.label} | ${n.description} | ${n.icon.id}`), [
        'src/app.ts | modified · +18 −2 | diff-modified',
        'src/lib/new.ts | renamed from src/old.ts · +3 | diff-renamed',
        'src/gone.ts | deleted | diff-removed',
      ]);
      assert.deepEqual(group.children.map((n) => n.action), [
        { kind: 'open-change', sha: SHA, from: 'src/app.ts', to: 'src/app.ts' },
        { kind: 'open-change', sha: SHA, from: 'src/old.ts', to: 'src/lib/new.ts' },
        { kind: 'open-change', sha: SHA, from: 'src/gone.ts', to: null },
      ]);
      assert.equal(group.children[0]!.parent, group);
    });

    it('has no such group when nothing cited changed, or git did not say', () => {
      const quiet = buildHandoffNode({
        uri: 'file:///w/HANDOFF.md', name: 'HANDOFF.md', model: MODEL, newest: true, commitStates: new Map(), fileTargets: [], diagnostics: [], supersededBy: null,
        facts: factsWith({ anchor: { sha: SHA, time: 0, subject: 'Handoff', how: 'blob', newer: null }, changedSince: [] }),
      });
      assert.ok(!quiet.children.some((n) => n.kind === 'changes'));
    });
  });
});
