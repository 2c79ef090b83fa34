/**
 * `npm run field`: the field study. Clones the repositories of ../shared/corpus (MANIFEST.tsv), runs the built
 * `handoff-lint --format json` on each handoff inside its own repository — at the handoff's own commit and at the
 * repository's HEAD — and compares every diagnostic Problems would show (error, warning, information) with the
 * judgements in test/field/judgements.tsv. Prints precision per rule, how many judged real problems are still
 * shown, and writes what is not yet judged to .scratch/field/unjudged.tsv (rows ready for a verdict).
 *
 *   npm run field                       # all repositories
 *   npm run field -- --only lq-ai-fork  # repositories whose name contains this
 *   npm run field -- --no-build         # reuse dist/cli.js as it is
 *   npm run field -- --held-out         # the repositories' other handoffs, at HEAD (heldOut.ts)
 *   npm run field -- --held-out --written  # their deleted handoffs, each at its last writing commit (written.ts)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusText, readManifest, type ManifestRow } from './cases';
import { atCommit, atHead, cloneOf, placeText, type Clone } from './clones';
import { judgementsOf, keyOf, readJudgements, type Judgement } from './judgements';
import { extraRepos, HELD_OUT_JUDGEMENTS, heldOut } from './heldOut';
import { lintJson, shownOf } from './lintJson';
import { report, type Shown } from './report';
import { writtenStudy } from './written';

const ROOT = join(__dirname, '..', '..');
/** The CLI under study: this checkout's build, or another one's (`HANDOFF_FIELD_CLI`) to compare releases. */
const CLI = process.env.HANDOFF_FIELD_CLI ?? join(ROOT, 'dist', 'cli.js');
const OUT = process.env.HANDOFF_FIELD_OUT ?? join(ROOT, '.scratch', 'field');

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] ?? '' : '';

async function lint(clone: Clone, row: ManifestRow, scenario: string, text: string): Promise<{ shown: Shown[]; notices: string[] }> {
  const r = await lintJson(CLI, clone.dir, [row.path], 300_000).catch((e: unknown) => ({ error: e }));
  // Exit 1 is problems found; anything else (a handoff unreadable) is a failure of the case.
  if ('error' in r || r.code > 1) throw new Error(`handoff-lint failed on ${row.file} (${scenario}): ${'error' in r ? r.error : `exit ${r.code}`}`);
  const doc = r.documents[0]!;
  return { shown: shownOf(scenario, row.file, text, doc), notices: doc.notices };
}

async function study(repo: string, rows: ManifestRow[]): Promise<{ shown: Shown[]; skipped: string[]; notices: string[] }> {
  const clone = cloneOf(repo);
  if ('error' in clone) return { shown: [], skipped: rows.map((r) => `${r.file}: ${clone.error}`), notices: [] };
  const shown: Shown[] = [];
  const skipped: string[] = [];
  const notices: string[] = [];
  const headScenario = `head:${clone.head.slice(0, 12)}`;
  for (const row of rows) {
    const text = corpusText(row);
    if (atCommit(clone, row.commit)) {
      placeText(clone, row.path, text);
      const r = await lint(clone, row, 'commit', text);
      shown.push(...r.shown);
      notices.push(...r.notices.map((n) => `${row.file} (commit): ${n}`));
    } else skipped.push(`${row.file}: commit ${row.commit.slice(0, 12)} is not in the clone`);
    atHead(clone);
    placeText(clone, row.path, text);
    const r = await lint(clone, row, headScenario, text);
    shown.push(...r.shown);
    notices.push(...r.notices.map((n) => `${row.file} (HEAD): ${n}`));
  }
  atHead(clone);
  return { shown, skipped, notices };
}

/** Diagnostics Problems shows that no judgement covers, as rows ready for a verdict. */
function writeUnjudged(name: string, shown: readonly Shown[], judgements: readonly Judgement[]): Shown[] {
  mkdirSync(OUT, { recursive: true });
  const judged = new Set(judgements.map(keyOf));
  const unjudged = shown.filter((s) => s.severity !== 'hint' && !judged.has(keyOf(s)));
  writeFileSync(join(OUT, name), unjudged.map((s) =>
    ['?', s.scenario, s.file, s.code, s.line, s.token, `${s.message} ⟦${s.context}⟧`].map((x) => String(x).replace(/[\t\n]/g, ' ')).join('\t')).join('\n') + '\n');
  return unjudged;
}

