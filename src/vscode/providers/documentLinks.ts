/**
 * Document links for every breadcrumb, inside backticks too (VS Code's own Markdown links skip code spans).
 * One target: a file URI whose fragment carries the selection (`#L113`, `#L49,1-L52,1`) — the line where the
 * cited line is now, when the file changed since the handoff's commit (drift.ts) — which the
 * workbench's opener turns into a selection. Several (an ambiguous bare name) or a symbol to find: a command
 * link to the open-breadcrumb command, which asks or searches. A file git saw renamed links to where it lives
 * now. A missing file gets no link: there is nothing to open, and the lens and the missing-file diagnostic
 * already say so.
 */
import * as vscode from 'vscode';
import type { AnalysedHandoff, HandoffStore } from '../contracts';
import type { OpenBreadcrumbArgs } from './commands';
import { crumbSuffix } from './format';
import { commandUri, OPEN_BREADCRUMB } from './hoverText';
import { driftOf, driftSentence, mappedCrumb } from './drift';
import { fileFactOf, movedFileOf } from './fileFacts';
import { analysedFor, MARKDOWN, toRange } from './shared';
import { lineFragment } from './targets';

/** What a set of links amounts to, to tell whether the editor's copy is out of date. */
function signature(links: readonly vscode.DocumentLink[]): string {
  return links.map((l) => `${l.range.start.line}:${l.range.start.character}-${l.range.end.character}>${l.target?.toString()}`).join('|');
}

export class HandoffLinkProvider implements vscode.DocumentLinkProvider {
  /** The signature of the links last served per document, for documents the editor asked about. */
  private readonly served = new Map<string, string>();

  constructor(private readonly store: HandoffStore) {}

  async provideDocumentLinks(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentLink[]> {
    const h = await analysedFor(this.store, document, token);
    if (token.isCancellationRequested) return [];
    const links = h ? this.linksOf(h) : [];
    this.served.set(document.uri.toString(), signature(links));
    return links;
  }

  /** True when the store's latest analysis of `uri` would give other links than the editor was given. */
  isStale(uri: vscode.Uri): boolean {
    const key = uri.toString();
    if (!this.served.has(key)) return false;
    const h = this.store.get(uri);
    return signature(h ? this.linksOf(h) : []) !== this.served.get(key);
  }

  forget(uri: vscode.Uri): void {
    this.served.delete(uri.toString());
  }

  private linksOf(h: AnalysedHandoff): vscode.DocumentLink[] {
    const links: vscode.DocumentLink[] = [];
    for (const crumb of h.analysis.model.files) {
      if (crumb.external) continue;
      let targets = this.store.fileTargets(h, crumb);
      const fact = fileFactOf(h.analysis, crumb);
      // The line where the cited line is now, when the file changed since the handoff was written.
      const fragment = lineFragment(mappedCrumb(crumb, fact));
      const drift = driftOf(fact);
      const was = drift ? ` (${driftSentence(drift)})` : '';
      // A file git saw renamed links to its new home, saying so (the handoff text is left as written).
      const moved = targets.length === 0 ? movedFileOf(fact, h.analysis.facts) : null;
      if (moved) targets = [h.uri.scheme === 'file' ? vscode.Uri.file(moved.path) : h.uri.with({ path: moved.path })];
      if (targets.length === 0) continue;
      let link: vscode.DocumentLink;
      if (moved && (fragment || !crumb.symbol)) {
        link = new vscode.DocumentLink(toRange(crumb.range), targets[0]!.with({ fragment }));
        link.tooltip = `${moved.message}: open ${vscode.workspace.asRelativePath(targets[0]!)}${crumbSuffix(mappedCrumb(crumb, fact))}${was}`;
      } else if (targets.length === 1 && (fragment || !crumb.symbol)) {
        link = new vscode.DocumentLink(toRange(crumb.range), targets[0]!.with({ fragment }));
        link.tooltip = `Open ${vscode.workspace.asRelativePath(targets[0]!)}${crumbSuffix(mappedCrumb(crumb, fact))}${was}`;
      } else {
        const args: OpenBreadcrumbArgs = { targets: targets.map((t) => t.toString()), fragment, symbol: crumb.symbol, path: crumb.path };
        link = new vscode.DocumentLink(toRange(crumb.range), vscode.Uri.parse(commandUri(OPEN_BREADCRUMB, args)));
        link.tooltip = targets.length > 1 ? `${crumb.path}: ${targets.length} matching files, pick one` : `Open ${crumb.path} at ${crumb.symbol}`;
      }
      links.push(link);
    }
    return links;
  }
}

/**
 * Registers the link provider. The link API has no change event: the editor asks again only after an edit. A
 * handoff opened before the store found it, or whose files appeared or vanished since, would keep stale links
 * (none at all, at startup). Re-registering the provider makes every editor ask again, so that is done,
 * debounced, when the store's analysis would change links the editor already holds.
 */
export function registerDocumentLinks(context: vscode.ExtensionContext, store: HandoffStore): void {
  const provider = new HandoffLinkProvider(store);
  let registration = vscode.languages.registerDocumentLinkProvider(MARKDOWN, provider);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reRegister = () => {
    timer = undefined;
    registration.dispose();
    registration = vscode.languages.registerDocumentLinkProvider(MARKDOWN, provider);
  };
  context.subscriptions.push(
    store.onDidChange((uris) => {
      if (!uris.some((u) => provider.isStale(u))) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(reRegister, 150);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => provider.forget(d.uri)),
    { dispose: () => { if (timer) clearTimeout(timer); registration.dispose(); } },
  );
}
