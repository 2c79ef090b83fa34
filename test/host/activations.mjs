// The extension's activation times as real-host runs observe them, kept after the run is gone.
//
// Every run of test/host/run-tests.mjs (so every suite run of `npm run test:host`) reads the line the
// extension itself logs on activation, "Handoff Navigator <version> activated in N ms", from its log
// channel file in the run dir, and appends one JSON line per activation to
//
//   <test-host cache>/activations.jsonl   (~/.cache/handoff-navigator/test-host, HANDOFF_TEST_HOST_CACHE moves it)
//
// {"version":"1.100.3","at":"2026-11-21T14:11:25.276Z","ms":12.5,"runKind":"development",
//  "extension":"0.1.0","run":"handoff-host-1.100.3-ar3lsH","ok":true}
//
// version is the VS Code version, at the log line's time (UTC), ms the number in the line, runKind one of
// development / multi-root / vsix, extension the extension's version, run the run dir's name, ok whether the
// run passed. The file keeps the last ACTIVATION_LOG_LIMIT entries. `npm run bench` (item 6) reads it, and
// the run dirs still kept in the temp folder (failed runs, --keep).
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { cacheRoot } from './paths.mjs';

export const ACTIVATION_LOG_LIMIT = 200;

/** Where the log channel's file can sit inside a run dir (the server's log folder moved between versions). */
const LOG_DIRS = [['user-data', 'logs'], ['server-data', 'data', 'logs'], ['server-data', 'logs'], ['data', 'logs']];
const CHANNEL_FILE = ['handoff-navigator.handoff-navigator', 'Handoff Navigator.log'];
// src/vscode/extension.ts: `Handoff Navigator ${version} activated in ${elapsed(start)} ms (${n} workspace folder(s), …)`
const ACTIVATION_LINE = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) \[info\] Handoff Navigator (\S+) activated in (\d+(?:\.\d+)?) ms(?: \((\d+) workspace folder)?/gm;
/** Run dirs of run-tests.mjs: handoff-host-<VS Code version>-<random> (not smoke-, start-). */
const RUN_DIR = /^handoff-host-(\d+(?:\.\d+)+)-[^-]+$/;

export function activationLogFile() {
  return join(cacheRoot(), 'activations.jsonl');
}

function list(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** The activations in the text of one "Handoff Navigator.log": { at, ms, extension, folders }. */
export function parseActivationLog(text) {
  const found = [];
  for (const m of text.matchAll(ACTIVATION_LINE)) {
    // The log's time is the server's local time, and the server runs with this process's TZ.
    const local = new Date(`${m[1]}T${m[2]}`);
    found.push({
      at: Number.isNaN(local.getTime()) ? `${m[1]} ${m[2]}` : local.toISOString(),
      ms: Number(m[4]),
      extension: m[3],
      folders: m[5] === undefined ? undefined : Number(m[5]),
    });
  }
  return found;
}

/** Every "Handoff Navigator.log" in a run dir (one per extension-host session). */
export function activationLogsIn(runRoot) {
  const files = [];
  for (const parts of LOG_DIRS) {
    const logs = join(runRoot, ...parts);
    for (const session of list(logs).sort()) {
      for (const host of list(join(logs, session)).filter((n) => n.startsWith('exthost')).sort()) {
        const file = join(logs, session, host, ...CHANNEL_FILE);
        if (existsSync(file)) files.push(file);
      }
    }
  }
  return files;
}

/** The activation entries of one run dir, oldest first. */
export function activationsInRunDir(runRoot, { version, runKind, ok }) {
  const entries = [];
  for (const file of activationLogsIn(runRoot)) {
    for (const a of parseActivationLog(readFileSync(file, 'utf8'))) {
      entries.push({ version, at: a.at, ms: a.ms, runKind: runKind ?? (a.folders > 1 ? 'multi-root' : 'development'), extension: a.extension, run: basename(runRoot), ok });
    }
  }
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

/** The entries recorded in the file, oldest first; a line that isn't an entry is skipped. */
export function readActivationLog(file = activationLogFile()) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const entries = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const e = JSON.parse(line);
      if (typeof e?.version === 'string' && typeof e.at === 'string' && typeof e.ms === 'number' && Number.isFinite(e.ms)) entries.push(e);
    } catch {
      // a torn or foreign line
    }
  }
  return entries;
}

/**
 * Appends the run dir's activations to the file and trims it to the last `limit` entries; returns the
 * entries appended. Call it after the server has stopped (its log is flushed) and before the dir is removed.
 */
export function recordRunActivations(runRoot, { version, runKind, ok }, { file = activationLogFile(), limit = ACTIVATION_LOG_LIMIT } = {}) {
  const entries = activationsInRunDir(runRoot, { version, runKind, ok });
  if (entries.length === 0) return entries;
  mkdirSync(dirname(file), { recursive: true });
  // One append per run (O_APPEND): runs on the same machine at the same time don't tear each other's lines.
  appendFileSync(file, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  if (lines.length > limit) {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${lines.slice(-limit).join('\n')}\n`);
    renameSync(tmp, file);
  }
  return entries;
}

/**
 * Activations from run dirs still in the temp folder(s) (failed runs, --keep). Their kind is read from the dir:
 * a VSIX run has no development extension, a multi-root one logs more than one folder.
 */
export function keptRunActivations(roots = [process.env.HANDOFF_RUN_TMP, tmpdir()]) {
  const found = [];
  for (const root of new Set(roots.filter(Boolean))) {
    for (const run of list(root)) {
      const version = RUN_DIR.exec(run)?.[1];
      if (!version) continue;
      const runRoot = join(root, run);
      const runKind = existsSync(join(runRoot, 'no-development-extension')) ? 'vsix' : undefined;
      // A failed run leaves console.log beside its logs; a kept passing run (--keep) or one still going doesn't.
      const ok = existsSync(join(runRoot, 'console.log')) ? false : undefined;
      found.push(...activationsInRunDir(runRoot, { version, runKind, ok }));
    }
  }
  return found;
}

/** What makes an activation the same one whether read from the file or from its kept run dir. */
export function activationKey(e) {
  return `${e.run ?? ''}|${e.at}|${e.ms}`;
}

/** The recorded entries and the kept run dirs' together, each activation once, oldest first. */
export function allActivations({ file = activationLogFile(), roots } = {}) {
  const byKey = new Map();
  for (const e of [...readActivationLog(file), ...keptRunActivations(roots)]) {
    const key = activationKey(e);
    if (!byKey.has(key)) byKey.set(key, e);
  }
  return [...byKey.values()].sort((a, b) => a.at.localeCompare(b.at));
}
