/** A cancellation token that never is, for work no caller may stop (a shared listing, targets resolved for all). */
import * as vscode from 'vscode';

let never: vscode.CancellationToken | undefined;
/** The typings have no shared "never cancelled" token value; this one is never cancelled. */
export const neverCancelled = (): vscode.CancellationToken => (never ??= new vscode.CancellationTokenSource().token);

