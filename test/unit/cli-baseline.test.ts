// `--baseline FILE` / `--write-baseline`, `--changed-since REF` and suppression comments, through the built CLI in
// real temporary repositories: a repository adopting handoff-lint records today's findings and then sees only new
// ones, whatever lines move; a pull request's run checks only the handoffs it changed.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixtureGit } from '../fixtures/git/exec';
import { fifoInPlaceOf } from '../fixtures/git/hostile';
import { buildGitFixture, type GitFixture } from '../fixtures/gitFixture';
import { GitRunner } from '../../src/node/gitRunner';
import { changedSince, validRevision } from '../../src/node/changedFiles';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

function lint(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** `rule@line: target-ish message` of each diagnostic of a JSON run. */
function found(out: string): string[] {
  return JSON.parse(out).documents.flatMap((doc: { path: string; diagnostics: { code: string; message: string; range: { start: { line: number } } }[] }) =>
    doc.diagnostics.map((d) => `${doc.path}:${d.range.start.line + 1} ${d.code}: ${d.message}`));
}

describe('handoff-lint --baseline', function () {
  this.timeout(60_000); // each test runs the built CLI as a process, some several times
  let dir: string;
  const steps = (...names: string[]) => ['# Handoff', '', '## Next steps', '', ...names.map((n) => `- [ ] ${n}`), ''].join('\n');
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'handoff-baseline-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('records every finding without a line number, then shows only new ones after lines moved', () => {
    writeFileSync(join(dir, 'HANDOFF.md'), steps('ship the parser', 'tag 1.0', 'tag 1.0'));
    const strict = ['--no-git', '--rule', 'unchecked-step=error'];
    assert.equal(lint(dir, ...strict, 'HANDOFF.md').code, 1, 'without a baseline the open steps fail the run');

    const write = lint(dir, ...strict, '--baseline', 'handoff-baseline.json', '--write-baseline', 'HANDOFF.md');
    assert.equal(write.code, 0, write.err);
    assert.match(write.err, /wrote 3 findings to the baseline handoff-baseline\.json/);
    const file = JSON.parse(readFileSync(join(dir, 'handoff-baseline.json'), 'utf8'));
    assert.deepEqual(file, {
      version: 1, tool: 'handoff-lint', findings: [
        { rule: 'unchecked-step', path: 'HANDOFF.md', target: '[ ] ship the parser', count: 1 },
        { rule: 'unchecked-step', path: 'HANDOFF.md', target: '[ ] tag 1.0', count: 2 },
      ],
    });

    // Ten lines added above: every finding is on another line, and still known.
    writeFileSync(join(dir, 'HANDOFF.md'), steps('ship the parser', 'tag 1.0', 'tag 1.0').replace('## Next steps', `${'Context.\n'.repeat(10)}\n## Next steps`));
    const known = lint(dir, ...strict, '--baseline', 'handoff-baseline.json', '--format', 'json', 'HANDOFF.md');
    assert.equal(known.code, 0, known.out);
    assert.deepEqual(found(known.out), []);
    assert.match(known.err, /3 findings recorded in handoff-baseline\.json not shown/);

    // A new step, and a third "tag 1.0" (the baseline allows two), are shown; a fixed one is counted as gone.
    writeFileSync(join(dir, 'HANDOFF.md'), steps('tag 1.0', 'tag 1.0', 'tag 1.0', 'write the docs'));
    const fresh = lint(dir, ...strict, '--baseline', 'handoff-baseline.json', '--format', 'json', 'HANDOFF.md');
    assert.equal(fresh.code, 1);
    assert.deepEqual(found(fresh.out), ['HANDOFF.md:7 unchecked-step: Open step: tag 1.0', 'HANDOFF.md:8 unchecked-step: Open step: write the docs']);
    assert.match(fresh.err, /1 finding recorded in handoff-baseline\.json no longer found \(fixed\?\)/);
  });

  it('names documents relative to the baseline file, wherever the command runs from', () => {
    writeFileSync(join(dir, 'HANDOFF.md'), steps('one'));
    assert.equal(lint(dir, '--no-git', '--baseline', join(dir, 'b.json'), '--write-baseline', join(dir, 'HANDOFF.md')).code, 0);
    assert.equal(JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')).findings[0].path, 'HANDOFF.md');
    const elsewhere = lint(tmpdir(), '--no-git', '--format', 'json', '--baseline', join(dir, 'b.json'), join(dir, 'HANDOFF.md'));
    assert.deepEqual(found(elsewhere.out), []);
  });

  it('a run over some handoffs rewrites their entries and keeps the others\'', () => {
    writeFileSync(join(dir, 'HANDOFF.md'), steps('root one'));
    writeFileSync(join(dir, 'NEXT_SESSION.md'), steps('next one'));
    assert.equal(lint(dir, '--no-git', '--baseline', 'b.json', '--write-baseline', '.').code, 0);
    writeFileSync(join(dir, 'NEXT_SESSION.md'), steps('next two'));
    const partial = lint(dir, '--no-git', '--baseline', 'b.json', '--write-baseline', 'NEXT_SESSION.md');
    assert.match(partial.err, /wrote 1 finding to the baseline b\.json \(and kept 1 of handoffs not checked in this run\)/);
    const targets = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')).findings.map((f: { path: string; target: string }) => `${f.path}: ${f.target}`);
    assert.deepEqual(targets, ['HANDOFF.md: [ ] root one', 'NEXT_SESSION.md: [ ] next two']);
  });

  it('refuses a baseline that is missing or not one, and --write-baseline without a file', () => {
    writeFileSync(join(dir, 'HANDOFF.md'), steps('one'));
    const missing = lint(dir, '--no-git', '--baseline', 'nope.json', 'HANDOFF.md');
    assert.equal(missing.code, 2);
    assert.equal(missing.err, 'handoff-lint: cannot read baseline nope.json: missing\n');
    // A FIFO is refused at once, and said to be one (not waited on: its watchdog writes to it after 4 s).
    const fifo = fifoInPlaceOf(join(dir, 'pipe.json'));
    try {
      const odd = lint(dir, '--no-git', '--baseline', 'pipe.json', 'HANDOFF.md');
      assert.equal(odd.code, 2);
      assert.equal(odd.err, 'handoff-lint: cannot read baseline pipe.json: a FIFO, not a regular file\n');
    } finally {
      fifo.stop();
    }
    writeFileSync(join(dir, 'bad.json'), '{"version": 1, "findings": [{"rule": "no-such-rule", "path": "x", "target": "y"}]}');
    const bad = lint(dir, '--no-git', '--baseline', 'bad.json', 'HANDOFF.md');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /^handoff-lint: baseline bad\.json is not a handoff-lint baseline \(findings\.0\.rule: .*\)\n$/);
    const usage = lint(dir, '--no-git', '--write-baseline', 'HANDOFF.md');
    assert.equal(usage.code, 2);
    assert.match(usage.err, /--write-baseline needs --baseline FILE/);
  });
});

