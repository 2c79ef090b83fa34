/**
 * Ref claims judged against the repository at any depth (the whole graph): "main at ad1fd24", "HEAD `665530f`",
 * "feature pushed", "release local-only". A claim is contradicted when its commit is not in the ref's history at
 * all (rewritten, force-pushed), when the ref is gone and its commit with it, or when a push claim did not hold
 * for the commits of the handoff's moment. A ref that simply moved on is freshness, not a contradiction.
 * Claims in the document's history part are not judged: they describe the past.
 */
import type { CommitGraph } from '../git/graph';
import type { RefInfo, RepoFacts } from '../git/provider';
import { validRefName, validSha } from '../git/schemas';
import type { Range, RefMention } from '../model';
import { RangeLookup } from '../ranges';
import type { AnchorFact, RefFact } from './types';

/** The ref a mention names: a branch may be written `origin/main`, or exist only as `<remote>/main` in a clone. */
export function findRef(refs: readonly RefInfo[], kind: RefMention['kind'], name: string): RefInfo | null {
  const by = (full: string) => refs.find((r) => r.refname === full) ?? null;
  if (kind === 'tag') return by(`refs/tags/${name}`);
  if (kind === 'remote') return by(`refs/remotes/${name}`) ?? by(`refs/heads/${name}`);
  return by(`refs/heads/${name}`) ?? by(`refs/remotes/${name}`) ?? remoteTracking(refs, name);
}

/** `refs/remotes/<any remote>/<name>`: a clone has the branches of its remote only as remote-tracking refs. */
function remoteTracking(refs: readonly RefInfo[], name: string): RefInfo | null {
  const depth = 3 + name.split('/').length; // refs / remotes / <remote> / name…
  return refs.find((r) => r.refname.startsWith('refs/remotes/') && r.refname.endsWith(`/${name}`) && r.refname.split('/').length === depth) ?? null;
}

/** The remote-tracking branch a local branch is judged against: its upstream, else any `<remote>/<name>`. */
function trackingOf(refs: readonly RefInfo[], local: RefInfo | null, name: string): RefInfo | null {
  if (local?.upstream && !local.upstreamGone) {
    const up = refs.find((r) => r.refname === local.upstream);
    if (up) return up;
  }
  return remoteTracking(refs, name);
}

