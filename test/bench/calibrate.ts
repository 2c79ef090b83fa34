/**
 * How steady the machine was during a bench run. A fixed loop (the same instructions every time, ~0.3 s on a quiet
 * core of the machine the README's figures come from) runs in a child process between items; its times show
 * whether a slow result is the code or the moment. On the shared VM of this project's sessions the loop has taken
 * 0.30 s most of the time and up to 1.8 s — CPU time, not only wall time — now and then: a budget measured in one
 * such minute can fail on its own. The loop's numbers are printed below the table; nothing is adjusted by them.
 */
import { spawnSync } from 'node:child_process';

const LOOP = 'const c=process.cpuUsage();let x=0;for(let i=0;i<3e8;i++)x=(x+i)|0;const u=process.cpuUsage(c);process.stdout.write(String((u.user+u.system)/1000+(x&0)))';

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
  return `Calibration (a fixed CPU loop in a child process, run ${samples.length} times between items): fastest ${s(sorted[0]!)},` +
    ` median ${s(mid)}, slowest ${s(sorted[sorted.length - 1]!)}; a slowest far above the fastest means the machine was slowed during the run.`;
}
