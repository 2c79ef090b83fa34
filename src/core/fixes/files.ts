/**
 * A renamed file's breadcrumb, rewritten to where the file lives now. The file facts know the rename (the commit
 * that made it, `deletion.renamedTo`) and that its target exists (`movedTo`); the fix keeps everything around
 * the path as written — `::symbol`, a column, the backticks — but the line numbers (`:113`, `:49-51`, `#L4`), which
 * it maps through the changes since the handoff's anchor (facts `drift`), and writes the new path in the form
 * the old one had: relative to the repository's root, or to the document's folder for a link or a `./` path.
 * A link's text that shows the old path is rewritten with its target.
 *
 * Not offered where the document's own words account for the file (it says the file was renamed or removed),
 * nor for a rename made by the handoff's own commit (what the handoff tells of): the same cases missing-file
 * stays quiet about.
 */
import type { FileFact, HandoffFacts, LineDrift } from '../facts/types';
import { dirname, joinPath, normalizePath, relativeTo } from '../git/paths';
import type { FileBreadcrumb, Range } from '../model';
import { saysSo } from '../rules/fileRules';
import { FixText } from './text';
import type { Fix, TextEdit } from './types';

const short = (sha: string) => sha.slice(0, 7);

/** Where a breadcrumb should point now: the path as it should be written, and (item 2, drift) its line now. */
export interface BreadcrumbTarget {
  path: string;
  /** The line (and the range's end) the cited lines have now; absent: the numbers stay as written. */
  line?: number | null;
  endLine?: number | null;
}

/**
 * The breadcrumb as it should read now: `written` (its text in the document) with the path replaced by
 * `to.path`, and its line numbers by `to.line`/`to.endLine` when the drift mapping gives them; every other part as
 * written. Null when the written text does not hold the breadcrumb's path (a model of another version).
 */
export function breadcrumbText(written: string, crumb: Pick<FileBreadcrumb, 'path'>, to: BreadcrumbTarget): string | null {
  const at = written.indexOf(crumb.path);
  if (at < 0) return null;
  let prefix = written.slice(0, at);
  // `./` before a path that now climbs out of the folder would read `./../x`.
  if (prefix.endsWith('./') && to.path.startsWith('../')) prefix = prefix.slice(0, -2);
  const suffix = written.slice(at + crumb.path.length);
  return `${prefix}${to.path}${to.line == null ? suffix : withLines(suffix, to.line, to.endLine ?? null)}`;
}

