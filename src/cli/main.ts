/**
 * `handoff-lint`: the language service from the command line, for CI and scripts. Exit 0 when no
 * error-severity diagnostic, 1 when there is one, 2 on a usage error or unreadable input (one line, no stack).
 * The output is always whole: a handoff that cannot be read (gone since it was listed, say) is reported in it, and
 * the exit status says so at the end.
 * `handoff-lint new …` writes a new handoff instead (new.ts).
 */
import { join } from 'node:path';
import { createLanguageService } from '../core/service';
import { parseCoreSettings } from '../core/settings';
import { parseArgs, USAGE, UsageError } from './args';
import { discover, InputError } from './discover';
import { escapeControls, reportWriter } from './format';
import { createNodeGitCheck, WARM_UP_FROM } from '../node/cliGit';
import { startSpawnRelay } from '../node/spawnRelay';
import { killAllGit } from '../node/gitRunner';
import { notReadReason, readRegular, type NotRead } from '../node/safeRead';
import { BATCH_DOCUMENTS, documentBatches } from './batches';
import { NEVER_CANCELLED } from '../core/interfaces';
import { SiblingHandoffs } from '../node/siblings';
import { runNew } from './new';
import { runDigest } from './digest';
import { FindingFilter, onlyChanged } from './ciRun';
import { BufferedOutput } from './bufferedOutput';
import { inOrderAhead } from './inOrderAhead';
import { markAnalysed } from './analysedMark';

export { analysedAny } from './analysedMark';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

/**
 * `drained`: resolves once what `out` was given has been taken by the reader. Called after each document, so a run
 * piped to a slow reader (a CI log, `| less`) waits for it instead of queueing the whole report in memory.
 */
export async function run(argv: readonly string[], out: (s: string) => void, err: (s: string) => void, drained: () => Promise<void> = async () => {}): Promise<number> {
  if (argv[0] === 'new') return runNew(argv.slice(1), out, err);
  if (argv[0] === 'digest') return runDigest(argv.slice(1), out, err);
  // The MCP server is its own bundle, which dist/cli.js starts for `handoff-lint mcp` (bin.ts): not this one's.
  if (argv[0] === 'mcp') { err('handoff-lint: the MCP server is started by `handoff-lint mcp` (dist/mcp.js)\n'); return 2; }
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
      const read = readRegular(options.config, 1024 * 1024);
      if (read.kind !== 'text') throw new Error(whyDocumentNotRead(read));
      configInput = JSON.parse(read.text);
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

  if (options.changedSince !== null) {
    if (!settings.git) { err('handoff-lint: --changed-since asks git what changed: the config turns git off\n'); return 2; }
    const changed = await onlyChanged(files, options, settings.gitTimeoutMs);
    if ('error' in changed) { err(`handoff-lint: ${escapeControls(changed.error)}\n`); return 2; }
    files = changed.files;
    err(`handoff-lint: ${escapeControls(changed.note)}\n`);
  }
  const filter = FindingFilter.open(options);
  if ('error' in filter) { err(`handoff-lint: ${escapeControls(filter.error)}\n`); return 2; }

  // With git off nothing may start a git process, so the git-backed rules (files included) are not run.
  // A run checks one snapshot of each repository: its file listing and its state are read once, not per handoff.
  // A large run starts its git processes from a small helper forked now, while this process is small (spawnRelay.ts).
  const relay = settings.git && files.length >= WARM_UP_FROM ? startSpawnRelay('git', join(__dirname, 'git-relay.js')) : null;
  const git = settings.git ? createNodeGitCheck({ repo: options.repo, timeoutMs: settings.gitTimeoutMs, filesTtlMs: Infinity, stateTtlMs: Infinity, ...(relay ? { spawn: relay.spawn } : {}) }) : undefined;
  // A batch's models are kept from its prefetch to its analysis (each file is parsed once); nothing is edited here.
  const service = createLanguageService({ settings, git: git?.check, files: git?.files, retain: { documents: BATCH_DOCUMENTS, sections: 0 } });
  // Each report is printed as soon as it is made and then dropped: memory stays flat over thousands of files.
  const writer = reportWriter(options.format, VERSION, process.cwd(), options.hints);
  const write = (report: string | string[]) => {
    if (typeof report === 'string') out(report);
    else for (const piece of report) out(piece);
  };
  // A newer handoff of the same series beside this one says what is left: its open steps are not reported here.
  const siblings = new SiblingHandoffs();
  let errors = false;
  let unreadable = false;
  out(writer.begin());
  try {
    git?.warmUp(files, NEVER_CANCELLED);
    for (const batch of documentBatches(files, MAX_DOCUMENT_BYTES)) {
      // Each document's git questions asked at once for the batch: the parse is kept for the analysis below.
      const parsed: Array<{ path: string; text: string; model: ReturnType<typeof service.getModel> }> = [];
      for (const [i, { path, read }] of batch.entries()) {
        // git answers the warm-up's questions meanwhile: its output is read between documents.
        if (git && i > 0 && i % PARSE_TURN === 0) await new Promise((next) => setImmediate(next));
        if (read.kind === 'text') parsed.push({ path, text: read.text, model: service.getModel({ path, version: 0, text: read.text }) });
      }
      if (parsed.length) markAnalysed();
      await git?.prefetch(parsed, NEVER_CANCELLED, settings);
      // Each document's own git questions wait on git: the next few documents are analysed meanwhile.
      type Done = { text: string; analysis: Awaited<ReturnType<typeof service.analyze>> } | { notRead: NotRead };
      const analysed = inOrderAhead(batch, ANALYSED_AHEAD, async ({ path, read }): Promise<Done> => (read.kind === 'text'
        ? { text: read.text, analysis: await service.analyze({ path, version: 0, text: read.text, supersededBy: siblings.newerThan(path, read.text) }) }
        : { notRead: read }));
      for await (const [{ path }, done] of analysed) {
        // A file may be gone (or swapped for a FIFO) since it was listed: it is reported in the output, which stays
        // whole, and the exit status says so at the end.
        if ('notRead' in done) {
          const why = `cannot read ${path}: ${whyDocumentNotRead(done.notRead)}`;
          err(`handoff-lint: ${escapeControls(why)}\n`);
          unreadable = true;
          write(writer.add({ path, model: service.getModel({ path, version: 0, text: '' }), diagnostics: [], notices: [why], facts: null, unreadable: true }));
          service.forget(path);
          continue;
        }
        const { text, analysis } = done;
        service.forget(path);
        // What a baseline records is not reported, and does not fail the run.
        const { diagnostics, fingerprints } = filter.apply(path, text, analysis.diagnostics);
        errors ||= diagnostics.some((d) => d.severity === 'error');
        write(writer.add({ path, model: analysis.model, diagnostics, notices: analysis.notices, facts: analysis.facts, fingerprints }));
        await drained();
      }
    }
  } finally {
    git?.dispose();
    relay?.close();
  }
  out(writer.end());
  try {
    for (const line of filter.finish()) err(`handoff-lint: ${escapeControls(line)}\n`);
  } catch (e) {
    err(`handoff-lint: cannot write the baseline ${escapeControls(options.baseline ?? '')}: ${e instanceof Error ? (e as NodeJS.ErrnoException).code ?? e.message : String(e)}\n`);
    return 2;
  }
  // A run that records a baseline succeeds: everything it found is now known.
  return unreadable ? 2 : errors && !options.writeBaseline ? 1 : 0;
}

