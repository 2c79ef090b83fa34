/**
 * `handoff-lint`: the language service from the command line, for CI and scripts. Exit 0 when no
 * error-severity diagnostic, 1 when there is one, 2 on a usage error or unreadable input (one line, no stack).
 * `handoff-lint new …` writes a new handoff instead (new.ts).
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { createLanguageService } from '../core/service';
import { parseCoreSettings } from '../core/settings';
import { parseArgs, USAGE, UsageError } from './args';
import { discover, InputError } from './discover';
import { reportWriter } from './format';
import { createNodeGitCheck } from '../node/cliGit';
import { SiblingHandoffs } from '../node/siblings';
import { runNew } from './new';
import { newerInFolder } from '../core/supersede';
import { resolve } from 'node:path';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

export async function run(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (argv[0] === 'new') return runNew(argv.slice(1), out, err);
  let options;
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) { err(`handoff-lint: ${e.message}\n(try --help)\n`); return 2; }
    throw e;
  }
  if (options.help) { out(USAGE + '\n'); return 0; }
  if (options.version) { out(VERSION + '\n'); return 0; }

  let configInput: Record<string, unknown> = {};
  if (options.config) {
    try {
      configInput = JSON.parse(readFileSync(options.config, 'utf8'));
    } catch (e) {
      err(`handoff-lint: cannot read config ${options.config}: ${e instanceof Error ? e.message.split('\n')[0] : e}\n`);
      return 2;
    }
  }
  const { settings, problems } = parseCoreSettings({
    ...configInput,
    rules: { ...(configInput.rules as object | undefined), ...options.rules },
    ...(options.git ? {} : { git: false }),
  });
  for (const p of problems) err(`handoff-lint: config: ${p}\n`);

  let files: string[];
  try {
    files = discover(options.paths);
  } catch (e) {
    if (e instanceof InputError) { err(`handoff-lint: ${e.message}\n`); return 2; }
    throw e;
  }

  // With git off nothing may start a git process, so the git-backed rules (files included) are not run.
  const git = settings.git ? createNodeGitCheck({ repo: options.repo, timeoutMs: settings.gitTimeoutMs }) : undefined;
  const service = createLanguageService({ settings, git: git?.check, files: git?.files });
  // Unreadable files are reported before anything is printed, so a JSON or SARIF output is never cut short.
  for (const path of files) {
    try {
      accessSync(path, constants.R_OK);
    } catch (e) {
      err(`handoff-lint: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}\n`);
      return 2;
    }
  }
  // Each report is printed as soon as it is made and then dropped: memory stays flat over thousands of files.
  const writer = reportWriter(options.format, VERSION);
  // A newer handoff of the same series beside this one says what is left: its open steps are not reported here.
  const siblings = new SiblingHandoffs();
  let errors = false;
  out(writer.begin());
  try {
    for (const path of files) {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (e) {
        err(`handoff-lint: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}\n`);
        return 2;
      }
      const supersededBy = newerInFolder(resolve(path), siblings.of(path));
      const analysis = await service.analyze({ path, version: 0, text, supersededBy });
      service.forget(path);
      errors ||= analysis.diagnostics.some((d) => d.severity === 'error');
      out(writer.add({ path, model: analysis.model, diagnostics: analysis.diagnostics, notices: analysis.notices, facts: analysis.facts }));
    }
  } finally {
    git?.dispose();
  }
  out(writer.end());
  return errors ? 1 : 0;
}

if (require.main === module) {
  run(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s)).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      process.stderr.write(`handoff-lint: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
