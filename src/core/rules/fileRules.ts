/**
 * missing-file and line-out-of-range, from the file facts (lines measured where they are now: facts/drift.ts). A file is a problem when it was there and is gone:
 * deleted or renamed after the handoff was written (the message names the commit, and where a rename went), or
 * deleted in the work tree. A file the document says is planned, removed, renamed, struck through or elsewhere,
 * one `.gitignore` keeps out of git, one in an unchecked-out submodule, and an ambiguous bare name (the hover and
 * links list the matches) are not problems. Asides (hints): a file that never was in this repository (planned, in
 * another repository, or a typo), one deleted since that git ignores now (untracked on purpose), one the commit
 * that archived the handoff moved along with it, one a plan carried out lost before its summary was written.
 */
import type { FileFact, HandoffFacts } from '../facts/types';
import type { Diagnostic, FileBreadcrumb } from '../model';
import type { CoreSettings } from '../settings';
import { list, makeDiagnostic, short, withinCap } from './severity';

export function fileRules(crumbs: readonly FileBreadcrumb[], facts: HandoffFacts, settings: CoreSettings): Diagnostic[] {
  const out: Diagnostic[] = [];
  const restated = restatements(crumbs);
  // Each breadcrumb's finding before restatements and full-path mentions weigh it (null: none).
  const findings = crumbs.map((c, i) => {
    const f = facts.files[i];
    if (!f) return null;
    return f.kind === 'found' ? lineRule(c, f, settings) : saysSo(c, f) ? null : missingRule(c, f, facts.anchor !== null, settings);
  });
  const inFull = namedInFull(crumbs, facts.files, findings);
  // A file named twice on one line (`apt_sync.py` in prose, then in a `grep` of it; `x.py`, then `x.py:29-66` in the
  // note after it) is missing once there; the same file at two places in it (`a.ts:10`, then `a.ts:12-13`) is two
  // breadcrumbs, each with its own fix.
  const missing = new Set<string>();
  crumbs.forEach((c, i) => {
    const d = findings[i];
    if (!d) return;
    const task = restated.get(i);
    if (task !== undefined) {
      out.push({ ...d, severity: 'hint', message: withinCap(d.message, ` (restated from line ${task + 1})`) });
      return;
    }
    const full = inFull.get(i);
    if (full !== undefined) {
      out.push({ ...d, severity: 'hint', message: withinCap(d.message, ` (named in full at line ${full.range.start.line + 1})`), related: [{ message: 'named in full here', range: full.range }] });
      return;
    }
    if (d.code === 'missing-file') {
      const file = `${c.path}\0${c.range.start.line}`;
      const where = `${file}\0${c.line}\0${c.endLine}`;
      // The whole file (no line) and a place in it count as one: whichever comes first on the line stands for both.
      if (missing.has(where) || missing.has(`${file}\0whole`) || (c.line === null && missing.has(`${file}\0some`))) return;
      missing.add(where);
      missing.add(`${file}\0${c.line === null ? 'whole' : 'some'}`);
    }
    out.push(d);
  });
  return out;
}

/**
 * Spec Kit's task lists end with "Parallel Example: User Story 1" sections (and "Parallel Opportunities", "Parallel
 * Execution"): the tasks that may run side by side, restated as agent launches (`Task: "T014 … in src/x.py"`). A path
 * there is its task's path again: what becomes of the file is reported at the task, and the restatement is a hint.
 * Judged on real repositories (the held-out field study): 77 of 83 such findings were noise beside the task's own.
 */
const PARALLEL_SECTION = /\bparallel\s+(?:examples?|execution|opportunities|agents?|team)\b/i;

const inParallelSection = (c: FileBreadcrumb): boolean => c.phase !== null && PARALLEL_SECTION.test(c.phase);

/** For each breadcrumb in a parallel-example section whose path the document cites outside one: that citation's line. */
function restatements(crumbs: readonly FileBreadcrumb[]): Map<number, number> {
  const out = new Map<number, number>();
  const restating = crumbs.map(inParallelSection);
  if (!restating.includes(true)) return out;
  const cited = new Map<string, number>();
  crumbs.forEach((c, i) => { if (!restating[i] && !cited.has(c.path)) cited.set(c.path, c.range.start.line); });
  crumbs.forEach((c, i) => {
    const line = restating[i] ? cited.get(c.path) : undefined;
    if (line !== undefined) out.set(i, line);
  });
  return out;
}

/**
 * A bare file name (`user.py`) that stands for a path the document writes in full (`src/models/user.py`), whose gone
 * file is reported there: the bare name is that file named again — in a summary table, in prose about the work, in a
 * heading — and adds nothing to the finding at the full path. It is a hint pointing there, as a restatement is, so
 * that Problems lists each gone file where the document gives its path. Judged on real repositories (the held-out
 * field study): 240 of 451 such findings were noise, the rest right only as the full path's finding said again.
 * Returns, for each such bare name, the breadcrumb of its first full mention.
 */
function namedInFull(crumbs: readonly FileBreadcrumb[], files: ReadonlyArray<FileFact | undefined>, findings: ReadonlyArray<Diagnostic | null>): Map<number, FileBreadcrumb> {
  const out = new Map<number, FileBreadcrumb>();
  const goneAt = new Map<string, FileBreadcrumb>();
  crumbs.forEach((c, i) => {
    const f = files[i];
    const d = findings[i];
    if (f?.kind !== 'gone' || d?.code !== 'missing-file' || d.severity === 'hint' || !c.path.includes('/')) return;
    for (const p of f.paths) if (!goneAt.has(p)) goneAt.set(p, c);
  });
  if (!goneAt.size) return out;
  crumbs.forEach((c, i) => {
    const f = files[i];
    if (f?.kind !== 'gone' || f.paths.length !== 1 || c.path.includes('/') || findings[i]?.code !== 'missing-file') return;
    const full = goneAt.get(f.paths[0]!);
    if (full) out.set(i, full);
  });
  return out;
}

