/**
 * Shared helpers of the benchmark: the corpus, timing (medians of interleaved rounds), processes, formatting.
 * Every ratio in the table is measured in one run, A and B alternating round by round, so that a noisy
 * machine slows both sides alike.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/** The repository (HANDOFF_BENCH_ROOT when this code runs bundled elsewhere, as profile.ts does). */
export const REPO_ROOT = process.env.HANDOFF_BENCH_ROOT ?? resolve(__dirname, '..', '..');
const SHARED_CORPUS = resolve(REPO_ROOT, '..', 'shared', 'corpus');
const FIXTURE_HANDOFFS = join(REPO_ROOT, 'test', 'fixtures', 'handoffs');

export interface CorpusDoc {
  path: string;
  name: string;
  text: string;
}

export interface Corpus {
  docs: CorpusDoc[];
  /** Where it came from, for the table's header. */
  source: string;
  bytes: number;
}

/** ../shared/corpus/*.md, or the project's own handoff fixtures when the shared corpus is absent. */
export function loadCorpus(): Corpus {
  const shared = existsSync(SHARED_CORPUS) ? readdirSync(SHARED_CORPUS).filter((f) => f.endsWith('.md')).sort() : [];
  const [dir, names, source] = shared.length
    ? [SHARED_CORPUS, shared, `../shared/corpus (${shared.length} files)`]
    : [FIXTURE_HANDOFFS, readdirSync(FIXTURE_HANDOFFS).sort(), `test/fixtures/handoffs (../shared/corpus is absent)`];
  const docs = names.map((name) => {
    const path = join(dir, name);
    return { path, name: basename(name), text: readFileSync(path, 'utf8') };
  });
  const total = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  return { docs, source: `${source.replace(/\)$/, '')}${shared.length ? ',' : ' —'} ${kb(total)})`, bytes: total };
}

export const now = (): number => Number(process.hrtime.bigint()) / 1e6;

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Milliseconds of CPU (user + system) this process has used: what a side costs apart from waiting for a core. */
export const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export interface Timings {
  /** Wall-clock milliseconds per side, per round. */
  wall: number[][];
  /** CPU milliseconds of this process per side, per round (meaningless for sides that wait on a child). */
  cpu: number[][];
}

/**
 * Runs each side once per round, alternating which goes first; returns the milliseconds of every round.
 * A side returning a number has timed itself: that number is its wall time.
 */
export async function interleave(
  rounds: number,
  warmup: number,
  sides: ReadonlyArray<() => unknown | Promise<unknown>>,
): Promise<Timings> {
  const wall: number[][] = sides.map(() => []);
  const cpu: number[][] = sides.map(() => []);
  for (let r = 0; r < warmup + rounds; r++) {
    const order = sides.map((_, i) => i);
    if (r % 2) order.reverse();
    for (const i of order) {
      const t0 = now();
      const c0 = cpuNow();
      const own = await sides[i]!();
      const dc = cpuNow() - c0;
      // A side may time itself (returning milliseconds) to leave its set-up out.
      const dt = typeof own === 'number' ? own : now() - t0;
      if (r >= warmup) {
        wall[i]!.push(dt);
        cpu[i]!.push(dc);
      }
    }
  }
  return { wall, cpu };
}

export interface ProcResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a process to its end (no shell), timing it from spawn to exit. */
export function runProcess(cmd: string, args: readonly string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ProcResult> {
  return new Promise((resolvePromise, reject) => {
    const t0 = now();
    const child = spawn(cmd, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({
      code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: now() - t0,
    }));
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

export function ms(x: number): string {
  if (x >= 10_000) return `${(x / 1000).toFixed(1)} s`;
  if (x >= 1000) return `${(x / 1000).toFixed(2)} s`;
  if (x >= 100) return `${x.toFixed(0)} ms`;
  if (x >= 10) return `${x.toFixed(1)} ms`;
  return `${x.toFixed(2)} ms`;
}

export function kb(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;
export const mark = (ok: boolean | null): string => (ok === null ? '—' : ok ? '✅ pass' : '❌ fail');

/** A seeded PRNG (mulberry32): the generator and the edits are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
