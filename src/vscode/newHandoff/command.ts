/**
 * "Handoff: New Handoff": asks for a slug, reads the repository (branch, HEAD, upstream, unpushed commits,
 * uncommitted changes, files changed since the newest handoff, its open steps), composes the handoff (core, pure)
 * and writes it through one WorkspaceEdit (createFile + insert: Undo removes it), then opens it. In an untrusted
 * workspace it runs no git: it explains, and offers the plain template. Arguments: see NewHandoffArgs (plan.ts).
 */
import * as vscode from 'vscode';
import { composeHandoff } from '../../core/newHandoff/compose';
import { gatherWorkingState, type GatheredWorkingState } from '../../core/newHandoff/gather';
import { previousHandoff } from '../../core/newHandoff/previous';
import { checkSlug, slugify } from '../../core/newHandoff/slug';
import { MAX_TEMPLATE_CHARS } from '../../core/newHandoff/template';
import type { PreviousHandoff } from '../../core/newHandoff/types';
import type { ExtensionSettings } from '../settings';
import type { Store } from '../store/store';
import type { TrustState } from '../trust';
import { localDate, parseNewHandoffArgs, targetPath, type NewHandoffArgs } from './plan';

export const NEW_HANDOFF_COMMAND = 'handoffNavigator.newHandoff';

interface Deps {
  store: Store;
  trust: TrustState;
  settings: () => ExtensionSettings;
  log: vscode.LogOutputChannel;
}

export function registerNewHandoff(deps: Deps): vscode.Disposable {
  return vscode.commands.registerCommand(NEW_HANDOFF_COMMAND, (arg?: unknown) => newHandoff(deps, parseNewHandoffArgs(arg)));
}

const exists = (uri: vscode.Uri) => Promise.resolve(vscode.workspace.fs.stat(uri)).then(() => true, () => false);