/** `:113` → `:131`, `:49-51` → `:60-62`, `#L10-L20` → `#L12-L22`; a column or symbol stays. */
function withLines(suffix: string, line: number, endLine: number | null): string {
  return suffix.replace(/^(:|#L)(\d+)((?::\d+)?)(?:(-L?|–)(\d+))?/, (_m, lead: string, _l, col: string, dash?: string, end?: string) =>
    `${lead}${line}${col}${dash && end ? `${dash}${endLine ?? end}` : ''}`);
}

/** `to` relative to the folder `from` (both absolute), with `../` where it climbs. */
export function relativePath(from: string, to: string): string {
  const a = normalizePath(from).split('/').filter(Boolean);
  const b = normalizePath(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

type Renamed = Extract<FileFact, { kind: 'gone' }> & { deletion: { renamedTo: string }; movedTo: string };

/** The renamed-and-still-there facts a fix can act on, with the reasons missing-file would report them. */
function renamedFact(c: FileBreadcrumb, f: FileFact | undefined): Renamed | null {
  if (f?.kind !== 'gone' || !f.deletion?.renamedTo || !f.movedTo) return null;
  if (f.when !== 'after-anchor' && f.when !== 'before-anchor') return null;
  return saysSo(c, f) ? null : (f as Renamed);
}

/**
 * The new path, written as the old one was: relative to the document's folder (a link, a `./` or `../` path, or
 * a path that only resolved from there), else to the repository's root. Null when the written path is none of the
 * renamed file's forms.
 */
export function renamedPath(c: FileBreadcrumb, f: Renamed, repoRoot: string, documentPath: string): string | null {
  const old = f.deletion.path;
  const written = c.path.replace(/^\.\//, '');
  const docDir = documentPath ? dirname(normalizePath(documentPath)) : null;
  const fromDoc = docDir !== null ? relativeTo(repoRoot, joinPath(docDir, written)) : null;
  const docFirst = c.source === 'link' || /^\.\.?\//.test(c.path);
  const rootForm = written === old;
  if (docDir !== null && fromDoc === old && (docFirst || !rootForm)) return relativePath(docDir, f.movedTo);
  if (rootForm) return f.deletion.renamedTo;
  // A bare name or a tail of the path (`helper.ts`, `old/helper.ts`): the full path now leaves no doubt.
  if (old.endsWith(`/${written}`)) return f.deletion.renamedTo;
  return null;
}

export function renameFixes(text: FixText, crumbs: readonly FileBreadcrumb[], facts: HandoffFacts, documentPath: string): Fix[] {
  const root = facts.repo?.root;
  if (!root) return [];
  const out: Fix[] = [];
  crumbs.forEach((c, i) => {
    const f = renamedFact(c, facts.files[i]);
    if (!f) return;
    const path = renamedPath(c, f, root, documentPath);
    const written = path === null ? null : text.slice(c.range);
    const lines = mappedLines(f.drift);
    const next = written === null ? null : breadcrumbText(written, c, { path: path!, ...lines.target });
    if (next === null || next === written) return;
    const edits: TextEdit[] = [{ range: c.range, newText: next }];
    if (c.source === 'link') edits.push(...linkTextEdits(text, c, f, path!));
    out.push({
      kind: 'rename',
      title: `Update the path to ${f.deletion.renamedTo}${lines.title} (renamed in ${short(f.deletion.sha)})`,
      code: 'missing-file',
      at: [c.range],
      edits,
      // One file, one rename, its target there now, its lines where they were or moved whole: nothing to choose.
      // Edited or deleted lines leave a judgement (is the nearest line still the one meant?) to the reader.
      safe: f.paths.length <= 1 && lines.sure,
      preferred: true,
    });
  });
  return out;
}

/**
 * The cited lines in the renamed file (item 2, drift): a line the changes since moved is written where it is now,
 * an edited one at the nearest line of what replaced it (said in the title); a deleted one keeps its number, since
 * no line holds what it cited, and the title says so.
 */
function mappedLines(drift: LineDrift | undefined): { target: Pick<BreadcrumbTarget, 'line' | 'endLine'>; title: string; sure: boolean } {
  if (!drift) return { target: {}, title: '', sure: true };
  const span = (l: { line: number; endLine: number | null }) => (l.endLine !== null && l.endLine !== l.line ? `${l.line}-${l.endLine}` : `${l.line}`);
  const was = span(drift.from);
  if (drift.status === 'deleted') return { target: {}, title: `, line ${was} kept (deleted since)`, sure: false };
  const now = span(drift.to);
  const target = { line: drift.to.line, endLine: drift.from.endLine !== null ? drift.to.endLine ?? drift.to.line : null };
  return drift.status === 'moved'
    ? { target, title: `:${now} (was :${was})`, sure: true }
    : { target, title: `:${now} (was :${was}, changed since)`, sure: false };
}

const PATH_CHAR = /[\w./\\-]/;

/**
 * The link's text, when it shows the old path (`[src/old/helper.ts](src/old/helper.ts)`): the same rewrite
 * there, so the text and the target agree. The text's path may be written from the root while the target is
 * relative to the document; each keeps its own form.
 */
function linkTextEdits(text: FixText, c: FileBreadcrumb, f: Renamed, newTarget: string): TextEdit[] {
  const line = text.line(c.range.start.line);
  const start = c.range.start.character;
  const close = line.lastIndexOf('](', start);
  if (close < 0 || line.slice(close + 2, start).replace(/^</, '') !== '') return [];
  let depth = 0;
  let open = -1;
  for (let i = close - 1; i >= 0; i--) {
    if (line[i] === ']') depth++;
    else if (line[i] === '[' && depth-- === 0) { open = i; break; }
  }
  if (open < 0) return [];
  const label = line.slice(open + 1, close);
  const forms: Array<[string, string]> = [[f.deletion.path, f.deletion.renamedTo], [c.path, newTarget]];
  const oldBase = f.deletion.path.slice(f.deletion.path.lastIndexOf('/') + 1);
  const newBase = f.deletion.renamedTo.slice(f.deletion.renamedTo.lastIndexOf('/') + 1);
  if (oldBase !== newBase) forms.push([oldBase, newBase]);
  for (const [from, to] of forms.sort((a, b) => b[0].length - a[0].length)) {
    const at = tokenIndex(label, from);
    if (at < 0) continue;
    const range: Range = FixText.on(c.range.start.line, open + 1 + at, open + 1 + at + from.length);
    return [{ range, newText: to }];
  }
  return [];
}

/** Where `needle` stands as a whole path in `hay` (not inside a longer one), or -1. */
function tokenIndex(hay: string, needle: string): number {
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    const before = hay[at - 1];
    const after = hay[at + needle.length];
    if ((before === undefined || !PATH_CHAR.test(before)) && (after === undefined || !/[\w/\\-]/.test(after) || (after === '.' && !/[\w]/.test(hay[at + needle.length + 1] ?? '')))) return at;
  }
  return -1;
}
