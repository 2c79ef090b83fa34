/**
 * A contradicted ref claim ("main at 1a2b3c4", but 1a2b3c4 is not in main's history: rewritten, force-pushed)
 * set to a commit the ref does hold: its tip at the handoff's moment (the newest commit on its first-parent line
 * committed by then, as facts/refs.ts found it), or its tip now. Two fixes, each saying which; never applied
 * unasked (which one the handoff meant is the reader's call).
 */
import type { HandoffFacts } from '../facts/types';
import type { RefMention } from '../model';
import type { FixText } from './text';
import type { Fix } from './types';

const short = (sha: string) => sha.slice(0, 7);

export function refFixes(text: FixText, mentions: readonly RefMention[], facts: HandoffFacts): Fix[] {
  const out: Fix[] = [];
  mentions.forEach((m, i) => {
    const f = facts.refs[i];
    if (f?.kind !== 'rewritten' || !('sha' in m.claim) || !m.shaRange) return;
    const written = m.claim.sha;
    if (text.slice(m.shaRange)?.toLowerCase() !== written.toLowerCase()) return;
    // Written at the claim's own length (at least 7), as the document writes SHAs.
    const abbreviate = (sha: string) => sha.slice(0, Math.max(7, written.length));
    const fix = (sha: string, title: string): Fix => ({
      kind: 'ref-tip', title, code: 'stale-ref', at: [m.range, m.shaRange!], edits: [{ range: m.shaRange!, newText: abbreviate(sha) }], safe: false, preferred: false,
    });
    const then = f.atAnchor ?? null;
    if (then && then === f.now) {
      out.push(fix(f.now, `Set to ${short(f.now)}, ${f.ref}'s tip now and at this handoff's commit`));
      return;
    }
    if (then) out.push(fix(then, `Set to ${short(then)}, ${f.ref}'s tip at this handoff's commit`));
    out.push(fix(f.now, `Set to ${short(f.now)}, ${f.ref}'s tip now`));
  });
  return out;
}
