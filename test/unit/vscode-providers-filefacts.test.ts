// A breadcrumb whose file is not there, told from the file facts (not from diagnostics, so it holds whatever the
// missing-file rule's severity): where a renamed file went, when and by which commit a file went, that it never was
// in this repository, that .gitignore keeps it out of git — in the hover, the lens and the tree's word.
import { strict as assert } from 'node:assert';
import type { FileFact } from '../../src/core/facts/types';
import { movedLensTitle } from '../../src/vscode/providers/format';
import { crumbIndex, fileFactOf, missingFileMarkdown, missingLensTitle, missingWord, movedFileOf } from '../../src/vscode/providers/fileFacts';
import { crumb } from './vscode-providers-format.test';
import { factsWith } from './vscode-freshness.test';

const NOW = Date.parse('2026-01-10T12:00:00Z');
const DAY = 86400;
const SHA = '8ade5c4f00000000000000000000000000000000';
const ANCHOR = { sha: '1a2b3c4d00000000000000000000000000000000', time: NOW / 1000 - 10 * DAY, subject: 'handoff', how: 'blob' as const, newer: null };

function gone(when: Extract<FileFact, { kind: 'gone' }>['when'], renamedTo: string | null, movedTo: string | null, withDeletion = true): Extract<FileFact, { kind: 'gone' }> {
  return {
    kind: 'gone', when, paths: ['src/old/helper.ts'], movedTo,
    deletion: withDeletion ? { path: 'src/old/helper.ts', sha: SHA, time: NOW / 1000 - 2 * DAY, subject: 'Move the helper', renamedTo } : null,
  };
}

describe('vscode providers: file facts', () => {
  const c = crumb({ path: 'src/old/helper.ts', line: 4 });
  const committed = factsWith({ anchor: ANCHOR });
  const uncommitted = factsWith({ anchor: null });

  it('finds where a renamed file went from its fact alone (no diagnostic needed)', () => {
    const moved = movedFileOf(gone('after-anchor', 'src/lib/helper.ts', '/w/src/lib/helper.ts'), committed);
    assert.deepEqual(moved, {
      path: '/w/src/lib/helper.ts', sha: SHA,
      message: 'src/old/helper.ts was renamed to src/lib/helper.ts in 8ade5c4, after this handoff was written',
    });
    assert.equal(movedLensTitle(c, 'src/lib/helper.ts'), 'helper.ts moved · Open src/lib/helper.ts:4');
    // An uncommitted handoff describes now: "before this handoff" would say nothing true.
    assert.equal(movedFileOf(gone('before-anchor', 'src/lib/helper.ts', '/w/src/lib/helper.ts'), uncommitted)!.message,
      'src/old/helper.ts was renamed to src/lib/helper.ts in 8ade5c4');
  });

  it('has no new home for a deletion, a rename whose target is gone too, or a file that is there', () => {
    assert.equal(movedFileOf(gone('after-anchor', null, null), committed), null);
    assert.equal(movedFileOf(gone('after-anchor', 'src/lib/helper.ts', null), committed), null);
    assert.equal(movedFileOf({ kind: 'found', paths: ['/w/a.ts'], lines: 3 }, committed), null);
    assert.equal(movedFileOf(undefined, null), null);
  });

  it('tells in the hover when the file went and by which commit, with a link to it', () => {
    const link = (sha: string) => `[Open Commit](${sha})`;
    const deleted = missingFileMarkdown(c, gone('after-anchor', null, null), committed, NOW, link)!;
    assert.equal(deleted, '`src/old/helper.ts` was **deleted**, after this handoff was written, in `8ade5c4` "Move the helper", 2 days ago.\n\n[Open Commit](' + SHA + ')');
    assert.match(missingFileMarkdown(c, gone('before-anchor', 'src/lib/helper.ts', '/w/src/lib/helper.ts'), committed, NOW)!,
      /^`src\/old\/helper\.ts` was \*\*renamed\*\* to `src\/lib\/helper\.ts`, before this handoff was written, in `8ade5c4`/);
    assert.match(missingFileMarkdown(c, gone('with-anchor', null, null), committed, NOW)!, /, in the commit that wrote this handoff, in `8ade5c4`/);
    assert.match(missingFileMarkdown(c, gone('after-anchor', 'src/lib/helper.ts', null), committed, NOW)!, /`src\/lib\/helper\.ts` is gone too\.$/);
    assert.equal(missingFileMarkdown(c, gone('work-tree', null, null, false), committed, NOW), '`src/old/helper.ts` is deleted in the work tree (not committed).');
    // Untracked on purpose, and archived with the handoff: the hover says so.
    assert.match(missingFileMarkdown(c, { ...gone('after-anchor', null, null), ignoredNow: true }, committed, NOW)!, /"Move the helper", 2 days ago\. Git ignores it now: a local file/);
    assert.match(missingFileMarkdown(c, { ...gone('after-anchor', 'src/lib/helper.ts', '/w/src/lib/helper.ts'), movedWithHandoff: true }, committed, NOW)!,
      /^`src\/old\/helper\.ts` was \*\*moved with this handoff\*\* to `src\/lib\/helper\.ts`, in `8ade5c4`/);
  });

  it('says a file never in the repository is not in it, and that .gitignore keeps an ignored one out of git', () => {
    assert.equal(missingFileMarkdown(c, { kind: 'absent' }, committed, NOW), '`src/old/helper.ts` is not in this repository (planned, or in another repository?).');
    assert.match(missingFileMarkdown(c, { kind: 'ignored' }, committed, NOW)!, /`\.gitignore` keeps it out of git/);
    assert.match(missingFileMarkdown(c, { kind: 'submodule', submodule: 'vendor/lib' }, committed, NOW)!, /submodule `vendor\/lib`, which is not checked out/);
    assert.equal(missingFileMarkdown(c, { kind: 'unchecked' }, committed, NOW), null);
    assert.equal(missingFileMarkdown(c, undefined, null, NOW), null);
  });

  it('titles the lens from the fact, warning only where Problems warns', () => {
    assert.equal(missingLensTitle(c, { kind: 'absent' }, false), 'helper.ts not in this repository · Search…');
    assert.equal(missingLensTitle(c, { kind: 'ignored' }, false), 'helper.ts not here (ignored by git) · Search…');
    assert.equal(missingLensTitle(c, gone('after-anchor', null, null), true), '$(warning) helper.ts deleted · Search…');
    assert.equal(missingLensTitle(c, gone('before-anchor', null, null), false), 'helper.ts deleted · Search…');
    assert.equal(missingLensTitle(c, { kind: 'unchecked' }, false), '$(warning) helper.ts not found · Search…');
    assert.equal(missingWord({ kind: 'absent' }), 'not in repository');
    assert.equal(missingWord(gone('after-anchor', 'src/lib/helper.ts', '/w/src/lib/helper.ts')), 'moved');
    assert.equal(missingWord(undefined), 'missing');
  });

  it('finds a breadcrumb\'s fact by identity, else by where it is written', () => {
    const a = crumb({ path: 'a.ts' });
    const b = crumb({ path: 'b.ts', range: { start: { line: 3, character: 1 }, end: { line: 3, character: 5 } } });
    const facts = factsWith({ files: [{ kind: 'absent' }, { kind: 'ignored' }] });
    assert.equal(crumbIndex([a, b], { ...b }), 1);
    assert.deepEqual(fileFactOf({ model: { files: [a, b] }, facts }, b), { kind: 'ignored' });
    assert.equal(fileFactOf({ model: { files: [a, b] }, facts: null }, b), undefined);
  });
});
