/** The one table the benchmark prints: Markdown, to paste into the README's Performance section. */
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { mark } from './util';

export interface Row {
  item: string;
  what: string;
  measured: string;
  goal: string;
  /** null: informational, no goal of its own (or not measured). */
  pass: boolean | null;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function machine(): string[] {
  const cpu = cpus();
  let git = 'git not found';
  try {
    git = execFileSync('git', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    // reported as not found
  }
  return [
    `- Machine: ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GB memory` +
      ` (${(freemem() / 2 ** 30).toFixed(1)} GB free), ${process.platform} ${process.arch}`,
    `- Node ${process.version}, ${git}; load average at start ${loadavg().map((x) => x.toFixed(1)).join(' / ')}`,
  ];
}

export function render(rows: readonly Row[]): string {
  const lines = ['| # | Measure | Result | Goal | Met |', '|---|---|---|---|---|'];
  for (const r of rows) lines.push(`| ${r.item} | ${cell(r.what)} | ${cell(r.measured)} | ${cell(r.goal)} | ${mark(r.pass)} |`);
  return lines.join('\n');
}
