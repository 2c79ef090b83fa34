/**
 * Cited SHAs the repository cannot take as written, rewritten from what the commit facts found (never guessed):
 *   - an abbreviation too short: several objects share it but only one is a commit → that commit, lengthened until
 *     unique (safe: there is nothing to choose);
 *   - an ambiguous one: several commits share it → one fix per commit, titled with its subject;
 *   - a commit that vanished into another: squash-merged (the squash commit or pull request the core found) or
 *     amended/rebased (the commit on a branch with its subject) → that commit.
 * Only mentions the commit rules report are offered (bare hex may be no commit at all).
 */
import type { CommitState, HandoffFacts } from '../facts/types';
import { validSha } from '../git/schemas';
import type { CommitMention, RefMention } from '../model';
import { atSamePlace } from '../ranges';
import type { FixText } from './text';
import type { Fix } from './types';

/** The shortest abbreviation written when lengthening: the length git uses for large repositories. */
export const LONG_ABBREVIATION = 12;

/**
 * The shortest prefix of `sha`, at least `min` long, that no other of `others` starts with. `others` must hold
 * every object sharing the written prefix (the ambiguity's candidates): any object sharing a longer prefix
 * shares the shorter one too, so unique among them is unique in the repository.
 */
export function uniqueAbbreviation(sha: string, others: readonly string[], min: number): string {
  const full = sha.toLowerCase();
  const rest = others.map((o) => o.toLowerCase()).filter((o) => o !== full);
  for (let n = Math.max(4, min); n < full.length; n++) {
    const p = full.slice(0, n);
    if (!rest.some((o) => o.startsWith(p))) return p;
  }
  return full;
}

/** A replacement written at the same length as the SHA it replaces (the document's style), at least 7. */
function sameLength(sha: string, written: string): string {
  return sha.slice(0, Math.max(7, written.length));
}

/** `goneRefs`: refs gone with their claimed commit (staleRef.ts): a fix at such a SHA answers the ref's stale-ref. */
export function commitFixes(text: FixText, mentions: readonly CommitMention[], facts: HandoffFacts, goneRefs: readonly RefMention[] = []): Fix[] {
  const out: Fix[] = [];
  for (const m of mentions) {
    const key = validSha(m.sha);
    const state = key ? facts.commits.get(key) : undefined;
    if (!state || m.evidence === 'bare') continue;
    // The text under the mention must still be the SHA: the model and the text are of the same version.
    if (text.slice(m.range)?.toLowerCase() !== key) continue;
    if (state.status === 'ambiguous') out.push(...ambiguityFixes(m, state));
    else if (state.status === 'unknown' && state.vanished) {
      const fix = vanishedFix(m, state);
      // The SHA claimed for a ref gone with it is reported by that ref's stale-ref (rules/staleRef.ts).
      const ref = goneRefs.find((r) => r.shaRange && atSamePlace(m.range, [r.shaRange]));
      if (fix) out.push(ref ? { ...fix, code: 'stale-ref', at: [ref.range, m.range] } : fix);
    }
  }
  return out;
}

function ambiguityFixes(m: CommitMention, s: Extract<CommitState, { status: 'ambiguous' }>): Fix[] {
  const commits = s.commits ?? [];
  const min = Math.max(LONG_ABBREVIATION, m.sha.length + 1);
  if (commits.length === 1) {
    const only = commits[0]!;
    const abbreviation = uniqueAbbreviation(only.sha, s.candidates, min);
    const others = s.candidates.length - 1;
    return [{
      kind: 'expand-sha',
      title: `Lengthen ${m.sha} to ${abbreviation}, the only commit it matches (${others} other object${others === 1 ? '' : 's'} share${others === 1 ? 's' : ''} it)`,
      code: 'ambiguous-commit',
      at: [m.range],
      edits: [{ range: m.range, newText: abbreviation }],
      safe: true,
      preferred: true,
    }];
  }
  if (commits.length < 2) return [];
  return commits.map((c) => {
    const abbreviation = uniqueAbbreviation(c.sha, s.candidates, min);
    return {
      kind: 'choose-sha' as const,
      title: `Use ${abbreviation}${c.subject ? ` · ${c.subject.length > 70 ? `${c.subject.slice(0, 69)}…` : c.subject}` : ''}`,
      code: 'ambiguous-commit' as const,
      at: [m.range],
      edits: [{ range: m.range, newText: abbreviation }],
      safe: false,
      preferred: false,
    };
  });
}

function vanishedFix(m: CommitMention, s: Extract<CommitState, { status: 'unknown' }>): Fix | null {
  const v = s.vanished!;
  const pr = (n: number | null) => (n === null ? '' : `, pull request #${n}`);
  let sha: string;
  let title: string;
  if (v.kind === 'squashed') {
    sha = v.into;
    title = `Replace with ${sha.slice(0, 7)}, the squash merge it went into${pr(v.pr)}${v.bySubject ? ' (found by its subject)' : ''}`;
  } else if (v.kind === 'amended') {
    sha = v.by;
    title = v.written
      ? `Replace with ${sha.slice(0, 7)}, the commit on a branch with the subject written beside it (history rewritten)`
      : `Replace with ${sha.slice(0, 7)}, the commit on a branch with its subject (amended or rebased)`;
  } else return null;
  return { kind: 'replace-sha', title, code: 'unknown-commit', at: [m.range], edits: [{ range: m.range, newText: sameLength(sha, m.sha) }], safe: false, preferred: !(v.kind === 'squashed' && v.bySubject) };
}
