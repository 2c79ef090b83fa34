/**
 * Item 4, one size in its own process (bundled by scaleBench.ts, run with --expose-gc): analyses the first N
 * handoffs of a folder with git off, as the CLI does (one service, every result kept), and prints JSON:
 * time, peak heap used (sampled after every document, garbage included), the live heap after a GC with the
 * service and every result still referenced (the most the CLI holds: memory only grows here), and the max RSS.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { createLanguageService, type Analysis } from '../../src/core/service';

const gc = (globalThis as { gc?: () => void }).gc;

async function main(): Promise<void> {
  const [countArg, dir] = process.argv.slice(2);
  const count = Number(countArg);
  const names = readdirSync(dir!).filter((f) => f.endsWith('.md')).sort().slice(0, count);
  if (names.length !== count) throw new Error(`only ${names.length} handoffs in ${dir}`);
  gc?.();
  const base = getHeapStatistics().used_heap_size;
  let peak = base;
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const service = createLanguageService({});
  const kept: Array<Pick<Analysis, 'model' | 'diagnostics'>> = [];
  let bytes = 0;
  for (const name of names) {
    const path = join(dir!, name);
    const text = readFileSync(path, 'utf8');
    bytes += text.length;
    const a = await service.analyze({ path, version: 0, text });
    kept.push({ model: a.model, diagnostics: a.diagnostics });
    const used = getHeapStatistics().used_heap_size;
    if (used > peak) peak = used;
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  const cpuMs = (c.user + c.system) / 1000;
  gc?.();
  const retained = getHeapStatistics().used_heap_size;
  // Used after the measure, so the service (and its per-document cache, alive in the CLI until it exits) counts.
  service.forget('(nothing)');
  const diagnostics = kept.reduce((n, k) => n + k.diagnostics.length, 0);
  process.stdout.write(JSON.stringify({
    count, bytes, ms, cpuMs, base, peak, retained, maxRss: process.resourceUsage().maxRSS * 1024, diagnostics, gc: Boolean(gc),
  }) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
