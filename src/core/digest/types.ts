/**
 * What a resuming session needs from a handoff, checked: the digest's plain data. Composed purely from the model,
 * the facts the analysis gathered and the repository's working state (items.ts), rendered within a byte bound
 * (render.ts). Same repository state and text → same entries → same bytes.
 */
import type { HandoffFacts } from '../facts/types';
import type { TouchingResult, WorkingState } from '../git/provider';
import type { HandoffModel } from '../model';

/** What became of an item the handoff states: still true, true no more but traceable, or gone. */
export type Verdict = 'holds' | 'changed' | 'gone';

/**
 * The digest's parts, in the order a resuming session needs them (and the order truncation spares them):
 * the repository now, what no longer holds, the open steps, what happened since, then what still holds.
 */
export const DIGEST_SECTIONS = ['repository', 'changed', 'steps', 'since', 'holds'] as const;
export type DigestSection = (typeof DIGEST_SECTIONS)[number];

export const SECTION_TITLES: Record<DigestSection, string> = {
  repository: 'Repository now',
  changed: 'No longer as written',
  steps: 'Open steps',
  since: 'Not in the handoff: since it was written',
  holds: 'Still holds',
};

export interface DigestEntry {
  section: DigestSection;
  /** For claims and breadcrumbs; null for plain facts (the branch, an open step, a commit since). */
  verdict: Verdict | null;
  /** One line, Markdown inline code for SHAs and paths. */
  text: string;
  /** Why the verdict: what the repository shows (`deleted by a1b2c3d "Drop the old parser"`), or null. */
  evidence: string | null;
  /** 1-based line in the handoff where it is written, or null. */
  line: number | null;
}

/** The commits on HEAD since the handoff's anchor, newest first (bounded). */
export interface CommitsSince {
  commits: Array<{ sha: string; subject: string }>;
  total: number;
}

export interface DigestInput {
  /** The handoff's path as shown (repository-relative when inside it). */
  path: string;
  model: HandoffModel;
  /** null: parse-only (no git, untrusted workspace). */
  facts: HandoffFacts | null;
  supersededBy: string | null;
  /** The repository now; null when git was not asked or did not answer (`note` says why). */
  working: WorkingState | null;
  commitsSince: CommitsSince | null;
  /** Which commits since touch the cited files (GitProvider.touching); null or absent when not known. */
  touching?: TouchingResult | null;
  /** Why there are no repository facts (`git was not asked (--no-git)`), or null. */
  note: string | null;
}

export interface Digest {
  handoff: {
    path: string;
    title: string | null;
    date: string | null;
    /** The commit the handoff is judged from (full SHA), with how it was found, or null. */
    anchor: { sha: string; subject: string; how: string } | null;
    supersededBy: string | null;
    /** Counts over the claims and breadcrumbs judged. */
    counts: Record<Verdict, number>;
  };
  /** Why the repository facts are missing, or null. */
  note: string | null;
  entries: DigestEntry[];
}
