/** `handoff-lint` arguments → options, or a usage error with a one-line reason. */
import { RULE_CODES, type RuleCode } from '../core/model';
import { severitySetting, type SeveritySetting } from '../core/settings';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'github';
const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'github'];

export interface CliOptions {
  paths: string[];
  format: OutputFormat;
  repo: string | null;
  git: boolean;
  rules: Partial<Record<RuleCode, SeveritySetting>>;
  config: string | null;
  /** `--baseline FILE`: findings recorded there are not reported (and with `writeBaseline`, the file to write). */
  baseline: string | null;
  writeBaseline: boolean;
  /** `--changed-since REF`: only the handoffs changed since this revision. */
  changedSince: string | null;
  /** `--hints`: list hint-severity findings in the text and github formats too (JSON and SARIF always hold them). */
  hints: boolean;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

/**
 * Each argument in turn as its flag (`--format` of `--format=json`) and readers of what follows: `value()` the
 * flag's value (after `=`, else the next argument, which it consumes), `rest()` every argument after this one
 * (which ends the walk). Shared by the commands' parsers.
 */
export function* eachFlag(argv: readonly string[]): Generator<{ arg: string; flag: string; value: () => string; rest: () => string[] }> {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    const rest = (): string[] => {
      const after = argv.slice(i + 1);
      i = argv.length;
      return after;
    };
    yield { arg, flag, value, rest };
  }
}

export const USAGE = `Usage: handoff-lint [options] [paths…]
       handoff-lint new [--dir DIR] [--slug SLUG] [--template FILE] [--stdout]   (see new --help)
       handoff-lint digest [paths…] [--format markdown|json] [--max-bytes N]     (see digest --help)
       handoff-lint mcp [--root DIR] [--no-git]   the MCP server over stdio       (see mcp --help)

Checks handoff documents (HANDOFF.md, SESSION-HANDOFF-*.md, plans…) against the repository they live in.
Folders are searched for handoffs with the default globs; with no path, the current folder.

Options:
  --format text|json|sarif|github
                             output format (default: text); github: workflow commands, annotations on a PR
  --repo DIR                 the git repository to check against (default: found from each file's folder)
  --no-git                   parse only: no git process is started
  --rule CODE=SEVERITY       set a rule's severity: error, warning, information, hint or off (repeatable)
                             rules: ${RULE_CODES.join(', ')}
  --config FILE              JSON settings: { "rules": { "CODE": "SEVERITY" }, "git": true, "gitTimeoutMs": 10000,
                             "handoffBehindCommits": 50 }
  --baseline FILE            do not report the findings recorded in FILE (only new ones)
  --write-baseline           record every finding of this run in the --baseline FILE instead (exit 0)
  --changed-since REF        check only the handoffs changed since REF (committed since the merge base with
                             REF, changed in the work tree, or new): e.g. origin/main in a pull request
  --hints                    list hints too in the text and github formats (counted, not listed, by default;
                             json and sarif always hold them)
  -h, --help                 show this help
  -v, --version              show the version

Exit status: 0 no error-severity diagnostic, 1 at least one, 2 usage error or unreadable input.`;

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { paths: [], format: 'text', repo: null, git: true, rules: {}, config: null, baseline: null, writeBaseline: false, changedSince: null, hints: false, help: false, version: false };
  for (const { arg, flag, value, rest } of eachFlag(argv)) {
    switch (flag) {
      case '--format': {
        const f = value();
        if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format must be text, json, sarif or github, not "${f}"`);
        options.format = f as OutputFormat;
        break;
      }
      case '--repo': options.repo = value(); break;
      case '--no-git': options.git = false; break;
      case '--config': options.config = value(); break;
      case '--baseline': options.baseline = value(); break;
      case '--write-baseline': options.writeBaseline = true; break;
      case '--changed-since': options.changedSince = value(); break;
      case '--hints': options.hints = true; break;
      case '--rule': {
        const spec = value();
        const [code, severity] = spec.split('=');
        if (!(RULE_CODES as readonly string[]).includes(code)) throw new UsageError(`unknown rule "${code}" (rules: ${RULE_CODES.join(', ')})`);
        const s = severitySetting.safeParse(severity);
        if (!s.success) throw new UsageError(`--rule ${code}: severity must be one of ${severitySetting.options.join(', ')}`);
        options.rules[code as RuleCode] = s.data;
        break;
      }
      case '-h': case '--help': options.help = true; break;
      case '-v': case '--version': options.version = true; break;
      case '--': options.paths.push(...rest()); break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        options.paths.push(arg);
    }
  }
  if (options.writeBaseline && !options.baseline) throw new UsageError('--write-baseline needs --baseline FILE (the file to write)');
  if (options.changedSince !== null && !options.git) throw new UsageError('--changed-since asks git what changed: it cannot go with --no-git');
  return options;
}
