/**
 * Commits the text gives to another repository (the model's `elsewhere`, extract/commitElsewhere.ts) that are not
 * in this one: not unknown, since the handoff says where they are, and it is not here. A name that is this
 * repository's own — its folder's name, or one of its branches, tags or remotes — keeps such a commit unknown:
 * "Mimik_Suite `3953da1`" written in Mimik_Suite is a claim about this repository. A commit found here stays found,
 * whatever the text says.
 */
import type { RepoFacts, RepoInfo } from '../git/provider';
import { validSha } from '../git/schemas';
import type { CommitMention, RefMention } from '../model';
import type { CommitState, RefFact } from './types';

/** `EV-Accounts`, `ev_accounts` and `EvAccounts` are one name; `owner/repo` is named by its `repo`. */
const key = (name: string) => name.slice(name.lastIndexOf('/') + 1).replace(/\.git$/i, '').replace(/[-_.\s]/g, '').toLowerCase();

/** The names this repository goes by: its folder's, and its branches', tags' and remotes'. */
export function ownNames(repo: RepoInfo, facts: RepoFacts): Set<string> {
  const out = new Set<string>([key(repo.root)]);
  for (const r of facts.refs) {
    const m = /^refs\/(?:heads|tags)\/(.+)$/.exec(r.refname) ?? /^refs\/remotes\/([^/]+)\/(.+)$/.exec(r.refname);
    if (!m) continue;
    for (const part of m.slice(1)) out.add(key(part));
  }
  return out;
}

/**
 * Marks `elsewhere` the SHAs not found here that a mention gives to another repository, unless another mention gives
 * it to this one: a SHA names one commit, so "mimik-contracts pushed (`4bf80be`)" says where `4bf80be` is wherever
 * else the handoff cites it. Returns the same map, changed in place.
 */
export function attributeElsewhere(states: Map<string, CommitState>, mentions: readonly CommitMention[], ownOf: () => ReadonlySet<string>): Map<string, CommitState> {
  // The repository's own names are gathered (a pass over its refs) only for a handoff that names another one.
  if (!mentions.some((m) => m.elsewhere)) return states;
  const own = ownOf();
  const named = new Map<string, string | null>(); // per SHA: the other repository a mention names, or null (this one)
  for (const m of mentions) {
    const sha = validSha(m.sha);
    if (!sha || !m.elsewhere || named.get(sha) === null) continue;
    named.set(sha, own.has(key(m.elsewhere)) ? null : named.get(sha) ?? m.elsewhere);
  }
  for (const [sha, repository] of named) {
    const state = states.get(sha);
    // Missing here (a dangling commit is here, on no branch: that stays a finding).
    if (repository && state?.status === 'unknown' && state.sha === null) states.set(sha, { status: 'elsewhere', sha: null, repository });
  }
  return states;
}

/** A claim that a ref is at a commit of another repository (`EV-Accounts \`master\` @ \`307c6fd4\``) is not judged here. */
export function refsElsewhere(refs: readonly RefMention[], facts: RefFact[], states: ReadonlyMap<string, CommitState>): RefFact[] {
  return facts.map((f, i) => {
    const claim = refs[i]?.claim;
    const sha = claim && 'sha' in claim ? validSha(claim.sha) : null;
    return sha && states.get(sha)?.status === 'elsewhere' ? { kind: 'unchecked' } : f;
  });
}
