/**
 * The status bar entry: the newest handoff's state at a glance ("Handoff: 2 unpushed · 3 open steps"); a click
 * opens it. Hidden when the workspace has no handoff.
 */
import * as vscode from 'vscode';
import type { HandoffStore } from '../contracts';
import { countWithin } from '../counts';
import { displaySupersededBy, freshnessTitle } from '../freshness';
import { statusText } from './model';

export const OPEN_LATEST_COMMAND = 'handoffNavigator.openLatest';

export class HandoffStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('handoffNavigator.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: HandoffStore) {
    this.item.name = 'Handoff Navigator';
    this.item.command = OPEN_LATEST_COMMAND;
    this.subscription = store.onDidChange(() => this.update());
    this.update();
  }

  /** The text shown now (tests read it). */
  get text(): string | undefined {
    return this.store.all().length ? this.item.text : undefined;
  }

  update(): void {
    const newest = this.store.all()[0];
    if (!newest) {
      this.item.hide();
      return;
    }
    const a = newest.analysis;
    const counts = countWithin(a);
    const text = statusText(counts);
    const freshness = freshnessTitle(a.facts, Date.now());
    this.item.text = `$(checklist) ${text}`;
    this.item.tooltip = [
      `${vscode.workspace.asRelativePath(newest.uri)}: ${text.replace(/^Handoff: /, '')}`,
      freshness ?? '',
      a.supersededBy ? `Superseded by ${displaySupersededBy(a.supersededBy)}` : '',
      this.store.gitDisabledReason ?? '',
      'Click to open it.',
    ].filter(Boolean).join('\n');
    this.item.backgroundColor = counts.unpushed || counts.stale ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
