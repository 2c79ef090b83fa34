/**
 * unknown-commit, ambiguous-commit and unpushed-commit: every commit mention judged against the batch facts.
 * Quiet where the evidence is weak: a bare hex token that resolves to nothing is most likely not a commit at
 * all, so it is never reported as unknown or ambiguous. In a shallow clone "not found" may only mean
 * "beyond the boundary", so it is not reported as unknown either (one notice says so instead).
 */
import type { RepoFacts, RepoInfo } from '../git/provider';
import type { HistoryGraph } from '../git/graph';
import { validSha } from '../git/schemas';
import type { CommitMention, Diagnostic } from '../model';
import type { CoreSettings } from '../settings';
import { makeDiagnostic, short } from './severity';

export type CommitState =
  | { status: 'ok'; sha: string; /** set when it resolved in a submodule */ submodule: string | null }
  | { status: 'unpushed'; sha: string }
  /** `sha` is set when the object still exists but is on no branch (amended, rebased, squashed). */
  | { status: 'unknown'; sha: string | null; reason: string }
  | { status: 'ambiguous'; sha: null; candidates: string[] }
  | { status: 'shallow-unknown'; sha: null };

export interface CommitRulesResult {
  diagnostics: Diagnostic[];
  /** Keyed by the mentioned SHA, lower-cased. */
  states: Map<string, CommitState>;
}

/** Judges one SHA once; mentions of the same SHA share the state. `graph` is only asked for when needed. */
async function stateOf(key: string, facts: RepoFacts, repo: RepoInfo, graph: () => Promise<HistoryGraph | null>): Promise<CommitState> {
  const l = facts.shas.get(key);
  if (!l || l.status === 'missing') {
    if (repo.shallow) return { status: 'shallow-unknown', sha: null };
    return { status: 'unknown', sha: null, reason: 'is not in this repository (a typo, or only in another clone?)' };
  }
  if (l.status === 'ambiguous') return { status: 'ambiguous', sha: null, candidates: l.candidates };
  if (l.reach === 'dangling') {
    const g = await graph();
    const why = g?.explainVanished(l.sha, l.subject);
    let reason = 'is on no branch (rebased, or its branch was deleted?)';
    if (why?.kind === 'squashed') reason = `is on no branch: squash-merged into ${short(why.by.sha)}`;
    else if (why?.kind === 'same-subject') reason = `is on no branch: amended? ${short(why.by.sha)} has the same subject`;
    else if (why?.kind === 'squashed-subject') reason = `is on no branch: squash-merged into ${short(why.by.sha)}? its message lists the same subject`;
    return { status: 'unknown', sha: l.sha, reason };
  }
  if (l.reach === 'local' && facts.hasRemote) return { status: 'unpushed', sha: l.sha };
  return { status: 'ok', sha: l.sha, submodule: l.submodule };
}

export async function commitRules(
  mentions: readonly CommitMention[], facts: RepoFacts, repo: RepoInfo, graph: () => Promise<HistoryGraph | null>, settings: CoreSettings,
): Promise<CommitRulesResult> {
  const diagnostics: Diagnostic[] = [];
  const states = new Map<string, CommitState>();
  for (const m of mentions) {
    const key = validSha(m.sha);
    if (!key) continue;
    let state = states.get(key);
    if (!state) {
      state = await stateOf(key, facts, repo, graph);
      states.set(key, state);
    }
    const weak = m.evidence === 'bare';
    let d: Diagnostic | null = null;
    if (state.status === 'unknown' && !weak) {
      d = makeDiagnostic(settings, 'unknown-commit', m.range, `Commit ${m.sha} ${state.reason}`);
    } else if (state.status === 'ambiguous' && !weak) {
      const list = state.candidates.map((c) => c.slice(0, 12)).join(', ');
      d = makeDiagnostic(settings, 'ambiguous-commit', m.range, `Commit ${m.sha} is ambiguous: it matches ${state.candidates.length} objects (${list})`);
    } else if (state.status === 'unpushed') {
      d = makeDiagnostic(settings, 'unpushed-commit', m.range, `Commit ${m.sha} is not pushed: no remote-tracking branch contains it`);
    }
    if (d) diagnostics.push(d);
  }
  return { diagnostics, states };
}

