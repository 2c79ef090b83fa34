// missing-file judged against the handoff's moment, over real repositories: a committed handoff cites files that
// were then renamed, deleted (one only in the work tree), never existed, are ignored, or lived in a submodule;
// the same text put back at a later HEAD is judged from the commit that wrote it.
import { strict as assert } from 'node:assert';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FixtureGit, scratchRepo } from '../fixtures/git/exec';
import { ModelBuilder } from '../fixtures/git/handoff';
import { check } from '../fixtures/git/harness';
import { judgeClaims } from '../../src/core/digest/claims';
import { buildGitFixture, type GitFixture } from '../fixtures/gitFixture';

const s7 = (sha: string) => sha.slice(0, 7);
const lines = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `// ${tag} ${i + 1}\n`).join('');

describe('missing-file against the handoff\'s moment (real git)', () => {
  let fx: GitFixture;
  let dir: string;
  let g: FixtureGit;
  let text: string;
  const sha: Record<string, string> = {};
  const write = (rel: string, body: string) => {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), body);
  };
  const crumbs = ['src/a.ts', 'src/b.ts:10', 'src/c.ts', 'docs/old.md', 'src/planned.ts', '.env', 'build/out.js', 'util.ts', 'helper.ts', 'src/early.ts'];

  before(function () {
    this.timeout(60_000);
    fx = buildGitFixture();
    dir = join(fx.base, 'moments');
    g = new FixtureGit();
    g.run(fx.base, ['init', '-q', dir]);
    write('.gitignore', '.env\nbuild/\n');
    write('src/a.ts', lines(5, 'a'));
    write('src/b.ts', lines(40, 'b'));
    write('src/c.ts', lines(5, 'c'));
    write('src/util.ts', lines(3, 'u1'));
    write('lib/util.ts', lines(4, 'u2'));
    write('src/helper.ts', lines(30, 'h'));
    write('docs/old.md', '# old\n');
    write('src/early.ts', lines(20, 'e'));
    sha.start = g.commit(dir, 'Start');
    g.run(dir, ['rm', '-q', 'docs/old.md']);
    sha.dropOld = g.commit(dir, 'Drop the old notes');
    mkdirSync(join(dir, 'src/moved'), { recursive: true });
    g.run(dir, ['mv', 'src/early.ts', 'src/moved/early.ts']);
    sha.early = g.commit(dir, 'Move early');
    text = ['# Handoff', '', ...crumbs.map((c) => `- \`${c}\``), ''].join('\n');
    write('HANDOFF.md', text);
    sha.handoff = g.commit(dir, 'Handoff');
    mkdirSync(join(dir, 'lib'), { recursive: true });
    g.run(dir, ['mv', 'src/b.ts', 'lib/b.ts']);
    g.run(dir, ['rm', '-q', 'src/c.ts', 'src/util.ts', 'lib/util.ts']);
    mkdirSync(join(dir, 'src/h'), { recursive: true });
    g.run(dir, ['mv', 'src/helper.ts', 'src/h/helper.ts']);
    sha.after = g.commit(dir, 'Reorganise');
    rmSync(join(dir, 'src/a.ts')); // deleted in the work tree, not committed
  });
  after(() => fx.cleanup());

  /** A repository of its own beside the fixture's, and a writer of its files. */
  function newRepo(name: string) {
    const { dir: repo, g: gg, write: put } = scratchRepo(fx.base, name);
    return { repo, gg, put };
  }

  function model(body: string) {
    const b = new ModelBuilder(body);
    for (const c of crumbs) b.file(c);
    return b.model;
  }

  it('tells a stale handoff (deleted or moved since) from one that cites what never was, or what git ignores', async () => {
    const r = await check(model(text), join(dir, 'HANDOFF.md'));
    assert.deepEqual(r.facts.anchor && [r.facts.anchor.sha, r.facts.anchor.how], [sha.handoff, 'blob']);
    assert.deepEqual(r.diagnostics.map((d) => `${d.severity} ${d.message}`), [
      'warning src/a.ts is deleted in the work tree (not committed)',
      `warning src/b.ts was renamed to lib/b.ts in ${s7(sha.after!)}, after this handoff`,
      `warning src/c.ts was deleted in ${s7(sha.after!)} (Reorganise), after this handoff`,
      // Already deleted when written (the handoff tells of it); never in the repository (planned, elsewhere).
      `hint docs/old.md was deleted in ${s7(sha.dropOld!)} (Drop the old notes), before this handoff was written`,
      "hint src/planned.ts was not in the repository at this handoff's commit (planned, or in another repository?)",
      // .env and build/out.js: ignored. util.ts had two matches when written, both gone.
      `warning util.ts (lib/util.ts, src/util.ts) was deleted in ${s7(sha.after!)} (Reorganise), after this handoff`,
      // helper.ts: moved, but a bare name still finds it where it is now. src/early.ts: moved before the handoff
      // was written, which cites the old path.
      `warning src/early.ts was renamed to src/moved/early.ts in ${s7(sha.early!)}, before this handoff was written`,
    ]);
    const moved = r.diagnostics[1]!;
    assert.deepEqual(moved.related, [{ message: 'moved here', path: join(dir, 'lib/b.ts') }]);
    assert.deepEqual(r.facts.files.map((f) => f.kind), ['gone', 'gone', 'gone', 'gone', 'absent', 'ignored', 'ignored', 'gone', 'found', 'gone']);
  });

  it('a handoff never committed describes now: a file renamed before it is an outdated path, deletions before it are asides', async () => {
    const fresh = ['# New handoff', '', ...crumbs.map((c) => `- \`${c}\``), ''].join('\n');
    const path = join(dir, 'NEXT.md');
    writeFileSync(path, fresh);
    try {
      const r = await check(model(fresh), path);
      assert.equal(r.facts.anchor, null);
      assert.deepEqual(r.diagnostics.map((d) => `${d.severity} ${d.message}`), [
        'warning src/a.ts is deleted in the work tree (not committed)',
        `warning src/b.ts was renamed to lib/b.ts in ${s7(sha.after!)}, before this handoff was written`,
        `hint src/c.ts was deleted in ${s7(sha.after!)} (Reorganise), before this handoff was written`,
        `hint docs/old.md was deleted in ${s7(sha.dropOld!)} (Drop the old notes), before this handoff was written`,
        'hint src/planned.ts is not in this repository (planned, or in another repository?)',
        'hint util.ts is not in this repository (planned, or in another repository?)',
        `warning src/early.ts was renamed to src/moved/early.ts in ${s7(sha.early!)}, before this handoff was written`,
      ]);
    } finally {
      rmSync(path);
    }
  });

  it('the document\'s own words: a file it says is removed, renamed or planned is not a problem', async () => {
    const m = model(text);
    for (const f of m.files) f.qualifier = f.path === 'src/c.ts' ? 'removed' : f.path === 'src/b.ts' ? 'renamed' : null;
    const r = await check(m, join(dir, 'HANDOFF.md'));
    assert.ok(!r.diagnostics.some((d) => /src\/[bc]\.ts/.test(d.message)), r.diagnostics.map((d) => d.message).join('\n'));
  });

  it('a bare name whose context names its folder (a folder hint, the same file written in full just before) is that file', async () => {
    const body = '# Notes\n\n- `lib/util.ts` was split; util.ts had the helpers\n- util.ts from the folder list\n';
    const b = new ModelBuilder(body).file('lib/util.ts').file('util.ts', 0).file('util.ts', 1);
    b.model.files[2]!.folderHint = 'src';
    const path = join(dir, 'docs', 'NOTES-handoff.md');
    mkdirSync(join(dir, 'docs'), { recursive: true });
    writeFileSync(path, body);
    const r = await check(b.model, path);
    // Not committed: measured against HEAD, where both utils are gone (deleted in the reorganisation, before it).
    assert.deepEqual(r.facts.files.map((f) => (f.kind === 'gone' ? f.paths : f.kind)), [['lib/util.ts'], ['lib/util.ts'], ['src/util.ts']]);
    rmSync(path);
  });

  it('a bare name the document also writes in full under another folder is not taken for the tree\'s other file of that name', async () => {
    const { repo, gg, put } = newRepo('namesakes');
    put('.gitignore', 'bots/investment/config.yaml\n');
    put('bots/reservation/config.yaml', 'port: 1\n');
    put('bots/worker/src/task-runner.ts', lines(3, 't'));
    gg.commit(repo, 'Bots');
    // The handoff spells out its config (ignored by git) once and says `config.yaml` after; `src/task-runner.ts` is
    // the worker's, written from its own folder.
    const body = [
      '# Handoff', '', '- SEC-002: `bots/investment/config.yaml` holds the keys', '- `src/task-runner.ts` polls the queue', '',
      ...Array.from({ length: 10 }, (_, i) => `- note ${i}`), '', '- rotate the keys in config.yaml', '- task-runner.ts needs auth',
    ].join('\n');
    put('HANDOFF.md', body);
    gg.commit(repo, 'The handoff');
    gg.run(repo, ['mv', 'bots/reservation/config.yaml', 'bots/reservation/config.yaml.example']);
    gg.run(repo, ['mv', 'bots/worker/src/task-runner.ts', 'bots/worker/src/queue.ts']);
    gg.commit(repo, 'Renames after the handoff');
    const b = new ModelBuilder(body).file('bots/investment/config.yaml').file('src/task-runner.ts').file('config.yaml', 1).file('task-runner.ts', 1);
    const r = await check(b.model, join(repo, 'HANDOFF.md'), { text: body });
    // `config.yaml` is the investment bot's, which git never tracked: no warning about the reservation bot's rename.
    // `task-runner.ts` can be the worker's `src/task-runner.ts`: renamed after the handoff, a warning.
    assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message.split(' was ')[0]), ['task-runner.ts']);
    assert.ok(!r.diagnostics.some((d) => d.severity === 'warning' && /config\.yaml/.test(d.message)), r.diagnostics.map((d) => d.message).join('\n'));
  });

  it('a bare name the document writes in full means that file, not the other files of its name the tree had (a name shared by files none written in full means them all)', async () => {
    const { repo, gg, put } = newRepo('namesakes-many');
    put('apps/marketing/.env.example', 'A=1\n');
    put('apps/studio/.env.example', 'B=1\n');
    put('lib/model-router/defaults.ts', lines(3, 'm'));
    put('lib/pricing/defaults.ts', lines(3, 'p'));
    gg.commit(repo, 'Apps');
    // `.env.example` is short for the studio's, written in full further down. `defaults.ts` stands beside a file the
    // plan creates (`lib/settings/generated/defaults.ts`), which no tree had: of the two the tree had, either may be meant.
    const body = [
      '# Plan', '', '- document the account id in `.env.example`', '- generate `defaults.ts` from the schema', '',
      ...Array.from({ length: 10 }, (_, i) => `- note ${i}`), '',
      '- **Env example:** in `apps/studio/.env.example`', '- **Defaults:** `lib/settings/generated/defaults.ts`',
    ].join('\n');
    put('PLAN-handoff.md', body);
    gg.commit(repo, 'The plan');
    gg.run(repo, ['mv', 'apps/marketing/.env.example', 'apps/marketing/env.sample']);
    gg.run(repo, ['mv', 'apps/studio/.env.example', 'apps/studio/env.sample']);
    gg.run(repo, ['rm', '-q', 'lib/model-router/defaults.ts', 'lib/pricing/defaults.ts']);
    gg.commit(repo, 'Reorganised after the plan');
    const b = new ModelBuilder(body).file('.env.example').file('defaults.ts').file('apps/studio/.env.example').file('lib/settings/generated/defaults.ts');
    const r = await check(b.model, join(repo, 'PLAN-handoff.md'), { text: body });
    const gone = r.facts.files.map((f) => (f.kind === 'gone' ? [...f.paths].sort() : f.kind));
    // The studio's file alone, as its full path is; both of the tree's defaults, none being the one written in full.
    assert.deepEqual(gone, [['apps/studio/.env.example'], ['lib/model-router/defaults.ts', 'lib/pricing/defaults.ts'], ['apps/studio/.env.example'], 'absent']);
    const warnings = r.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message);
    assert.ok(warnings.some((m) => m.startsWith('apps/studio/.env.example was renamed to apps/studio/env.sample')), warnings.join('\n'));
    assert.ok(!r.diagnostics.some((d) => /marketing/.test(d.message)), warnings.join('\n'));
    // The bare name is the studio's file named again: a hint pointing where its path is written (fileRules.ts).
    const bare = r.diagnostics.find((d) => d.message.startsWith('.env.example was renamed to apps/studio/env.sample'));
    assert.equal(bare?.severity, 'hint');
    assert.match(bare!.message, / \(named in full at line 17\)$/);
  });

  it('a file deleted since that git ignores now (untracked on purpose: a runtime or generated file) is an aside, not a problem', async () => {
    const { repo, gg, put } = newRepo('untracked');
    put('goals.md', '- [ ] first goal\n');
    put('state/run.json', '{}\n');
    put('src/gone.ts', lines(3, 'g'));
    gg.commit(repo, 'Start');
    const body = '# Handoff\n\n- the daemon reads `./goals.md`\n- it writes `state/run.json`\n- `src/gone.ts` parses them\n';
    put('HANDOFF.md', body);
    gg.commit(repo, 'The handoff');
    // Untracked and ignored (`git rm --cached` and a .gitignore line), as a fresh clone has them: not there at all.
    gg.run(repo, ['rm', '-q', '--cached', 'goals.md', 'state/run.json']);
    put('.gitignore', 'goals.md\nstate/\n');
    gg.run(repo, ['rm', '-q', 'src/gone.ts']);
    const untrack = gg.commit(repo, 'chore: untrack the runtime files');
    rmSync(join(repo, 'goals.md'));
    rmSync(join(repo, 'state'), { recursive: true });
    const b = new ModelBuilder(body).file('./goals.md').file('state/run.json').file('src/gone.ts');
    const r = await check(b.model, join(repo, 'HANDOFF.md'), { text: body });
    assert.deepEqual(r.diagnostics.map((d) => `${d.severity} ${d.message}`), [
      `hint ./goals.md was deleted in ${s7(untrack)} (chore: untrack the runtime files), after this handoff; git ignores it now (a local file?)`,
      `hint state/run.json was deleted in ${s7(untrack)} (chore: untrack the runtime files), after this handoff; git ignores it now (a local file?)`,
      // Deleted by the same commit, and not ignored: the handoff is stale.
      `warning src/gone.ts was deleted in ${s7(untrack)} (chore: untrack the runtime files), after this handoff`,
    ]);
    assert.deepEqual(r.facts.files.map((f) => (f.kind === 'gone' ? `gone${f.ignoredNow ? ' ignored now' : ''}` : f.kind)), ['gone ignored now', 'gone ignored now', 'gone']);
    // The digest an agent reads says so too.
    assert.deepEqual(judgeClaims(b.model, r.facts).map((e) => e.evidence?.endsWith('; git ignores it now (a local file?)')), [true, true, false]);
  });

  it('a file renamed to a backup\'s name since (`council.py` → `council.py.bak`) is retired: deleted, the backup named, no move to follow', async () => {
    const { repo, gg, put } = newRepo('set-aside');
    put('backend/council.py', lines(40, 'council'));
    put('backend/reports.py', lines(40, 'reports'));
    gg.commit(repo, 'Start');
    const body = '# Handoff\n\n- the workflow lives in `backend/council.py`\n- reports in `backend/reports.py`\n';
    put('HANDOFF.md', body);
    gg.commit(repo, 'The handoff');
    gg.run(repo, ['mv', 'backend/council.py', 'backend/council.py.bak']);
    gg.run(repo, ['mv', 'backend/reports.py', 'backend/report_builder.py']);
    const split = gg.commit(repo, 'Split the council into a package');
    const b = new ModelBuilder(body).file('backend/council.py').file('backend/reports.py');
    const r = await check(b.model, join(repo, 'HANDOFF.md'), { text: body });
    assert.deepEqual(r.diagnostics.map((d) => `${d.severity} ${d.message}`), [
      `warning backend/council.py was set aside as backend/council.py.bak in ${s7(split)} (Split the council into a package), after this handoff`,
      `warning backend/reports.py was renamed to backend/report_builder.py in ${s7(split)}, after this handoff`,
    ]);
    assert.deepEqual(r.facts.files.map((f) => (f.kind === 'gone' ? `${f.movedTo ? 'moved' : 'deleted'} ${f.deletion?.renamedTo ?? f.deletion?.setAsideAs}` : f.kind)),
      ['deleted backend/council.py.bak', `moved backend/report_builder.py`]);
  });

  it('a plan carried out (GSD\'s summary beside it): a file gone before its summary was written went with the plan (a hint); one gone after is stale', async () => {
    const { repo, gg, put } = newRepo('plan-carried-out');
    const phase = '.planning/phases/01-template';
    put('setup.py', lines(5, 'setup'));
    put('setup.cfg', lines(2, 'cfg'));
    put('src/app.py', lines(5, 'app'));
    gg.commit(repo, 'Start');
    const body = '# Plan 01-01\n\n- delete `setup.py` and `setup.cfg`\n- keep `src/app.py` working\n';
    put(`${phase}/01-01-PLAN.md`, body);
    put(`${phase}/02-01-PLAN.md`, body);
    gg.commit(repo, 'docs(01): plan');
    gg.run(repo, ['rm', '-q', 'setup.py']);
    gg.run(repo, ['mv', 'setup.cfg', 'pyproject.cfg']);
    const drop = gg.commit(repo, 'chore: drop the legacy files');
    put(`${phase}/01-01-SUMMARY.md`, '# Summary\n\nDone.\n');
    const summary = gg.commit(repo, 'docs(01-01): complete plan');
    gg.run(repo, ['rm', '-q', 'src/app.py']);
    const later = gg.commit(repo, 'Remove the app');
    const b = () => new ModelBuilder(body).file('setup.py').file('setup.cfg').file('src/app.py');
    const r = await check(b().model, join(repo, phase, '01-01-PLAN.md'), { text: body });
    assert.deepEqual(r.diagnostics.map((d) => `${d.severity} ${d.message}`), [
      `hint setup.py was deleted in ${s7(drop)} (chore: drop the legacy files), as this plan was carried out (before its summary, ${s7(summary)})`,
      `hint setup.cfg was renamed to pyproject.cfg in ${s7(drop)}, as this plan was carried out (before its summary, ${s7(summary)})`,
      `warning src/app.py was deleted in ${s7(later)} (Remove the app), after this handoff`,
    ]);
    assert.deepEqual(judgeClaims(b().model, r.facts).map((e) => e.text), ['File `src/app.py`'], 'the digest reports only the stale one');
    // The same plan with no summary beside it has not been carried out: every file gone since is stale.
    const unplanned = await check(b().model, join(repo, phase, '02-01-PLAN.md'), { text: body });
    assert.deepEqual(unplanned.diagnostics.map((d) => d.severity), ['warning', 'warning', 'warning']);
  });

  it('submodules: a path in a checked-out submodule is found there; in one not checked out, it is not judged', async () => {
    const body = '- `vendor/lib/lib.c`\n- `vendor/lib/nope.c`\n';
    const b = new ModelBuilder(body).file('vendor/lib/lib.c').file('vendor/lib/nope.c');
    const here = await check(b.model, fx.writeHandoff(fx.work, 'docs/SUB.md', body));
    assert.deepEqual(here.facts.files.map((f) => f.kind), ['found', 'absent']);
    assert.deepEqual(here.diagnostics.map((d) => d.severity), ['hint']);
    // A plain clone does not check submodules out.
    const clone = join(fx.base, 'plain-clone');
    new FixtureGit().run(fx.base, ['clone', '-q', fx.origin, clone]);
    const there = await check(b.model, fx.writeHandoff(clone, 'docs/SUB.md', body));
    assert.deepEqual(there.facts.files.map((f) => f.kind), ['submodule', 'submodule']);
    assert.deepEqual(there.diagnostics, []);
  });
  it('a handoff moved unchanged after it was written (archived) is judged from its writing, not from the move', async () => {
    mkdirSync(join(dir, 'docs/archive'), { recursive: true });
    g.run(dir, ['mv', 'HANDOFF.md', 'docs/archive/HANDOFF.md']);
    const archived = g.commit(dir, 'Archive the handoff');
    try {
      const r = await check(model(text), join(dir, 'docs/archive/HANDOFF.md'));
      assert.deepEqual(r.facts.anchor && [r.facts.anchor.sha, r.facts.anchor.how], [sha.handoff, 'blob']);
      // Renamed and deleted between its writing and the move: after this handoff (warnings), not before it (an
      // outdated path, and a hint).
      const messages = r.diagnostics.map((d) => `${d.severity} ${d.message}`);
      assert.ok(messages.includes(`warning src/b.ts was renamed to lib/b.ts in ${s7(sha.after!)}, after this handoff`), messages.join('\n'));
      assert.ok(messages.includes(`warning src/c.ts was deleted in ${s7(sha.after!)} (Reorganise), after this handoff`), messages.join('\n'));
      assert.notEqual(archived, sha.handoff);
    } finally {
      g.run(dir, ['mv', 'docs/archive/HANDOFF.md', 'HANDOFF.md']);
      g.commit(dir, 'Back from the archive');
    }
  });

  it('a file archived with the handoff in one commit (beside it, as before) went with it: a hint; one a reorganisation took elsewhere is stale', async () => {
    const { repo, gg, put } = newRepo('archived-together');
    put('.planning/phases/07-api/07-CONTEXT.md', '# context\n');
    put('.planning/phases/06-db/06-REVIEW.md', '# review\n');
    put('tools/run.sh', 'echo run\n');
    const body = '# Paused\n\n- read `.planning/phases/07-api/07-CONTEXT.md`\n- and `.planning/phases/06-db/06-REVIEW.md`\n- run `tools/run.sh`\n';
    put('.planning/phases/07-api/.continue-here.md', body);
    gg.commit(repo, 'Pause phase 7');
    // The milestone archived: the phases' folders move as they are, the handoff with them; the script goes elsewhere.
    mkdirSync(join(repo, '.planning/milestones/v1-phases'), { recursive: true });
    gg.run(repo, ['mv', '.planning/phases/07-api', '.planning/milestones/v1-phases/07-api']);
    gg.run(repo, ['mv', '.planning/phases/06-db', '.planning/milestones/v1-phases/06-db']);
    mkdirSync(join(repo, 'scripts'), { recursive: true });
    gg.run(repo, ['mv', 'tools/run.sh', 'scripts/run.sh']);
    const archive = gg.commit(repo, 'Archive milestone v1');
    const b = new ModelBuilder(body).file('.planning/phases/07-api/07-CONTEXT.md').file('.planning/phases/06-db/06-REVIEW.md').file('tools/run.sh');
    const r = await check(b.model, join(repo, '.planning/milestones/v1-phases/07-api/.continue-here.md'), { text: body });
    assert.deepEqual(r.facts.anchor?.moves, [{ sha: archive, from: '.planning/phases/07-api/.continue-here.md', to: '.planning/milestones/v1-phases/07-api/.continue-here.md' }]);
    assert.deepEqual(r.diagnostics.map((d) => `${d.severity} ${d.message}`), [
      `hint .planning/phases/07-api/07-CONTEXT.md was moved with this handoff to .planning/milestones/v1-phases/07-api/07-CONTEXT.md in ${s7(archive)}`,
      `hint .planning/phases/06-db/06-REVIEW.md was moved with this handoff to .planning/milestones/v1-phases/06-db/06-REVIEW.md in ${s7(archive)}`,
      `warning tools/run.sh was renamed to scripts/run.sh in ${s7(archive)}, after this handoff`,
    ]);
    assert.deepEqual(judgeClaims(b.model, r.facts).map((e) => e.evidence?.includes(' with the handoff by ')), [true, true, false]);
  });

  it('a file moved with the handoff, then moved with it again (archived later), is still beside it: a hint', async () => {
    const { repo, gg, put } = newRepo('moved-twice');
    put('docs/GUIDE.md', '# guide\n');
    put('docs/REPORT.md', '# report\n');
    const body = '# Next steps\n\n- See `docs/GUIDE.md`\n- and `docs/REPORT.md`\n';
    put('docs/NEXT_STEPS.md', body);
    gg.commit(repo, 'Next steps');
    // A sprint's notes filed together; the report alone goes to the reports folder.
    mkdirSync(join(repo, 'docs/sprint1'), { recursive: true });
    mkdirSync(join(repo, 'reports'), { recursive: true });
    for (const f of ['NEXT_STEPS.md', 'GUIDE.md']) gg.run(repo, ['mv', `docs/${f}`, `docs/sprint1/${f}`]);
    gg.run(repo, ['mv', 'docs/REPORT.md', 'reports/REPORT.md']);
    const filed = gg.commit(repo, 'File sprint 1');
    // Later the whole sprint folder is archived: the guide's last name is beside the handoff's last place.
    mkdirSync(join(repo, 'docs/archive'), { recursive: true });
    gg.run(repo, ['mv', 'docs/sprint1', 'docs/archive/sprint1']);
    const archived = gg.commit(repo, 'Archive sprint 1');
    const b = new ModelBuilder(body).file('docs/GUIDE.md').file('docs/REPORT.md');
    const r = await check(b.model, join(repo, 'docs/archive/sprint1/NEXT_STEPS.md'), { text: body });
    assert.deepEqual(r.facts.anchor?.moves?.map((m) => m.sha), [archived, filed]);
    assert.deepEqual(r.diagnostics.map((d) => `${d.severity} ${d.message}`), [
      `hint docs/GUIDE.md was moved with this handoff to docs/archive/sprint1/GUIDE.md in ${s7(filed)}`,
      `warning docs/REPORT.md was renamed to reports/REPORT.md in ${s7(filed)}, after this handoff`,
    ]);
  });

  it('the same text put back at a later HEAD is judged from the commit that wrote it; an edited text from its last commit', async () => {
    // (Last: this commits a new version, and the work-tree deletion of src/a.ts with it.)
    write('HANDOFF.md', '# Rewritten later\n');
    sha.rewrite = g.commit(dir, 'Rewrite the handoff');
    try {
      write('HANDOFF.md', text);
      const r = await check(model(text), join(dir, 'HANDOFF.md'));
      assert.deepEqual(r.facts.anchor && [r.facts.anchor.sha, r.facts.anchor.how], [sha.handoff, 'blob']);
      assert.ok(r.diagnostics.some((d) => d.message === `src/c.ts was deleted in ${s7(sha.after!)} (Reorganise), after this handoff`));
      const edited = text + '\nOne more line.\n';
      write('HANDOFF.md', edited);
      const e = await check(model(edited), join(dir, 'HANDOFF.md'));
      assert.deepEqual(e.facts.anchor && [e.facts.anchor.sha, e.facts.anchor.how], [sha.rewrite, 'last-change']);
      assert.deepEqual(e.facts.freshness, { sinceAnchor: 0, days: 0, branch: 'main' });
    } finally {
      write('HANDOFF.md', text);
    }
  });

});
