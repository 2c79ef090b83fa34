// The Handoff view's data: phase tree, items under their innermost phase, icons by state, counts, actions and
// the node under a cursor — from a real parse of a small handoff, with git states and file targets given.
import { strict as assert } from 'node:assert';
import type { FileFact, HandoffFacts } from '../../src/core/facts/types';
import type { Diagnostic, RuleCode, Severity } from '../../src/core/model';
import { createLanguageService } from '../../src/core/service';
import { buildHandoffNode, nodeAt, walk, type HandoffInput, type TreeNode } from '../../src/vscode/tree/model';
import { factsWith } from './vscode-freshness.test';

const TEXT = `# Handoff

## Phase 1: Parser

- [x] Parser landed in commit abc1234.
- See \`src/parser.ts:12\`.

### Task 1.1: Tests

- [ ] Write tests for commit def5678.
- [!] Blocked on \`src/missing.ts\`.

## Phase 2: Config

- [ ] Config loader, commit fedcba9.
`;

const MODEL = createLanguageService().getModel({ path: '/w/HANDOFF.md', version: 1, text: TEXT });

/** A diagnostic on the line holding `needle`, at the breadcrumb or commit written there. */
function diag(code: RuleCode, severity: Severity, needle: string): Diagnostic {
  const item = [...MODEL.files, ...MODEL.commits].find((i) => TEXT.split('\n')[i.range.start.line]!.includes(needle))!;
  return { code, severity, message: code, range: item.range };
}

function build(states: Record<string, unknown>, targets: Record<string, string[] | null>, more: Partial<HandoffInput> = {}, text = TEXT) {
  const model = text === TEXT ? MODEL : createLanguageService().getModel({ path: '/w/HANDOFF.md', version: 1, text });
  return buildHandoffNode({
    uri: 'file:///w/HANDOFF.md', name: 'HANDOFF.md', model, newest: true,
    commitStates: new Map(Object.entries(states)),
    fileTargets: model.files.map((f) => targets[f.path] ?? null),
    diagnostics: [], facts: null, supersededBy: null,
    ...more,
  });
}

const deletion = { path: 'src/missing.ts', sha: 'a'.repeat(40), time: 0, subject: 'rm', renamedTo: null };
const deleted: FileFact = { kind: 'gone', when: 'after-anchor', paths: ['src/missing.ts'], movedTo: null, deletion };
const factsFor = (byPath: Record<string, FileFact>, extra: Partial<HandoffFacts> = {}) =>
  factsWith({ files: MODEL.files.map((f) => byPath[f.path] ?? { kind: 'unchecked' }), ...extra });

const lines = (n: TreeNode, d = 0): string[] => [`${'  '.repeat(d)}${n.kind} ${n.label} | ${n.description} | ${n.icon.id}`, ...n.children.flatMap((c) => lines(c, d + 1))];

