// Issue 12: a run over many handoffs of one repository starts as many git processes as a run over a few — the
// questions every handoff asks (its SHAs' facts, its own last version) are asked ahead for the whole batch
// (NodeGitCheck.prefetch, the CLI's batches) — and the answers are the ones each handoff gets when asked alone.
// The handoffs cite missing files of every kind (deleted or renamed before or after them, ignored, never there)
// and unknown commits: those questions too are asked once for the batch (recordQuestions.ts, batchAnswers.ts).
// Counted, not timed: the time and memory of 1,000 handoffs are npm run bench's item 9.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathspecsFor } from '../../src/node/lastVersions';
import { FixtureGit } from '../fixtures/git/exec';
import { analyseBatch } from '../fixtures/git/batchRun';
import { fakeGit, recordedPids } from '../fixtures/git/hostile';
import { writeLinearHistory } from '../fixtures/git/manyCommits';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
/** A full SHA no commit of the fixture has. */
const UNKNOWN = (k: number) => `abcde${k}${'0'.repeat(34)}`;

describe('many handoffs in one repository', function () {
  this.timeout(120_000);
  let base: string;
  let repo: string;
  const folders = new Map<number, string[]>();

  before(() => {
    base = realpathSync(mkdtempSync(join(tmpdir(), 'many-handoffs-')));
    const g = new FixtureGit();
    repo = join(base, 'repo');
    const origin = join(base, 'origin.git');
    g.run(base, ['init', '-q', '--bare', origin]);
    g.run(base, ['init', '-q', repo]);
    const shas = writeLinearHistory(g, repo, 150);
    g.run(repo, ['checkout', '-q', '-f', 'main']);
    g.run(repo, ['remote', 'add', 'origin', origin]);
    g.run(repo, ['push', '-q', 'origin', `${shas[119]}:refs/heads/main`]); // 120 pushed, 30 local only
    g.run(repo, ['fetch', '-q', 'origin']);
    // Files the handoffs cite that are gone: deleted or renamed before the handoffs were written, ignored, never there
    // (and, below, deleted and renamed after them); commits they cite that the repository does not know, one named
    // by a later commit's message.
    mkdirSync(join(repo, 'lib'));
    for (let k = 0; k < 5; k++) {
      writeFileSync(join(repo, 'lib', `gone-${k}.txt`), `gone ${k}\n`);
      writeFileSync(join(repo, 'lib', `old-${k}.txt`), `old ${k}\n`.repeat(20));
    }
    writeFileSync(join(repo, '.gitignore'), '*.log\n');
    // Runtime files tracked at first and untracked after the handoffs (below): kept by each working tree, not lost.
    mkdirSync(join(repo, 'state'));
    writeFileSync(join(repo, 'goals.md'), '- [ ] a goal\n');
    writeFileSync(join(repo, 'state', 'run.json'), '{}\n');
    g.commit(repo, 'files to remove');
    mkdirSync(join(repo, 'moved'));
    for (let k = 0; k < 5; k++) {
      g.run(repo, ['rm', '-q', `lib/gone-${k}.txt`]);
      g.run(repo, ['mv', `lib/old-${k}.txt`, `moved/new-${k}.txt`]);
    }
    g.commit(repo, `remove and move; squashes ${UNKNOWN(0)}`);
    for (const n of [10, 100]) {
      const dir = join(repo, 'docs', `set-${n}`);
      mkdirSync(dir, { recursive: true });
      const paths: string[] = [];
      for (let i = 0; i < n; i++) {
        const path = join(dir, `HANDOFF-${String(i).padStart(3, '0')}.md`);
        writeFileSync(path, [
          `# Handoff ${i}`, '', '## Done', '',
          `- commit ${shas[i % 120]!.slice(0, 9)} pushed, commit ${shas[(i * 7) % 120]!.slice(0, 12)} too`,
          `- commit ${shas[120 + (i % 30)]!.slice(0, 10)} not pushed yet`,
          `- changed \`file-${i % 50}.txt:1\` and \`file-${(i + 1) % 50}.txt:9\``,
          `- see \`lib/gone-${i % 5}.txt\`, \`lib/old-${i % 5}.txt\`, \`run-${i % 5}.log\`, \`lib/notes-${i}.txt\` and \`file-4${8 + (i % 2)}.txt\``,
          `- built on commit ${UNKNOWN(i % 7)}`,
          `- the daemon reads \`goals.md\` and \`./../../state/run.json\``,
          '', '## Next', '', `- [ ] step ${i}`, '',
        ].join('\n'));
        paths.push(path);
      }
      folders.set(n, paths);
    }
    // One handoff not committed: its last version is none.
    g.commit(repo, 'handoffs');
    // After the handoffs: one file they cite deleted, one renamed.
    g.run(repo, ['rm', '-q', 'file-49.txt']);
    g.run(repo, ['mv', 'file-48.txt', 'renamed-48.txt']);
    g.run(repo, ['rm', '-q', '--cached', 'goals.md', 'state/run.json']);
    writeFileSync(join(repo, '.gitignore'), '*.log\ngoals.md\nstate/\n');
    g.commit(repo, 'after the handoffs');
    rmSync(join(repo, 'goals.md'));
    rmSync(join(repo, 'state'), { recursive: true });
    writeFileSync(join(repo, 'docs', 'set-10', 'HANDOFF-new.md'), '# Handoff\n\n- commit ' + shas[3]!.slice(0, 8) + '\n');
    writeFileSync(join(repo, 'docs', 'set-100', 'HANDOFF-new.md'), '# Handoff\n\n- commit ' + shas[3]!.slice(0, 8) + '\n');
    for (const n of [10, 100]) folders.get(n)!.push(join(repo, 'docs', `set-${n}`, 'HANDOFF-new.md'));
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  /** Analyses the handoffs as the CLI does (one service, one git check), with or without asking ahead; counts git. */
  async function analyseAll(paths: readonly string[], ahead: boolean) {
    const { calls, analyses } = await analyseBatch(paths, ahead);
    const results = analyses.map(({ path, analysis: a }) => [path.slice(repo.length), a.facts?.anchor?.sha ?? 'no anchor',
      ...a.diagnostics.map((x) => `${x.code}@${x.range.start.line}:${x.range.start.character} ${x.message}`), ...a.notices].join(' '));
    // The subcommand of each process (the first argument that is not an option).
    return { calls: calls.map((args) => args.find((a) => !a.startsWith('-')) ?? '?').sort(), results };
  }

  it('10 and 100 handoffs start the same git processes, and each gets the answers it gets alone', async () => {
    const ten = await analyseAll(folders.get(10)!, true);
    const hundred = await analyseAll(folders.get(100)!, true);
    assert.deepEqual(hundred.calls, ten.calls);
    // Facts (log ‖ for-each-ref), last versions, the graph, files listed and at the anchor, check-ignore, deletions
    // since the anchor (cat-file session, first-parent line, renames) and before it (log, renames, the renamed
    // files' later history), the search for unknown commits, one diff: none of them per handoff.
    assert.ok(ten.calls.length <= 16, `${ten.calls.length} git processes: ${ten.calls.join(', ')}`);

    // Asked one handoff at a time instead: the same answers (unpushed, line out of range, the anchors), at a process or more each.
    const alone = await analyseAll(folders.get(10)!, false);
    assert.deepEqual(ten.results, alone.results);
    // Every kind of missing file and the unknown commit, told the same way as one at a time.
    for (const told of ['lib/gone-0.txt was deleted in', 'lib/old-0.txt was renamed to moved/new-0.txt', 'lib/notes-0.txt was not in the repository',
      'file-48.txt was renamed to renamed-48.txt', 'unknown-commit@8']) assert.ok(ten.results[0]!.includes(told), `${told}: ${ten.results[0]}`);
    assert.ok(ten.results[1]!.includes('file-49.txt was deleted in'), ten.results[1]);
    // Untracked and ignored since, a bare name and a path written from the handoff's folder alike: asides.
    for (const told of ['goals.md was deleted in', './../../state/run.json was deleted in']) {
      assert.ok(new RegExp(`${told.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} [0-9a-f]{7} \\(after the handoffs\\), after this handoff; git ignores it now`).test(ten.results[0]!), `${told}: ${ten.results[0]}`);
    }
    assert.ok(!ten.results[0]!.includes('run-0.log'), 'an ignored file is not reported');
    assert.ok(alone.calls.length > ten.calls.length + 10, `${alone.calls.length} processes one at a time`);
    assert.ok(ten.results[0]!.includes('unpushed-commit'), ten.results[0]);
    assert.ok(ten.results.at(-1)!.includes('no anchor'), 'the handoff not committed has no anchor');
    assert.ok(!ten.results[0]!.includes('no anchor'), 'a committed handoff is anchored at its commit');
  });

  it('GSD plans carried out: when each summary was written is read from the batch, no process per plan', async () => {
    const g = new FixtureGit();
    const gsd = join(base, 'gsd');
    g.run(base, ['init', '-q', gsd]);
    const phases = (n: number) => join(gsd, '.planning', `phases-${n}`);
    for (const n of [2, 20]) mkdirSync(phases(n), { recursive: true });
    for (let i = 0; i < 20; i++) writeFileSync(join(gsd, `legacy-${i}.txt`), `legacy ${i}\n`);
    g.commit(gsd, 'start');
    const plan = (i: number) => `# Plan 01-${String(i).padStart(2, '0')}\n\n- fold \`legacy-${i}.txt\` into the settings\n`;
    for (const n of [2, 20]) for (let i = 0; i < n; i++) writeFileSync(join(phases(n), `01-${String(i).padStart(2, '0')}-PLAN.md`), plan(i));
    g.commit(gsd, 'docs: the plans');
    for (let i = 0; i < 20; i++) g.run(gsd, ['rm', '-q', `legacy-${i}.txt`]);
    g.commit(gsd, 'chore: drop the legacy files');
    for (const n of [2, 20]) for (let i = 0; i < n; i++) writeFileSync(join(phases(n), `01-${String(i).padStart(2, '0')}-SUMMARY.md`), '# Summary\n\nDone.\n');
    g.commit(gsd, 'docs: the summaries');
    const run = async (n: number) => {
      const paths = Array.from({ length: n }, (_, i) => `01-${String(i).padStart(2, '0')}`).flatMap((id) => [`${id}-PLAN.md`, `${id}-SUMMARY.md`].map((f) => join(phases(n), f)));
      const { calls, analyses } = await analyseBatch(paths, true);
      return { calls: calls.map((args) => args.find((a) => !a.startsWith('-')) ?? '?').sort(), analyses };
    };
    const [two, twenty] = [await run(2), await run(20)];
    assert.deepEqual(twenty.calls, two.calls);
    const plans = twenty.analyses.filter((a) => a.path.endsWith('-PLAN.md'));
    assert.equal(plans.length, 20);
    for (const { analysis } of plans) {
      assert.deepEqual(analysis.diagnostics.filter((d) => d.code === 'missing-file').map((d) => d.severity), ['hint'], [...analysis.diagnostics.map((d) => d.message), ...analysis.notices].join('; '));
      assert.match(analysis.diagnostics[0]!.message, /as this plan was carried out \(before its summary, [0-9a-f]{7}\)/);
    }
  });

  describe('the built CLI', () => {
    before(function () { if (!existsSync(CLI)) this.skip(); });

    it('a run over 100 handoffs starts as many git processes as a run over 10', () => {
      const started = (n: number) => {
        const pids = join(base, `pids-${n}`);
        const git = fakeGit(join(base, `bin-${n}`), pids, 'exec git "$@"');
        const r = spawnSync(process.execPath, [CLI, '--format', 'json', join(repo, 'docs', `set-${n}`)], {
          encoding: 'utf8', env: { ...process.env, PATH: `${dirname(git)}:${process.env.PATH}` }, maxBuffer: 64 * 1024 * 1024,
        });
        assert.ok(r.status === 0 || r.status === 1, r.stderr);
        const docs = JSON.parse(r.stdout).documents as Array<{ diagnostics: Array<{ code: string }>; facts: { files: Array<{ kind: string; paths?: string[]; ignoredNow?: true }> } }>;
        assert.equal(docs.length, n + 1);
        assert.ok(docs.some((d) => d.diagnostics.some((x) => x.code === 'unpushed-commit')), 'git was asked');
        // The file facts say what the hint says: untracked since and ignored now.
        assert.deepEqual(docs[0]!.facts.files.filter((f) => f.ignoredNow).map((f) => f.paths), [['goals.md'], ['state/run.json']]);
        return recordedPids(pids).length;
      };
      const ten = started(10);
      assert.equal(started(100), ten);
    });
  });
});

describe('pathspecsFor (the last versions of a batch in one command line)', () => {
  it('the paths when they fit, else their folders, else nothing (each handoff then asks alone)', () => {
    assert.deepEqual(pathspecsFor(['docs/b.md', 'docs/a.md', 'HANDOFF.md']), ['HANDOFF.md', 'docs/a.md', 'docs/b.md']);
    const many = Array.from({ length: 2000 }, (_, i) => `docs/handoffs/2026/session-${String(i).padStart(5, '0')}-handoff.md`);
    assert.deepEqual(pathspecsFor([...many, 'HANDOFF.md']), ['.', 'docs/handoffs/2026']);
    const scattered = Array.from({ length: 2000 }, (_, i) => `folder-${String(i).padStart(5, '0')}-with-a-long-name/HANDOFF.md`);
    assert.equal(pathspecsFor(scattered), null);
  });
});
