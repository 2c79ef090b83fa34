/**
 * Every quick fix for a handoff, from its text, model and facts (src/core/fixes/*): renamed files, SHAs too short
 * or ambiguous, vanished commits, contradicted ref claims, steps to tick. Pure: the editor turns them into
 * CodeActions; "Fix all safe problems" applies the safe ones at once.
 */
import type { Position, Range } from '../model';
import { commitFixes } from './commits';
import { renameFixes } from './files';
import { refFixes } from './refs';
import { refsGoneWithCommit } from '../rules/staleRef';
import { stepFixes } from './steps';
import { FixText } from './text';
import type { Fix, FixInput, TextEdit } from './types';

export type { Fix, FixInput, FixKind, TextEdit } from './types';
export { breadcrumbText, type BreadcrumbTarget } from './files';
export { doneStyle, stepEdits, tickable, type DoneStyle } from './steps';
export { FixText } from './text';

/** Every fix for the document, in document order of the item each is about (`steps: false`: none for steps). */
export function computeFixes(input: FixInput, options: { steps?: boolean } = {}): Fix[] {
  const text = new FixText(input.text);
  const out: Fix[] = options.steps === false ? [] : [...stepFixes(text, input.model)];
  const facts = input.facts;
  if (facts) {
    out.push(...renameFixes(text, input.model.files, facts, input.documentPath));
    out.push(...commitFixes(text, input.model.commits, facts, refsGoneWithCommit(input.model.refs, facts.refs)));
    out.push(...refFixes(text, input.model.refs, facts));
  }
  return out.sort((a, b) => compare(a.at[0]!.start, b.at[0]!.start));
}

const compare = (a: Position, b: Position) => a.line - b.line || a.character - b.character;

/** Whether two ranges share a position (an empty range touching another counts: the cursor on an item). */
export function touches(a: Range, b: Range): boolean {
  return compare(a.start, b.end) <= 0 && compare(b.start, a.end) <= 0;
}

/** The fixes offered at a range (a cursor, a selection, a diagnostic's or a tree node's range). */
export function fixesAt(fixes: readonly Fix[], range: Range): Fix[] {
  return fixes.filter((f) => f.at.some((r) => touches(r, range)));
}

/**
 * The edits of every safe fix, as one set that applies cleanly: sorted, each range once, none overlapping
 * another (the later is left for a second run).
 */
export function safeEdits(fixes: readonly Fix[]): TextEdit[] {
  const edits = fixes.filter((f) => f.safe).flatMap((f) => f.edits).sort((a, b) => compare(a.range.start, b.range.start) || compare(a.range.end, b.range.end));
  const out: TextEdit[] = [];
  for (const e of edits) {
    const last = out[out.length - 1];
    if (last && compare(e.range.start, last.range.end) < 0) continue;
    if (last && compare(e.range.start, last.range.start) === 0 && compare(e.range.end, last.range.end) === 0) continue;
    out.push(e);
  }
  return out;
}

/** Applies edits to a text (tests, a CLI `--fix`): ranges are of the text as given, applied from the end. */
export function applyEdits(original: string, edits: readonly TextEdit[]): string {
  const text = new FixText(original);
  let out = text.text;
  const sorted = [...edits].sort((a, b) => compare(b.range.start, a.range.start));
  for (const e of sorted) {
    const a = text.offsetAt(e.range.start);
    const b = text.offsetAt(e.range.end);
    if (a < 0 || b < a) continue;
    out = out.slice(0, a) + e.newText + out.slice(b);
  }
  return out;
}

/** The ranges of the items a fix applies to, steps aside (the Handoffs view marks those items "fixable"). */
export function fixableRanges(input: FixInput): Range[] {
  return input.facts ? computeFixes(input, { steps: false }).flatMap((f) => f.at) : [];
}
