/**
 * Items 1 and 2: the corpus analysed in process against remark-parse alone, and `handoff-lint --no-git` as a
 * whole process against `markdownlint-cli2` as a whole process, over the same files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { createLanguageService } from '../../src/core/service';
import { interleave, median, ms, ratio, REPO_ROOT, runProcess, type Corpus } from './util';
import type { Row } from './table';

export async function analysisVsRemark(corpus: Corpus, rounds: number): Promise<Row[]> {
  const processor = unified().use(remarkParse);
  let diagnostics = 0;
  const { wall: [ours, remark], cpu: [oursCpu, remarkCpu] } = await interleave(rounds, 2, [
    async () => {
      // A fresh service per round: nothing cached from the round before.
      const service = createLanguageService({});
      diagnostics = 0;
      for (const d of corpus.docs) diagnostics += (await service.analyze({ path: d.path, version: 0, text: d.text })).diagnostics.length;
    },
    () => {
      for (const d of corpus.docs) processor.parse(d.text);
    },
  ]);
  const a = median(ours!);
  const b = median(remark!);
  const ac = median(oursCpu!);
  const bc = median(remarkCpu!);
  return [{
    item: '1',
    what: `Corpus analysis, git off (parse, extract, rules; ${corpus.docs.length} docs, ${diagnostics} diagnostics) vs remark-parse alone`,
    measured: `${ms(a)} vs ${ms(b)} = **${ratio(a, b)}** (CPU ${ms(ac)} vs ${ms(bc)} = ${ratio(ac, bc)})`,
    goal: '≤ 1.5×',
    pass: a / b <= 1.5,
  }];
}

export async function cliVsMarkdownlint(corpus: Corpus, rounds: number): Promise<Row[]> {
  const files = corpus.docs.map((d) => d.path);
  const cli = join(REPO_ROOT, 'dist', 'cli.js');
  const mdl = join(REPO_ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  // Every rule on, as warnings (so findings do not fail the run: only time matters), no formatter output.
  const dir = mkdtempSync(join(tmpdir(), 'handoff-bench-mdl-'));
  const config = join(dir, 'bench.markdownlint-cli2.jsonc');
  writeFileSync(config, JSON.stringify({ config: { default: 'warning' }, outputFormatters: [] }));
  try {
    // Check once that both really do the work (a failing run would be a fast run).
    const first = await runProcess(process.execPath, [cli, '--no-git', '--format', 'json', ...files]);
    if (first.code !== 0 && first.code !== 1) throw new Error(`handoff-lint exited ${first.code}: ${first.stderr.trim()}`);
    const reported = (JSON.parse(first.stdout) as { documents?: unknown[] }).documents?.length;
    if (reported !== files.length) throw new Error(`handoff-lint reported ${reported} of ${files.length} documents`);
    const check = await runProcess(process.execPath, [mdl, '--config', config, ...files], { cwd: dir });
    const linted = /Linting: (\d+) file/.exec(check.stdout + check.stderr);
    if (check.code !== 0 || Number(linted?.[1]) !== files.length) {
      throw new Error(`markdownlint-cli2 exited ${check.code} (${linted?.[0] ?? 'no count'}): ${check.stderr.trim().slice(0, 300)}`);
    }
    const { wall: [ours, theirs] } = await interleave(rounds, 1, [
      () => runProcess(process.execPath, [cli, '--no-git', '--format', 'json', ...files]),
      () => runProcess(process.execPath, [mdl, '--config', config, ...files], { cwd: dir }),
    ]);
    const a = median(ours!);
    const b = median(theirs!);
    return [{
      item: '2',
      what: `\`handoff-lint --no-git --format json\` over the corpus vs \`markdownlint-cli2\` (all rules), whole processes`,
      measured: `${ms(a)} vs ${ms(b)} = **${ratio(a, b)}**`,
      goal: '< 1×',
      pass: a / b < 1,
    }];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
