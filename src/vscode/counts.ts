/**
 * What the tree, the phase lenses and the status bar count, decided once so that they agree with each other and
 * with the Problems panel. Pure (no `vscode` import), unit-tested in test/unit/vscode-counts.test.ts.
 *
 * - Open steps are the core's `isStepToDo` — exactly what `unchecked-step` reports — and none at all when a newer
 *   handoff supersedes this one (the newer one says what is left). Done steps are counted over the same steps
 *   (not in the document's history, not in an acceptance/roadmap/rules list), so `done/total` is the progress of
 *   the work the document hands on, and `total - done` is what Problems lists.
 * - Stale items are the diagnostics that say the handoff no longer matches the repository, at the severity
 *   Problems shows as a warning or an error. A file never in the repository (a hint: planned, or in another
 *   repository) and an ambiguous bare name (no diagnostic: its matches are the links) are not stale.
 */
import { isStepToDo } from '../core/extract/currentSteps';
import { isHistoric } from '../core/extract/history';
import type { Diagnostic, HandoffModel, Position, Range, RuleCode, Step } from '../core/model';

export interface CountInput {
  model: Pick<HandoffModel, 'steps' | 'commits' | 'history' | 'phases'>;
  diagnostics: readonly Diagnostic[];
  /** By lower-cased SHA as written; empty without git. */
  commitStates: ReadonlyMap<string, unknown>;
  supersededBy: string | null;
}

export interface Counts {
  /** Steps of the current work that are done. */
  done: number;
  /** Steps still to do (open, in progress, blocked): what unchecked-step reports. */
  open: number;
  /** Distinct commits no remote-tracking branch contains. */
  unpushed: number;
  /** Warnings and errors saying the handoff no longer matches the repository. */
  stale: number;
}

/** The rules whose findings mean "this no longer matches the repository". */
const STALE_CODES: ReadonlySet<RuleCode> = new Set<RuleCode>(['unknown-commit', 'ambiguous-commit', 'stale-ref', 'missing-file', 'line-out-of-range']);

export function isStale(d: Pick<Diagnostic, 'code' | 'severity'>): boolean {
  return STALE_CODES.has(d.code) && (d.severity === 'warning' || d.severity === 'error');
}

/** A done step of the current work: what an open step would be if it were not done yet. */
function isStepDone(step: Step, history: readonly Range[]): boolean {
  return step.state === 'done' && step.listRole === null && !isHistoric(history, step.range.start);
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);

/** True when `p` lies in `r` (end excluded, as a section ends where the next begins). */
export function startsIn(r: Range, p: Position): boolean {
  return !before(p, r.start) && before(p, r.end);
}

/** The counts of a whole handoff, or of the items starting inside `within` (a phase's section). */
export function countWithin(input: CountInput, within?: Range): Counts {
  const inside = (r: Range) => !within || startsIn(within, r.start);
  const { model } = input;
  let done = 0;
  let open = 0;
  // Superseded: the newer handoff's steps are the work; this one's are neither left nor done.
  if (input.supersededBy === null) {
    for (const s of model.steps) {
      if (!inside(s.range)) continue;
      if (isStepToDo(s, model)) open++;
      else if (isStepDone(s, model.history)) done++;
    }
  }
  const unpushed = new Set<string>();
  for (const c of model.commits) {
    const sha = c.sha.toLowerCase();
    if (inside(c.range) && (input.commitStates.get(sha) as { status?: unknown } | undefined)?.status === 'unpushed') unpushed.add(sha);
  }
  const stale = input.diagnostics.filter((d) => inside(d.range) && isStale(d)).length;
  return { done, open, unpushed: unpushed.size, stale };
}
