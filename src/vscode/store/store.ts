/**
 * The handoff store: the only place that talks to the language service. It knows which files are handoffs,
 * analyses open documents from their text (keyed by version) and others from disk, and re-analyses after edits
 * (debounced), saves, git state changes and file creation/deletion (refreshScheduler.ts). Every analysis carries a
 * generation number; a result lands only if it is still the newest for the version the editor shows, so a slow
 * analysis of an older version never overwrites a newer one. Providers get the analysis of the version they ask
 * about, taken after the last change the store has heard of (freshAnswer.ts). All work is asynchronous: nothing
 * blocks the host.
 */
import * as vscode from 'vscode';
import type { CommitDetails, GitProvider } from '../../core/git';
import { validSha } from '../../core/git';
import type { CommitMention, FileBreadcrumb } from '../../core/model';
import { createLanguageService, type HandoffLanguageService } from '../../core/service';
import type { AnalysedHandoff, HandoffStore } from '../contracts';
import { crumbIndex } from '../providers/fileFacts';
import { elapsed } from '../log';
import type { ExtensionSettings } from '../settings';
import type { TrustState } from '../trust';
import { DebouncedRun } from './debounce';
import { Discovery, withOpenDocuments } from './discovery';
import { watchEditors } from './editorEvents';
import { watchFiles } from './fileEvents';
import { freshAnswer } from './freshAnswer';
import { RefreshScheduler } from './refreshScheduler';
import { GitSide } from './gitSide';
import { compareNewestFirst, mergeExcludes, openedNeedsAnalysis } from './model';
import { seriesChanged } from './series';
import { Analyses, openDocument, type BeforeLandHook, type Entry } from './analyses';
import { RepositoryNotices } from './repoNotices';

export interface StoreOptions {
  log: vscode.LogOutputChannel;
  trust: TrustState;
  settings: () => ExtensionSettings;
  workspaceState: vscode.Memento;
}

/** The longest a refresh waits for a burst of changes to pause (a checkout reports hundreds). */
const MAX_REFRESH_DELAY_MS = 2_000;
/** The longest a provider waits for a current analysis before it takes one of its version from any epoch. */
const FRESH_WAIT_MS = 5_000;

export type { BeforeLandHook } from './analyses';

export class Store implements HandoffStore {
  private readonly emitter = new vscode.EventEmitter<readonly vscode.Uri[]>();
  readonly onDidChange = this.emitter.event;
  private readonly entries = new Map<string, Entry>();
  /** Which notices are shown: a repository's fault once for the repository (repoNotices.ts). */
  readonly repoNotices = new RepositoryNotices();
  private readonly discovery: Discovery;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private service!: HandoffLanguageService;
  private readonly gitSide: GitSide;
  private readonly analyses: Analyses;
  private readonly refreshes: RefreshScheduler;
  private discovering: Promise<void> | undefined;
  beforeLand: BeforeLandHook | undefined;

  constructor(private readonly opts: StoreOptions) {
    this.discovery = new Discovery(opts.workspaceState);
    this.refreshes = new RefreshScheduler((why) => this.refreshAll(why), () => ({ quietMs: Math.max(opts.settings().debounceMs, 300), maxMs: MAX_REFRESH_DELAY_MS }));
    // Git runs only when trusted, local and not turned off in the settings.
    this.gitSide = new GitSide(() => this.gitAllowed && opts.settings().core.git, opts.log, (why) => this.refreshes.request(why), () => this.refreshes.epoch);
    this.rebuildService();
    this.analyses = new Analyses({
      log: opts.log,
      repoNotices: this.repoNotices,
      service: () => this.service,
      epoch: () => this.refreshes.epoch,
      exclude: () => mergeExcludes(opts.settings().exclude),
      parseOnly: () => !this.gitSide.check,
      entries: () => this.entries.values(),
      known: (entry) => this.entries.get(entry.uri.toString()) === entry,
      gone: (entry) => { this.remove(entry.uri.toString()); this.emitter.fire([entry.uri]); },
      landed: (entry) => {
        this.emitter.fire([entry.uri]);
        // Its text may make a copy of it beside it superseded, or no longer (series.ts): its folder only.
        this.followSeries('a handoff beside it was analysed', entry.uri);
      },
      beforeLand: () => this.beforeLand,
    });
  }

