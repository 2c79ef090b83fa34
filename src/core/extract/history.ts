/**
 * Which parts of a handoff record the past rather than the current state. A handoff is often a log that
 * grows: each session appends (or prepends) an entry, finished tickets keep their leftover boxes, whole
 * documents get bannered "SUPERSEDED". What they say was true then; a resuming reader acts on the rest.
 *
 * History is:
 * - the whole document, when a banner near its top says it is superseded/archived/obsolete, or it is filed in
 *   an archive folder (`supersededBanner`);
 * - the older entries of a log: dated (or session-numbered) sibling headings other than the newest (`logEntries`);
 *   all of a log written oldest first that was read, when the document is cut short (its newest entries unread);
 * - sections titled as history: "Archive", "Completed", "Previous sessions", "Changelog"… (`historyTitles`);
 * - sections whose own header says they are finished: `Status: DONE`, ticket files whose front matter
 *   says so (`finishedTicket`), and plan-mode plans whose header does.
 *
 * Pure and linear: one pass over the blocks for the outline, one over its nodes; never throws (the model
 * builder guards it anyway).
 */
import type { Position, Range } from '../model';
import type { ParsedText } from '../parse/blocks';
import { before } from '../ranges';
import type { ExtractContext, Located } from './types';
import { buildOutline, trimSectionEnd, type OutlineNode } from './historyOutline';
import { olderEntries, oldestFirstLog, readEntryTitle, readLeadTitle, repeatedLeadEntries, type EntryTitle } from './logEntries';
import { closesItself, isHistoryTitle } from './historyTitles';
import { isNextTitle, isPlanFile } from './nextHeadings';
import { isArchivedPath, isSupersededDocument } from './supersededBanner';
import { sectionSaysFinished, ticketFileSaysFinished } from './finishedTicket';
import { titleWords } from './titleText';

/** The document's history as offset ranges: sorted, not overlapping. */
export function extractHistory(parsed: ParsedText, context: ExtractContext = { path: '' }): Located[] {
  const { text } = parsed;
  if (isArchivedPath(context.path) || isSupersededDocument(parsed) || ticketFileSaysFinished(parsed) || planSaysFinished(parsed, context.path)) {
    const end = trimSectionEnd(text, 0, text.length);
    return end > 0 ? [{ start: 0, end }] : [];
  }
  // The outline asks of every bold line whether it is a log entry's title; its nodes are asked again below (each
  // title is read once: memo.ts).
  const nodes = buildOutline(parsed, (title) => readEntryTitle(title) !== null);
  const entries: Array<Readonly<EntryTitle> | null> = nodes.map((n) => readEntryTitle(n.title));
  // Dated siblings sharing the words before their dates are entries of a log too (`Remote Resume — <date>`).
  for (const [i, entry] of repeatedLeadEntries(nodes, entries, nodes.map((n, i) => (entries[i] || n.bold ? null : readLeadTitle(n.title))))) entries[i] = entry;
  const found: Located[] = [];
  const add = (n: OutlineNode) => found.push({ start: n.start, end: n.end });
  const titles = nodes.filter((n) => n.depth === 1 && !n.bold).length;
  // The document's own title is all of it: "Previous session notes" is the handoff the previous session left,
  // current for its reader, not a history section. A finished session still leaves next steps, and a "Current
  // status" section states the state of everything: none is a ticket whose status closes it.
  const isTitle = (n: OutlineNode) => n.depth === 1 && !n.bold && titles === 1;
  for (const i of olderEntries(nodes, entries)) if (!isTitle(nodes[i])) add(nodes[i]);
  // A log cut short (too large to read whole) and written oldest first: its newest entries are in the part left out,
  // so what was read from its first entry on — the entries and any section between them — is older than they are.
  const first = parsed.fullLength !== undefined ? oldestFirstLog(nodes, entries) : null;
  if (first !== null) found.push({ start: nodes[first].start, end: trimSectionEnd(text, nodes[first].start, text.length) });
  nodes.forEach((n, i) => {
    if (n.bold || isTitle(n)) return;
    if (isHistoryTitle(n.title)) {
      add(n);
      if (isDivider(parsed, nodes, entries, i)) found.push({ start: n.start, end: n.parent >= 0 ? nodes[n.parent].end : trimSectionEnd(text, n.start, text.length) });
      return;
    }
    if (closesItself(n.title) && !keepsToDoList(nodes, i)) add(n);
    else if (!entries[i] && canBeTicket(n.title) && sectionSaysFinished(parsed, n.block)) add(n);
  });
  return merge(found);
}

