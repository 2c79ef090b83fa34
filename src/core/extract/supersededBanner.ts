/**
 * A document that says near its top that it is superseded, archived, obsolete or deprecated is history as a
 * whole: `> **SUPERSEDED** by HANDOFF-2026-06-01.md`, `ARCHIVED — see …`, `This handoff is historical.`,
 * `**Status:** Superseded`, `# [ARCHIVED] Session notes`, or `status: superseded` in its front matter; so is a
 * document filed in an archive folder.
 *
 * Only the first lines are read: a banner is put where the next reader looks first, and the same words
 * further down describe something else ("the old tokeniser is deprecated"). List items and table rows are
 * not banners ("- **Superseded:** the v1 flow"; "| m3 | a7aa719 | superseded by … |"), and a document that
 * *supersedes* another is the current one.
 */
import type { ParsedText } from '../parse/blocks';
import { linesIn } from '../parse/tables';

/** The banner must sit among the first non-blank lines after the front matter. */
const BANNER_LINES = 15;
const HEAD_CHARS = 8_000;
const STATE = String.raw`(?:superseded|archived|obsolete|deprecated|historical|retired)`;
/** After the state word: nothing, punctuation, or a pointer (`by …`, `— see …`), not more words ("Archived old plans"). */
const STATE_END = String.raw`(?=$|\s*[:.!,;)\]—–-]|\s+(?:by|in\s+favou?r|as\s+of|on|since|see)\b)`;
/** `SUPERSEDED by …`, `Archived — see …`, `Obsolete.`: the state word first. */
const STATE_FIRST = new RegExp(String.raw`^${STATE}${STATE_END}`, 'i');
/** `Status: Superseded`, `Document status: archived`. */
const STATUS_LINE = new RegExp(String.raw`^(?:(?:document|doc|handoff|plan)\s+)?(?:status|state)\s*[:=]\s*${STATE}${STATE_END}`, 'i');
/**
 * `This handoff is historical`, `This document has been superseded`, `This plan is no longer current`. Only
 * "this": "the plan is obsolete" near the top of a handoff is as likely to be about another plan.
 */
const SENTENCE = new RegExp(
  String.raw`\bthis\s+(?:document|doc|handoff|hand-off|file|plan|note|notes|page|report|summary|context|snapshot)\s+` +
  String.raw`(?:is|has\s+been|was|are|have\s+been)\s+(?:now\s+)?(?:${STATE}|out\s+of\s+date|outdated|no\s+longer\s+(?:current|maintained|accurate|valid|up[\s-]to[\s-]date))\b`,
  'i',
);
/** `Purpose: Archive of all sessions`, `An archive of …`, `Historical record of …`. */
const ARCHIVE_OF = /^(?:(?:an?|the)\s+)?(?:archive|historical\s+records?)\s+of\b/i;
/** A label before the banner: `Note:`, `⚠️ Warning:`, `Purpose:`. */
const LABEL = /^(?:note|notice|warning|important|update|purpose|heads[\s-]up|attention)\s*:\s*/i;
/** In a heading: `[ARCHIVED]`, `(superseded)`. */
const BRACKETED = new RegExp(String.raw`[[(]\s*${STATE}\b`, 'i');
/** …or the state word shouted in a title that is not all capitals (`# SUPERSEDED — Session notes`). */
const SHOUTED = /\b(?:SUPERSEDED|ARCHIVED|OBSOLETE|DEPRECATED)\b/;
const FRONT_MATTER_STATE = new RegExp(String.raw`^(?:status|state)\s*:\s*['"]?${STATE}\b`, 'im');
const FRONT_MATTER_FLAG = /^(?:superseded[_-]by\s*:\s*\S|archived\s*:\s*(?:true|yes)\b|deprecated\s*:\s*(?:true|yes)\b)/im;

/**
 * A record filed in an archive: a folder named `archive`/`archived`/`superseded`/`obsolete`/`deprecated`
 * (`docs/handoffs/archive/SESSION-2026-01-05.md`) or as earlier records (`old_handoffs/`, `handoffs/old/`), or a
 * file named as one (`SESSION_ARCHIVE_Q1_2026.md`).
 * Moving a handoff there is how its author says it is no longer current. So is a backup copy beside the live one
 * (`HANDOFF_BACKUP_2026-01-30_16-20.md`, `backups/HANDOFF.md`), and a copy named as tools name them
 * (`HANDOFF.1.md`, `HANDOFF (1).md`, `HANDOFF copy.md`, `HANDOFF - Copy.md`): the handoff is the file it was copied
 * from. A series (`handoff-2.md`, `SESSION_HANDOFF_3.md`) is not a copy.
 */
