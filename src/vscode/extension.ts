// Placeholder entry point: replaced by the adapter of the VS Code extension issue.
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Handoff Navigator', { log: true });
  context.subscriptions.push(log);
  log.info('Handoff Navigator activated');
}

export function deactivate(): void {}
