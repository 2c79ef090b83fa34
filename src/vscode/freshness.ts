/**
 * How far the repository moved since a handoff was written, in words: the title lens, the moved-branch lenses,
 * the tree's description and tooltips. Freshness is never a problem (Problems never shows it): a handoff describes
 * a moment, and the repository moving on is what it is for. Pure (no `vscode` import), unit-tested.
 */
import type { AnchorFact, HandoffFacts, RefFact } from '../core/facts/types';
import { relativeDate, shortSha } from './providers/format';

const commits = (n: number) => `${n} commit${n === 1 ? '' : 's'}`;

/** "1a2b3c4, 3 days ago": the anchor commit and its age. */
export function anchorWords(anchor: AnchorFact, now: number): string {
  const when = relativeDate(new Date(anchor.time * 1000).toISOString(), now);
  return when ? `${shortSha(anchor.sha)}, ${when}` : shortSha(anchor.sha);
}

/**
 * The title lens: "+12 commits since this handoff · 1a2b3c4, 3 days ago", "up to date · 1a2b3c4, 3 days ago",
 * "not committed yet"; null without facts (parse-only: there is nothing true to say).
 */
export function freshnessTitle(facts: HandoffFacts | null, now: number): string | null {
  if (!facts) return null;
  const { anchor, freshness } = facts;
  // A handoff never committed describes the work tree as it is now.
  if (!anchor) return facts.repo ? 'not committed yet' : null;
  const at = anchorWords(anchor, now);
  const since = freshness?.sinceAnchor;
  if (since === undefined) return `written at ${at}`;
  if (since === null) return `written at ${at}, not in the history of ${freshness?.branch ?? 'HEAD'}`;
  return since === 0 ? `up to date · ${at}` : `+${commits(since)} since this handoff · ${at}`;
}

/** The title lens's tooltip: the same facts in sentences, with what a click does. */
export function freshnessTooltip(facts: HandoffFacts, now: number): string {
  const { anchor, freshness } = facts;
  if (!anchor) return 'This handoff is not committed: it is checked against the repository as it is now.';
  const how = anchor.how === 'front-matter' ? 'named in its front matter' : anchor.how === 'blob' ? 'the commit that wrote this text' : 'the last commit that changed this file (the text was edited since)';
  const lines = [`Written at ${shortSha(anchor.sha)} "${anchor.subject}" (${how}), ${relativeDate(new Date(anchor.time * 1000).toISOString(), now) || 'date unknown'}.`];
  const branch = freshness?.branch ?? 'HEAD';
  if (freshness?.sinceAnchor != null) {
    lines.push(freshness.sinceAnchor === 0 ? `${branch} has no commit since.` : `${branch} has ${commits(freshness.sinceAnchor)} since${freshness.days ? ` (${freshness.days} day${freshness.days === 1 ? '' : 's'} of history)` : ''}.`);
  } else if (freshness) {
    lines.push(`That commit is not in the history of ${branch}.`);
  }
  lines.push('Click to open the commit.');
  return lines.join('\n');
}

/** The tree's short form: "+12 since", "up to date", "not committed"; null without git facts. */
export function freshnessShort(facts: HandoffFacts | null): string | null {
  if (!facts) return null;
  if (!facts.anchor) return facts.repo ? 'not committed' : null;
  const since = facts.freshness?.sinceAnchor;
  if (since === undefined || since === null) return null;
  return since === 0 ? 'up to date' : `+${since} since`;
}

/** A branch claim that moved on: "main +12 since this handoff"; null for any other ref fact. */
export function movedRefTitle(fact: RefFact): string | null {
  if (fact.kind !== 'moved') return null;
  if (fact.since === null) return `${fact.ref} moved on · now ${shortSha(fact.now)}`;
  return fact.since === 0 ? `${fact.ref} up to date` : `${fact.ref} +${fact.since} since this handoff`;
}

/** "superseded by SESSION-HANDOFF-2026-05-21-x.md" (a path is shown by its name; a reason as given). */
export function supersededTitle(supersededBy: string): string {
  return `superseded by ${displaySupersededBy(supersededBy)}`;
}

/** The core gives a path (a newer handoff in the folder) or a short reason ("a newer version of this file (1a2b3c4)"). */
export function displaySupersededBy(supersededBy: string): string {
  return looksLikePath(supersededBy) ? (supersededBy.split(/[\\/]/).pop() || supersededBy) : supersededBy;
}

/** The sibling the store found is an absolute path; the core's own reasons are sentences. */
export function looksLikePath(s: string): boolean {
  return /^(?:[A-Za-z]:)?[\\/]/.test(s);
}

/**
 * The full SHA of a commit the facts name — the anchor, the newer version of the file, a deletion or rename, where
 * a moved branch is now — when `written` is one of them or its prefix (at least 7 hex digits); else null. Lets the
 * freshness lens and the breadcrumb hovers open commits the handoff never cites.
 */
export function factSha(facts: HandoffFacts | null, written: string): string | null {
  if (!facts || !/^[0-9a-f]{7,64}$/i.test(written)) return null;
  const key = written.toLowerCase();
  const known = new Set<string>();
  if (facts.anchor) known.add(facts.anchor.sha);
  if (facts.anchor?.newer) known.add(facts.anchor.newer.sha);
  for (const f of facts.files) if (f.kind === 'gone' && f.deletion) known.add(f.deletion.sha);
  for (const r of facts.refs) if (r.kind === 'moved' || r.kind === 'rewritten') known.add(r.now);
  const hits = [...known].filter((sha) => sha.toLowerCase().startsWith(key));
  return hits.length === 1 ? hits[0]! : null;
}
