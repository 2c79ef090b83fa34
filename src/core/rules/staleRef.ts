/**
 * stale-ref: what the document claims about a branch, tag or remote-tracking branch — "main is at ad1fd24",
 * "pushed", "local-only" — checked against the refs read in the same batch. The message says where the ref
 * is now and how far it moved, from the bounded history (no process per claim).
 */
import type { HistoryGraph } from '../git/graph';
import type { RefInfo, RepoFacts } from '../git/provider';
import { validRefName, validSha } from '../git/schemas';
import type { Diagnostic, RefMention } from '../model';
import type { CoreSettings } from '../settings';
import { makeDiagnostic, short } from './severity';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function shortRef(refname: string): string {
  return refname.replace(/^refs\/(heads|tags|remotes)\//, '');
}

/** The ref a mention names: a branch may be written `origin/main`, a remote may be written without `refs/`. */
export function findRef(refs: readonly RefInfo[], kind: RefMention['kind'], name: string): RefInfo | null {
  const by = (full: string) => refs.find((r) => r.refname === full) ?? null;
  if (kind === 'tag') return by(`refs/tags/${name}`);
  if (kind === 'remote') return by(`refs/remotes/${name}`) ?? by(`refs/heads/${name}`);
  return by(`refs/heads/${name}`) ?? by(`refs/remotes/${name}`);
}

/** The remote-tracking branch a local branch is judged against: its upstream, else any `<remote>/<name>`. */
function trackingOf(refs: readonly RefInfo[], local: RefInfo, name: string): RefInfo | null {
  if (local.upstream && !local.upstreamGone) {
    const up = refs.find((r) => r.refname === local.upstream);
    if (up) return up;
  }
  return refs.find((r) => r.refname.startsWith('refs/remotes/') && r.refname.endsWith(`/${name}`) && r.refname.split('/').length === 4 + name.split('/').length - 1) ?? null;
}

export async function staleRefRules(
  mentions: readonly RefMention[], facts: RepoFacts, graph: () => Promise<HistoryGraph | null>, settings: CoreSettings, notices: Set<string>,
): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const push = (d: Diagnostic | null) => d && out.push(d);
  for (const m of mentions) {
    // "HEAD: abc1234" claims the checked-out commit; HEAD is no ref name, so it is matched before validation.
    const isHead = m.name === 'HEAD';
    const name = isHead ? 'HEAD' : validRefName(m.name);
    if (!name) continue;
    if (isHead && (!('sha' in m.claim) || !facts.headSha)) continue;
    const label = isHead ? 'HEAD' : m.kind === 'tag' ? `Tag ${name}` : m.kind === 'remote' ? name : `Branch ${name}`;
    const target = isHead ? { refname: 'HEAD', sha: facts.headSha!, upstream: null, ahead: null, behind: null, upstreamGone: false } : findRef(facts.refs, m.kind, name);
    if ('sha' in m.claim) {
      const claimed = validSha(m.claim.sha);
      if (!claimed) continue;
      if (!target) {
        push(makeDiagnostic(settings, 'stale-ref', m.range, `${label} no longer exists (the document says it is at ${m.claim.sha})`));
        continue;
      }
      if (target.sha.startsWith(claimed)) continue;
      const lookup = facts.shas.get(claimed);
      const claimedFull = lookup?.status === 'found' ? lookup.sha : null;
      const g = claimedFull ? await graph() : null;
      const ahead = g && claimedFull ? g.aheadCount(claimedFull, target.sha) : null;
      const behind = g && claimedFull && ahead === null ? g.aheadCount(target.sha, claimedFull) : null;
      let msg = `${label} is now at ${short(target.sha)}, not ${m.claim.sha}`;
      if (ahead !== null) msg = `${label} is now ${plural(ahead, 'commit')} ahead, at ${short(target.sha)}`;
      else if (behind !== null) msg = `${label} is now ${plural(behind, 'commit')} behind ${m.claim.sha}, at ${short(target.sha)}`;
      else if (claimedFull) msg = `${label} is now at ${short(target.sha)}; ${m.claim.sha} is not in its history`;
      push(makeDiagnostic(settings, 'stale-ref', m.range, msg));
      continue;
    }
    // Push-state claims are about local branches.
    if (m.kind !== 'branch' || !target || !target.refname.startsWith('refs/heads/')) continue;
    if (!facts.hasRemote) {
      notices.add('no remote: claims that a branch is pushed or local-only are not checked');
      continue;
    }
    const tracking = trackingOf(facts.refs, target, name);
    if (!tracking) {
      if (m.claim.pushed) notices.add(`branch ${name} has no upstream: whether it is pushed is not checked`);
      continue;
    }
    let ahead: number | null;
    if (tracking.refname === target.upstream && target.ahead !== null) ahead = target.ahead;
    else if (tracking.sha === target.sha) ahead = 0;
    else ahead = (await graph())?.aheadCount(tracking.sha, target.sha) ?? null;
    const where = shortRef(tracking.refname);
    if (m.claim.pushed && ahead !== 0) {
      const what = ahead === null ? `its tip ${short(target.sha)} is not on ${where}` : `${plural(ahead, 'commit')} not pushed to ${where}`;
      push(makeDiagnostic(settings, 'stale-ref', m.range, `${label} is not pushed: ${what}`));
    } else if (!m.claim.pushed && ahead === 0) {
      push(makeDiagnostic(settings, 'stale-ref', m.range, `${label} is no longer local-only: ${where} contains its tip ${short(target.sha)}`));
    }
  }
  return out;
}
