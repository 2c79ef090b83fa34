/**
 * Headings → the phase tree. A heading names a unit when it starts with a unit keyword and an id
 * (`Phase 5 — …`, `Task 76: …`, `## Pass 150`, `Wave D.2`), possibly after numbering, emoji or markup, or
 * ends with one (`Current Session Summary (2025-12-31 - Session 12)`, `Next slice — INTAKE-1 — task #538`). Other headings are
 * `section`s. Plurals and ranges (`Phases 1-5`, `Sessions 1-4`) are not units.
 */
import type { Phase, PhaseKind } from '../model';
import type { Block, ParsedText } from '../parse/blocks';
import { rangeOf } from '../parse/lines';

const UNITS = 'phase|wave|task|session|step|milestone|pass|sprint|campaign';
const ID = String.raw`#?(?:[A-Z]{1,3}\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)*[a-z]?|[A-Z](?:\.\d+)*)(?![\w-]*[–-]\d)`;
const LEADING_UNIT = new RegExp(String.raw`^(?:[\s*_>#]|\p{Extended_Pictographic}|\uFE0F|\d{1,3}(?:\.\d{1,3})*[.)]?\s)*\b(${UNITS})\s+(${ID})(?![\w.])`, 'iu');
const TRAILING_UNIT = new RegExp(String.raw`(?:[—–(:;]|\s-)\s*(${UNITS})\s+(${ID})\)?\s*$`, 'iu');
const SEPARATORS = /^[\s:—–\-|.,)]+/;

export interface PhaseHeading {
  phase: Phase;
  /** Offsets of the heading block, for assigning items to their innermost phase. */
  start: number;
}

export function extractPhases(parsed: ParsedText): { roots: Phase[]; headings: PhaseHeading[] } {
  const { text, lineStarts } = parsed;
  const headings = parsed.blocks.filter((b): b is Block => b.kind === 'heading');
  const roots: Phase[] = [];
  const stack: Phase[] = [];
  const out: PhaseHeading[] = [];
  headings.forEach((h, i) => {
    const content = text.slice(h.contentStart, h.contentEnd).replace(/\s+/g, ' ').trim();
    const { kind, label, title } = classify(content);
    // A section runs to the next heading of the same or a higher level (lower depth).
    let sectionEnd = text.length;
    for (let j = i + 1; j < headings.length; j++) if (headings[j].depth <= h.depth) { sectionEnd = headings[j].start; break; }
    const phase: Phase = {
      kind, label, title, level: h.depth, inferred: h.inferred,
      range: rangeOf(lineStarts, h.contentStart, h.contentEnd),
      // Trailing whitespace is trimmed off a section, but never into its own heading: `# ` or `M\v` at the very end
      // of a text has whitespace inside the heading's range, and the section must still contain it.
      sectionRange: rangeOf(lineStarts, h.start, trimEnd(text, Math.max(h.start, h.contentEnd), sectionEnd)),
      children: [],
    };
    while (stack.length && stack[stack.length - 1].level >= h.depth) stack.pop();
    (stack.length ? stack[stack.length - 1].children : roots).push(phase);
    stack.push(phase);
    out.push({ phase, start: h.start });
  });
  return { roots, headings: out };
}

export function classify(content: string): { kind: PhaseKind; label: string; title: string } {
  const lead = LEADING_UNIT.exec(content);
  if (lead) {
    const title = content.slice(lead.index + lead[0].length).replace(SEPARATORS, '').trim();
    return { kind: lead[1].toLowerCase() as PhaseKind, label: unitLabel(lead[1], lead[2]), title };
  }
  const trail = TRAILING_UNIT.exec(content);
  if (trail) return { kind: trail[1].toLowerCase() as PhaseKind, label: unitLabel(trail[1], trail[2]), title: content };
  return { kind: 'section', label: content, title: content };
}

/** `task #538` → `Task 538`: the keyword capitalised, the id as written without `#`. */
function unitLabel(keyword: string, id: string): string {
  return `${keyword[0].toUpperCase()}${keyword.slice(1).toLowerCase()} ${id.replace(/^#/, '')}`;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

/** The label of the innermost phase containing `offset`: the last heading that starts at or before it. */
export function phaseLabelAt(headings: readonly PhaseHeading[], offset: number): string | null {
  let lo = 0;
  let hi = headings.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (headings[mid].start <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found < 0 ? null : headings[found].phase.label;
}
