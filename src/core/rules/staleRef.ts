/**
 * stale-ref: a claim about a branch, tag or commit that does not hold (facts/refs.ts judged each one). Only a
 * contradiction is a problem — the claimed commit is not in the branch's history at all (rewritten,
 * force-pushed), or commits the handoff called pushed are on no remote. A branch that moved on, or was merged and
 * deleted, is freshness: the tree and the heading's lens show it, Problems does not. "Pushed since" is news.
 */
import type { RefFact } from '../facts/types';
import type { Diagnostic, RefMention } from '../model';
import type { CoreSettings } from '../settings';
import { makeDiagnostic, plural, short } from './severity';

function label(m: RefMention): string {
  if (m.name === 'HEAD') return 'HEAD';
  return m.kind === 'tag' ? `Tag ${m.name}` : m.kind === 'remote' ? m.name : `Branch ${m.name}`;
}

export function staleRefRules(mentions: readonly RefMention[], refs: readonly RefFact[], settings: CoreSettings): Diagnostic[] {
  const out: Diagnostic[] = [];
  mentions.forEach((m, i) => {
    const f = refs[i];
    let d: Diagnostic | null = null;
    if (f?.kind === 'rewritten' && 'sha' in m.claim) {
      d = makeDiagnostic(settings, 'stale-ref', m.range,
        `${label(m)} does not contain ${m.claim.sha}: ${f.ref} is at ${short(f.now)} and ${m.claim.sha} is not in its history (rewritten or force-pushed?)`);
    } else if (f?.kind === 'gone') {
      d = makeDiagnostic(settings, 'stale-ref', m.range, `${label(m)} does not exist here, and its commit ${f.claimed} ${f.commit === 'missing' ? 'is not in this repository' : 'is on no branch'}`);
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
