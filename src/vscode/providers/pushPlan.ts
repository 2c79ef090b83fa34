/**
 * What "Push…" on an unpushed commit would push, decided from plain facts (no `vscode` import: unit-tested): the
 * branch that holds the commit — the checked-out one when it does, else the only local branch that does — and
 * the remote — the branch's upstream, else the only remote, else `origin`. Anything less clear is a choice for
 * the user (the command asks), never a guess; the confirmation names both before anything is pushed.
 */

export interface Upstream {
  remote: string;
  name: string;
}

export interface PushFacts {
  /** The commit, full SHA, and its subject. */
  sha: string;
  subject: string | null;
  /** Local branches whose history contains the commit (short names). */
  containing: readonly string[];
  /** The checked-out branch, or null (detached). */
  head: string | null;
  /** Each local branch's upstream, when it has one. */
  upstreams: ReadonlyMap<string, Upstream>;
  remotes: readonly string[];
}

export type PushPlan =
  | { kind: 'push'; branch: string; remote: string; /** true: no upstream yet, `git push -u` */ setUpstream: boolean; /** the checked-out branch to its upstream */ current: boolean }
  | { kind: 'choose-branch'; branches: string[] }
  | { kind: 'choose-remote'; branch: string; remotes: string[] }
  | { kind: 'cannot'; reason: string };

export function planPush(f: PushFacts, chosen: { branch?: string; remote?: string } = {}): PushPlan {
  const short = f.sha.slice(0, 7);
  let branch = chosen.branch;
  if (!branch) {
    if (!f.containing.length) return { kind: 'cannot', reason: `Commit ${short} is on no local branch: there is nothing to push it with.` };
    if (f.head && f.containing.includes(f.head)) branch = f.head;
    else if (f.containing.length === 1) branch = f.containing[0]!;
    else return { kind: 'choose-branch', branches: [...f.containing].sort() };
  }
  const upstream = f.upstreams.get(branch) ?? null;
  let remote = chosen.remote ?? upstream?.remote;
  if (!remote) {
    if (!f.remotes.length) return { kind: 'cannot', reason: 'This repository has no remote to push to.' };
    if (f.remotes.length === 1) remote = f.remotes[0]!;
    else if (f.remotes.includes('origin')) remote = 'origin';
    else return { kind: 'choose-remote', branch, remotes: [...f.remotes].sort() };
  }
  const setUpstream = !upstream;
  return { kind: 'push', branch, remote, setUpstream, current: branch === f.head && !!upstream && upstream.remote === remote };
}

/** The modal confirmation: what is pushed where, in the words of the git command it amounts to. */
export function pushConfirmation(f: PushFacts, plan: Extract<PushPlan, { kind: 'push' }>): { message: string; detail: string } {
  const subject = f.subject ? ` "${f.subject.length > 80 ? `${f.subject.slice(0, 79)}…` : f.subject}"` : '';
  return {
    message: `Push branch ${plan.branch} to ${plan.remote}?`,
    detail: `Commit ${f.sha.slice(0, 7)}${subject} is not on ${plan.remote} yet. This runs \`git push${plan.setUpstream ? ' -u' : ''} ${plan.remote} ${plan.branch}\` through VS Code's Git${plan.setUpstream ? `, and makes ${plan.remote}/${plan.branch} its upstream` : ''}: every commit of ${plan.branch} not on ${plan.remote} is pushed.`,
  };
}