  get gitAllowed(): boolean {
    return this.opts.trust.gitAllowed;
  }

  get gitDisabledReason(): string | null {
    return this.opts.trust.reason;
  }

  /** The git provider, for commands that ask the repository directly (New Handoff); undefined while git may not run. */
  get gitProvider(): GitProvider | undefined {
    return this.gitSide.provider;
  }

  /** Starts listening and finds the handoffs; resolves when the first discovery is done. */
  start(): Promise<void> {
    this.disposables.push(
      watchEditors({
        edited: (uri) => {
          const entry = this.entries.get(uri.toString());
          // The in-flight analysis is for an older version: stop it now, re-analyse after the pause.
          entry?.cts?.cancel();
          if (entry) this.schedule(entry, this.opts.settings().debounceMs, 'edit');
        },
        saved: (uri) => {
          const entry = this.entries.get(uri.toString());
          if (entry) void this.analyse(entry, { reason: 'save' });
          return entry !== undefined;
        },
        otherSaved: () => this.refreshes.request('a file was saved'), // a target's line count may have changed
        opened: (doc) => {
          const entry = this.entries.get(doc.uri.toString());
          if (!entry) this.consider(doc.uri, 'opened');
          else if (openedNeedsAnalysis(entry.running, entry.landed, doc.version)) void this.analyse(entry, { reason: 'opened' });
        },
        closed: (uri) => {
          const entry = this.entries.get(uri.toString());
          if (entry) this.schedule(entry, 0, 'closed');
        },
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rediscover('workspace folders changed')),
      this.opts.trust.onDidChange(() => { if (this.syncGit('workspace trusted')) void this.refresh(); }),
    );
    this.disposables.push(watchFiles({
      handoffs: () => [...this.entries.values()].map((e) => e.uri),
      consider: (uri, why) => this.consider(uri, why),
      forget: (uris) => {
        for (const uri of uris) this.remove(uri.toString(), false);
        this.followSeries('handoffs deleted');
        this.opts.log.info(`deleted, no longer handoffs: ${uris.map((u) => u.fsPath).join(', ')}`);
        this.emitter.fire(uris);
      },
      changedOnDisk: (uri) => {
        const entry = this.entries.get(uri.toString());
        if (entry && !openDocument(uri)) this.schedule(entry, this.opts.settings().debounceMs, 'changed on disk');
      },
      filesChanged: (why) => this.refreshes.request(why),
      exclude: () => mergeExcludes(this.opts.settings().exclude),
    }));
    this.gitSide.startWatching();
    return this.rediscover('activation');
  }

  isHandoff(uri: vscode.Uri): boolean {
    return this.entries.has(uri.toString());
  }

  get(uri: vscode.Uri): AnalysedHandoff | undefined {
    return this.entries.get(uri.toString())?.landed;
  }

  all(): readonly AnalysedHandoff[] {
    return [...this.entries.values()]
      .filter((e): e is Entry & { landed: AnalysedHandoff } => e.landed !== undefined)
      .sort((a, b) => compareNewestFirst(
        { date: a.landed.analysis.model.date, mtime: a.mtime, path: a.uri.path },
        { date: b.landed.analysis.model.date, mtime: b.mtime, path: b.uri.path }))
      .map((e) => e.landed);
  }

  /**
   * The analysis of the version the provider asks about, taken after the last change the store has heard of: it
   * waits (bounded, cancellable) for the edit or refresh on its way rather than answer from a stale one.
   */
  async ensure(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<AnalysedHandoff | undefined> {
    const key = document.uri.toString();
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const version = document.version;
    return freshAnswer(version, {
      stillAsked: () => this.entries.get(key) === entry && !document.isClosed && document.version === version,
      epoch: () => this.refreshes.epoch,
      landed: () => entry.landed && { version: entry.landed.version, epoch: entry.landedEpoch, result: entry.landed },
      running: () => entry.running,
      editDue: () => entry.debounce.due,
      refreshDue: () => this.refreshes.due,
      waitEdit: (t) => entry.debounce.wait(t),
      waitRefresh: (t) => this.refreshes.started(t),
      analyse: () => this.analyses.begin(entry, { reason: 'requested', doc: document }),
    }, token, FRESH_WAIT_MS);
  }

  fileTargets(handoff: AnalysedHandoff, crumb: FileBreadcrumb): readonly vscode.Uri[] {
    const i = crumbIndex(handoff.analysis.model.files, crumb);
    const paths = i >= 0 ? handoff.analysis.fileTargets[i] : null;
    return (paths ?? []).map((p) => (handoff.uri.scheme === 'file' ? vscode.Uri.file(p) : handoff.uri.with({ path: p })));
  }

  commitState(handoff: AnalysedHandoff, commit: CommitMention): unknown {
    const key = validSha(commit.sha);
    return key ? handoff.analysis.commitStates.get(key) : undefined;
  }

  commitDetails(handoff: vscode.Uri, sha: string, token: vscode.CancellationToken): Promise<CommitDetails | undefined> {
    return this.gitSide.commitDetails(handoff, sha, token);
  }

  commitPatch(handoff: vscode.Uri, sha: string, token: vscode.CancellationToken): Promise<string | undefined> {
    return this.gitSide.commitPatch(handoff, sha, token);
  }

  textsAt(handoff: vscode.Uri, sha: string, paths: readonly string[], token: vscode.CancellationToken) { return this.gitSide.textsAt(handoff, sha, paths, token); }

  /** "Mark as Handoff": remembered per workspace, analysed at once. */
  async mark(uri: vscode.Uri): Promise<void> {
    await this.discovery.mark(uri);
    this.add(uri, 'marked as handoff');
  }

  /** Re-reads the settings' effect: new include/exclude, rules, git on/off, timeouts. */
  async settingsChanged(): Promise<void> {
    this.service.updateSettings(this.opts.settings().core);
    this.syncGit('settings changed');
    await this.rediscover('settings changed', true);
  }

  /** Finds the handoffs again and re-analyses every one (Refresh). */
  refresh(): Promise<void> {
    this.refreshes.invalidate(); // a listing or answer taken before is not reused
    return this.rediscover('refresh', true);
  }

  /** For tests: resolves once no discovery, debounce timer or analysis is pending. */
  async whenIdle(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let quietSince = 0;
    for (;;) {
      const idle = this.analyses.busy === 0 && !this.discovering && !this.refreshes.due && [...this.entries.values()].every((e) => !e.debounce.due && !e.running);
      if (idle) {
        quietSince ||= Date.now();
        if (Date.now() - quietSince >= 50) return;
      } else quietSince = 0;
      if (Date.now() > deadline) throw new Error('handoff store did not become idle');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  // ---- discovery ------------------------------------------------------------------------------------------

  private rediscover(reason: string, reanalyse = false): Promise<void> {
    const run = async () => {
      const start = performance.now();
      const cts = new vscode.CancellationTokenSource();
      try {
        const { uris, skipped } = await this.discovery.findAll(this.opts.settings(), cts.token);
        for (const s of skipped) this.opts.log.warn(`skipped: ${s}`);
        const handoffs = await withOpenDocuments(uris, (uri) => this.qualifies(uri));
        const keep = new Set(handoffs.map((u) => u.toString()));
        const removed = [...this.entries.keys()].filter((k) => !keep.has(k));
        for (const k of removed) this.remove(k, false);
        const fresh: Entry[] = [];
        for (const uri of handoffs) {
          const existed = this.entries.get(uri.toString());
          if (existed) { if (reanalyse) fresh.push(existed); continue; }
          fresh.push(this.entry(uri));
        }
        this.opts.log.info(`${reason}: ${this.entries.size} handoff(s) found in ${elapsed(start)} ms${removed.length ? `, ${removed.length} gone` : ''}`);
        if (removed.length) this.emitter.fire(removed.map((k) => vscode.Uri.parse(k)));
        const runs = fresh.map((e) => this.analyse(e, { reason }));
        // Handoffs found or gone may supersede, or stop superseding, the ones not analysed again here.
        this.followSeries(reason);
        await Promise.all(runs);
      } finally {
        cts.dispose();
      }
    };
    // One discovery at a time; a request during one runs after it.
    const next = (this.discovering ?? Promise.resolve()).then(run, run).catch((e) => this.opts.log.error(`discovery failed: ${e}`));
    const tracked = next.finally(() => { if (this.discovering === tracked) this.discovering = undefined; });
    this.discovering = tracked;
    return tracked;
  }

  private qualifies(uri: vscode.Uri): boolean {
    return this.discovery.isMarked(uri) || this.discovery.matches(uri, this.opts.settings());
  }

  private consider(uri: vscode.Uri, why: string): void {
    if (!this.entries.has(uri.toString()) && this.qualifies(uri)) this.add(uri, why);
  }

  private add(uri: vscode.Uri, why: string): void {
    const existing = this.entries.get(uri.toString());
    void this.analyse(existing ?? this.entry(uri), { reason: why });
    if (!existing) this.followSeries(`${vscode.workspace.asRelativePath(uri)} appeared`);
  }

  private entry(uri: vscode.Uri): Entry {
    const e: Entry = { uri, mtime: 0, generation: 0, landedEpoch: -1, notices: '', debounce: new DebouncedRun() };
    this.entries.set(uri.toString(), e);
    return e;
  }

  /** Forgets a handoff; `follow` false when the caller removes several and follows the series once after. */
  private remove(key: string, follow = true): void {
    const e = this.entries.get(key);
    if (!e) return;
    e.cts?.cancel();
    e.debounce.cancel();
    this.entries.delete(key);
    this.repoNotices.forget(key);
    this.service.forget(e.uri.fsPath);
    if (follow) this.followSeries(`${vscode.workspace.asRelativePath(e.uri)} is gone`);
  }

  /**
   * A handoff appeared or went (a rename is both): the others of its series may now be superseded, or current
   * again, so their open steps follow. Only those whose answer changed are analysed again, at no git cost (facts
   * are cached per repository state).
   */
  private followSeries(why: string, near?: vscode.Uri): void {
    for (const entry of seriesChanged(this.entries.values(), near)) void this.analyse(entry, { reason: why });
  }

  // ---- analysis -------------------------------------------------------------------------------------------

  private schedule(entry: Entry, delay: number, reason: string): void {
    entry.debounce.schedule(delay, () => this.analyse(entry, { reason }));
  }

  /** The scheduled refresh (refreshScheduler.ts): every handoff analysed again, in the new epoch. */
  private refreshAll(reason: string): void {
    this.opts.log.debug(`re-analysing every handoff: ${reason}`);
    for (const e of this.entries.values()) void this.analyse(e, { reason });
  }

  private analyse(entry: Entry, o: { reason: string }): Promise<AnalysedHandoff | undefined> {
    return this.analyses.begin(entry, o).promise;
  }

  // ---- git ------------------------------------------------------------------------------------------------

  private rebuildService(): void {
    this.service = createLanguageService({ git: this.gitSide.check, logger: this.opts.log, settings: this.opts.settings().core });
  }

  /** Trust or the git setting changed: a new service only when git switched on or off. */
  private syncGit(reason: string): boolean {
    if (!this.gitSide.sync()) return false;
    this.rebuildService();
    this.opts.log.info(this.gitSide.check ? `git checks enabled (${reason})` : `git checks disabled: ${this.gitDisabledReason ?? 'handoffNavigator.git.enabled is false'}`);
    return true;
  }

  dispose(): void {
    for (const e of this.entries.values()) { e.cts?.cancel(); e.debounce.cancel(); }
    this.refreshes.dispose();
    this.gitSide.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

