/**
 * Document links for every breadcrumb, inside backticks too (VS Code's own Markdown links skip code spans).
 * One target: a file URI whose fragment carries the selection (`#L113`, `#L49,1-L52,1`), which the
 * workbench's opener turns into a selection. Several (an ambiguous bare name) or a symbol to find: a command
 * link to the open-breadcrumb command, which asks or searches. A missing file gets no link: there is nothing
 * to open, and the lens and the missing-file diagnostic already say so.
 */
import * as vscode from 'vscode';
import type { HandoffStore } from '../contracts';
import type { OpenBreadcrumbArgs } from './commands';
import { crumbSuffix } from './format';
import { commandUri, OPEN_BREADCRUMB } from './hoverText';
import { analysedFor, toRange } from './shared';
import { lineFragment } from './targets';

export class HandoffLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly store: HandoffStore) {}

  async provideDocumentLinks(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentLink[]> {
    const h = await analysedFor(this.store, document, token);
    if (!h) return [];
    const links: vscode.DocumentLink[] = [];
    for (const crumb of h.analysis.model.files) {
      if (token.isCancellationRequested) return [];
      if (crumb.external) continue;
      const targets = this.store.fileTargets(h, crumb);
      if (targets.length === 0) continue;
      const fragment = lineFragment(crumb);
      let link: vscode.DocumentLink;
      if (targets.length === 1 && (fragment || !crumb.symbol)) {
        link = new vscode.DocumentLink(toRange(crumb.range), targets[0]!.with({ fragment }));
        link.tooltip = `Open ${vscode.workspace.asRelativePath(targets[0]!)}${crumbSuffix(crumb)}`;
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
