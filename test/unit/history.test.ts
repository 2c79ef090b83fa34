// The document's history (`model.history`): the parts that record the past rather than the current state.
// Each class on a small document written for the test: dated and numbered log entries (newest-first,
// oldest-first, bold entry lines, explicit Current/Previous titles), sections titled as history, superseded
// documents, finished tickets. Every range is checked by the text on its first and last lines.
import { strict as assert } from 'node:assert';
import { modelOf } from './support/fixtures';
import { parseDocument } from '../../src/core/parse/parseDocument';
import { extractHistory, isHistoric } from '../../src/core/extract/history';
import type { Range } from '../../src/core/model';
import { stepsToDo } from '../../src/core/extract/currentSteps';

const md = (...lines: string[]) => `${lines.join('\n')}\n`;

/** Each history range as `first line … last line`, with the range checked to start and end at line edges. */
function historyOf(text: string): string[] {
  const m = modelOf(text);
  const lines = m.text.split('\n');
  return m.history.map((r: Range) => {
    assert.equal(r.start.character, 0, 'a range starts at the start of its heading line');
    assert.equal(r.end.character, lines[r.end.line].length, 'a range ends at the end of its last line');
    return `${lines[r.start.line]} … ${lines[r.end.line]}`;
  });
}

describe('history: dated entries of a log', () => {
  it('oldest-first: every entry but the latest dated one is history, without the rule between entries', () => {
    const text = md(
      '# Parser worklog', '',
      '## 2026-03-01 — Setup', '', '- [ ] carry-over from setup', 'main at `1a2b3c4`.', '',
      '## 2026-03-02 — Tokens', '', '- [ ] carry-over from tokens', '', '---', '',
      '## 2026-03-04 — Export', '', '- [ ] export the CSV', '',
      '## Commands', '', '`npm test`',
    );
    assert.deepEqual(historyOf(text), [
      '## 2026-03-01 — Setup … main at `1a2b3c4`.',
      '## 2026-03-02 — Tokens … - [ ] carry-over from tokens',
    ]);
    const m = modelOf(text);
    assert.deepEqual(m.history[0], { start: { line: 2, character: 0 }, end: { line: 5, character: 18 } });
    // A claim there is history: the git rules must not call it stale.
    assert.deepEqual(m.commits.map((c) => [c.sha, isHistoric(m.history, c.range.start)]), [['1a2b3c4', true]]);
  });

  it('newest-first with month names: decided by the dates, not by position', () => {
    assert.deepEqual(historyOf(md(
      '# Importer notes', '',
      '### Jan 12, 2026 — Mapping', '- [ ] map the columns', '',
      '### Jan 5, 2026 — Schema', '- [ ] old schema note', '',
      '### 28 December 2025', '- [ ] older still',
    )), ['### Jan 5, 2026 — Schema … - [ ] old schema note', '### 28 December 2025 … - [ ] older still']);
  });

  it('a log grouped by month: older months and older days within the newest month', () => {
    assert.deepEqual(historyOf(md(
      '# Journal', '',
      '## March 2026', '### 2026-03-05', 'newest', '### 2026-03-02', 'older day', '',
      '## February 2026', '### 2026-02-20', 'older month',
    )), ['### 2026-03-02 … older day', '## February 2026 … older month']);
  });

  it('dated days and numbered sessions in titles of several shapes', () => {
    assert.deepEqual(historyOf(md(
      '# Log', '',
      '## Day 2 — 2026-01-06', 'Did the schema.', '',
      '## Day 3 — 2026-01-07', 'Did the loader.', '',
      '## [2026-01-05] Kick-off', 'Planned.', '',
      '## Handoff 2026-01-04 (first agent)', 'Set up.', '',
      '## Status update 2026-01-03', 'Scoped.',
    )), [
      '## Day 2 — 2026-01-06 … Did the schema.', '## [2026-01-05] Kick-off … Planned.',
      '## Handoff 2026-01-04 (first agent) … Set up.', '## Status update 2026-01-03 … Scoped.',
    ]);
  });

  it('a "Latest" marker with the entry\'s date: the entry is current, and two older ones of one day are history', () => {
    assert.deepEqual(historyOf(md(
      '# HANDOFF — Suite', '',
      '## ► LATEST (2026-07-29 16:29 +0530) · host · agent — RLS migration NOT YET APPLIED', '- [ ] apply the migration', '',
      '## (2026-07-26 am06) — layout engine shipped', '1. **Balance the layout**', '',
      '## (2026-07-26 am01) — storage bug fixed', '1. regenerate the creative', '',
      '## (2026-07-25 pm17) — operating model', 'Decided.',
    )), [
      '## (2026-07-26 am06) — layout engine shipped … 1. **Balance the layout**',
      '## (2026-07-26 am01) — storage bug fixed … 1. regenerate the creative',
      '## (2026-07-25 pm17) — operating model … Decided.',
    ]);
  });

  it('dated siblings with the same words before their dates are a log: a sprint number breaks a tie of days', () => {
    assert.deepEqual(historyOf(md(
      '# Session Log', '',
      '## 🧭 Remote Resume — 2026-04-26 (Sprint 10.14 — debt closed)', '1. merge the rollback', '',
      '## 🧭 Remote Resume — 2026-04-26 (Sprint 10.13 — ship-claim earned)', '1. open the debt PR', '',
      '## 🧭 Remote Resume — 2026-04-25 (Sprint 10.2)', '1. older', '',
      '## Live URLs', '- site',
    )), [
      '## 🧭 Remote Resume — 2026-04-26 (Sprint 10.13 — ship-claim earned) … 1. open the debt PR',
      '## 🧭 Remote Resume — 2026-04-25 (Sprint 10.2) … 1. older',
    ]);
    // One dated heading of its kind, or dated plans (what is due when), are no log.
    assert.deepEqual(historyOf(md('# Plan', '', '## Remote Resume — 2026-04-26', '1. a', '', '## Kick-off — 2026-04-20', '1. b')), []);
    assert.deepEqual(historyOf(md('# Plan', '', '## Launch target — 2026-06-01', '1. a', '', '## Launch target — 2026-07-01', '1. b')), []);
    assert.deepEqual(historyOf(md('# Plan', '', '## Sprint planning — 2026-05-01', '1. a', '', '## Sprint planning — 2026-05-15', '1. b')), []);
  });

  it('session numbers order a log without dates; the highest is current wherever it stands', () => {
    assert.deepEqual(historyOf(md(
      '# Handoff', '',
      '## Session 3', 'Third.', '',
      '## Session 4', 'Fourth.', '',
      '## Session 2 — parser', 'Second.',
    )), ['## Session 3 … Third.', '## Session 2 — parser … Second.']);
  });

  it('a session number breaks a tie of dates, and "Current"/"Previous" titles decide on their own', () => {
    assert.deepEqual(historyOf(md(
      '# Handoff', '',
      '## Current Session Summary (2026-02-10 - Session 12)', 'Now.', '',
      '## Previous Session Summary (2026-02-10 - Session 11)', '### Next steps', '1. carried over', '',
      '## Previous Sessions (2026-02-01 - Sessions 1-10)', 'Long ago.', '',
      '## URLs', 'http://localhost:3000',
    )), [
      '## Previous Session Summary (2026-02-10 - Session 11) … 1. carried over',
      '## Previous Sessions (2026-02-01 - Sessions 1-10) … Long ago.',
    ]);
    // Same date, no markers: the higher session number is the current one.
    assert.deepEqual(historyOf(md('# Log', '## Session 7 (2026-02-10)', 'a', '## Session 8 (2026-02-10)', 'b')), ['## Session 7 (2026-02-10) … a']);
    // An explicit "Latest" wins over a later date.
    assert.deepEqual(historyOf(md('# Log', '## Latest update', 'x', '## Update 2026-02-11', 'y')), ['## Update 2026-02-11 … y']);
  });

  it('a "Current" title dated before another entry is a label left behind: the dates decide', () => {
    // Newest first: entries of Feb 12 and 13 were added above the old "Current Session" heading, which stayed.
    assert.deepEqual(historyOf(md(
      '# Handoff', '',
      '## Follow-up (Feb 13, 2026 — Session 37)', '### Next steps', '1. batch run', '',
      '## Previous Session: fixes (Feb 12, 2026 - Session 36)', 'Done.', '',
      '## Current Session: smoke tests (Feb 11, 2026 - Session 35)', '### Next steps', '1. check the re-run', '',
    )), [
      '## Previous Session: fixes (Feb 12, 2026 - Session 36) … Done.',
      '## Current Session: smoke tests (Feb 11, 2026 - Session 35) … 1. check the re-run',
    ]);
    // The newest date "Current" holds, an undated one, or one tied with the newest: it still decides.
    assert.deepEqual(historyOf(md('# Log', '## Current Session (2026-02-13)', 'x', '## Session (2026-02-12)', 'y')), ['## Session (2026-02-12) … y']);
    assert.deepEqual(historyOf(md('# Log', '## Current Session', 'x', '## Session 4 (2026-02-12)', 'y')), ['## Session 4 (2026-02-12) … y']);
    assert.deepEqual(historyOf(md('# Log', '## Session 5 (2026-02-12)', 'x', '## Current Session (2026-02-12 - Session 4)', 'y')), ['## Session 5 (2026-02-12) … x']);
  });

  it('bold entry lines standing alone are entries too, up to the next entry or heading', () => {
    assert.deepEqual(historyOf(md(
      '# Notes', '',
      '## Journal', '',
      '**2026-04-02**', '', '- [ ] newer item', '',
      '**2026-04-01**', '', '- [ ] older item', 'More about it.', '',
      '## Next steps', '', '1. Ship it.',
    )), ['**2026-04-01** … More about it.']);
    assert.deepEqual(historyOf(md(
      '## What was accomplished', '', 'The current work.', '',
      '**Previous Session:**', '', 'Older work.', '',
      '**Previous Session:**', '', 'Even older work.',
    )), ['**Previous Session:** … Older work.', '**Previous Session:** … Even older work.']);
  });

  it('leaves alone what cannot be ordered or is not a log', () => {
    const none = (text: string) => assert.deepEqual(historyOf(text), [], text);
    none(md('# Log', '## Session 5', 'a', '## 2026-01-03 notes', 'b')); // one numbered, one dated: no order
    none(md('# Log', '## 2026-01-03', 'a', '## 2026-01-03', 'b')); // the same day: both current
    none(md('# Plan', '## Day 1: setup', '- [ ] a', '## Day 2: build', '- [ ] b')); // a plan's days, not a log
    none(md('# Plan', '## Phase 1 (2026-01-05)', '- [ ] a', '## Phase 2 (2026-01-12)', '- [ ] b')); // dated phases
    none(md('# Release roadmap', '## March 2026', '- [ ] search', '## April 2026', '- [ ] export')); // a schedule
    none(md('# Notes', '## Milestones', '### 2026-06-01 — Beta', '- [ ] a', '### 2026-07-01 — GA', '- [ ] b'));
    none(md('# Session Handoff: 2026-03-31', '## Next steps', '1. a')); // one dated title is no log
    none(md('# H', '## Previous handoff this one continues from', '`docs/handoff-7.md`')); // a pointer, not an entry
  });

  it('a log cut short (too large to read whole) and written oldest first: all it read is older than what was left out', function () {
    this.timeout(20_000);
    // 4,000 entries of three blocks each: past the blocks a document is read for, so the newest entries go unread.
    const entry = (k: number) => [`## 2026-${String(1 + Math.floor(k / 400)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')} — filing ${k}`, '', `- [ ] follow up on filing ${k}`, '', `Notes on filing ${k}.`, ''];
    const sorted = Array.from({ length: 4_000 }, (_, k) => k).sort((a, b) => Math.floor(a / 400) - Math.floor(b / 400) || (a % 28) - (b % 28) || a - b);
    const middle = ['## Where things stand', '', '- [ ] a step between entries', ''];
    const log = ['# Session log', '', ...sorted.slice(0, 100).flatMap(entry), ...middle, ...sorted.slice(100).flatMap(entry)].join('\n');
    const m = modelOf(log);
    assert.ok(m.steps.length > 0);
    assert.equal(m.history.length, 1, 'one range');
    assert.equal(m.text.split('\n')[m.history[0].start.line], sorted.slice(0, 1).map(entry)[0][0], 'from the first entry');
    assert.ok(m.text.length < log.length, 'the document was cut');
    assert.deepEqual(stepsToDo(m), [], 'no step of the part read is to do, the one between entries included');
    // The same entries newest first: the part read holds the newest, and only the older ones are history.
    const newestFirst = ['# Session log', '', ...[...sorted].reverse().flatMap(entry)].join('\n');
    const n = modelOf(newestFirst);
    assert.ok(n.text.length < newestFirst.length);
    assert.ok(stepsToDo(n).length > 0, 'the newest entries read keep their steps');
  });
});

