/**
 * Ticking a step, and unticking it (the Handoffs view's checkboxes). A checkbox step changes its box: `[ ]`,
 * `[>]`, `[!]` → `[x]`, and back to `[ ]`. A numbered resume step has no box: it is marked done the way the
 * document already marks done items — `~~struck~~`, a ✅ before or after, `(done)`, or a `[x]` box — judged from
 * its numbered steps already done, else from its other list items; with no example, ` ✅` is appended (the mark
 * the step extractor reads as done). Unmarking removes the mark it finds.
 */
import type { HandoffModel, Step } from '../model';
import { FixText } from './text';
import type { Fix, TextEdit } from './types';

export type DoneStyle =
  | { kind: 'checkbox' }
  | { kind: 'struck' }
  | { kind: 'mark'; mark: string; where: 'prefix' | 'suffix' };

export const DEFAULT_DONE_STYLE: DoneStyle = { kind: 'mark', mark: '✅', where: 'suffix' };

const MARKS = ['✅', '✔️', '✔', '☑️', '☑', '(done)', '(completed)', '(complete)'];
const NUMBER = /^(\d+[.)])([ \t]+)/;
const LIST_ITEM = /^\s{0,12}(?:[-*+]|\d+[.)])[ \t]+(.*)$/;
const FENCE = /^\s{0,3}(```|~~~)/;
/** Lines scanned for the document's own way of marking done items, at most. */
const MAX_STYLE_LINES = 20_000;

/** How a list item's content shows it is done, or null. */
function styleOf(content: string): DoneStyle | null {
  const c = content.trim();
  if (/^\[[xX]\]/.test(c)) return { kind: 'checkbox' };
  if (/^~~[^~]+~~/.test(c)) return { kind: 'struck' };
  for (const mark of MARKS) {
    if (c.startsWith(mark)) return { kind: 'mark', mark, where: 'prefix' };
    if (c.endsWith(mark)) return { kind: 'mark', mark, where: 'suffix' };
  }
  return null;
}

const keyOf = (s: DoneStyle) => (s.kind === 'mark' ? `${s.mark} ${s.where}` : s.kind);

/** The most frequent style among the examples, the first seen winning a tie; null without an example. */
function commonest(examples: DoneStyle[]): DoneStyle | null {
  const counts = new Map<string, { style: DoneStyle; n: number }>();
  for (const s of examples) {
    const entry = counts.get(keyOf(s));
    if (entry) entry.n++;
    else counts.set(keyOf(s), { style: s, n: 1 });
  }
  let best: { style: DoneStyle; n: number } | null = null;
  for (const e of counts.values()) if (!best || e.n > best.n) best = e;
  return best?.style ?? null;
}

/** The content of a numbered step after its number (`2. ` → the rest), with where it starts. */
function numberedContent(text: FixText, s: Step): { start: number; content: string } | null {
  const written = text.slice(s.range);
  const m = written === null ? null : NUMBER.exec(written);
  if (!m || written === null) return null;
  const skip = m[1]!.length + m[2]!.length;
  return { start: s.range.start.character + skip, content: written.slice(skip) };
}

/** How this document marks done items: its numbered steps done first, then any list item marked done. */
export function doneStyle(text: FixText, model: HandoffModel): DoneStyle {
  const fromSteps = model.steps
    .filter((s) => s.kind === 'numbered' && s.state === 'done')
    .map((s) => numberedContent(text, s))
    .map((c) => (c ? styleOf(c.content) : null))
    .filter((s): s is DoneStyle => s !== null);
  const steps = commonest(fromSteps);
  if (steps) return steps;
  const examples: DoneStyle[] = [];
  let fenced = false;
  for (let n = 0; n < Math.min(text.lineCount, MAX_STYLE_LINES); n++) {
    const line = text.line(n);
    if (FENCE.test(line)) fenced = !fenced;
    const item = fenced ? null : LIST_ITEM.exec(line);
    const style = item ? styleOf(item[1]!) : null;
    if (style) examples.push(style);
  }
  return commonest(examples) ?? DEFAULT_DONE_STYLE;
}

function describe(style: DoneStyle): string {
  return style.kind === 'checkbox' ? '[x]' : style.kind === 'struck' ? '~~struck~~' : style.mark;
}

/** The edits that mark a step done (`done`) or not done; null when its text is not what the model says. */
export function stepEdits(text: FixText, s: Step, done: boolean, style: DoneStyle): TextEdit[] | null {
  if (s.kind === 'checkbox') {
    const marker = s.marker ?? '';
    const range = FixText.on(s.range.start.line, s.range.start.character, s.range.start.character + marker.length);
    if (!marker || text.slice(range) !== marker) return null;
    return [{ range, newText: done ? '[x]' : '[ ]' }];
  }
  const c = numberedContent(text, s);
  if (!c) return null;
  const line = s.range.start.line;
  const end = s.range.end.character;
  return done ? markDone(line, c.start, end, c.content, style) : unmark(line, c.start, c.content);
}

function markDone(line: number, start: number, end: number, content: string, style: DoneStyle): TextEdit[] {
  const at = (ch: number, newText: string): TextEdit => ({ range: FixText.on(line, ch, ch), newText });
  if (style.kind === 'checkbox') return [at(start, '[x] ')];
  if (style.kind === 'struck') return [at(start, '~~'), at(end, '~~')];
  return style.where === 'prefix' ? [at(start, `${style.mark} `)] : [at(end, `${content.endsWith(' ') ? '' : ' '}${style.mark}`)];
}

/** Removes the done mark the step extractor read: a leading box, strike-through, ✅ or `(done)`, or a DONE. */
function unmark(line: number, start: number, content: string): TextEdit[] | null {
  const cut = (from: number, to: number): TextEdit => ({ range: FixText.on(line, start + from, start + to), newText: '' });
  const box = /^\[[xX]\][ \t]*/.exec(content);
  if (box) return [cut(0, box[0].length)];
  const struck = /^~~([^~]+)~~/.exec(content);
  if (struck) return [cut(0, 2), cut(2 + struck[1]!.length, 4 + struck[1]!.length)];
  for (const mark of MARKS) {
    if (content.startsWith(mark)) return [cut(0, mark.length + (/^[ \t]+/.exec(content.slice(mark.length))?.[0].length ?? 0))];
    const tail = new RegExp(`[ \\t]*${mark.replace(/[()]/g, '\\$&')}$`).exec(content);
    if (tail) return [cut(tail.index, content.length)];
  }
  const lead = /^(?:\*\*DONE\*\*|DONE)[:\s\-–—]*/.exec(content);
  if (lead) return [cut(0, lead[0].length)];
  const trail = /[\s\-–—]*(?:\*\*DONE\*\*|DONE)[.!]?$/.exec(content);
  if (trail) return [cut(trail.index, content.length)];
  return null;
}

/** Whether a step can be ticked: not done and not superseded (`[-]`: dropped on purpose). */
export const tickable = (s: Step): boolean => s.state !== 'done' && s.state !== 'superseded';

/** "Mark step done" for every step still to tick. */
export function stepFixes(text: FixText, model: HandoffModel): Fix[] {
  const candidates = model.steps.filter(tickable);
  if (!candidates.length) return [];
  const style = candidates.some((s) => s.kind === 'numbered') ? doneStyle(text, model) : DEFAULT_DONE_STYLE;
  const out: Fix[] = [];
  for (const s of candidates) {
    const edits = stepEdits(text, s, true, style);
    if (!edits) continue;
    const how = s.kind === 'checkbox' ? '[x]' : describe(style);
    out.push({ kind: 'step', title: `Mark step done (${how})`, code: 'unchecked-step', at: [s.range], edits, safe: false, preferred: true });
  }
  return out;
}
