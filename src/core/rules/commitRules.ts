/**
 * unknown-commit, ambiguous-commit and unpushed-commit: every commit mention judged against the commit facts.
 * Quiet where the evidence is weak: a bare hex token that resolves to nothing is most likely not a commit at all,
 * so it is never reported as unknown or ambiguous; nor is an example SHA (`git revert abc1234`) that resolves to
 * nothing (extract/hex.ts, isPlaceholderSha). In a shallow clone "not found" may only mean "beyond the
 * boundary", so it is not reported as unknown either (a notice says so instead).
 * A commit on no branch cited in a history part (an older log entry) is a hint: its branch was squashed or rebased
 * since, as branches are. What the document claims of a commit's push state is judged too: claimed pushed but on
 * no remote is a problem; claimed local-only but on a remote now is news ("pushed since"). A SHA in no history that
 * is the id a tracked file is named by (a migration's revision: facts/fileIds.ts) is a hint saying so.
 */
import type { CommitState, HandoffFacts } from '../facts/types';
import { isPlaceholderSha } from '../extract/hex';
import { validSha } from '../git/schemas';
import type { CommitMention, Diagnostic, Range } from '../model';
import type { CoreSettings } from '../settings';
import { RangeLookup } from '../ranges';
import { list, makeDiagnostic } from './severity';

/** SHAs written at least this long that git has no object for are another thing's revisions (see commitRules). */
const FOREIGN_LENGTH = 12;

/**
 * A SHA written out to FOREIGN_LENGTH characters or more that git has no object for, and no written subject names
 * where it went: most likely another thing's revision (see commitRules). The digest agrees.
 */
export function foreignSha(m: Pick<CommitMention, 'sha'>, state: CommitState): boolean {
  return state.status === 'unknown' && state.sha === null && !state.vanished && m.sha.length >= FOREIGN_LENGTH;
}

/** A mention too weak to call its commit unknown or ambiguous: bare hex, or an example SHA. The digest agrees. */
export function weakMention(m: Pick<CommitMention, 'evidence' | 'sha'>): boolean {
  return m.evidence === 'bare' || isPlaceholderSha(m.sha);
}

/** `saidGone`: where stale-ref already reports a claimed SHA missing (staleRef.ts, refsGoneWithCommit): no unknown-commit there. */
export function commitRules(mentions: readonly CommitMention[], facts: HandoffFacts, history: readonly Range[], settings: CoreSettings, saidGone: readonly Range[] = []): Diagnostic[] {
  const out: Diagnostic[] = [];
  // A commit written twice on one line (`- `2f20605` (task 1): `git log --all | grep 2f20605` ✓`) is one finding.
  const reported = new Set<string>();
  const historic = new RangeLookup(history);
  const gone = new RangeLookup(saidGone);
  for (const m of mentions) {
    const key = validSha(m.sha);
    const state = key ? facts.commits.get(key) : undefined;
    if (!state) continue;
    const where = `${key}\0${m.range.start.line}`;
    if (reported.has(where)) continue;
    const push = (d: Diagnostic | null) => {
      if (!d) return;
      out.push(d);
      reported.add(where);
    };
    const weak = weakMention(m);
    if (state.status === 'unknown' && !weak) {
      if (gone.atSamePlace(m.range)) continue;
      if (state.fileId) {
        // A migration's revision id (`migrations/versions/d41f83a2c906_add_jobs.py`), cited as the database's head.
        push(makeDiagnostic(settings, 'unknown-commit', m.range, `${m.sha} is no commit here: it is the id ${state.fileId} is named by (a migration's revision?)`, undefined, 'aside'));
        continue;
      }
      if (foreignSha(m, state)) {
        // Written out to 12 characters or more and in no object of this repository: a revision pinned for something
        // else — an action's or a model's, a Docker image's, another repository's commit — as every such SHA judged
        // on real repositories was (26 of 26; a session cites its own commits short). A hover, not a problem.
        push(makeDiagnostic(settings, 'unknown-commit', m.range,
          `Commit ${m.sha} is not in this repository: written in full, most likely another repository's commit or a pinned revision (an action, a model, an image)`, undefined, 'aside'));
        continue;
      }
      // A record of the past citing a commit its branch has since lost (squash-merged, rebased, amended) is what a
      // log keeps of a branch's life: worth a hover, not a problem. Judged on real repositories: every such commit in
      // a history part was noise, every one in the current part a real find (the branch a resume step names is gone).
      const aside = state.sha !== null && historic.holdsStartOf(m.range);
      push(makeDiagnostic(settings, 'unknown-commit', m.range, `Commit ${m.sha} ${state.reason}`, undefined, aside ? 'aside' : 'problem'));
    } else if (state.status === 'ambiguous' && !weak) {
      push(makeDiagnostic(settings, 'ambiguous-commit', m.range,
        `Commit ${m.sha} is ambiguous: it matches ${state.candidates.length} objects (${list(state.candidates.map((c) => c.slice(0, 12)))})`));
    } else if (state.status === 'unpushed') {
      const claimed = m.pushClaim === 'pushed' && !historic.holdsStartOf(m.range);
      push(makeDiagnostic(settings, 'unpushed-commit', m.range, claimed
        ? `Commit ${m.sha} is not pushed, though the handoff says it is: no remote-tracking branch contains it`
        : `Commit ${m.sha} is not pushed: no remote-tracking branch contains it`));
    } else if (state.status === 'ok' && m.pushClaim === 'unpushed' && facts.hasRemote && !state.submodule && !historic.holdsStartOf(m.range)) {
      push(makeDiagnostic(settings, 'stale-ref', m.range, `Commit ${m.sha} has been pushed since this handoff said it was not`, undefined, 'news'));
    }
  }
  return out;
}
