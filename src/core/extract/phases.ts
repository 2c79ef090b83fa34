/**
 * Headings, and the units named outside headings (`inlineUnits`), → the phase tree. A heading names a unit
 * when it starts (or ends) with a unit keyword and an id (see `unitLabels`); other headings are `section`s.
 *
 * Every node's section runs to the next heading or unit of the same or a higher level; a list item's, a closed
 * tag's and a `<details>` block's end where they end. A unit read from the text that has no words of its own
 * (`**Wave 1**` above its plans) is titled after what it groups, and dropped when it groups nothing: nothing
 * inferred is shown without text.
 */
import type { Phase } from '../model';
import type { ParsedText } from '../parse/blocks';
import { firstLineEnd, rangeOf } from '../parse/lines';
import { linesIn } from '../parse/tables';
import { classify } from './unitLabels';
import { inlineUnits, type PhaseEntry } from './inlineUnits';
import { dateIn, isStruck, markupFree, MAX_NAME, nameOf, nameOfPlain } from './phaseText';
import { statusIn } from './phaseStatus';
import { collapseSpaces } from './spaces';

export { classify } from './unitLabels';

export interface PhaseHeading {
  phase: Phase;
  /** Where its section starts and ends (trailing blank lines included), for placing items in it. */
  start: number;
  end: number;
  /** Index of the enclosing node in the list, or -1. */
  parent: number;
}

interface Entry extends PhaseEntry {
  inferred: boolean;
  /** The text that names it, markup kept: a heading's content, a line's text. */
  content: string;
}

/** A derived title is a hint, not a paragraph. */
const MAX_DERIVED_TITLE = 60;
/** How far to look for what an untitled unit groups. */
const MAX_LOOKAHEAD_BLOCKS = 20;
const MAX_LEVELS = 40;

export function extractPhases(parsed: ParsedText): { roots: Phase[]; headings: PhaseHeading[] } {
  const { text, lineStarts } = parsed;
  const entries = [...headingEntries(parsed), ...inlineUnits(parsed).map((u) => inlineEntry(text, u))]
    .sort((a, b) => a.start - b.start || a.level - b.level);
  const kept = entries.filter((e, i) => e.title !== '' || !e.inferred || titleFromContext(parsed, e, nextPeerStart(entries, i, text.length)));
  const ends = flowEnds(kept, text.length);

  const roots: Phase[] = [];
  const out: PhaseHeading[] = [];
  const stack: number[] = [];
  kept.forEach((e, i) => {
    while (stack.length && out[stack[stack.length - 1]].end <= e.start) stack.pop();
    const parent = stack.length ? stack[stack.length - 1] : -1;
    const end = parent >= 0 ? Math.min(ends[i], out[parent].end) : ends[i];
    const phase = toPhase(text, lineStarts, e, end);
    (parent >= 0 ? out[parent].phase.children : roots).push(phase);
    out.push({ phase, start: e.start, end, parent });
    stack.push(i);
  });
  return { roots, headings: out };
}

function headingEntries(parsed: ParsedText): Entry[] {
  const { text, blocks } = parsed;
  const out: Entry[] = [];
  blocks.forEach((h, i) => {
    if (h.kind !== 'heading') return;
    const content = collapseSpaces(text.slice(h.contentStart, h.contentEnd)).trim();
    const { kind, label, title } = classify(content);
    out.push({
      kind, label, title, status: null, start: h.start, rangeStart: h.contentStart, rangeEnd: h.contentEnd, end: null,
      level: h.depth, block: i, linesAfter: false, inferred: h.inferred, content,
    });
  });
  return out;
}

function inlineEntry(text: string, u: PhaseEntry): Entry {
  return { ...u, inferred: true, content: text.slice(u.rangeStart, u.rangeEnd) };
}

function toPhase(text: string, lineStarts: readonly number[], e: Entry, end: number): Phase {
  const plain = markupFree(e.content);
  return {
    kind: e.kind,
    label: e.label,
    title: e.title,
    // A section titled only by a date or a status (`## 2026-05-07`) keeps those words: a name is never empty.
    name: e.name ?? (e.kind === 'section' ? nameOfPlain(plain) || cutName(plain) : nameOf(e.title)),
    date: dateIn(plain),
    status: e.status ?? statusIn(plain, isStruck(e.content)),
    level: e.level,
    range: rangeOf(lineStarts, e.rangeStart, e.rangeEnd),
    // Trailing whitespace is trimmed off a section, but never into its own heading: `# ` or `M\v` at the very end
    // of a text has whitespace inside the heading's range, and the section must still contain it.
    sectionRange: rangeOf(lineStarts, e.start, trimEnd(text, Math.max(e.start, e.rangeEnd), end)),
    inferred: e.inferred,
    children: [],
  };
}

