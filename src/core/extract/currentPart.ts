/**
 * Which part of a handoff is current — where a resuming reader starts — and which phases are history, so that an
 * outline can open on the first and keep the second folded. Pure: it reads only the model, never throws, and walks
 * the phase tree without recursion (a hostile document can nest thousands deep).
 *
 * A phase is `history` when it starts in the document's history (an older dated entry of a log, an "Archive" or
 * "Completed" section, a finished ticket, a superseded document: `model.history`). Outside history, a phase is
 * `current` when:
 * - its title names the current state or what to do next: "Current status", "Current position", "Current focus",
 *   "Resume point", "Next steps", "What's left", `<current_state>`, `<next_action>`…;
 * - its own line says it is in progress or next (`## Phase 3 (in progress)`, `- [~] Phase 3`, GSD's `Status:`);
 * - it is the newest dated entry of a log (a dated phase whose dated siblings are history);
 * - the front matter's `stopped_at` names its unit (`stopped_at: Phase 3 plan 2 …` → `Phase 3`, `Plan 2`).
 * When none of these says anything (a Spec Kit or Kiro task list, a plan file), the current part is the innermost
 * phase holding the first step still to do: the work resumes there. Every phase holding a current one is
 * `holds-current`, so that the way to it is open too. Other phases get no part.
 */
import type { HandoffModel, Phase } from '../model';
import { isStepToDo } from './currentSteps';
import { isHistoric } from './history';
import { isNextTitle } from './nextHeadings';
import { titleWords } from './titleText';

export type PhasePart = 'current' | 'holds-current' | 'history';

type PartInput = Pick<HandoffModel, 'phases' | 'steps' | 'history' | 'frontMatter'>;

/** The words of a title that names the current state of the work (matched whole, from its first word). */
const CURRENT_TITLE =
  /^(?:(?:the\s+)?(?:current|present|latest)\s+(?:status|state|position|focus|session|work|task|phase|progress|milestone|sprint|iteration|context|situation|snapshot)(?:\s+(?:summary|and\s+next\s+steps?))?|status(?:\s+(?:now|today))?|where\s+(?:we|things)\s+(?:are|stand|left\s+off)|right\s+now|in\s+progress|now|resume\s+point|stopped\s+at)$/;

/** `Phase 3`, `plan 2`, `Task 2.1`, `Wave D.2` as a `stopped_at` value names them. */
const UNIT_MENTION = /\b(phase|plan|task|wave|step|session|sprint|milestone|iteration|stage|story|epic|ticket|priority)\s+([A-Za-z]?\d+(?:[.-]\d+)*[A-Za-z]?)\b/gi;

/** Each phase's part; phases with none are absent. */
export function phaseParts(model: PartInput): Map<Phase, PhasePart> {
  const flat = flatten(model.phases);
  const parts = new Map<Phase, PhasePart>();
  const historic = (p: Phase) => isHistoric(model.history, p.range.start);
  for (const { phase } of flat) if (historic(phase)) parts.set(phase, 'history');

  const stoppedAt = stoppedAtLabels(model.frontMatter);
  const current = new Set<number>();
  flat.forEach(({ phase, siblings }, i) => {
    if (parts.has(phase)) return;
    if (namesCurrent(phase) || phase.status === 'in-progress' || phase.status === 'next' || stoppedAt.has(phase.label.toLowerCase())
      || isNewestEntry(phase, siblings, historic)) current.add(i);
  });
  if (current.size === 0) {
    const first = firstStepToDoPhase(model, flat);
    if (first >= 0 && !parts.has(flat[first].phase)) current.add(first);
  }
  for (const i of current) {
    parts.set(flat[i].phase, 'current');
    for (let up = flat[i].parent; up >= 0 && !parts.has(flat[up].phase); up = flat[up].parent) parts.set(flat[up].phase, 'holds-current');
  }
  return parts;
}

interface FlatPhase {
  phase: Phase;
  /** Index of the parent in the flat list, -1 at the top. */
  parent: number;
  siblings: readonly Phase[];
}

/** Pre-order (document order, parents first), without recursion. */
function flatten(top: readonly Phase[]): FlatPhase[] {
  const flat: FlatPhase[] = [];
  const stack: FlatPhase[] = [...top].reverse().map((phase) => ({ phase, parent: -1, siblings: top }));
  while (stack.length) {
    const next = stack.pop()!;
    const index = flat.push(next) - 1;
    const kids = next.phase.children;
    for (let c = kids.length - 1; c >= 0; c--) stack.push({ phase: kids[c], parent: index, siblings: kids });
  }
  return flat;
}

function namesCurrent(p: Phase): boolean {
  // A section's label is its heading; `name` is the readable form of an XML-ish tag (`current_state` → `Current state`).
  for (const text of p.kind === 'section' ? [p.label, p.name] : [p.name]) {
    if (!text) continue;
    if (CURRENT_TITLE.test(titleWords(text)) || isNextTitle(text)) return true;
  }
  return false;
}

/** The one dated entry of a log that is not history while its dated siblings are: the newest. */
function isNewestEntry(p: Phase, siblings: readonly Phase[], historic: (p: Phase) => boolean): boolean {
  return p.date !== null && siblings.some((s) => s !== p && s.date !== null && historic(s));
}

function stoppedAtLabels(frontMatter: Readonly<Record<string, string>>): Set<string> {
  const labels = new Set<string>();
  const value = (frontMatter['stopped_at'] ?? frontMatter['stopped-at'] ?? '').slice(0, 300);
  for (const m of value.matchAll(UNIT_MENTION)) labels.add(`${m[1]} ${m[2]}`.toLowerCase());
  return labels;
}

/**
 * The innermost phase holding the first step still to do (in document order), or -1. Steps outside every phase (a
 * plan's front-matter todos) say nothing about where in the outline to start: the next one is asked.
 */
function firstStepToDoPhase(model: PartInput, flat: readonly FlatPhase[]): number {
  const toDo = model.steps.filter((s) => isStepToDo(s, model))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  for (const step of toDo) {
    let found = -1;
    // Pre-order: a phase containing the step after one that does is nested in it, so the last one is the innermost.
    flat.forEach((f, i) => { if (contains(f.phase, step.range.start)) found = i; });
    if (found >= 0) return found;
  }
  return -1;
}

function contains(p: Phase, at: { line: number; character: number }): boolean {
  const { start, end } = p.sectionRange;
  const afterStart = at.line > start.line || (at.line === start.line && at.character >= start.character);
  const beforeEnd = at.line < end.line || (at.line === end.line && at.character <= end.character);
  return afterStart && beforeEnd;
}
