/**
 * Ref claims in pasted `git log --decorate` output: `af65598 (HEAD -> main, origin/main, tag: v0.2.0) msg`
 * says main, origin/main and the tag v0.2.0 all point at af65598. Only decorations with a git marker
 * (`HEAD ->`, `tag:`, a remote prefix) are read, so `abc1234 (fix typo)` claims nothing.
 */
import type { FoundRef } from './types';
import type { HexToken } from './hex';
import { acceptableName, refKind } from './refPatterns';

/** Right after the SHA: ` (` decorations `)`. */
const DECORATION = /^[\x60*]*\s+\(([^()\n]{1,300})\)/;
const GIT_MARKER = /HEAD\s*->|\btag:\s|\b(?:origin|upstream)\//;

export function decorationRefs(text: string, t: HexToken, limit: number, out: FoundRef[]): void {
  const m = DECORATION.exec(text.slice(t.end, Math.min(limit, t.end + 320)));
  if (!m || !GIT_MARKER.test(m[1])) return;
  const sha = text.slice(t.start, t.end);
  let at = t.end + m[0].indexOf('(') + 1;
  for (const part of m[1].split(',')) {
    const lead = part.length - part.trimStart().length;
    let item = part.trim();
    let offset = at + lead;
    let tag = false;
    const arrow = /^HEAD\s*->\s*/.exec(item);
    const tagged = /^tag:\s*/.exec(item);
    if (arrow) { offset += arrow[0].length; item = item.slice(arrow[0].length); }
    else if (tagged) { offset += tagged[0].length; item = item.slice(tagged[0].length); tag = true; }
    at += part.length + 1;
    if (item === 'HEAD' || !acceptableName(item, false)) continue;
    out.push({
      name: item, kind: tag ? 'tag' : refKind(item, undefined), claim: { sha }, start: offset, end: offset + item.length,
      sha: { start: t.start, end: t.end },
    });
  }
}
