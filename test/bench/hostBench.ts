/**
 * Item 6: read, never made up. The VSIX size from the packaged file (`npm run package` → out/*.vsix), and the
 * activation time the extension logs to its output channel ("… activated in N ms") in real-host runs: every run
 * of test/host/run-tests.mjs (so `npm run test:host`), passing or not, appends what its log said to the
 * test-host cache's activations.jsonl (test/host/activations.mjs); run dirs still kept under the temp folder
 * (failed runs, --keep) are read too. The row is the median of the most recent runs. Nothing found: the row
 * says what to run first.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { activationKey, activationLogFile, allActivations, readActivationLog, type ActivationEntry } from '../host/activations.mjs';
import type { Row } from './table';
import { kb, median, ms, REPO_ROOT } from './util';

/** How many of the latest real-host runs the median is taken over. */
export const RECENT_RUNS = 20;

/** The activations of the latest `runs` runs (a run dir is one run), oldest first. */
export function recentActivations(all: readonly ActivationEntry[], runs = RECENT_RUNS): ActivationEntry[] {
  const latest = new Set<string>();
  for (let i = all.length - 1; i >= 0 && latest.size < runs; i--) latest.add(all[i]!.run ?? all[i]!.at);
  return all.filter((a) => latest.has(a.run ?? a.at));
}

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');
const span = (first: string, last: string) => (when(first) === when(last) ? `at ${when(first)}` : `${when(first)} to ${when(last)}`);
const tilde = (path: string) => (path.startsWith(`${homedir()}/`) ? `~${path.slice(homedir().length)}` : path);

function activationRow(): Row {
  const file = activationLogFile();
  const recent = recentActivations(allActivations({ file }));
  if (!recent.length) {
    return {
      item: '6', what: 'Extension activation in the real host, from its own log',
      measured: `not measured: no real-host run recorded in ${tilde(file)} nor kept in the temp folder; run one first ` +
        '(`npm run test:host`, or `node test/host/test-all.mjs --vscode 1.139.1 --no-vsix --no-smoke --no-start`)',
      goal: '< 50 ms', pass: null,
    };
  }
  const runs = new Set(recent.map((a) => a.run ?? a.at)).size;
  const versions = [...new Set(recent.map((a) => a.version))].sort();
  const per = versions.map((v) => {
    const mine = recent.filter((a) => a.version === v).map((a) => a.ms);
    return `${v}: ${ms(median(mine))} (${mine.length})`;
  }).join(', ');
  const m = median(recent.map((a) => a.ms));
  const inFile = new Set(readActivationLog(file).map(activationKey));
  const fromFile = recent.filter((a) => inFile.has(activationKey(a))).length;
  const sources = [
    ...(fromFile ? [`${fromFile} recorded in ${tilde(file)}`] : []),
    ...(fromFile < recent.length ? [`${recent.length - fromFile} from run dirs kept in the temp folder`] : []),
  ].join(', ');
  return {
    item: '6',
    what: `Extension activation in the real host, from its own log line: median of the latest ${recent.length} activation(s) in ` +
      `${runs} run(s), ${span(recent[0]!.at, recent[recent.length - 1]!.at)} UTC; per VS Code version ${per}; ${sources}`,
    measured: `**${ms(m)}** (median)`,
    goal: '< 50 ms',
    pass: m < 50,
  };
}

/** Size of the VSIX and of the bundled extension inside it (a zip's central directory gives the latter). */
function vsixFacts(file: string): { size: number; mtime: Date; entries: number; bundle: number | null } {
  const buf = readFileSync(file);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let entries = 0;
  let bundle: number | null = null;
  if (eocd >= 0) {
    entries = buf.readUInt16LE(eocd + 10);
    let offset = buf.readUInt32LE(eocd + 16);
    for (let i = 0; i < entries && buf.readUInt32LE(offset) === 0x02014b50; i++) {
      const nameLength = buf.readUInt16LE(offset + 28);
      const name = buf.toString('utf8', offset + 46, offset + 46 + nameLength);
      if (name === 'extension/dist/extension.js') bundle = buf.readUInt32LE(offset + 24);
      offset += 46 + nameLength + buf.readUInt16LE(offset + 30) + buf.readUInt16LE(offset + 32);
    }
  }
  const st = statSync(file);
  return { size: st.size, mtime: st.mtime, entries, bundle };
}

export function hostRows(): Row[] {
  const rows: Row[] = [activationRow()];
  const { name, version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = join(REPO_ROOT, 'out', `${name}-${version}.vsix`);
  if (existsSync(vsix)) {
    const f = vsixFacts(vsix);
    const real = f.bundle !== null && f.bundle > 10_000;
    rows.push({
      item: '6',
      what: `VSIX size (out/${name}-${version}.vsix, ${f.entries} entries, built ${f.mtime.toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
      measured: real
        ? `**${kb(f.size)}** (extension.js ${kb(f.bundle!)} uncompressed)`
        : `${kb(f.size)}, but its extension.js is ${f.bundle === null ? 'missing' : kb(f.bundle)}: not the real bundle; run \`npm run package\` first`,
      goal: '< 1 MB',
      pass: real ? f.size < 1_000_000 : null,
    });
  } else {
    rows.push({ item: '6', what: 'VSIX size', measured: 'not measured: run `npm run package` first', goal: '< 1 MB', pass: null });
  }
  return rows;
}
