// Entry point the extension host loads via --extensionTestsPath: runs every compiled *.test.js
// beside this file with mocha (11: mocha 12 is ESM-only and the host `require`s this file).
//
// The host's own stdout goes to the server's logs, not to whoever started the run, so the spec
// reporter's lines are also collected and written, with the counts, to the file named by
// HANDOFF_TEST_RESULTS (set in the server's environment by test/host/run-tests.mjs). That file is
// the runner's truth. Without the variable (a desktop VS Code under @vscode/test-electron) only
// the thrown error reports failures, as the standard entry point expects.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export interface SuiteResults {
  passes: number;
  failures: number;
  pending: number;
  tests: number;
  /** Top-level suites (describe titles) with at least one test run, in run order. */
  suites: string[];
  /** The spec reporter's output, line by line. */
  lines: string[];
  /** Set when the suite could not run at all. */
  error?: string;
  /** False in the snapshots written after each test, so a run that hangs still shows how far it got. */
  done: boolean;
}

function findTests(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => join(dir, name));
}

export async function run(): Promise<void> {
  const resultsFile = process.env.HANDOFF_TEST_RESULTS;
  const lines: string[] = [];
  const results: SuiteResults = { passes: 0, failures: 0, pending: 0, tests: 0, suites: [], lines, done: false };
  const save = () => {
    if (resultsFile) writeFileSync(resultsFile, JSON.stringify(results, null, 2));
  };
  const Base = Mocha.reporters.Base;
  const consoleLog = Base.consoleLog;
  Base.consoleLog = (...data: unknown[]) => {
    lines.push(...format(...data).split('\n'));
    consoleLog(...data);
  };
  try {
    // HANDOFF_TEST_GREP (a regular expression over full test titles) narrows a run, e.g. the VSIX
    // run to the suites that show the installed package works.
    const grep = process.env.HANDOFF_TEST_GREP ? new RegExp(process.env.HANDOFF_TEST_GREP) : undefined;
    const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000, grep });
    const files = findTests(__dirname);
    if (files.length === 0) throw new Error(`no *.test.js under ${__dirname}`);
    for (const file of files) mocha.addFile(file);
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      const count = () => {
        results.passes = runner.stats?.passes ?? 0;
        results.failures = runner.stats?.failures ?? 0;
        results.pending = runner.stats?.pending ?? 0;
        results.tests = runner.stats?.tests ?? 0;
      };
      runner.on('test end', (test) => {
        const suite = test.titlePath()[0];
        if (!results.suites.includes(suite)) results.suites.push(suite);
        count();
        save();
      });
      runner.on('end', count);
    });
  } catch (err) {
    results.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
  } finally {
    Base.consoleLog = consoleLog;
    results.done = true;
    save();
  }
  if (results.error) throw new Error(results.error);
  if (results.failures > 0) throw new Error(`${results.failures} extension-host test(s) failed`);
}
