/**
 * Item 8 of the benchmark (issue 12, item 6): every 1 MB handoff — whatever it holds — analysed in under 1 s of CPU
 * as a whole CLI process (`node dist/cli.js --format json <file>`, git on). One document per shape of
 * test/bench/dense.ts; CPU is user + system of the process and of the git processes it waited for, as `/usr/bin/time`
 * reports it, the median of `rounds` runs; peak RSS beside it. Measured twice: in a folder that is no repository, and
 * written (uncommitted) in a clone of the bench repository (5,000 commits), where git's own work counts too.
 *
 *   tsx test/bench/denseBench.ts [rounds] [bytes] [--in-repo]     # after `npm run build`; one line per shape
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixtureGit } from '../fixtures/git/exec';
import { DENSE_SHAPES } from './dense';
import { benchRepo } from './gitRepo';
import type { Row } from './table';
import { median, REPO_ROOT } from './util';

const TIME = '/usr/bin/time';
const GOAL_MS = 1000;

export interface DenseResult {
  shape: string;
  cpuMs: number;
  rssMb: number;
}

/** One CLI process over `file`: CPU milliseconds (user + system) and peak RSS, from /usr/bin/time. */
function measure(cli: string, file: string, stats: string): { cpuMs: number; rssMb: number } {
  const r = spawnSync(TIME, ['-o', stats, '-f', '%U %S %M', process.execPath, cli, '--format', 'json', file], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`handoff-lint failed on ${file}: ${r.stderr}`);
  const [user, sys, kb] = readFileSync(stats, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { cpuMs: (user! + sys!) * 1000, rssMb: kb! / 1024 };
}

/** `inRepo`: the documents are written in a clone of the bench repository (uncommitted), not in a plain folder. */
export function denseBench(rounds = 3, bytes = 1_000_000, cli = join(REPO_ROOT, 'dist', 'cli.js'), log: (s: string) => void = () => {}, inRepo = false): DenseResult[] {
  if (!existsSync(TIME)) throw new Error(`${TIME} is needed to measure a process's CPU`);
  const base = mkdtempSync(join(tmpdir(), 'dense-bench-'));
  let dir = base;
  if (inRepo) {
    dir = join(base, 'repo');
    new FixtureGit().run(base, ['clone', '-q', benchRepo(5000, 100).dir, dir]);
  }
  try {
    const out: DenseResult[] = [];
    for (const [shape, make] of Object.entries(DENSE_SHAPES)) {
      const file = join(dir, `${shape}.md`);
      writeFileSync(file, make(bytes));
      const runs = Array.from({ length: rounds }, () => measure(cli, file, join(dir, 'time.txt')));
      const r = { shape, cpuMs: median(runs.map((x) => x.cpuMs)), rssMb: median(runs.map((x) => x.rssMb)) };
      log(`${shape}: ${Math.round(r.cpuMs)} ms CPU, ${Math.round(r.rssMb)} MB`);
      out.push(r);
    }
    return out;
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

/** The benchmark table's row: the slowest shape against the goal, every shape listed. */
export function denseRows(results: readonly DenseResult[], inRepo = false): Row[] {
  const worst = results.reduce((a, b) => (b.cpuMs > a.cpuMs ? b : a));
  const list = results.map((r) => `${r.shape} ${(r.cpuMs / 1000).toFixed(2)} s`).join(', ');
  const where = inRepo ? "written uncommitted in a clone of the bench repository (5,000 commits; git's processes counted)" : 'in a folder that is no repository';
  return [{
    item: '8', what: `1 MB item-dense handoffs ${where}, \`handoff-lint --format json\` as a whole process, CPU (median of runs): slowest shape, then each`,
    measured: `**${(worst.cpuMs / 1000).toFixed(2)} s** (${worst.shape}, ${Math.round(worst.rssMb)} MB RSS); ${list}`,
    goal: `< ${GOAL_MS / 1000} s each`, pass: worst.cpuMs < GOAL_MS,
  }];
}

if (require.main === module) {
  const [rounds, bytes] = process.argv.slice(2).filter((a) => !a.startsWith('--')).map(Number);
  const results = denseBench(rounds ?? 3, bytes ?? 1_000_000, undefined, (s) => process.stderr.write(`${s}\n`), process.argv.includes('--in-repo'));
  for (const r of results) process.stdout.write(`${r.shape.padEnd(20)} ${(r.cpuMs / 1000).toFixed(2)} s CPU  ${Math.round(r.rssMb)} MB\n`);
}
