/**
 * The handoff store: the only place that talks to the language service. It knows which files are handoffs,
 * analyses open documents from their text (keyed by version) and others from disk, and re-analyses after edits
 * (debounced), saves, git state changes and file creation/deletion. Every analysis carries a generation
 * number; a result lands only if it is still the newest for the version the editor shows, so a slow analysis
 * of an older version never overwrites a newer one. All work is asynchronous: nothing blocks the host.
 */
import * as vscode from 'vscode';
import type { CommitDetails, GitProvider } from '../../core/git';
import { validSha } from '../../core/git';
import type { CancellationToken } from '../../core/interfaces';
import type { CommitMention, FileBreadcrumb } from '../../core/model';
import { createLanguageService, type HandoffLanguageService } from '../../core/service';
import { fixableRanges } from '../../core/fixes';
import type { AnalysedHandoff, HandoffStore } from '../contracts';
import { crumbIndex } from '../providers/fileFacts';
import { elapsed } from '../log';
import type { ExtensionSettings } from '../settings';
import type { TrustState } from '../trust';
import { DebouncedRun } from './debounce';
import { Discovery, withOpenDocuments } from './discovery';
import { watchFiles } from './fileEvents';
import { anyCancelled, neverCancelled } from './cancellation';
import { GitSide } from './gitSide';
import { compareNewestFirst, mayLand, mergeExcludes } from './model';
import { seriesChanged, supersedingOf } from './series';
import { resolveTargets } from './targets';
import { RepositoryNotices } from './repoNotices';

interface Entry {
  uri: vscode.Uri;
  landed?: AnalysedHandoff;
  mtime: number;
  generation: number;
  cts?: vscode.CancellationTokenSource;
  /** The re-analysis waiting for the typing to pause. */
  debounce: DebouncedRun<AnalysedHandoff | undefined>;
  running?: { version: number; promise: Promise<AnalysedHandoff | undefined> };
  notices: string;
  /** The newer handoff of its series the latest analysis was given (undefined: never analysed). */
  supersededBy?: string | null;
}

export interface StoreOptions {
  log: vscode.LogOutputChannel;
  trust: TrustState;
  settings: () => ExtensionSettings;
  workspaceState: vscode.Memento;
}

/** Test seam: runs between an analysis and its landing (a test delays one version to prove it never lands). */
export type BeforeLandHook = (uri: vscode.Uri, version: number) => Promise<void> | void;

