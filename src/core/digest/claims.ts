/**
 * The handoff's claims judged: each cited commit (once per SHA), each ref claim and each file breadcrumb (once per
 * path and lines), as holds / changed / gone with the evidence the facts carry. Pure; reads only model and facts.
 * Quiet where the rules are quiet: a bare hex token that resolves to nothing is no claim, an ambiguous or
 * unchecked item is not judged, and a file the document says was removed, planned or lives elsewhere is not a
 * claim that it exists.
 */
import type { CommitState, FileFact, HandoffFacts, LineDrift, RefFact } from '../facts/types';
import { relativeTo } from '../git/paths';
import { validSha } from '../git/schemas';
import type { CommitMention, FileBreadcrumb, HandoffModel, RefMention } from '../model';
import { code, oneLine } from '../newHandoff/markdown';
import { foreignSha, weakMention } from '../rules/commitRules';
import { refsGoneWithCommit } from '../rules/staleRef';
import { RangeLookup } from '../ranges';
import type { DigestEntry, Verdict } from './types';

const short = (sha: string) => sha.slice(0, 7);

function entry(verdict: Verdict, text: string, evidence: string | null, line: number | null): DigestEntry {
  return { section: verdict === 'holds' ? 'holds' : 'changed', verdict, text, evidence, line };
}

export function judgeClaims(model: HandoffModel, facts: HandoffFacts): DigestEntry[] {
  // A ref's claimed SHA whose ref is gone with it is judged with its ref, not again as a commit (as the rules do).
  const saidGone = refsGoneWithCommit(model.refs, facts.refs).map((m) => m.shaRange);
  const gone = new RangeLookup(saidGone);
  const commits = saidGone.length ? model.commits.filter((m) => !gone.atSamePlace(m.range)) : model.commits;
  return [...judgeRefs(model.refs, facts.refs), ...judgeCommits(commits, facts), ...judgeFiles(model.files, facts)];
}

function judgeCommits(mentions: readonly CommitMention[], facts: HandoffFacts): DigestEntry[] {
  const out: DigestEntry[] = [];
  const seen = new Set<string>();
  for (const m of mentions) {
    const key = validSha(m.sha);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const state = facts.commits.get(key);
    const e = state ? judgeCommit(m, state, facts.hasRemote) : null;
    if (e) out.push(entry(e.verdict, e.text, e.evidence, m.range.start.line + 1));
  }
  return out;
}