/** Resolves to the new handoff's URI, or undefined when nothing was written. */
async function newHandoff(deps: Deps, args: NewHandoffArgs): Promise<vscode.Uri | undefined> {
  const { store, trust, settings, log } = deps;
  const folder = pickFolder(args.folder);
  if (!folder) {
    void vscode.window.showWarningMessage('Open a folder first: New Handoff writes into it.');
    return undefined;
  }
  if (!trust.trusted && !args.plain) {
    // Not awaited: the command ends here, having run nothing; a choice runs it again.
    void vscode.window.showInformationMessage(
      'New Handoff reads the branch, commits and changes with git, and git does not run in an untrusted workspace. Write it from the plain template (no repository facts), or trust the workspace first.',
      'Use Plain Template', 'Manage Workspace Trust',
    ).then((choice) => {
      if (choice === 'Use Plain Template') void vscode.commands.executeCommand(NEW_HANDOFF_COMMAND, { ...args, folder: folder.uri.toString(), plain: true });
      else if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
    });
    return undefined;
  }
  const provider = args.plain ? undefined : store.gitProvider;
  const useGit = provider !== undefined && settings().core.git;
  const date = localDate(new Date());
  const where = settings().newHandoff.folder;
  const uriFor = (slug: string) => vscode.Uri.joinPath(folder.uri, targetPath(where, date, slug));

  let slug: string;
  if (args.slug !== undefined) {
    const c = checkSlug(args.slug);
    if (!c.ok) { void vscode.window.showErrorMessage(`New Handoff: ${c.message}`); return undefined; }
    slug = c.slug;
  } else {
    const asked = await askSlug(folder, uriFor, useGit ? provider : undefined);
    if (asked === undefined) return undefined;
    slug = asked;
  }
  const uri = uriFor(slug);
  if (await exists(uri)) {
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(uri)} exists: choose other words for New Handoff.`);
    return undefined;
  }

  const templateRel = settings().newHandoff.template;
  const template = await readTemplate(folder, templateRel, log);
  if (template === null) return undefined;
  // The previous handoff: the newest of this folder's, other than the new file and the template (which a name such
  // as `handoff-template.md` makes look like one).
  const skip = new Set([uri.toString(), ...(templateRel ? [vscode.Uri.joinPath(folder.uri, templateRel).toString()] : [])]);
  const newest = store.all().find((h) => !skip.has(h.uri.toString()) && vscode.workspace.getWorkspaceFolder(h.uri)?.uri.toString() === folder.uri.toString());
  const previous: PreviousHandoff | null = newest && newest.uri.scheme === uri.scheme
    ? previousHandoff({ path: newest.uri.path, model: newest.analysis.model, facts: newest.analysis.facts, supersededBy: newest.analysis.supersededBy }, uri.path)
    : null;
  let gathered: GatheredWorkingState | null = null;
  if (useGit && folder.uri.scheme === 'file') {
    const cts = new vscode.CancellationTokenSource();
    try {
      gathered = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'New Handoff: reading the repository' },
        () => gatherWorkingState(provider, folder.uri.fsPath, previous?.anchor ?? null, cts.token));
    } finally {
      cts.dispose();
    }
    if (gathered.note) log.warn(`New Handoff: repository facts left out: ${gathered.note}`);
  }
  const text = composeHandoff({
    date, slug, repository: gathered?.repo?.root.split('/').pop() ?? folder.name,
    git: gathered?.state ?? null, gitNote: gathered?.note ?? notUsed(args, trust, useGit, store), previous,
  }, template);

  // A WorkspaceEdit, not a direct write: the new file shows in the editor, and Undo removes it.
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { ignoreIfExists: false });
  edit.insert(uri, new vscode.Position(0, 0), text);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`Could not create ${uri.fsPath}.`);
    return undefined;
  }
  log.info(`New Handoff: wrote ${vscode.workspace.asRelativePath(uri)}${previous ? ` (after ${previous.name}, ${previous.steps.length} open step(s) carried over)` : ''}${gathered?.state ? '' : ' without repository facts'}`);
  const doc = await vscode.workspace.openTextDocument(uri);
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  await vscode.window.showTextDocument(doc, { preview: false, selection: new vscode.Range(end, end) });
  return uri;
}

function pickFolder(arg: string | undefined): vscode.WorkspaceFolder | undefined {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (arg) return folders.find((f) => f.uri.toString() === arg);
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) || folders[0];
}

/** Why the document has no repository facts, in its own words. */
function notUsed(args: NewHandoffArgs, trust: TrustState, useGit: boolean, store: Store): string | null {
  if (useGit) return null;
  if (!trust.trusted) return 'the workspace is not trusted, so git was not run';
  if (args.plain) return 'written from the plain template';
  return store.gitDisabledReason ?? 'git checks are off (handoffNavigator.git.enabled)';
}

async function askSlug(folder: vscode.WorkspaceFolder, uriFor: (slug: string) => vscode.Uri, git: Store['gitProvider']): Promise<string | undefined> {
  // The branch name is a good first guess, read from .git without a process.
  let value = '';
  if (git && folder.uri.scheme === 'file') {
    const cts = new vscode.CancellationTokenSource();
    const repo = await git.discover(folder.uri.fsPath, cts.token);
    cts.dispose();
    if (repo.ok && repo.value.head.kind === 'branch') value = slugify(repo.value.head.name);
  }
  const typed = await vscode.window.showInputBox({
    title: 'New Handoff',
    prompt: 'A few words naming the work: they make the file name',
    placeHolder: 'e.g. parser work',
    value,
    validateInput: async (input) => {
      const c = checkSlug(input);
      if (!c.ok) return c.message;
      const uri = uriFor(c.slug);
      const rel = vscode.workspace.asRelativePath(uri);
      if (await exists(uri)) return `${rel} exists: choose other words.`;
      return { message: `Writes ${rel}`, severity: vscode.InputBoxValidationSeverity.Info };
    },
  });
  if (typed === undefined) return undefined;
  const c = checkSlug(typed);
  return c.ok ? c.slug : undefined;
}

/** The template text: the built-in one (undefined) unless the setting names a file; null when that file fails. */
async function readTemplate(folder: vscode.WorkspaceFolder, rel: string | null, log: vscode.LogOutputChannel): Promise<string | undefined | null> {
  if (!rel) return undefined;
  const uri = vscode.Uri.joinPath(folder.uri, rel);
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_TEMPLATE_CHARS * 4) throw new Error('it is larger than 64 KB');
    const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    if (text.length > MAX_TEMPLATE_CHARS) throw new Error('it is larger than 64 KB');
    return text;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    log.warn(`New Handoff: cannot read the template ${rel}: ${why}`);
    void vscode.window.showErrorMessage(`New Handoff: cannot read the template ${rel} (handoffNavigator.newHandoff.template): ${why}`);
    return null;
  }
}
