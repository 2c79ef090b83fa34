// The Handoff view's data: phase tree, items under their innermost phase, icons by state, counts, actions and
// the node under a cursor — from a real parse of a small handoff, with git states and file targets given.
import { strict as assert } from 'node:assert';
import { createLanguageService } from '../../src/core/service';
import { buildHandoffNode, nodeAt, walk, type TreeNode } from '../../src/vscode/tree/model';

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

function build(states: Record<string, unknown>, targets: Record<string, string[] | null>) {
  const model = createLanguageService().getModel({ path: '/w/HANDOFF.md', version: 1, text: TEXT });
  return buildHandoffNode({
    uri: 'file:///w/HANDOFF.md', name: 'HANDOFF.md', model, newest: true,
    commitStates: new Map(Object.entries(states)),
    fileTargets: model.files.map((f) => targets[f.path] ?? null),
  });
}

const lines = (n: TreeNode, d = 0): string[] => [`${'  '.repeat(d)}${n.kind} ${n.label} | ${n.description} | ${n.icon.id}`, ...n.children.flatMap((c) => lines(c, d + 1))];

describe('vscode tree model', () => {
  const root = build(
    { abc1234: { status: 'ok' }, def5678: { status: 'unpushed' }, 'fedcba9': { status: 'unknown', reason: 'is on no branch' } },
    { 'src/parser.ts': ['/w/src/parser.ts'], 'src/missing.ts': [] },
  );

  it('nests phases and puts each item under its innermost phase, with states and counts', () => {
    assert.deepEqual(lines(root), [
      'handoff HANDOFF.md | newest · 1/4 steps · 1 unpushed · 1 unknown · 1 missing | star-full',
      '  phase Handoff | 1/4 steps · 1 unpushed · 1 unknown · 1 missing | symbol-namespace',
      '    phase Phase 1: Parser | 1/3 steps · 1 unpushed · 1 missing | milestone',
      '      phase Task 1.1: Tests | 0/2 steps · 1 unpushed · 1 missing | milestone',
      '        commit def5678 | unpushed | cloud-upload',
      '        file src/missing.ts | missing | warning',
      '        step Write tests for commit def5678. |  | circle-large-outline',
      '        step Blocked on `src/missing.ts`. | blocked | error',
      '      commit abc1234 | pushed | git-commit',
      '      file src/parser.ts:12 |  | file',
      '      step Parser landed in commit abc1234. | done | pass-filled',
      '    phase Phase 2: Config | 0/1 steps · 1 unknown | milestone',
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
    const phase = all.find((n) => n.label === 'Phase 2: Config')!;
    assert.equal(phase.action.kind, 'reveal');
  });

  it('says "not checked" for commits without git, and marks nothing missing without targets', () => {
    const bare = build({}, {});
    const commits = [...walk(bare)].filter((n) => n.kind === 'commit');
    assert.ok(commits.every((c) => c.description === 'not checked' && c.icon.id === 'git-commit'));
    assert.ok(![...walk(bare)].some((n) => n.description.includes('missing')));
  });

  it('finds the node under a cursor: the item on that spot, else the innermost phase', () => {
    const commitLine = TEXT.split('\n').findIndex((l) => l.includes('def5678'));
    const at = (line: number, character: number) => nodeAt(root, { line, character })!;
    assert.equal(at(commitLine, TEXT.split('\n')[commitLine].indexOf('def5678') + 1).label, 'def5678');
    assert.equal(at(commitLine + 1, 0).label, 'Task 1.1: Tests');
    assert.equal(at(TEXT.split('\n').findIndex((l) => l.startsWith('## Phase 2')), 3).label, 'Phase 2: Config');
  });
});
