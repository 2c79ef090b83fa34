/**
 * Small bridges between the store's plain model and VS Code types, shared by the providers. The providers
 * only read: every fact comes from the store (never a parse, never a git process here).
 */
import * as vscode from 'vscode';
import type { AnalysedHandoff, HandoffStore } from '../contracts';
import type { CommitDetails } from '../../core/git';
import type { Position, Range } from '../../core/model';
import { looksLikePath } from '../freshness';
import { before } from '../../core/ranges';

/** Markdown documents in any scheme: the store decides which are handoffs (untitled and virtual ones too). */
export const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** True when `p` lies within `r`, both ends included (a hover at the end of a SHA still belongs to it). */
export function contains(r: Range, p: Position): boolean {
  return !before(p, r.start) && !before(r.end, p);
}

/**
 * The analysis of exactly this version of the document, taken after the last repository or file change the store
 * has heard of (it waits, bounded, for the refresh on its way); undefined when it is no handoff or the request was
 * cancelled. Every provider gets its analysis here, so lenses, links, hovers and code actions agree.
 */
export async function analysedFor(
  store: HandoffStore, document: vscode.TextDocument, token: vscode.CancellationToken,
): Promise<AnalysedHandoff | undefined> {
  if (!store.isHandoff(document.uri) || token.isCancellationRequested) return undefined;
  const analysed = await store.ensure(document, token);
  return token.isCancellationRequested ? undefined : analysed;
}

/** The handoff that supersedes this one, when it is a handoff the store knows (a newer one in its folder). */
export function supersedingUri(store: HandoffStore, h: AnalysedHandoff): vscode.Uri | undefined {
  const path = h.analysis.supersededBy;
  if (!path || !looksLikePath(path)) return undefined;
  const uri = h.uri.scheme === 'file' ? vscode.Uri.file(path) : h.uri.with({ path: path.replace(/\\/g, '/') });
  return store.isHandoff(uri) ? uri : undefined;
}

/**
 * Commit details per handoff and SHA, shared by lenses and hovers: a handoff that cites one commit in a
 * table, a log and a hover asks git once. Emptied whenever the store reports a change (new refs or pushes
 * change which branches contain a commit). Failures and cancelled requests are not kept.
 */
export class CommitDetailsCache implements vscode.Disposable {
  private readonly entries = new Map<string, CommitDetails>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: HandoffStore) {
    this.subscription = store.onDidChange(() => this.entries.clear());
  }

  async get(handoff: vscode.Uri, sha: string, token: vscode.CancellationToken): Promise<CommitDetails | undefined> {
    const key = `${handoff.toString()}\n${sha.toLowerCase()}`;
    const cached = this.entries.get(key);
    if (cached) return cached;
    const details = await this.store.commitDetails(handoff, sha, token);
    if (details && !token.isCancellationRequested) this.entries.set(key, details);
    return details;
  }

  dispose(): void {
    this.subscription.dispose();
    this.entries.clear();
  }
}
