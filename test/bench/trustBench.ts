/**
 * Item 7: judging a handoff against its moment. A 5,000-commit repository (one `git fast-import`, checked out)
 * where a real-sized handoff (~25 KB: phases, a commit table, 60 breadcrumbs with lines, branch claims, steps)
 * is committed half-way, and where later commits delete and rename files it cites; a fresh analysis (no cache,
 * a new provider) finds the anchor, the whole graph, the deletions and renames (rename detection on) and judges
 * every claim. Goal: under 300 ms. Also: the git processes of that analysis, and of a second one (none).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLanguageService } from '../../src/core/service';
import { createNodeGitCheck } from '../../src/node/cliGit';
import { AUTHOR, FIXTURE_EPOCH, FixtureGit } from '../fixtures/git/exec';
import { countingSpawn } from './gitBench';
import type { Row } from './table';
import { interleave, median, ms } from './util';

const COMMITS = 5000;
const MODULES = 200;
/** The handoff is committed here; the deletions and renames come after it. */
const HANDOFF_AT = 2500;

interface TrustRepo {
  dir: string;
  text: string;
  path: string;
}

const moduleBody = (m: number, version: number) =>
  Array.from({ length: 40 }, (_, k) => `export const m${m}_${k} = ${k};`).join('\n') + `\n// version ${version}\n`;

/** A ~25 KB handoff citing modules, commits of its past and a branch claim, in the shapes real handoffs use. */
function handoffText(shaOf: (i: number) => string): string {
  const parts = ['# Session handoff — bench repository', '', 'Resume from Phase 3. Branch `main` pushed to origin.', ''];
  for (let p = 1; p <= 6; p++) {
    parts.push(`## Phase ${p}: module group ${p}`, '', '| Commit | What |', '|---|---|');
    for (let c = 0; c < 4; c++) parts.push(`| \`${shaOf(HANDOFF_AT - 40 * p - c).slice(0, 7)}\` | changed module ${p * 10 + c} |`);
    parts.push('');
    for (let f = 0; f < 10; f++) {
      const m = p * 10 + f;
      parts.push(`- Touched \`src/module-${m}.ts:${(f % 30) + 1}\` — ${'the exported values of this module were reordered and documented; '.repeat(3)}`);
    }
    parts.push('', `Main was at \`${shaOf(HANDOFF_AT - 1).slice(0, 7)}\` when this phase closed.`, '');
    parts.push('- [x] Review the module group', '- [ ] Re-run the checks on the group', '');
  }
  parts.push('## Next steps', '', '1. Finish Phase 3.', '2. Rename the helpers.', '');
  return parts.join('\n');
}

function stream(text: string): string {
  const parts: string[] = [];
  const data = (s: string) => `data ${Buffer.byteLength(s)}\n${s}\n`;
  const commit = (i: number, message: string, ops: string[]) => {
    parts.push('commit refs/heads/main\n', `mark :${i + 1}\n`,
      `author ${AUTHOR.name} <${AUTHOR.email}> ${FIXTURE_EPOCH + i * 60} +0000\n`,
      `committer ${AUTHOR.name} <${AUTHOR.email}> ${FIXTURE_EPOCH + i * 60} +0000\n`, data(message), ...ops);
  };
  for (let i = 0; i < COMMITS; i++) {
    const m = i % MODULES;
    if (i === HANDOFF_AT) commit(i, 'Session handoff', [`M 644 inline HANDOFF.md\n`, data(text)]);
    else if (i === HANDOFF_AT + 100) commit(i, 'Drop modules 10-14', [10, 11, 12, 13, 14].map((k) => `D src/module-${k}.ts\n`));
    else if (i === HANDOFF_AT + 200) commit(i, 'Move modules 20-24 to lib', [20, 21, 22, 23, 24].map((k) => `R src/module-${k}.ts lib/module-${k}.ts\n`));
    else if (i >= HANDOFF_AT && [10, 11, 12, 13, 14, 20, 21, 22, 23, 24].includes(m)) commit(i, `Bench commit ${i + 1}`, []);
    else commit(i, `Bench commit ${i + 1}: change module ${m}`, [`M 644 inline src/module-${m}.ts\n`, data(moduleBody(m, i))]);
  }
  parts.push('reset refs/remotes/origin/main\n', `from :${COMMITS}\n\n`);
  return parts.join('');
}

