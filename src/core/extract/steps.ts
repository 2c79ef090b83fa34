/**
 * Resume steps: every checklist item (`- [ ]`, `* [x]`, `1. [ ]`, and the extended `[-]` `[!]` `[>]` `[~]`),
 * plus the numbered items of a section that names what to do next ("Resume point", "Next steps",
 * "Next-session entry point", "What's left", "Remaining work", "TODO"). Numbered steps there are open unless
 * marked done (✅, ~~struck through~~, "DONE").
 */
import type { StepState } from '../model';
import type { Block, ParsedText } from '../parse/blocks';
import type { ExtractContext, FoundStep } from './types';
import { ListRoleTracker } from './listRoles';

const CHECKBOX_STATES: Readonly<Record<string, StepState>> = {
  ' ': 'open', x: 'done', X: 'done', '-': 'superseded', '!': 'blocked', '>': 'in-progress', '~': 'in-progress',
  '/': 'in-progress', '?': 'open', '*': 'open',
};

/** Headings of sections whose numbered items are the next session's steps. */
export const NEXT_HEADING =
  /\b(?:resume(?:\s+(?:point|here|steps?))?|next[\s-]+(?:steps?|actions?|session|up)|entry[\s-]+point|what'?s\s+(?:left|next|remaining)|remaining(?:\s+(?:work|tasks?|items?|steps?))?|to-?dos?|open\s+(?:items|tasks)|immediate\s+priorities|start\s+here|pick\s+up|follow[\s-]?ups?|not\s+done\s+yet)\b/i;

const DONE_MARK = /✅|✔️?|☑️?|\bDONE\b|^~~[^~]+~~|\((?:done|completed?)\)/;

/**
 * A numbered item of a next-steps list that is standing guidance, not a step: "keep … in mind", "do not flatten …",
 * "never force-push", "always run the linter". (A checkbox is a task whatever its verb.)
 */
const GUIDANCE = /^(?:[*_]{1,2})?(?:do\s+not|don['’]t|never|always|keep\b|remember\b|avoid\b|be\s+careful)/i;

export function extractSteps(parsed: ParsedText, _context: ExtractContext): FoundStep[] {
  const { text, blocks } = parsed;
  const steps: FoundStep[] = [];
  const roles = new ListRoleTracker(text, (title) => NEXT_HEADING.test(title));
  let nextDepth = 0; // depth of the enclosing "next steps" heading; 0 = not inside one
  for (const b of blocks) {
    const listRole = roles.next(b);
    if (b.kind === 'heading') {
      if (nextDepth && b.depth <= nextDepth) nextDepth = 0;
      if (!nextDepth && NEXT_HEADING.test(text.slice(b.contentStart, b.contentEnd))) nextDepth = b.depth;
      continue;
    }
    if (b.kind !== 'listItem') continue;
    if (b.checkbox) {
      steps.push({ ...step(text, b, b.checkbox.start, CHECKBOX_STATES[b.checkbox.state] ?? 'open', 'checkbox', `[${b.checkbox.state}]`), listRole });
    } else if (nextDepth && b.ordered && b.depth === 0) {
      const content = text.slice(b.contentStart, b.contentEnd).trim();
      const role = listRole ?? (GUIDANCE.test(content) ? 'rules' : null);
      steps.push({ ...step(text, b, markerStart(text, b), DONE_MARK.test(content) ? 'done' : 'open', 'numbered', null), listRole: role });
    }
  }
  return steps;
}

function step(text: string, b: Block, start: number, state: StepState, kind: FoundStep['kind'], marker: string | null): FoundStep {
  // Trailing `|` runs are the gutter of a copy taken from a rendered page, not part of the step.
  let end = b.contentEnd;
  while (end > b.contentStart && /[\s|]/.test(text[end - 1])) end--;
  end = Math.max(end, start);
  return { start, end, text: text.slice(b.contentStart, end).replace(/\s+/g, ' ').trim(), state, kind, marker };
}

function markerStart(text: string, b: Block): number {
  let at = b.start;
  while (at < b.contentStart && (text[at] === ' ' || text[at] === '\t')) at++;
  return at;
}
