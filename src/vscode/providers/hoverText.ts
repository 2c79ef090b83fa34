/**
 * Pure Markdown for hovers: a commit's facts with command links, a breadcrumb's code excerpt. No `vscode`
 * import; hovers.ts wraps the strings in a MarkdownString trusted for exactly the commands linked here.
 */
import type { CommitDetails } from '../../core/git';
import type { CommitState } from '../../core/facts/types';
import type { FileBreadcrumb } from '../../core/model';
import { crumbSuffix, relativeDate, resolvedSha, shortSha, stateWords } from './format';
import { excerptOf, fence, languageIdFor } from './targets';

export const OPEN_COMMIT = 'handoffNavigator.openCommit';
export const COPY_SHA = 'handoffNavigator.copySha';
export const OPEN_BREADCRUMB = 'handoffNavigator.openBreadcrumb';
export const OPEN_CHANGES = 'handoffNavigator.openCommitChanges';

/** Backslash-escapes what Markdown would otherwise interpret in text taken from a commit. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}

/** `command:` link target with JSON arguments, as VS Code's trusted Markdown expects. */
export function commandUri(command: string, ...args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** Why a commit cannot be shown, in a sentence. */
function stateSentence(written: string, state: CommitState | undefined): string | null {
  switch (state?.status) {
    case 'unknown':
      return state.fileId
        ? `\`${written}\` is no commit of this repository: it is the id \`${state.fileId}\` is named by (a migration's revision?).`
        : `Commit \`${written}\` ${state.reason}.`;
    case 'ambiguous':
      return `\`${written}\` is ambiguous; it matches:\n\n${state.candidates.map((c) => `- \`${c.slice(0, 12)}\``).join('\n')}`;
    case 'shallow-unknown':
      return `\`${written}\` is not in this shallow clone (it may be older than its history boundary).`;
    case 'elsewhere':
      return `\`${written}\` is a commit of ${state.repository}, as the handoff says: not in this repository, so not checked here.`;
    default:
      return null;
  }
}

function list(names: readonly string[], max = 6): string {
  const shown = names.slice(0, max).map((n) => `\`${n}\``).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

/**
 * The hover of a commit mention: subject, author, date, files changed, the branches and tags containing it,
 * pushed or not, and Open Commit / Copy SHA links (and Open Changes when `changes`: the git extension's diff
 * views are available). `handoff` is the handoff's URI (the commands need it to find the repository).
 */
export function commitHoverMarkdown(
  written: string, state: CommitState | undefined, details: CommitDetails | undefined, handoff: string, now: number, changes = false,
): string {
  const out: string[] = [];
  if (details) {
    const words = stateWords(state);
    out.push(`**${escapeMarkdown(details.subject) || '(no subject)'}**`);
    out.push(`\`${shortSha(details.sha)}\`${words ? ` · ${words}` : ''}`);
    const when = relativeDate(details.date, now);
    const author = escapeMarkdown(details.author) + (details.authorEmail ? ` <${escapeMarkdown(details.authorEmail)}>` : '');
    out.push(`${author}, ${when ? `${when} (${escapeMarkdown(details.date)})` : escapeMarkdown(details.date)}`);
    out.push(`${details.filesChanged} file${details.filesChanged === 1 ? '' : 's'} changed`);
    const branches = [...details.localBranches, ...details.remoteBranches];
    out.push(branches.length ? `On ${list(branches)}` : 'On no branch');
    if (details.tags.length) out.push(`Tagged ${list(details.tags)}`);
    if (state?.status === 'unpushed') out.push('**Not pushed**: no remote-tracking branch contains it.');
    else if (details.remoteBranches.length) out.push(`Pushed (${list(details.remoteBranches, 3)})`);
  } else {
    out.push(stateSentence(written, state) ?? `Commit \`${written}\`${stateWords(state) ? ` · ${stateWords(state)}` : ''}`);
  }
  const full = resolvedSha(state);
  const links: string[] = [];
  if (full) links.push(`[Open Commit](${commandUri(OPEN_COMMIT, { uri: handoff, sha: written })} "Show header, stat and patch")`);
  // Offered only where the built-in git extension can show the diff views.
  if (full && changes) links.push(`[Open Changes](${commandUri(OPEN_CHANGES, { uri: handoff, sha: written })} "Each file's diff, in the changes editor")`);
  links.push(`[Copy SHA](${commandUri(COPY_SHA, { uri: handoff, sha: written })} "${full ? 'Copy the full SHA' : 'Copy as written'}")`);
  out.push(links.join(' · '));
  // Two trailing spaces would be fragile; paragraphs keep each fact on its own line in every hover renderer.
  return out.join('\n\n');
}

/**
 * The hover of a breadcrumb: where it resolves and a few lines of the code there, fenced with the file's
 * language id so the hover is highlighted like the editor. `relPath` is the target as the reader knows it.
 */
export function breadcrumbHoverMarkdown(crumb: FileBreadcrumb, relPath: string, text: string): string {
  const ex = excerptOf(text, crumb);
  const where = `\`${relPath}${crumbSuffix(crumb)}\``;
  if (ex.outOfRange) return `${where}: line ${crumb.line} is past the end of the file (${ex.totalLines} lines).`;
  const last = ex.firstLine + ex.lines.length - 1;
  const span = ex.lines.length === 0 ? '(empty file)' : ex.firstLine === last ? `line ${ex.firstLine}` : `lines ${ex.firstLine}–${last}`;
  return `${where} · ${span}\n\n${fence(ex.lines.join('\n'), languageIdFor(relPath))}`;
}

/** The hover of an ambiguous or missing breadcrumb: the candidates, or why there is none. */
export function unresolvedCrumbMarkdown(crumb: FileBreadcrumb, candidates: readonly string[]): string {
  if (candidates.length === 0) return `\`${crumb.path}\` is not in the workspace (moved, renamed or deleted?).`;
  return `\`${crumb.path}\` matches ${candidates.length} files:\n\n${candidates.map((c) => `- \`${c}\``).join('\n')}`;
}
