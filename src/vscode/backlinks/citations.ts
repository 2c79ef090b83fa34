/**
 * Backlinks: which handoffs cite a file, built from the store's analyses (text → model → facts → this index), so a
 * code file can say "cited by HANDOFF.md › Phase 5", its cited lines can name their handoff, and the tree can group
 * breadcrumbs by file. Pure (no `vscode` import), unit-tested in test/unit/vscode-backlinks.test.ts.
 *
 * A breadcrumb counts where it resolves: its one file (an ambiguous bare name cites none of its matches), or the new
 * home of a file git saw renamed, and only inside the handoff's own workspace folder (in a multi-root workspace a
 * handoff speaks of its own folder: `src/app.ts` in folder B's handoff is not folder A's `src/app.ts`). Its line is
 * where the cited line is now (drift), so the hover sits on the code the handoff meant. Everything is bounded.
 */
import type { HandoffFacts } from '../../core/facts/types';
import type { FileBreadcrumb, Range } from '../../core/model';
import { mappedCrumb } from '../providers/drift';
import { crumbSuffix } from '../providers/format';

export interface CitingHandoff {
  /** The handoff's URI string. */
  uri: string;
  /** How it is shown: workspace-relative (with its folder's name in a multi-root workspace). */
  name: string;
  /** Its workspace folder's path (`/`-separated), or null when it lies in none (then any target counts). */
  root: string | null;
  analysis: {
    model: { files: readonly FileBreadcrumb[] };
    facts: HandoffFacts | null;
    /** Aligned with model.files: absolute paths it resolves to; null = not resolved. */
    fileTargets: ReadonlyArray<readonly string[] | null>;
  };
}

export interface Citation {
  handoff: string;
  handoffName: string;
  /** The innermost heading it is written under (`Phase 5`), or null above the first one. */
  section: string | null;
  /** The breadcrumb in the handoff. */
  range: Range;
  /** As written: `src/app.ts:113`. */
  written: string;
  /** 1-based lines in the cited file now (mapped through drift); null when no line is cited. */
  line: number | null;
  endLine: number | null;
}

export interface CitedFile {
  /** Absolute, `/`-separated. */
  path: string;
  /** Newest handoff first, then in document order; at most `perFile`. */
  citations: Citation[];
  /** Every citation found, listed or not (until the total bound stopped the reading). */
  total: number;
}

export interface CitationIndex {
  /** By normalised absolute path (citationKey). */
  files: ReadonlyMap<string, CitedFile>;
  /** Some citations were left out by a bound. */
  truncated: boolean;
}

export interface CitationLimits {
  /** Citations kept in all (10,000); past it the handoffs are not read further. */
  total: number;
  /** Citations kept per file (200; the rest are counted). */
  perFile: number;
  /** Files indexed (5,000). */
  files: number;
}

export const DEFAULT_CITATION_LIMITS: CitationLimits = { total: 10_000, perFile: 200, files: 5_000 };

export const EMPTY_INDEX: CitationIndex = { files: new Map(), truncated: false };

/** The key a path is indexed by: `/`-separated. */
export function citationKey(path: string): string {
  return path.replace(/\\/g, '/');
}

function insideRoot(path: string, root: string | null): boolean {
  if (root === null) return true;
  const r = citationKey(root).replace(/\/+$/, '');
  return path === r || path.startsWith(`${r}/`);
}

/** The file a breadcrumb cites, or null (external, missing, ambiguous, outside its folder). */
function citedPath(h: CitingHandoff, i: number): string | null {
  const crumb = h.analysis.model.files[i]!;
  if (crumb.external) return null;
  const targets = h.analysis.fileTargets[i];
  const fact = h.analysis.facts?.files[i];
  let path: string | null = null;
  if (targets && targets.length === 1) path = targets[0]!;
  else if (targets && targets.length === 0 && fact?.kind === 'gone' && fact.movedTo) path = fact.movedTo;
  if (path === null) return null;
  const key = citationKey(path);
  return insideRoot(key, h.root) ? key : null;
}

interface OwnCitation { path: string; citation: Citation }

/**
 * One handoff's citations, kept per analysis object (a new analysis is a new object) and name: when one handoff is
 * analysed again, the others' are not made again, and the index is only merged.
 */
const perAnalysis = new WeakMap<object, { key: string; own: OwnCitation[] }>();