/**
 * Where each entry's section ends: a fixed end as its source gives it, else before the next entry of the same
 * or a higher level among those whose ends flow (headings, lines). One pass from the end, keeping for every level
 * the nearest such entry: linear (levels are capped).
 */
function flowEnds(entries: readonly Entry[], textEnd: number): number[] {
  const ends = new Array<number>(entries.length);
  const nearest = new Array<number>(MAX_LEVELS + 1).fill(textEnd);
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    const level = Math.min(Math.max(e.level, 1), MAX_LEVELS);
    ends[i] = e.end ?? nearest[level];
    if (e.end === null) for (let l = level; l <= MAX_LEVELS; l++) nearest[l] = e.start;
  }
  return ends;
}

/**
 * Titles a unit that has no text of its own after what it groups: the next line of its paragraph, or the first
 * item of the list under it (`01-01-PLAN.md — Walking skeleton (+1 more)`), or the first line of the paragraph
 * under it. False when it groups nothing before the next unit.
 */
function titleFromContext(parsed: ParsedText, e: Entry, limit: number): boolean {
  const { text, blocks } = parsed;
  const own = blocks[e.block];
  if (e.linesAfter && own) {
    const next = linesIn(text, e.rangeEnd, own.contentEnd).map((l) => nameOf(text.slice(l.start, l.end))).find(Boolean);
    if (next) { e.title = cut(next); return true; }
  }
  for (let j = e.block + 1; j < blocks.length && j <= e.block + MAX_LOOKAHEAD_BLOCKS; j++) {
    const b = blocks[j];
    if (b.start >= limit || b.kind === 'heading') return false;
    if (b.kind === 'listItem') {
      let items = 0;
      for (let k = j; k < blocks.length && blocks[k].start < limit; k++) {
        const x = blocks[k];
        if (x.kind === 'listItem' && x.list === b.list && x.depth === b.depth) items++;
        else if (x.kind !== 'listItem' && x.kind !== 'paragraph' && x.kind !== 'code') break;
      }
      const first = nameOf(text.slice(b.contentStart, firstLineEnd(text, b.contentStart, b.contentEnd)));
      if (!first) return false;
      e.title = `${cut(first)}${items > 1 ? ` (+${items - 1} more)` : ''}`;
      return true;
    }
    if (b.kind === 'paragraph') {
      const first = nameOf(text.slice(b.contentStart, firstLineEnd(text, b.contentStart, b.contentEnd)));
      if (first) { e.title = cut(first); return true; }
    }
  }
  return false;
}

/** Where the next unit of the same or a higher level starts: what an untitled unit groups lies before it. */
function nextPeerStart(entries: readonly Entry[], i: number, textEnd: number): number {
  for (let j = i + 1; j < entries.length && j <= i + MAX_LOOKAHEAD_BLOCKS; j++) if (entries[j].level <= entries[i].level) return entries[j].start;
  return i + 1 < entries.length && i + 1 + MAX_LOOKAHEAD_BLOCKS < entries.length ? entries[i + 1 + MAX_LOOKAHEAD_BLOCKS].start : textEnd;
}

function cutName(s: string): string {
  return s.length <= MAX_NAME ? s : `${s.slice(0, MAX_NAME - 1)}…`;
}

function cut(s: string): string {
  if (s.length <= MAX_DERIVED_TITLE) return s;
  const space = s.lastIndexOf(' ', MAX_DERIVED_TITLE - 1);
  return `${s.slice(0, space > 20 ? space : MAX_DERIVED_TITLE - 1)}…`;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

/** The label of the innermost phase whose section holds `offset`. */
export function phaseLabelAt(headings: readonly PhaseHeading[], offset: number): string | null {
  let lo = 0;
  let hi = headings.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (headings[mid].start <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  while (found >= 0 && headings[found].end <= offset) found = headings[found].parent;
  return found < 0 ? null : headings[found].phase.label;
}
