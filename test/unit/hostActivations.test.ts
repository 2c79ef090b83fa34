// The activation log of real-host runs (test/host/activations.mjs): the extension's own log line read exactly,
// one JSON line per activation appended to a bounded file, read back with the run dirs still kept, and the
// bench's choice of the latest runs.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  activationsInRunDir, allActivations, parseActivationLog, readActivationLog, recordRunActivations,
} from '../host/activations.mjs';
import { recentActivations } from '../bench/hostBench';

// What the extension writes (src/vscode/extension.ts), as found in a real run dir, with the lines around it.
const channelLog = (time: string, ms: string, folders = 1) => [
  `2026-11-21 ${time} [info] Handoff Navigator 0.1.0 activated in ${ms} ms (${folders} workspace folder(s), git on)`,
  `2026-11-21 ${time} [info] activation: 1 handoff(s) found in 940.1 ms`,
  `2026-11-21 ${time} [info] analysed HANDOFF.md (from disk, activation) in 683.5 ms: 1 phases, 5 commits, 5 files, 3 steps, 6 diagnostics`,
  `2026-11-21 ${time} [info] initial analysis done 1639.6 ms after activation`,
  '',
].join('\n');

const local = (time: string) => new Date(`2026-11-21T${time}`).toISOString();

describe('real-host activation log', () => {
  let tmp: string;
  let file: string;

  /** A run dir as run-tests.mjs leaves it: the channel's log file under user-data/logs/<session>/exthost<n>/. */
  function runDir(name: string, logs: Record<string, string> = {}): string {
    const root = join(tmp, 'runs', name);
    mkdirSync(join(root, 'user-data', 'logs'), { recursive: true });
    for (const [where, text] of Object.entries(logs)) {
      const dir = join(root, 'user-data', 'logs', where, 'handoff-navigator.handoff-navigator');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'Handoff Navigator.log'), text);
    }
    return root;
  }

  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'handoff-activations-test-'));
    file = join(tmp, 'cache', 'activations.jsonl');
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('reads only the activation line, its number exactly as logged', () => {
    const text = channelLog('14:11:25.276', '12.5') +
      '2026-11-21 14:11:26.000 [warning] Other Extension 1.0.0 activated in 3 ms\n' +
      'Handoff Navigator 0.1.0 activated in 7 ms\n';
    assert.deepEqual(parseActivationLog(text), [{ at: local('14:11:25.276'), ms: 12.5, extension: '0.1.0', folders: 1 }]);
    assert.deepEqual(parseActivationLog(''), []);
  });

  it('records each activation of a run dir (every extension-host session) and reads them back', () => {
    const root = runDir('handoff-host-1.100.3-AbC123', {
      '20261121T141110/exthost1': channelLog('14:11:25.276', '12.5'),
      '20261121T141110/exthost2': channelLog('14:11:40.001', '9'),
    });
    const recorded = recordRunActivations(root, { version: '1.100.3', runKind: 'development', ok: true }, { file });
    const expected = [
      { version: '1.100.3', at: local('14:11:25.276'), ms: 12.5, runKind: 'development', extension: '0.1.0', run: 'handoff-host-1.100.3-AbC123', ok: true },
      { version: '1.100.3', at: local('14:11:40.001'), ms: 9, runKind: 'development', extension: '0.1.0', run: 'handoff-host-1.100.3-AbC123', ok: true },
    ];
    assert.deepEqual(recorded, expected);
    assert.deepEqual(readActivationLog(file), expected);
    assert.equal(readFileSync(file, 'utf8').split('\n').filter(Boolean).length, 2, 'one JSON line per activation');

    const vsix = runDir('handoff-host-1.139.1-XyZ789', { '20261121T150000/exthost1': channelLog('15:00:01.500', '30.25') });
    recordRunActivations(vsix, { version: '1.139.1', runKind: 'vsix', ok: false }, { file });
    assert.deepEqual(readActivationLog(file).map((e) => [e.version, e.ms, e.runKind, e.ok]), [
      ['1.100.3', 12.5, 'development', true], ['1.100.3', 9, 'development', true], ['1.139.1', 30.25, 'vsix', false],
    ]);
  });

  it('records nothing, and creates no file, for a run whose extension never activated', () => {
    const root = runDir('handoff-host-1.100.3-none', { '20261121T141110/exthost1': '2026-11-21 14:11:25.276 [info] something else\n' });
    assert.deepEqual(recordRunActivations(root, { version: '1.100.3', runKind: 'development', ok: false }, { file }), []);
    assert.deepEqual(recordRunActivations(runDir('handoff-host-1.100.3-empty'), { version: '1.100.3', runKind: 'development', ok: false }, { file }), []);
    assert.deepEqual(readActivationLog(file), []);
  });

  it('keeps the file bounded to the latest entries', () => {
    for (let i = 0; i < 8; i++) {
      const root = runDir(`handoff-host-1.100.3-run${i}`, { '20261121T141110/exthost1': channelLog(`14:1${i}:00.000`, String(10 + i)) });
      recordRunActivations(root, { version: '1.100.3', runKind: 'development', ok: true }, { file, limit: 5 });
    }
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    assert.equal(lines.length, 5);
    assert.deepEqual(readActivationLog(file).map((e) => e.ms), [13, 14, 15, 16, 17]);
  });

  it('skips a torn or foreign line', () => {
    mkdirSync(join(tmp, 'cache'), { recursive: true });
    const good = { version: '1.100.3', at: local('14:11:25.276'), ms: 12.5, runKind: 'development', extension: '0.1.0', run: 'r', ok: true };
    writeFileSync(file, `${JSON.stringify(good)}\n{"version":"1.100.3","at":\nnot json\n{"version":"1.100.3","at":"x","ms":"12"}\n`);
    assert.deepEqual(readActivationLog(file), [good]);
    assert.deepEqual(readActivationLog(join(tmp, 'absent.jsonl')), []);
  });

  it('adds the run dirs still kept (not smoke or start dirs), each activation once', () => {
    const roots = [join(tmp, 'runs')];
    const failed = runDir('handoff-host-1.100.3-failed', { '20261121T141110/exthost1': channelLog('14:11:25.276', '12.5') });
    writeFileSync(join(failed, 'console.log'), '');
    recordRunActivations(failed, { version: '1.100.3', runKind: 'development', ok: false }, { file });
    const kept = runDir('handoff-host-1.139.1-kept', { '20261121T150000/exthost1': channelLog('15:00:00.000', '40', 2) });
    const keptVsix = runDir('handoff-host-1.139.1-vsix', { '20261121T150500/exthost1': channelLog('15:05:00.000', '45') });
    mkdirSync(join(keptVsix, 'no-development-extension'));
    runDir('handoff-host-smoke-1.139.1-s', { '20261121T151000/exthost1': channelLog('15:10:00.000', '99') });
    runDir('handoff-host-start-1.139.1-t', { '20261121T151500/exthost1': channelLog('15:15:00.000', '98') });

    const all = allActivations({ file, roots });
    assert.deepEqual(all.map((e) => [e.run, e.version, e.ms, e.runKind, e.ok]), [
      ['handoff-host-1.100.3-failed', '1.100.3', 12.5, 'development', false],
      ['handoff-host-1.139.1-kept', '1.139.1', 40, 'multi-root', undefined],
      ['handoff-host-1.139.1-vsix', '1.139.1', 45, 'vsix', undefined],
    ]);
    assert.deepEqual(activationsInRunDir(kept, { version: '1.139.1' }).map((e) => e.ms), [40]);
  });

  it('gives the bench the activations of the latest runs', () => {
    for (let i = 0; i < 6; i++) {
      const logs: Record<string, string> = { '20261121T141110/exthost1': channelLog(`14:1${i}:00.000`, String(10 + i)) };
      if (i === 5) logs['20261121T141110/exthost2'] = channelLog('14:15:30.000', '50');
      recordRunActivations(runDir(`handoff-host-1.100.3-run${i}`, logs), { version: '1.100.3', runKind: 'development', ok: true }, { file });
    }
    const all = allActivations({ file, roots: [] });
    assert.deepEqual(recentActivations(all, 2).map((e) => e.ms), [14, 15, 50]);
    assert.equal(recentActivations(all).length, 7);
    assert.deepEqual(recentActivations([], 2), []);
  });
});
