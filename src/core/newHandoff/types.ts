/** What a new handoff is composed from: plain data gathered by the host (gather.ts, previous.ts), read by compose.ts. */
import type { WorkingState } from '../git/provider';

export interface PreviousHandoff {
  /** Link target from the new handoff's folder (`../../HANDOFF.md`, `2026-05-01-x.md`), `/` separators. */
  link: string;
  /** Its file name, the link's text. */
  name: string;
  /** The commit it was written at (full SHA); null when it was never committed or git was not read. */
  anchor: string | null;
  /** Its open steps (what `unchecked-step` reports), in order, as they are to be written again. */
  steps: CarriedStep[];
}

export interface CarriedStep {
  /** `[ ]`, or the marker as written when it says more (`[!]` blocked, `[~]` in progress). */
  marker: string;
  /** The step's text as written (one line). */
  text: string;
}

export interface NewHandoffInput {
  /** `YYYY-MM-DD`. */
  date: string;
  slug: string;
  /** The repository's (or folder's) name, for the `repository:` field. */
  repository: string | null;
  /** What git said; null when it was not asked. */
  git: WorkingState | null;
  /** Why git was not asked or did not answer, when `git` is null (`the workspace is not trusted`). */
  gitNote: string | null;
  /** The newest handoff before this one, or null. */
  previous: PreviousHandoff | null;
}
