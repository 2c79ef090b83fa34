/**
 * Cited commits: how each SHA resolved (facts batch), and for a commit on no branch, why it vanished where git can
 * tell — amended or rebased (a commit on a branch has its subject), squash-merged (a commit's message lists it,
 * or has its subject plus a "(#N)" pull-request suffix), or only under a pull-request ref. Answered from the whole
 * graph and one message search, never from a window of recent commits.
 */
import type { CommitGraph } from '../git/graph';
import type { GitProblem, GitProvider, MentioningCommit, RepoFacts, RepoInfo } from '../git/provider';
import { validSha } from '../git/schemas';
import type { CancellationToken } from '../interfaces';
import type { CommitMention } from '../model';
import type { CommitState, Vanished } from './types';

const short = (sha: string) => sha.slice(0, 7);
const PR_SUFFIX = /\s*\(#(\d+)\)\s*$/;

/** The state of one SHA from the batch facts, before any explanation. */
function baseState(key: string, facts: RepoFacts, repo: RepoInfo): CommitState {
  const l = facts.shas.get(key);
  if (!l || l.status === 'missing') {
    if (repo.shallow) return { status: 'shallow-unknown', sha: null };
    return { status: 'unknown', sha: null, reason: 'is not in this repository (a typo, or only in another clone?)' };
  }
  if (l.status === 'ambiguous') return { status: 'ambiguous', sha: null, candidates: l.candidates };
  if (l.reach === 'dangling') return { status: 'unknown', sha: l.sha, reason: 'is on no branch (rebased, or its branch was deleted?)' };
  if (l.reach === 'local' && facts.hasRemote) return { status: 'unpushed', sha: l.sha };
  return { status: 'ok', sha: l.sha, submodule: l.submodule };
}

export function commitStates(mentions: readonly CommitMention[], facts: RepoFacts, repo: RepoInfo): Map<string, CommitState> {
  const states = new Map<string, CommitState>();
  for (const m of mentions) {
    const key = validSha(m.sha);
    if (key && !states.has(key)) states.set(key, baseState(key, facts, repo));
  }
  return states;
}

/** Subjects of dangling commits, by full SHA (the reachability log printed them). */
function subjectsOf(facts: RepoFacts): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of facts.shas.values()) if (l.status === 'found' && l.reach === 'dangling' && l.subject) out.set(l.sha, l.subject);
  return out;
}

/** The subject the text writes beside each SHA (lower-cased key), the first one written (extract/commitSubject.ts). */
export function writtenSubjects(mentions: readonly CommitMention[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of mentions) {
    const key = validSha(m.sha);
    if (key && m.subject && !out.has(key)) out.set(key, m.subject);
  }
  return out;
}

/** SHAs (lower-cased) cited with more than bare-hex evidence: the ones an unknown-commit diagnostic may name. */
export function reportedShas(mentions: readonly CommitMention[]): Set<string> {
  const out = new Set<string>();
  for (const m of mentions) {
    const key = validSha(m.sha);
    if (key && m.evidence !== 'bare') out.add(key);
  }
  return out;
}

export interface ExplainContext {
  git: GitProvider;
  repo: RepoInfo;
  facts: RepoFacts;
  graph: CommitGraph | null;
  token: CancellationToken;
  /** Records a failed answer as a notice naming what it cost (the breaker's `note`). */
  note?(problem: GitProblem, what: string): void;
}

/**
 * Adds to each unknown commit what git can tell about where it went. One `mentioning` search for all of them
 * (their SHAs as written and their subjects), then the graph; a failed search only leaves the plain reason.
 */
export async function explainUnknown(
  states: Map<string, CommitState>, ctx: ExplainContext, reported: ReadonlySet<string>, written: ReadonlyMap<string, string> = new Map(),
): Promise<void> {
  // Only what will be reported as a commit is worth a search (bare hex that resolves to nothing is most likely no
  // commit; a file's id is reported as that).
  const unknown = [...states.entries()].filter((e): e is [string, Extract<CommitState, { status: 'unknown' }>] => e[1].status === 'unknown' && !e[1].fileId && reported.has(e[0]));
  if (!unknown.length) return;
  const subjects = subjectsOf(ctx.facts);
  const needles = unknown.flatMap(([key, s]) => [key, ...(s.sha ? [s.sha] : []), ...(s.sha && subjects.get(s.sha) ? [subjects.get(s.sha)!] : [])]);
  const found = await ctx.git.mentioning(ctx.repo, needles, ctx.token);
  if (!found.ok) ctx.note?.(found.problem, 'where unknown commits went');
  const messages: MentioningCommit[] = found.ok ? found.value : [];
  const branchTips = ctx.facts.refs.map((r) => ({ name: r.refname, sha: r.sha }));
  const onBranch = (sha: string) => !ctx.graph || ctx.graph.tipsContaining(sha, branchTips).length > 0;

  for (const [key, state] of unknown) {
    const subject = state.sha ? subjects.get(state.sha) ?? null : null;
    const vanished = explain(key, state.sha, subject, messages, ctx.graph, onBranch)
      ?? (subject === null ? byWrittenSubject(written.get(key), ctx.graph, onBranch) : null);
    if (!vanished) continue;
    state.vanished = vanished;
    state.reason = reasonOf(state.sha !== null, vanished);
  }
}

/** Candidates of ambiguous abbreviations looked up per analysis, at most (the rest keep `commits` unset). */
export const MAX_AMBIGUOUS_CANDIDATES = 64;

