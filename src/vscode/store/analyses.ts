/**
 * The store's analyses of one handoff each, from start to landing. An analysis reads the document's text (the
 * editor's, or the file's), notes the epoch it started in (refreshScheduler.ts), and supersedes the one in flight:
 * only a newer analysis cancels it, never one of the callers waiting for it (a provider giving up must not leave
 * the others without an answer). Its result lands only if it is still the newest for the version the editor shows
 * (model.ts `mayLand`); a result that does not land is still handed to whoever waited for it.
 */
import * as vscode from 'vscode';
import type { CancellationToken } from '../../core/interfaces';
import type { HandoffLanguageService } from '../../core/service';
import type { AnalysedHandoff } from '../contracts';
import { elapsed } from '../log';
import { analyseText, handoffText, reportLanded } from './analysisRun';
import type { DebouncedRun } from './debounce';
import type { FreshRun } from './freshAnswer';
import { mayLand } from './model';
import type { RepositoryNotices } from './repoNotices';
import { supersedingOf } from './series';

/** An analysis in flight: the version it reads (-1: from disk), the epoch it started in, its result. */
export type Run = FreshRun<AnalysedHandoff>;

export interface Entry {
  uri: vscode.Uri;
  landed?: AnalysedHandoff;
  /** The epoch the landed analysis started in. */
  landedEpoch: number;
  mtime: number;
  generation: number;
  cts?: vscode.CancellationTokenSource;
  /** The re-analysis waiting for the typing to pause. */
  debounce: DebouncedRun<AnalysedHandoff | undefined>;
  running?: Run;
  notices: string;
  /** The newer handoff of its series the latest analysis was given (undefined: never analysed). */
  supersededBy?: string | null;
  /** The text its latest analysis read (a copy of a superseded sibling is superseded with it, series.ts). */
  text?: string;
}

/** Test seam: runs between an analysis and its landing (a test delays one version to prove it never lands). */
export type BeforeLandHook = (uri: vscode.Uri, version: number) => Promise<void> | void;

/** What the analyses need of the store. */
export interface AnalysesHost {
  readonly log: vscode.LogOutputChannel;
  readonly repoNotices: RepositoryNotices;
  service(): HandoffLanguageService;
  epoch(): number;
  exclude(): string | null;
  parseOnly(): boolean;
  /** Every handoff known (a sibling may supersede this one). */
  entries(): Iterable<Entry>;
  /** False once the store forgot the entry. */
  known(entry: Entry): boolean;
  /** The file is gone and no editor holds it: it is no handoff any more. */
  gone(entry: Entry): void;
  landed(entry: Entry): void;
  beforeLand(): BeforeLandHook | undefined;
}

export class Analyses {
  /** Analyses in flight (the store is idle at 0). */
  busy = 0;

  constructor(private readonly host: AnalysesHost) {}

  /** Starts an analysis of the document's text now, superseding the one in flight. */
  begin(entry: Entry, o: { reason: string; doc?: vscode.TextDocument }): Run {
    const doc = o.doc ?? openDocument(entry.uri);
    const version = doc ? doc.version : -1;
    const generation = ++entry.generation;
    const epoch = this.host.epoch();
    entry.cts?.cancel();
    const cts = (entry.cts = new vscode.CancellationTokenSource());
    const analysed = this.run(entry, { generation, epoch, version, doc, token: cts.token, reason: o.reason });
    // A save or refresh analyses now: the edit's pending run would only repeat it.
    if (!o.doc) entry.debounce.supersede(analysed);
    this.busy++;
    const promise = analysed.finally(() => {
      this.busy--;
      if (entry.running?.promise === promise) entry.running = undefined;
      if (entry.cts === cts) entry.cts = undefined;
      cts.dispose();
    });
    const run = { version, epoch, promise };
    entry.running = run;
    return run;
  }

  private async run(entry: Entry, a: { generation: number; epoch: number; version: number; doc?: vscode.TextDocument; token: CancellationToken; reason: string }): Promise<AnalysedHandoff | undefined> {
    const start = performance.now();
    const h = this.host;
    // Decided before any wait, so that a sibling appearing meanwhile is seen as a change (followSeries).
    let supersededBy = (entry.supersededBy = supersedingOf(entry, h.entries()));
    let text: string;
    try {
      // The file time orders handoffs without a stated date; an unsaved buffer may have none yet.
      const stat = Promise.resolve(vscode.workspace.fs.stat(entry.uri)).then((s) => { entry.mtime = s.mtime; }, () => undefined);
      text = await handoffText(entry.uri, a.doc);
      await stat;
    } catch (e) {
      h.log.warn(`skipped ${vscode.workspace.asRelativePath(entry.uri)}: cannot read it (${e instanceof Error ? e.message : String(e)})`);
      // Gone from disk and not open: it is no longer a handoff (the delete event may come later, or never).
      if (!a.doc && h.known(entry)) h.gone(entry);
      return undefined;
    }
    // A copy of a superseded sibling is known by its text.
    if (supersededBy === null) supersededBy = entry.supersededBy = supersedingOf(entry, h.entries(), text);
    entry.text = text;
    const result = await analyseText(h.service(), entry.uri, { version: a.version, text, supersededBy, exclude: h.exclude() }, a.token);
    if (!result) return undefined;
    await h.beforeLand()?.(entry.uri, a.version);
    const openVersion = openDocument(entry.uri)?.version;
    if (!h.known(entry) || !mayLand({ generation: a.generation, version: a.version }, { generation: entry.generation, openVersion })) {
      h.log.debug(`${vscode.workspace.asRelativePath(entry.uri)} v${a.version}: result dropped, a newer analysis superseded it`);
      return result;
    }
    entry.landed = result;
    entry.landedEpoch = a.epoch;
    entry.notices = reportLanded(h.log, h.repoNotices, result, { reason: a.reason, ms: elapsed(start), parseOnly: h.parseOnly(), shown: entry.notices });
    h.landed(entry);
    return result;
  }
}

/** The editor's document for a handoff, if one is open. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
}
