/**
 * Backlinks in the editor: in a file handoffs cite, lenses at its top ("cited by HANDOFF.md › Phase 5", a click
 * opens the citation), a hover on the cited lines naming the handoff and section, and the command "Handoffs Citing
 * This File" (a quick pick; the choice opens the citation). Everything reads the index the store's analyses make
 * (./citations.ts); nothing here parses or runs git. The index is rebuilt only when the set of analyses changed.
 */
import * as vscode from 'vscode';
import type { AnalysedHandoff, HandoffStore } from '../contracts';
import { commandUri, escapeMarkdown } from '../providers/hoverText';
import {
  backlinkLenses, buildCitationIndex, citationKey, citationLabel, citationsAtLine, EMPTY_INDEX, type Citation, type CitationIndex, type CitedFile,
} from './citations';

export const OPEN_CITATION = 'handoffNavigator.openCitation';
export const CITING_HANDOFFS = 'handoffNavigator.citingHandoffs';

/** Arguments of `handoffNavigator.openCitation` (JSON, as command links carry them). */
export interface OpenCitationArgs {
  uri: string;
  line: number;
  character: number;
}

/** Citations a hover lists; the rest are counted. */
const MAX_HOVER_CITATIONS = 5;

/** The index over the store's latest analyses, made again only when one of them (or the folders) changed. */
export class CitationIndexCache {
  private last: { handoffs: readonly AnalysedHandoff[]; folders: number; index: CitationIndex } | undefined;

  constructor(private readonly store: HandoffStore) {}

  get(): CitationIndex {
    const handoffs = this.store.all();
    const folders = vscode.workspace.workspaceFolders?.length ?? 0;
    const l = this.last;
    if (l && l.folders === folders && l.handoffs.length === handoffs.length && l.handoffs.every((h, i) => h === handoffs[i])) return l.index;
    const multiRoot = folders > 1;
    const index = handoffs.length === 0 ? EMPTY_INDEX : buildCitationIndex(handoffs.map((h) => {
      const folder = vscode.workspace.getWorkspaceFolder(h.uri);
      return { uri: h.uri.toString(), name: vscode.workspace.asRelativePath(h.uri, multiRoot), root: folder ? citationKey(folder.uri.fsPath) : null, analysis: h.analysis };
    }));
    this.last = { handoffs, folders, index };
    return index;
  }

  /** What the index says of a document: its citations, when handoffs of its own scheme cite it. */
  fileOf(uri: vscode.Uri): CitedFile | undefined {
    const file = this.get().files.get(citationKey(uri.fsPath));
    // The same path under another scheme (a diff's `git:` side, an output channel) is not the cited file.
    return file && file.citations.some((c) => vscode.Uri.parse(c.handoff).scheme === uri.scheme) ? file : undefined;
  }
}

const argsOf = (c: Citation): OpenCitationArgs => ({ uri: c.handoff, line: c.range.start.line, character: c.range.start.character });

async function openCitation(args: OpenCitationArgs | undefined): Promise<void> {
  if (!args || typeof args.uri !== 'string' || !Number.isInteger(args.line) || !Number.isInteger(args.character)) return;
  const at = new vscode.Position(Math.max(0, args.line), Math.max(0, args.character));
  await vscode.window.showTextDocument(vscode.Uri.parse(args.uri), { selection: new vscode.Range(at, at), preview: true });
}

class BacklinkLensProvider implements vscode.CodeLensProvider {
  constructor(private readonly index: CitationIndexCache, private readonly enabled: () => boolean, readonly onDidChangeCodeLenses: vscode.Event<void>) {}

  provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): vscode.CodeLens[] {
    if (!this.enabled() || token.isCancellationRequested) return [];
    const file = this.index.fileOf(document.uri);
    if (!file) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    return backlinkLenses(file).map((l) => new vscode.CodeLens(top, l.open
      ? { title: l.title, tooltip: l.tooltip, command: OPEN_CITATION, arguments: [argsOf(l.open)] }
      : { title: l.title, tooltip: l.tooltip, command: CITING_HANDOFFS, arguments: [document.uri] }));
  }
}

class BacklinkHoverProvider implements vscode.HoverProvider {
  constructor(private readonly index: CitationIndexCache) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.Hover | undefined {
    if (token.isCancellationRequested) return undefined;
    const file = this.index.fileOf(document.uri);
    const here = file ? citationsAtLine(file, position.line + 1) : [];
    if (here.length === 0) return undefined;
    // Handoff names and headings are the documents' text: escaped, so they cannot add a command link.
    const lines = here.slice(0, MAX_HOVER_CITATIONS).map((c) =>
      `- [${escapeMarkdown(citationLabel(c))}](${commandUri(OPEN_CITATION, argsOf(c))} "Open the citation") as \`${c.written.replace(/`/g, "'")}\``);
    if (here.length > MAX_HOVER_CITATIONS) lines.push(`- and ${here.length - MAX_HOVER_CITATIONS} more`);
    const md = new vscode.MarkdownString(`**Cited by** ${here.length === 1 ? 'a handoff' : `${here.length} handoff breadcrumbs`}:\n\n${lines.join('\n')}`);
    md.isTrusted = { enabledCommands: [OPEN_CITATION] };
    return new vscode.Hover(md, document.lineAt(position.line).range);
  }
}

/** "Handoffs Citing This File": for the given file (Explorer, editor title) or the active editor's. */
async function pickCitation(index: CitationIndexCache, arg: unknown): Promise<void> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('Open a file first: the command lists the handoffs that cite it.');
    return;
  }
  const file = index.fileOf(uri);
  const name = vscode.workspace.asRelativePath(uri);
  if (!file) {
    void vscode.window.showInformationMessage(`No handoff cites ${name}.`);
    return;
  }
  const items = file.citations.map((c) => ({
    label: citationLabel(c),
    description: c.written,
    detail: `line ${c.range.start.line + 1} of ${c.handoffName}${c.line !== null ? ` · cites line ${c.line} of the file now` : ''}`,
    citation: c,
  }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: `Handoffs citing ${name}: open which citation?`, matchOnDescription: true, matchOnDetail: true });
  if (picked) await openCitation(argsOf(picked.citation));
}

export function registerBacklinks(
  context: vscode.ExtensionContext, store: HandoffStore, index: CitationIndexCache, enabled: () => boolean, onSettingsChanged: vscode.Event<void>,
): void {
  const changed = new vscode.EventEmitter<void>();
  // Every document may be cited (code, config, another handoff): the providers answer from a map lookup.
  const everyDocument: vscode.DocumentSelector = '*';
  context.subscriptions.push(
    changed,
    store.onDidChange(() => changed.fire()),
    onSettingsChanged(() => changed.fire()),
    vscode.languages.registerCodeLensProvider(everyDocument, new BacklinkLensProvider(index, enabled, changed.event)),
    vscode.languages.registerHoverProvider(everyDocument, new BacklinkHoverProvider(index)),
    vscode.commands.registerCommand(OPEN_CITATION, (args?: OpenCitationArgs) => openCitation(args)),
    vscode.commands.registerCommand(CITING_HANDOFFS, (arg?: unknown) => pickCitation(index, arg)),
  );
}
