/** `unchecked-step`: a resume step that is not done yet. Information by default: a handoff is a to-do list. */
import type { Diagnostic, HandoffModel, Severity } from '../model';

const WHY: Readonly<Record<string, string>> = {
  open: 'Open step',
  'in-progress': 'Step in progress',
  blocked: 'Blocked step',
};

export function uncheckedSteps(model: HandoffModel, severity: Severity): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const step of model.steps) {
    const why = WHY[step.state];
    if (!why) continue; // done and superseded steps need nothing
    const text = step.text.length > 90 ? `${step.text.slice(0, 89)}…` : step.text;
    out.push({ code: 'unchecked-step', severity, message: `${why}: ${text || '(empty)'}`, range: step.range });
  }
  return out;
}
