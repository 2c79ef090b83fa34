/**
 * The commands of the "Handoff" category this side of the adapter owns: Open Latest Handoff, Refresh, Reveal
 * in Tree, Mark as Handoff, Create Handoff, Show Log. (Open Commit and Copy SHA are the providers'.)
 */
import * as vscode from 'vscode';
import type { Store } from '../store/store';
import type { HandoffTree } from '../tree/provider';
import { OPEN_LATEST_COMMAND } from '../status/statusBar';

export const COMMANDS = {
  openLatest: OPEN_LATEST_COMMAND,
  refresh: 'handoffNavigator.refresh',
  revealInTree: 'handoffNavigator.revealInTree',
  markAsHandoff: 'handoffNavigator.markAsHandoff',
  createHandoff: 'handoffNavigator.createHandoff',
  showLog: 'handoffNavigator.showLog',
} as const;

/** The starting point "Create Handoff" writes: the shapes the navigator understands, ready to fill in. */
export function handoffTemplate(date: string): string {
  return `# Handoff

Last updated: ${date}

## Phase 1: <what this phase delivers>

- Done in commit <sha> — see \`src/<file>.ts:1\`.

## Next steps

- [ ] <the first thing the next session does>
- [ ] <then this>
`;
}

interface Deps {
  store: Store;
  tree: HandoffTree;
  log: vscode.LogOutputChannel;
}

export function registerCommands({ store, tree, log }: Deps): vscode.Disposable[] {
  const reg = vscode.commands.registerCommand;
  return [
    reg(COMMANDS.openLatest, async () => {
      const newest = store.all()[0];
      if (!newest) {
        void vscode.window.showInformationMessage('No handoff found in this workspace. Create one, or mark a Markdown file as a handoff.');
        return;
      }
      await vscode.window.showTextDocument(newest.uri, { preview: false });
    }),

    reg(COMMANDS.refresh, () => store.refresh()),

    reg(COMMANDS.revealInTree, async () => {
      const editor = vscode.window.activeTextEditor;
      const target = editor && store.isHandoff(editor.document.uri)
        ? tree.nodeAt(editor.document.uri, editor.selection.active)
        : tree.getChildren()[0];
      if (!target) {
        void vscode.window.showInformationMessage('The active editor is not a handoff.');
        return;
      }
      await tree.reveal(target, true);
    }),

    reg(COMMANDS.markAsHandoff, async (arg?: vscode.Uri) => {
      let uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
      if (!uri || uri.scheme === 'untitled' || arg === undefined && !isMarkdown(vscode.window.activeTextEditor?.document)) {
        const picked = await vscode.window.showOpenDialog({
          canSelectMany: false,
          openLabel: 'Mark as Handoff',
          filters: { Markdown: ['md', 'markdown'] },
          defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
        });
        uri = picked?.[0];
      }
      if (!uri) return;
      await store.mark(uri);
      log.info(`marked ${uri.fsPath} as a handoff`);
      await vscode.window.showTextDocument(uri, { preview: false });
    }),

    reg(COMMANDS.createHandoff, async () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) {
        void vscode.window.showWarningMessage('Open a folder first: the handoff is created at its top level.');
        return;
      }
      const uri = vscode.Uri.joinPath(folder.uri, 'HANDOFF.md');
      const exists = await Promise.resolve(vscode.workspace.fs.stat(uri)).then(() => true, () => false);
      if (!exists) {
        // A WorkspaceEdit, not a direct write: the creation shows in the editor and Undo removes it.
        const edit = new vscode.WorkspaceEdit();
        edit.createFile(uri, { ignoreIfExists: true });
        edit.insert(uri, new vscode.Position(0, 0), handoffTemplate(new Date().toISOString().slice(0, 10)));
        if (!(await vscode.workspace.applyEdit(edit))) {
          void vscode.window.showErrorMessage(`Could not create ${uri.fsPath}.`);
          return;
        }
        log.info(`created ${uri.fsPath} from the template`);
      }
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { preview: false });
    }),

    reg(COMMANDS.showLog, () => log.show(true)),
  ];
}

function isMarkdown(doc: vscode.TextDocument | undefined): boolean {
  return doc?.languageId === 'markdown';
}