/** How long NodeWorkspaceFiles (src/node/workspaceFiles.ts) keeps a listing: its default `ttlMs`. */
const FILE_LISTING_TTL_MS = 2_000;

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
  private busy = 0;
  private readonly refreshTimers = new Map<'state' | 'files', ReturnType<typeof setTimeout>>();
  private discovering: Promise<void> | undefined;
  beforeLand: BeforeLandHook | undefined;

  constructor(private readonly opts: StoreOptions) {
    this.discovery = new Discovery(opts.workspaceState);
    // Git runs only when trusted, local and not turned off in the settings.
    this.gitSide = new GitSide(() => this.gitAllowed && opts.settings().core.git, opts.log, (why) => this.scheduleRefreshAll(why));
    this.rebuildService();
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
    const w = vscode.workspace;
    this.disposables.push(
      w.onDidChangeTextDocument((e) => {
        const entry = this.entries.get(e.document.uri.toString());
        if (!entry || e.contentChanges.length === 0) return;
        // The in-flight analysis is for an older version: stop it now, re-analyse after the pause.
        entry.cts?.cancel();
        this.schedule(entry, this.opts.settings().debounceMs, 'edit');
      }),
      w.onDidSaveTextDocument((doc) => {
        const entry = this.entries.get(doc.uri.toString());
        if (entry) void this.analyse(entry, { reason: 'save', force: true });
        else this.scheduleRefreshAll('a file was saved'); // a target's line count may have changed
      }),
      w.onDidOpenTextDocument((doc) => this.consider(doc.uri, 'opened')),
      w.onDidCloseTextDocument((doc) => {
        const entry = this.entries.get(doc.uri.toString());
        // Unsaved edits are gone with the editor: the disk is the truth again.
        if (entry) this.schedule(entry, 0, 'closed');
      }),
      w.onDidChangeWorkspaceFolders(() => void this.rediscover('workspace folders changed')),
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
        if (entry && !this.openDocument(uri)) this.schedule(entry, this.opts.settings().debounceMs, 'changed on disk');
      },
      filesChanged: (why) => this.scheduleRefreshAll(why, 'files'),
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

  async ensure(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<AnalysedHandoff | undefined> {
    const entry = this.entries.get(document.uri.toString());
    if (!entry) return undefined;
    if (entry.landed?.version === document.version) return entry.landed;
    if (entry.debounce.due) {
      const next = await entry.debounce.wait(token);
      if (token.isCancellationRequested) return undefined;
      if (next?.version === document.version) return next;
    }
    if (entry.running?.version === document.version) return entry.running.promise;
    return this.analyse(entry, { reason: 'requested', doc: document, token });
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
    return this.rediscover('refresh', true);
  }

  /** For tests: resolves once no discovery, debounce timer or analysis is pending. */
  async whenIdle(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let quietSince = 0;
    for (;;) {
      const idle = this.busy === 0 && !this.discovering && this.refreshTimers.size === 0 && [...this.entries.values()].every((e) => !e.debounce.due && !e.running);
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
        const runs = fresh.map((e) => this.analyse(e, { reason, force: true }));
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
    void this.analyse(existing ?? this.entry(uri), { reason: why, force: true });
    if (!existing) this.followSeries(`${vscode.workspace.asRelativePath(uri)} appeared`);
  }

  private entry(uri: vscode.Uri): Entry {
    const e: Entry = { uri, mtime: 0, generation: 0, notices: '', debounce: new DebouncedRun() };
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
  private followSeries(why: string): void {
    for (const entry of seriesChanged(this.entries.values())) void this.analyse(entry, { reason: why, force: true });
  }

  // ---- analysis -------------------------------------------------------------------------------------------

  private schedule(entry: Entry, delay: number, reason: string): void {
    entry.debounce.schedule(delay, () => this.analyse(entry, { reason, force: true }));
  }

  /**
   * Re-analyses every handoff after a pause. File creations and deletions wait longer (`files`): the git file
   * lister caches its listing for 2 s, and a refresh inside that window would still see the old files.
   */
  private scheduleRefreshAll(reason: string, kind: 'state' | 'files' = 'state'): void {
    const delay = kind === 'files' ? FILE_LISTING_TTL_MS + 200 : Math.max(this.opts.settings().debounceMs, 300);
    const pending = this.refreshTimers.get(kind);
    if (pending) clearTimeout(pending);
    this.refreshTimers.set(kind, setTimeout(() => {
      this.refreshTimers.delete(kind);
      this.opts.log.debug(`re-analysing every handoff: ${reason}`);
      for (const e of this.entries.values()) void this.analyse(e, { reason, force: true });
    }, delay));
  }

  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
  }

  private async analyse(entry: Entry, o: { reason: string; doc?: vscode.TextDocument; token?: vscode.CancellationToken; force?: boolean }): Promise<AnalysedHandoff | undefined> {
    const doc = o.doc ?? this.openDocument(entry.uri);
    const version = doc ? doc.version : -1;
    if (!o.force && entry.landed?.version === version && version !== -1) return entry.landed;
    const generation = ++entry.generation;
    entry.cts?.cancel();
    const cts = (entry.cts = new vscode.CancellationTokenSource());
    const token = anyCancelled(cts.token, o.token);
    const promise = this.run(entry, { generation, version, doc, token, reason: o.reason });
    // A save or refresh analyses now: the edit's pending run would only repeat it.
    if (!o.doc) entry.debounce.supersede(promise);
    entry.running = { version, promise };
    this.busy++;
    try {
      return await promise;
    } finally {
      this.busy--;
      if (entry.running?.promise === promise) entry.running = undefined;
      if (entry.cts === cts) entry.cts = undefined;
      cts.dispose();
    }
  }

  private async run(entry: Entry, a: { generation: number; version: number; doc?: vscode.TextDocument; token: CancellationToken; reason: string }): Promise<AnalysedHandoff | undefined> {
    const start = performance.now();
    const name = vscode.workspace.asRelativePath(entry.uri);
    // Decided before any wait, so that a sibling appearing meanwhile is seen as a change (followSeries).
    const supersededBy = (entry.supersededBy = supersedingOf(entry, this.entries.values()));
    let text: string;
    try {
      // The file time orders handoffs without a stated date; an unsaved buffer may have none yet.
      const stat = Promise.resolve(vscode.workspace.fs.stat(entry.uri)).then((s) => { entry.mtime = s.mtime; }, () => undefined);
      if (a.doc) text = a.doc.getText();
      else text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(entry.uri));
      await stat;
    } catch (e) {
      this.opts.log.warn(`skipped ${name}: cannot read it (${e instanceof Error ? e.message : String(e)})`);
      // Gone from disk and not open: it is no longer a handoff (the delete event may come later, or never).
      if (!a.doc && this.entries.get(entry.uri.toString()) === entry) {
        this.remove(entry.uri.toString());
        this.emitter.fire([entry.uri]);
      }
      return undefined;
    }
    const analysis = await this.service.analyze({ path: entry.uri.fsPath, version: a.version, text, supersededBy }, a.token);
    if (a.token.isCancellationRequested) return undefined;
    const fileTargets = await resolveTargets(entry.uri, analysis, mergeExcludes(this.opts.settings().exclude), neverCancelled());
    if (a.token.isCancellationRequested) return undefined;
    const fixable = fixableRanges({ text, documentPath: entry.uri.fsPath, model: analysis.model, facts: analysis.facts });
    const result: AnalysedHandoff = { uri: entry.uri, version: a.version, analysis: { ...analysis, fileTargets }, fixable };
    await this.beforeLand?.(entry.uri, a.version);
    const openVersion = this.openDocument(entry.uri)?.version;
    if (this.entries.get(entry.uri.toString()) !== entry || !mayLand({ generation: a.generation, version: a.version }, { generation: entry.generation, openVersion })) {
      this.opts.log.debug(`${name} v${a.version}: result dropped, a newer analysis superseded it`);
      return result;
    }
    entry.landed = result;
    const m = analysis.model;
    const line = `analysed ${name} (${a.version < 0 ? 'from disk' : `v${a.version}`}, ${a.reason}) in ${elapsed(start)} ms: ${m.phases.length} phases, ${m.commits.length} commits, ${m.files.length} files, ${m.steps.length} steps, ${analysis.diagnostics.length} diagnostics${this.gitSide.check ? '' : ' (parse-only)'}`;
    if (a.reason === 'edit' || a.reason === 'requested') this.opts.log.debug(line);
    else this.opts.log.info(line);
    const notices = analysis.notices.join('\n');
    const changed = notices !== entry.notices;
    entry.notices = notices;
    // A repository's fault (git hanging, missing, corrupt) is said once for the repository, not once per handoff.
    for (const n of this.repoNotices.report(entry.uri.toString(), analysis.facts?.repo?.root ?? null, analysis.notices, changed)) {
      this.opts.log.warn(n.repository ? n.text : `${name}: ${n.text}`);
      if (n.repository) void vscode.window.showWarningMessage(`Handoff Navigator: ${n.text}`);
    }
    this.emitter.fire([entry.uri]);
    return result;
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
    for (const t of this.refreshTimers.values()) clearTimeout(t);
    this.gitSide.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
