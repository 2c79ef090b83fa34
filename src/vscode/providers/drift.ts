/**
 * Breadcrumbs that survive edits, in the editor's words: where a `file:line` written at the handoff's commit is
 * now (the core's `drift` fact, facts/drift.ts), for links, lenses, the tree and hovers. Every opener goes through
 * `mappedCrumb`, so they all open the same line. Pure (no `vscode` import), unit-tested.
 */
import type { FileFact, LineDrift } from '../../core/facts/types';
import type { FileBreadcrumb } from '../../core/model';
import { baseName, shortSha } from './format';
import { excerptOf, fence, languageIdFor } from './targets';

/** The drift of a breadcrumb's file fact, if its lines moved, changed or went. */
export function driftOf(fact: FileFact | undefined): LineDrift | undefined {
  return fact && (fact.kind === 'found' || fact.kind === 'gone') ? fact.drift : undefined;
}

/**
 * The breadcrumb as it reads today: its line (and range) where they are now. A column is kept for a line that
 * only moved (its text is the same). Without drift, the breadcrumb itself.
 */
export function mappedCrumb(crumb: FileBreadcrumb, fact: FileFact | undefined): FileBreadcrumb {
  const d = driftOf(fact);
  if (!d || crumb.line === null) return crumb;
  const line = Math.max(1, d.to.line);
  const endLine = d.to.endLine !== null && d.to.endLine > line ? d.to.endLine : null;
  return { ...crumb, line, endLine, column: d.status === 'moved' && endLine === null ? crumb.column : null };
}

const span = (from: { line: number; endLine: number | null }) =>
  from.endLine !== null && from.endLine > from.line ? `lines ${from.line}–${from.endLine}` : `line ${from.line}`;

const spanNow = (to: { line: number; endLine: number | null }) =>
  to.endLine !== null && to.endLine > to.line ? `${to.line}–${to.endLine}` : `${to.line}`;

/**
 * "line 113 at 1a2b3c4, now 131"; "line 113 at 1a2b3c4 changed since, now near 131"; "lines 113–114 were
 * deleted since 1a2b3c4".
 */
export function driftSentence(d: LineDrift): string {
  const at = shortSha(d.since);
  switch (d.status) {
    case 'moved': return `${span(d.from)} at ${at}, now ${spanNow(d.to)}`;
    case 'changed': return `${span(d.from)} at ${at} changed since, now near ${spanNow(d.to)}`;
    case 'deleted': return `${span(d.from)} ${d.from.endLine !== null && d.from.endLine > d.from.line ? 'were' : 'was'} deleted since ${at}`;
  }
}

/** The tree's short form: "line 113 → 131", "changed since", "deleted since". */
export function driftShort(d: LineDrift): string {
  switch (d.status) {
    case 'moved': return `${span(d.from)} → ${spanNow(d.to)}`;
    case 'changed': return `${span(d.from)} changed since`;
    case 'deleted': return `${span(d.from)} deleted since`;
  }
}

/** The lens over a drifted breadcrumb: "Open app.ts:131 (was :113)", "Open app.ts:131 (changed since 1a2b3c4)"… */
export function driftLensTitle(crumb: FileBreadcrumb, d: LineDrift, path = crumb.path): string {
  const name = baseName(path);
  const at = shortSha(d.since);
  switch (d.status) {
    case 'moved': return `Open ${name}:${spanNow(d.to)} (was :${spanNow(d.from)})`;
    case 'changed': return `Open ${name}:${spanNow(d.to)} (changed since ${at})`;
    case 'deleted': return `${name}:${spanNow(d.from)} deleted since ${at} · Open where it was`;
  }
}

/** The old side of a hover: the cited lines as the handoff's commit had them (at most `max`). */
export function thenExcerpt(text: string, d: LineDrift, max = 12): string[] {
  const all = text.replace(/\r\n?/g, '\n').split('\n');
  const end = Math.min(d.from.endLine !== null && d.from.endLine > d.from.line ? d.from.endLine : d.from.line, d.from.line + max - 1);
  return all.slice(d.from.line - 1, end);
}

/**
 * The hover of a drifted breadcrumb: where the line is now, the code there, and for changed or deleted lines the
 * code as the handoff's commit had it (`then`: that file's text, null when it could not be read).
 */
export function driftHoverMarkdown(crumb: FileBreadcrumb, d: LineDrift, relPath: string, now: string | null, then: string | null): string {
  const language = languageIdFor(relPath);
  const out = [`\`${relPath}\` · ${driftSentence(d)}`];
  if (now !== null && d.status !== 'deleted') {
    const ex = excerptOf(now, { ...crumb, line: d.to.line, endLine: d.to.endLine, column: null });
    const last = ex.firstLine + ex.lines.length - 1;
    if (ex.lines.length) out.push(`Now (${last === ex.firstLine ? `line ${last}` : `lines ${ex.firstLine}–${last}`}):`, fence(ex.lines.join('\n'), language));
  }
  if (then !== null && d.status !== 'moved') {
    const lines = thenExcerpt(then, d);
    if (lines.length) out.push(`Then (${shortSha(d.since)}, ${span(d.from)}${d.path !== relPath ? ` of \`${d.path}\`` : ''}):`, fence(lines.join('\n'), language));
  }
  return out.join('\n\n');
}
