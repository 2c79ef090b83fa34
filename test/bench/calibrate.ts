/**
 * How steady the machine was during a bench run. A fixed amount of native work (SHA-256 over 512 MB of a fixed
 * buffer, ~0.31 s on a quiet core of the machine the README's figures come from) runs in a child process between
 * items; its times show whether a slow result is the code or the moment. Native code on purpose: the JavaScript loop
 * used before (`x = (x + i) | 0`, 3e8 times) took either ~0.28 s or ~1.5 s for the same instructions, and a second
 * loop run at the same moments did not move — it measured when V8 entered its optimised code, not the machine.
 * The numbers are printed below the table; nothing is adjusted by them.
 */
import { spawnSync } from 'node:child_process';

const LOOP = "const c=process.cpuUsage();const h=require('node:crypto').createHash('sha256');const b=Buffer.alloc(1<<16,1);for(let i=0;i<8000;i++)h.update(b);h.digest();const u=process.cpuUsage(c);process.stdout.write(String((u.user+u.system)/1000))";

/** The loop's CPU time in milliseconds, or null when the child could not run. */
export function calibrationMs(): number | null {
  const r = spawnSync(process.execPath, ['-e', LOOP], { encoding: 'utf8' });
  const ms = Number(r.stdout);
  return r.status === 0 && Number.isFinite(ms) ? ms : null;
}

/** One line for the bench's footer: the loop's fastest, median and slowest time over the run. */
export function calibrationLine(samples: readonly number[]): string {
  if (!samples.length) return 'Calibration loop: not measured.';
  const sorted = [...samples].sort((a, b) => a - b);
  const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
  const mid = sorted[Math.floor(sorted.length / 2)]!;
  return `Calibration (a fixed amount of native CPU work, SHA-256 over 512 MB, in a child process, run ${samples.length} times between items): fastest ${s(sorted[0]!)},` +
    ` median ${s(mid)}, slowest ${s(sorted[sorted.length - 1]!)}; a slowest far above the fastest means the machine was slowed during the run.`;
}
