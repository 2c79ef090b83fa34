/**
 * Item 9 of the benchmark (issue 12): 1,000 handoffs of one repository, git on, as one whole CLI process
 * (`node dist/cli.js --format json <folder>`) stay within the scale budget (5 s, 150 MB) and start as many git
 * processes as 100 handoffs do. The handoffs are the generated ones of item 4 with their SHAs renamed to commits of
 * the bench repository (so every check has real answers), committed in a local clone of it. git is counted by a
 * wrapper first on PATH that records each process and runs the real git; time and peak RSS by /usr/bin/time.
 * Memory is judged as item 4 judges it, by the live heap: the run must complete with V8's heap capped at the budget
 * (`--max-old-space-size`); the process's RSS (Node itself is ~40 MB of it) is printed beside it.
 *
 *   tsx test/bench/manyGitBench.ts [rounds]     # after `npm run build`; prints the rows
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FixtureGit } from '../fixtures/git/exec';
import { fakeGit, recordedPids } from '../fixtures/git/hostile';
import { generateHandoffs } from './generate';
import { benchRepo } from './gitRepo';
import type { Row } from './table';
import { loadCorpus, mb, median, ms, REPO_ROOT, type Corpus } from './util';

const TIME = '/usr/bin/time';
const SIZES = [100, 1000] as const;

interface Run { wallMs: number; cpuMs: number; rss: number; gits: number; documents: number }

/** Live-heap budget (MB): item 4's, for the same 1,000 handoffs. */
const HEAP_BUDGET_MB = 150;

