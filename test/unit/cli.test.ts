// handoff-lint: options, discovery, the three output formats, and exit codes — in-process through `run()`,
// plus the built binary for what only a real process shows (no stack trace, exit status, no git without git).
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { FIXTURES } from './support/fixtures';

const billing = join(FIXTURES, 'SESSION-HANDOFF-2026-03-14-billing-export.md');
const plan = join(FIXTURES, 'PLAN-2026-02-02-search-rewrite.md');
const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}

describe('handoff-lint', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'handoff-lint-'));
    mkdirSync(join(dir, 'docs', 'handoffs'), { recursive: true });
    mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
    mkdirSync(join(dir, '.planning'), { recursive: true });
    writeFileSync(join(dir, 'HANDOFF.md'), '# Handoff\n\n- [ ] one\n');
    writeFileSync(join(dir, 'docs', 'handoffs', 'week-3.md'), '# Week 3\n\n- [x] done\n');
    writeFileSync(join(dir, '.planning', 'STATE.md'), '# State\n');
    writeFileSync(join(dir, 'notes.md'), '# Not a handoff\n\n- [ ] ignored\n');
    writeFileSync(join(dir, 'node_modules', 'pkg', 'HANDOFF.md'), '- [ ] vendored\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the JSON contract: version 1, documents with every model list and ranges', async () => {
    const { code, out } = await cli('--no-git', '--format', 'json', billing);
    assert.equal(code, 0);
    const json = JSON.parse(out);
    assert.equal(json.version, 1);
    const [doc] = json.documents;
    assert.equal(doc.path, billing);
    assert.equal(doc.title, 'Session Handoff — 2026-03-14 — Billing export, phases 1–3 shipped');
    assert.equal(doc.date, '2026-03-14');
    for (const key of ['phases', 'commits', 'refs', 'files', 'steps', 'history', 'diagnostics']) assert.ok(Array.isArray(doc[key]), key);
    const phase1 = doc.phases[0].children[1].children[0]; // H1 → `2. What landed` → Phase 1
    assert.deepEqual({ kind: phase1.kind, label: phase1.label }, { kind: 'phase', label: 'Phase 1' });
    const commit = doc.commits.find((c: { sha: string }) => c.sha === '5d9c8a1');
    assert.deepEqual(Object.keys(commit).sort(), ['elsewhere', 'evidence', 'phase', 'pushClaim', 'range', 'sha', 'subject']);
    assert.deepEqual(commit.range.start, { line: 17, character: 3 });
    const step = doc.steps[0];
    assert.equal(step.state, 'open');
    assert.deepEqual(doc.diagnostics.map((d: { code: string }) => d.code), ['unchecked-step', 'unchecked-step']);
    assert.deepEqual(Object.keys(doc.diagnostics[0]).sort(), ['code', 'message', 'range', 'severity']);
  });

  it('writes compiler-style text with a summary line', async () => {
    const { out } = await cli('--no-git', billing);
    const lines = out.trim().split('\n');
    assert.equal(lines[0], `${billing}:42:1: information unchecked-step: Open step: Start Phase 4: stream CSV rows instead of buffering.`);
    assert.equal(lines.at(-1), '1 handoff checked: 2 problems (0 errors, 0 warnings, 2 information)');
  });

  it('counts hints without listing them, unless --hints (text and github); JSON always holds them', async () => {
    const asHints = ['--no-git', '--rule', 'unchecked-step=hint'];
    const counted = await cli(...asHints, billing);
    assert.deepEqual(counted.out.trim().split('\n'), ['1 handoff checked: 0 problems (0 errors, 0 warnings, 0 information); 2 hints not listed (--hints lists them)']);
    const listed = (await cli(...asHints, '--hints', billing)).out.trim().split('\n');
    assert.equal(listed[0], `${billing}:42:1: hint unchecked-step: Open step: Start Phase 4: stream CSV rows instead of buffering.`);
    assert.equal(listed.length, 3);
    assert.equal(listed.at(-1), '1 handoff checked: 0 problems (0 errors, 0 warnings, 0 information) and 2 hints');

    const github = (await cli(...asHints, '--format', 'github', billing)).out.trim().split('\n');
    assert.deepEqual(github, ['handoff-lint: 1 handoff checked: 0 errors, 0 warnings, 0 notices; 2 hints not listed (--hints lists them)']);
    const githubListed = (await cli(...asHints, '--format', 'github', '--hints', billing)).out.trim().split('\n');
    assert.equal(githubListed.filter((l) => l.startsWith('::notice ')).length, 2);
    assert.equal(githubListed.at(-1), 'handoff-lint: 1 handoff checked: 0 errors, 0 warnings, 2 notices');

    const json = JSON.parse((await cli(...asHints, '--format', 'json', billing)).out);
    assert.deepEqual(json.documents[0].diagnostics.map((d: { severity: string }) => d.severity), ['hint', 'hint']);
  });

  it('writes SARIF 2.1.0 with rules, levels and 1-based regions', async () => {
    const { out } = await cli('--no-git', '--format', 'sarif', '--rule', 'unchecked-step=warning', plan);
    const sarif = JSON.parse(out);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.equal(run0.tool.driver.name, 'handoff-lint');
    assert.ok(run0.tool.driver.rules.some((r: { id: string }) => r.id === 'missing-file'));
    const first = run0.results[0];
    assert.equal(first.ruleId, 'unchecked-step');
    assert.equal(first.level, 'warning');
    assert.deepEqual(first.locations[0].physicalLocation.region, { startLine: 16, startColumn: 3, endLine: 16, endColumn: 37 });
    assert.equal(run0.results.length, 8, '5 open, 1 blocked and 2 in-progress steps of the plan');
  });

  it('exits 1 when a diagnostic is an error, and turns rules off', async () => {
    assert.equal((await cli('--no-git', '--rule', 'unchecked-step=error', plan)).code, 1);
    const off = await cli('--no-git', '--rule', 'unchecked-step=off', '--format', 'json', plan);
    assert.equal(off.code, 0);
    assert.deepEqual(JSON.parse(off.out).documents[0].diagnostics, []);
  });

  it('reads rule severities from a config file; flags win over it', async () => {
    const config = join(dir, 'lint.json');
    writeFileSync(config, JSON.stringify({ rules: { 'unchecked-step': 'error' } }));
    assert.equal((await cli('--no-git', '--config', config, plan)).code, 1);
    assert.equal((await cli('--no-git', '--config', config, '--rule', 'unchecked-step=hint', plan)).code, 0);
    writeFileSync(config, JSON.stringify({ rules: { 'unchecked-step': 'loud' } }));
    const bad = await cli('--no-git', '--config', config, plan);
    assert.equal(bad.code, 0, 'a bad value falls back to its default');
    assert.match(bad.err, /rule "unchecked-step": "loud" is not one of error, warning, information, hint, off/);
  });

  it('searches folders with the default handoff globs', async () => {
    const { out } = await cli('--no-git', '--format', 'json', dir);
    const paths = JSON.parse(out).documents.map((d: { path: string }) => d.path.slice(dir.length + 1));
    assert.deepEqual(paths.sort(), ['.planning/STATE.md', 'HANDOFF.md', 'docs/handoffs/week-3.md']);
  });

  it("searches a folder inside a repository as the repository's root would: `docs/handoffs` finds its handoffs", async () => {
    const found = async (folder: string) => {
      const { out } = await cli('--no-git', '--format', 'json', folder);
      return JSON.parse(out).documents.map((d: { path: string }) => d.path.slice(dir.length + 1)).sort();
    };
    const topic = join(dir, 'docs', 'handoffs', 'billing', 'topic.md');
    mkdirSync(join(topic, '..'), { recursive: true });
    writeFileSync(topic, '# Billing\n\n- [ ] export\n');
    try {
      assert.deepEqual(await found(join(dir, 'docs', 'handoffs')), [], 'in no repository: named from the folder given, as before');
      mkdirSync(join(dir, '.git'));
      assert.deepEqual(await found(join(dir, 'docs', 'handoffs')), ['docs/handoffs/billing/topic.md', 'docs/handoffs/week-3.md']);
      assert.deepEqual(await found(join(dir, 'docs')), ['docs/handoffs/billing/topic.md', 'docs/handoffs/week-3.md']);
    } finally {
      rmSync(join(dir, '.git'), { recursive: true, force: true });
      rmSync(join(dir, 'docs', 'handoffs', 'billing'), { recursive: true, force: true });
    }
  });

  it('exits 2 with a one-line reason on usage errors and unreadable input', async () => {
    for (const [args, reason] of [
      [['--format', 'xml', plan], /--format must be text, json, sarif or github/],
      [['--bogus'], /unknown option --bogus/],
      [['--rule', 'nope=error'], /unknown rule "nope"/],
      [['--rule', 'missing-file=loud'], /severity must be one of/],
      [[join(dir, 'absent.md')], /cannot read .*absent\.md: no such file or folder/],
      [['--config', join(dir, 'absent.json'), plan], /cannot read config/],
    ] as const) {
      const r = await cli(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, reason);
    }
  });

  it('prints each document as soon as it is analysed, the JSON on one line, byte for byte JSON.stringify of the contract', async () => {
    const chunks: string[] = [];
    // What was printed when the run waited for its reader after each document (`drained`).
    const printed: string[] = [];
    const code = await run(['--no-git', '--format', 'json', billing, plan], (s) => chunks.push(s), () => undefined, async () => { printed.push(chunks.join('')); });
    assert.equal(code, 0);
    const out = chunks.join('');
    // Each document is printed whole before the next is analysed: nothing waits for the last file.
    assert.equal(printed.length, 2);
    assert.ok(printed[0]!.includes(`"path":${JSON.stringify(billing)}`) && !printed[0]!.includes(`"path":${JSON.stringify(plan)}`));
    assert.ok(printed[1]!.includes(`"path":${JSON.stringify(plan)}`));
    assert.equal(JSON.parse(`${printed[1]}]}`).documents.length, 2, 'two whole documents before the close');
    assert.equal(out, JSON.stringify(JSON.parse(out)) + '\n');
    const empty = await cli('--no-git', '--format', 'json', join(dir, 'docs', 'handoffs', 'week-3.md'));
    assert.equal(empty.out, JSON.stringify(JSON.parse(empty.out)) + '\n');
  });

  it('checks every file is readable before printing, so JSON and SARIF are never cut short', async () => {
    const r = await cli('--no-git', '--format', 'json', plan, join(dir, 'absent.md'));
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
  });

  describe('the built binary', () => {
    before(function () {
      try { execFileSync('node', [CLI, '--version']); } catch { this.skip(); }
    });

    it('prints one line and no stack trace on bad input, exit 2', () => {
      const r = spawnSync('node', [CLI, join(dir, 'absent.md')], { encoding: 'utf8' });
      assert.equal(r.status, 2);
      assert.equal(r.stderr.trim().split('\n').length, 1);
      assert.doesNotMatch(r.stderr, /\bat \S+ \(/);
    });

    it('with --no-git starts no git: it works with git gone from PATH, and says nothing about git', () => {
      const env = { ...process.env, PATH: '/nonexistent' };
      const withGit = spawnSync(process.execPath, [CLI, billing], { encoding: 'utf8', env });
      assert.match(withGit.stdout, /git is not installed|git was not found|not installed/i, 'without --no-git the missing git is noticed');
      const noGit = spawnSync(process.execPath, [CLI, '--no-git', billing], { encoding: 'utf8', env });
      assert.equal(noGit.status, 0);
      assert.doesNotMatch(noGit.stdout, /git/i);
    });
  });
});