function judgeCommit(m: CommitMention, state: CommitState, hasRemote: boolean): { verdict: Verdict; text: string; evidence: string | null } | null {
  const weak = weakMention(m);
  const name = `Commit ${code(m.sha)}`;
  switch (state.status) {
    case 'ok':
      if (m.pushClaim === 'unpushed' && hasRemote && !state.submodule) {
        return { verdict: 'changed', text: `${name}, written as not pushed`, evidence: 'pushed since: a remote-tracking branch contains it' };
      }
      return { verdict: 'holds', text: `${name} exists${hasRemote && !state.submodule ? ' and is pushed' : ''}`, evidence: state.submodule ? `in submodule ${code(state.submodule)}` : null };
    case 'unpushed':
      return m.pushClaim === 'pushed'
        ? { verdict: 'changed', text: `${name}, written as pushed`, evidence: 'not pushed: no remote-tracking branch contains it' }
        : { verdict: 'holds', text: `${name} exists, not pushed yet`, evidence: null };
    case 'unknown': {
      // Weak evidence, a migration's id a tracked file is named by, or a full-length id of something else's
      // (a pinned action or model, another repository's commit): no claim about a commit of this repository.
      if (weak || state.fileId || foreignSha(m, state)) return null;
      const v = state.vanished;
      // The object may still be here on no branch, or gone from the repository altogether (history rewritten).
      const gone = `${name} ${state.sha ? 'is on no branch' : 'is not in this repository'}`;
      if (v?.kind === 'amended') {
        return { verdict: 'gone', text: gone, evidence: v.written ? `history rewritten: ${code(short(v.by))} has the subject written beside it` : `amended: replaced by ${code(short(v.by))}` };
      }
      if (v?.kind === 'squashed') return { verdict: 'gone', text: gone, evidence: `squashed into ${code(short(v.into))}${v.pr !== null ? ` (#${v.pr})` : ''}` };
      if (v?.kind === 'pull-request') return { verdict: 'gone', text: gone, evidence: `only on pull request #${v.pr}` };
      return { verdict: 'gone', text: name, evidence: oneLine(state.reason) };
    }
    default:
      return null; // ambiguous or beyond a shallow boundary: not judged
  }
}

function claimText(r: RefMention): string {
  const kind = r.kind === 'tag' ? 'Tag' : 'Branch';
  if ('sha' in r.claim) return `${kind} ${code(r.name)} at ${code(r.claim.sha)}`;
  return `${kind} ${code(r.name)} ${r.claim.pushed ? 'pushed' : 'not pushed'}`;
}

function judgeRefs(refs: readonly RefMention[], facts: readonly RefFact[]): DigestEntry[] {
  const out: DigestEntry[] = [];
  const seen = new Set<string>();
  refs.forEach((r, i) => {
    const f = facts[i];
    const text = claimText(r);
    if (!f || f.kind === 'unchecked' || seen.has(text)) return;
    seen.add(text);
    const line = r.range.start.line + 1;
    const judged = judgeRef(f);
    out.push(entry(judged.verdict, text, judged.evidence, line));
  });
  return out;
}

function judgeRef(f: Exclude<RefFact, { kind: 'unchecked' }>): { verdict: Verdict; evidence: string | null } {
  switch (f.kind) {
    case 'holds': return { verdict: 'holds', evidence: null };
    case 'moved': return { verdict: 'changed', evidence: `moved on: ${code(f.ref)} is at ${code(short(f.now))} now${f.since !== null ? `, ${f.since} commit${f.since === 1 ? '' : 's'} later` : ''}` };
    case 'merged': return { verdict: 'changed', evidence: `merged into ${code(f.into)} and deleted` };
    case 'gone': return { verdict: 'gone', evidence: `the ref is gone, and commit ${code(short(f.claimed))} ${f.commit === 'missing' ? 'is not in this repository' : 'is on no branch'}` };
    case 'rewritten': return { verdict: 'changed', evidence: `rewritten: ${code(f.ref)} is at ${code(short(f.now))} and its history no longer holds the commit` };
    case 'pushed-since': return { verdict: 'changed', evidence: `pushed since: on ${code(f.where)}` };
    case 'not-pushed': return { verdict: 'changed', evidence: `not pushed: ${f.count !== null ? `${f.count} commit${f.count === 1 ? '' : 's'} up to ${code(short(f.tip))}` : code(short(f.tip))} on no remote-tracking branch` };
  }
}

/** Qualifiers under which a missing file is what the handoff says, not a stale claim. */
const NOT_CLAIMED_TO_EXIST = new Set(['removed', 'struck', 'elsewhere', 'planned', 'renamed']);

function crumbText(c: FileBreadcrumb): string {
  const lines = c.line === null ? '' : `:${c.line}${c.endLine !== null ? `-${c.endLine}` : ''}`;
  return `${code(c.path + lines + (c.symbol ? `::${c.symbol}` : ''))}`;
}

function driftText(d: LineDrift): string {
  const at = (p: { line: number; endLine: number | null }) => `${p.line}${p.endLine !== null && p.endLine !== p.line ? `-${p.endLine}` : ''}`;
  const what = d.status === 'moved' ? 'moved to' : d.status === 'changed' ? 'changed, now near' : 'deleted; there now';
  return `lines ${at(d.from)} ${what} line${d.to.endLine !== null && d.to.endLine !== d.to.line ? 's' : ''} ${at(d.to)}`;
}

function deletionText(f: Extract<FileFact, { kind: 'gone' }>): string {
  const d = f.deletion;
  return d ? `${code(short(d.sha))} "${oneLine(d.subject)}"` : 'a commit git could not name';
}

function judgeFiles(crumbs: readonly FileBreadcrumb[], facts: HandoffFacts): DigestEntry[] {
  const root = facts.repo?.root ?? null;
  const rel = (p: string) => (root !== null ? relativeTo(root, p) : null) ?? p;
  const out: DigestEntry[] = [];
  const seen = new Set<string>();
  crumbs.forEach((c, i) => {
    const f = facts.files[i];
    const text = crumbText(c);
    if (!f || c.external || seen.has(text)) return;
    const line = c.range.start.line + 1;
    const quiet = c.qualifier !== null && NOT_CLAIMED_TO_EXIST.has(c.qualifier);
    let judged: { verdict: Verdict; evidence: string | null } | null = null;
    if (f.kind === 'found') {
      if (f.outside || f.paths.length !== 1) return; // not read, or an ambiguous bare name: not judged
      if (f.drift) judged = { verdict: 'changed', evidence: driftText(f.drift) };
      else if (c.line !== null && f.lines !== null && !f.linesAtLeast && c.line > f.lines) {
        judged = { verdict: 'changed', evidence: `line ${c.line} is past the end: the file has ${f.lines} lines` };
      } else judged = { verdict: 'holds', evidence: null };
    } else if (f.kind === 'gone' && !quiet && !(f.when === 'after-anchor' && f.duringPlan)) {
      if (f.movedTo) {
        const along = f.movedWithHandoff ? ' with the handoff' : '';
        judged = { verdict: 'changed', evidence: `moved to ${code(rel(f.movedTo))}${along} by ${deletionText(f)}${f.drift ? `; ${driftText(f.drift)}` : ''}` };
      } else if (f.when === 'work-tree') {
        judged = { verdict: 'gone', evidence: 'deleted in the work tree (not committed)' };
      } else if (f.when === 'after-anchor') {
        judged = { verdict: 'gone', evidence: `deleted since the handoff by ${deletionText(f)}${f.ignoredNow ? '; git ignores it now (a local file?)' : ''}` };
      } else if (f.when === 'before-anchor') {
        judged = { verdict: 'gone', evidence: `already gone when the handoff was written (deleted by ${deletionText(f)})` };
      }
      // with-anchor: the handoff's own commit deleted it, so the handoff tells of it — not a stale claim (nor, above, is
      // a file a plan carried out lost or moved before its summary was written: the plan's own work)
    }
    if (!judged) return;
    seen.add(text);
    out.push(entry(judged.verdict, `File ${text}`, judged.evidence, line));
  });
  return out;
}
