// Which known handoff supersedes which, and which must be analysed again when a handoff appears, goes or is
// renamed: the store's side of supersede (the decision by name is the core's newerInFolder; a copy's, newerAsCopy).
import { strict as assert } from 'node:assert';
import { seriesChanged, supersedingOf, type SeriesMember } from '../../src/vscode/store/series';

const file = (fsPath: string, scheme = 'file', authority = '') => ({ scheme, authority, fsPath, toString: () => `${scheme}://${authority}${fsPath}` });
const member = (fsPath: string, supersededBy?: string | null, scheme?: string): SeriesMember => ({ uri: file(fsPath, scheme), supersededBy });

describe('vscode store: handoff series', () => {
  const may = '/w/docs/SESSION-HANDOFF-2026-05-19-a.md';
  const june = '/w/docs/SESSION-HANDOFF-2026-06-01-b.md';

  it('finds the newer handoff of a series in the same folder among the known ones', () => {
    const all = [member(may), member(june), member('/w/SESSION-HANDOFF-2026-07-01-c.md'), member('/w/docs/HANDOFF.md')];
    assert.equal(supersedingOf(all[0]!, all), june);
    assert.equal(supersedingOf(all[1]!, all), null, 'the newest is current');
    assert.equal(supersedingOf(all[3]!, all), null, 'no date or number: no series');
  });

  it('looks only within one file system, and never among unsaved buffers', () => {
    assert.equal(supersedingOf(member(may), [member(june, undefined, 'vscode-vfs')]), null);
    const untitled = (n: number): SeriesMember => ({ uri: { scheme: 'untitled', authority: '', fsPath: `Untitled-${n}`, toString: () => `untitled:Untitled-${n}` } });
    const one = untitled(1);
    assert.equal(supersedingOf(one, [one, untitled(2)]), null);
  });

  it('asks to analyse again the handoffs whose answer changed, and leaves the never-analysed ones alone', () => {
    // June appeared after May was analysed as current; June itself is not analysed yet.
    const mayCurrent = member(may, null);
    assert.deepEqual(seriesChanged([mayCurrent, member(june), member('/w/HANDOFF.md', null)]), [mayCurrent]);
    // June went again (or was renamed out of the series): May, analysed as superseded by it, is current again.
    const maySuperseded = member(may, june);
    assert.deepEqual(seriesChanged([maySuperseded]), [maySuperseded]);
    assert.deepEqual(seriesChanged([member(may, june), member(june, null)]), []);
  });

  it('a copy of a superseded handoff (its latest text) is superseded with it, and analysed again when the original lands', () => {
    const text = '# May\n\n- [ ] step\n';
    const copy = '/w/docs/handoff-1126pm-may.md';
    const all = [{ ...member(may, june), text }, member(june, null), member(copy)];
    assert.equal(supersedingOf(all[2]!, all, text), june, 'the same text as the superseded May');
    assert.equal(supersedingOf(all[2]!, all, `${text}- [ ] more\n`), null, 'another text');
    assert.equal(supersedingOf(all[2]!, all), null, 'by name alone');
    assert.equal(supersedingOf(all[1]!, [...all, { ...member('/w/docs/copy-of-june.md', null), text }], text), null, 'June is newest, whatever copies say');
    // The copy was analysed before May landed: May's landing makes its answer change.
    const copyCurrent = { ...member(copy, null), text };
    assert.deepEqual(seriesChanged([{ ...member(may, june), text }, member(june, null), copyCurrent]), [copyCurrent]);
    assert.deepEqual(seriesChanged([{ ...member(may, june), text: 'edited' }, member(june, null), copyCurrent]), [], 'May edited: no longer a copy');
    // After a landing only the landed handoff's folder is looked at.
    const elsewhere = member('/w/other/SESSION-HANDOFF-2026-05-19-a.md', '/w/other/gone.md');
    const known = [{ ...member(may, june), text }, member(june, null), copyCurrent, elsewhere];
    assert.deepEqual(seriesChanged(known, file(may)), [copyCurrent]);
    assert.deepEqual(seriesChanged(known), [copyCurrent, elsewhere]);
  });

  it("GSD's pause file answers to the known STATE.md, in another folder, and is asked again when that folder changes", () => {
    const pausePath = '/w/.planning/phases/02-data/.continue-here.md';
    const pauseText = '---\nlast_updated: 2026-02-19T09:28:45Z\n---\n\n1. answer test 3\n';
    const statePath = '/w/.planning/STATE.md';
    const moved = { ...member(statePath, null), text: 'Last session: 2026-02-21\nResume file: None\n' };
    const pausedNow = { ...member(statePath, null), text: 'Last session: 2026-02-19\nResume file: .planning/phases/02-data/.continue-here.md\n' };
    const pause = { ...member(pausePath, null), text: pauseText };
    assert.equal(supersedingOf(pause, [pause, moved], pauseText), statePath);
    assert.equal(supersedingOf(pause, [pause, pausedNow], pauseText), null);
    assert.equal(supersedingOf(pause, [pause], pauseText), null, 'no STATE.md known');
    // STATE.md landed in its own folder: the pause file, analysed as current, is asked again.
    assert.deepEqual(seriesChanged([pause, moved], file(statePath)), [pause]);
    assert.deepEqual(seriesChanged([pause, pausedNow], file(statePath)), []);
  });
});
