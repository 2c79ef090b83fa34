/**
 * Whether this process analysed a handoff. dist/cli.js saves V8's code cache of the CLI's bundle when a run is over
 * (codeCache.ts), and the cache holds only the functions that run compiled: one saved by `--help`, `--version` or a
 * usage error would leave every later run compiling the analysis itself (~30 ms of a small run), so such a run saves
 * none and the first run that analyses something makes the cache.
 */
let analysed = false;

export function markAnalysed(): void {
  analysed = true;
}

export function analysedAny(): boolean {
  return analysed;
}