/**
 * Which candidates of each ambiguous abbreviation are commits, with their subjects: one `facts` batch for all of
 * them (a tree or blob resolves to no commit), subjects from its log or the graph. One commit among other objects
 * is an abbreviation merely too short (a quick fix lengthens it); several are a real choice.
 */
export async function describeAmbiguous(states: Map<string, CommitState>, ctx: ExplainContext): Promise<void> {
  const ambiguous: Array<Extract<CommitState, { status: 'ambiguous' }>> = [];
  let total = 0;
  for (const s of states.values()) {
    if (s.status !== 'ambiguous' || total + s.candidates.length > MAX_AMBIGUOUS_CANDIDATES) continue;
    ambiguous.push(s);
    total += s.candidates.length;
  }
  if (!ambiguous.length) return;
  const asked = [...new Set(ambiguous.flatMap((s) => s.candidates))];
  const r = await ctx.git.facts(ctx.repo, asked, ctx.token);
  if (!r.ok) return;
  for (const s of ambiguous) {
    s.commits = s.candidates.flatMap((sha) => {
      const l = r.value.shas.get(sha.toLowerCase());
      // `unchecked` reach is an annotated tag's own object (or a submodule's): not a commit of this repository.
      if (l?.status !== 'found' || l.reach === 'unchecked') return [];
      return [{ sha: l.sha, subject: l.subject ?? ctx.graph?.get(l.sha)?.subject ?? null }];
    });
  }
}

function explain(
  key: string, full: string | null, subject: string | null, messages: readonly MentioningCommit[], graph: CommitGraph | null,
  onBranch: (sha: string) => boolean,
): Vanished | null {
  // `git merge --squash` writes a "commit <sha>" line for each commit it squashed: such a line says where it went. A
  // message that only mentions the SHA (a handoff's own commit: "Promote the revamp (commit ede75f3)") says nothing.
  const namer = messages.find((c) => c.sha !== full && listsSquashed(c.body, key, full) && onBranch(c.sha));
  if (namer) return { kind: 'squashed', into: namer.sha, pr: prOf(namer.subject), bySubject: false };
  if (subject && graph) {
    const plain = subject.replace(PR_SUFFIX, '');
    // The same subject on a branch: amended or rebased; with "(#N)" added, squash-merged through pull request N.
    const same = graph.withSubject(subject).find((c) => c.sha !== full && onBranch(c.sha));
    if (same) return { kind: 'amended', by: same.sha };
    for (const m of messages) {
      if (m.sha === full || !onBranch(m.sha)) continue;
      if (m.subject.replace(PR_SUFFIX, '') === plain && PR_SUFFIX.test(m.subject)) return { kind: 'squashed', into: m.sha, pr: prOf(m.subject), bySubject: true };
      // GitHub's squash message lists the squashed commits' subjects as "* subject" lines.
      if (m.body.split('\n').some((l) => l.replace(/^\s*[*-]\s*/, '').trim() === subject)) return { kind: 'squashed', into: m.sha, pr: prOf(m.subject), bySubject: true };
    }
  }
  if (full && graph) {
    const prs = graph.tipsContaining(full, graph.pullRefs.map((p) => ({ name: String(p.number), sha: p.sha })));
    if (prs.length) return { kind: 'pull-request', pr: Number(prs[0]!.name) };
  }
  return null;
}

/**
 * A SHA git has no object for, whose subject the text writes beside it (`f7385cb docs: add the audit`): the one
 * commit on a branch with that subject is what it became (history rewritten, rebased, amended). Several such
 * commits ("Update README.md") say nothing.
 */
function byWrittenSubject(subject: string | undefined, graph: CommitGraph | null, onBranch: (sha: string) => boolean): Vanished | null {
  if (!subject || !graph) return null;
  for (const s of subject.endsWith('.') ? [subject, subject.slice(0, -1)] : [subject]) {
    const same = graph.withSubject(s).filter((c) => onBranch(c.sha));
    if (same.length === 1) return { kind: 'amended', by: same[0]!.sha, written: true };
    if (same.length > 1) return null;
  }
  return null;
}

/** Whether a message body has `git merge --squash`'s "commit <sha>" line for this commit (written in full there). */
function listsSquashed(body: string, key: string, full: string | null): boolean {
  const want = key.toLowerCase();
  for (const m of body.matchAll(/^commit ([0-9a-f]{40}(?:[0-9a-f]{24})?)\s*$/gim)) {
    const sha = m[1]!.toLowerCase();
    if (sha === full || sha.startsWith(want)) return true;
  }
  return false;
}

function prOf(subject: string): number | null {
  const m = PR_SUFFIX.exec(subject);
  return m ? Number(m[1]) : null;
}

function reasonOf(exists: boolean, v: Vanished): string {
  const where = exists ? 'is on no branch: ' : 'is not in this repository: ';
  const pr = (n: number | null) => (n === null ? '' : ` (pull request #${n})`);
  switch (v.kind) {
    case 'squashed':
      return v.bySubject
        ? `${where}squash-merged into ${short(v.into)}${pr(v.pr)}? its message has the same subject`
        : `${where}squash-merged into ${short(v.into)}${pr(v.pr)}`;
    case 'amended':
      return v.written
        ? `${where}history rewritten (rebased, amended)? ${short(v.by)} has the subject written beside it`
        : `${where}amended or rebased? ${short(v.by)} has the same subject`;
    case 'pull-request':
      return `${where}only on pull request #${v.pr} (not merged?)`;
  }
}
