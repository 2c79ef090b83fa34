/**
 * Which breadcrumbs get a CodeLens. Every breadcrumb is already a link with a hover, so a lens that only repeats
 * "Open app.ts:10" doubles the height of a long handoff and says nothing new. By default (`news`) a breadcrumb
 * gets a lens only when it has something to say: its file moved, its line drifted, its name is ambiguous, its file
 * is gone, or its line is past the end. `all` keeps one lens per breadcrumb (the old density); `off` none.
 * Pure (no `vscode` import), unit-tested in test/unit/vscode-lens-density.test.ts.
 */
import type { FileFact } from '../../core/facts/types';
import type { FileBreadcrumb } from '../../core/model';
import { driftOf } from './drift';

export const BREADCRUMB_LENS_MODES = ['news', 'all', 'off'] as const;
export type BreadcrumbLensMode = (typeof BREADCRUMB_LENS_MODES)[number];

/** What a breadcrumb's lens would tell beyond its link; null when it simply works. */
export type BreadcrumbNews = 'moved' | 'drifted' | 'ambiguous' | 'gone' | 'out-of-range';

export interface BreadcrumbState {
  crumb: FileBreadcrumb;
  /** How many files it points at (0: none, >1: an ambiguous bare name). */
  targets: number;
  /** What the repository says of it (undefined without git). */
  fact: FileFact | undefined;
  /** Problems reports its line past the end of the file (line-out-of-range at the breadcrumb). */
  outOfRange: boolean;
}

/**
 * The news a breadcrumb carries, most telling first. A file that is not there is news unless the document itself
 * already says so (planned, removed, renamed, struck through, elsewhere): the reader has been told.
 */
export function breadcrumbNews(s: BreadcrumbState): BreadcrumbNews | null {
  if (s.crumb.external) return null;
  if (s.fact?.kind === 'gone' && s.fact.movedTo) return 'moved';
  if (driftOf(s.fact)) return 'drifted';
  if (s.targets > 1) return 'ambiguous';
  if (s.targets === 0) return s.crumb.qualifier === null || s.fact?.kind === 'gone' ? 'gone' : null;
  if (s.outOfRange) return 'out-of-range';
  return null;
}

/** Whether the breadcrumb gets a lens at this density. External references (URLs, absolute paths) never do. */
export function wantsBreadcrumbLens(mode: BreadcrumbLensMode, s: BreadcrumbState): boolean {
  if (mode === 'off' || s.crumb.external) return false;
  return mode === 'all' || breadcrumbNews(s) !== null;
}

/** The lens over a breadcrumb whose line is past the end: "$(warning) app.py:999 past the end (120 lines) · Open". */
export function outOfRangeLensTitle(crumb: FileBreadcrumb, fact: FileFact | undefined): string {
  const name = crumb.path.split(/[\\/]/).pop() || crumb.path;
  const lines = fact?.kind === 'found' && fact.lines !== null && !fact.linesAtLeast ? ` (${fact.lines} line${fact.lines === 1 ? '' : 's'})` : '';
  return `$(warning) ${name}:${crumb.line ?? ''} past the end${lines} · Open`;
}
