/**
 * The editor features over handoff documents: CodeLens, document links, hovers, the read-only commit view and
 * the commands they invoke. Activation (src/vscode/extension.ts) builds the store and calls registerProviders;
 * everything here reads from the store and never parses or runs git itself.
 */
import * as vscode from 'vscode';
import type { HandoffStore } from '../contracts';
import { registerChangeSince } from './changeSince';
import { HandoffCodeLensProvider, type CodeLensSettings } from './codeLens';
import { registerCommands } from './commands';
import { registerCommitDocuments } from './commitDocument';
import { registerDocumentLinks } from './documentLinks';
import { HandoffHoverProvider } from './hovers';
import { CommitDetailsCache, MARKDOWN } from './shared';

export type { CodeLensSettings } from './codeLens';
export { OPEN_CHANGE_SINCE, type ChangeSinceArgs } from './changeSince';
export { COMMIT_SCHEME, commitDocumentUri } from './commitDocument';
export { COPY_SHA, OPEN_BREADCRUMB, OPEN_CHANGES, OPEN_COMMIT } from './hoverText';

export function registerProviders(
  context: vscode.ExtensionContext,
  store: HandoffStore,
  codeLensSettings: () => CodeLensSettings,
  onSettingsChanged: vscode.Event<void>,
): void {
  const details = new CommitDetailsCache(store);
  const lenses = new HandoffCodeLensProvider(store, codeLensSettings, onSettingsChanged, details);
  context.subscriptions.push(
    details,
    lenses,
    vscode.languages.registerCodeLensProvider(MARKDOWN, lenses),
    vscode.languages.registerHoverProvider(MARKDOWN, new HandoffHoverProvider(store, details)),
  );
  registerDocumentLinks(context, store);
  registerCommitDocuments(context, store);
  registerCommands(context, store);
  registerChangeSince(context, store);
}