describe('handoff-lint --changed-since', function () {
  this.timeout(60_000); // each test runs the built CLI as a process, some several times
  const g = new FixtureGit();
  let repo: string;
  let base: string;
  before(function () {
    this.timeout(60_000);
    base = realpathSync(mkdtempSync(join(tmpdir(), 'handoff-changed-')));
    repo = join(base, 'repo');
    g.run(base, ['init', '-q', '-b', 'main', repo]);
    writeFileSync(join(repo, 'HANDOFF.md'), '# Root\n\n- [ ] root step\n');
    writeFileSync(join(repo, 'NEXT_SESSION.md'), '# Next\n\n- [ ] next step\n');
    g.commit(repo, 'two handoffs');
    g.run(repo, ['checkout', '-q', '-b', 'feature']);
    writeFileSync(join(repo, 'NEXT_SESSION.md'), '# Next\n\n- [ ] next step, edited on the branch\n');
    g.commit(repo, 'edit on the branch');
    // main moves on after the branch point: what it changed is not the pull request's.
    g.run(repo, ['checkout', '-q', 'main']);
    writeFileSync(join(repo, 'HANDOFF.md'), '# Root\n\n- [ ] root step, edited on main\n');
    g.commit(repo, 'edit on main');
    g.run(repo, ['checkout', '-q', 'feature']);
    writeFileSync(join(repo, 'CURRENT_TASK.md'), '# Task\n\n- [ ] new, not committed\n');
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  it('checks only the handoffs changed since the merge base with REF, new files included', () => {
    const r = lint(repo, '--format', 'json', '--changed-since', 'main', '.');
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(JSON.parse(r.out).documents.map((d: { path: string }) => d.path).sort(), ['CURRENT_TASK.md', 'NEXT_SESSION.md']);
    assert.match(r.err, /^handoff-lint: 2 of 3 handoffs changed since main \([0-9a-f]{7}\)\n/);
    const none = lint(repo, '--format', 'json', '--changed-since', 'HEAD', 'HANDOFF.md');
    assert.deepEqual(JSON.parse(none.out).documents, []);
  });

  it('refuses what is not a revision before git sees it, and a revision the repository lacks', () => {
    for (const ref of ['--output=/tmp/owned', 'main..feature', 'HEAD:HANDOFF.md', 'a b', '', '-p']) assert.equal(validRevision(ref), null, ref);
    for (const ref of ['--output=/tmp/owned', 'main..feature']) {
      const r = lint(repo, `--changed-since=${ref}`, '.');
      assert.equal(r.code, 2, ref);
      assert.match(r.err, /is not a revision/, ref);
    }
    assert.equal(existsSync('/tmp/owned'), false);
    for (const ok of ['main', 'origin/main', 'v1.0.0', 'HEAD~3', 'main^', 'main@{1}', '1a2b3c4']) assert.equal(validRevision(ok), ok);
    const unknown = lint(repo, '--changed-since', 'no-such-branch', '.');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /no commit "no-such-branch" in this repository/);
    assert.match(lint(repo, '--no-git', '--changed-since', 'main', '.').err, /cannot go with --no-git/);
  });

  it('asks git four times whatever the repository holds', async () => {
    const runner = new GitRunner();
    const r = await changedSince('main', repo, 10_000, runner);
    assert.ok(r.ok);
    assert.deepEqual([...r.paths].sort(), ['CURRENT_TASK.md', 'NEXT_SESSION.md']);
    assert.equal(runner.spawned, 4);
  });
});

describe('suppression comments in the CLI, with git', function () {
  this.timeout(60_000); // each test runs the built CLI as a process, some several times
  let fx: GitFixture;
  before(function () {
    this.timeout(60_000); // a real repository with history, built on a busy machine
    fx = buildGitFixture();
  });
  after(() => fx.cleanup());

  it('hides the diagnostics a comment turns off and keeps the others', () => {
    fx.writeHandoff(fx.work, 'HANDOFF.md', [
      '# Handoff', '',
      '<!-- handoff-lint-disable-next-line missing-file -->',
      'Moved: `src/old/helper.ts:4`.',
      'Also `src/old/helper.ts:5` and commit ' + fx.absentSha + '.',
      '<!-- handoff-lint-disable unknown-commit -->',
      'And commit ' + fx.absentSha + ' again.',
      '',
    ].join('\n'));
    const r = lint(fx.work, '--format', 'json', 'HANDOFF.md');
    // Line 4's moved file and line 7's commit are what the comments turn off; line 5 has the same findings, shown.
    assert.deepEqual(found(r.out).map((l) => l.split(': ')[0]), [
      'HANDOFF.md:5 missing-file', 'HANDOFF.md:5 unknown-commit',
    ]);
  });
});
