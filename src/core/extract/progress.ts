/**
 * How far along a handoff is, per phase and for the whole document: the counts a tree, a lens or a status bar
 * shows (`3/7 steps`). Pure: it reads only the model.
 *
 * - `open`: the steps a resuming reader still has to do — exactly `stepsToDo` (not done, not in the document's
 *   history, not in a list that is no work), so a count never disagrees with the `unchecked-step` diagnostics.
 * - `done`: the steps checked or marked done, outside lists that are no work (a ticked acceptance box is not
 *   progress). History counts: a log's finished steps are its progress.
 * - `later`: open steps of a roadmap or backlog list — work, but not now (a GSD roadmap's unchecked phases).
 *
 * A phase counts the steps of its whole section, its sub-phases included. The document also carries the
 * percentage its front matter states (GSD's `progress.percent`), which says more than its checkboxes when the
 * work is tracked elsewhere.
 */
import type { HandoffModel, Phase, Position, Step } from '../model';
import { isStepToDo } from './currentSteps';
import { before } from '../ranges';

export interface Progress {
  done: number;
  open: number;
  later: number;
}

export interface DocumentProgress extends Progress {
  /** The completion the front matter states (`progress.percent`, `percent`), 0–100, or null. */
  percent: number | null;
}

const PERCENT_KEYS = ['progress.percent', 'percent', 'progress'];

export function documentProgress(model: Pick<HandoffModel, 'steps' | 'history' | 'phases' | 'frontMatter'>): DocumentProgress {
  const counts = empty();
  for (const step of model.steps) add(counts, classify(step, model));
  return { ...counts, percent: statedPercent(model.frontMatter) };
}

/**
 * Every phase's counts, sub-phases included, in one pass: each step is placed in its innermost phase (a binary
 * search over the phases in document order), then counts are summed up the tree.
 */
export function phaseProgress(model: Pick<HandoffModel, 'steps' | 'history' | 'phases'>): Map<Phase, Progress> {
  // Pre-order, without recursion (a hostile document can nest thousands deep): document order, parents first.
  const flat: Array<{ phase: Phase; parent: number }> = [];
  const stack: Array<{ phase: Phase; parent: number }> = [...model.phases].reverse().map((phase) => ({ phase, parent: -1 }));
  while (stack.length) {
    const next = stack.pop()!;
    const index = flat.push(next) - 1;
    for (let c = next.phase.children.length - 1; c >= 0; c--) stack.push({ phase: next.phase.children[c], parent: index });
  }
  const own = flat.map(() => empty());
  for (const step of model.steps) {
    const kind = classify(step, model);
    if (!kind) continue;
    for (let i = innermost(flat, step.range.start); i >= 0; i = flat[i].parent) {
      if (contains(flat[i].phase, step.range.start)) { add(own[i], kind); break; }
    }
  }
  // Children come after their parent in `flat`: summing from the end adds each subtree once.
  for (let i = flat.length - 1; i >= 0; i--) {
    const parent = flat[i].parent;
    if (parent >= 0) { own[parent].done += own[i].done; own[parent].open += own[i].open; own[parent].later += own[i].later; }
  }
  return new Map(flat.map((f, i) => [f.phase, own[i]]));
}

type Kind = keyof Progress | null;

function classify(step: Step, model: Pick<HandoffModel, 'history' | 'phases'>): Kind {
  if (isStepToDo(step, model)) return 'open';
  if (step.state === 'done') return step.listRole === null || step.listRole === 'roadmap' ? 'done' : null;
  const open = step.state === 'open' || step.state === 'in-progress' || step.state === 'blocked';
  return open && step.listRole === 'roadmap' ? 'later' : null;
}

function statedPercent(frontMatter: Readonly<Record<string, string>>): number | null {
  for (const key of PERCENT_KEYS) {
    const m = /^\s*(\d{1,3}(?:\.\d+)?)\s*%?\s*$/.exec(frontMatter[key] ?? '');
    if (m && Number(m[1]) <= 100) return Number(m[1]);
  }
  return null;
}

/** The last phase (in document order) starting at or before `at`. */
function innermost(flat: ReadonlyArray<{ phase: Phase }>, at: Position): number {
  let lo = 0;
  let hi = flat.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (!before(at, flat[mid].phase.sectionRange.start)) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

function contains(phase: Phase, at: Position): boolean {
  const r = phase.sectionRange;
  return !before(at, r.start) && !before(r.end, at);
}

function empty(): Progress {
  return { done: 0, open: 0, later: 0 };
}

function add(p: Progress, kind: Kind): void {
  if (kind) p[kind]++;
}
