/**
 * Checks that every item of a model points at exactly what was found: the text at a commit's range is its
 * SHA, at a file's range starts with its path, at a phase's range is its heading text, and so on.
 * Returns the mismatches (empty when all are exact) so a test can show them all at once.
 */
import type { HandoffModel, Phase, Position, Range, Step } from '../../../src/core/model';
import { markupFree } from '../../../src/core/extract/phaseText';

export function textAt(text: string, range: Range): string | null {
  const lines = text.split(/\r\n|\r|\n/);
  const { start, end } = range;
  if (start.line >= lines.length || end.line >= lines.length) return null;
  if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
  return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
}

export function flatPhases(phases: readonly Phase[]): Phase[] {
  return phases.flatMap((p) => [p, ...flatPhases(p.children)]);
}

/** `text` must be the analysed text (BOM removed). */
export function rangeMismatches(text: string, model: HandoffModel): string[] {
  const bad: string[] = [];
  const check = (what: string, range: Range, ok: (s: string) => boolean) => {
    const s = textAt(text, range);
    if (s === null || !ok(s)) bad.push(`${what}: text at range is ${JSON.stringify(s)}`);
  };
  for (const c of model.commits) check(`commit ${c.sha}`, c.range, (s) => s === c.sha);
  for (const f of model.files) {
    // A breadcrumb broken across a line is joined in `path`; the basename is always in the range's text.
    const base = f.path.replace(/\/$/, '').split('/').pop() ?? f.path;
    check(`file ${f.path}`, f.range, (s) => s.replace(/\s*\n\s*/g, '').includes(f.path) || s.includes(base));
  }
  for (const r of model.refs) {
    // A sentence may capitalise a branch (`Main is at …`); git's name is the written one, case folded.
    // A remote claim (`Remote (origin) is at …`) is named `origin/<branch>` but points at the branch as written.
    check(`ref ${r.name}`, r.range, (s) => s.toLowerCase() === r.name.toLowerCase() || (r.kind === 'remote' && r.name.toLowerCase().endsWith(`/${s.toLowerCase()}`)));
    if (r.shaRange && 'sha' in r.claim) check(`ref ${r.name} sha`, r.shaRange, (s) => s === (r.claim as { sha: string }).sha);
  }
  for (const st of model.steps) check(`step ${st.text.slice(0, 30)}`, st.range, (s) => stepAt(st, s.replace(/\s+/g, ' ')));
  for (const p of flatPhases(model.phases)) {
    // A section's label is its heading without markup, on one line (a setext heading may span several); a unit's range holds its keyword or its id (`v1.0` of
    // `Milestone v1.0`, `2.1` of Kiro's `Task 2.1`, `03-02` of GSD's `Plan 03-02`).
    const [keyword, id = ''] = p.label.split(' ');
    check(`phase ${p.label}`, p.range, (s) => (p.kind === 'section'
      // Trimmed first, as the label is: an indented setext line's range may start at its indentation, and at the
      // label's length cap (1,000 characters) a leading blank would shift the cut by one.
      ? markupFree(s.replace(/\s+/g, ' ').trim()) === p.label && markupFree(s).toLowerCase().includes(keyword.toLowerCase())
      : s.toLowerCase().includes(keyword.toLowerCase()) || (id !== '' && s.includes(id))));
  }
  return bad;
}

const notAfter = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);

/** Whether `inner` lies within `outer` (ends included). */
export function rangeContains(outer: Range, inner: Range): boolean {
  return notAfter(outer.start, inner.start) && notAfter(inner.end, outer.end);
}

/** The text at a step's range starts as its kind starts (a checkbox, a number, a bullet) and ends with its text. */
function stepAt(st: Step, flat: string): boolean {
  const ends = flat.endsWith(st.text.slice(-20).trimEnd());
  switch (st.kind) {
    case 'checkbox': return flat.startsWith(st.marker ?? '[') && ends;
    case 'numbered': return /^(?:\d{1,9}[.)]|step\s)/i.test(flat) && ends;
    case 'bullet': return /^[-*+]\s/.test(flat) && ends;
    case 'row': return st.text.split(' — ').every((cell) => flat.includes(cell));
    case 'paragraph': return ends;
    case 'todo': return flat === st.text;
    default: return false;
  }
}
