/**
 * File system events for the store: a handoff created, changed on disk or deleted, and any other creation or
 * deletion (a breadcrumb's target may have appeared, moved or gone). Watches the whole workspace; the
 * repository's own files are left to the git watchers. A folder created or deleted is often reported alone,
 * without its files, so folders are searched (created) or matched by prefix (deleted) here. An inotify-based
 * watcher can still miss a file written into a folder created just before; Refresh finds those.
 */
import * as vscode from 'vscode';

export interface FileEventTarget {
  /** Every handoff the store knows. */
  handoffs(): readonly vscode.Uri[];
  /** Adds the file if it is a handoff (include/exclude globs, or marked). */
  consider(uri: vscode.Uri, why: string): void;
  /** The handoffs are gone from disk. */
  forget(uris: readonly vscode.Uri[]): void;
  /** A handoff changed on disk: re-read it unless an editor holds its text. */
  changedOnDisk(uri: vscode.Uri): void;
  /** Re-analyse every handoff after a while (breadcrumbs may resolve differently). */
  filesChanged(why: string): void;
  /** The exclude glob for searching a new folder. */
  exclude(): string | null;
}

export function watchFiles(target: FileEventTarget): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher('**/*');
  const on = (kind: 'created' | 'deleted' | 'changed') => (uri: vscode.Uri) => {
    if (/\/\.git(\/|$)/.test(uri.path)) return; // repository state: the git watchers' job
    const key = uri.toString();
    if (kind === 'changed') {
      if (target.handoffs().some((h) => h.toString() === key)) target.changedOnDisk(uri);
      return;
    }
    if (kind === 'deleted') {
      const gone = target.handoffs().filter((h) => h.toString() === key || h.toString().startsWith(`${key}/`));
      if (gone.length) target.forget(gone);
    } else void created(target, uri);
    target.filesChanged(`a file was ${kind}`);
  };
  const w = vscode.workspace;
  return vscode.Disposable.from(
    watcher, watcher.onDidCreate(on('created')), watcher.onDidDelete(on('deleted')), watcher.onDidChange(on('changed')),
    // Operations made through VS Code (Explorer, WorkspaceEdit) are reported here at once and for sure; the
    // watcher reports them too (harmless: adding and forgetting are idempotent) and everything else.
    w.onDidCreateFiles((e) => e.files.forEach(on('created'))),
    w.onDidDeleteFiles((e) => e.files.forEach(on('deleted'))),
    w.onDidRenameFiles((e) => e.files.forEach(({ oldUri, newUri }) => { on('deleted')(oldUri); on('created')(newUri); })),
  );
}

async function created(target: FileEventTarget, uri: vscode.Uri): Promise<void> {
  const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
  if (!stat || !(stat.type & vscode.FileType.Directory)) {
    target.consider(uri, 'created');
    return;
  }
  const inside = await Promise.resolve(vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*'), target.exclude(), 2000)).catch(() => []);
  for (const file of inside) target.consider(file, 'created with its folder');
}
