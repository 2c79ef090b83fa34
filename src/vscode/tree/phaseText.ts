/**
 * What the Handoffs view and the heading lenses say of a phase (no `vscode` import, so it is unit-tested):
 *
 * - the label is what a reader scans: the unit and its name (`Phase 5 · Easy-playbook endpoints`), or a section's
 *   heading, without markup and shortened to what fits a sidebar (the full heading is in the tooltip);
 * - the description carries what the heading states beside its name — status and date — then the progress
 *   (`3/7 steps`, `2 later`, a GSD roadmap's `20%`) and what Problems says of the section (`1 unpushed · 2 stale`);
 * - the tooltip has the whole heading, and says why a phase opened (the current part) or stayed folded (history).
 *
 * Progress is the core's (../../core/extract/progress.ts): open steps are exactly what `unchecked-step` reports,
 * done steps include a log's finished history, `later` is a roadmap's open work. A superseded handoff shows no
 * step progress (its newer handoff says what is left), as the counts of ../counts.ts do.
 */
import type { PhasePart } from '../../core/extract/currentPart';
import type { Progress } from '../../core/extract/progress';
import type { Phase, PhaseStatus } from '../../core/model';
import type { Counts } from '../counts';

/** A label longer than this is cut at a word (the sidebar is narrow; the tooltip has it all). */
export const MAX_LABEL = 72;

const STATUS_WORDS: Record<PhaseStatus, string> = {
  done: 'done',
  'in-progress': 'in progress',
  blocked: 'blocked',
  failed: 'failed',
  superseded: 'superseded',
  deferred: 'deferred',
  next: 'next',
  planned: 'planned',
};

/** Raw Markdown markup a heading's title may still carry (`**`, `__`, `~~`, backticks), and runs of spaces. */
const MARKUP = /\*\*|__|~~|`/g;

export function plain(text: string): string {
  return text.replace(MARKUP, '').replace(/\s+/g, ' ').trim();
}

/** Cut at the last word boundary before `max`, with an ellipsis. */
export function shorten(text: string, max = MAX_LABEL): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:·—–-]+$/, '')}…`;
}

/** `Phase 5 · Easy-playbook endpoints`, `Wave 2` (a unit without a name of its own), `Current Position`. */
export function phaseLabel(p: Phase): string {
  const name = plain(p.name);
  if (p.kind === 'section') return shorten(name || plain(p.label));
  return shorten(name ? `${plain(p.label)} · ${name}` : plain(p.label));
}

/**
 * `3/7 steps · 2 later · 20%`: only the parts that say something. The tree reads `done/total steps` as a ratio
 * (`0/1 steps`, as it always has); the lens, a phrase, says `0/1 step`.
 */
export function progressText(progress: Progress | undefined, percent: number | null = null, singular = false): string {
  const parts: string[] = [];
  if (progress) {
    const total = progress.done + progress.open;
    // Nothing to do now but work for later (a roadmap): `3/3 steps` would read as finished.
    if (!progress.open && progress.later) {
      if (progress.done) parts.push(`${progress.done} done`);
    } else if (total) parts.push(`${progress.done}/${total} step${total === 1 && singular ? '' : 's'}`);
    if (progress.later) parts.push(`${progress.later} later`);
  }
  if (percent !== null) parts.push(`${percent}%`);
  return parts.join(' · ');
}

/** The section's Problems counts that are not steps: `1 unpushed · 2 stale`. */
function problemText(c: Pick<Counts, 'unpushed' | 'stale'>): string {
  return [c.unpushed ? `${c.unpushed} unpushed` : '', c.stale ? `${c.stale} stale` : ''].filter(Boolean).join(' · ');
}

/** The progress shown when a newer handoff supersedes this one: none (the newer one says what is left). */
export function shownProgress(progress: Progress | undefined, superseded: boolean): Progress | undefined {
  return superseded ? undefined : progress;
}

/** `in progress · 2026-05-09 · 1/3 steps · 1 unpushed · 1 stale`. */
export function phaseDescription(p: Phase, progress: Progress | undefined, counts: Pick<Counts, 'unpushed' | 'stale'>, percent: number | null = null): string {
  // A log entry titled by its date (`## 2026-05-07`) already shows it.
  const date = p.date && !phaseLabel(p).includes(p.date) ? p.date : '';
  return [p.status ? STATUS_WORDS[p.status] : '', date, progressText(progress, percent), problemText(counts)].filter(Boolean).join(' · ');
}

/** The heading lens: the description without what the heading itself already says (status, date). */
export function phaseLensText(progress: Progress | undefined, counts: Pick<Counts, 'unpushed' | 'stale'>, percent: number | null = null): string | null {
  return [progressText(progress, percent, true), problemText(counts)].filter(Boolean).join(' · ') || null;
}

/** The whole heading, then what the description abbreviates, and why the phase opened or stayed folded. */
export function phaseTooltip(p: Phase, progress: Progress | undefined, part: PhasePart | undefined, percent: number | null = null): string {
  const heading = p.kind === 'section' ? plain(p.title || p.label) : `${plain(p.label)}${p.title ? `: ${plain(p.title)}` : ''}`;
  const facts = [p.status ? `Status: ${STATUS_WORDS[p.status]}` : '', p.date ? `Dated ${p.date}` : ''].filter(Boolean).join(' · ');
  const steps = progress && (progress.done || progress.open || progress.later)
    ? `Steps: ${progress.done} done, ${progress.open} to do${progress.later ? `, ${progress.later} for later (roadmap)` : ''}`
    : '';
  const why = part === 'current' ? 'Current: where the work resumes'
    : part === 'history' ? 'History: a past part of the document (its claims are not checked as current, its steps are not to do)'
      : '';
  return [
    heading,
    facts,
    steps,
    percent !== null ? `${percent}% complete, as the front matter states` : '',
    why,
    `Line ${p.range.start.line + 1}${p.inferred ? ' (heading inferred from the text)' : ''}`,
  ].filter(Boolean).join('\n');
}
