/**
 * CodeLens over breadcrumbs, commits, phase headings, and the handoff's moment (freshnessLens.ts). Lenses are
 * cheap to list (everything but commit details is in the analysis); a commit's subject and date come from git
 * through the store, so they are fetched in resolveCodeLens, only for lenses on screen, and nothing blocks the
 * first paint.
 */
import * as vscode from 'vscode';
import type { AnalysedHandoff, HandoffStore } from '../contracts';
import type { CommitState } from '../../core/facts/types';
import type { CommitMention, FileBreadcrumb, Phase } from '../../core/model';
import { countWithin, isStale } from '../counts';
import type { OpenBreadcrumbArgs } from './commands';
import { driftLensTitle, driftOf, driftSentence, mappedCrumb } from './drift';
import { fileFactOf, missingLensTitle, movedFileOf } from './fileFacts';
import { documentProgress, phaseProgress } from '../../core/extract/progress';
import { phaseLensText, shownProgress } from '../tree/phaseText';
import { asCommitState, commitLensTitle, fileLensTitle, movedLensTitle, resolvedSha, type PhaseCounts } from './format';
import { freshnessLenses } from './freshnessLens';
import { outOfRangeLensTitle, wantsBreadcrumbLens, type BreadcrumbLensMode } from './lensDensity';
import { OPEN_BREADCRUMB, OPEN_COMMIT } from './hoverText';
import { analysedFor, type CommitDetailsCache, toRange } from './shared';
import { lineFragment } from './targets';

export interface CodeLensSettings {
  /** Which breadcrumbs get a lens (./lensDensity.ts). */
  breadcrumbs: BreadcrumbLensMode;
  commits: boolean;
  phases: boolean;
  freshness: boolean;
}

/** A commit lens waiting for its details; resolveCodeLens fills in the command. */
class CommitLens extends vscode.CodeLens {
  constructor(range: vscode.Range, readonly handoff: vscode.Uri, readonly mention: CommitMention, readonly state: CommitState) {
    super(range);
  }
}

/** A phase's counts, as the tree and the status bar count them (../counts.ts): they agree with Problems. */
export function phaseCounts(h: AnalysedHandoff, phase: Phase): PhaseCounts {
  const c = countWithin(h.analysis, phase.sectionRange);
  return { stepsDone: c.done, stepsTotal: c.done + c.open, unpushed: c.unpushed, stale: c.stale };
}

function flatten(phases: readonly Phase[]): Phase[] {
  return phases.flatMap((p) => [p, ...flatten(p.children)]);
}