/** Built once per content (cached under the temp folder, like the item-3 repository). */
function trustRepo(): TrustRepo {
  // The handoff cites SHAs of the repository it lives in: build the history once without it to learn them.
  const key = createHash('sha256').update(`${COMMITS}/${MODULES}/${HANDOFF_AT}/v1`).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `handoff-bench-trust-${key}`);
  const done = join(dir, '.git', 'bench-handoff.md');
  if (existsSync(done)) return { dir, text: readFileSync(done, 'utf8'), path: join(dir, 'HANDOFF.md') };
  const g = new FixtureGit();
  const probe = `${dir}.probe-${process.pid}`;
  const temp = `${dir}.tmp-${process.pid}`;
  for (const d of [probe, temp]) {
    rmSync(d, { recursive: true, force: true });
    mkdirSync(d, { recursive: true });
    g.run(d, ['init', '-q', '-b', 'main']);
  }
  // Commits before the handoff do not depend on its text: their SHAs come from a first build with a placeholder.
  g.run(probe, ['fast-import', '--quiet'], stream('placeholder\n'));
  const early = g.run(probe, ['rev-list', '--reverse', 'main']).split('\n');
  rmSync(probe, { recursive: true, force: true });
  const text = handoffText((i) => early[i]!);
  g.run(temp, ['fast-import', '--quiet'], stream(text));
  g.run(temp, ['checkout', '-q', '-f', 'main']);
  // A remote that is never contacted: origin/main becomes a remote-tracking branch main can follow.
  g.run(temp, ['remote', 'add', 'origin', join(tmpdir(), 'handoff-bench-trust-origin.git')]);
  g.run(temp, ['branch', '-q', '--set-upstream-to=origin/main', 'main']);
  writeFileSync(join(temp, '.git', 'bench-handoff.md'), text);
  rmSync(dir, { recursive: true, force: true });
  renameSync(temp, dir);
  return { dir, text, path: join(dir, 'HANDOFF.md') };
}

export async function trustBench(rounds: number): Promise<Row[]> {
  const repo = trustRepo();
  const analyse = async () => {
    const counter = countingSpawn();
    const git = createNodeGitCheck({ spawn: counter.spawn });
    const service = createLanguageService({ git: git.check, files: git.files });
    const first = await service.analyze({ path: repo.path, version: 0, text: repo.text });
    const processes = git.provider.runner.spawned;
    await service.analyze({ path: repo.path, version: 1, text: repo.text });
    return { first, processes, again: git.provider.runner.spawned - processes, calls: counter.calls };
  };
  // Correctness first: the deleted and renamed modules are reported, and nothing else is.
  const probe = await analyse();
  const gone = probe.first.diagnostics.filter((d) => d.code === 'missing-file');
  const renamed = gone.filter((d) => / was renamed to lib\//.test(d.message)).length;
  const deleted = gone.filter((d) => / was deleted in /.test(d.message)).length;
  if (renamed !== 5 || deleted !== 5 || probe.first.diagnostics.some((d) => d.code === 'stale-ref' || d.code === 'unknown-commit')) {
    throw new Error(`unexpected diagnostics: ${probe.first.diagnostics.map((d) => `${d.code}: ${d.message}`).join(' / ')}`);
  }
  if (probe.first.facts?.anchor?.how !== 'blob') throw new Error('the handoff was not anchored at the commit that wrote it');

  const { wall: [times] } = await interleave(rounds, 1, [async () => { await analyse(); }]);
  const t = median(times!);
  return [
    {
      item: '7',
      what: `A fresh git-on analysis of a ${(repo.text.length / 1024).toFixed(0)} KB handoff committed half-way through a ${COMMITS.toLocaleString('en')}-commit repository: ` +
        `anchor, whole graph, deletions and renames since (rename detection on), claims judged (${deleted} deleted and ${renamed} renamed files found, ` +
        `main ${probe.first.facts?.freshness?.sinceAnchor ?? '?'} commits on)`,
      measured: `**${ms(t)}**`,
      goal: '< 300 ms',
      pass: t < 300,
    },
    {
      item: '7',
      what: 'git processes of that analysis, and of a second analysis of the unchanged repository',
      measured: `**${probe.processes}** (${probe.calls.join(', ')}) and **${probe.again}**`,
      goal: 'constant; 0 when unchanged',
      pass: probe.again === 0,
    },
  ];
}