describe('history: sections titled as history', () => {
  const text = md(
    '# Handoff', '',
    '## Archive', 'old 1', '### Archived detail', 'old 2', '',
    '## Tasks', '- [ ] live task', '### Completed', '- [ ] stale box', '### Doing', '- [ ] live too', '',
    '## Done', '- [x] a', '',
    '## 4. ✅ Session history', '| date | what |', '',
    '## Previous sessions', 'text', '',
    '## Changelog', 'text', '',
    '## Resolved', 'text', '',
    '## Closed issues', 'text', '',
    '## Old notes', 'text', '',
    '## What Was Accomplished (Previous Session)', 'text', '',
    '## Done when', '- [ ] criteria', '',
    '## Definition of done', '- [ ] criteria', '',
    '## What was done this session', 'text', '',
    '## Completed this session', 'text', '',
    '## Done (this PR)', 'text', '',
    '## Open items from the previous session', '- [ ] still open', '',
    '## Archive old logs', '- [ ] a task about archiving', '',
    '## Latest', 'the newest notes', '',
    '## Older', 'older notes',
  );

  it('Archive, Completed, Done, Session history, Previous sessions, Changelog, Resolved, Closed, Old notes', () => {
    assert.deepEqual(historyOf(text), [
      '## Archive … old 2',
      '### Completed … - [ ] stale box',
      '## Done … - [x] a',
      '## 4. ✅ Session history … | date | what |',
      '## Previous sessions … text',
      '## Changelog … text',
      '## Resolved … text',
      '## Closed issues … text',
      '## Old notes … text',
      '## What Was Accomplished (Previous Session) … text',
      '## Older … older notes',
    ]);
  });

  it('the same titles in other languages, whole; not criteria, stories or facts that share a word', () => {
    assert.deepEqual(historyOf(md(
      '# Handoff', '',
      '## Session en cours (16–17/01/2026 - i18n)', '- [ ] finir la traduction', '',
      '## Session précédente (14/01/2026 - Audit clean code)', '- [ ] ancienne étape', '',
      '## Update-Historie', '- [ ] alter Punkt', '',
      '## 9 · Histórico', '- [ ] passo antigo', '',
      '## Poprzednie sesje', '- [ ] stary krok', '',
      '## 최근 유지보수 이력', '- [ ] 이전 작업', '',
      '## 変更履歴', '- [ ] 古い項目', '',
      '## 已完成', '- [ ] 旧任务', '',
      '## 完了条件', '- [ ] テストが通る', '',
      '## Historia de usuario', '- [ ] como usuario quiero exportar', '',
      '## Faits', '- [ ] la base est en lecture seule', '',
      '## Nächste Schritte', '- [ ] Export bauen',
    )), [
      '## Session précédente (14/01/2026 - Audit clean code) … - [ ] ancienne étape',
      '## Update-Historie … - [ ] alter Punkt',
      '## 9 · Histórico … - [ ] passo antigo',
      '## Poprzednie sesje … - [ ] stary krok',
      '## 최근 유지보수 이력 … - [ ] 이전 작업',
      '## 変更履歴 … - [ ] 古い項目',
      '## 已完成 … - [ ] 旧任务',
    ]);
  });

  it('a past entry named for its subject: "Previous Focus: …", "Previous Session Work — …", with its next steps', () => {
    // A memory-bank log: the current focus on top, earlier ones rotated under "Previous" titles, each with the
    // next steps it had then.
    assert.deepEqual(historyOf(md(
      '# Active context', '',
      '## Current Focus: Billing export - DONE', '- [ ] wire the CSV button', '',
      '## Previous Focus: Drive sync - COMPLETED! ✅', '### Next Steps', '1. **Test the upload** on staging', '',
      '### **Previous Session Work: Theme system**', '- [ ] dark mode toggle', '',
      '## Previous Major Breakthrough — storage migration', '- [ ] monitor the bucket', '',
      '## Prior art — the old exporter', '- [ ] read it first', '',
      '## Previous handoff this one continues from', '`docs/handoff-7.md`', '',
      '## Previous focus areas', 'text',
    )), [
      '## Previous Focus: Drive sync - COMPLETED! ✅ … - [ ] dark mode toggle',
      '## Previous Major Breakthrough — storage migration … - [ ] monitor the bucket',
    ]);
  });

  it('a title remarked as of the past, a prior wave named for its subject; not a title about historical data', () => {
    // Below the banner lines: a remarked heading near the top stands for the whole document (supersededBanner.ts).
    assert.deepEqual(historyOf(md(
      '# Handoff', '', '## Now', ...Array.from({ length: 16 }, (_, i) => `- [ ] current task ${i}`), '',
      '## Phase 0: Foundation (Historical)', '- [ ] old box', '',
      '## Resolution (superseded)', '- [ ] retry the old fix', '',
      '## Landed wave detail (history)', 'text', '',
      '## Before (Old)', 'the old layout', '',
      '## Historical invoices CSV', '- [ ] import the 2024 invoices', '',
      '## Prior wave: W6 — merged (PR #5)', '- [ ] leftover', '',
      '## Phase 1: Storage (in progress)', '- [ ] live box', '',
      '## History of the parser (why it reads lines)', 'a design note',
    )), [
      '## Phase 0: Foundation (Historical) … - [ ] old box',
      '## Resolution (superseded) … - [ ] retry the old fix',
      '## Landed wave detail (history) … text',
      '## Before (Old) … the old layout',
      '## Prior wave: W6 — merged (PR #5) … - [ ] leftover',
    ]);
  });

  it('a section its title closes, naming its subject; not one that only speaks of closing or of what is done now', () => {
    assert.deepEqual(historyOf(md(
      // Below the banner lines (a "superseded" near the top stands for the whole document: supersededBanner.ts).
      '# Handoff', '', '## Now', ...Array.from({ length: 16 }, (_, i) => `- [ ] live ${i}`), '',
      '## ✅ CLOSED (superseded 2026-08-16): Stage B Phase 0 — arm set landed', '### Still open, filed this run', '- #1630 the drain probe', '',
      '## RESOLVED 2026-08-13 — the known-red set is empty', '- [ ] re-run the gate', '',
      '## Done: the importer', '- [ ] leftover box', '',
      // One that keeps a to-do list of its own is not all done.
      '## ✅ DONE 2026-08-09 — the ballot is seeded', '### Still open', '4. **Appraisal board**: re-check after the deadline', '',
      '## Done when: the CSV round-trips', '- [ ] criteria', '',
      '## Completed this session', 'text', '',
      '## S1 blocker closed (FX-1) — status restored', '- [ ] review it', '',
      '## Closed-loop control — design', '- [ ] tune the gain',
    )), [
      '## ✅ CLOSED (superseded 2026-08-16): Stage B Phase 0 — arm set landed … - #1630 the drain probe',
      '## RESOLVED 2026-08-13 — the known-red set is empty … - [ ] re-run the gate',
      '## Done: the importer … - [ ] leftover box',
    ]);
  });

  it('a divider: an empty history heading over the entries after it makes them history, to the end of its section', () => {
    // A handoff that keeps its predecessors below a divider at its own level (each a dated handoff of its own).
    assert.deepEqual(historyOf(md(
      '# Handoff — storage', '', '## Next', '- [ ] live step', '',
      '# ── ARCHIVE (previous handoffs below) ──', '',
      '# Handoff — parser work', '## Open / next', '- [ ] old step', '',
      '# Handoff — the first slice', '- [ ] older step',
    )), ['# ── ARCHIVE (previous handoffs below) ── … - [ ] older step']);
    // Inside a section: to that section's end. A dated entry right after a plain "Older entries" divider counts too.
    assert.deepEqual(historyOf(md(
      '# Notes', '', '## Log', '### Today', '- [ ] now', '', '### Older entries', '',
      '### 2026-02-01 — wiring', '- [ ] then', '', '### Tooling notes', '- [ ] then too', '', '## Next steps', '- [ ] live',
    )), ['### Older entries … - [ ] then too']);
    // An empty placeholder over sections that are no entries is no divider; nor an empty "Completed" list.
    assert.deepEqual(historyOf(md(
      '# Handoff', '', '## Previous sessions', '', '## Next steps', '- [ ] live', '', '## Completed', '', '## Blockers', '- [ ] live too',
    )), ['## Previous sessions … ## Previous sessions', '## Completed … ## Completed']);
  });

  it("the document's own title is not a history section, whatever its words", () => {
    // A handoff from the previous session to this one is current: its title is not a history section.
    assert.deepEqual(historyOf(md('# Previous session notes', '', '- [ ] next step', '', '## Archive', 'old')), [
      '## Archive … old',
    ]);
    // Two top-level titles are sections of one document: one titled as history is history.
    assert.deepEqual(historyOf(md('# Plan', '## Tasks', '- [ ] a', '', '# Changelog', 'old')), ['# Changelog … old']);
  });
});