export class HandoffCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly store: HandoffStore,
    private readonly settings: () => CodeLensSettings,
    onSettingsChanged: vscode.Event<void>,
    private readonly details: CommitDetailsCache,
  ) {
    this.subscriptions = [
      this.changed,
      store.onDidChange(() => this.changed.fire()),
      onSettingsChanged(() => this.changed.fire()),
    ];
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const on = this.settings();
    if (on.breadcrumbs === 'off' && !on.commits && !on.phases && !on.freshness) return [];
    const h = await analysedFor(this.store, document, token);
    if (!h) return [];
    const lenses: vscode.CodeLens[] = [];
    if (on.freshness) lenses.push(...freshnessLenses(this.store, h, Date.now()));
    if (on.phases) lenses.push(...this.phaseLenses(h));
    if (on.commits) lenses.push(...this.commitLenses(h));
    if (on.breadcrumbs !== 'off') lenses.push(...this.fileLenses(h, on.breadcrumbs));
    return lenses;
  }

  async resolveCodeLens(lens: vscode.CodeLens, token: vscode.CancellationToken): Promise<vscode.CodeLens> {
    if (!(lens instanceof CommitLens)) return lens;
    const full = resolvedSha(lens.state);
    const details = full ? await this.details.get(lens.handoff, full, token) : undefined;
    const title = commitLensTitle(lens.mention.sha, lens.state, token.isCancellationRequested ? undefined : details, Date.now());
    const tooltip = details ? `${details.sha}\n${details.author}, ${details.date}` : (full ?? lens.mention.sha);
    // An empty command id renders the lens as a label: the info lens states facts, "Show commit" acts.
    lens.command = { title, command: '', tooltip };
    return lens;
  }

  /**
   * Progress as the tree shows it (../tree/phaseText.ts): done/total steps, a roadmap's later work, and on the
   * document's lone title heading the percent its front matter states; then the section's Problems counts.
   */
  private phaseLenses(h: AnalysedHandoff): vscode.CodeLens[] {
    const lenses: vscode.CodeLens[] = [];
    const { model } = h.analysis;
    const progress = phaseProgress(model);
    const percent = model.phases.length === 1 ? documentProgress(model).percent : null;
    const superseded = h.analysis.supersededBy !== null;
    for (const phase of flatten(model.phases)) {
      const counts = phaseCounts(h, phase);
      const title = phaseLensText(shownProgress(progress.get(phase), superseded), counts, phase === model.phases[0] ? percent : null);
      if (!title) continue;
      const tooltip = `${phase.label}: ${counts.stepsTotal - counts.stepsDone} open step(s), ${counts.unpushed} unpushed commit(s), ${counts.stale} reference(s) no longer matching the repository`;
      lenses.push(new vscode.CodeLens(toRange(phase.range), { title, command: '', tooltip }));
    }
    return lenses;
  }

  private commitLenses(h: AnalysedHandoff): vscode.CodeLens[] {
    const lenses: vscode.CodeLens[] = [];
    for (const mention of h.analysis.model.commits) {
      const state = asCommitState(this.store.commitState(h, mention));
      if (!state) continue; // no git (untrusted, virtual, turned off): nothing true to say
      const found = resolvedSha(state) !== null;
      // Hex in prose with no commit context that resolves to nothing is most likely no commit: no lens.
      if (mention.evidence === 'bare' && !found) continue;
      const range = toRange(mention.range);
      lenses.push(new CommitLens(range, h.uri, mention, state));
      if (found) {
        lenses.push(new vscode.CodeLens(range, {
          title: 'Show commit', command: OPEN_COMMIT, tooltip: 'Header, stat and patch', arguments: [{ uri: h.uri.toString(), sha: mention.sha }],
        }));
      }
    }
    return lenses;
  }

  private fileLenses(h: AnalysedHandoff, mode: BreadcrumbLensMode): vscode.CodeLens[] {
    const lenses: vscode.CodeLens[] = [];
    const at = (code: string, crumb: FileBreadcrumb) => h.analysis.diagnostics.some((d) => d.code === code && isStale(d) && d.range.start.line === crumb.range.start.line && d.range.start.character === crumb.range.start.character);
    for (const crumb of h.analysis.model.files) {
      if (crumb.external) continue;
      const targets = this.store.fileTargets(h, crumb);
      const known = fileFactOf(h.analysis, crumb);
      // A breadcrumb that simply works is a link with a hover: by default its lens would only repeat the link.
      const outOfRange = at('line-out-of-range', crumb);
      if (!wantsBreadcrumbLens(mode, { crumb, targets: targets.length, fact: known, outOfRange })) continue;
      // Opens the line where the cited line is now (drift.ts), when the file changed since the handoff.
      const args: OpenBreadcrumbArgs = {
        targets: targets.map((t) => t.toString()), fragment: lineFragment(mappedCrumb(crumb, known)), symbol: crumb.symbol, path: crumb.path,
      };
      const drift = driftOf(known);
      const fact = targets.length === 0 ? known : undefined;
      // Warned about only when Problems warns about it (an absent file is a hint, an ambiguous name no problem).
      const warn = at('missing-file', crumb);
      let title = targets.length === 0 && fact ? missingLensTitle(crumb, fact, warn)
        : targets.length === 1 && drift ? driftLensTitle(crumb, drift)
          : targets.length === 1 && outOfRange ? outOfRangeLensTitle(crumb, known) : fileLensTitle(crumb, targets.length);
      let tooltip = targets.length === 1 ? vscode.workspace.asRelativePath(targets[0]!) : targets.length ? 'Pick one of the matching files' : `Search the workspace for ${crumb.path}`;
      if (targets.length === 1 && drift) tooltip += `: ${driftSentence(drift)}`;
      // A file git saw renamed: offer its new home rather than a search (the handoff text is left as written).
      const moved = movedFileOf(fact, h.analysis.facts);
      if (moved) {
        const to = h.uri.scheme === 'file' ? vscode.Uri.file(moved.path) : h.uri.with({ path: moved.path });
        args.targets = [to.toString()];
        title = movedLensTitle(mappedCrumb(crumb, fact), vscode.workspace.asRelativePath(to));
        tooltip = drift ? `${moved.message}; ${driftSentence(drift)}` : moved.message;
      }
      lenses.push(new vscode.CodeLens(toRange(crumb.range), { title, command: OPEN_BREADCRUMB, tooltip, arguments: [args] }));
    }
    return lenses;
  }
}
