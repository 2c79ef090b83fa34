// How far the repository moved since a handoff was written, in the words of the title lens, the tree and the
// moved-branch lenses; which handoff supersedes it; and which commits the facts let the editor open.
import { strict as assert } from 'node:assert';
import { emptyFacts, type AnchorFact, type HandoffFacts } from '../../src/core/facts/types';
import {
  displaySupersededBy, factSha, freshnessShort, freshnessTitle, freshnessTooltip, looksLikePath, movedRefTitle, supersededTitle,
} from '../../src/vscode/freshness';

const NOW = Date.parse('2026-01-10T12:00:00Z');
const ANCHOR: AnchorFact = {
  sha: '1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b', time: NOW / 1000 - 3 * 86400 - 60, subject: 'Write the handoff', how: 'blob', newer: null,
};

export function factsWith(partial: Partial<HandoffFacts>): HandoffFacts {
  return { ...emptyFacts({ refs: [], files: [] }), repo: { root: '/w' } as HandoffFacts['repo'], ...partial };
}

describe('vscode freshness', () => {
  it('titles the heading lens by the commits since the anchor, with the anchor and its age', () => {
    const f = (sinceAnchor: number | null) => factsWith({ anchor: ANCHOR, freshness: { sinceAnchor, days: 3, branch: 'main' } });
    assert.equal(freshnessTitle(f(12), NOW), '+12 commits since this handoff · 1a2b3c4, 3 days ago');
    assert.equal(freshnessTitle(f(1), NOW), '+1 commit since this handoff · 1a2b3c4, 3 days ago');
    assert.equal(freshnessTitle(f(0), NOW), 'up to date · 1a2b3c4, 3 days ago');
    assert.equal(freshnessTitle(f(null), NOW), 'written at 1a2b3c4, 3 days ago, not in the history of main');
    assert.equal(freshnessTitle(factsWith({ anchor: ANCHOR, freshness: null }), NOW), 'written at 1a2b3c4, 3 days ago');
  });

  it('says "not committed yet" for a handoff git never saw, and nothing without git', () => {
    assert.equal(freshnessTitle(factsWith({ anchor: null }), NOW), 'not committed yet');
    assert.equal(freshnessTitle(null, NOW), null);
    // Git ran but found no repository: nothing true to say about commits.
    assert.equal(freshnessTitle(factsWith({ repo: null }), NOW), null);
    assert.match(freshnessTooltip(factsWith({ anchor: null }), NOW), /not committed/);
  });

  it('explains the anchor in the tooltip', () => {
    const tip = freshnessTooltip(factsWith({ anchor: ANCHOR, freshness: { sinceAnchor: 12, days: 3, branch: 'main' } }), NOW);
    assert.match(tip, /Written at 1a2b3c4 "Write the handoff" \(the commit that wrote this text\), 3 days ago\./);
    assert.match(tip, /main has 12 commits since \(3 days of history\)\./);
  });

  it('gives the tree a short form', () => {
    assert.equal(freshnessShort(factsWith({ anchor: ANCHOR, freshness: { sinceAnchor: 12, days: 3, branch: 'main' } })), '+12 since');
    assert.equal(freshnessShort(factsWith({ anchor: ANCHOR, freshness: { sinceAnchor: 0, days: 0, branch: 'main' } })), 'up to date');
    assert.equal(freshnessShort(factsWith({ anchor: null })), 'not committed');
    assert.equal(freshnessShort(null), null);
  });

  it('titles a branch claim that moved on, and nothing for other ref facts', () => {
    const now = 'ffeeddccbbaa99887766554433221100ffeeddcc';
    assert.equal(movedRefTitle({ kind: 'moved', ref: 'main', now, since: 12 }), 'main +12 since this handoff');
    assert.equal(movedRefTitle({ kind: 'moved', ref: 'main', now, since: null }), 'main moved on · now ffeeddc');
    assert.equal(movedRefTitle({ kind: 'holds' }), null);
    assert.equal(movedRefTitle({ kind: 'rewritten', ref: 'main', now }), null);
  });

  it('names what supersedes a handoff: a newer handoff by its file name, a reason as the core gives it', () => {
    assert.equal(supersededTitle('/w/docs/SESSION-HANDOFF-2026-05-21-b.md'), 'superseded by SESSION-HANDOFF-2026-05-21-b.md');
    assert.equal(supersededTitle('C:\\w\\SESSION-HANDOFF-2026-05-21-b.md'), 'superseded by SESSION-HANDOFF-2026-05-21-b.md');
    assert.equal(displaySupersededBy('a newer version of this file (abc1234)'), 'a newer version of this file (abc1234)');
    assert.equal(looksLikePath('the repository: 230 commits and 40 days since this handoff'), false);
  });

  it('finds the full SHA of a commit the facts name, from a unique prefix', () => {
    const newer = { sha: 'abcdef0123456789abcdef0123456789abcdef01', time: 0 };
    const facts = factsWith({
      anchor: { ...ANCHOR, newer },
      files: [{ kind: 'gone', when: 'after-anchor', paths: ['a.ts'], deletion: { path: 'a.ts', sha: '9999999aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', time: 0, subject: 'rm', renamedTo: null }, movedTo: null }],
    });
    assert.equal(factSha(facts, ANCHOR.sha), ANCHOR.sha);
    assert.equal(factSha(facts, '1A2B3C4'), ANCHOR.sha);
    assert.equal(factSha(facts, 'abcdef0'), newer.sha);
    assert.equal(factSha(facts, '9999999'), '9999999aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    assert.equal(factSha(facts, '1a2b3c'), null, 'too short');
    assert.equal(factSha(facts, '7777777'), null);
    assert.equal(factSha(null, ANCHOR.sha), null);
  });
});
