/**
 * Which unit a line names. A heading (or a bold line, a list item) names a unit when it starts with a unit
 * keyword and an id (`Phase 5 — …`, `Task 76: …`, `## Pass 150`, `Wave D.2`, `Phase 1B`, `Phase 2.1`,
 * `Milestone v1.1`), possibly after numbering, emoji or markup, or ends with one (`Current Session Summary
 * (2025-12-31 - Session 12)`, `Next slice — INTAKE-1 — task #538`). A dated session (`This session (2026-05-09)`,
 * `Session 2026-05-09: …`) is a session with the date as its id, and a GSD milestone (`v1.0 MVP (Phases 1-4) —
 * SHIPPED`) a milestone with its version. Plurals and ranges (`Phases 1-5`, `Sessions 1-4`) are not units.
 */
import type { PhaseKind } from '../model';
import { markupFree } from './phaseText';
import { statusIn } from './phaseStatus';
import { memoized } from '../memo';

export const UNIT_WORDS = 'phase|wave|task|session|step|milestone|pass|sprint|campaign|iteration|stage|plan|priority|epic|story|ticket';
const ID = String.raw`#?(?:v\d+(?:\.\d+)*|[A-Z]{1,3}\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)*[a-zA-Z]?|[A-Z](?:\.\d+)*)(?![\w-]*[–-]\d)`;
/**
 * What may come before the unit: markup, emoji, numbering (`4.`), and in a dated log or a status line a date or a
 * bracketed status (`2026-05-02 — Phase 3: …`, `[DONE] Task 4: …`).
 */
const LEAD = String.raw`^(?:[\s*_>#~]|\p{Extended_Pictographic}|\uFE0F|\d{1,3}(?:\.\d{1,3})*[.)]?\s|(?:19|20)\d{2}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2})?\s*[—–:|-]?\s|\[[A-Za-z ]{2,20}\]\s)*`;
const LEADING_UNIT = new RegExp(String.raw`${LEAD}\b(${UNIT_WORDS})\s+(${ID})(?![\w.])`, 'iu');
/** A unit at the end, before any status marker or short remark: `Current summary (2025-12-31 - Session 12)`, `Export — Phase 3 ✅ (done)`. */
const TRAILING_UNIT = new RegExp(String.raw`(?:[—–(:;]|\s-)\s*(${UNIT_WORDS})\s+(${ID})\)?(?:\s*(?:\p{Extended_Pictographic}|\uFE0F|\([^()\n]{1,30}\)|\[[^\]\n]{1,20}\]))*\s*$`, 'iu');
const DATE = String.raw`((?:19|20)\d{2}-\d{2}-\d{2})`;
/** `This session (2026-05-09)`, `Session 2026-05-09 — …`, `Latest session: 2026-05-09`. */
const DATED_SESSION = new RegExp(String.raw`${LEAD}(?:(?:this|current|latest|last|today'?s|previous|prior)\s+)?session\b[\s*_]*[(:—–-]?[\s*_]*${DATE}\b\)?`, 'iu');
/** `v1.0 MVP (Phases 1-4) — SHIPPED …`: a version, a name, and a status or the phases it spans. */
const VERSION_LEAD = new RegExp(String.raw`${LEAD}(v\d+(?:\.\d+){0,3})\b`, 'u');
const SPANS_PHASES = /\bphases?\s+\d/i;
const SEPARATORS = /^[\s:—–\-|.,)*_~]+/;
/** Every unit names a keyword or a version: without one, a line names none. */
const UNIT_HINT = new RegExp(String.raw`\b(?:${UNIT_WORDS})\b|\bv\d`, 'i');

export interface UnitLabel {
  kind: PhaseKind;
  label: string;
  /** What follows the label, as written (the whole text when the unit is named at its end). */
  title: string;
  /** Offset in the text just after the label (0 when named at the end): where the title starts. */
  labelEnd: number;
}

/** The unit a heading's text names, or a `section` labelled with the markup-free text. */
export const classify: (content: string) => Readonly<{ kind: PhaseKind; label: string; title: string }> = memoized((content) => {
  // A heading's title, asked of every heading of every handoff (memo.ts): the answer is shared, so frozen.
  const unit = unitAt(content);
  return Object.freeze(unit ? { kind: unit.kind, label: unit.label, title: unit.title } : { kind: 'section', label: markupFree(content), title: content });
});

/** The unit named at the start (or end) of the text, or null. */
export function unitAt(content: string): UnitLabel | null {
  const text = content.slice(0, 2_000);
  // Most lines name no unit: refuse them with one cheap search before the anchored patterns.
  if (!UNIT_HINT.test(text)) return null;
  const lead = LEADING_UNIT.exec(text);
  if (lead && plausibleId(lead[1], lead[2])) return unit(lead[1], lead[2], text, lead.index + lead[0].length);
  const session = DATED_SESSION.exec(text);
  if (session) {
    // `This session (2026-05-09)`: the date is the id, and the words around it stay the title.
    const dated = unit('session', session[1], text, session.index + session[0].length);
    return dated.title ? dated : { ...dated, title: content };
  }
  const version = VERSION_LEAD.exec(text);
  if (version) {
    const rest = markupFree(text.slice(version.index + version[0].length));
    if (SPANS_PHASES.test(rest) || statusIn(markupFree(text))) return unit('milestone', version[1], text, version.index + version[0].length);
  }
  const trail = TRAILING_UNIT.exec(text);
  if (trail && plausibleId(trail[1], trail[2])) return { kind: trail[1].toLowerCase() as PhaseKind, label: unitLabel(trail[1], trail[2]), title: content, labelEnd: 0 };
  return null;
}

/** A unit named only at the start of the text, the way a list item or a bold line names one (`Phase 2: …`). */
export function leadingUnit(content: string): UnitLabel | null {
  const u = unitAt(content);
  return u && u.labelEnd > 0 ? u : null;
}

/** `Plan A vs Plan B` weighs alternatives: a letter alone names a wave or a phase (`Wave D`), not a plan or a story. */
function plausibleId(keyword: string, id: string): boolean {
  return !/^[A-Z]$/.test(id) || !/^(?:plan|priority|epic|story|ticket|iteration|stage)$/i.test(keyword);
}

function unit(keyword: string, id: string, text: string, labelEnd: number): UnitLabel {
  return {
    kind: keyword.toLowerCase() as PhaseKind,
    label: unitLabel(keyword, id),
    title: text.slice(labelEnd).replace(SEPARATORS, '').trim(),
    labelEnd,
  };
}

/** `task #538` → `Task 538`: the keyword capitalised, the id as written without `#`. */
export function unitLabel(keyword: string, id: string): string {
  return `${keyword[0].toUpperCase()}${keyword.slice(1).toLowerCase()} ${id.replace(/^#/, '')}`;
}
