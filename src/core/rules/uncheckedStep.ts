/**
 * `unchecked-step`: a resume step that is still to do (see `currentSteps`: not done, not in the document's
 * history, not an acceptance/roadmap/rules list). Information by default: a handoff is a to-do list.
 */
import type { Diagnostic, HandoffModel, Severity } from '../model';
import { stepsToDo } from '../extract/currentSteps';

const WHY: Readonly<Record<string, string>> = {
  open: 'Open step',
  'in-progress': 'Step in progress',
  blocked: 'Blocked step',
};

export function uncheckedSteps(model: HandoffModel, severity: Severity): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const step of stepsToDo(model)) {
    const text = step.text.length > 90 ? `${step.text.slice(0, 89)}…` : step.text;
    out.push({ code: 'unchecked-step', severity, message: `${WHY[step.state]}: ${text || '(empty)'}`, range: step.range });
  }
  return out;
}