export function isArchivedPath(path: string): boolean {
  const parts = path.split(/[\\/]+/);
  const name = parts.pop() ?? '';
  if (parts.some((p) => ARCHIVE_FOLDER.test(p) || OLD_RECORDS_FOLDER.test(p))) return true;
  const stem = name.replace(/\.[^.]*$/, '');
  return COPY_SUFFIX.test(stem) || stem.split(/[\s._-]+/).some((t) => /^(?:archive|archived|backup|bak)$/i.test(t));
}

/** An archive folder, also tagged with the version or date it keeps (`archive-v4/`, `archive_2026-05/`, `v3-archive/`). */
const ARCHIVE_FOLDER = /^[._]?(?:v?\d[\d.]*[-_])?(?:archives?|archived|superseded|obsolete|deprecated|backups?)(?:[-_]v?\d+(?:[._-]\d+)*)?$/i;
/**
 * A folder of earlier records by its name: `old_handoffs/`, `previous-sessions/`, `handoffs/old/`, `handoffs_old/`
 * (not `old-api/`, `legacy/`: code, whose own notes may be current).
 */
const OLD_RECORDS_FOLDER = /^[._]?(?:old|(?:old|previous|past|prior|former)[-_ ]?(?:handoffs?|handovers?|sessions?|session[-_ ]?notes|notes|logs?)|(?:handoffs?|handovers?|sessions?)[-_ ]?(?:old|previous|past))$/i;

/**
 * How copying names a file: `.1`, ` (1)`, ` copy`, ` copy 2`, ` - Copy`, ` - Copy (2)`. A number after a digit is a
 * date's or a version's (`2026.05.19`, `v2.1`), not a copy's.
 */
const COPY_SUFFIX = /(?:[^\d\s.]\.\d{1,2}|\S\s\(\d{1,2}\)|\S\s(?:-\s)?copy(?:\s\(?\d{1,2}\)?)?)$/i;

export function isSupersededDocument(parsed: ParsedText): boolean {
  const { text, blocks } = parsed;
  let budget = BANNER_LINES;
  for (const b of blocks) {
    if (b.kind === 'frontMatter') {
      const yaml = text.slice(b.contentStart, b.contentEnd);
      if (FRONT_MATTER_STATE.test(yaml) || FRONT_MATTER_FLAG.test(yaml)) return true;
      continue;
    }
    // A banner is a short line: reading a bounded head of each block keeps a megabyte paragraph cheap.
    const head = Math.min(b.contentEnd, b.contentStart + HEAD_CHARS);
    const lines = linesIn(text, b.contentStart, head).map((l) => text.slice(l.start, Math.min(l.end, l.start + 500))).filter((l) => !isBlank(l));
    if (lines.length === 0) continue;
    if (b.kind === 'heading' ? headingSays(lines[0], b.depth) : b.kind === 'paragraph' && lines.slice(0, budget).some(bannerSays)) return true;
    budget -= b.kind === 'heading' || b.kind === 'paragraph' ? lines.length : 1;
    if (budget <= 0) return false;
  }
  return false;
}

/**
 * A section heading near the top named "Deprecated" or "Obsolete" is about deprecated things, so only the
 * title may state it in words; any heading may carry the bracketed or shouted mark.
 */
function headingSays(line: string, depth: number): boolean {
  const t = line.replace(/[*_~`]+/g, '');
  if (BRACKETED.test(t) || (SHOUTED.test(t) && /\p{Ll}/u.test(t))) return true;
  return depth === 1 && bannerSays(line);
}

function bannerSays(line: string): boolean {
  const t = plain(line).replace(LABEL, '');
  return STATE_FIRST.test(t) || STATUS_LINE.test(t) || SENTENCE.test(t) || ARCHIVE_OF.test(t);
}

/** The line's words: quote markers, emphasis, emoji and warning signs removed. */
function plain(line: string): string {
  return line
    .replace(/[*_~`]+/g, '')
    .replace(/^(?:[\s>#[(]|[\p{Extended_Pictographic}\p{So}]|\uFE0F)+/u, '')
    .trim();
}

function isBlank(line: string): boolean {
  return /^[\s>]*$/.test(line) || /^[\s>]*(?:[-*_][ \t]*){3,}$/.test(line);
}
