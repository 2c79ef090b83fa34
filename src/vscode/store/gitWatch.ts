/**
 * Tells the store when a repository's state changed (commit, amend, push, fetch, checkout, branch or tag
 * change): file watchers on each repository's HEAD, refs and packed-refs, and the built-in git extension's
 * state events when it is there (it notices pushes made from its own UI before any file event arrives).
 * Only used when git is allowed: in an untrusted window nothing here starts.
 */
import * as vscode from 'vscode';

/** The bits of the built-in git extension's API (`vscode.git`, API version 1) we read. */
interface GitApiRepository {
  readonly rootUri: vscode.Uri;
  readonly state: {
    readonly HEAD?: { name?: string; commit?: string; ahead?: number; behind?: number; upstream?: { name: string; remote: string } };
    readonly refs?: ReadonlyArray<{ name?: string; commit?: string }>;
    readonly onDidChange: vscode.Event<void>;
  };
}
interface GitApi {
  readonly repositories: readonly GitApiRepository[];
  readonly onDidOpenRepository: vscode.Event<GitApiRepository>;
}
interface GitExtensionExports {
  getAPI(version: 1): GitApi;
}

export class GitWatch implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly watched = new Set<string>();
  private readonly signatures = new Map<string, string>();
  private disposed = false;

  constructor(private readonly onChange: (why: string) => void, private readonly log: vscode.LogOutputChannel) {}

  /** Watches a repository's git directory (and its common directory, where refs live in linked worktrees). */
  watchRepository(gitDir: string, commonDir: string): void {
    if (this.disposed) return;
    for (const [dir, glob] of [[gitDir, 'HEAD'], [commonDir, '{packed-refs,refs/**}']] as const) {
      const key = `${dir}\0${glob}`;
      if (this.watched.has(key)) continue;
      this.watched.add(key);
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), glob));
      const fire = (uri: vscode.Uri) => this.onChange(`${uri.fsPath} changed`);
      this.disposables.push(w, w.onDidChange(fire), w.onDidCreate(fire), w.onDidDelete(fire));
      this.log.debug(`watching ${dir}/${glob} for git state changes`);
    }
  }

  /** Hooks the built-in git extension when it is installed and enabled; silently does nothing otherwise. */
  async hookGitExtension(): Promise<void> {
    try {
      const ext = vscode.extensions.getExtension<GitExtensionExports>('vscode.git');
      if (!ext) return;
      const exports = ext.isActive ? ext.exports : await ext.activate();
      if (this.disposed || !exports || typeof exports.getAPI !== 'function') return;
      const api = exports.getAPI(1);
      for (const repo of api.repositories) this.hookRepository(repo);
      this.disposables.push(api.onDidOpenRepository((repo) => this.hookRepository(repo)));
      this.log.debug('listening to the built-in git extension');
    } catch (e) {
      this.log.debug(`built-in git extension not used: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private hookRepository(repo: GitApiRepository): void {
    const key = repo.rootUri.toString();
    this.signatures.set(key, signature(repo));
    // Its state event also fires for every working-tree change; only ref movements matter to us.
    this.disposables.push(repo.state.onDidChange(() => {
      const next = signature(repo);
      if (next === this.signatures.get(key)) return;
      this.signatures.set(key, next);
      this.onChange(`git extension: ${repo.rootUri.fsPath} refs changed`);
    }));
  }

  dispose(): void {
    this.disposed = true;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.watched.clear();
  }
}

function signature(repo: GitApiRepository): string {
  const h = repo.state.HEAD;
  const refs = (repo.state.refs ?? []).map((r) => `${r.name}=${r.commit}`).join(',');
  return `${h?.name}|${h?.commit}|${h?.ahead}|${h?.behind}|${h?.upstream?.remote}/${h?.upstream?.name}|${refs}`;
}
