/**
 * "Handoff: Resume": walks the open steps of a handoff (the one in the editor, else the newest) one at a time. For
 * each it reveals the step's line, opens the first file (or else commit) it names beside the handoff, and shows a
 * quick pick — Done (ticks the step through an undoable WorkspaceEdit), Skip, Open … for everything the step names,
 * Stop — that stays open while you work and answers the keyboard alone. The same actions are commands
 * (`handoffNavigator.resume.done` / `.skip` / `.stop`), for key bindings and tests.
 *
 * The only state is the walk in progress: which handoff, which steps were handled, the picker. Stop, Escape, the
 * end of the walk or deactivation drop it.
 */
import * as vscode from 'vscode';
import type { Step } from '../../core/model';
import type { AnalysedHandoff } from '../contracts';
import { fileFactOf, movedFileOf } from '../providers/fileFacts';
import { asCommitState, baseName, crumbSuffix, resolvedSha, shortSha } from '../providers/format';
import { OPEN_BREADCRUMB, OPEN_COMMIT } from '../providers/hoverText';
import { displaySupersededBy } from '../freshness';
import type { CommitArgs, OpenBreadcrumbArgs } from '../providers/commands';
import { lineFragment } from '../providers/targets';
import type { Store } from '../store/store';
import { findStep, namedIn, nextStep, tickChanges, type NextStep } from './steps';

export const RESUME_COMMANDS = {
  start: 'handoffNavigator.resume',
  done: 'handoffNavigator.resume.done',
  skip: 'handoffNavigator.resume.skip',
  stop: 'handoffNavigator.resume.stop',
} as const;

/** Set while a walk runs: the `.done` / `.skip` / `.stop` commands and their key bindings are enabled by it. */
const CONTEXT_KEY = 'handoffNavigator.resuming';

function setResuming(on: boolean): void {
  // Also called while the extension is disposed, when the command may no longer run: nothing to report then.
  Promise.resolve(vscode.commands.executeCommand('setContext', CONTEXT_KEY, on)).catch(() => undefined);
}

/** What a Resume command did, for whoever ran it (tests, scripts). */
export interface ResumeStatus {
  handoff: string;
  /** The step shown now (0-based line); null when the walk is over. */
  step: { line: number; text: string; position: number; total: number } | null;
  done: number;
  skipped: number;
}

interface Item extends vscode.QuickPickItem {
  run: () => unknown;
  /** Opened as the step is shown: one file or one commit (an ambiguous name would ask which first). */
  auto?: boolean;
}

interface Walk {
  uri: vscode.Uri;
  handled: Set<string>;
  current: NextStep | null;
  done: number;
  skipped: number;
  picker?: vscode.QuickPick<Item>;
}

