// New Handoff against a real repository (origin ahead and behind, commits since the previous handoff, uncommitted
// changes): what it writes parses back through the language service with every commit, file, step and section
// found, and checks clean but for the true news it carries — its unpushed commits, the open steps it carries over,
// and whatever the previous handoff's own steps already said that no longer holds.
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NEVER_CANCELLED } from '../../src/core/interfaces';
import { composeHandoff } from '../../src/core/newHandoff/compose';
import { gatherWorkingState } from '../../src/core/newHandoff/gather';
import { previousHandoff } from '../../src/core/newHandoff/previous';
import { createLanguageService } from '../../src/core/service';
import { createNodeGitCheck } from '../../src/node/cliGit';
import { buildWorkingRepo, type WorkingRepo } from '../fixtures/git/workingRepo';

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

describe('new handoff: round trip through the language service', () => {
  let fx: WorkingRepo;
  let text: string;
  let path: string;
  before(async () => {
    fx = buildWorkingRepo();
    const git = createNodeGitCheck();
    const service = createLanguageService({ git: git.check, files: git.files });
    const prevPath = join(fx.work, 'HANDOFF.md');
    const prev = await service.analyze({ path: prevPath, version: 0, text: readFileSync(prevPath, 'utf8') });
    path = join(fx.work, 'docs', 'handoffs', '2026-05-19-next.md');
    const previous = previousHandoff({ path: prevPath, model: prev.model, facts: prev.facts, supersededBy: prev.supersededBy }, path);
    const before = git.provider.runner.spawned;
    const gathered = await gatherWorkingState(git.provider, fx.work, previous.anchor, NEVER_CANCELLED);
    // discover is read from .git; then status ‖ log ‖ diff.
    assert.equal(git.provider.runner.spawned - before, 3);
    assert.equal(gathered.note, null);
    text = composeHandoff({ date: '2026-05-19', slug: 'next', repository: 'work', git: gathered.state, gitNote: null, previous });
    mkdirSync(join(fx.work, 'docs', 'handoffs'), { recursive: true });
    writeFileSync(path, text);
  });
  after(() => fx.cleanup());

  async function analyse() {
    const git = createNodeGitCheck();
    return createLanguageService({ git: git.check, files: git.files }).analyze({ path, version: 0, text });
  }

  it('reads back the front matter, the title, the date and every section as a phase', async () => {
    const { model, facts } = await analyse();
    assert.deepEqual(model.frontMatter, { date: '2026-05-19', git_commit: fx.shas.local, branch: 'main', repository: 'work', status: 'in_progress' });
    assert.equal(model.title, 'Handoff 2026-05-19: Next');
    assert.equal(model.date, '2026-05-19');
    assert.deepEqual(model.phases.map((p) => p.title), ['Handoff 2026-05-19: Next']);
    assert.deepEqual(model.phases[0]!.children.map((p) => p.title), [
      'State at handoff', 'Unpushed commits', 'Uncommitted changes', 'Changed since the previous handoff', 'Open steps carried over', 'Resume point',
    ]);
    // The front matter names its moment: the handoff is judged from HEAD as it was written.
    assert.deepEqual([facts?.anchor?.sha, facts?.anchor?.how], [fx.shas.local, 'front-matter']);
    assert.deepEqual(model.history, []);
  });

  it('finds every commit it names as a commit, each resolving to the right one', async () => {
    const { model, commitStates } = await analyse();
    const found = model.commits.map((c) => [c.sha, lineOf(text, c.sha) === c.range.start.line]);
    assert.deepEqual(model.commits.map((c) => c.sha), [fx.shas.local, fx.shas.local.slice(0, 7), fx.shas.local.slice(0, 7), fx.shas.moved.slice(0, 7), fx.shas.previous.slice(0, 7)], JSON.stringify(found));
    assert.deepEqual(model.commits.map((c) => commitStates.get(c.sha)?.status), ['unpushed', 'unpushed', 'unpushed', 'unpushed', 'ok']);
    assert.equal(text.split('\n')[model.commits[3]!.range.start.line], `- \`${fx.shas.moved.slice(0, 7)}\` Move old into lib, drop gone`);
    assert.match(text, /- Upstream: `origin\/main`, 2 ahead, 1 behind/);
  });

  it('finds every path it names as a breadcrumb, each there or said to be gone', async () => {
    const { model, facts } = await analyse();
    const crumbs = model.files.map((f, i) => `${f.path}|${f.qualifier ?? ''}|${facts!.files[i]!.kind}`);
    assert.deepEqual(crumbs, [
      // Uncommitted changes.
      'src/added.ts|removed|gone', 'src/app.ts||found', 'src/staged.ts||found', 'notes.txt|planned|found',
      // Changed since the previous handoff (its link first).
      '../../HANDOFF.md||found', 'src/added.ts|removed|gone', 'src/app.ts||found', 'src/gone.ts|removed|absent',
      'src/old.ts|renamed|gone', 'src/lib/old.ts||found',
      // Carried over (the link, then the steps' own breadcrumbs, as the previous handoff wrote them).
      '../../HANDOFF.md||found', 'src/app.ts||found', 'src/old.ts||gone',
    ]);
  });

  it("carries over the previous handoff's open steps as steps, and nothing it had done or that is no work", async () => {
    const { model } = await analyse();
    assert.deepEqual(model.steps.map((s) => [s.marker, s.state, s.text]), [
      ['[ ]', 'open', 'Wire the widget into `src/app.ts:2`.'],
      ['[!]', 'blocked', 'Ask about the old helper in `src/old.ts` (blocked on review).'],
    ]);
  });

  it('checks clean but for its unpushed commits, its open steps, and what the carried steps already said', async () => {
    const { diagnostics } = await analyse();
    const short = fx.shas.local.slice(0, 7);
    const carried = lineOf(text, 'Ask about the old helper');
    assert.deepEqual(diagnostics.map((d) => `${d.code}@${d.range.start.line}`), [
      `unpushed-commit@${lineOf(text, 'git_commit:')}`,
      `unpushed-commit@${lineOf(text, `HEAD \`${short}\``)}`,
      `unpushed-commit@${lineOf(text, `- \`${short}\``)}`,
      `unpushed-commit@${lineOf(text, `- \`${fx.shas.moved.slice(0, 7)}\``)}`,
      `unchecked-step@${lineOf(text, 'Wire the widget')}`,
      `unchecked-step@${carried}`,
      `missing-file@${carried}`,
    ]);
    // The previous handoff says the same of that step: New Handoff carries its words, and their news, unchanged.
    const git = createNodeGitCheck();
    const prevText = readFileSync(join(fx.work, 'HANDOFF.md'), 'utf8');
    const prev = await createLanguageService({ git: git.check, files: git.files }).analyze({ path: join(fx.work, 'HANDOFF.md'), version: 0, text: prevText });
    assert.ok(prev.diagnostics.some((d) => d.code === 'missing-file' && d.range.start.line === lineOf(prevText, 'Ask about the old helper')));
  });

  it('checks clean once committed and pushed: only the carried steps and their own news remain', async () => {
    fx.git(fx.work, 'add', '-A');
    fx.git(fx.work, 'commit', '-qm', 'Handoff: next');
    fx.git(fx.work, 'pull', '-q', '--no-rebase', '--no-edit');
    fx.git(fx.work, 'push', '-q', 'origin', 'main');
    const { diagnostics } = await analyse();
    const carried = lineOf(text, 'Ask about the old helper');
    assert.deepEqual(diagnostics.map((d) => `${d.code}@${d.range.start.line}`),
      [`unchecked-step@${lineOf(text, 'Wire the widget')}`, `unchecked-step@${carried}`, `missing-file@${carried}`]);
  });
});
