/**
 * The one LogOutputChannel ("Handoff Navigator"). It says what was analysed, in how long, and why anything
 * was skipped; the user reaches it with "Handoff: Show Log". Structurally a core `Logger`, so the language
 * service and the git layer log into it directly.
 */
import * as vscode from 'vscode';

export const CHANNEL_NAME = 'Handoff Navigator';

export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel(CHANNEL_NAME, { log: true });
}

/** Milliseconds since `start` (a `performance.now()` reading), rounded for log lines. */
export function elapsed(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}
