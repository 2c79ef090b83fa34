/**
 * Profiles one benchmark scenario under `--cpu-prof` and prints where the time goes (self and inclusive
 * time per function, by file:line), so a missed goal names the function that dominates.
 *
 *   tsx test/bench/profile.ts edit        # 1-char edits of the ~90 KB handoff, cache warm, git off
 *   tsx test/bench/profile.ts corpus      # the corpus analysed by a fresh service, git off
 *   tsx test/bench/profile.ts sha1000     # git-on analysis of a handoff citing 1,000 SHAs
 *   tsx test/bench/profile.ts scale       # 1,000 generated handoffs, one service, git off (as item 4)
 *   tsx test/bench/profile.ts summary FILE.cpuprofile [BUNDLE.cjs]
 */
import { spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createLanguageService } from '../../src/core/service';
import { createNodeGitCheck } from '../../src/node/cliGit';
import { citedShas, shaHandoff } from './gitBench';
import { benchRepo } from './gitRepo';
import { concatenated } from './generate';
import { generatedFolder } from './scaleBench';
import { loadCorpus, REPO_ROOT } from './util';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

export function summarize(file: string, bundle?: string, top = 25): string {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // The bundle keeps esbuild's `// path/to/source.ts` comment before each module: name the source and bundle line.
  const bundleLines = bundle ? readFileSync(bundle, 'utf8').split('\n') : [];
  const sourceOf = (line: number) => {
    for (let i = line; i >= 0; i--) if (/^\/\/ (src|test|node_modules)\//.test(bundleLines[i] ?? '')) return bundleLines[i]!.slice(3).replace(/^node_modules\//, '');
    return '?';
  };
  const label = (n: Node) => {
    const url = n.callFrame.url.replace(/^file:\/\//, '');
    const where = !url ? '' : bundle && url === bundle ? `${sourceOf(n.callFrame.lineNumber)} (bundle line ${n.callFrame.lineNumber + 1})`
      : `${url.startsWith(REPO_ROOT) ? relative(REPO_ROOT, url) : url}:${n.callFrame.lineNumber + 1}`;
    return `${n.callFrame.functionName || '(anonymous)'} ${where}`.trim();
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    all += dt;
    const n = byId.get(id)!;
    self.set(label(n), (self.get(label(n)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (!seen.has(l)) total.set(l, (total.get(l) ?? 0) + dt);
      seen.add(l);
    }
  });
  const table = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([k, v]) => `${v.toFixed(1).padStart(9)} ms ${((100 * v) / all).toFixed(1).padStart(5)}%  ${k}`).join('\n');
  return `profile ${file}: ${all.toFixed(0)} ms sampled\n\nSelf time:\n${table(self)}\n\nInclusive time:\n${table(total)}\n`;
}

async function scenario(name: string): Promise<void> {
  const corpus = loadCorpus();
  if (name === 'edit') {
    const text = concatenated(corpus.docs, 90 * 1024);
    const service = createLanguageService({});
    await service.analyze({ path: '/bench/edit.md', version: 1, text });
    const sites = [...text.matchAll(/ the /g)].map((m) => m.index! + 1);
    let current = text;
    for (let k = 0; k < 200; k++) {
      const i = sites[Math.floor(((k + 0.5) * sites.length) / 200)]!;
      current = current.slice(0, i) + 'T' + current.slice(i + 1);
      await service.analyze({ path: '/bench/edit.md', version: k + 2, text: current });
    }
  } else if (name === 'corpus') {
    for (let r = 0; r < 10; r++) {
      const service = createLanguageService({});
      for (const d of corpus.docs) await service.analyze({ path: d.path, version: 0, text: d.text });
    }
  } else if (name === 'sha1000') {
    const repo = benchRepo(5000, 100);
    const doc = shaHandoff(repo, citedShas(repo, 1000), 'HANDOFF-bench-1000.md');
    for (let r = 0; r < 5; r++) {
      const git = createNodeGitCheck({});
      await createLanguageService({ git: git.check, files: git.files }).analyze({ path: doc.path, version: 0, text: doc.text });
    }
  } else if (name === 'scale') {
    const dir = generatedFolder(corpus, 5000);
    const service = createLanguageService({});
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.md')).sort().slice(0, 1000)) {
      const path = join(dir, f);
      await service.analyze({ path, version: 0, text: readFileSync(path, 'utf8') });
    }
  } else {
    throw new Error(`unknown scenario ${name}`);
  }
}

if (require.main === module) {
  const [what, arg] = process.argv.slice(2);
  if (what === 'summary' && arg) {
    process.stdout.write(summarize(arg, process.argv[4]));
  } else if (what === 'run' && arg) {
    scenario(arg).catch((e: unknown) => { process.stderr.write(`${String(e)}\n`); process.exitCode = 1; });
  } else if (what) {
    // Bundle this file (unminified, as the CLI ships), run the scenario under --cpu-prof, summarize the profile.
    const dir = mkdtempSync(join(tmpdir(), 'handoff-bench-prof-'));
    const bundle = join(dir, 'profile.cjs');
    buildSync({
      entryPoints: [__filename], outfile: bundle, bundle: true, platform: 'node', target: 'node20', format: 'cjs',
      mainFields: ['module', 'main'], logLevel: 'warning', external: ['esbuild'],
    });
    const env = { ...process.env, NODE_PATH: join(REPO_ROOT, 'node_modules'), HANDOFF_BENCH_ROOT: REPO_ROOT }; // esbuild stays external
    const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, bundle, 'run', what], { stdio: 'inherit', env });
    if (r.status !== 0) process.exit(r.status ?? 1);
    const file = join(dir, readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!);
    process.stdout.write(summarize(file, bundle));
  } else {
    process.stderr.write('usage: tsx test/bench/profile.ts edit|corpus|sha1000 | summary FILE\n');
    process.exitCode = 2;
  }
}
