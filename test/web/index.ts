// Entry point the web-worker extension host loads via the extensionTestsPath payload (test/host/run-tests.mjs
// with --web): mocha's own browser build, because a web worker has no `require`, no disk and no process. The
// spec reporter's lines and the counts go, as in the Node suite (test/extension/index.ts), to a results file the
// runner reads — written through `workspace.fs` (the worker's only way to the disk), beside the workspace folder:
// `<folder>/../web-test-results.json`.
import 'mocha/mocha.js';
import * as vscode from 'vscode';

interface MochaGlobal {
  setup(options: { ui: string; reporter: string; color: boolean; timeout: number }): void;
  run(done: (failures: number) => void): { stats?: { passes: number; failures: number; tests: number }; on(event: string, fn: (test: { titlePath(): string[] }) => void): void };
}
declare const mocha: MochaGlobal;
declare const Mocha: { reporters: { Base: { consoleLog: (...data: unknown[]) => void } } };

/** console.log's `%s`/`%d` substitution (the spec reporter's lines use it), as Node's util.format does. */
function format([first, ...rest]: unknown[]): string {
  if (first === undefined && rest.length === 0) return '';
  const args = [...rest];
  const head = typeof first === 'string' ? first.replace(/%[sdi%]/g, (m) => (m === '%%' ? '%' : args.length ? String(args.shift()) : m)) : String(first);
  return [head, ...args.map(String)].join(' ');
}

export const RESULTS_NAME = 'web-test-results.json';

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the web run opened no workspace folder');
  const resultsUri = vscode.Uri.joinPath(folder.uri, '..', RESULTS_NAME);
  const lines: string[] = [];
  const results = { passes: 0, failures: 0, pending: 0, tests: 0, suites: [] as string[], lines, done: false, error: undefined as string | undefined };
  const save = () => vscode.workspace.fs.writeFile(resultsUri, new TextEncoder().encode(JSON.stringify(results, null, 2)));
  const Base = Mocha.reporters.Base;
  const consoleLog = Base.consoleLog;
  Base.consoleLog = (...data: unknown[]) => {
    lines.push(...format(data).split('\n'));
    consoleLog(...data);
  };
  try {
    mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000 });
    // After setup: the suites call mocha's `describe`, which setup puts on the global object.
    require('./web.test');
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('test end', (test) => {
        const suite = test.titlePath()[0];
        if (!results.suites.includes(suite)) results.suites.push(suite);
        Object.assign(results, { passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0, tests: runner.stats?.tests ?? 0 });
      });
      runner.on('end', () => {
        Object.assign(results, { passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0, tests: runner.stats?.tests ?? 0 });
      });
    });
  } catch (err) {
    results.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
  } finally {
    Base.consoleLog = consoleLog;
    results.done = true;
    await save();
  }
  if (results.error) throw new Error(results.error);
  if (results.failures > 0) throw new Error(`${results.failures} web extension-host test(s) failed`);
}