/** The diagnostics still shown that a judgement calls noise or wrong, with its reason: what to fix next. */
function writeStillWrong(name: string, shown: readonly Shown[], judgements: readonly Judgement[]): void {
  const visible = shown.filter((s) => s.severity !== 'hint'); // hints are not in Problems
  const judged = judgementsOf(visible, judgements);
  const rows = visible.flatMap((s, i) => {
    const j = judged[i];
    return j && j.verdict !== 'right' ? [[j.verdict, s.file, s.code, s.line, j.why, s.token].map((x) => String(x).replace(/[\t\n]/g, ' ')).join('\t')] : [];
  });
  writeFileSync(join(OUT, name), rows.join('\n') + '\n');
  // Every row Problems shows, with its verdict ('?' unjudged): for measuring a change's effect on the right ones too.
  const shownRows = visible.map((s, i) =>
    [judged[i]?.verdict ?? '?', s.file, s.code, s.line, s.token].map((x) => String(x).replace(/[\t\n]/g, ' ')).join('\t'));
  writeFileSync(join(OUT, name.replace('still-noise', 'shown')), shownRows.join('\n') + '\n');
}

async function mainHeldOut(manifest: readonly ManifestRow[]): Promise<void> {
  const r = await heldOut(manifest, only ? [] : extraRepos(), CLI, (dir, path) => readFileSync(join(dir, path), 'utf8'));
  // The deleted handoffs' rows (written.ts) are another scenario's: not counted here.
  const judgements = readJudgements(HELD_OUT_JUDGEMENTS).filter((j) => !j.scenario.startsWith('written:'));
  const unjudged = writeUnjudged('heldout-unjudged.tsv', r.shown, judgements);
  writeStillWrong('heldout-still-noise.tsv', r.shown, judgements);
  for (const s of r.skipped) console.log(`skipped: ${s}`);
  const heading = `Held-out field study: ${r.documents} handoffs not in the corpus, of ${r.repos} repositories, at HEAD.`;
  console.log(report(r.shown, judgements, { runs: r.documents, repos: r.repos, heading }));
  if (unjudged.length) console.log(`\n${unjudged.length} diagnostics not yet judged: .scratch/field/heldout-unjudged.tsv`);
}

async function mainWritten(manifest: readonly ManifestRow[]): Promise<void> {
  const corpus = new Map<string, Set<string>>();
  for (const m of manifest) corpus.set(m.repo, (corpus.get(m.repo) ?? new Set()).add(m.path));
  const repos = [...new Set([...manifest.map((m) => m.repo), ...extraRepos()])].filter((r) => r.includes(only));
  const r = await writtenStudy(repos, CLI, corpus);
  // Judged with the HEAD scenario's rows; only this scenario's count here.
  const judgements = readJudgements(HELD_OUT_JUDGEMENTS).filter((j) => j.scenario.startsWith('written:'));
  const unjudged = writeUnjudged('written-unjudged.tsv', r.shown, judgements);
  writeStillWrong('written-still-noise.tsv', r.shown, judgements);
  for (const s of r.skipped) console.log(`skipped: ${s}`);
  const heading = `Held-out field study, deleted handoffs at the commit that last wrote them: ${r.documents} handoffs of ${r.repos} repositories.`;
  console.log(report(r.shown, judgements, { runs: r.documents, repos: r.repos, heading }));
  if (unjudged.length) console.log(`\n${unjudged.length} diagnostics not yet judged: .scratch/field/written-unjudged.tsv`);
}

async function main(): Promise<void> {
  // Deleted handoffs come from the held-out repositories too: `--only` may name one the corpus has no case of.
  if (args.includes('--held-out') && args.includes('--written')) return mainWritten(readManifest());
  const manifest = readManifest().filter((r) => r.repo.includes(only));
  if (!manifest.length) {
    console.log('field: no cases (../shared/corpus/MANIFEST.tsv is missing, or --only matched nothing)');
    return;
  }
  if (args.includes('--held-out')) return mainHeldOut(manifest);
  const byRepo = new Map<string, ManifestRow[]>();
  for (const r of manifest) byRepo.set(r.repo, [...(byRepo.get(r.repo) ?? []), r]);
  const queue = [...byRepo];
  const results: Array<Awaited<ReturnType<typeof study>>> = [];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      process.stderr.write(`[field] ${next[0]} (${next[1].length} handoffs)\n`);
      results.push(await study(next[0], next[1]));
    }
  };
  await Promise.all([worker(), worker()]);
  const shown = results.flatMap((r) => r.shown);
  const judgements = readJudgements().filter((j) => manifest.some((m) => m.file === j.file));
  const unjudged = writeUnjudged('unjudged.tsv', shown, judgements);
  writeFileSync(join(OUT, 'latest.json'), JSON.stringify({ shown, notices: results.flatMap((r) => r.notices) }, null, 1));
  for (const s of results.flatMap((r) => r.skipped)) console.log(`skipped: ${s}`);
  console.log(report(shown, judgements as Judgement[], { runs: manifest.length * 2, repos: byRepo.size }));
  if (unjudged.length) console.log(`\n${unjudged.length} diagnostics not yet judged: .scratch/field/unjudged.tsv`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exitCode = 1;
});