describe('history: superseded documents', () => {
  const whole = (text: string) => {
    const m = modelOf(text);
    const last = m.text.replace(/\n$/, '').split('\n');
    assert.deepEqual(m.history, [{ start: { line: 0, character: 0 }, end: { line: last.length - 1, character: last[last.length - 1].length } }], text);
  };
  const body = ['', '## Next steps', '', '- [ ] resume the import'];

  it('a banner near the top makes the whole document history', () => {
    whole(md('# Session handoff — importer', '', '> **SUPERSEDED** by HANDOFF-2026-06-01.md', ...body));
    whole(md('# Session handoff', '', 'ARCHIVED — see docs/handoffs/latest.md', ...body));
    whole(md('# Session handoff', '', '> ⚠️ **This handoff is historical.** Read the newer one.', ...body));
    whole(md('# Session handoff', '', '**Status:** Superseded', ...body));
    whole(md('# Session notes [ARCHIVED]', ...body));
    whole(md('---', 'title: Importer plan', 'status: superseded', '---', '# Importer plan', ...body));
    whole(md('# Plan', '', 'Note: this plan has been superseded by the v2 plan.', ...body));
  });

  it('a document filed in an archive folder, or named as an archive, is history', () => {
    const text = md('# Session handoff', ...body);
    const whole = [{ start: { line: 0, character: 0 }, end: { line: 4, character: 23 } }];
    assert.deepEqual(modelOf(text, 'docs/handoffs/archive/SESSION-HANDOFF-2026-01-05.md').history, whole);
    assert.deepEqual(modelOf(text, 'C:\\repo\\docs\\_archived\\HANDOFF.md').history, whole);
    assert.deepEqual(modelOf(text, 'docs/SESSION_ARCHIVE_Q1_2026.md').history, whole);
    // A backup copy beside the live handoff is history too.
    assert.deepEqual(modelOf(text, '.claude/HANDOFF_BACKUP_2026-01-30_16-20.md').history, whole);
    assert.deepEqual(modelOf(text, 'docs/backups/HANDOFF.md').history, whole);
    // An archive folder tagged with the version or date it keeps.
    for (const path of ['docs/archive-v4/handoffs/2026-04-03-handoff.md', 'archive_2026-05/HANDOFF.md', 'docs/v3-archive/NEXT_SESSION.md']) {
      assert.deepEqual(modelOf(text, path).history, whole, path);
    }
    // A folder of earlier records by its name.
    for (const path of ['old_handoffs/02_handoff_future_agents.md', 'docs/handoffs/old/HANDOFF.md', 'previous-sessions/SESSION_HANDOFF.md', 'handoffs_old/h.md', 'docs/Old Handoffs/HANDOFF.md']) {
      assert.deepEqual(modelOf(text, path).history, whole, path);
    }
    // So is a copy named as copying names files.
    for (const path of ['.claude/HANDOFF.1.md', 'HANDOFF (1).md', 'docs/HANDOFF copy.md', 'HANDOFF copy 2.md', 'HANDOFF - Copy.md', 'NEXT_SESSION - Copy (2).md']) {
      assert.deepEqual(modelOf(text, path).history, whole, path);
    }
    for (const path of ['docs/handoffs/SESSION-HANDOFF-2026-01-05.md', 'docs/archiver/HANDOFF.md', 'docs/archive-tool-plan/HANDOFF.md', 'docs/PLAN-archiving.md',
      'docs/HANDOFF-backups-plan.md', 'docs/backup-tool/HANDOFF.md', 'docs/handoffs/handoff-2.md', 'SESSION_HANDOFF_3.md', 'HANDOFF-copy-editing.md',
      'docs/handoffs/2026.05.19.md', 'HANDOFF-v2.1.md', 'HANDOFF.v1.md', 'old-api/HANDOFF.md', 'legacy/HANDOFF.md', 'bold/HANDOFF.md',
      'archive-tool/HANDOFF.md', 'backup-scripts/HANDOFF.md', 'archives-v2-migration/HANDOFF.md']) {
      assert.deepEqual(modelOf(text, path).history, [], path);
    }
  });

  it('not when the words describe something else, or sit below the top', () => {
    const none = (text: string) => assert.deepEqual(modelOf(text).history, [], text);
    none(md('# Session handoff', '', 'This handoff supersedes HANDOFF-2026-05-01.md.', ...body));
    none(md('# Session handoff', '', '| branch | tip | note |', '|---|---|---|', '| m3 | a7aa719 | superseded by main |', ...body));
    none(md('# Session handoff', '', '- **Superseded:** the v1 upload flow', ...body));
    none(md('# Session handoff', '', '## Deprecated APIs', '', 'The old endpoint.', ...body));
    none(md('# Session handoff', ...Array.from({ length: 16 }, (_, i) => `Line ${i}.`), '', '> SUPERSEDED by the next one', ...body));
    none(md('---', 'tasks:', '  - status: archived', '---', '# Plan', ...body));
    none(md('# Session handoff', '', '**Status:** Archived old plans; the importer is next.', ...body));
    none(md('# Session handoff', '', 'The plan is obsolete where it says S3; we use GCS.', ...body));
  });
});

