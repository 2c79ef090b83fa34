/**
 * Item 3: 1,000 SHAs over the generated 5,000-commit repository, resolved through the Node git provider,
 * against one raw `git cat-file --batch-check` of the same SHAs; and the git processes of one analysis.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NEVER_CANCELLED } from '../../src/core/interfaces';
import { createLanguageService } from '../../src/core/service';
import { createNodeGitCheck } from '../../src/node/cliGit';
import { NodeGitProvider } from '../../src/node/gitFacts';
import { REACH_FORMAT } from '../../src/node/gitParse';
import type { BenchRepo } from './gitRepo';
import type { Row } from './table';
import { interleave, median, ms, now, ratio, runProcess } from './util';

/** A real spawn that records each git subcommand (the first argument after the global `-c` options). */
export function countingSpawn(): { spawn: (c: string, a: readonly string[], o: SpawnOptions) => ChildProcess; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    spawn: (cmd, args, opts) => {
      calls.push(args.find((a, i) => i > 0 && !a.startsWith('-') && args[i - 1] !== '-c') ?? '?');
      return spawn(cmd, args as string[], opts);
    },
  };
}

/**
 * `count` SHAs spread over the whole history (pushed and unpushed), abbreviated to 10 hex as handoffs write
 * them. Abbreviations that read as numbers (all digits, or `123e456`) are skipped for the next commit: the
 * extractor rightly never claims those as SHAs.
 */
export function citedShas(repo: BenchRepo, count: number): string[] {
  const step = repo.shas.length / count;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    for (let j = Math.floor(i * step); ; j++) {
      const abbrev = repo.shas[j]!.slice(0, 10);
      if (/[a-f]/.test(abbrev) && !/^\d+e\d+$/.test(abbrev)) {
        out.push(abbrev);
        break;
      }
    }
  }
  return out;
}

/** A handoff citing the SHAs in commit context (one `- commit <sha>` line each), written into the repository. */
export function shaHandoff(repo: BenchRepo, shas: readonly string[], name: string): { path: string; text: string } {
  const text = `# Bench handoff\n\n## Commits\n\n${shas.map((s, i) => `- commit ${s}: bench change ${i + 1}`).join('\n')}\n`;
  const path = join(repo.dir, name);
  writeFileSync(path, text);
  return { path, text };
}

async function analyzeCounting(path: string, text: string) {
  const counter = countingSpawn();
  const git = createNodeGitCheck({ spawn: counter.spawn });
  const service = createLanguageService({ git: git.check, files: git.files });
  const analysis = await service.analyze({ path, version: 0, text });
  return { analysis, calls: counter.calls, spawned: git.provider.runner.spawned };
}

