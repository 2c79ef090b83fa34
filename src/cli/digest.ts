/**
 * `handoff-lint digest [paths] [--format markdown|json] [--max-bytes N]`: what a resuming session needs from the
 * newest handoff (or the ones named), checked against the repository — see core/digest. Exit 0 with the digest,
 * 2 on a usage error or when there is no handoff to digest (one line on stderr).
 */
import { DEFAULT_MAX_BYTES, MAX_MAX_BYTES, MIN_MAX_BYTES, type DigestFormat } from '../core/digest/render';
import { eachFlag, UsageError } from './args';
import { HandoffTools, ToolError } from './handoffTools';

export const DIGEST_USAGE = `Usage: handoff-lint digest [paths…] [--format markdown|json] [--max-bytes N] [--repo DIR] [--no-git]

Prints what a resuming session needs from the newest handoff under the current folder (or from each file named),
each claim marked holds / changed / gone with the evidence: the repository now (branch, HEAD, upstream,
unpushed commits, uncommitted files), what no longer holds as written (refs, commits, cited files and lines),
the open steps, the commits since the handoff's commit and the cited files they changed, then what still holds.
Same repository state, same bytes.

Options:
  --format F       markdown (default) or json
  --max-bytes N    at most N bytes per run (default ${DEFAULT_MAX_BYTES}; ${MIN_MAX_BYTES}–${MAX_MAX_BYTES}); what is left out is said
  --repo DIR       the folder to look for the newest handoff in (default: the current folder)
  --no-git         start no git process: the text only, not checked
  -h, --help       show this help

Exit status: 0 with the digest, 2 on a usage error or when there is no handoff.`;

export interface DigestOptions {
  paths: string[];
  format: DigestFormat;
  maxBytes: number;
  repo: string | null;
  git: boolean;
  help: boolean;
}

export function parseDigestArgs(argv: readonly string[]): DigestOptions {
  const o: DigestOptions = { paths: [], format: 'markdown', maxBytes: DEFAULT_MAX_BYTES, repo: null, git: true, help: false };
  for (const { arg, flag, value } of eachFlag(argv)) {
    switch (flag) {
      case '--format': {
        const f = value();
        if (f !== 'markdown' && f !== 'json') throw new UsageError(`--format must be markdown or json, not ${JSON.stringify(f)}`);
        o.format = f;
        break;
      }
      case '--max-bytes': {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || n < MIN_MAX_BYTES || n > MAX_MAX_BYTES) throw new UsageError(`--max-bytes must be a whole number from ${MIN_MAX_BYTES} to ${MAX_MAX_BYTES}`);
        o.maxBytes = n;
        break;
      }
      case '--repo': o.repo = value(); break;
      case '--no-git': o.git = false; break;
      case '-h': case '--help': o.help = true; break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg} for digest`);
        o.paths.push(arg);
    }
  }
  return o;
}

export async function runDigest(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let o: DigestOptions;
  try {
    o = parseDigestArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) { err(`handoff-lint digest: ${e.message}\n(try digest --help)\n`); return 2; }
    throw e;
  }
  if (o.help) { out(DIGEST_USAGE + '\n'); return 0; }
  let tools: HandoffTools;
  try {
    tools = new HandoffTools({ root: o.repo ?? '.', git: o.git, anyPath: true });
  } catch (e) {
    err(`handoff-lint digest: cannot read ${o.repo ?? '.'}: ${e instanceof Error ? e.message.split('\n')[0] : e}\n`);
    return 2;
  }
  try {
    const paths = o.paths.length ? o.paths : [undefined];
    // Several handoffs share the bound, each keeping what matters most of its own.
    const each = Math.max(MIN_MAX_BYTES, Math.floor(o.maxBytes / paths.length));
    const parts: string[] = [];
    for (const path of paths) parts.push(await tools.digest({ path, format: o.format, maxBytes: each }));
    out(o.format === 'json' ? parts.join('') : parts.join('\n---\n\n'));
    return 0;
  } catch (e) {
    if (e instanceof ToolError) { err(`handoff-lint digest: ${e.message}\n`); return 2; }
    throw e;
  } finally {
    tools.dispose();
  }
}
