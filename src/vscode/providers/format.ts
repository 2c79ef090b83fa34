/**
 * Pure text for the providers: CodeLens titles, relative dates and commit-state wording. No `vscode` import,
 * so every string a user reads is unit-tested without a running editor (test/unit/vscode-providers-*.test.ts).
 */
import type { CommitDetails } from '../../core/git';
import type { CommitState } from '../../core/facts/types';
import type { FileBreadcrumb } from '../../core/model';

/** Narrows the store's `commitState` (typed `unknown` in the contract) to the core's CommitState. */
export function asCommitState(value: unknown): CommitState | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const status = (value as { status?: unknown }).status;
  return status === 'ok' || status === 'unpushed' || status === 'unknown' || status === 'ambiguous' || status === 'shallow-unknown'
    || status === 'elsewhere'
    ? (value as CommitState)
    : undefined;
}

/** The SHA to act on: the resolved full SHA when git resolved it, else null (never guess from a prefix). */
export function resolvedSha(state: CommitState | undefined): string | null {
  return state && (state.status === 'ok' || state.status === 'unpushed' || state.status === 'unknown') ? state.sha : null;
}

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** Cuts to `max` characters on a word boundary where one is near, with an ellipsis. */
export function truncate(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

const UNITS: ReadonlyArray<[name: string, seconds: number]> = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['week', 7 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * "2 days ago", "yesterday", "just now". Dates in the future (clock skew, a rebased author date) read as the
 * date itself rather than a negative age; an unreadable date reads as ''.
 */
export function relativeDate(iso: string, now: number): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((now - then) / 1000);
  if (seconds < -60) return `on ${iso.slice(0, 10)}`;
  if (seconds < 60) return 'just now';
  for (const [name, size] of UNITS) {
    const n = Math.floor(seconds / size);
    if (n >= 1) {
      if (name === 'day' && n === 1) return 'yesterday';
      return `${n} ${name}${n === 1 ? '' : 's'} ago`;
    }
  }
  return 'just now';
}

/** Short wording of a commit state, for lens suffixes and hovers; '' for a plain pushed commit. */
export function stateWords(state: CommitState | undefined): string {
  switch (state?.status) {
    case 'unpushed':
      return 'unpushed';
    case 'unknown':
      return state.sha ? 'on no branch' : 'not in this repository';
    case 'ambiguous':
      return `ambiguous: ${state.candidates.length} commits`;
    case 'shallow-unknown':
      return 'not found (shallow clone)';
    case 'elsewhere':
      return `in ${state.repository}`;
    case 'ok':
      return state.submodule ? `in ${state.submodule}` : '';
    default:
      return '';
  }
}

/**
 * Title of a commit's lens. Before the lazy resolve (or when details are unavailable) it is just the SHA and
 * its state, so the lens never shows a half-empty line.
 */
export function commitLensTitle(written: string, state: CommitState | undefined, details: CommitDetails | undefined, now: number): string {
  const parts = [shortSha(written)];
  if (details) {
    parts.push(truncate(details.subject, 60));
    const when = relativeDate(details.date, now);
    if (when) parts.push(when);
  }
  const words = stateWords(state);
  if (words) parts.push(words);
  return parts.join(' · ');
}

export interface PhaseCounts {
  stepsDone: number;
  stepsTotal: number;
  unpushed: number;
  /** Diagnostics saying the handoff no longer matches the repository (unknown commits, stale refs, missing files…). */
  stale: number;
}

function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** What follows the path as written: `:113`, `:49-51`, `:12:5`, ` › upload_file`. */
export function crumbSuffix(crumb: FileBreadcrumb): string {
  if (crumb.line !== null) {
    let s = `:${crumb.line}`;
    if (crumb.endLine !== null && crumb.endLine > crumb.line) s += `-${crumb.endLine}`;
    else if (crumb.column !== null) s += `:${crumb.column}`;
    return s;
  }
  return crumb.symbol ? ` › ${crumb.symbol}` : '';
}

/**
 * Title of a breadcrumb's lens: "Open arq_setup.py:113"; "3 matches…" for an ambiguous bare name (a quick pick
 * follows); for a missing file a warning that offers a search, because silently showing nothing would leave the
 * reader believing the path is fine.
 */
export function fileLensTitle(crumb: FileBreadcrumb, targets: number): string {
  if (targets === 0) return `$(warning) ${baseName(crumb.path)} not found · Search…`;
  if (targets > 1) return `${targets} matches for ${baseName(crumb.path)}${crumbSuffix(crumb)}…`;
  return `Open ${baseName(crumb.path)}${crumbSuffix(crumb)}`;
}

/** Title of the lens over a breadcrumb whose file git saw moved: "helper.ts moved · Open src/lib/helper.ts:4". */
export function movedLensTitle(crumb: FileBreadcrumb, newRelPath: string): string {
  return `${baseName(crumb.path)} moved · Open ${newRelPath}${crumbSuffix(crumb)}`;
}

export { baseName };
