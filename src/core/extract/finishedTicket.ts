/**
 * A ticket (or task, or phase) whose own status line says it is finished is history: its leftover
 * unchecked boxes are acceptance boxes nobody ticked, not work. The status line is the section's own when it
 * sits in the section's header — among the first blocks after its heading, before any sub-heading:
 * `Status: DONE`, `**Status:** ✅ Complete`, `status: done`, `- **Status**: Closed`, `| Status | Done |`.
 *
 * Not a finished status: `Status: Done with phase 2; phase 3 next`, `Status: complete except the docs`, and
 * any status further down the section (a sub-task's, or a quoted report's).
 */
import type { Block, ParsedText } from '../parse/blocks';
import { linesIn } from '../parse/tables';

/** How many blocks after a heading make its header (ID, owner, priority, status lines). */
const HEADER_BLOCKS = 6;
const HEADER_LINES = 10;
const DONE = String.raw`(?:done|complete|completed|finished|closed|resolved|shipped|merged|landed)`;
const MARK = String.raw`(?:[\p{Extended_Pictographic}\p{So}]|\uFE0F|\s)*`;
/**
 * `Status: DONE`, `Ticket status = closed`, or a status field of a metadata line that starts with another
 * field (`Priority: 2 | Status: Done`), after markup is removed. Not a status after prose
 * (`Edify rename — Status: done` is one item's, not the section's).
 */
const STATUS_DONE = new RegExp(
  String.raw`^(?:[\w-]+(?:\s+[\w-]+){0,2}\s*:[^|·•]*[|·•]\s*)*(?:(?:ticket|task|issue|story|phase|overall)\s+)?status\s*[:=]\s*${MARK}${DONE}\b(.*)$`,
  'iu',
);
const MARKUP = /[*_`]/;
/** What every STATUS_DONE match holds, matched as it matches (its flags). */
const STATUS_WORD = /status/iu;
/** What turns a finished status into an unfinished one. */
const UNLESS = /\b(?:with|except|but|pending|partial(?:ly)?|remaining|left|todo|to-do|next|blocked|awaiting|until|for\s+now|mostly|almost|nearly|soon|when)\b|\?/i;

/**
 * A ticket file whose front matter says it is finished (`id: task-12` and `status: Done`, as task trackers
 * that keep one Markdown file per ticket write them). The `id` is what makes it a ticket: a handoff whose
 * front matter says `status: complete` means the session is over, and its next steps are still to do.
 */
export function ticketFileSaysFinished(parsed: ParsedText): boolean {
  const fm = parsed.blocks[0];
  if (!fm || fm.kind !== 'frontMatter') return false;
  const yaml = parsed.text.slice(fm.contentStart, Math.min(fm.contentEnd, fm.contentStart + 8_000));
  if (!/^id\s*:\s*\S/m.test(yaml)) return false;
  const status = /^status\s*:\s*['"]?([^'"\r\n]*)/m.exec(yaml);
  return !!status && saysDone(`Status: ${status[1]}`);
}

/** Whether the section whose heading is `parsed.blocks[headingIndex]` states in its header that it is finished. */
export function sectionSaysFinished(parsed: ParsedText, headingIndex: number): boolean {
  const { text, blocks } = parsed;
  let lines = HEADER_LINES;
  for (let i = headingIndex + 1; i < blocks.length && i <= headingIndex + HEADER_BLOCKS && lines > 0; i++) {
    const b = blocks[i];
    if (b.kind === 'heading') return false;
    if (b.kind === 'tableRow') {
      if (statusCell(text, b)) return true;
      lines--;
      continue;
    }
    // Only the section's own header: a checklist item's or a nested item's status is a sub-task's.
    if ((b.kind !== 'paragraph' && b.kind !== 'listItem') || (b.kind === 'listItem' && (b.depth > 0 || b.checkbox))) { lines--; continue; }
    for (const line of linesIn(text, b.contentStart, Math.min(b.contentEnd, b.contentStart + 4_000))) {
      if (lines-- <= 0) return false;
      if (saysDone(text.slice(line.start, Math.min(line.end, line.start + 300)))) return true;
    }
  }
  return false;
}

export function saysDone(line: string): boolean {
  // Most lines of a header hold no "status" (markup aside): refused before the pattern reads them.
  const plain = MARKUP.test(line) ? line.replace(/[*_`]+/g, '') : line;
  if (!STATUS_WORD.test(plain)) return false;
  const m = STATUS_DONE.exec(plain.replace(/^[\s>]+/, ''));
  if (!m) return false;
  // The status field ends at the next field separator; words past it belong to another field.
  const rest = m[1].split(/[|·•]/)[0];
  return !UNLESS.test(rest);
}

/** A key/value header row `| Status | ✅ Done |`. */
function statusCell(text: string, b: Block): boolean {
  const cells = b.cells ?? [];
  if (cells.length < 2) return false;
  const key = text.slice(cells[0].start, cells[0].end).replace(/[*_`]+/g, '').trim();
  if (!/^status$/i.test(key)) return false;
  return saysDone(`Status: ${text.slice(cells[1].start, Math.min(cells[1].end, cells[1].start + 300))}`);
}
