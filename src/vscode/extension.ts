/**
 * Activation: builds the store, the views and the providers, and puts every registration on
 * context.subscriptions. Nothing runs at import time; activate() itself only wires things up — finding and
 * analysing handoffs starts in the background, so the host never waits on it. Returns a small API the
 * extension-host tests use (trust injection, idleness, the tree and status bar as shown).
 */
import * as vscode from 'vscode';
import { CitationIndexCache, registerBacklinks } from './backlinks/register';
import { registerCommands } from './commands/commands';
import { registerNewHandoff } from './newHandoff/command';
import { ResumeController } from './resume/session';
import { DiagnosticsPublisher } from './diagnostics/diagnostics';
import { createLog, elapsed } from './log';
import { modalConfirm, registerProviders, type ConfirmPush, type FixCommandHooks } from './providers';
import { ProblemReporter, readExtensionSettings, type ExtensionSettings } from './settings';
import { HandoffStatusBar } from './status/statusBar';
import { gitProcessesStarted } from './store/gitCheck';
import { killAllGit } from '../node/gitRunner';
import { Store, type BeforeLandHook } from './store/store';
import { HandoffTree } from './tree/provider';
import { registerLanguageModelTools, registerMcpServerProvider } from './lmTools/register';
import { TrustState } from './trust';

export interface HandoffNavigatorApi {
  store: Store;
  tree: HandoffTree;
  statusBar: HandoffStatusBar;
  /** Resolves when the first discovery and its analyses are done. */
  ready: Promise<void>;
  settings(): ExtensionSettings;
  /** Tests: pretend the workspace is (un)trusted; undefined restores the host's state. */
  setTrusted(trusted: boolean | undefined): void;
  /** Tests: git processes started by the extension so far. */
  gitProcessesStarted(): number;
  /** Tests: every repository-wide notice shown so far (a repository's git fault, once per repository). */
  repositoryNotices(): readonly string[];
  /** Tests: every settings problem reported so far (each once). */
  settingsProblems(): readonly string[];
  /** Tests: runs between an analysis and its landing. */
  setBeforeLand(hook: BeforeLandHook | undefined): void;
  /** Tests: answers "Push…"'s confirmation instead of the modal dialog; undefined restores the dialog. */
  setPushConfirmation(confirm: ConfirmPush | undefined): void;
}

export function activate(context: vscode.ExtensionContext): HandoffNavigatorApi {
  const start = performance.now();
  const log = createLog();
  context.subscriptions.push(log);

  const reporter = new ProblemReporter();
  const reported: string[] = [];
  const load = (): ExtensionSettings => {
    const { settings, problems } = readExtensionSettings(vscode.workspace.getConfiguration('handoffNavigator'));
    const fresh = reporter.fresh(problems);
    reported.push(...fresh);
    for (const p of fresh) log.warn(`setting ignored: ${p}`);
    if (fresh.length) {
      void vscode.window.showWarningMessage(`Handoff Navigator: ${fresh.length === 1 ? fresh[0] : `${fresh.length} settings are invalid; their defaults are used (see the log).`}`, 'Show Log')
        .then((choice) => { if (choice) log.show(true); });
    }
    return settings;
  };
  let settings = load();
  const current = () => settings;

  const trust = new TrustState();
  const store = new Store({ log, trust, settings: current, workspaceState: context.workspaceState });
  // Backlinks (which handoffs cite a file): one index over the store's analyses, for the tree and the editor.
  const citations = new CitationIndexCache(store);
  const tree = new HandoffTree(store, current, log, citations);
  const statusBar = new HandoffStatusBar(store);
  const diagnostics = new DiagnosticsPublisher(store, vscode.Uri.joinPath(context.extensionUri, 'README.md'));
  const settingsChanged = new vscode.EventEmitter<void>();
  context.subscriptions.push(trust, store, tree, statusBar, diagnostics, settingsChanged);
  context.subscriptions.push(...registerCommands({ store, tree, log }));
  context.subscriptions.push(registerNewHandoff({ store, trust, settings: current, log }), ...new ResumeController(store, log).register());
  const fixHooks: FixCommandHooks = { confirmPush: modalConfirm };
  registerProviders(context, store, () => current().codeLens, settingsChanged.event, log, fixHooks);
  registerBacklinks(context, store, citations, () => current().codeLens.backlinks, settingsChanged.event);
  context.subscriptions.push(...registerLanguageModelTools(store, log), ...registerMcpServerProvider(context, store, trust.onDidChange, log));

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('handoffNavigator')) return;
      const before = analysisKey(settings);
      settings = load();
      settingsChanged.fire();
      // Lens and follow-cursor switches need no new analysis; globs, rules and git settings do.
      if (analysisKey(settings) === before) return;
      log.info('settings changed: re-analysing');
      void store.settingsChanged();
    }),
    // Trust changes alter the tree's message and the status tooltip even before re-analysis lands.
    trust.onDidChange(() => { tree.rebuild(); statusBar.update(); }),
  );

  if (!store.gitAllowed) log.info(store.gitDisabledReason ?? 'git checks are off');
  const ready = store.start().then(() => {
    log.info(`initial analysis done ${elapsed(start)} ms after activation`);
    // The view's welcome content ("no handoff found") waits for this: an empty tree before then means nothing.
    void vscode.commands.executeCommand('setContext', 'handoffNavigator.discovered', true);
  });
  log.info(`Handoff Navigator ${context.extension.packageJSON.version} activated in ${elapsed(start)} ms (${vscode.workspace.workspaceFolders?.length ?? 0} workspace folder(s), git ${store.gitAllowed ? 'on' : 'off'})`);

  return {
    store, tree, statusBar, ready,
    settings: current,
    setTrusted: (trusted) => trust.override(trusted),
    gitProcessesStarted,
    settingsProblems: () => reported,
    repositoryNotices: () => store.repoNotices.shown,
    setBeforeLand: (hook) => { store.beforeLand = hook; },
    setPushConfirmation: (confirm) => { fixHooks.confirmPush = confirm ?? modalConfirm; },
  };
}

/** The settings that change which files are handoffs or what their analysis says. */
function analysisKey(s: ExtensionSettings): string {
  return JSON.stringify([s.include, s.exclude, s.core]);
}

export function deactivate(): void {
  // Everything else is on context.subscriptions: VS Code disposes it. git runs in process groups of its own,
  // which the host's exit does not reach.
  killAllGit();
}