export async function gitBench(repo: BenchRepo, rounds: number): Promise<Row[]> {
  const shas = citedShas(repo, 1000);
  const input = shas.join('\n') + '\n';
  // Correctness first: every SHA resolves (a fast run that resolved nothing would prove nothing).
  const probe = new NodeGitProvider();
  const found = await probe.discover(repo.dir, NEVER_CANCELLED);
  if (!found.ok) throw new Error(`bench repository not usable: ${found.problem.message}`);
  const facts = await probe.facts(found.value, shas, NEVER_CANCELLED);
  if (!facts.ok) throw new Error(`facts failed: ${facts.problem.message}`);
  const resolved = [...facts.value.shas.values()].filter((s) => s.status === 'found').length;
  const unpushed = [...facts.value.shas.values()].filter((s) => s.status === 'found' && s.reach === 'local').length;
  if (resolved !== shas.length) throw new Error(`only ${resolved} of ${shas.length} SHAs resolved`);

  const big = shaHandoff(repo, shas, 'HANDOFF-bench-1000.md');
  const small = shaHandoff(repo, shas.slice(0, 10), 'HANDOFF-bench-10.md');
  // The provider's reachability query, run raw: with the batch-check, the two legs of facts' last step.
  // The provider resolves names first (from the object store), so its log gets the full SHAs.
  const reachArgs = ['log', `--format=${REACH_FORMAT}`, '--ignore-missing', '--stdin', '--branches', '--tags', 'HEAD', '--not', '--remotes'];
  const fullInput = shas.map((s) => repo.shas.find((f) => f.startsWith(s))!).join('\n') + '\n';
  const { wall: [factsTimes, onlyFacts, checkTimes, rawTimes, logTimes], cpu: [, , checkCpu] } = await interleave(rounds, 2, [
    async () => {
      // A fresh provider per round: nothing cached. Discovery (one rev-parse) is part of the round.
      const provider = new NodeGitProvider();
      const d = await provider.discover(repo.dir, NEVER_CANCELLED);
      if (!d.ok || !(await provider.facts(d.value, shas, NEVER_CANCELLED)).ok) throw new Error('facts failed');
    },
    async () => {
      // The same with discovery done first, untimed: facts alone.
      const provider = new NodeGitProvider();
      const d = await provider.discover(repo.dir, NEVER_CANCELLED);
      if (!d.ok) throw new Error('discover failed');
      const t0 = now();
      if (!(await provider.facts(d.value, shas, NEVER_CANCELLED)).ok) throw new Error('facts failed');
      return now() - t0;
    },
    async () => {
      const git = createNodeGitCheck({});
      const service = createLanguageService({ git: git.check, files: git.files });
      await service.analyze({ path: big.path, version: 0, text: big.text });
    },
    async () => {
      const r = await runProcess('git', ['cat-file', '--batch-check'], { cwd: repo.dir, input });
      if (r.code !== 0 || r.stdout.split('\n').length !== shas.length + 1) throw new Error('raw cat-file failed');
    },
    async () => {
      if ((await runProcess('git', reachArgs, { cwd: repo.dir, input: fullInput })).code !== 0) throw new Error('raw log failed');
    },
  ]);
  const rawLog = median(logTimes!);
  const f = median(factsTimes!);
  const fo = median(onlyFacts!);
  const c = median(checkTimes!);
  const raw = median(rawTimes!);

  const many = await analyzeCounting(big.path, big.text);
  const few = await analyzeCounting(small.path, small.text);
  if (many.analysis.model.commits.length !== shas.length) throw new Error(`the handoff yielded ${many.analysis.model.commits.length} commits`);
  const unpushedDiags = many.analysis.diagnostics.filter((d) => d.code === 'unpushed-commit').length;
  const constant = many.spawned === few.spawned;
  return [
    {
      item: '3',
      what: `1,000 SHAs (${resolved} resolved, ${unpushed} unpushed) over a ${repo.shas.length.toLocaleString('en')}-commit repository: ` +
        '`NodeGitProvider` discover + facts vs one raw `git cat-file --batch-check`',
      measured: `${ms(f)} vs ${ms(raw)} = **${ratio(f, raw)}** (facts alone, discovery done: ${ms(fo)} = ${ratio(fo, raw)})`,
      goal: '≤ 1.5×',
      pass: f / raw <= 1.5,
    },
    {
      item: '3',
      what: `Same 1,000 SHAs, the whole git-on analysis of a handoff citing them (parse, rules, ${unpushedDiags} unpushed-commit diagnostics) vs the raw batch-check`,
      measured: `${ms(c)} vs ${ms(raw)} = ${ratio(c, raw)} (CPU in this process ${ms(median(checkCpu!))})`,
      goal: '(context)',
      pass: null,
    },
    {
      item: '3',
      what: 'Where facts\' time goes: its reachability query (`git log --stdin … --not --remotes`, full SHAs) run raw vs the raw batch-check',
      measured: `${ms(rawLog)} vs ${ms(raw)} = ${ratio(rawLog, raw)}`,
      goal: '(context)',
      pass: null,
    },
    {
      item: '3',
      what: 'git processes per analysis, 10 SHAs vs 1,000 SHAs',
      measured: `**${few.spawned}** vs **${many.spawned}** (${many.calls.join(', ')})`,
      goal: 'constant, ≤ 4',
      pass: constant && many.spawned <= 4,
    },
  ];
}
