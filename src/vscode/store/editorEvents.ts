/**
 * Editor events for the store: a handoff's text edited, saved, opened or closed, and any other file saved (a
 * breadcrumb's target may have grown or shrunk). The fileEvents.ts counterpart for documents held by editors.
 */
import * as vscode from 'vscode';

export interface EditorEventTarget {
  /** An open handoff's text changed: stop the analysis of the old text, analyse the new one after the pause. */
  edited(uri: vscode.Uri): void;
  /** A handoff was saved: analyse it now. False when the file is no handoff. */
  saved(uri: vscode.Uri): boolean;
  /** Any other file was saved. */
  otherSaved(): void;
  /** A document was opened: a handoff not known yet (an untitled one, a marked one), or a known one's editor. */
  opened(doc: vscode.TextDocument): void;
  /** A handoff's editor closed: unsaved edits are gone with it, the disk is the truth again. */
  closed(uri: vscode.Uri): void;
}

export function watchEditors(target: EditorEventTarget): vscode.Disposable {
  const w = vscode.workspace;
  return vscode.Disposable.from(
    w.onDidChangeTextDocument((e) => { if (e.contentChanges.length > 0) target.edited(e.document.uri); }),
    w.onDidSaveTextDocument((doc) => { if (!target.saved(doc.uri)) target.otherSaved(); }),
    w.onDidOpenTextDocument((doc) => target.opened(doc)),
    w.onDidCloseTextDocument((doc) => target.closed(doc.uri)),
  );
}
