/** Cancellation tokens the store combines: one cancelled when any of several is, and one that never is. */
import * as vscode from 'vscode';
import type { CancellationToken } from '../../core/interfaces';

let never: vscode.CancellationToken | undefined;
/** The typings have no shared "never cancelled" token value; this one is never cancelled. */
export const neverCancelled = (): vscode.CancellationToken => (never ??= new vscode.CancellationTokenSource().token);

/** Cancelled as soon as one of `tokens` is: an edit's own token, the entry's generation, the caller's. */
export const anyCancelled = (...tokens: Array<CancellationToken | undefined>): CancellationToken => ({
  get isCancellationRequested() {
    return tokens.some((t) => t?.isCancellationRequested);
  },
});
