/**
 * `unchecked-step`: a resume step that is still to do (see `currentSteps`: not done, not in the document's
 * history, not an acceptance/roadmap/rules list). Information by default: a handoff is a to-do list.
 *
 * A step whose every file is one the repository gained since the handoff (`Create \`src/types/index.ts\``, `T012
 * Implement \`backend/auth.py\``) was most likely carried out by whoever created the file, and its box never ticked:
 * a hint that says so, not a to-do in Problems. Judged on real repositories (the held-out field study): 24 such open
 * steps of 5 repositories, every one done since; a step naming a file that only changed since was still open often
 * enough (14 of 58) to stay a to-do.
 */
import type { CitedChange } from '../facts/types';
import type { Diagnostic, HandoffModel, Range, Severity } from '../model';
import { stepsToDo } from '../extract/currentSteps';
import { withinCap } from './severity';

const WHY: Readonly<Record<string, string>> = {
  open: 'Open step',
  'in-progress': 'Step in progress',
  blocked: 'Blocked step',
};

/** `changes`: the cited files that changed since the handoff (facts), null when git was not asked. */
export function uncheckedSteps(model: HandoffModel, severity: Severity, changes: readonly CitedChange[] | null = null): Diagnostic[] {
  const out: Diagnostic[] = [];
  const createdFor = createdSinceNotes(model, changes);
  for (const step of stepsToDo(model)) {
    const text = step.text.length > 90 ? `${step.text.slice(0, 89)}…` : step.text;
    const message = `${WHY[step.state]}: ${text || '(empty)'}`;
    const note = createdFor(step.range);
    if (note) out.push({ code: 'unchecked-step', severity: 'hint', message: withinCap(message, ` — ${note}`), range: step.range });
    else out.push({ code: 'unchecked-step', severity, message, range: step.range });
  }
  return out;
}

/**
 * For a step's range, "x.ts was created since this handoff: done, never ticked?" when every file the step names was
 * created since the handoff, else null. The rule's hint and the digest's step entry say the same.
 */
export function createdSinceNotes(model: HandoffModel, changes: readonly CitedChange[] | null): (range: Range) => string | null {
  const created = createdSince(changes);
  if (!created.size) return () => null;
  const byLine = filesByLine(model);
  return (range) => {
    const made = filesCreatedBy(model, byLine, range, created);
    return made && `${made} ${made.includes(', ') ? 'were' : 'was'} created since this handoff: done, never ticked?`;
  };
}

/** The indexes of the breadcrumbs (into `model.files`) whose file the repository gained since the handoff. */
function createdSince(changes: readonly CitedChange[] | null): Set<number> {
  const out = new Set<number>();
  for (const c of changes ?? []) if (c.kind === 'added') for (const i of c.crumbs) out.add(i);
  return out;
}

/** The breadcrumbs' indexes by the line they start on: a step looks at its own lines only. */
function filesByLine(model: HandoffModel): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const [i, f] of model.files.entries()) {
    const at = out.get(f.range.start.line);
    if (at) at.push(i);
    else out.set(f.range.start.line, [i]);
  }
  return out;
}

/**
 * The files the step names (breadcrumbs within its range, URLs and paths outside the workspace aside), when every one
 * of them was created since the handoff; null when it names none or one that was there before.
 */
function filesCreatedBy(model: HandoffModel, byLine: ReadonlyMap<number, readonly number[]>, range: Range, created: ReadonlySet<number>): string | null {
  const paths: string[] = [];
  for (let line = range.start.line; line <= range.end.line; line++) {
    for (const i of byLine.get(line) ?? []) {
      const f = model.files[i]!;
      if (f.external || before(f.range.start, range.start) || before(range.end, f.range.end)) continue;
      if (!created.has(i)) return null;
      if (!paths.includes(f.path)) paths.push(f.path);
    }
  }
  return paths.length ? paths.slice(0, 3).join(', ') + (paths.length > 3 ? ` and ${paths.length - 3} more` : '') : null;
}

const before = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);