function whyDocumentNotRead(r: NotRead): string {
  return notReadReason(r, { missing: 'ENOENT', tooLarge: `larger than ${MAX_DOCUMENT_BYTES / (1024 * 1024)} MB` });
}

/** A handoff larger than this is not read (a log of years, or not a handoff at all): it is reported as unreadable. */
const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
/** Documents parsed between two turns of the event loop, with git on (its processes' output is read at each). */
const PARSE_TURN = 32;
/** Documents analysed at once: the one reported next and the few after it (inOrderAhead.ts). */
const ANALYSED_AHEAD = 4;

/** The process around `run`: signals, a closed stdout, the report's buffer, the exit status. */
export function cliMain(): void {
  // git runs in process groups of its own, which a Ctrl-C or a kill of this process does not reach: they go first,
  // then the exit status a shell gives a process stopped by that signal.
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.once(signal, () => { killAllGit(); process.exit(code); });
  }
  process.once('exit', () => { killAllGit(); });
  // The reader went away (`handoff-lint | head`): stop quietly, with the status a shell gives a process killed by
  // SIGPIPE, as `git log | head` does.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    killAllGit();
    process.exit(e.code === 'EPIPE' ? 141 : 2);
  });
  process.stderr.on('error', () => {});
  // The report goes through one buffer, flushed per document.
  const output = new BufferedOutput(process.stdout);
  // Writes to a pipe are asynchronous: past the stream's buffer, the run waits for the reader (see `run`).
  const drained = () => {
    output.flush();
    return process.stdout.writableNeedDrain ? new Promise<void>((done) => process.stdout.once('drain', done)) : Promise.resolve();
  };
  run(process.argv.slice(2), (s) => output.write(s), (s) => process.stderr.write(s), drained).then(
    (code) => {
      output.flush();
      process.exitCode = code;
      // Everything written is with the system already (a file, or a pipe on Linux, is written at once): exit now.
      // Left to end by itself, Node first tears down the run's heap, ~0.1 s after a thousand handoffs. Anything
      // still queued (a pipe elsewhere, a slow terminal) is left to drain, as before.
      if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
    },
    (e: unknown) => {
      output.flush();
      process.stderr.write(`handoff-lint: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}

if (require.main === module) cliMain();
