// Lens titles, relative dates and commit-state wording: the strings users read over a handoff.
import { strict as assert } from 'node:assert';
import type { CommitDetails } from '../../src/core/git';
import type { FileBreadcrumb } from '../../src/core/model';
import {
  asCommitState, commitLensTitle, crumbSuffix, fileLensTitle, relativeDate, resolvedSha, stateWords, truncate,
} from '../../src/vscode/providers/format';

const NOW = Date.parse('2026-01-10T12:00:00Z');

export function crumb(partial: Partial<FileBreadcrumb>): FileBreadcrumb {
  return {
    path: 'src/app.ts', line: null, endLine: null, column: null, symbol: null, external: false,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } }, phase: null, source: 'code',
    qualifier: null, folderHint: null, ...partial,
  };
}

const details: CommitDetails = {
  sha: 'af65598c0ffee00000000000000000000000abcd', subject: 'feat(api): easy-playbook endpoints', author: 'Ada', authorEmail: 'ada@example.com',
  date: '2026-01-08T09:00:00Z', filesChanged: 3, localBranches: ['main'], remoteBranches: [], tags: [],
};

describe('vscode providers: format', () => {
  describe('relativeDate', () => {
    const ago = (seconds: number) => relativeDate(new Date(NOW - seconds * 1000).toISOString(), NOW);
    it('reads recent times as "just now", minutes and hours', () => {
      assert.equal(ago(5), 'just now');
      assert.equal(ago(60), '1 minute ago');
      assert.equal(ago(59 * 60), '59 minutes ago');
      assert.equal(ago(3 * 3600), '3 hours ago');
    });
    it('says "yesterday" for one day and counts days, weeks, months, years', () => {
      assert.equal(ago(86400 + 10), 'yesterday');
      assert.equal(ago(2 * 86400 + 3600), '2 days ago');
      assert.equal(ago(14 * 86400), '2 weeks ago');
      assert.equal(ago(65 * 86400), '2 months ago');
      assert.equal(ago(400 * 86400), '1 year ago');
    });
    it('shows a future date as the date, and an unreadable one as nothing', () => {
      assert.equal(relativeDate('2026-03-01T00:00:00Z', NOW), 'on 2026-03-01');
      assert.equal(relativeDate('not a date', NOW), '');
    });
  });

  it('truncates on a word boundary with an ellipsis', () => {
    assert.equal(truncate('short', 10), 'short');
    assert.equal(truncate('feat(api): add the easy playbook endpoints now', 30), 'feat(api): add the easy…');
    assert.equal(truncate('x'.repeat(40), 10), `${'x'.repeat(9)}…`);
  });

  describe('commit states', () => {
    it('accepts only the core\'s states', () => {
      assert.equal(asCommitState(undefined), undefined);
      assert.equal(asCommitState({ status: 'weird' }), undefined);
      assert.deepEqual(asCommitState({ status: 'unpushed', sha: 'a' }), { status: 'unpushed', sha: 'a' });
    });
    it('resolves a full SHA for ok, unpushed and dangling commits only', () => {
      assert.equal(resolvedSha({ status: 'ok', sha: 'f'.repeat(40), submodule: null }), 'f'.repeat(40));
      assert.equal(resolvedSha({ status: 'unknown', sha: 'e'.repeat(40), reason: 'on no branch' }), 'e'.repeat(40));
      assert.equal(resolvedSha({ status: 'unknown', sha: null, reason: 'x' }), null);
      assert.equal(resolvedSha({ status: 'ambiguous', sha: null, candidates: ['a', 'b'] }), null);
      assert.equal(resolvedSha(undefined), null);
    });
    it('words each state', () => {
      assert.equal(stateWords({ status: 'ok', sha: 'a', submodule: null }), '');
      assert.equal(stateWords({ status: 'ok', sha: 'a', submodule: 'vendor/lib' }), 'in vendor/lib');
      assert.equal(stateWords({ status: 'unpushed', sha: 'a' }), 'unpushed');
      assert.equal(stateWords({ status: 'unknown', sha: 'a', reason: 'x' }), 'on no branch');
      assert.equal(stateWords({ status: 'unknown', sha: null, reason: 'x' }), 'not in this repository');
      assert.equal(stateWords({ status: 'ambiguous', sha: null, candidates: ['a', 'b'] }), 'ambiguous: 2 commits');
      assert.equal(stateWords({ status: 'shallow-unknown', sha: null }), 'not found (shallow clone)');
      assert.equal(stateWords({ status: 'elsewhere', sha: null, repository: 'mimik-contracts' }), 'in mimik-contracts');
      assert.deepEqual(asCommitState({ status: 'elsewhere', sha: null, repository: 'x' }), { status: 'elsewhere', sha: null, repository: 'x' });
    });
  });

  describe('commitLensTitle', () => {
    it('reads "sha · subject · age · unpushed" once details are resolved', () => {
      assert.equal(
        commitLensTitle('af65598', { status: 'unpushed', sha: details.sha }, details, NOW),
        'af65598 · feat(api): easy-playbook endpoints · 2 days ago · unpushed',
      );
    });
    it('omits the state of a pushed commit and shortens a long written SHA', () => {
      assert.equal(commitLensTitle(details.sha, { status: 'ok', sha: details.sha, submodule: null }, details, NOW),
        'af65598 · feat(api): easy-playbook endpoints · 2 days ago');
    });
    it('shows the SHA and its state before (or without) details', () => {
      assert.equal(commitLensTitle('abc1234', { status: 'unknown', sha: null, reason: 'x' }, undefined, NOW), 'abc1234 · not in this repository');
      assert.equal(commitLensTitle('abc1234', undefined, undefined, NOW), 'abc1234');
    });
  });

  describe('fileLensTitle', () => {
    it('opens one target with the line, range, column or symbol as written', () => {
      assert.equal(fileLensTitle(crumb({ path: 'app/arq_setup.py', line: 113 }), 1), 'Open arq_setup.py:113');
      assert.equal(fileLensTitle(crumb({ path: 'parser.ts', line: 49, endLine: 51 }), 1), 'Open parser.ts:49-51');
      assert.equal(fileLensTitle(crumb({ line: 12, column: 5 }), 1), 'Open app.ts:12:5');
      assert.equal(fileLensTitle(crumb({ path: 'app/api/files.py', symbol: 'upload_file' }), 1), 'Open files.py › upload_file');
      assert.equal(fileLensTitle(crumb({}), 1), 'Open app.ts');
    });
    it('counts the matches of an ambiguous name and warns about a missing file', () => {
      assert.equal(fileLensTitle(crumb({ path: 'index.ts' }), 3), '3 matches for index.ts…');
      assert.equal(fileLensTitle(crumb({ path: 'src/nowhere.ts', line: 4 }), 0), '$(warning) nowhere.ts not found · Search…');
    });
    it('ignores an end line that does not follow the start', () => {
      assert.equal(crumbSuffix(crumb({ line: 9, endLine: 9 })), ':9');
      assert.equal(crumbSuffix(crumb({ line: 9, endLine: 3 })), ':9');
    });
  });
});
