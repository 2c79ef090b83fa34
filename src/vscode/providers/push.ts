/**
 * "Push…" for an unpushed commit: through the built-in Git extension (its public API, version 1, typed locally),
 * after a modal confirmation naming the branch and the remote. Nothing is pushed without that confirmation, and
 * nothing runs git here: the Git extension does, with the user's own credentials helpers and settings.
 * What to push is decided by ./pushPlan.ts; an unclear branch or remote is asked with a quick pick.
 */
import * as vscode from 'vscode';
import type { HandoffStore } from '../contracts';
import { fullShaFor, type CommitArgs } from './commands';
import { planPush, pushConfirmation, type PushFacts, type Upstream } from './pushPlan';

export const PUSH_COMMIT = 'handoffNavigator.pushCommit';

/** Asks the user to confirm a push; true to push. Replaceable by the extension-host tests (no dialog to click). */
export type ConfirmPush = (message: string, detail: string) => Thenable<boolean>;

export const modalConfirm: ConfirmPush = async (message, detail) =>
  (await vscode.window.showWarningMessage(message, { modal: true, detail }, 'Push')) === 'Push';

interface GitBranch {
  name?: string;
  upstream?: Upstream;
}

interface GitRepository {
  state: { HEAD: GitBranch | undefined; remotes: Array<{ name: string }> };
  getBranch(name: string): Promise<GitBranch>;
  push(remoteName?: string, branchName?: string, setUpstream?: boolean): Promise<void>;
}

interface GitApi {
  getRepository(uri: vscode.Uri): GitRepository | null;
  openRepository?(root: vscode.Uri): Promise<GitRepository | null>;
}

interface GitExtension {
  enabled: boolean;
  getAPI(version: 1): GitApi;
}

/** The Git extension's API, activated on this explicit request; undefined when it is missing or disabled. */
async function gitApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) return undefined;
  try {
    const exports = extension.isActive ? extension.exports : await extension.activate();
    return exports?.enabled ? exports.getAPI(1) : undefined;
  } catch {
    return undefined;
  }
}

async function repositoryFor(api: GitApi, handoff: vscode.Uri, root: string | undefined): Promise<GitRepository | null> {
  const known = api.getRepository(handoff);
  if (known) return known;
  return root && api.openRepository ? api.openRepository(vscode.Uri.file(root)) : null;
}

/** Accepts the command's own arguments, or a Handoffs view commit node (`handoff` + an `open-commit` action). */
export function pushArgs(arg: unknown): CommitArgs | undefined {
  const a = arg as { uri?: unknown; sha?: unknown; handoff?: unknown; action?: { kind?: unknown; sha?: unknown } } | undefined;
  if (typeof a?.uri === 'string' && typeof a.sha === 'string') return { uri: a.uri, sha: a.sha };
  if (typeof a?.handoff === 'string' && a.action?.kind === 'open-commit' && typeof a.action.sha === 'string') return { uri: a.handoff, sha: a.action.sha };
  return undefined;
}

export async function pushCommit(store: HandoffStore, args: CommitArgs, confirm: ConfirmPush, log: vscode.LogOutputChannel): Promise<boolean> {
  const uri = vscode.Uri.parse(args.uri);
  const full = fullShaFor(store, args);
  if (!full) {
    void vscode.window.showWarningMessage(`Commit ${args.sha} does not resolve in this repository: nothing to push.`);
    return false;
  }
  const api = await gitApi();
  const repo = api && (await repositoryFor(api, uri, store.get(uri)?.analysis.facts?.repo?.root));
  if (!repo) {
    void vscode.window.showErrorMessage(`VS Code's Git extension is not available for this repository: push ${full.slice(0, 7)} from a terminal (git push).`);
    return false;
  }
  const cts = new vscode.CancellationTokenSource();
  const details = await store.commitDetails(uri, full, cts.token).finally(() => cts.dispose());
  const containing = details?.localBranches ?? [];
  const upstreams = new Map<string, Upstream>();
  for (const name of containing) {
    const b = name === repo.state.HEAD?.name ? repo.state.HEAD : await repo.getBranch(name).catch(() => undefined);
    if (b?.upstream) upstreams.set(name, b.upstream);
  }
  const facts: PushFacts = {
    sha: full, subject: details?.subject ?? null, containing, head: repo.state.HEAD?.name ?? null, upstreams, remotes: repo.state.remotes.map((r) => r.name),
  };
  let plan = planPush(facts);
  if (plan.kind === 'choose-branch') {
    const branch = await vscode.window.showQuickPick(plan.branches, { placeHolder: `Commit ${full.slice(0, 7)} is on several branches: push which?` });
    plan = branch ? planPush(facts, { branch }) : plan;
  }
  if (plan.kind === 'choose-remote') {
    const remote = await vscode.window.showQuickPick(plan.remotes, { placeHolder: `Push ${plan.branch} to which remote?` });
    plan = remote ? planPush(facts, { branch: plan.branch, remote }) : plan;
  }
  if (plan.kind === 'cannot') void vscode.window.showWarningMessage(plan.reason);
  if (plan.kind !== 'push') return false;
  const { message, detail } = pushConfirmation(facts, plan);
  if (!(await confirm(message, detail))) return false;
  try {
    // The checked-out branch to its upstream is a plain `git push`; anything else names the remote and branch.
    await (plan.current ? repo.push() : repo.push(plan.remote, plan.branch, plan.setUpstream));
    log.info(`pushed ${plan.branch} to ${plan.remote} (for commit ${full.slice(0, 7)}) through the Git extension`);
    vscode.window.setStatusBarMessage(`Pushed ${plan.branch} to ${plan.remote}`, 4000);
    return true;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    log.warn(`push of ${plan.branch} to ${plan.remote} failed: ${why}`);
    void vscode.window.showErrorMessage(`Could not push ${plan.branch} to ${plan.remote}: ${why}`);
    return false;
  }
}