describe('history: finished tickets', () => {
  it('a section whose own header says it is finished', () => {
    assert.deepEqual(historyOf(md(
      '# Tickets', '',
      '## T-1: Export', 'Status: DONE', '### Acceptance', '- [ ] box one', '',
      '## T-2: Import', '**Status:** ✅ Complete', '', '- [ ] box two', '',
      '## T-3: Search', 'Status: Done except the docs', '- [ ] real one', '',
      '## T-4: Sync', '- [x] **First part** — Status: done', '- [ ] real two', '',
      '## T-5: Auth', '', '| Field | Value |', '|---|---|', '| Status | Closed |', '', '- [ ] box three', '',
      '## T-6: Billing', '**Owner:** sam | **Status:** merged', '- [ ] box four', '',
      '## T-7: Reports', 'Some intro.', '### Sub-task', 'Status: done', '- [ ] sub box', '- [ ] more of the sub-task',
    )), [
      '## T-1: Export … - [ ] box one',
      '## T-2: Import … - [ ] box two',
      '## T-5: Auth … - [ ] box three',
      '## T-6: Billing … - [ ] box four',
      '### Sub-task … - [ ] more of the sub-task',
    ]);
  });

  it('a ticket file whose front matter says it is finished is history as a whole', () => {
    const text = md('---', 'id: task-12', 'title: Export', 'status: Done', '---', '', '# Export', '', '## Notes', '- [ ] leftover');
    assert.deepEqual(modelOf(text).history, [{ start: { line: 0, character: 0 }, end: { line: 9, character: 14 } }]);
    assert.deepEqual(historyOf(md('---', 'id: task-13', 'status: In Progress', '---', '# Import', '- [ ] open')), []);
  });

  it('not a session or a document that calls itself complete: their next steps are still to do', () => {
    assert.deepEqual(historyOf(md('---', 'status: complete', '---', '# Session handoff', '## Next steps', '1. Start phase 4.')), []);
    assert.deepEqual(historyOf(md('# Session handoff', '**Status:** ✅ Complete', '## Next steps', '1. Start phase 4.')), []);
    assert.deepEqual(historyOf(md('# Handoff', '## Session 4 (2026-02-01)', 'Status: complete', '### Next', '- [ ] phase 5')), []);
    assert.deepEqual(historyOf(md('# Handoff', '## Current status', '**Status:** ✅ Complete', 'main at `1a2b3c4`', '## Next', '- [ ] phase 5')), []);
  });
});