export const shortRef = (refname: string): string => refname.replace(/^refs\/(heads|tags|remotes)\//, '');

export interface RefContext {
  facts: RepoFacts;
  graph: CommitGraph | null;
  anchor: AnchorFact | null;
  history: readonly Range[];
  /** A shallow clone: a commit not found may be beyond the boundary, so nothing is "gone" for lacking it. */
  shallow: boolean;
  /** Notices for claims that cannot be judged here (no upstream, no remote). */
  notices: Set<string>;
}

export function judgeRefs(mentions: readonly RefMention[], ctx: RefContext): RefFact[] {
  const historic = new RangeLookup(ctx.history);
  return mentions.map((m) => {
    if (historic.holdsStartOf(m.range)) return { kind: 'unchecked' };
    try {
      return 'sha' in m.claim ? judgeShaClaim(m, m.claim.sha, ctx) : judgePushClaim(m, m.claim.pushed, ctx);
    } catch {
      return { kind: 'unchecked' }; // a judgement that fails must not take the others with it
    }
  });
}

/** Commits of `tip` since the handoff's moment (since the anchor when it is in the tip's history, else the claim). */
function movedSince(g: CommitGraph | null, anchor: AnchorFact | null, claimed: string, tip: string): number | null {
  if (!g) return null;
  const from = anchor && g.isAncestor(anchor.sha, tip) ? anchor.sha : claimed;
  return g.between(from, tip)?.length ?? null;
}

function judgeShaClaim(m: RefMention, written: string, ctx: RefContext): RefFact {
  const { facts, graph } = ctx;
  const claimedKey = validSha(written);
  if (!claimedKey) return { kind: 'unchecked' };
  const lookup = facts.shas.get(claimedKey);
  // A commit the repository lacks, or an ambiguous one, is unknown-commit's to report, at the SHA.
  const claimed = lookup?.status === 'found' && lookup.reach !== 'dangling' && lookup.reach !== 'unchecked' ? lookup.sha : null;

  if (m.name === 'HEAD') {
    // HEAD claims describe the moment of writing; HEAD moving on (a commit, a checkout) contradicts nothing.
    if (!facts.headSha || facts.headSha.startsWith(claimedKey)) return { kind: 'holds' };
    return claimed ? { kind: 'moved', ref: 'HEAD', now: facts.headSha, since: movedSince(graph, ctx.anchor, claimed, facts.headSha) } : { kind: 'unchecked' };
  }
  const name = validRefName(m.name);
  if (!name) return { kind: 'unchecked' };
  const target = findRef(facts.refs, m.kind, name);
  if (target?.sha.startsWith(claimedKey)) return { kind: 'holds' };
  if (!target) {
    // Gone, and its commit with it (not in this repository, or on no branch): the work the claim points at is lost here.
    if (!lookup || lookup.status === 'missing') return ctx.shallow ? { kind: 'unchecked' } : { kind: 'gone', claimed: written, commit: 'missing' };
    if (lookup.status !== 'found') return { kind: 'unchecked' };
    if (lookup.reach === 'dangling') return { kind: 'gone', claimed: written, commit: 'dangling' };
    // Gone, but its commit lives on: merged into another branch, then deleted. Freshness.
    const into = graph?.tipsContaining(lookup.sha, facts.refs.filter((r) => !r.refname.startsWith('refs/tags/')).map((r) => ({ name: shortRef(r.refname), sha: r.sha })));
    return into?.length ? { kind: 'merged', into: into[0]!.name } : { kind: 'unchecked' };
  }
  if (lookup?.status !== 'found' || lookup.reach === 'unchecked') return { kind: 'unchecked' };
  // On no branch at all while the ref exists: the ref was rewritten under the claim (amended, rebased, force-pushed).
  if (lookup.reach === 'dangling') return rewritten(target, ctx);
  if (!claimed || !graph) return { kind: 'unchecked' };
  const inHistory = graph.isAncestor(claimed, target.sha);
  if (inHistory === null) return { kind: 'unchecked' };
  if (inHistory) return { kind: 'moved', ref: shortRef(target.refname), now: target.sha, since: movedSince(graph, ctx.anchor, claimed, target.sha) };
  return rewritten(target, ctx);
}

/** A contradicted claim, with the ref's tip now and at the handoff's moment (what a quick fix may write instead). */
function rewritten(target: RefInfo, ctx: RefContext): RefFact {
  const atAnchor = ctx.anchor && ctx.graph ? ctx.graph.firstParentAt(target.sha, ctx.anchor.time) : null;
  return { kind: 'rewritten', ref: shortRef(target.refname), now: target.sha, atAnchor };
}

function judgePushClaim(m: RefMention, pushed: boolean, ctx: RefContext): RefFact {
  const { facts, graph, anchor } = ctx;
  // Push-state claims are about branches.
  const name = m.kind === 'branch' ? validRefName(m.name) : null;
  if (!name) return { kind: 'unchecked' };
  if (!facts.hasRemote) {
    ctx.notices.add('no remote: claims that a branch is pushed or local-only are not checked');
    return { kind: 'unchecked' };
  }
  const local = facts.refs.find((r) => r.refname === `refs/heads/${name}`) ?? null;
  const tracking = trackingOf(facts.refs, local, name);
  if (!pushed) {
    // "local-only": a remote-tracking branch that has the branch's tip (or the branch only on the remote) says it was pushed since.
    if (!tracking) return { kind: local ? 'holds' : 'unchecked' };
    if (!local || local.sha === tracking.sha || graph?.isAncestor(local.sha, tracking.sha)) return { kind: 'pushed-since', where: shortRef(tracking.refname) };
    return { kind: 'holds' };
  }
  if (!local) return { kind: tracking ? 'holds' : 'unchecked' };
  if (!tracking) {
    ctx.notices.add(`branch ${name} has no upstream: whether it is pushed is not checked`);
    return { kind: 'unchecked' };
  }
  if (tracking.sha === local.sha) return { kind: 'holds' };
  if (!graph) return { kind: 'unchecked' };
  // The claim was about the branch when the handoff was written: commits made after the anchor (and the anchor
  // itself, which only adds the handoff) do not make it false.
  const unpushed = graph.between(tracking.sha, local.sha);
  if (unpushed === null) return { kind: 'unchecked' };
  const then = anchor ? unpushed.filter((sha) => sha !== anchor.sha && (graph.get(sha)?.time ?? 0) <= anchor.time) : unpushed;
  if (!then.length) return { kind: 'holds' };
  return { kind: 'not-pushed', where: shortRef(tracking.refname), count: then.length, tip: local.sha, sinceAnchor: anchor !== null };
}
