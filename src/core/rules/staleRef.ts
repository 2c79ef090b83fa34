/**
 * stale-ref: a claim about a branch, tag or commit that does not hold (facts/refs.ts judged each one). Only a
 * contradiction is a problem — the claimed commit is not in the branch's history at all (rewritten,
 * force-pushed), or commits the handoff called pushed are on no remote. A branch that moved on, or was merged and
 * deleted, is freshness: the tree and the heading's lens show it, Problems does not. "Pushed since" is news.
 */
import type { CommitState, RefFact } from '../facts/types';
import { validSha } from '../git/schemas';
import type { Diagnostic, Range, RefMention } from '../model';
import type { CoreSettings } from '../settings';
import { makeDiagnostic, plural, short } from './severity';

function label(m: RefMention): string {
  if (m.name === 'HEAD') return 'HEAD';
  return m.kind === 'tag' ? `Tag ${m.name}` : m.kind === 'remote' ? m.name : `Branch ${m.name}`;
}

/**
 * The ref mentions whose ref is gone along with its claimed commit (each with its `shaRange`): stale-ref's finding
 * there says the commit is not in this repository (or on no branch), so unknown-commit does not say it again at the
 * same SHA, and a fix for that SHA answers the stale-ref. Judged on real repositories (a worktree table, `branch` @
 * `sha` a row): each such unknown-commit beside its stale-ref was noise. The stale-ref finding says what
 * unknown-commit would have (amended? another clone?) in its place.
 */
export function refsGoneWithCommit(mentions: readonly RefMention[], refs: readonly RefFact[]): Array<RefMention & { shaRange: Range }> {
  const out: Array<RefMention & { shaRange: Range }> = [];
  mentions.forEach((m, i) => {
    if (refs[i]?.kind === 'gone' && m.shaRange) out.push(m as RefMention & { shaRange: Range });
  });
  return out;
}

export function staleRefRules(mentions: readonly RefMention[], refs: readonly RefFact[], settings: CoreSettings, commits: ReadonlyMap<string, CommitState> = new Map()): Diagnostic[] {
  const out: Diagnostic[] = [];
  mentions.forEach((m, i) => {
    const f = refs[i];
    let d: Diagnostic | null = null;
    if (f?.kind === 'rewritten' && 'sha' in m.claim) {
      d = makeDiagnostic(settings, 'stale-ref', m.range,
        `${label(m)} does not contain ${m.claim.sha}: ${f.ref} is at ${short(f.now)} and ${m.claim.sha} is not in its history (rewritten or force-pushed?)`);
    } else if (f?.kind === 'gone') {
      // What became of the commit, as unknown-commit would have said it at the SHA (which it then does not).
      const state = commits.get(validSha(f.claimed) ?? '');
      const reason = state?.status === 'unknown' ? state.reason : f.commit === 'missing' ? 'is not in this repository' : 'is on no branch';
      d = makeDiagnostic(settings, 'stale-ref', m.range, `${label(m)} does not exist here, and its commit ${f.claimed} ${reason}`);
    } else if (f?.kind === 'not-pushed') {
      const what = f.count === null ? `its tip ${short(f.tip)} is not on ${f.where ?? 'any remote'}` : `${plural(f.count, 'commit')}${f.sinceAnchor ? ' from before this handoff' : ''} ${f.count === 1 ? 'is' : 'are'} not on ${f.where}`;
      d = makeDiagnostic(settings, 'stale-ref', m.range, `${label(m)} is not pushed, though the handoff says it is: ${what}`);
    } else if (f?.kind === 'pushed-since') {
      d = makeDiagnostic(settings, 'stale-ref', m.range, `${label(m)} has been pushed since this handoff said it was local-only (${f.where})`, undefined, 'news');
    }
    if (d) out.push(d);
  });
  return out;
}
