/**
 * What the repository says of a breadcrumb whose file is not there, in words, read from the analysis's file facts
 * (`analysis.facts.files[i]`) — never from a diagnostic, so the "moved" lens, link and hover, and the reason in the
 * hover, stay whatever the missing-file rule's severity (even `off`). Pure (no `vscode` import), unit-tested.
 */
import type { FileFact, HandoffFacts } from '../../core/facts/types';
import type { FileBreadcrumb } from '../../core/model';
import { baseName, relativeDate, shortSha, truncate } from './format';
import { escapeMarkdown } from './hoverText';

type Gone = Extract<FileFact, { kind: 'gone' }>;

/** The index of a breadcrumb in `files`: the same object, else the one written at the same place. */
export function crumbIndex(files: readonly FileBreadcrumb[], crumb: FileBreadcrumb): number {
  const i = files.indexOf(crumb);
  if (i >= 0) return i;
  const at = crumb.range.start;
  return files.findIndex((f) => f.path === crumb.path && f.range.start.line === at.line && f.range.start.character === at.character);
}

/** The fact about this breadcrumb, or undefined without git facts (parse-only). */
export function fileFactOf(analysis: { model: { files: readonly FileBreadcrumb[] }; facts: HandoffFacts | null }, crumb: FileBreadcrumb): FileFact | undefined {
  const i = crumbIndex(analysis.model.files, crumb);
  return i >= 0 ? analysis.facts?.files[i] : undefined;
}

/** Where a moved breadcrumb's file lives now. */
export interface MovedFile {
  /** Absolute path of the rename's target, which exists. */
  path: string;
  /** "src/old/helper.ts was renamed to src/lib/helper.ts in 8ade5c4, before this handoff was written". */
  message: string;
  /** The commit that renamed it (full SHA). */
  sha: string;
}

/** The new home of a breadcrumb's file when git saw it renamed and the target exists; null otherwise. */
export function movedFileOf(fact: FileFact | undefined, facts: HandoffFacts | null): MovedFile | null {
  if (fact?.kind !== 'gone' || !fact.movedTo || !fact.deletion?.renamedTo) return null;
  const d = fact.deletion;
  return { path: fact.movedTo, message: `${d.path} was renamed to ${d.renamedTo} in ${shortSha(d.sha)}${whenPhrase(fact, facts)}`, sha: d.sha };
}

/** ", after this handoff": when the file went, relative to the handoff's moment ('' for an uncommitted handoff). */
function whenPhrase(f: Gone, facts: HandoffFacts | null): string {
  // An uncommitted handoff describes now: every commit is before it, which says nothing.
  if (!facts?.anchor) return '';
  switch (f.when) {
    case 'after-anchor': return f.duringPlan ? `, as this plan was carried out (before its summary, ${shortSha(f.duringPlan.summary)})` : ', after this handoff was written';
    case 'before-anchor': return ', before this handoff was written';
    case 'with-anchor': return ', in the commit that wrote this handoff';
    case 'work-tree': return '';
  }
}

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

/**
 * The hover of a breadcrumb that resolves to no file, from its fact: when and by which commit it went, that it
 * never was in this repository, or that .gitignore keeps it out of git. Null when the fact says nothing of it
 * (found, unchecked): the caller then says what it knows. `commitLink` renders a link to a commit.
 */
export function missingFileMarkdown(crumb: FileBreadcrumb, fact: FileFact | undefined, facts: HandoffFacts | null, now: number, commitLink?: (sha: string) => string): string | null {
  const name = code(crumb.path);
  switch (fact?.kind) {
    case 'absent':
      return `${name} is not in this repository (planned, or in another repository?).`;
    case 'ignored':
      return `${name} is not here, and \`.gitignore\` keeps it out of git (runtime state, build output or local settings): it exists only where it is made.`;
    case 'submodule':
      return `${name} is inside the submodule ${code(fact.submodule)}, which is not checked out.`;
    case 'dir':
      return `${name} is a folder.`;
    case 'gone':
      return goneMarkdown(crumb, fact, facts, now, commitLink);
    default:
      return null;
  }
}

function goneMarkdown(crumb: FileBreadcrumb, f: Gone, facts: HandoffFacts | null, now: number, commitLink?: (sha: string) => string): string {
  const others = f.paths.length > 1 ? ` (${f.paths.map(code).join(', ')})` : '';
  const name = `${code(crumb.path)}${others}`;
  if (f.when === 'work-tree') return `${name} is deleted in the work tree (not committed).`;
  const d = f.deletion;
  if (!d) return `${name} was in this repository and is gone; git could not tell when.`;
  const age = relativeDate(new Date(d.time * 1000).toISOString(), now);
  // The subject is the committer's text: escaped, so it cannot add a (trusted) command link to the hover.
  const by = `${code(shortSha(d.sha))} "${escapeMarkdown(truncate(d.subject, 72))}"${age ? `, ${age}` : ''}`;
  const when = whenPhrase(f, facts);
  let text: string;
  if (d.renamedTo) {
    text = f.movedWithHandoff
      ? `${name} was **moved with this handoff** to ${code(d.renamedTo)}, in ${by}.`
      : `${name} was **renamed** to ${code(d.renamedTo)}${when}, in ${by}.`;
    if (!f.movedTo) text += ` ${code(d.renamedTo)} is gone too.`;
  } else {
    text = d.setAsideAs ? `${name} was **set aside** as ${code(d.setAsideAs)} (a backup: the file is retired)${when}, in ${by}.` : `${name} was **deleted**${when}, in ${by}.`;
    // Untracked on purpose (`git rm --cached` and a .gitignore line): each working tree keeps its own.
    if (f.ignoredNow) text += ' Git ignores it now: a local file, most likely where the handoff says on its writer\'s machine.';
  }
  return commitLink ? `${text}\n\n${commitLink(d.sha)}` : text;
}

/**
 * The lens over a breadcrumb that resolves to no file, from its fact; each offers a search. `warn` marks the ones
 * Problems reports (a warning or an error at the breadcrumb), so the lens and Problems agree.
 */
export function missingLensTitle(crumb: FileBreadcrumb, fact: FileFact | undefined, warn: boolean): string {
  const name = baseName(crumb.path);
  const icon = warn ? '$(warning) ' : '';
  switch (fact?.kind) {
    case 'absent':
      return `${icon}${name} not in this repository · Search…`;
    case 'ignored':
      return `${icon}${name} not here (ignored by git) · Search…`;
    case 'submodule':
      return `${icon}${name} in submodule ${fact.submodule} (not checked out) · Search…`;
    case 'gone':
      return `${icon}${name} ${fact.deletion?.renamedTo ? 'renamed' : 'deleted'} · Search…`;
    case 'dir':
      return `${name} is a folder · Search…`;
    default:
      // No fact (no git, or not looked up): all that is known is that no file is there.
      return `$(warning) ${name} not found · Search…`;
  }
}

/** The tree's word for a breadcrumb without a file: "deleted", "moved", "not in repository", "ignored"… */
export function missingWord(fact: FileFact | undefined): string {
  switch (fact?.kind) {
    case 'absent': return 'not in repository';
    case 'ignored': return 'ignored by git';
    case 'submodule': return 'in submodule';
    case 'dir': return 'folder';
    case 'gone': return fact.movedTo ? 'moved' : fact.deletion?.renamedTo ? 'renamed' : 'deleted';
    default: return 'missing';
  }
}
