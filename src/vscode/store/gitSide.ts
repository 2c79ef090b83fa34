/**
 * The store's git side: whether git runs at all (trusted, local, `handoffNavigator.git.enabled`), the checks
 * the language service calls, the watchers that report repository state changes, and commit details for the
 * providers. Switching git off drops the checks and the watchers together, so nothing can start a process.
 */
import * as vscode from 'vscode';
import type { CommitDetails, GitProvider, GitResult, RepoInfo } from '../../core/git';
import type { FactSource } from '../../core/gitCheck';
import { makeGitCheck, type AdapterGit } from './gitCheck';
import { GitWatch } from './gitWatch';

import { neverCancelled } from './cancellation';

export class GitSide implements vscode.Disposable {
  private git: AdapterGit | undefined;
  private watch: GitWatch | undefined;
  private watching = false;

  constructor(
    private readonly wanted: () => boolean,
    private readonly log: vscode.LogOutputChannel,
    private readonly onRepositoryChange: (why: string) => void,
    /** The store's change count: a file listing taken before a reported change is not used after it. */
    private readonly epoch: () => number,
  ) {
    this.sync();
  }

  /** The checks for the language service; undefined means parse-only. */
  get check(): FactSource | undefined {
    return this.git?.check;
  }

  /** The git provider while git may run (trusted, local, enabled); undefined otherwise. */
  get provider(): GitProvider | undefined {
    return this.git?.provider;
  }

  /** Brings git in line with trust and settings; true when it switched on or off. */
  sync(): boolean {
    if (Boolean(this.git) === this.wanted()) return false;
    if (this.git) {
      this.git = undefined;
      this.watch?.dispose();
      this.watch = undefined;
    } else {
      this.git = makeGitCheck(this.log, this.epoch);
      if (this.watching) this.startWatch();
    }
    return true;
  }

  /** Starts the repository watchers (once the store listens; again after git is switched back on). */
  startWatching(): void {
    this.watching = true;
    if (this.git) this.startWatch();
  }

  private startWatch(): void {
    if (this.watch || !this.git) return;
    const git = this.git;
    const watch = (this.watch = new GitWatch(this.onRepositoryChange, this.log));
    void watch.hookGitExtension();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      void git.provider.discover(folder.uri.fsPath, neverCancelled()).then((r) => {
        if (r.ok && this.watch === watch) watch.watchRepository(r.value.gitDir, r.value.commonDir);
      });
    }
  }

  commitDetails(handoff: vscode.Uri, sha: string, token: vscode.CancellationToken): Promise<CommitDetails | undefined> {
    return this.askRepo(handoff, token, (git, repo) => git.provider.commitDetails(repo, sha, token));
  }

  commitPatch(handoff: vscode.Uri, sha: string, token: vscode.CancellationToken): Promise<string | undefined> {
    return this.askRepo(handoff, token, (git, repo) => git.provider.commitPatch(repo, sha, token));
  }

  textsAt(handoff: vscode.Uri, sha: string, paths: readonly string[], token: vscode.CancellationToken): Promise<ReadonlyMap<string, string | null> | undefined> {
    return this.askRepo(handoff, token, (git, repo) => git.provider.textsAt(repo, sha, paths, token));
  }

  /** One question to the repository holding a handoff; undefined without git, a repository, or an answer. */
  private async askRepo<T>(
    handoff: vscode.Uri,
    token: vscode.CancellationToken,
    ask: (git: AdapterGit, repo: RepoInfo) => Promise<GitResult<T>>,
  ): Promise<T | undefined> {
    const git = this.git;
    const repo = await this.repoOf(handoff, token);
    if (!repo || !git) return undefined;
    const r = await ask(git, repo);
    return r.ok ? r.value : undefined;
  }

  private async repoOf(handoff: vscode.Uri, token: vscode.CancellationToken): Promise<RepoInfo | undefined> {
    if (!this.git || handoff.scheme !== 'file') return undefined;
    const r = await this.git.provider.discover(vscode.Uri.joinPath(handoff, '..').fsPath, token);
    return r.ok ? r.value : undefined;
  }

  dispose(): void {
    this.watch?.dispose();
    this.watch = undefined;
    this.git = undefined;
  }
}
