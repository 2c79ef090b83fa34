/**
 * Hovers on commit SHAs (subject, author, date, files, branches, pushed or not, with Open Commit / Copy SHA)
 * and on breadcrumbs (a few lines of the code they point at; where a line cited at the handoff's commit is now, and
 * how it read then when it changed). Git facts come from the store; file text is read
 * with vscode.workspace.fs so remote and virtual workspaces work. Every await is followed by a token check.
 */
import * as vscode from 'vscode';
import type { AnalysedHandoff, HandoffStore } from '../contracts';
import type { CommitMention, FileBreadcrumb } from '../../core/model';
import { asCommitState, resolvedSha } from './format';
import { breadcrumbHoverMarkdown, commandUri, commitHoverMarkdown, COPY_SHA, escapeMarkdown, OPEN_CHANGES, OPEN_COMMIT, unresolvedCrumbMarkdown } from './hoverText';
import { gitChangesAvailable } from './gitChanges';
import { driftHoverMarkdown, driftOf, driftSentence } from './drift';
import { fileFactOf, missingFileMarkdown } from './fileFacts';
import { analysedFor, type CommitDetailsCache, contains, toRange } from './shared';
import { inside } from '../../node/workspaceFiles';

/** Larger files are not read for an excerpt: a hover must stay instant. */
const MAX_EXCERPT_FILE_BYTES = 2 * 1024 * 1024;

function markdown(text: string, commands: string[] = []): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text);
  // Trust exactly the commands this hover links to, nothing else a commit subject could smuggle in.
  md.isTrusted = commands.length ? { enabledCommands: commands } : false;
  return md;
}

export class HandoffHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: HandoffStore, private readonly details: CommitDetailsCache) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const h = await analysedFor(this.store, document, token);
    if (!h) return undefined;
    const at = { line: position.line, character: position.character };
    const commit = h.analysis.model.commits.find((c) => contains(c.range, at));
    if (commit) return this.commitHover(h, commit, token);
    const crumb = h.analysis.model.files.find((f) => !f.external && contains(f.range, at));
    if (crumb) return this.crumbHover(h, crumb, token);
    return undefined;
  }

  private async commitHover(h: AnalysedHandoff, mention: CommitMention, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const state = asCommitState(this.store.commitState(h, mention));
    // Without git there is nothing to tell about a SHA beyond what the reader sees.
    if (!state) return undefined;
    const full = resolvedSha(state);
    if (mention.evidence === 'bare' && !full) return undefined;
    const details = full ? await this.details.get(h.uri, full, token) : undefined;
    if (token.isCancellationRequested) return undefined;
    const text = commitHoverMarkdown(mention.sha, state, details, h.uri.toString(), Date.now(), gitChangesAvailable(h.uri));
    return new vscode.Hover(markdown(text, [OPEN_COMMIT, OPEN_CHANGES, COPY_SHA]), toRange(mention.range));
  }

  private async crumbHover(h: AnalysedHandoff, crumb: FileBreadcrumb, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const targets = this.store.fileTargets(h, crumb);
    const range = toRange(crumb.range);
    if (targets.length !== 1) {
      // No file: say why, from what the repository knows (gone when and by which commit, never there, ignored).
      const commitLink = (sha: string) => `[Open Commit](${commandUri(OPEN_COMMIT, { uri: h.uri.toString(), sha })} "Show header, stat and patch")`;
      const fact = fileFactOf(h.analysis, crumb);
      const why = targets.length === 0 ? missingFileMarkdown(crumb, fact, h.analysis.facts, Date.now(), commitLink) : null;
      // A file renamed since: where the cited lines are in it now.
      const drift = driftOf(fact);
      const text = (why && drift ? `${why}\n\nThere: ${driftSentence(drift)}.` : why) ?? unresolvedCrumbMarkdown(crumb, targets.map((t) => vscode.workspace.asRelativePath(t)));
      return new vscode.Hover(markdown(text, why ? [OPEN_COMMIT] : []), range);
    }
    const target = targets[0]!;
    let text: string;
    try {
      // Never read through a symbolic link out of the workspace folder (a tracked `passwd.txt` → `/etc/passwd`).
      const folder = vscode.workspace.getWorkspaceFolder(target)?.uri ?? vscode.Uri.joinPath(h.uri, '..');
      if (target.scheme === 'file' && !(await inside(target.fsPath, folder.fsPath))) {
        return new vscode.Hover(markdown(`\`${escapeMarkdown(vscode.workspace.asRelativePath(target))}\` leads out of the workspace (a symbolic link): not previewed`), range);
      }
      const stat = await vscode.workspace.fs.stat(target);
      if (token.isCancellationRequested) return undefined;
      // A FIFO or a device is there, but no file to preview: not read (a read could wait for a writer for good),
      // and not called missing either.
      if (!(stat.type & vscode.FileType.File)) {
        return new vscode.Hover(markdown(`\`${escapeMarkdown(vscode.workspace.asRelativePath(target))}\` is not a regular file (a FIFO or a device): not previewed`), range);
      }
      if (stat.size > MAX_EXCERPT_FILE_BYTES) return new vscode.Hover(markdown(`\`${vscode.workspace.asRelativePath(target)}\` (too large to preview)`), range);
      const bytes = await vscode.workspace.fs.readFile(target);
      if (token.isCancellationRequested) return undefined;
      text = new TextDecoder('utf-8').decode(bytes);
    } catch {
      return new vscode.Hover(markdown(unresolvedCrumbMarkdown(crumb, [])), range);
    }
    const drift = driftOf(fileFactOf(h.analysis, crumb));
    if (!drift) return new vscode.Hover(markdown(breadcrumbHoverMarkdown(crumb, vscode.workspace.asRelativePath(target), text)), range);
    // Moved since the handoff: where the lines are now; changed or deleted: also how the handoff's commit had them
    // (read on demand, from the object store or one git process, only for this hover).
    const then = drift.status === 'moved' ? undefined : await this.store.textsAt(h.uri, drift.since, [drift.path], token);
    if (token.isCancellationRequested) return undefined;
    return new vscode.Hover(markdown(driftHoverMarkdown(crumb, drift, vscode.workspace.asRelativePath(target), text, then?.get(drift.path) ?? null)), range);
  }
}
