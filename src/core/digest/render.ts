/**
 * The digest as Markdown or JSON, within a byte bound: entries are kept in their order (what matters first) up to
 * the most that fit, and a closing line says how many were left out of which sections. Same digest, same bound →
 * same bytes.
 */
import { escapeControlsInLines } from '../controls';
import { DIGEST_SECTIONS, SECTION_TITLES, type Digest, type DigestEntry, type DigestSection } from './types';

export type DigestFormat = 'markdown' | 'json';

export const DEFAULT_MAX_BYTES = 8 * 1024;
/** Below this not even the header fits with a useful line; the edges refuse smaller bounds. */
export const MIN_MAX_BYTES = 1024;
export const MAX_MAX_BYTES = 1024 * 1024;

/** UTF-8 length without Buffer (the core runs in the web extension host too). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

interface LeftOut {
  count: number;
  sections: Partial<Record<DigestSection, number>>;
}

function leftOutOf(entries: readonly DigestEntry[], kept: number): LeftOut | null {
  if (kept >= entries.length) return null;
  const sections: Partial<Record<DigestSection, number>> = {};
  for (const e of entries.slice(kept)) sections[e.section] = (sections[e.section] ?? 0) + 1;
  return { count: entries.length - kept, sections };
}

function markdownEntry(e: DigestEntry): string {
  const nested = e.text.startsWith('  ');
  const verdict = e.verdict ? `**${e.verdict}** ` : '';
  const where = e.section === 'steps'
    ? ` (line ${e.line}${e.evidence ? `, ${e.evidence}` : ''})`
    : `${e.line !== null ? ` (line ${e.line})` : ''}${e.evidence ? `: ${e.evidence}` : ''}`;
  return `${nested ? '  - ' : '- '}${verdict}${e.text.trimStart()}${where}`;
}

function markdown(d: Digest, kept: number, maxBytes: number): string {
  const h = d.handoff;
  const lines = [`# Handoff digest: ${h.path}`, ''];
  const about = [h.title ? `"${h.title}"` : null, h.date].filter(Boolean).join(', ');
  if (about) lines.push(`${about}.`);
  if (h.anchor) lines.push(`Judged from the commit it was written at: \`${h.anchor.sha.slice(0, 7)}\` "${h.anchor.subject}" (${h.anchor.how}).`);
  if (d.note) lines.push(`Not checked against git: ${d.note}. Only what the text says is shown.`);
  else lines.push(`Claims and breadcrumbs: ${h.counts.holds} hold, ${h.counts.changed} changed, ${h.counts.gone} gone.`);
  if (h.supersededBy) lines.push(`Superseded by ${h.supersededBy}.`);
  let section: DigestSection | null = null;
  for (const e of d.entries.slice(0, kept)) {
    if (e.section !== section) {
      section = e.section;
      lines.push('', `## ${SECTION_TITLES[section]}`, '');
    }
    lines.push(markdownEntry(e));
  }
  const left = leftOutOf(d.entries, kept);
  if (left) {
    const parts = DIGEST_SECTIONS.filter((s) => left.sections[s]).map((s) => `${left.sections[s]} of ${SECTION_TITLES[s]}`);
    lines.push('', `_Left out to stay within ${maxBytes} bytes: ${left.count} more (${parts.join('; ')}). Ask again with a larger bound for all._`);
  }
  // Measured and bounded as printed: a document's control characters as escapes, never raw to a terminal.
  return escapeControlsInLines(lines.join('\n') + '\n');
}

function json(d: Digest, kept: number, maxBytes: number): string {
  return JSON.stringify({ version: 1, ...d, entries: d.entries.slice(0, kept), leftOut: leftOutOf(d.entries, kept), maxBytes }) + '\n';
}

/** The digest in `format`, at most `maxBytes` UTF-8 bytes. */
export function renderDigest(d: Digest, format: DigestFormat, maxBytes = DEFAULT_MAX_BYTES): string {
  const bound = Math.max(MIN_MAX_BYTES, Math.min(MAX_MAX_BYTES, Math.floor(maxBytes)));
  const render = (k: number) => (format === 'json' ? json(d, k, bound) : markdown(d, k, bound));
  const fits = (k: number) => utf8Length(render(k)) <= bound;
  if (fits(d.entries.length)) return render(d.entries.length);
  // The size grows with the entries kept (the closing line's counts barely move it): a binary search, then a
  // step down for the rare count whose closing line is a digit longer.
  let lo = 0;
  let hi = d.entries.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid; else hi = mid - 1;
  }
  while (lo > 0 && !fits(lo)) lo--;
  const out = render(lo);
  return utf8Length(out) <= bound ? out : cutTo(out, bound);
}

/** The header alone is too long (a huge title): cut at a character boundary, marked. */
function cutTo(s: string, bound: number): string {
  let end = s.length;
  while (end > 0 && utf8Length(s.slice(0, end)) > bound - 4) end = Math.floor(end * 0.9);
  if (end > 0 && /[\ud800-\udbff]/.test(s[end - 1]!)) end--;
  return s.slice(0, end) + '…\n';
}
