/**
 * Whether git may run. In an untrusted workspace running git is running code from the repository (hooks,
 * fsmonitor, config-defined helpers), and a virtual workspace (vscode.dev, remote file systems) has no local
 * repository to ask: both get parse-only results. Tests inject the state through `override` so they can prove
 * that no git process starts when untrusted, whatever the host's own trust setting is.
 */
import * as vscode from 'vscode';

export class TrustState implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when `gitAllowed` or its reason may have changed. */
  readonly onDidChange = this.emitter.event;
  private overrideTrusted: boolean | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.subscriptions.push(
      this.emitter,
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.emitter.fire()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.emitter.fire()),
    );
  }

  /** For tests: pretend the workspace is (un)trusted; undefined returns to the host's real state. */
  override(trusted: boolean | undefined): void {
    if (this.overrideTrusted === trusted) return;
    this.overrideTrusted = trusted;
    this.emitter.fire();
  }

  get trusted(): boolean {
    return this.overrideTrusted ?? vscode.workspace.isTrusted;
  }

  /** A workspace whose folders are not on the local disk (the extension host runs git on local paths only). */
  get virtual(): boolean {
    const folders = vscode.workspace.workspaceFolders ?? [];
    return folders.length > 0 && folders.every((f) => f.uri.scheme !== 'file');
  }

  get gitAllowed(): boolean {
    return this.reason === null;
  }

  /** Why git checks are off, in words for the tree's message and the log; null when they are on. */
  get reason(): string | null {
    if (!this.trusted) return 'Git checks are off: this workspace is not trusted. Trust it to check commits and pushes.';
    if (this.virtual) return 'Git checks are off: this is a virtual workspace with no local git repository.';
    return null;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
