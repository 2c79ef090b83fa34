/**
 * The pure side of Resume (no `vscode` import, unit-tested): which steps are walked — the open steps
 * `unchecked-step` reports, in document order — how a step is known again after edits, what it names, and the edit
 * that ticks it in the document's own style.
 */
import { isStepToDo } from '../../core/extract/currentSteps';
import type { CommitMention, FileBreadcrumb, HandoffModel, Range, Step } from '../../core/model';

export interface ResumeInput {
  model: Pick<HandoffModel, 'steps' | 'history' | 'phases' | 'files' | 'commits'>;
  /** A newer handoff says what is left: none of this one's steps are walked. */
  supersededBy: string | null;
}

/** The steps to walk: exactly what `unchecked-step` reports (and what the counts call open). */
export function openSteps(input: ResumeInput): Step[] {
  if (input.supersededBy !== null) return [];
  return input.model.steps.filter((s) => isStepToDo(s, input.model));
}

/** A step's identity across edits: its text and how many steps with the same text come before it. */
export function stepKey(step: Step, all: readonly Step[]): string {
  let nth = 0;
  for (const s of all) {
    if (s === step) break;
    if (s.text === step.text) nth++;
  }
  return `${nth}\u0000${step.text}`;
}

export interface NextStep {
  step: Step;
  key: string;
  /** 1-based place among the open steps not yet handled in this walk, plus those handled. */
  position: number;
  total: number;
}

/** The first open step not handled yet (done or skipped in this walk), or null when the walk is over. */
export function nextStep(input: ResumeInput, handled: ReadonlySet<string>): NextStep | null {
  const open = openSteps(input);
  const keyed = open.map((step) => ({ step, key: stepKey(step, input.model.steps) }));
  const left = keyed.filter((k) => !handled.has(k.key));
  const first = left[0];
  if (!first) return null;
  // Handled steps that are still open (skipped) count in the total; done ones are no longer open.
  const total = handled.size + left.length;
  return { ...first, position: handled.size + 1, total };
}

/** The step whose key this is, in a (newer) model; undefined when its text changed or it went. */
export function findStep(model: Pick<HandoffModel, 'steps'>, key: string): Step | undefined {
  return model.steps.find((s) => stepKey(s, model.steps) === key);
}

const within = (outer: Range, inner: Range) =>
  (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character))
  && (inner.start.line < outer.end.line || (inner.start.line === outer.end.line && inner.start.character <= outer.end.character));

/** The files and commits a step names (in its own text), in order. */
export function namedIn(model: ResumeInput['model'], step: Step): { files: FileBreadcrumb[]; commits: CommitMention[] } {
  return {
    files: model.files.filter((f) => !f.external && within(step.range, f.range)),
    commits: model.commits.filter((c) => within(step.range, c.range)),
  };
}

/** One text change: replace `length` characters at (line, character) by `text`. */
export interface TextChange {
  line: number;
  character: number;
  length: number;
  text: string;
}

type LineAt = (line: number) => string;

const NUMBER_MARKER = /^\d{1,9}[.)]\s+/;

/**
 * How this document marks a numbered step done, from the ones it already marked: `✅ ` before the text, ` ✅` after
 * it, `~~struck~~`, ` (done)` or ` — DONE`; ` ✅` after the text when none is done yet.
 */
export type NumberedDoneStyle = 'check-before' | 'check-after' | 'strike' | 'done-paren' | 'done-word';

export function numberedDoneStyle(steps: readonly Step[], lineAt: LineAt): NumberedDoneStyle {
  for (const s of steps) {
    if (s.kind !== 'numbered' || s.state !== 'done') continue;
    const line = lineAt(s.range.start.line).slice(s.range.start.character);
    const content = line.replace(NUMBER_MARKER, '');
    if (/^(?:✅|✔️?|☑️?)/.test(content)) return 'check-before';
    if (content.startsWith('~~')) return 'strike';
    if (/\((?:done|completed?)\)/i.test(content)) return 'done-paren';
    if (/\bDONE\b/.test(content)) return 'done-word';
    return 'check-after';
  }
  return 'check-after';
}

/**
 * The change that marks `step` done: `[ ]` (or `[~]`, `[>]`, `[!]`) becomes `[x]` (`[X]` when the document writes
 * done boxes so); a numbered step gets the document's done mark. Null when the text at the step's place is not what
 * the model said (edited meanwhile): nothing is changed then.
 */
export function tickChanges(step: Step, steps: readonly Step[], lineAt: LineAt): TextChange[] | null {
  const { line, character } = step.range.start;
  const text = lineAt(line);
  if (step.kind === 'checkbox') {
    if (!/^\[[ ~>!]\]/.test(text.slice(character, character + 3))) return null;
    const upper = steps.some((s) => s.kind === 'checkbox' && s.marker === '[X]') && !steps.some((s) => s.kind === 'checkbox' && s.marker === '[x]');
    return [{ line, character: character + 1, length: 1, text: upper ? 'X' : 'x' }];
  }
  const marker = NUMBER_MARKER.exec(text.slice(character));
  if (!marker) return null;
  const start = character + marker[0].length;
  const end = step.range.end;
  const after = { line: end.line, character: end.character, length: 0 };
  switch (numberedDoneStyle(steps, lineAt)) {
    case 'check-before': return [{ line, character: start, length: 0, text: '✅ ' }];
    case 'strike':
      // Struck on one line only: across lines the strike would not close.
      return end.line === line ? [{ line, character: start, length: 0, text: '~~' }, { ...after, text: '~~' }] : [{ ...after, text: ' ✅' }];
    case 'done-paren': return [{ ...after, text: ' (done)' }];
    case 'done-word': return [{ ...after, text: ' — DONE' }];
    default: return [{ ...after, text: ' ✅' }];
  }
}
