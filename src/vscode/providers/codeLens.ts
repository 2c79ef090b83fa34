/**
 * CodeLens over breadcrumbs, commits and phase headings. Lenses are cheap to list (everything but commit
 * details is in the analysis); a commit's subject and date come from git through the store, so they are
 * fetched in resolveCodeLens, only for lenses on screen, and nothing blocks the first paint.
 */
import * as vscode from 'vscode';
import type { AnalysedHandoff, HandoffStore } from '../contracts';
import type { CommitState } from '../../core/facts/types';
import type { CommitMention, Phase, Range } from '../../core/model';
import type { OpenBreadcrumbArgs } from './commands';
import { asCommitState, commitLensTitle, fileLensTitle, movedLensTitle, phaseLensTitle, resolvedSha, type PhaseCounts } from './format';
import { OPEN_BREADCRUMB, OPEN_COMMIT } from './hoverText';
import { analysedFor, type CommitDetailsCache, startsWithin, toRange } from './shared';
import { lineFragment, movedFileOf } from './targets';

export interface CodeLensSettings {
  files: boolean;
  commits: boolean;
  phases: boolean;
}

/** A commit lens waiting for its details; resolveCodeLens fills in the command. */
class CommitLens extends vscode.CodeLens {
  constructor(range: vscode.Range, readonly handoff: vscode.Uri, readonly mention: CommitMention, readonly state: CommitState) {
    super(range);
  }
}

/**
 * Diagnostics meaning "the handoff no longer matches the repository": what a phase lens counts as stale, with
 * the breadcrumbs that resolve to no file. (Missing files are counted from the targets, not from missing-file
 * diagnostics, because that rule also reports a bare name with several matches, which is not stale.)
 */
const STALE_CODES = new Set(['unknown-commit', 'stale-ref', 'line-out-of-range']);

export function phaseCounts(store: HandoffStore, h: AnalysedHandoff, phase: Phase): PhaseCounts {
  const { model, diagnostics } = h.analysis;
  const inside = <T extends { range: Range }>(items: readonly T[]) =>
    items.filter((i) => startsWithin(phase.sectionRange, i.range));
  // Superseded steps are neither work left nor work done: they leave the count.
  const steps = inside(model.steps).filter((s) => s.state !== 'superseded');
  const unpushed = new Set<string>();
  for (const c of inside(model.commits)) {
    if (asCommitState(store.commitState(h, c))?.status === 'unpushed') unpushed.add(c.sha.toLowerCase());
  }
  return {
    stepsDone: steps.filter((s) => s.state === 'done').length,
    stepsTotal: steps.length,
    unpushed: unpushed.size,
    stale: inside(diagnostics).filter((d) => STALE_CODES.has(d.code)).length
      + inside(model.files).filter((f) => !f.external && store.fileTargets(h, f).length === 0).length,
  };
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
    if (!on.files && !on.commits && !on.phases) return [];
    const h = await analysedFor(this.store, document, token);
    if (!h) return [];
    const lenses: vscode.CodeLens[] = [];
    if (on.phases) lenses.push(...this.phaseLenses(h));
    if (on.commits) lenses.push(...this.commitLenses(h));
    if (on.files) lenses.push(...this.fileLenses(h));
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

  private phaseLenses(h: AnalysedHandoff): vscode.CodeLens[] {
    const lenses: vscode.CodeLens[] = [];
    for (const phase of flatten(h.analysis.model.phases)) {
      const counts = phaseCounts(this.store, h, phase);
      const title = phaseLensTitle(counts);
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

  private fileLenses(h: AnalysedHandoff): vscode.CodeLens[] {
    const lenses: vscode.CodeLens[] = [];
    for (const crumb of h.analysis.model.files) {
      if (crumb.external) continue;
      const targets = this.store.fileTargets(h, crumb);
      const args: OpenBreadcrumbArgs = {
        targets: targets.map((t) => t.toString()), fragment: lineFragment(crumb), symbol: crumb.symbol, path: crumb.path,
      };
      let title = fileLensTitle(crumb, targets.length);
      let tooltip = targets.length === 1 ? vscode.workspace.asRelativePath(targets[0]!) : targets.length ? 'Pick one of the matching files' : `Search the workspace for ${crumb.path}`;
      // A file git saw renamed: offer its new home rather than a search (the handoff text is left as written).
      const moved = targets.length === 0 ? movedFileOf(h.analysis.diagnostics, crumb) : null;
      if (moved) {
        const to = h.uri.scheme === 'file' ? vscode.Uri.file(moved.path) : h.uri.with({ path: moved.path });
        args.targets = [to.toString()];
        title = movedLensTitle(crumb, vscode.workspace.asRelativePath(to));
        tooltip = moved.message;
      }
      lenses.push(new vscode.CodeLens(toRange(crumb.range), { title, command: OPEN_BREADCRUMB, tooltip, arguments: [args] }));
    }
    return lenses;
  }
}