describe('vscode tree model', () => {
  const states = { abc1234: { status: 'ok' }, def5678: { status: 'unpushed' }, 'fedcba9': { status: 'unknown', reason: 'is on no branch' } };
  const targets = { 'src/parser.ts': ['/w/src/parser.ts'], 'src/missing.ts': [] };
  const problems = [diag('unknown-commit', 'warning', 'fedcba9'), diag('missing-file', 'warning', 'src/missing.ts')];
  const root = build(states, targets, { diagnostics: problems, facts: factsFor({ 'src/missing.ts': deleted }) });

  it('nests phases and puts each item under its innermost phase, with states and counts as Problems counts', () => {
    assert.deepEqual(lines(root), [
      'handoff HANDOFF.md | newest · not committed · 1/4 steps · 1 unpushed · 2 stale | star-full',
      '  phase Handoff | 1/4 steps · 1 unpushed · 2 stale | symbol-namespace',
      '    phase Phase 1 · Parser | 1/3 steps · 1 unpushed · 1 stale | milestone',
      '      phase Task 1.1 · Tests | 0/2 steps · 1 unpushed · 1 stale | milestone',
      '        commit def5678 | unpushed | cloud-upload',
      '        file src/missing.ts | deleted | warning',
      '        step Write tests for commit def5678. |  | circle-large-outline',
      '        step Blocked on `src/missing.ts`. | blocked | error',
      '      commit abc1234 | pushed | git-commit',
      '      file src/parser.ts:12 |  | file',
      '      step Parser landed in commit abc1234. | done | pass-filled',
      '    phase Phase 2 · Config | 0/1 steps · 1 stale | milestone',
      '      commit fedcba9 | unknown | question',
      '      step Config loader, commit fedcba9. |  | circle-large-outline',
    ]);
  });

  it('links parents and gives every node a unique id and an action', () => {
    const all = [...walk(root)];
    assert.equal(new Set(all.map((n) => n.id)).size, all.length);
    for (const n of all.slice(1)) assert.ok(n.parent && n.parent.children.includes(n), n.id);
    const file = all.find((n) => n.label === 'src/parser.ts:12')!;
    assert.deepEqual({ ...file.action, range: undefined }, { kind: 'open-file', target: '/w/src/parser.ts', line: 12, range: undefined });
    const commit = all.find((n) => n.label === 'def5678')!;
    assert.equal(commit.action.kind, 'open-commit');
    const phase = all.find((n) => n.label === 'Phase 2 · Config')!;
    assert.equal(phase.action.kind, 'reveal');
  });

  it('says "not checked" for commits without git, and marks nothing missing without targets', () => {
    const bare = build({}, {});
    const commits = [...walk(bare)].filter((n) => n.kind === 'commit');
    assert.ok(commits.every((c) => c.description === 'not checked' && c.icon.id === 'git-commit'));
    assert.ok(![...walk(bare)].some((n) => n.description.includes('missing')));
  });

  it('counts no file Problems does not warn about: one never in the repository is a hint, not stale', () => {
    const absent = build(states, targets, { diagnostics: [diag('missing-file', 'hint', 'src/missing.ts')], facts: factsFor({ 'src/missing.ts': { kind: 'absent' } }) });
    assert.equal(absent.description, 'newest · not committed · 1/4 steps · 1 unpushed');
    const file = [...walk(absent)].find((n) => n.label === 'src/missing.ts')!;
    assert.equal(file.description, 'not in repository');
    assert.notEqual(file.icon.id, 'warning');
    assert.equal(file.contextValue, 'file.missing');
  });

  it('opens a renamed file where it lives now, whatever the missing-file rule\'s severity', () => {
    const moved: FileFact = { ...deleted, movedTo: '/w/src/lib/missing.ts', deletion: { ...deletion, renamedTo: 'src/lib/missing.ts' } };
    const tree = build(states, targets, { facts: factsFor({ 'src/missing.ts': moved }) });
    const file = [...walk(tree)].find((n) => n.label === 'src/missing.ts')!;
    assert.equal(file.description, 'moved to src/lib/missing.ts');
    assert.equal(file.action.kind === 'open-file' && file.action.target, '/w/src/lib/missing.ts');
  });

  it('adds the freshness to the handoff\'s description, and marks a superseded handoff', () => {
    const anchor = { sha: '1a2b3c4'.padEnd(40, '0'), time: 0, subject: 'handoff', how: 'blob' as const, newer: null };
    const fresh = build(states, targets, { facts: factsFor({}, { anchor, freshness: { sinceAnchor: 12, days: 3, branch: 'main' } }) });
    assert.equal(fresh.description, 'newest · +12 since · 1/4 steps · 1 unpushed');
    assert.match(fresh.tooltip, /main has 12 commits since/);
    const older = build(states, targets, { newest: false, supersededBy: '/w/SESSION-HANDOFF-2026-05-21-next.md' });
    assert.equal(older.description, 'superseded by SESSION-HANDOFF-2026-05-21-next.md · 1 unpushed');
    assert.deepEqual(older.icon, { id: 'history', color: 'disabledForeground' });
    assert.equal(older.contextValue, 'handoff.superseded');
    // Its steps stay in the tree, with their own states.
    assert.equal([...walk(older)].filter((n) => n.kind === 'step').length, 4);
  });

  it('says why an unchecked box is not work left', () => {
    const text = '# Plan\n\n- [ ] build it\n\n**Acceptance criteria:**\n- [ ] fast\n';
    const tree = build({}, {}, {}, text);
    assert.equal(tree.description, 'newest · 0/1 steps');
    const criterion = [...walk(tree)].find((n) => n.label === 'fast')!;
    assert.equal(criterion.description, 'acceptance');
    assert.equal(criterion.icon.color, 'disabledForeground');
  });

  it('finds the node under a cursor: the item on that spot, else the innermost phase', () => {
    const commitLine = TEXT.split('\n').findIndex((l) => l.includes('def5678'));
    const at = (line: number, character: number) => nodeAt(root, { line, character })!;
    assert.equal(at(commitLine, TEXT.split('\n')[commitLine].indexOf('def5678') + 1).label, 'def5678');
    assert.equal(at(commitLine + 1, 0).label, 'Task 1.1 · Tests');
    assert.equal(at(TEXT.split('\n').findIndex((l) => l.startsWith('## Phase 2')), 3).label, 'Phase 2 · Config');
  });
});
