// Hover Markdown for commits and breadcrumbs.
import { strict as assert } from 'node:assert';
import type { CommitDetails } from '../../src/core/git';
import { breadcrumbHoverMarkdown, commandUri, commitHoverMarkdown, escapeMarkdown, unresolvedCrumbMarkdown } from '../../src/vscode/providers/hoverText';
import { crumb } from './vscode-providers-format.test';

const NOW = Date.parse('2026-01-10T12:00:00Z');
const FULL = 'af65598c0ffee00000000000000000000000abcd';
const details: CommitDetails = {
  sha: FULL, subject: 'feat(api): *bold* [link](x)', author: 'Ada Lovelace', authorEmail: 'ada@example.com', date: '2026-01-08T09:00:00Z',
  filesChanged: 3, localBranches: ['main'], remoteBranches: ['origin/main'], tags: ['v1.0.0'],
};

function decodeCommand(md: string, name: string): unknown {
  const m = new RegExp(`\\(command:${name.replace('.', '\\.')}\\?([^ )]+)`).exec(md);
  assert.ok(m, `no ${name} link in:\n${md}`);
  return JSON.parse(decodeURIComponent(m[1]!));
}

describe('vscode providers: hover Markdown', () => {
  it('escapes Markdown in commit text', () => {
    assert.equal(escapeMarkdown('*a* [b](c) <d>'), '\\*a\\* \\[b\\]\\(c\\) \\<d\\>');
  });

  it('builds command links with JSON arguments', () => {
    assert.equal(commandUri('x.y', { a: 1 }), `command:x.y?${encodeURIComponent('[{"a":1}]')}`);
  });

  it('shows subject, author, date, files, branches, tags and pushed state with Open Commit and Copy SHA', () => {
    const md = commitHoverMarkdown('af65598', { status: 'ok', sha: FULL, submodule: null }, details, 'file:///w/HANDOFF.md', NOW);
    assert.match(md, /\*\*feat\\\(api\\\): \\\*bold\\\* \\\[link\\\]\\\(x\\\)\*\*/);
    assert.match(md, /`af65598`/);
    assert.match(md, /Ada Lovelace <ada@example\\\.com>, 2 days ago \(2026\\-01\\-08T09:00:00Z\)/);
    assert.match(md, /3 files changed/);
    assert.match(md, /On `main`, `origin\/main`/);
    assert.match(md, /Tagged `v1\.0\.0`/);
    assert.match(md, /Pushed \(`origin\/main`\)/);
    assert.deepEqual(decodeCommand(md, 'handoffNavigator.openCommit'), [{ uri: 'file:///w/HANDOFF.md', sha: 'af65598' }]);
    assert.deepEqual(decodeCommand(md, 'handoffNavigator.copySha'), [{ uri: 'file:///w/HANDOFF.md', sha: 'af65598' }]);
  });

  it('offers Open Changes only where the git extension can show them', () => {
    const state = { status: 'ok', sha: FULL, submodule: null } as const;
    assert.doesNotMatch(commitHoverMarkdown('af65598', state, details, 'file:///h', NOW), /Open Changes/);
    const md = commitHoverMarkdown('af65598', state, details, 'file:///h', NOW, true);
    assert.deepEqual(decodeCommand(md, 'handoffNavigator.openCommitChanges'), [{ uri: 'file:///h', sha: 'af65598' }]);
    assert.doesNotMatch(commitHoverMarkdown('abc1234', { status: 'unknown', sha: null, reason: 'x' }, undefined, 'file:///h', NOW, true), /Open Changes/);
  });

  it('says when a commit is not pushed', () => {
    const md = commitHoverMarkdown('af65598', { status: 'unpushed', sha: FULL }, { ...details, remoteBranches: [] }, 'file:///h', NOW);
    assert.match(md, /`af65598` · unpushed/);
    assert.match(md, /\*\*Not pushed\*\*/);
    assert.doesNotMatch(md, /Pushed \(/);
  });

  it('explains an unknown or ambiguous commit, offering only Copy SHA', () => {
    const unknown = commitHoverMarkdown('abc1234', { status: 'unknown', sha: null, reason: 'is not in this repository (a typo?)' }, undefined, 'file:///h', NOW);
    assert.match(unknown, /Commit `abc1234` is not in this repository \(a typo\?\)\./);
    assert.doesNotMatch(unknown, /openCommit/);
    assert.match(unknown, /Copy SHA/);
    const ambiguous = commitHoverMarkdown('abc1', { status: 'ambiguous', sha: null, candidates: ['abc1000000000000', 'abc1ffffffffffff'] }, undefined, 'file:///h', NOW);
    assert.match(ambiguous, /- `abc100000000`\n- `abc1ffffffff`/);
  });

  it('fences a breadcrumb excerpt with the file\'s language', () => {
    const text = 'a = 1\nb = 2\nc = 3\nd = 4\ne = 5\n';
    assert.equal(breadcrumbHoverMarkdown(crumb({ path: 'x.py', line: 3 }), 'pkg/x.py', text), '`pkg/x.py:3` · lines 1–5\n\n```python\na = 1\nb = 2\nc = 3\nd = 4\ne = 5\n```');
    assert.match(breadcrumbHoverMarkdown(crumb({ path: 'x.py', line: 9 }), 'pkg/x.py', text), /line 9 is past the end of the file \(5 lines\)/);
  });

  it('lists the candidates of an ambiguous breadcrumb, or says it is missing', () => {
    assert.equal(unresolvedCrumbMarkdown(crumb({ path: 'index.ts' }), ['src/a/index.ts', 'src/b/index.ts']), '`index.ts` matches 2 files:\n\n- `src/a/index.ts`\n- `src/b/index.ts`');
    assert.match(unresolvedCrumbMarkdown(crumb({ path: 'src/nowhere.ts' }), []), /not in the workspace/);
  });
});
