/**
 * The editor features over handoff documents: CodeLens, document links, hovers, quick fixes, the read-only commit
 * view and the commands they invoke. Activation (src/vscode/extension.ts) builds the store and calls registerProviders;
 * everything here reads from the store and never parses or runs git itself.
 */
import * as vscode from 'vscode';
import type { HandoffStore } from '../contracts';
import { registerChangeSince } from './changeSince';
import { HandoffCodeActionProvider } from './codeActions';
import { HandoffCodeLensProvider, type CodeLensSettings } from './codeLens';
import { registerCommands } from './commands';
import { registerCommitDocuments } from './commitDocument';
import { registerDocumentLinks } from './documentLinks';
import { registerFixCommands, type FixCommandHooks } from './fixCommands';
import { HandoffHoverProvider } from './hovers';
import { CommitDetailsCache, MARKDOWN } from './shared';

export type { CodeLensSettings } from './codeLens';
export { OPEN_CHANGE_SINCE, type ChangeSinceArgs } from './changeSince';
export { COMMIT_SCHEME, commitDocumentUri } from './commitDocument';
export { COPY_SHA, OPEN_BREADCRUMB, OPEN_CHANGES, OPEN_COMMIT } from './hoverText';
export { FIX_ALL_KIND } from './codeActions';
export { FIX_ALL, FIX_ITEM, type FixCommandHooks } from './fixCommands';
export { modalConfirm, PUSH_COMMIT, type ConfirmPush } from './push';

export function registerProviders(
  context: vscode.ExtensionContext,
  store: HandoffStore,
  codeLensSettings: () => CodeLensSettings,
  onSettingsChanged: vscode.Event<void>,
  log: vscode.LogOutputChannel,
  hooks: FixCommandHooks,
): void {
  const details = new CommitDetailsCache(store);
  const lenses = new HandoffCodeLensProvider(store, codeLensSettings, onSettingsChanged, details);
  context.subscriptions.push(
    details,
    lenses,
    vscode.languages.registerCodeLensProvider(MARKDOWN, lenses),
    vscode.languages.registerHoverProvider(MARKDOWN, new HandoffHoverProvider(store, details)),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new HandoffCodeActionProvider(store), HandoffCodeActionProvider.metadata),
  );
  registerFixCommands(context, store, log, hooks);
  registerDocumentLinks(context, store);
  registerCommitDocuments(context, store);
  registerCommands(context, store);
  registerChangeSince(context, store);
}
