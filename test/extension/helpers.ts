// Shared helpers of the extension-host suites (bundled into each suite that imports them; not a suite
// itself). They reach the extension through the API activate() returns.
import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import manifest from '../../package.json';
import type { HandoffNavigatorApi } from '../../src/vscode/extension';
import { FixtureGit } from '../fixtures/git/exec';

export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

export async function getApi(): Promise<HandoffNavigatorApi> {
  const ext = vscode.extensions.getExtension<HandoffNavigatorApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed in the host`);
  const api = await ext.activate();
  await api.ready;
  await api.store.whenIdle();
  return api;
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the run opened no workspace folder');
  return folder.uri.fsPath;
}

export function handoffUri(): vscode.Uri {
  return vscode.Uri.file(join(workspaceRoot(), 'HANDOFF.md'));
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? ` (last error: ${last})` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The extension's diagnostics for a file, as `code@line: message` lines (easy to read in a failed assert). */
export function diagnosticLines(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri)
    .filter((d) => d.source === 'handoff')
    .map((d) => `${typeof d.code === 'object' ? d.code.value : d.code}@${d.range.start.line}: ${d.message}`);
}

export function codesAt(uri: vscode.Uri): string[] {
  return diagnosticLines(uri).map((l) => l.slice(0, l.indexOf('@')));
}

/** Git in the fixture with its deterministic identity and isolated config. */
export function git(cwd: string, ...args: string[]): string {
  return new FixtureGit().run(cwd, args);
}

/** Writes a file in the workspace (folders created) and returns its URI. */
export function writeWorkspaceFile(rel: string, text: string): vscode.Uri {
  const path = join(workspaceRoot(), rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return vscode.Uri.file(path);
}

export function removeWorkspaceFile(rel: string): void {
  rmSync(join(workspaceRoot(), rel), { force: true, recursive: true });
}

/** Closes every editor without saving, so each suite starts from the files on disk. */
export async function closeAllEditors(): Promise<void> {
  // A dirty editor would raise a "Save?" dialog nobody answers: revert each one first.
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isClosed)) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
