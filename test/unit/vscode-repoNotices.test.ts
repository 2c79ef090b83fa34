// A repository's git fault is said once for the repository, not once per handoff (issue 12: "the extension host,
// given the same faults, shows one notice per repository"); a handoff's own notices stay per handoff.
import { strict as assert } from 'node:assert';
import { RepositoryNotices, repositoryNoticeKind } from '../../src/vscode/store/repoNotices';

const TIMEOUT = 'git took longer than 500 ms (git log); showing parse-only results';
const SLOW = 'git took longer than 500 ms in this repository (git log): it is not asked again until the repository changes; showing parse-only results';

describe('repository notices', () => {
  it('git timeouts, a missing git and a corrupt repository are the repository\'s; the rest a handoff\'s own', () => {
    assert.equal(repositoryNoticeKind(TIMEOUT), 'slow');
    assert.equal(repositoryNoticeKind(SLOW), 'slow');
    assert.equal(repositoryNoticeKind('git is not installed or not on PATH; showing parse-only results'), 'not-installed');
    assert.equal(repositoryNoticeKind('the git repository looks corrupt (bad object); showing parse-only results'), 'corrupt');
    assert.equal(repositoryNoticeKind('no remote: unpushed commits are not checked'), null);
  });

  it('five handoffs of a hanging repository: one notice; another repository gets its own', () => {
    const board = new RepositoryNotices();
    const shown = [
      ...board.report('a', '/r', [TIMEOUT, 'no remote: unpushed commits are not checked'], true),
      ...['b', 'c', 'd', 'e'].flatMap((h) => board.report(h, '/r', [SLOW], true)),
      ...board.report('x', '/other', [SLOW], true),
    ];
    assert.deepEqual(shown, [
      { text: `/r: ${TIMEOUT}`, repository: true },
      { text: 'no remote: unpushed commits are not checked', repository: false },
      { text: `/other: ${SLOW}`, repository: true },
    ]);
    assert.deepEqual(board.shown, [`/r: ${TIMEOUT}`, `/other: ${SLOW}`]);
  });

  it('said again only after every handoff of the repository recovered and the fault came back', () => {
    const board = new RepositoryNotices();
    board.report('a', '/r', [TIMEOUT], true);
    board.report('b', '/r', [SLOW], true);
    assert.deepEqual(board.report('a', '/r', [], true), []);
    assert.deepEqual(board.report('a', '/r', [SLOW], true), [], 'b still has it');
    board.report('a', '/r', [], true);
    board.forget('b');
    assert.deepEqual(board.report('c', '/r', [SLOW], true).map((n) => n.repository), [true]);
  });

  it('a handoff\'s own notices are shown when they change, and without a repository every notice is its own', () => {
    const board = new RepositoryNotices();
    assert.deepEqual(board.report('a', null, [TIMEOUT], false), []);
    assert.deepEqual(board.report('a', null, [TIMEOUT], true), [{ text: TIMEOUT, repository: false }]);
  });
});
