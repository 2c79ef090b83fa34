/**
 * The Handoff view: a TreeDataProvider over the plain nodes of ./model.ts, redrawn when the store changes.
 * Clicks: a phase or step reveals its line in the handoff, a file opens at its line (where it is now), a commit
 * runs Open Commit, a file under "Changed since" compares it with the handoff's commit.
 * Optionally follows the cursor of a handoff editor. In untrusted or virtual workspaces the view's message
 * says why commits are not checked.
 */
import * as vscode from 'vscode';
import type { Range } from '../../core/model';
import type { HandoffStore } from '../contracts';
import { OPEN_CHANGE_SINCE, type ChangeSinceArgs } from '../providers/changeSince';
import { toRange } from '../diagnostics/diagnostics';
import type { ExtensionSettings } from '../settings';
import type { CitationIndex } from '../backlinks/citations';
import { toggleSteps } from './checkboxes';
import { filesSectionNode } from './files';
import { buildHandoffNode, nodeAt, walk, type TreeNode } from './model';

export const VIEW_ID = 'handoffNavigator.handoffs';
export const OPEN_COMMIT_COMMAND = 'handoffNavigator.openCommit';

export class HandoffTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private roots: TreeNode[] = [];
  private index: Map<string, TreeNode> | null = null;
  /** Each analysis's nodes, kept while the store holds that analysis object (a new analysis is a new object). */
  private readonly built = new WeakMap<object, { key: string; node: TreeNode }>();
  readonly view: vscode.TreeView<TreeNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private followTimer: ReturnType<typeof setTimeout> | undefined;
  /** Where the cursor settled when the tree had no node there yet (its analysis still coming): tried again on rebuild. */
  private pendingFollow: { uri: vscode.Uri; position: vscode.Position } | undefined;

  constructor(
    private readonly store: HandoffStore,
    private readonly settings: () => ExtensionSettings,
    private readonly log: vscode.LogOutputChannel,
    /** The backlink index, for the Files section (every cited file, across all handoffs). */
    private readonly citations?: { get(): CitationIndex },
  ) {
    // Only steps have checkboxes; a phase is not ticked by its steps (nor its steps by it).
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true, manageCheckboxStateManually: true });
    this.disposables.push(
      this.view,
      this.emitter,
      store.onDidChange(() => this.rebuild()),
      vscode.window.onDidChangeTextEditorSelection((e) => this.onSelection(e)),
      this.view.onDidChangeCheckboxState((e) => void this.applyCheckboxes(e.items)),
    );
    this.rebuild();
  }

  /**
   * Rebuilds the roots from the store's latest analyses. Every landed analysis fires this, so with many
   * handoffs it must not cost the whole tree each time: a handoff's nodes are rebuilt only when its analysis
   * (or its name or newest mark) changed, and the id index is made again only when something asks for it.
   */
  rebuild(): void {
    const all = this.store.all();
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    this.roots = all.map((h, i) => {
      const name = vscode.workspace.asRelativePath(h.uri, multiRoot);
      const key = `${name}\n${i === 0}`;
      const hit = this.built.get(h.analysis);
      if (hit && hit.key === key) return hit.node;
      const node = buildHandoffNode({
        uri: h.uri.toString(),
        name,
        model: h.analysis.model,
        commitStates: h.analysis.commitStates,
        fileTargets: h.analysis.fileTargets,
        newest: i === 0,
        diagnostics: h.analysis.diagnostics,
        facts: h.analysis.facts,
        supersededBy: h.analysis.supersededBy,
        fixable: h.fixable,
      });
      this.built.set(h.analysis, { key, node });
      return node;
    });
    // Last, the Files section: the breadcrumbs of every handoff grouped by the file they cite.
    const files = this.citations && filesSectionNode(this.citations.get(), (p) => vscode.workspace.asRelativePath(p, multiRoot));
    if (files) this.roots.push(files);
    this.index = null;
    this.view.message = this.store.gitDisabledReason ?? undefined;
    this.emitter.fire(undefined);
    this.followPending();
  }

  /** Every node by id, built on first use after a rebuild. */
  private get byId(): Map<string, TreeNode> {
    if (!this.index) {
      this.index = new Map();
      for (const root of this.roots) for (const n of walk(root)) this.index.set(n.id, n);
    }
    return this.index;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return node ? node.children : this.roots;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, this.collapsibleState(node));
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
    item.contextValue = node.contextValue;
    item.command = this.commandFor(node);
    if (node.checked !== undefined) {
      item.checkboxState = {
        state: node.checked ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked,
        tooltip: node.checked ? 'Mark the step not done in the handoff' : 'Mark the step done in the handoff',
      };
    }
    if (node.kind === 'handoff') item.resourceUri = vscode.Uri.parse(node.handoff);
    return item;
  }

  /** The node for an id (tests and "Reveal in Tree"). */
  find(id: string): TreeNode | undefined {
    return this.byId.get(id);
  }

  /** The deepest node at a position of a handoff, or the handoff's own node. */
  nodeAt(uri: vscode.Uri, position: vscode.Position): TreeNode | undefined {
    const root = this.roots.find((r) => r.handoff === uri.toString());
    return root && nodeAt(root, { line: position.line, character: position.character });
  }

  async reveal(node: TreeNode, focus = false): Promise<void> {
    await this.view.reveal(node, { select: true, focus, expand: node.kind === 'handoff' });
  }

  private collapsibleState(node: TreeNode): vscode.TreeItemCollapsibleState {
    if (node.children.length === 0) return vscode.TreeItemCollapsibleState.None;
    return this.startsExpanded(node) ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  }

  /**
   * The newest handoff opens expanded: its phases are what one resumes from. Inside any handoff, the current part
   * (and the phases on the way to it) opens and history stays folded (./model.ts `part`), so expanding an older
   * handoff also lands on its current part. A lone phase inside an expanded node — typically the document's title
   * heading wrapping everything — opens too, or the phases would hide.
   */
  private startsExpanded(node: TreeNode): boolean {
    if (node.kind === 'handoff') return node.contextValue === 'handoff.newest';
    if (node.kind !== 'phase' || node.part === 'history') return false;
    if (node.part === 'current' || node.part === 'holds-current') return true;
    const parent = node.parent;
    const lone = !!parent && parent.children.filter((c) => c.kind === 'phase').length === 1;
    // Under a handoff node, whether or not it starts expanded: whoever expands it wants the phases, not one row.
    return lone && (parent.kind === 'handoff' || this.startsExpanded(parent));
  }

  private commandFor(node: TreeNode): vscode.Command | undefined {
    const handoff = vscode.Uri.parse(node.handoff);
    const a = node.action;
    switch (a.kind) {
      case 'open-handoff':
        return { title: 'Open Handoff', command: 'vscode.open', arguments: [handoff] };
      case 'reveal':
        return openAt(handoff, a.range, 'Reveal in Handoff');
      case 'open-commit':
        return { title: 'Open Commit', command: OPEN_COMMIT_COMMAND, arguments: [{ uri: handoff, sha: a.sha }] };
      case 'open-change': {
        const args: ChangeSinceArgs = { uri: node.handoff, sha: a.sha, from: a.from, to: a.to };
        return { title: 'Open Changes Since Handoff', command: OPEN_CHANGE_SINCE, arguments: [args] };
      }
      case 'none':
        return undefined;
      case 'open-file': {
        if (!a.target) return openAt(handoff, a.range, 'Reveal Breadcrumb');
        const target = handoff.scheme === 'file' ? vscode.Uri.file(a.target) : handoff.with({ path: a.target });
        const line = a.line !== null ? Math.max(0, a.line - 1) : 0;
        return { title: 'Open File', command: 'vscode.open', arguments: [target, { selection: new vscode.Range(line, 0, line, 0), preview: true }] };
      }
    }
  }

  /**
   * What a click on step checkboxes does (public for the extension-host tests, which cannot click): ticks or
   * unticks the steps in their handoffs; the view redraws from the new analysis (or at once, if nothing changed).
   */
  async applyCheckboxes(items: ReadonlyArray<readonly [TreeNode, vscode.TreeItemCheckboxState]>): Promise<void> {
    const changes = items.map(([node, state]) => [node, state === vscode.TreeItemCheckboxState.Checked] as const);
    const changed = await toggleSteps(this.store, changes, this.log).catch((e) => {
      this.log.warn(`ticking steps failed: ${e instanceof Error ? e.message : String(e)}`);
      return 0;
    });
    if (changed < changes.length) this.rebuild();
  }

  private onSelection(e: vscode.TextEditorSelectionChangeEvent): void {
    if (!this.settings().followCursor || !this.view.visible || !this.store.isHandoff(e.textEditor.document.uri)) return;
    if (this.followTimer) clearTimeout(this.followTimer);
    // Wait for the cursor to settle: revealing on every keystroke would make the tree flicker.
    this.followTimer = setTimeout(() => this.follow(e.textEditor.document.uri, e.selections[0].active), 150);
  }

  private follow(uri: vscode.Uri, position: vscode.Position): void {
    const node = this.nodeAt(uri, position);
    // No node there yet (a document just opened, its analysis on its way): the rebuild it brings tries again.
    this.pendingFollow = node ? undefined : { uri, position };
    if (node && this.view.selection[0]?.id !== node.id) void this.revealById(node.id, 3);
  }

  /** A follow the tree could not do before, if the cursor is still where it settled and the view still follows. */
  private followPending(): void {
    const p = this.pendingFollow;
    if (!p) return;
    const editor = vscode.window.activeTextEditor;
    const still = editor?.document.uri.toString() === p.uri.toString() && editor.selection.active.isEqual(p.position);
    if (!still || !this.settings().followCursor || !this.view.visible) {
      this.pendingFollow = undefined;
      return;
    }
    this.follow(p.uri, p.position);
  }

  /**
   * Reveals the node with this id, looked up afresh on each try: the store may land an analysis (and this
   * tree rebuild its nodes) between finding a node and the workbench resolving it, which fails the reveal.
   */
  private async revealById(id: string, tries: number): Promise<void> {
    for (let i = 1; i <= tries; i++) {
      const node = this.byId.get(id);
      if (!node) return;
      try {
        await this.reveal(node);
        return;
      } catch (err) {
        if (i === tries) this.log.info(`follow cursor: could not reveal ${id}: ${err}`);
        else await new Promise((r) => setTimeout(r, 150));
      }
    }
  }

  dispose(): void {
    if (this.followTimer) clearTimeout(this.followTimer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function openAt(uri: vscode.Uri, range: Range, title: string): vscode.Command {
  const r = toRange(range);
  return { title, command: 'vscode.open', arguments: [uri, { selection: new vscode.Range(r.start, r.start), preview: true }] };
}
