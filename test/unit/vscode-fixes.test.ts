// The adapter's pure parts of the quick fixes: what "Push…" pushes and how it asks; which Handoffs view items
// get a checkbox and a "Quick Fix…" entry (their contextValue), from a real parse and the core's fixable ranges.
import { strict as assert } from 'node:assert';
import { emptyFacts, type FileFact } from '../../src/core/facts/types';
import { fixableRanges } from '../../src/core/fixes';
import { createLanguageService } from '../../src/core/service';
import { planPush, pushConfirmation, type PushFacts } from '../../src/vscode/providers/pushPlan';
import { buildHandoffNode, walk } from '../../src/vscode/tree/model';

const SHA = 'abcdef1234567890abcdef1234567890abcdef12';
const facts = (over: Partial<PushFacts> = {}): PushFacts => ({
  sha: SHA, subject: 'WIP: local experiment', containing: ['main'], head: 'main',
  upstreams: new Map([['main', { remote: 'origin', name: 'main' }]]), remotes: ['origin'], ...over,
});

describe('push plan', () => {
  it('pushes the checked-out branch to its upstream when it holds the commit', () => {
    assert.deepEqual(planPush(facts()), { kind: 'push', branch: 'main', remote: 'origin', setUpstream: false, current: true });
  });

  it('pushes the one other branch holding the commit, setting an upstream on the only remote', () => {
    const plan = planPush(facts({ containing: ['topic'], upstreams: new Map() }));
    assert.deepEqual(plan, { kind: 'push', branch: 'topic', remote: 'origin', setUpstream: true, current: false });
    assert.deepEqual(pushConfirmation(facts(), plan as Extract<typeof plan, { kind: 'push' }>), {
      message: 'Push branch topic to origin?',
      detail: 'Commit abcdef1 "WIP: local experiment" is not on origin yet. This runs `git push -u origin topic` through VS Code\'s Git, and makes origin/topic its upstream: every commit of topic not on origin is pushed.',
    });
  });

  it('asks rather than guesses: several branches, several remotes without origin; refuses without branch or remote', () => {
    assert.deepEqual(planPush(facts({ containing: ['b', 'a'], head: 'main' })), { kind: 'choose-branch', branches: ['a', 'b'] });
    assert.deepEqual(planPush(facts({ upstreams: new Map(), remotes: ['up', 'fork'] })), { kind: 'choose-remote', branch: 'main', remotes: ['fork', 'up'] });
    assert.equal(planPush(facts({ upstreams: new Map(), remotes: ['up', 'origin'] })).kind, 'push');
    assert.equal(planPush(facts({ containing: [] })).kind, 'cannot');
    assert.equal(planPush(facts({ upstreams: new Map(), remotes: [] })).kind, 'cannot');
    assert.deepEqual(planPush(facts({ containing: ['b', 'a'] }), { branch: 'a', remote: 'origin' }), { kind: 'push', branch: 'a', remote: 'origin', setUpstream: true, current: false });
  });
});

describe('Handoffs view: checkboxes and quick-fix entries', () => {
  const text = '# H\n\n- Helper: `src/old/helper.ts:4`, parser `src/parser.ts:3`.\n- [ ] open\n- [x] done\n- [-] dropped\n- [!] blocked\n';
  const model = createLanguageService().getModel({ path: '/w/HANDOFF.md', version: 1, text });
  const renamed: FileFact = {
    kind: 'gone', when: 'after-anchor', paths: ['src/old/helper.ts'], movedTo: '/w/src/lib/helper.ts',
    deletion: { path: 'src/old/helper.ts', sha: 'a'.repeat(40), time: 0, subject: 'Move', renamedTo: 'src/lib/helper.ts' },
  };
  const f = { ...emptyFacts(model), repo: { root: '/w', gitDir: '/w/.git', commonDir: '/w/.git', shallow: false, head: { kind: 'branch' as const, name: 'main' } }, files: [renamed, { kind: 'found' as const, paths: ['/w/src/parser.ts'], lines: 10 }] };
  const fixable = fixableRanges({ text, documentPath: '/w/HANDOFF.md', model, facts: f });
  const root = buildHandoffNode({
    uri: 'file:///w/HANDOFF.md', name: 'HANDOFF.md', model, newest: true, commitStates: new Map(),
    fileTargets: [[], ['/w/src/parser.ts']], diagnostics: [], facts: f, supersededBy: null, fixable,
  });
  const nodes = [...walk(root)];

  it('gives every step a checkbox, ticked when done, except a step dropped on purpose', () => {
    assert.deepEqual(nodes.filter((n) => n.kind === 'step').map((n) => [n.label, n.checked]), [
      ['open', false], ['done', true], ['dropped', undefined], ['blocked', false],
    ]);
  });

  it('marks the items a quick fix applies to, and only those', () => {
    assert.deepEqual(nodes.filter((n) => n.kind === 'file').map((n) => [n.label, n.contextValue]), [
      ['src/old/helper.ts:4', 'file.missing.fixable'], ['src/parser.ts:3', 'file'],
    ]);
    assert.ok(nodes.filter((n) => n.kind === 'step').every((n) => !n.contextValue.endsWith('.fixable')), 'steps have checkboxes instead');
  });
});
