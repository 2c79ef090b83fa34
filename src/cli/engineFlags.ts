/**
 * V8 settings for a lint run, set by dist/cli.js before the CLI's bundle is compiled.
 *
 * A lint run is short (a fraction of a second to a few seconds) and spends it in a few hot loops. V8's defaults are
 * made for long-lived programs: a function is sent to the optimising compiler (TurboFan) after a small amount of
 * work, so a run optimises hundreds of functions it then barely uses, and the compiler's background thread took
 * ~0.45 s of a 1 MB handoff's ~1 s of CPU. Four times the default budget before that tier-up (67,584 → 270,336
 * bytecode units) keeps TurboFan for what is really hot. Measured on the bench's inputs, alternating runs:
 *   - a 1 MB mixed handoff: 1.05 → 0.88 s of CPU (wall time the same);
 *   - 100 handoffs, git on: 1.82 → 1.53 s wall, 2.9 → 2.1 s CPU;
 *   - 1,000 handoffs, git on: 5.14 → 4.77 s wall (command-line flag; 5.33 → 5.08 set here, same machine moment).
 * Twice the budget gained half as much; eight times gained a little more CPU on one document but lost wall time
 * on 1,000; turning TurboFan off (`--no-opt`) halved CPU on one document but made 1,000 take 8 s.
 *
 * A regular expression is compiled once, to machine code, on its first use (`--no-regexp-tier-up`). By default V8
 * first compiles it to bytecode, interprets it, and compiles it again to machine code on its next use: the right
 * trade for a page running a pattern a few times, not for a run whose ~440 patterns (long alternations of phrases,
 * several case-insensitive over Unicode letters) nearly all run thousands of times. The bytecode compile was ~90 ms
 * of every run, a quarter of a small one. Measured alternately (medians, 2026-12-07): one 34 KB handoff, git off,
 * 0.35 → 0.27 s wall and CPU (16 runs each); in its repository with git on 0.94 → 0.84 s; the 40 corpus handoffs
 * 0.74 → 0.64 s; 1,000 handoffs with git on 6.49 → 6.11 s (10 each, a slow hour); a 1 MB handoff unchanged.
 *
 * Set at run time (`v8.setFlagsFromString`) because a `#!` line cannot carry flags portably and `NODE_OPTIONS` does
 * not accept these. The code cache is named by these flags too (V8 rejects a cache made under other flags).
 */
import { setFlagsFromString } from 'node:v8';

export const LINT_V8_FLAGS: readonly string[] = ['--interrupt-budget=270336', '--no-regexp-tier-up'];

/** Applies LINT_V8_FLAGS to this process; call before loading the code they should apply to. */
export function tuneEngineForLint(): void {
  for (const flag of LINT_V8_FLAGS) setFlagsFromString(flag);
}
