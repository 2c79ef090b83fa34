// `handoff-lint new` round-trips through `handoff-lint` itself, in a repository with a bare remote (issue 13 item 3):
// the handoff the CLI writes is read back by the CLI's JSON report with every section, commit, breadcrumb and carried
// step found, and checks clean but for its true news (its unpushed commits, the open steps it carries and what the
// previous handoff's own step already said); committed and pushed, only the carried steps' news remains.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { run } from '../../src/cli/main';
import { buildWorkingRepo, type WorkingRepo } from '../fixtures/git/workingRepo';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}

interface JsonDoc {
  path: string;
  frontMatter: Record<string, string>;
  phases: Array<{ title: string; children: Array<{ title: string }> }>;
  commits: Array<{ sha: string }>;
  files: Array<{ path: string }>;
  steps: Array<{ state: string; text: string }>;
  diagnostics: Array<{ code: string; range: { start: { line: number } } }>;
}

describe('handoff-lint new, read back by handoff-lint', () => {
  let fx: WorkingRepo;
  let target: string;
  let text: string;
  before(async function () {
    this.timeout(60_000);
    fx = buildWorkingRepo();
    const wrote = await cli('new', '--repo', fx.work, '--slug', 'round trip');
    assert.equal(wrote.code, 0, wrote.err);
    target = resolve(wrote.out.trim());
    text = readFileSync(target, 'utf8');
  });
  after(() => fx.cleanup());

  const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

  async function lint(): Promise<JsonDoc> {
    const r = await cli('--format', 'json', '--repo', fx.work, target);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out) as { documents: JsonDoc[] };
    assert.equal(report.documents.length, 1);
    return report.documents[0]!;
  }

  it('finds every section, commit, breadcrumb and carried step, and reports only its true news', async () => {
    const doc = await lint();
    assert.deepEqual(doc.frontMatter, { date: doc.frontMatter.date!, git_commit: fx.shas.local, branch: 'main', repository: 'work', status: 'in_progress' });
    assert.deepEqual(doc.phases[0]!.children.map((p) => p.title), [
      'State at handoff', 'Unpushed commits', 'Uncommitted changes', 'Changed since the previous handoff', 'Open steps carried over', 'Resume point',
    ]);
    const s7 = (sha: string) => sha.slice(0, 7);
    assert.deepEqual(doc.commits.map((c) => c.sha), [fx.shas.local, s7(fx.shas.local), s7(fx.shas.local), s7(fx.shas.moved), s7(fx.shas.previous)]);
    for (const path of ['src/app.ts', 'src/staged.ts', 'src/lib/old.ts', 'src/old.ts', '../../HANDOFF.md']) {
      assert.ok(doc.files.some((f) => f.path === path), `${path} read back as a breadcrumb`);
    }
    assert.deepEqual(doc.steps.map((s) => [s.state, s.text]), [
      ['open', 'Wire the widget into `src/app.ts:2`.'],
      ['blocked', 'Ask about the old helper in `src/old.ts` (blocked on review).'],
    ]);
    const carried = lineOf('Ask about the old helper');
    assert.deepEqual(doc.diagnostics.map((d) => `${d.code}@${d.range.start.line}`), [
      `unpushed-commit@${lineOf('git_commit:')}`,
      `unpushed-commit@${lineOf(`HEAD \`${s7(fx.shas.local)}\``)}`,
      `unpushed-commit@${lineOf(`- \`${s7(fx.shas.local)}\``)}`,
      `unpushed-commit@${lineOf(`- \`${s7(fx.shas.moved)}\``)}`,
      `unchecked-step@${lineOf('Wire the widget')}`,
      `unchecked-step@${carried}`,
      `missing-file@${carried}`,
    ]);
  });

  it('committed and pushed, only the carried steps and their own news remain', async function () {
    this.timeout(60_000);
    fx.git(fx.work, 'add', '-A');
    fx.git(fx.work, 'commit', '-qm', 'Handoff: round trip');
    fx.git(fx.work, 'pull', '-q', '--no-rebase', '--no-edit');
    fx.git(fx.work, 'push', '-q', 'origin', 'main');
    const doc = await lint();
    const carried = lineOf('Ask about the old helper');
    assert.deepEqual(doc.diagnostics.map((d) => `${d.code}@${d.range.start.line}`),
      [`unchecked-step@${lineOf('Wire the widget')}`, `unchecked-step@${carried}`, `missing-file@${carried}`]);
  });
});