function ownCitations(h: CitingHandoff): OwnCitation[] {
  const key = `${h.uri}\n${h.name}\n${h.root}`;
  const hit = perAnalysis.get(h.analysis);
  if (hit && hit.key === key) return hit.own;
  const own: OwnCitation[] = [];
  const crumbs = h.analysis.model.files;
  for (let i = 0; i < crumbs.length; i++) {
    const path = citedPath(h, i);
    if (path === null) continue;
    const crumb = crumbs[i]!;
    const now = mappedCrumb(crumb, h.analysis.facts?.files[i]);
    own.push({
      path,
      citation: {
        handoff: h.uri, handoffName: h.name, section: crumb.phase, range: crumb.range,
        written: `${crumb.path}${crumbSuffix(crumb).replace(/^ › /, '::')}`, line: now.line, endLine: now.endLine,
      },
    });
  }
  perAnalysis.set(h.analysis, { key, own });
  return own;
}

/** Builds the index over the handoffs (newest first, as the store lists them). */
export function buildCitationIndex(handoffs: readonly CitingHandoff[], limits: CitationLimits = DEFAULT_CITATION_LIMITS): CitationIndex {
  const files = new Map<string, CitedFile>();
  let kept = 0;
  let truncated = false;
  scan: for (const h of handoffs) {
    for (const { path, citation } of ownCitations(h)) {
      // Past the total bound nothing more is read: a rebuild costs at most that many citations, whatever the workspace.
      if (kept >= limits.total) { truncated = true; break scan; }
      let file = files.get(path);
      if (!file) {
        if (files.size >= limits.files) { truncated = true; continue; }
        file = { path, citations: [], total: 0 };
        files.set(path, file);
      }
      file.total++;
      if (file.citations.length >= limits.perFile) { truncated = true; continue; }
      file.citations.push(citation);
      kept++;
    }
  }
  return { files, truncated };
}

function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

/** "HANDOFF.md › Phase 5" (the section cut to 48 characters), or the handoff's name above its first heading. */
export function citationLabel(c: Pick<Citation, 'handoffName' | 'section'>): string {
  return c.section ? `${c.handoffName} › ${shorten(c.section, 48)}` : c.handoffName;
}

/** The citations whose cited lines hold this 1-based line. */
export function citationsAtLine(file: CitedFile, line: number): Citation[] {
  return file.citations.filter((c) => c.line !== null && line >= c.line && line <= Math.max(c.line, c.endLine ?? c.line));
}

export interface BacklinkLens {
  title: string;
  tooltip: string;
  /** The citation a click opens; null for the lens that lists them all (a quick pick). */
  open: Citation | null;
}

/**
 * The lenses at the top of a cited file: one per citing handoff (at most `max`), "cited by HANDOFF.md › Phase 5",
 * naming a second section and counting the rest ("cited by HANDOFF.md › Phase 5, Phase 6 +2"); a click opens its
 * first citation. More handoffs than `max`: a last lens "+3 more handoffs…" that lists every citation.
 */
export function backlinkLenses(file: CitedFile, max = 3): BacklinkLens[] {
  const byHandoff = new Map<string, Citation[]>();
  for (const c of file.citations) {
    const list = byHandoff.get(c.handoff);
    if (list) list.push(c);
    else byHandoff.set(c.handoff, [c]);
  }
  const lenses: BacklinkLens[] = [];
  for (const list of [...byHandoff.values()].slice(0, max)) {
    const first = list[0]!;
    const sections = [...new Set(list.map((c) => c.section).filter((s): s is string => s !== null))];
    const shown = sections.slice(0, 2).map((s) => shorten(s, 48));
    // "+N": the citations the title does not name (in other sections, or above the first heading).
    const named = new Set(sections.slice(0, 2));
    const rest = list.length - (named.size ? list.filter((c) => c.section !== null && named.has(c.section)).length : 1);
    const title = `cited by ${first.handoffName}${shown.length ? ` › ${shown.join(', ')}` : ''}${rest > 0 ? ` +${rest}` : ''}`;
    const where = list.map((c) => `${c.written} (line ${c.range.start.line + 1}${c.section ? `, ${c.section}` : ''})`).slice(0, 10);
    lenses.push({ title, tooltip: `${first.handoffName} cites this file ${list.length === 1 ? 'once' : `${list.length} times`}:\n${where.join('\n')}\nClick to open the first.`, open: first });
  }
  const more = byHandoff.size - max;
  if (more > 0) lenses.push({ title: `+${more} more handoff${more === 1 ? '' : 's'}…`, tooltip: 'Every handoff citing this file', open: null });
  return lenses;
}