/**
 * Whether the document's own words account for the file being gone: it says the file is removed, renamed, struck
 * through or elsewhere. "Planned" only covers a file that was not there when written: one that was there and is
 * gone since is still news, whatever the plan said.
 */
export function saysSo(c: FileBreadcrumb, f: FileFact): boolean {
  if (!c.qualifier) return false;
  if (c.qualifier !== 'planned') return true;
  return !(f.kind === 'gone' && (f.when === 'after-anchor' || f.when === 'work-tree'));
}

/**
 * A line past the end of the file. Measured where the line is now when the file changed since the handoff
 * (facts/drift.ts): a line the file had then and has moved is drift, not a typo. Cited lines deleted since, that
 * would now be past the end, are news (information), not a broken breadcrumb. A range points where it starts: one
 * whose end runs past the file — `lines 1–160` for "the whole file", a block's end guessed a line or two long,
 * `lines 90-115` of a 114-line file — still finds its place, so only a start past the end is reported.
 */
function lineRule(c: FileBreadcrumb, f: Extract<FileFact, { kind: 'found' }>, settings: CoreSettings): Diagnostic | null {
  if (c.line === null || c.line <= 0 || f.lines === null) return null;
  const drift = f.drift;
  if (drift?.status === 'deleted') {
    if (c.line <= f.lines) return null;
    const span = c.endLine !== null && c.endLine > c.line ? `lines ${c.line}–${c.endLine} were` : `line ${c.line} was`;
    return makeDiagnostic(settings, 'line-out-of-range', c.range, `${c.path}: ${span} deleted since this handoff (${short(drift.since)})`, undefined, 'news');
  }
  const start = drift ? drift.to.line : c.line;
  // `linesAtLeast`: the count stopped past the line as written; a line that moved further down is not known past the end.
  if (start <= f.lines || f.linesAtLeast) return null;
  const now = start === c.line ? '' : ` (line ${start} now)`;
  return makeDiagnostic(settings, 'line-out-of-range', c.range, `${c.path}: line ${c.line}${now} is past the end of the file (${f.lines} line${f.lines === 1 ? '' : 's'})`);
}

function missingRule(c: FileBreadcrumb, f: FileFact, anchored: boolean, settings: CoreSettings): Diagnostic | null {
  if (f.kind === 'absent') {
    const where = anchored ? "was not in the repository at this handoff's commit" : 'is not in this repository';
    return makeDiagnostic(settings, 'missing-file', c.range, `${c.path} ${where} (planned, or in another repository?)`, undefined, 'aside');
  }
  if (f.kind !== 'gone') return null;
  const names = f.paths.length > 1 ? ` (${list(f.paths)})` : '';
  const del = f.deletion;
  if (f.when === 'work-tree') {
    return makeDiagnostic(settings, 'missing-file', c.range, `${c.path}${names} is deleted in the work tree (not committed)`);
  }
  // A plan carried out (GSD's summary beside it) that lost a file before its summary was written: the plan's own work.
  const carriedOut = f.when === 'after-anchor' && f.duringPlan;
  const when = carriedOut ? `as this plan was carried out (before its summary, ${short(carriedOut.summary)})`
    : f.when === 'after-anchor' ? 'after this handoff' : f.when === 'with-anchor' ? 'in the commit that wrote this handoff' : 'before this handoff was written';
  if (!del) return f.when === 'after-anchor' ? makeDiagnostic(settings, 'missing-file', c.range, `${c.path}${names} is gone since this handoff`) : null;
  if (del.renamedTo) {
    const to = del.renamedTo;
    const related = f.movedTo ? [{ message: 'moved here', path: f.movedTo }] : undefined;
    // Moved by the commit that moved this handoff (archived together): the path is the handoff's old layout, and the
    // file is where the handoff went. Worth knowing (the link and quick fix know where), not a problem.
    if (f.movedWithHandoff) {
      return makeDiagnostic(settings, 'missing-file', c.range, `${c.path} was moved with this handoff to ${to} in ${short(del.sha)}`, related, 'aside');
    }
    const message = `${c.path} was renamed to ${to} in ${short(del.sha)}, ${when}${f.movedTo ? '' : `; ${to} is gone too`}`;
    // A rename made before the handoff means the handoff used an outdated path: still worth fixing (the quick fix
    // knows where). One made by the handoff's own commit is what the handoff tells of.
    return makeDiagnostic(settings, 'missing-file', c.range, message, related, f.when === 'with-anchor' || carriedOut ? 'aside' : 'problem');
  }
  const how = del.setAsideAs ? `set aside as ${del.setAsideAs}` : 'deleted';
  const message = `${c.path}${names} was ${how} in ${short(del.sha)} (${del.subject.slice(0, 80)}), ${when}`;
  // Untracked since, and ignored by git now: a runtime or generated file each working tree keeps (`goals.md`, a
  // state file), most likely still where the handoff says on the writer's machine. Worth knowing, not a problem.
  if (f.ignoredNow) return makeDiagnostic(settings, 'missing-file', c.range, `${message}; git ignores it now (a local file?)`, undefined, 'aside');
  // Deleted before the handoff was written: the handoff most likely tells of the deletion; an aside, not a problem.
  return makeDiagnostic(settings, 'missing-file', c.range, message, undefined, f.when === 'after-anchor' && !carriedOut ? 'problem' : 'aside');
}
