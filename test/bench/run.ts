/**
 * `npm run bench`: builds, then prints ONE Markdown table (for the README's Performance section) with a
 * pass/fail mark per goal of issue 6. Every ratio is measured in this run, both sides alternating round by
 * round, as medians. Progress goes to stderr, the table to stdout.
 *
 *   npm run bench                      # full run
 *   npm run bench -- --quick           # fewer rounds, sizes up to 1,000 (a smoke run; not for the README)
 *   npm run bench -- --only 1,3        # some items only
 */
import { loadavg } from 'node:os';
import { cliVsMarkdownlint, analysisVsRemark } from './corpusBench';
import { editBench } from './editBench';
import { gitBench } from './gitBench';
import { benchRepo, type BenchRepo } from './gitRepo';
import { hostRows } from './hostBench';
import { scaleBench } from './scaleBench';
import { trustBench } from './trustBench';
import { denseBench, denseRows } from './denseBench';
import { manyGitBench } from './manyGitBench';
import { calibrationLine, calibrationMs } from './calibrate';
import { machine, render, type Row } from './table';
import { loadCorpus, ms, now } from './util';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args[args.indexOf('--only') + 1];
const only = args.includes('--only') && onlyArg ? new Set(onlyArg.split(',')) : null;
const want = (item: string) => !only || only.has(item);

const ROUNDS = {
  analysis: quick ? 5 : 9,
  cli: quick ? 3 : 7,
  git: quick ? 5 : 15,
  edit: quick ? 10 : 30,
  trust: quick ? 3 : 9,
  dense: quick ? 1 : 5,
  manyGit: quick ? 1 : 3,
};
/** Handoffs per scale size, and the runs of each (the 5,000 run is one: it alone takes minutes on a busy machine). */
const SCALE: ReadonlyArray<readonly [number, number]> = quick ? [[100, 1], [1000, 1]] : [[100, 3], [1000, 3], [5000, 1]];

const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);

/** The calibration loop's times, one before the first item and one after each (calibrate.ts). */
const calibration: number[] = [];
const calibrate = () => {
  const ms = calibrationMs();
  if (ms !== null) calibration.push(ms);
};

async function section(rows: Row[], item: string, title: string, run: () => Promise<Row[]> | Row[]): Promise<void> {
  if (!want(item)) return;
  if (!calibration.length) calibrate();
  log(`${item}. ${title}…`);
  const t0 = now();
  try {
    rows.push(...(await run()));
  } catch (e) {
    rows.push({ item, what: title, measured: `error: ${e instanceof Error ? e.message : String(e)}`, goal: '', pass: false });
  }
  log(`${item}. done in ${ms(now() - t0)}`);
  calibrate();
}

async function main(): Promise<void> {
  const t0 = now();
  const header = machine();
  const corpus = loadCorpus();
  const rows: Row[] = [];
  let repo: BenchRepo | null = null;
  const getRepo = () => {
    if (!repo) {
      repo = benchRepo(5000, 100);
      log(`bench repository ${repo.dir}: ${repo.built ? `built in ${ms(repo.buildMs)}` : 'from the cache'}`);
    }
    return repo;
  };

  await section(rows, '1', 'corpus analysis vs remark-parse', () => analysisVsRemark(corpus, ROUNDS.analysis));
  await section(rows, '2', 'handoff-lint vs markdownlint-cli2', () => cliVsMarkdownlint(corpus, ROUNDS.cli));
  await section(rows, '3', '1,000 SHAs vs raw cat-file', () => gitBench(getRepo(), ROUNDS.git));
  await section(rows, '4', `scale ${SCALE.map(([n]) => n).join(', ')}`, () => scaleBench(corpus, SCALE));
  await section(rows, '5', 'edit latency', () => editBench(corpus, getRepo(), ROUNDS.edit));
  await section(rows, '6', 'activation and VSIX', () => hostRows());
  await section(rows, '7', 'a handoff judged against its moment', () => trustBench(ROUNDS.trust));
  await section(rows, '8', '1 MB item-dense handoffs', () => denseRows(denseBench(ROUNDS.dense, 1_000_000, undefined, log)));
  await section(rows, '8', '1 MB item-dense handoffs in a repository', () => denseRows(denseBench(ROUNDS.dense, 1_000_000, undefined, log, true), true));
  await section(rows, '9', '1,000 handoffs of one repository, git on', () => manyGitBench(corpus, ROUNDS.manyGit, undefined, log));

  const total = now() - t0;
  const out = [
    `### Benchmark${quick ? ' (quick run: fewer rounds, not for the README)' : ''}`,
    '',
    ...header,
    `- Corpus: ${corpus.source}; rounds per measure: ${Object.entries(ROUNDS).map(([k, v]) => `${k} ${v}`).join(', ')}, scale ${SCALE.map(([n, r]) => `${n}×${r}`).join(', ')} (medians)`,
    '',
    render(rows),
    '',
    `Bench run time ${ms(total)}; load average at end ${loadavg().map((x) => x.toFixed(1)).join(' / ')}.` +
      ` Goals met: ${rows.filter((r) => r.pass === true).length} of ${rows.filter((r) => r.pass !== null).length}.`,
    '',
    calibrationLine(calibration),
  ];
  process.stdout.write(out.join('\n') + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
