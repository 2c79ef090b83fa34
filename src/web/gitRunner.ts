/** The web build's stand-in for src/node/gitRunner.ts (see esbuild.mjs): no git process ever starts, none to kill. */
export function killAllGit(): void {
  // nothing started, nothing to stop
}
