// `handoff-lint new` in a repository with a bare remote: writes docs/handoffs/<today>-<slug>.md with ahead/behind
// and the unpushed commits, carries the previous handoff's open steps over, refuses to overwrite; --stdout,
// --dir, --template and --no-git; and the built binary does the same as a real process.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run } from '../../src/cli/main';
import { isoDate } from '../../src/core/newHandoff/slug';
import { fifoInPlaceOf } from '../fixtures/git/hostile';
import { buildWorkingRepo, type WorkingRepo } from '../fixtures/git/workingRepo';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}

const today = () => {
  const d = new Date();
  return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
};

describe('handoff-lint new', () => {
  let fx: WorkingRepo;
  before(() => { fx = buildWorkingRepo(); });
  after(() => fx.cleanup());

  it('writes docs/handoffs/<today>-<slug>.md with upstream, ahead/behind, unpushed commits and carried steps', async () => {
    const { code, out, err } = await cli('new', '--repo', fx.work, '--slug', 'Parser work');
    assert.equal(code, 0, err);
    const target = join(fx.work, 'docs', 'handoffs', `${today()}-parser-work.md`);
    assert.equal(resolve(out.trim()), target);
    const text = readFileSync(target, 'utf8');
    assert.match(text, new RegExp(`^---\\ndate: ${today()}\\ngit_commit: ${fx.shas.local}\\nbranch: main\\nrepository: work\\nstatus: in_progress\\n---\\n`));
    assert.match(text, /- Upstream: `origin\/main`, 2 ahead, 1 behind/);
    assert.match(text, new RegExp(`- \`${fx.shas.local.slice(0, 7)}\` Bump the app\\n- \`${fx.shas.moved.slice(0, 7)}\` Move old into lib, drop gone\\n`));
    assert.match(text, /- `src\/app.ts` \(modified\)/);
    assert.match(text, new RegExp(`Since \\[HANDOFF.md\\]\\(../../HANDOFF.md\\), written at commit \`${fx.shas.previous.slice(0, 7)}\`:`));
    assert.match(text, /- \[ \] Wire the widget into `src\/app.ts:2`\.\n- \[!\] Ask about the old helper/);
    assert.match(text, /## Resume point\n/);

    // Never over an existing file.
    const again = await cli('new', '--repo', fx.work, '--slug', 'parser work');
    assert.equal(again.code, 2);
    assert.match(again.err, /exists; choose another --slug/);
    // And the handoff it wrote is now the newest: the next one carries its steps over, and cites it.
    const next = await cli('new', '--repo', fx.work, '--slug', 'next', '--stdout');
    assert.equal(next.code, 0, next.err);
    assert.match(next.out, new RegExp(`Still open in \\[${today()}-parser-work.md\\]\\(${today()}-parser-work.md\\):\\n\\n- \\[ \\] Wire the widget`));
    // Not committed, but its front matter names its moment: nothing changed since.
    assert.match(next.out, new RegExp(`None since \\[${today()}-parser-work.md\\]\\(${today()}-parser-work.md\\), written at commit \`${fx.shas.local.slice(0, 7)}\``));
  });

  it('prints with --stdout, writes where --dir says, names the file after the branch, and fills a --template', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'handoff-new-'));
    try {
      const printed = await cli('new', '--repo', fx.work, '--stdout', '--dir', dir);
      assert.equal(printed.code, 0, printed.err);
      assert.match(printed.out, /^---\ndate: /);
      assert.equal(existsSync(join(dir, `${today()}-main.md`)), false);
      // A template whose name and date make it look like the newest handoff is not taken for the previous one.
      const template = join(fx.work, 'handoff-template.md');
      writeFileSync(template, 'Last updated: 2099-01-01\n\n# {{title}} on {{branch}} at {{headShort}}\n\nAfter {{previous}}.\n\n{{unpushed}}\n');
      const written = await cli('new', '--repo', fx.work, '--dir', dir, '--template', template);
      rmSync(template);
      assert.equal(written.code, 0, written.err);
      const text = readFileSync(join(dir, `${today()}-main.md`), 'utf8');
      assert.match(text, new RegExp(`^Last updated: 2099-01-01\\n\\n# Main on main at ${fx.shas.local.slice(0, 7)}\\n\\nAfter \\[${today()}-parser-work.md\\]\\([^)]*\\)\\.\\n\\nOn no remote-tracking branch yet`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves the repository facts out with --no-git, and says so in the document', async () => {
    const { code, out, err } = await cli('new', '--repo', fx.work, '--no-git', '--stdout', '--slug', 'offline');
    assert.equal(code, 0, err);
    assert.doesNotMatch(out, /git_commit:/);
    assert.match(out, /- Not read: git was not asked \(--no-git\)\./);
    assert.match(out, /- \[ \] Wire the widget/, 'the steps are carried over without git');
  });

  it('reports usage errors and an unreadable template with exit status 2', async () => {
    for (const args of [['new', '--slug'], ['new', '--slug', '!!!'], ['new', '--bogus'], ['new', 'file.md'], ['new', '--template', join(fx.base, 'absent.md')]]) {
      const r = await cli(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /^handoff-lint new: /);
    }
    // A FIFO named as the template is refused at once, not waited on (its watchdog writes to it after 4 s).
    const fifo = fifoInPlaceOf(join(fx.base, 'template-fifo.md'));
    try {
      const start = Date.now();
      const r = await cli('new', '--repo', fx.work, '--stdout', '--template', join(fx.base, 'template-fifo.md'));
      assert.ok(Date.now() - start < 2000, `took ${Date.now() - start} ms`);
      assert.equal(r.code, 2);
      assert.match(r.err, /cannot read template .*template-fifo\.md: a FIFO, not a regular file/);
    } finally {
      fifo.stop();
    }
    const help = await cli('new', '--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /^Usage: handoff-lint new/);
  });

  it('runs as the built binary in the repository, writing the handoff and printing its path', function () {
    try { execFileSync(process.execPath, [CLI, '--version']); } catch { this.skip(); }
    const r = spawnSync(process.execPath, [CLI, 'new', '--slug', 'from binary'], { cwd: fx.work, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), join('docs', 'handoffs', `${today()}-from-binary.md`));
    assert.match(readFileSync(join(fx.work, r.stdout.trim()), 'utf8'), /- Upstream: `origin\/main`, 2 ahead, 1 behind/);
    // With --no-git and no git on PATH, nothing tries to start one (it would say "not installed").
    const offline = spawnSync(process.execPath, [CLI, 'new', '--no-git', '--stdout'], { cwd: fx.work, encoding: 'utf8', env: { ...process.env, PATH: '' } });
    assert.equal(offline.status, 0, offline.stderr);
    assert.equal(offline.stderr, '');
    assert.match(offline.stdout, /Not read: git was not asked \(--no-git\)/);
  });
});