/** Whether a heading under node `i` is a to-do title ("Still open", "Next steps"): its section is not all done. */
function keepsToDoList(nodes: readonly OutlineNode[], i: number): boolean {
  const n = nodes[i];
  for (let j = i + 1; j < nodes.length && nodes[j].start < n.end; j++) if (isNextTitle(nodes[j].title)) return true;
  return false;
}

/** A title that files what comes after it under the past: "ARCHIVE (previous handoffs below)", "Older entries". */
const DIVIDER_WORDS = /\b(?:archived?|archives|previous|prior|earlier|older|past)\b/;
const SAYS_BELOW = /\b(?:below|follow|follows|following)\b/;

/**
 * A history heading with no content of its own, over the log entries that follow it at its own level: a divider
 * (`# ── ARCHIVE (previous handoffs below) ──` then `# Handoff — 2026-06-19`, `# Handoff — 2026-06-02`…). Its
 * history runs to the end of the section it sits in (the document, for a top-level one). Only when its title
 * says so ("below") or the next heading of its level is a dated entry: an empty "Previous sessions" placeholder over
 * "Next steps" is no divider.
 */
function isDivider(parsed: ParsedText, nodes: readonly OutlineNode[], entries: ReadonlyArray<EntryTitle | null>, i: number): boolean {
  const n = nodes[i];
  const words = titleWords(n.title);
  if (!DIVIDER_WORDS.test(words)) return false;
  const heading = parsed.blocks[n.block];
  if (!heading || parsed.text.slice(heading.end, n.end).trim() !== '') return false;
  const next = nodes[i + 1];
  return SAYS_BELOW.test(n.title.toLowerCase()) || (next !== undefined && next.depth === n.depth && entries[i + 1] !== null);
}

const NOT_A_TICKET = /^(?:current|latest|overall|project|session)\b|\b(?:status|state|summary|overview|progress|context|handoff|tl;?dr)\b/;

/**
 * A plan-mode plan whose header says it is finished (`**Status**: COMPLETE` under its title): carried out, its boxes
 * never ticked. Only a plan: a handoff that says its session is complete still leaves next steps.
 */
function planSaysFinished(parsed: ParsedText, path: string): boolean {
  if (!isPlanFile(path)) return false;
  const first = parsed.blocks.findIndex((b) => b.kind !== 'frontMatter');
  const head = parsed.blocks[first];
  // The header under the title, or the lines the plan opens with before any heading.
  return !!head && sectionSaysFinished(parsed, head.kind === 'heading' ? first : first - 1);
}

function canBeTicket(title: string): boolean {
  return !NOT_A_TICKET.test(titleWords(title));
}

function merge(ranges: Located[]): Located[] {
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Located[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

/** Whether `at` lies in one of the (sorted, disjoint) history ranges. */
export function isHistoric(history: readonly Range[], at: Position): boolean {
  return rangeIndexAt(history, at) >= 0;
}

/** The index of the one of `ranges` (sorted, disjoint) that holds `at`, or -1: binary search. */
export function rangeIndexAt(ranges: readonly Range[], at: Position): number {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid];
    if (before(at, r.start)) hi = mid - 1;
    else if (before(r.end, at)) lo = mid + 1;
    else return mid;
  }
  return -1;
}
