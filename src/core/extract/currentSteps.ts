/**
 * Which steps a reader resuming the work still has to do: the open ones (open, in progress, blocked) that
 * are neither in the document's history (an older log entry, a finished ticket, an archive, a superseded
 * document), nor under a phase the document sets aside (deferred, superseded, cancelled, skipped: `Phase 7 ⏭️
 * Deferred`), nor in a list that is not work (acceptance criteria, expected tests, a roadmap, standing rules), and
 * not a parent task whose sub-tasks are all ticked.
 *
 * One decision shared by the `unchecked-step` rule and anything else that counts open work (the status bar,
 * the phase lenses), so they never disagree. Pure: it reads only the model.
 */
import type { HandoffModel, Phase, PhaseStatus, Range, Step, StepState } from '../model';
import { isHistoric, rangeIndexAt } from './history';
import { isNextTitle } from './nextHeadings';

const OPEN_STATES: ReadonlySet<StepState> = new Set<StepState>(['open', 'in-progress', 'blocked']);

/** What the steps of a phase with this status are: not work to do now. */
const SET_ASIDE: ReadonlySet<PhaseStatus> = new Set<PhaseStatus>(['deferred', 'superseded']);

type StepContext = Pick<HandoffModel, 'history' | 'phases'>;

export function isStepToDo(step: Step, model: StepContext): boolean {
  return OPEN_STATES.has(step.state) && whyNotToDo(step, model) === null;
}

export function stepsToDo(model: Pick<HandoffModel, 'steps' | 'history' | 'phases'>): Step[] {
  return model.steps.filter((s) => isStepToDo(s, model));
}

/**
 * Why an unchecked step is not work to do: its list's role (`acceptance`, `roadmap`…), the status of the phase it is
 * under (`deferred`, `superseded`), `sub-steps done`, or `history`; null when nothing says so.
 */
export function whyNotToDo(step: Step, model: StepContext): string | null {
  if (step.listRole !== null) return step.listRole;
  if (step.doneBySubSteps) return 'sub-steps done';
  if (isQuestion(step.text)) return 'a question';
  if (isCommitEntry(step.text)) return 'a commit';
  const at = step.range.start;
  if (isHistoric(model.history, at)) return 'history';
  const aside = setAsideIn(model.phases);
  const i = rangeIndexAt(aside.ranges, at);
  if (i < 0) return null;
  const status = aside.statuses[i]!;
  // What a deferred phase says to do next in words (a `**Resume:** /gsd-verify-work 7 once the email arrived` or
  // `Next:` line: a paragraph step) is still to do; its checklist is not, and nothing of a superseded phase is.
  return status === 'deferred' && step.kind === 'paragraph' ? null : `${status} phase`;
}

/**
 * An item written as a question — `Should picker specializations be per-org or global?`, `What did we validate this
 * week?`, `**Which external auditor?** Trail of Bits or NCC Group?` — asks for a decision or a reflection: an open
 * question to answer, not a step to carry out. Only one that opens with its question word counts: a request with a
 * question in it (`Ping Staff: dashboard status?`, `Ben eyeball: does the timeline render?`) is still a step. Judged
 * on real repositories (the field studies): 15 of 15 open steps of this form were noise, none right.
 */
const QUESTION = /^(?:should|shall|is|are|was|were|do|does|did|can|could|will|would|has|have|what|which|who|whom|why|how|when|where)\b[^.!:;\n]*\?/i;

/** What leads an item's words: task ids and tags (`T024`, `[P]`, `[US1]`, `2.3`), then emphasis opening. */
const LEAD = /^(?:(?:[A-Z]{1,3}-?\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)+|\[[^\]\n]{1,12}\])[:.]?\s+)*(?:\*\*|__|\*|_)?/;

export function isQuestion(text: string): boolean {
  return QUESTION.test(text.replace(LEAD, ''));
}

/**
 * An item that opens with a commit — `- \`0fda376\``, `- \`2308465\` goal metadata`, `- **\`25435fb\` (Sonnet)** —
 * flipped getEnv` — is an entry of a list of commits (the work a section sums up, "Canonical implementation
 * commits:"), not a step, whatever heading it sits under. A SHA is in backticks, or has a digit and a letter (a bare
 * `1234567` or `facade` is a number or a word more often than a commit). Judged on real repositories (the field
 * studies): 9 of 9 such open steps were noise, of 2 repositories.
 */
const COMMIT_ENTRY = /^(?:`[0-9a-f]{7,40}`|(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40})(?:\*\*|__)?(?=$|[\s:—–,(-])/i;

export function isCommitEntry(text: string): boolean {
  return COMMIT_ENTRY.test(text.replace(LEAD, ''));
}

/** The sections of the phases set aside, outermost only (in document order, not overlapping), with their statuses. */
interface SetAside {
  ranges: Range[];
  statuses: PhaseStatus[];
}

const setAsideBy = new WeakMap<readonly Phase[], SetAside>();

function setAsideIn(phases: readonly Phase[]): SetAside {
  const kept = setAsideBy.get(phases);
  if (kept) return kept;
  const found: SetAside = { ranges: [], statuses: [] };
  const visit = (list: readonly Phase[]) => {
    for (const p of list) {
      // A "Next steps (deferred)" section is still the document's next steps: the work it would resume with.
      if (p.status !== null && SET_ASIDE.has(p.status) && !(p.status === 'deferred' && isNextTitle(p.title))) {
        found.ranges.push(p.sectionRange);
        found.statuses.push(p.status);
      } else visit(p.children);
    }
  };
  visit(phases);
  setAsideBy.set(phases, found);
  return found;
}
