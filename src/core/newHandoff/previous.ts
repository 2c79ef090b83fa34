/**
 * The previous handoff as a new one cites it: a link from the new file's folder, the commit it was written at, and
 * the steps still open in it — exactly those `unchecked-step` reports (extract/currentSteps.ts decides), none when
 * something newer supersedes it.
 */
import type { HandoffFacts } from '../facts/types';
import { dirname, normalizePath } from '../git/paths';
import { stepsToDo } from '../extract/currentSteps';
import type { HandoffModel } from '../model';
import { relativePath } from './markdown';
import type { CarriedStep, PreviousHandoff } from './types';

export interface PreviousAnalysis {
  /** Absolute path of the previous handoff. */
  path: string;
  model: Pick<HandoffModel, 'steps' | 'history' | 'phases'>;
  facts: Pick<HandoffFacts, 'anchor'> | null;
  supersededBy: string | null;
}

/** Markers a carried step keeps: they say more than "open". */
const KEPT_MARKERS = new Set(['[!]', '[~]', '[>]']);

export function previousHandoff(prev: PreviousAnalysis, newPath: string): PreviousHandoff {
  const path = normalizePath(prev.path);
  const steps: CarriedStep[] = prev.supersededBy !== null ? [] : stepsToDo(prev.model).map((s) => ({
    marker: s.marker && KEPT_MARKERS.has(s.marker) ? s.marker : '[ ]',
    text: s.text,
  }));
  return {
    link: relativePath(dirname(normalizePath(newPath)), path),
    name: path.split('/').pop() ?? path,
    anchor: prev.facts?.anchor?.sha ?? null,
    steps,
  };
}
