/**
 * Item 5: re-analysis of a ~90 KB handoff (corpus documents concatenated, citing commits of the bench
 * repository) after a one-character edit, the cache warm (same service, version + 1); and with git on, the
 * git processes the re-analysis starts (unchanged SHAs must not be fetched again).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLanguageService, type HandoffLanguageService } from '../../src/core/service';
import { createNodeGitCheck } from '../../src/node/cliGit';
import { countingSpawn } from './gitBench';
import type { BenchRepo } from './gitRepo';
import { concatenated } from './generate';
import type { Row } from './table';
import { cpuNow, kb, median, ms, now, type Corpus } from './util';

/** Successive one-character edits: the `t` of the k-th " the " (spread over the document) becomes `T`. */
function editor(text: string, edits: number): (k: number, current: string) => string {
  const at: number[] = [];
  for (const m of text.matchAll(/ the /g)) at.push(m.index! + 1);
  if (at.length < edits) throw new Error(`only ${at.length} edit sites`);
  return (k, current) => {
    const i = at[Math.floor(((k + 0.5) * at.length) / edits)]!;
    return current.slice(0, i) + 'T' + current.slice(i + 1);
  };
}

async function editRounds(service: HandoffLanguageService, path: string, text: string, rounds: number, after?: () => void) {
  const edit = editor(text, rounds + 2);
  const t0 = now();
  const cold = await service.analyze({ path, version: 1, text });
  const coldMs = now() - t0;
  after?.();
  let current = text;
  const times: number[] = [];
  const cpu: number[] = [];
  let commits = 0;
  for (let k = 0; k < rounds + 2; k++) {
    current = edit(k, current);
    const t = now();
    const c = cpuNow();
    const a = await service.analyze({ path, version: k + 2, text: current });
    if (k >= 2) { // the first two warm the JIT on the edit path
      times.push(now() - t);
      cpu.push(cpuNow() - c);
    }
    commits = a.model.commits.length;
  }
  if (commits !== cold.model.commits.length) throw new Error(`an edit of one letter changed the commits: ${cold.model.commits.length} → ${commits}`);
  return { coldMs, editMs: median(times), editCpu: median(cpu), cold };
}

export async function editBench(corpus: Corpus, repo: BenchRepo, rounds: number): Promise<Row[]> {
  const text = concatenated(corpus.docs, 90 * 1024, repo.shas);
  const path = join(repo.dir, 'HANDOFF-bench-edit.md');
  writeFileSync(path, text);
  const size = kb(Buffer.byteLength(text));

  const off = await editRounds(createLanguageService({}), path, text, rounds);

  const counter = countingSpawn();
  const git = createNodeGitCheck({ spawn: counter.spawn });
  let firstCalls: string[] = [];
  const on = await editRounds(createLanguageService({ git: git.check, files: git.files }), path, text, rounds, () => {
    firstCalls = [...counter.calls];
  });
  const later = counter.calls.slice(firstCalls.length);
  const perEdit = later.length / (rounds + 2);
  const refetched = later.filter((c) => c === 'cat-file' || c === 'log' || c === 'for-each-ref');
  const found = [...on.cold.commitStates.values()].length;
  return [
    {
      item: '5',
      what: `Re-analysis of a ${size} handoff (${off.cold.model.commits.length} commits, ${off.cold.model.files.length} breadcrumbs) after a one-character edit, cache warm, git off (cold first analysis ${ms(off.coldMs)})`,
      measured: `**${ms(off.editMs)}** (CPU ${ms(off.editCpu)})`,
      goal: '< 50 ms',
      pass: off.editMs < 50,
    },
    {
      item: '5',
      what: `Same edit with git on, against the bench repository (${found} commit states; cold first analysis ${ms(on.coldMs)}: ${firstCalls.length} git processes, ${firstCalls.join(', ')})`,
      measured: `${ms(on.editMs)} (CPU ${ms(on.editCpu)}); git processes per re-analysis: **${perEdit}**${later.length ? ` (${[...new Set(later)].join(', ')})` : ''}`,
      goal: 'facts not fetched again (no cat-file/log/for-each-ref)',
      pass: refetched.length === 0,
    },
  ];
}