describe('history: lookup and robustness', () => {
  it('isHistoric finds a position inside a range, ends included', () => {
    const ranges: Range[] = [
      { start: { line: 2, character: 0 }, end: { line: 4, character: 5 } },
      { start: { line: 9, character: 0 }, end: { line: 9, character: 3 } },
    ];
    const at = (line: number, character: number) => isHistoric(ranges, { line, character });
    assert.deepEqual([at(1, 9), at(2, 0), at(4, 5), at(4, 6), at(9, 2), at(10, 0)], [false, true, true, false, true, false]);
    assert.equal(isHistoric([], { line: 0, character: 0 }), false);
  });

  it('never throws on hostile input; a long log of sessions gives ordered historic ranges, each from a heading or label', function () {
    this.timeout(120_000); // a loaded machine is slow
    const many = (n: number) => Array.from({ length: n }, (_, i) => `${'#'.repeat((i % 6) + 1)} 2026-01-${String((i % 28) + 1).padStart(2, '0')} Previous session ${i}\n\n**Previous Session:**\n\nStatus: done\n`).join('\n');
    for (const text of ['', '#', '**', '**2026-01-01**', '## (((((Previous', `## ${'('.repeat(5000)}`, `# x\n${'Status: done '.repeat(50_000)}`]) {
      assert.doesNotThrow(() => extractHistory(parseDocument(text)));
    }
    // Not timed (a timing on a loaded machine proves nothing; speed is npm run bench's): the ranges are checked instead.
    for (const n of [2_000, 8_000]) {
      const parsed = parseDocument(many(n));
      const ranges = extractHistory(parsed);
      assert.ok(ranges.length > 0);
      let end = -1;
      for (const r of ranges) {
        assert.ok(r.start > end && r.end > r.start && r.end <= parsed.text.length, `range ${r.start}-${r.end} after ${end}`);
        // Each from a session's heading or its **Previous Session:** label.
        assert.match(parsed.text.slice(r.start, r.end), /^(#{1,6} 2026-01-\d\d Previous session \d+|\*\*Previous Session:\*\*)\n/);
        end = r.end;
      }
    }
  });
});
