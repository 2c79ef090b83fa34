// Which handoff is current: a newer one of the same series in the same folder supersedes an older one (its open
// steps are not reported), whatever else shares the folder; and an older version of a file put back is superseded
// by the newer committed version; a copy of a superseded handoff beside it is superseded with it.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { SiblingHandoffs } from '../../src/node/siblings';
import fc from 'fast-check';
import { newerAsCopy, newerInFolder, newerInIndex, seriesIndex, seriesOf } from '../../src/core/supersede';
import { gsdStateFor, pauseSupersededBy } from '../../src/core/gsdPause';
import { FixtureGit, scratchRepo } from '../fixtures/git/exec';

describe('supersede', () => {
  it('reads a series and its order from the name: a date anywhere, else a trailing number', () => {
    assert.deepEqual(seriesOf('docs/SESSION-HANDOFF-2026-05-19-phase-six.md'), { key: 'session-handoff-#', order: '2026-05-19' });
    assert.deepEqual(seriesOf('plans/2026-05-24-deploy.md'), { key: '#', order: '2026-05-24' });
    assert.deepEqual(seriesOf('handoffs/notes_session9.md'), { key: 'notes\0session#', order: '000009' });
    assert.deepEqual(seriesOf('handoffs/handoff-7.md'), { key: 'handoff-#.md', order: '000007' });
    assert.deepEqual(seriesOf('docs/session-handoff-12.md'), { key: 'session-handoff-#.md', order: '000012' }, 'no session number: the last number');
    assert.deepEqual(seriesOf('agents/session_169de98e.md'), { key: 'session_169de#e.md', order: '000098' }, 'a session id is no session number');
    assert.equal(seriesOf('HANDOFF.md'), null);
  });

  it('reads a date with its month named: month first, day first or year first, in any case and with any separator', () => {
    assert.deepEqual(seriesOf('docs/SESSION_HANDOFF_JAN_10_2026.md'), { key: 'session_handoff_#', order: '2026-01-10' });
    assert.deepEqual(seriesOf('docs/SESSION_HANDOFF_JAN_13_2026_PM.md'), { key: 'session_handoff_#', order: '2026-01-13' }, 'what follows the date is no part of the series');
    assert.deepEqual(seriesOf('notes/handoff-September-3rd-2025.md'), { key: 'handoff-#', order: '2025-09-03' });
    assert.deepEqual(seriesOf('notes/handoff 7 Dec 2025.md'), { key: 'handoff #', order: '2025-12-07' });
    assert.deepEqual(seriesOf('notes/status-2025-sept-30.md'), { key: 'status-#', order: '2025-09-30' });
    assert.deepEqual(seriesOf('notes/handoff_jan10_2026.md'), { key: 'handoff_#', order: '2026-01-10' });
    // A month's letters inside a word, or a month with no year, are no date.
    assert.deepEqual(seriesOf('notes/marketing_10_2026.md'), { key: 'marketing_10_#.md', order: '002026' });
    assert.deepEqual(seriesOf('notes/summary-4-2026.md'), { key: 'summary-4-#.md', order: '002026' });
    assert.deepEqual(seriesOf('notes/SESSION_HANDOFF_APR13.md'), { key: 'session_handoff_apr#.md', order: '000013' });
  });

  it('orders handoffs by the release they name, `v` and all, and a run\'s letter after it; a dotted phase is no release', () => {
    const at = (...names: string[]) => names.map((n) => ({ path: `/w/${n}` }));
    const sibs = at('HANDOFF_v0.1.0(a).md', 'HANDOFF_v0.1.0(e).md', 'HANDOFF_v1.0.0(f).md', 'HANDOFF_v1.0.0(q).md', 'notes-v1.2.md', 'notes-v1.10.md', 'HANDOFF_TEMPLATE.md');
    assert.deepEqual(seriesOf('handoffs/HANDOFF_v0.1.0(a).md'), { key: 'handoff_#.md', order: '000000.000001.000000.a' });
    assert.equal(newerInFolder('/w/HANDOFF_v0.1.0(a).md', sibs), '/w/HANDOFF_v1.0.0(q).md');
    assert.equal(newerInFolder('/w/HANDOFF_v1.0.0(f).md', sibs), '/w/HANDOFF_v1.0.0(q).md', 'a later run of the same release');
    assert.equal(newerInFolder('/w/HANDOFF_v1.0.0(q).md', sibs), null);
    assert.equal(newerInFolder('/w/notes-v1.2.md', sibs), '/w/notes-v1.10.md', 'releases compare as numbers');
    assert.deepEqual(seriesOf('.planning/phases/03.1-guard/03.1-01-PLAN.md'), { key: '03.1-#-plan.md', order: '000001' }, 'a decimal phase is no release');
  });

  it('orders notes numbered by session across the names they drift through, within the first word of the name', () => {
    const at = (...names: string[]) => names.map((n) => ({ path: `/w/${n}` }));
    const sibs = at('proj_master_handoff_session11.md', 'proj_master_handoff_session12.md', 'proj_session13_continue_notes.md',
      'proj_session13_continue_notes_2.md', '3-23-26-1126pm-proj_master_handoff_session4.md', 'frontend_session3.md', 'backend_session5.md',
      'Session_2_handoff.md', 'session-9-handoff.md');
    assert.equal(newerInFolder('/w/proj_master_handoff_session12.md', sibs), '/w/proj_session13_continue_notes_2.md', 'renamed notes of a later session');
    assert.equal(newerInFolder('/w/proj_session13_continue_notes.md', sibs), '/w/proj_session13_continue_notes_2.md', 'a second note of the same session');
    assert.equal(newerInFolder('/w/proj_session13_continue_notes_2.md', sibs), null);
    assert.equal(newerInFolder('/w/3-23-26-1126pm-proj_master_handoff_session4.md', sibs), '/w/proj_session13_continue_notes_2.md', 'a time stamp before the name');
    assert.equal(newerInFolder('/w/frontend_session3.md', sibs), null, 'another first word is another track');
    assert.equal(newerInFolder('/w/Session_2_handoff.md', sibs), '/w/session-9-handoff.md');
    assert.equal(newerInFolder('/w/proj_master_handoff_session11.md', at('proj_master_handoff_session11.md', 'proj_sessions12.md')), null, '`sessions12` is no session number');
  });

  it('one index per folder answers every handoff as a scan of its folder would (a run over 1,000 siblings is linear)', () => {
    // The reference: the scan the index replaced, one comparison per sibling.
    const scan = (self: string, sibs: { path: string }[]) => {
      const mine = seriesOf(self);
      if (!mine) return null;
      const folder = self.slice(0, self.lastIndexOf('/'));
      let best: { path: string; order: string } | null = null;
      for (const s of sibs) {
        const theirs = seriesOf(s.path);
        if (s.path.slice(0, s.path.lastIndexOf('/')) !== folder || !theirs || theirs.key !== mine.key || theirs.order <= mine.order) continue;
        if (!best || theirs.order > best.order) best = { path: s.path, order: theirs.order };
      }
      return best?.path ?? null;
    };
    const name = fc.tuple(fc.constantFrom('/w/a/', '/w/b/'), fc.constantFrom('HANDOFF-', 'plan_', 'notes_session'),
      fc.oneof(fc.date({ min: new Date('2026-01-01'), max: new Date('2026-01-20'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.nat(12).map(String)),
      fc.constantFrom('.md', '-x.md', '-y.md')).map((p) => p.join(''));
    fc.assert(fc.property(fc.array(name, { maxLength: 40 }), (paths) => {
      const sibs = paths.map((path) => ({ path }));
      const index = seriesIndex(sibs);
      for (const p of paths) assert.equal(newerInIndex(p, index), scan(p, sibs), p);
    }), { seed: 1203, numRuns: 300 });
  });

  it('a newer one of the same series in the same folder supersedes; other series, folders and equal dates do not', () => {
    const at = (...names: string[]) => names.map((n) => ({ path: `/w/${n}` }));
    const sibs = at('docs/SESSION-HANDOFF-2026-01-01-a.md', 'docs/SESSION-HANDOFF-2026-01-05-b.md', 'docs/PLAN-2026-03-01-x.md',
      'docs/SESSION-HANDOFF-2026-01-05-c.md', 'other/SESSION-HANDOFF-2026-09-09-z.md', 'docs/notes_session2.md', 'docs/notes_session10.md');
    assert.equal(newerInFolder('/w/docs/SESSION-HANDOFF-2026-01-01-a.md', sibs), '/w/docs/SESSION-HANDOFF-2026-01-05-b.md');
    assert.equal(newerInFolder('/w/docs/SESSION-HANDOFF-2026-01-05-b.md', sibs), null, 'the same date is no evidence');
    assert.equal(newerInFolder('/w/docs/PLAN-2026-02-01-y.md', sibs), '/w/docs/PLAN-2026-03-01-x.md');
    assert.equal(newerInFolder('/w/docs/PLAN-2026-03-01-x.md', sibs), null, 'a newer session handoff is another series');
    assert.equal(newerInFolder('/w/docs/notes_session2.md', sibs), '/w/docs/notes_session10.md', 'numbers compare as numbers');
    assert.equal(newerInFolder('/w/docs/HANDOFF.md', sibs), null);
  });

  it("GSD's plan is executed once its summary sits beside it; a plan without one, or another plan's, is not", () => {
    const at = (...names: string[]) => names.map((n) => ({ path: `/w/.planning/phases/02-ingest/${n}` }));
    const sibs = at('02-03-PLAN.md', '02-03-SUMMARY.md', '02.1-01-PLAN.md', '02.1-01-SUMMARY.md', '02-04-PLAN.md', '02-CONTEXT.md');
    const p = (n: string) => `/w/.planning/phases/02-ingest/${n}`;
    assert.equal(newerInFolder(p('02-03-PLAN.md'), sibs), p('02-03-SUMMARY.md'));
    assert.equal(newerInFolder(p('02.1-01-PLAN.md'), sibs), p('02.1-01-SUMMARY.md'), 'an inserted decimal phase');
    assert.equal(newerInFolder(p('02-04-PLAN.md'), sibs), null, 'not executed yet');
    assert.equal(newerInFolder(p('02-03-SUMMARY.md'), sibs), null);
    assert.equal(newerInFolder('/w/.planning/phases/03-x/02-03-PLAN.md', sibs), null, 'another folder');
  });

  it('a copy is superseded only by what supersedes its original, never by itself', () => {
    const text = '# Notes\n\n- [ ] step\n';
    const folder = [
      { path: '/w/notes_session4.md', text, supersededBy: '/w/notes_session5.md' },
      { path: '/w/other/notes_session1.md', text, supersededBy: '/w/other/notes_session2.md' },
    ];
    assert.equal(newerAsCopy({ path: '/w/copy.md', text }, folder), '/w/notes_session5.md');
    assert.equal(newerAsCopy({ path: '/w/notes_session5.md', text }, folder), null, 'the newer one with the same text stays current');
    assert.equal(newerAsCopy({ path: '/w/copy.md', text: `${text} ` }, folder), null);
    assert.equal(newerAsCopy({ path: '/w/third/copy.md', text }, folder), null, 'another folder');
  });

  it("GSD's pause file is history once STATE.md, written after it, no longer points at it", () => {
    assert.equal(gsdStateFor('/r/.planning/phases/02-data/.continue-here.md'), '/r/.planning/STATE.md');
    assert.equal(gsdStateFor('.planning/.continue-here.md'), '.planning/STATE.md');
    assert.equal(gsdStateFor('/r/docs/.continue-here.md'), null, 'not under .planning/');
    assert.equal(gsdStateFor('/r/.planning/STATE.md'), null);
    const pause = { path: '/r/.planning/phases/02-data/.continue-here.md', text: '---\nphase: 02-data\nstatus: in_progress\nlast_updated: 2026-02-19T09:28:45Z\n---\n\n1. answer test 3\n' };
    const state = (session: string, resume: string) => ({ path: '/r/.planning/STATE.md', text: `# Project State\n\n## Session Continuity\n\nLast session: ${session}\nStopped at: Completed 04-02-PLAN.md\nResume file: ${resume}\n` });
    assert.equal(pauseSupersededBy(pause, state('2026-02-21', 'None')), '/r/.planning/STATE.md');
    assert.equal(pauseSupersededBy(pause, state('2026-02-21', '.planning/phases/05-cli/ (Phase 5 planning needed)')), '/r/.planning/STATE.md');
    assert.equal(pauseSupersededBy(pause, state('2026-02-21', '.planning/phases/02-data/.continue-here.md')), null, 'STATE.md still points at the pause');
    assert.equal(pauseSupersededBy(pause, state('2026-02-19', 'None')), null, 'the same day: not known to be after it');
    assert.equal(pauseSupersededBy(pause, state('2026-02-19T09:20:00Z', 'None')), null, 'written before the pause');
    assert.equal(pauseSupersededBy(pause, state('2026-02-19T15:00:00Z', 'None')), '/r/.planning/STATE.md');
    assert.equal(pauseSupersededBy(pause, { path: '/r/.planning/STATE.md', text: '---\nstopped_at: null\nlast_updated: "2026-03-20"\n---\n' }), '/r/.planning/STATE.md', 'no resume file at all');
    assert.equal(pauseSupersededBy(pause, { path: '/r/.planning/STATE.md', text: 'Last session: 2026-03-01\nSee phases/02-data/.continue-here.md\n' }), null, 'mentions the pause');
    assert.equal(pauseSupersededBy({ ...pause, text: '1. answer test 3\n' }, state('2026-02-21', 'None')), null, 'a pause of unknown date');
  });

  describe('in the CLI', () => {
    let dir: string;
    before(() => { dir = mkdtempSync(join(tmpdir(), 'supersede-')); });
    after(() => rmSync(dir, { recursive: true, force: true }));

    const steps = async (path: string, ...args: string[]) => {
      let out = '';
      await run(['--format', 'json', ...args, path], (s) => { out += s; }, () => {});
      const doc = JSON.parse(out).documents[0];
      return doc.diagnostics.filter((d: { code: string }) => d.code === 'unchecked-step').length;
    };

    // Each folder: its files, and how many open steps each reports.
    const folders: Array<{ title: string; folder: string; files: Record<string, [string, number]> }> = [
      { title: 'reports the open steps of the newest handoff of a folder only', folder: 'docs', files: {
        'SESSION-HANDOFF-2026-01-01-start.md': ['# Start\n\n## Next steps\n\n- [ ] one\n- [ ] two\n', 0],
        'SESSION-HANDOFF-2026-01-08-later.md': ['# Later\n\n## Next steps\n\n- [ ] three\n', 1],
        'PLAN-2025-12-01-other.md': ['# Plan\n\n- [ ] plan step\n', 1],
      } },
      { title: 'dates with their month named order a series as ISO dates do', folder: 'named-months', files: {
        'SESSION_HANDOFF_JAN_10_2026.md': ['# Jan 10\n\n## Next steps\n\n- [ ] one\n- [ ] two\n', 0],
        'SESSION_HANDOFF_JAN_13_2026_PM.md': ['# Jan 13 PM\n\n## Next steps\n\n- [ ] three\n', 0],
        'SESSION_HANDOFF_FEB_2_2026.md': ['# Feb 2\n\n## Next steps\n\n- [ ] four\n', 1],
        'SESSION_NOTES_MAR_1_2026.md': ['# Notes\n\n- [ ] a note of another series\n', 1],
      } },
      { title: 'a session handoff is superseded by the notes of a later session, however they are named (not by another subject\'s)', folder: 'sessions', files: {
        'game_master_handoff_session12.md': ['# Session 12\n\n## Next steps\n\n1. resume at C3:2900\n- [ ] two\n', 0],
        'game_session13_continue_notes.md': ['# Session 13\n\n## Next steps\n\n- [ ] three\n', 1],
        'tools_session20.md': ['# Tools\n\n- [ ] tool step\n', 1],
      } },
      { title: 'a copy of a superseded handoff under another name is superseded with it; a copy of the newest, or another text of its size, is not', folder: 'copies', files: {
        'game_handoff_session4.md': ['# Session 4\n\n## Next steps\n\n1. stay on the bridge\n2. then widen out\n', 0],
        'handoff-1126pm-3-23-26.md': ['# Session 4\n\n## Next steps\n\n1. stay on the bridge\n2. then widen out\n', 0],
        'handoff-0815am-3-24-26.md': ['# Session 4\n\n## Next steps\n\n1. stay on the BRIDGE\n2. then widen out\n', 2],
        'game_handoff_session5.md': ['# Session 5\n\n## Next steps\n\n- [ ] five\n', 1],
        'copy-of-latest.md': ['# Session 5\n\n## Next steps\n\n- [ ] five\n', 1],
      } },
    ];
    it("does not report the steps of GSD's pause file that STATE.md has gone past; a pause STATE.md still points at is current", async () => {
      const phase = join(dir, 'gsd', '.planning', 'phases', '02-data');
      mkdirSync(phase, { recursive: true });
      const pause = join(phase, '.continue-here.md');
      writeFileSync(pause, '---\nphase: 02-data\nlast_updated: 2026-02-19T09:28:45Z\n---\n\n## Next steps\n\n1. answer UAT test 3\n2. finish the UAT\n');
      const state = join(dir, 'gsd', '.planning', 'STATE.md');
      writeFileSync(state, '# Project State\n\n## Session Continuity\n\nLast session: 2026-02-21\nResume file: None\n');
      assert.equal(await steps(pause, '--no-git'), 0);
      writeFileSync(state, '# Project State\n\n## Session Continuity\n\nLast session: 2026-02-21\nResume file: .planning/phases/02-data/.continue-here.md\n');
      assert.equal(await steps(pause, '--no-git'), 2);
      // Bounded to a root (the MCP server's), a STATE.md outside it is not read.
      writeFileSync(state, '# Project State\n\nLast session: 2026-02-21\nResume file: None\n');
      const text = readFileSync(pause, 'utf8');
      assert.equal(new SiblingHandoffs().newerThan(pause, text), state);
      assert.equal(new SiblingHandoffs(join(dir, 'gsd')).newerThan(pause, text), state);
      assert.equal(new SiblingHandoffs(phase).newerThan(pause, text), null);
    });

    for (const { title, folder, files } of folders) {
      it(title, async () => {
        mkdirSync(join(dir, folder));
        for (const [name, [text]] of Object.entries(files)) writeFileSync(join(dir, folder, name), text);
        for (const [name, [, expected]] of Object.entries(files)) assert.equal(await steps(join(dir, folder, name), '--no-git'), expected, name);
      });
    }

    it('an older version of a file put back is superseded by the newer committed one', async () => {
      const repo = join(dir, 'repo');
      const g = new FixtureGit();
      g.run(dir, ['init', '-q', repo]);
      const old = '# Handoff\n\n## Next steps\n\n- [ ] old step\n';
      writeFileSync(join(repo, 'HANDOFF.md'), old);
      g.commit(repo, 'first handoff');
      writeFileSync(join(repo, 'HANDOFF.md'), '# Handoff\n\n## Next steps\n\n- [ ] new step\n');
      g.commit(repo, 'second handoff');
      writeFileSync(join(repo, 'HANDOFF.md'), old);
      assert.equal(await steps(join(repo, 'HANDOFF.md')), 0);
      writeFileSync(join(repo, 'HANDOFF.md'), old + '- [ ] edited since\n');
      assert.equal(await steps(join(repo, 'HANDOFF.md')), 2, 'an edited text is current');
    });

    it("a plan-mode plan (`.claude/plans`, `.cursor/plans`) ten commits behind is carried out; another handoff is not", async () => {
      const { dir: repo, g, write } = scratchRepo(dir, 'plans');
      const plan = '# Plan: rework the timer\n\n## Steps\n\n- [ ] Add the pause button\n- [ ] Poll every 100 ms\n';
      for (const rel of ['.claude/plans/cheerful-questing-globe.md', '.cursor/plans/timer_1a2b.plan.md', 'docs/PLAN.md']) write(rel, plan);
      g.commit(repo, 'The plans');
      for (let i = 1; i <= 9; i++) {
        write('src/timer.ts', `export const step = ${i};\n`);
        g.commit(repo, `Timer, part ${i}`);
      }
      const at = (rel: string) => steps(join(repo, rel));
      assert.deepEqual([await at('.claude/plans/cheerful-questing-globe.md'), await at('.cursor/plans/timer_1a2b.plan.md')], [2, 2], 'nine commits on: maybe not begun');
      write('src/timer.ts', 'export const step = 10;\n');
      g.commit(repo, 'Timer, done');
      assert.deepEqual([await at('.claude/plans/cheerful-questing-globe.md'), await at('.cursor/plans/timer_1a2b.plan.md')], [0, 0]);
      assert.equal(await at('docs/PLAN.md'), 2, 'a plan elsewhere is a handoff: 150 commits over two days retire it');
      write('.claude/plans/cheerful-questing-globe.md', plan + '- [ ] Then the sound\n');
      assert.equal(await at('.claude/plans/cheerful-questing-globe.md'), 3, 'edited since its commit: the plan in hand');
    });

    /** A scratch repository where `work(k)` makes k commits of other work and `at(rel)` counts a handoff's open steps. */
    const workingRepo = (name: string) => {
      const { dir: repo, g, write } = scratchRepo(dir, name);
      const work = (k: number) => {
        for (let i = 0; i < k; i++) {
          write('src/app.ts', `export const v = ${g.tick};\n`);
          g.commit(repo, `Work ${g.tick}`);
        }
      };
      return { repo, g, write, work, at: (rel: string) => steps(join(repo, rel)) };
    };

    it('a handoff beside a newer one of any name is superseded 20 commits on, or 10 commits and 3 days on', async () => {
      const { repo, g, write, work, at } = workingRepo('beside');
      const handoff = (title: string, n: number) => `# ${title}\n\n## Next steps\n\n${Array.from({ length: n }, (_, i) => `- [ ] ${title} step ${i + 1}\n`).join('')}`;
      write('docs/handoffs/AUTH-REWORK.md', handoff('Auth', 2));
      write('memory-bank/activeContext.md', handoff('Context', 1));
      write('memory-bank/progress.md', handoff('Progress', 1));
      g.commit(repo, 'Auth handoff, memory bank');
      work(18);
      write('docs/handoffs/BILLING-EXPORT.md', handoff('Billing', 1));
      g.commit(repo, 'Billing handoff');
      assert.deepEqual([await at('docs/handoffs/AUTH-REWORK.md'), await at('docs/handoffs/BILLING-EXPORT.md')], [2, 1], '19 commits within the hour: two topics, both open');
      work(1);
      write('docs/handoffs/BILLING-EXPORT.md', handoff('Billing', 2));
      write('memory-bank/progress.md', handoff('Progress', 2));
      g.commit(repo, 'Billing handoff, again; progress');
      assert.deepEqual([await at('docs/handoffs/AUTH-REWORK.md'), await at('docs/handoffs/BILLING-EXPORT.md')], [0, 2], 'written 21 commits later: it took over');
      assert.equal(await at('memory-bank/activeContext.md'), 1, "a memory bank's files are not a series");
      write('docs/handoffs/AUTH-REWORK.md', handoff('Auth', 3));
      assert.equal(await at('docs/handoffs/AUTH-REWORK.md'), 3, 'edited since its commit: the handoff in hand');

      write('docs/sessions/kickoff.md', handoff('Kickoff', 1));
      write('docs/handoffs/kickoff.md', handoff('Kickoff', 1));
      g.commit(repo, 'Kickoff notes');
      work(8);
      g.tick += 3 * 24 * 60;
      write('docs/handoffs/wrap-up.md', handoff('Wrap-up', 1));
      g.commit(repo, 'Wrap-up after three days');
      write('docs/sessions/wrap-up.md', handoff('Wrap-up', 1));
      g.commit(repo, 'Wrap-up, the other folder');
      assert.equal(await at('docs/handoffs/kickoff.md'), 1, '9 commits and 3 days later: maybe another topic');
      assert.equal(await at('docs/sessions/kickoff.md'), 0, '10 commits and 3 days later: taken over');
      g.tick += 24 * 60;
      work(9);
      assert.equal(await at('docs/handoffs/kickoff.md'), 1, 'commits after the newer handoff do not count');
    });

    it("a spec's task list is superseded by another spec's written 20 commits later (Spec Kit's and Kiro's folders of specs)", async () => {
      const { repo, g, write, work, at } = workingRepo('specs');
      const tasks = (spec: string, n: number) => `# Tasks: ${spec}\n\n## Phase 1\n\n${Array.from({ length: n }, (_, i) => `- [ ] T00${i + 1} ${spec} task ${i + 1}\n`).join('')}`;
      write('specs/001-mvp/tasks.md', tasks('MVP', 3));
      write('specs/001-mvp/spec.md', '# Spec: MVP\n');
      write('.kiro/specs/auth/tasks.md', tasks('Auth', 2));
      g.commit(repo, 'Specs: MVP, auth');
      work(8);
      write('specs/002-export/tasks.md', tasks('Export', 1));
      write('.kiro/specs/billing/tasks.md', tasks('Billing', 1));
      g.commit(repo, 'Specs: export, billing');
      assert.deepEqual([await at('specs/001-mvp/tasks.md'), await at('.kiro/specs/auth/tasks.md')], [3, 2], 'the next spec 9 commits on: both may be in hand');
      work(11);
      write('specs/003-search/tasks.md', tasks('Search', 2));
      g.commit(repo, 'Spec: search');
      assert.deepEqual([await at('specs/001-mvp/tasks.md'), await at('specs/002-export/tasks.md'), await at('specs/003-search/tasks.md')], [0, 1, 2], "20 commits on, the MVP's list is done with; the export's is 12 commits behind the search's");
      assert.equal(await at('.kiro/specs/auth/tasks.md'), 2, "another folder of specs is another series: Kiro's billing spec came 9 commits after auth");
      write('specs/001-mvp/tasks.md', tasks('MVP', 4));
      assert.equal(await at('specs/001-mvp/tasks.md'), 4, 'edited since its commit: the list in hand');
    });
  });
});
