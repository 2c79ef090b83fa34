/**
 * Item 4: 100, 1,000 and 5,000 generated handoffs analysed with git off, each size in a fresh child process
 * (the bundled scaleChild.ts under --expose-gc), repeated and taken as medians: time and peak heap.
 * The generated handoffs are written once under os.tmpdir(), keyed by the corpus and the generator's source.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { generateHandoffs } from './generate';
import type { Row } from './table';
import { mb, median, ms, REPO_ROOT, runProcess, type Corpus } from './util';

interface ChildResult {
  count: number;
  bytes: number;
  ms: number;
  cpuMs: number;
  base: number;
  peak: number;
  retained: number;
  maxRss: number;
  diagnostics: number;
}

export function generatedFolder(corpus: Corpus, count: number): string {
  const key = createHash('sha256');
  key.update(readFileSync(join(REPO_ROOT, 'test', 'bench', 'generate.ts')));
  for (const d of corpus.docs) key.update(d.name).update('\0').update(d.text).update('\0');
  const dir = join(tmpdir(), `handoff-bench-gen-${key.digest('hex').slice(0, 16)}-${count}`);
  if (existsSync(join(dir, '.complete'))) return dir;
  const temp = `${dir}.tmp-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  for (const g of generateHandoffs(corpus.docs, count)) writeFileSync(join(temp, `${g.name}`), g.text);
  writeFileSync(join(temp, '.complete'), `${count}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(temp, dir);
  return dir;
}

async function bundleChild(): Promise<string> {
  const out = join(tmpdir(), `handoff-bench-scale-child-${process.pid}.cjs`);
  await build({
    entryPoints: [join(__dirname, 'scaleChild.ts')], outfile: out, bundle: true, platform: 'node', target: 'node20',
    format: 'cjs', mainFields: ['module', 'main'], logLevel: 'warning',
  });
  return out;
}

/** `plan`: [handoffs, runs] per size, smallest first. */
export async function scaleBench(corpus: Corpus, plan: ReadonlyArray<readonly [number, number]>): Promise<Row[]> {
  const sizes = plan.map(([n]) => n);
  const rounds = Math.max(...plan.map(([, r]) => r));
  const runsOf = new Map(plan);
  const dir = generatedFolder(corpus, Math.max(...sizes));
  const child = await bundleChild();
  const results = new Map<number, ChildResult[]>(sizes.map((n) => [n, []]));
  try {
    for (let r = 0; r < rounds; r++) {
      for (const n of (r % 2 ? [...sizes].reverse() : sizes).filter((x) => r < runsOf.get(x)!)) {
        const p = await runProcess(process.execPath, ['--expose-gc', child, String(n), dir]);
        if (p.code !== 0) throw new Error(`scale child (${n}) exited ${p.code}: ${p.stderr.trim().slice(0, 500)}`);
        results.get(n)!.push(JSON.parse(p.stdout) as ChildResult);
      }
    }
  } finally {
    rmSync(child, { force: true });
  }
  const summary = sizes.map((n) => {
    const rs = results.get(n)!;
    return {
      n, bytes: rs[0]!.bytes, ms: median(rs.map((x) => x.ms)), cpu: median(rs.map((x) => x.cpuMs)), peak: median(rs.map((x) => x.peak)),
      retained: median(rs.map((x) => x.retained)), rss: median(rs.map((x) => x.maxRss)), base: median(rs.map((x) => x.base)),
    };
  });
  const rows: Row[] = summary.map((s) => ({
    item: '4',
    what: `${s.n.toLocaleString('en')} generated handoffs (${mb(s.bytes)}), git off, one service keeping every result (${runsOf.get(s.n)} run${runsOf.get(s.n) === 1 ? '' : 's'})`,
    measured: `${ms(s.ms)} (${(s.ms / s.n).toFixed(1)} ms/handoff; CPU ${ms(s.cpu)}); live heap ${mb(s.retained)}` +
      ` (sampled peak incl. garbage ${mb(s.peak)}), max RSS ${mb(s.rss)}`,
    goal: s.n === 1000 ? '< 5 s and < 150 MB' : '',
    pass: s.n === 1000 ? s.ms < 5000 && s.retained < 150 * 2 ** 20 : null,
  }));
  // Linear: per-handoff time and heap at the largest size within 1.5× of those at 1,000.
  const mid = summary.find((s) => s.n === 1000) ?? summary[Math.floor(summary.length / 2)]!;
  const top = summary[summary.length - 1]!;
  const timeGrowth = top.ms / top.n / (mid.ms / mid.n);
  const heapGrowth = (top.retained - top.base) / top.n / ((mid.retained - mid.base) / mid.n);
  rows.push({
    item: '4',
    what: `Growth from ${mid.n.toLocaleString('en')} to ${top.n.toLocaleString('en')} handoffs, per handoff (1.00× = linear)`,
    measured: `time ${timeGrowth.toFixed(2)}×, live heap ${heapGrowth.toFixed(2)}×`,
    goal: 'linear (each ≤ 1.5×)',
    pass: timeGrowth <= 1.5 && heapGrowth <= 1.5,
  });
  return rows;
}
