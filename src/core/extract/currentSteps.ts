/**
 * Which steps a reader resuming the work still has to do: the open ones (open, in progress, blocked) that
 * are neither in the document's history (an older log entry, a finished ticket, an archive, a superseded
 * document) nor in a list that is not work (acceptance criteria, expected tests, a roadmap, standing rules), and
 * not a parent task whose sub-tasks are all ticked.
 *
 * One decision shared by the `unchecked-step` rule and anything else that counts open work (the status bar,
 * the phase lenses), so they never disagree. Pure: it reads only the model.
 */
import type { HandoffModel, Range, Step, StepState } from '../model';
import { isHistoric } from './history';

const OPEN_STATES: ReadonlySet<StepState> = new Set<StepState>(['open', 'in-progress', 'blocked']);

export function isStepToDo(step: Step, history: readonly Range[]): boolean {
  return OPEN_STATES.has(step.state) && step.listRole === null && !step.doneBySubSteps && !isHistoric(history, step.range.start);
}

export function stepsToDo(model: Pick<HandoffModel, 'steps' | 'history'>): Step[] {
  return model.steps.filter((s) => isStepToDo(s, model.history));
}