export class ResumeController implements vscode.Disposable {
  private walk: Walk | undefined;
  /** Actions run one after another: a second Done pressed before the first landed waits for it. */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: Store, private readonly log: vscode.LogOutputChannel) {}

  register(): vscode.Disposable[] {
    const reg = vscode.commands.registerCommand;
    return [
      reg(RESUME_COMMANDS.start, (arg?: unknown) => this.queue(() => this.start(arg))),
      reg(RESUME_COMMANDS.done, () => this.queue(() => this.done())),
      reg(RESUME_COMMANDS.skip, () => this.queue(() => this.skip())),
      reg(RESUME_COMMANDS.stop, () => this.queue(async () => this.stop())),
      this,
    ];
  }

  private queue<T>(action: () => Promise<T>): Promise<T> {
    const run = this.chain.then(action, action);
    this.chain = run.catch((e: unknown) => this.log.error(`Resume: ${e instanceof Error ? e.message : String(e)}`));
    return run;
  }

  private async start(arg: unknown): Promise<ResumeStatus | undefined> {
    this.stop();
    const uri = this.pickHandoff(arg);
    if (!uri) {
      void vscode.window.showInformationMessage('No handoff to resume: create one with "Handoff: New Handoff", or mark a Markdown file as a handoff.');
      return undefined;
    }
    this.walk = { uri, handled: new Set(), current: null, done: 0, skipped: 0 };
    setResuming(true);
    this.log.info(`Resume: walking the open steps of ${vscode.workspace.asRelativePath(uri)}`);
    return this.advance(this.walk);
  }

  /** The handoff named by the argument, else the one in the editor, else the newest. */
  private pickHandoff(arg: unknown): vscode.Uri | undefined {
    const given = typeof (arg as { uri?: unknown })?.uri === 'string' ? vscode.Uri.parse((arg as { uri: string }).uri) : arg instanceof vscode.Uri ? arg : undefined;
    if (given) return this.store.isHandoff(given) ? given : undefined;
    const active = vscode.window.activeTextEditor?.document.uri;
    if (active && this.store.isHandoff(active)) return active;
    return this.store.all()[0]?.uri;
  }

  private async done(): Promise<ResumeStatus | undefined> {
    const walk = this.walk;
    if (!walk?.current) return this.status();
    const key = walk.current.key;
    const now = await this.analysed(walk.uri);
    const step = now && findStep(now.handoff.analysis.model, key);
    const changes = step && tickChanges(step, now.handoff.analysis.model.steps, (line) => (line < now.document.lineCount ? now.document.lineAt(line).text : ''));
    if (!now || !step || !changes) {
      void vscode.window.showWarningMessage('Resume: this step changed since it was shown; it was left as it is.');
    } else {
      // One undoable edit in the handoff's buffer; saving stays the user's.
      const edit = new vscode.WorkspaceEdit();
      for (const c of changes) edit.replace(walk.uri, new vscode.Range(c.line, c.character, c.line, c.character + c.length), c.text);
      if (await vscode.workspace.applyEdit(edit)) walk.done++;
    }
    walk.handled.add(key);
    return this.walk === walk ? this.advance(walk) : this.status();
  }

  private async skip(): Promise<ResumeStatus | undefined> {
    const walk = this.walk;
    if (!walk?.current) return this.status();
    walk.handled.add(walk.current.key);
    walk.skipped++;
    return this.advance(walk);
  }

  /** Ends the walk; the status of the walk that ended, or undefined when none ran. */
  stop(): ResumeStatus | undefined {
    const walk = this.walk;
    if (!walk) return undefined;
    const status = this.status();
    this.walk = undefined;
    this.closePicker(walk);
    setResuming(false);
    return status ? { ...status, step: null } : undefined;
  }

  private status(): ResumeStatus | undefined {
    const w = this.walk;
    if (!w) return undefined;
    const c = w.current;
    return {
      handoff: w.uri.toString(),
      step: c ? { line: c.step.range.start.line, text: c.step.text, position: c.position, total: c.total } : null,
      done: w.done,
      skipped: w.skipped,
    };
  }

  /** The document and its analysis for exactly its current version. */
  private async analysed(uri: vscode.Uri): Promise<{ document: vscode.TextDocument; handoff: AnalysedHandoff } | undefined> {
    const document = await vscode.workspace.openTextDocument(uri);
    const cts = new vscode.CancellationTokenSource();
    try {
      const handoff = (await this.store.ensure(document, cts.token)) ?? this.store.get(uri);
      return handoff ? { document, handoff } : undefined;
    } finally {
      cts.dispose();
    }
  }

  private async advance(walk: Walk): Promise<ResumeStatus | undefined> {
    const now = await this.analysed(walk.uri);
    if (this.walk !== walk) return undefined;
    if (!now) {
      this.stop();
      void vscode.window.showWarningMessage(`Resume stopped: ${vscode.workspace.asRelativePath(walk.uri)} is no longer a handoff.`);
      return undefined;
    }
    const { analysis } = now.handoff;
    walk.current = nextStep({ model: analysis.model, supersededBy: analysis.supersededBy }, walk.handled);
    if (!walk.current) {
      const status = this.stop();
      const name = baseName(walk.uri.path);
      const why = walk.handled.size === 0
        ? analysis.supersededBy ? `${name} is superseded by ${displaySupersededBy(analysis.supersededBy)}: its open steps are not the work left.` : `${name} has no open steps.`
        : `walked all ${walk.handled.size} open step(s) of ${name}: ${walk.done} done, ${walk.skipped} skipped.${walk.done ? ' Save the handoff to keep the ticks.' : ''}`;
      void vscode.window.showInformationMessage(`Resume: ${why}`);
      return status;
    }
    await this.show(walk, now.document, now.handoff, walk.current);
    return this.status();
  }

  private async show(walk: Walk, document: vscode.TextDocument, h: AnalysedHandoff, next: NextStep): Promise<void> {
    const { step } = next;
    const range = new vscode.Range(step.range.start.line, step.range.start.character, step.range.end.line, step.range.end.character);
    const column = vscode.window.visibleTextEditors.find((e) => e.document === document)?.viewColumn;
    const editor = await vscode.window.showTextDocument(document, { preview: false, selection: new vscode.Selection(range.start, range.start), viewColumn: column });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    const opens = this.openers(h, step);
    // The first thing the step names opens beside, at once; the rest are one keystroke away in the picker.
    await opens.find((o) => o.auto)?.run();
    if (this.walk !== walk) return;
    this.showPicker(walk, next, opens);
  }

  /** "Open …" items for the files and commits a step names that can be opened. */
  private openers(h: AnalysedHandoff, step: Step): Item[] {
    const { files, commits } = namedIn(h.analysis.model, step);
    const items: Item[] = [];
    for (const crumb of files) {
      let targets = this.store.fileTargets(h, crumb);
      const moved = targets.length === 0 ? movedFileOf(fileFactOf(h.analysis, crumb), h.analysis.facts) : null;
      if (moved) targets = [h.uri.scheme === 'file' ? vscode.Uri.file(moved.path) : h.uri.with({ path: moved.path })];
      if (targets.length === 0) continue;
      const args: OpenBreadcrumbArgs = { targets: targets.map((t) => t.toString()), fragment: lineFragment(crumb), symbol: crumb.symbol, path: crumb.path, beside: true };
      items.push({
        label: `$(go-to-file) Open ${baseName(crumb.path)}${crumbSuffix(crumb)}`,
        description: targets.length > 1 ? `${targets.length} matches` : vscode.workspace.asRelativePath(targets[0]!),
        run: () => vscode.commands.executeCommand(OPEN_BREADCRUMB, args),
        auto: targets.length === 1,
      });
    }
    const seen = new Set<string>();
    for (const mention of commits) {
      const sha = resolvedSha(asCommitState(this.store.commitState(h, mention)));
      if (!sha || seen.has(sha)) continue;
      seen.add(sha);
      const args: CommitArgs = { uri: h.uri.toString(), sha: mention.sha, beside: true };
      items.push({ label: `$(git-commit) Open commit ${shortSha(sha)}`, run: () => vscode.commands.executeCommand(OPEN_COMMIT, args), auto: true });
    }
    return items;
  }

  private showPicker(walk: Walk, next: NextStep, opens: Item[]): void {
    this.closePicker(walk);
    const picker = vscode.window.createQuickPick<Item>();
    walk.picker = picker;
    picker.title = `Resume ${next.position}/${next.total} · ${baseName(walk.uri.path)}`;
    picker.placeholder = next.step.text.length > 140 ? `${next.step.text.slice(0, 139)}…` : next.step.text;
    picker.ignoreFocusOut = true; // it stays while you work on the step
    picker.matchOnDescription = true;
    picker.items = [
      { label: '$(check) Done', description: next.step.kind === 'checkbox' ? 'tick the box, then the next step' : 'mark it done, then the next step', run: () => vscode.commands.executeCommand(RESUME_COMMANDS.done) },
      { label: '$(arrow-right) Skip', description: 'leave it open, go to the next step', run: () => vscode.commands.executeCommand(RESUME_COMMANDS.skip) },
      ...opens,
      { label: '$(debug-stop) Stop', description: 'end the walk (Escape does too)', run: () => vscode.commands.executeCommand(RESUME_COMMANDS.stop) },
    ];
    picker.onDidAccept(() => { void picker.selectedItems[0]?.run(); });
    // Escape: the walk ends. A picker this controller replaced or closed is no longer the walk's.
    picker.onDidHide(() => { if (walk.picker === picker) void vscode.commands.executeCommand(RESUME_COMMANDS.stop); });
    picker.show();
  }

  private closePicker(walk: Walk): void {
    const picker = walk.picker;
    walk.picker = undefined;
    picker?.dispose();
  }

  dispose(): void {
    this.stop();
  }
}