function runCli(cli: string, folder: string, bin: string, pids: string, stats: string, nodeFlags: string[] = []): Run {
  rmSync(pids, { force: true });
  // Named on the command line: the generated names are not all handoff names the folder discovery would pick.
  const files = readdirSync(folder).map((f) => join(folder, f));
  const r = spawnSync(TIME, ['-o', stats, '-f', '%e %U %S %M', process.execPath, ...nodeFlags, cli, '--format', 'json', ...files], {
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}` }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28, encoding: 'utf8',
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`handoff-lint failed on ${folder}: ${r.stderr.slice(0, 500)}`);
  const [wall, user, sys, kb] = readFileSync(stats, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  const documents = (JSON.parse(r.stdout) as { documents: unknown[] }).documents.length;
  return { wallMs: wall! * 1000, cpuMs: (user! + sys!) * 1000, rss: kb! * 1024, gits: recordedPids(pids).length, documents };
}

export function manyGitBench(corpus: Corpus, rounds = 3, cli = join(REPO_ROOT, 'dist', 'cli.js'), log: (s: string) => void = () => {}): Row[] {
  if (!existsSync(TIME)) throw new Error(`${TIME} is needed to measure a process's time and memory`);
  const source = benchRepo(5000, 100);
  const base = mkdtempSync(join(tmpdir(), 'many-git-bench-'));
  try {
    const g = new FixtureGit();
    const repo = join(base, 'repo');
    g.run(base, ['clone', '-q', source.dir, repo]);
    for (const n of SIZES) {
      const dir = join(repo, 'handoffs', String(n));
      mkdirSync(dir, { recursive: true });
      for (const h of generateHandoffs(corpus.docs, n, source.shas)) writeFileSync(join(dir, h.name), h.text);
    }
    g.commit(repo, 'The handoffs');
    const bin = dirname(fakeGit(join(base, 'bin'), join(base, 'pids'), 'exec git "$@"'));
    const runs = new Map<number, Run[]>(SIZES.map((n) => [n, []]));
    for (let r = 0; r < rounds; r++) {
      for (const n of r % 2 ? [...SIZES].reverse() : SIZES) {
        const run = runCli(cli, join(repo, 'handoffs', String(n)), bin, join(base, 'pids'), join(base, 'time.txt'));
        if (run.documents !== n) throw new Error(`${run.documents} documents reported for ${n}`);
        runs.get(n)!.push(run);
        log(`${n} handoffs: ${ms(run.wallMs)}, ${mb(run.rss)}, ${run.gits} git processes`);
      }
    }
    // The live heap never needs more than the budget: the whole run completes within it.
    let capped: Run;
    try {
      capped = runCli(cli, join(repo, 'handoffs', '1000'), bin, join(base, 'pids'), join(base, 'time.txt'), [`--max-old-space-size=${HEAP_BUDGET_MB}`]);
    } catch {
      capped = { wallMs: NaN, cpuMs: NaN, rss: NaN, gits: NaN, documents: 0 }; // out of memory under the cap
    }
    log(`1000 handoffs, heap capped at ${HEAP_BUDGET_MB} MB: ${ms(capped.wallMs)}, ${mb(capped.rss)}, ${capped.documents} documents`);
    const m = (n: number) => {
      const rs = runs.get(n)!;
      return { wall: median(rs.map((x) => x.wallMs)), cpu: median(rs.map((x) => x.cpuMs)), rss: median(rs.map((x) => x.rss)), gits: Math.max(...rs.map((x) => x.gits)) };
    };
    const small = m(100);
    const large = m(1000);
    const series = seriesRuns(g, source, base, corpus, bin, cli, rounds, log);
    return [{
      item: '9',
      what: `1,000 generated handoffs citing commits of one repository (5,000 commits), git on, one CLI process (${rounds} run${rounds === 1 ? '' : 's'})`,
      measured: `${ms(large.wall)} (CPU ${ms(large.cpu)}); completes with the heap capped at ${HEAP_BUDGET_MB} MB (process RSS ${mb(large.rss)}); ${large.gits} git processes (100 handoffs: ${small.gits}, ${ms(small.wall)})`,
      goal: `< 5 s; live heap < ${HEAP_BUDGET_MB} MB; as many git processes as 100`,
      pass: large.wall < 5000 && capped.documents === 1000 && large.gits <= small.gits,
    }, {
      item: '9',
      what: `${SERIES[1]} generated handoffs each committed on its own (${SERIES[1]} anchors, as a real series is), git on, one CLI process (${rounds} run${rounds === 1 ? '' : 's'})`,
      measured: `${ms(series.large.wall)} (CPU ${ms(series.large.cpu)}); **${series.large.gits}** git processes (${SERIES[0]} such handoffs: ${series.small.gits}, ${ms(series.small.wall)})`,
      goal: `as many git processes as ${SERIES[0]}`,
      pass: series.large.gits <= series.small.gits,
    }];
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

/** Handoffs per series: each committed on its own, so each has its own anchor. */
const SERIES = [10, 100] as const;

/**
 * A series of handoffs in a clone of the bench repository, committed one by one as a real series is (each handoff
 * its own anchor): the git processes of a run over SERIES[1] of them against a run over SERIES[0].
 */
function seriesRuns(g: FixtureGit, source: { dir: string; shas: string[] }, base: string, corpus: Corpus, bin: string, cli: string, rounds: number, log: (s: string) => void) {
  const repo = join(base, 'series');
  g.run(base, ['clone', '-q', source.dir, repo]);
  for (const n of SERIES) {
    const dir = join(repo, 'handoffs', `series-${n}`);
    mkdirSync(dir, { recursive: true });
    for (const h of generateHandoffs(corpus.docs, n, source.shas)) {
      writeFileSync(join(dir, h.name), h.text);
      g.commit(repo, `handoff ${h.name}`);
    }
  }
  const runs = new Map<number, Run[]>(SERIES.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    for (const n of SERIES) {
      const run = runCli(cli, join(repo, 'handoffs', `series-${n}`), bin, join(base, 'pids'), join(base, 'time.txt'));
      runs.get(n)!.push(run);
      log(`${n} handoffs, each its own commit: ${ms(run.wallMs)}, ${run.gits} git processes`);
    }
  }
  const m = (n: number) => {
    const rs = runs.get(n)!;
    return { wall: median(rs.map((x) => x.wallMs)), cpu: median(rs.map((x) => x.cpuMs)), gits: Math.max(...rs.map((x) => x.gits)) };
  };
  return { small: m(SERIES[0]), large: m(SERIES[1]) };
}

if (require.main === module) {
  const rows = manyGitBench(loadCorpus(), Number(process.argv[2] ?? 1), undefined, (s) => process.stderr.write(`${s}\n`));
  for (const r of rows) process.stdout.write(`${r.what}: ${r.measured} — ${r.pass ? 'pass' : 'fail'}\n`);
}
