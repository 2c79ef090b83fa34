/**
 * Sections that are history by their title: "Archive", "Completed", "Done", "Session history", "Previous
 * sessions", "Changelog", "Resolved", "Closed", "Old notes"… a past entry named for its subject ("Previous Focus:
 * Billing", "Previous Session Work — Themes", "Prior wave: W6"), and a title remarked "(Previous Session)", "(Same
 * Day, Earlier)", "(Historical)", "(superseded)", "(superseded 2026-08-16)" or "(archived)".
 *
 * The patterns match the whole title (a trailing remark in parentheses aside), because the same words in a
 * longer title often mean the opposite: "Done when" and "Definition of done" are acceptance criteria still to
 * meet, "What was done this session" and "Completed this session" are the current session's own record,
 * "Open items from the previous session" are carried over and still open, "Archive old logs" is a task.
 */
import { markerOfRemarks } from './logEntries';
import { parentheticals, titleWords } from './titleText';

/**
 * What a finished list is a list of: `Completed tasks`, `Closed issues`, `Tasks done`. Not `work` or
 * `changes`: "Work completed" is how a session records what it did, the current session included.
 */
const FINISHED = String.raw`(?:tasks?|items?|steps?|phases?|milestones?|features?|tickets?|issues?|stories|sessions?|plans?|todos?|to-dos?|entries|questions|decisions|blockers|bugs|sprints?|waves?|passes|actions?|goals?|objectives?|prs|pull\s+requests)`;
/** What a record of the past is made of: `Previous sessions`, `Older entries`, `Old notes`, `Past updates`. */
const RECORDS = String.raw`(?:sessions?|entries|entry|notes|records?|logs?|summar(?:y|ies)|updates?|handoffs?|runs?|cycles?|iterations?|passes|days?|weeks?|work|status|context|changes|decisions)`;

const HISTORY_TITLES: readonly RegExp[] = [
  // Archive, Archived sessions, Archive: Q1, Archive of Q1 sessions, Session archive.
  new RegExp(String.raw`^archived\b.*$`),
  new RegExp(String.raw`^archives?(?:\s+${FINISHED}|\s+${RECORDS})?(?:\s*[:—–]\s*.*|\s+(?:of|from|for)\b.*)?$`),
  new RegExp(String.raw`^(?:\S+\s+){1,2}archives?$`),
  // Completed, Done, Finished, Closed, Resolved; Recently done; Completed tasks; Tasks done.
  new RegExp(String.raw`^(?:(?:recently|previously|already|all)\s+)?(?:completed|complete|done|finished|closed|resolved|shipped|merged)(?:\s+${FINISHED})?(?:\s+(?:archive|log|list))?$`),
  new RegExp(String.raw`^(?:(?:recently|previously|already)\s+)?${FINISHED}\s+(?:completed|done|finished|closed|resolved|shipped|merged)$`),
  // History, Session history, Change history, Session history log, Historical sessions.
  new RegExp(String.raw`^(?:(?:session|sessions|change|project|version|revision|work|decision|release|commit|handoff|edit)\s+)?history(?:\s+(?:log|notes|table|summary|entries))?$`),
  // Historical sessions, Historical notes — not "Historical invoices CSV" or "Historical trend": data, not the past.
  new RegExp(String.raw`^historical\s+${RECORDS}$`),
  // Previous sessions, Past sessions, Earlier entries, Old notes, Previous agent work, Previous week's achievements.
  new RegExp(String.raw`^(?:previous|past|prior|earlier|older|old)(?:\s+\S+)?\s+${RECORDS}(?:'s)?(?:\s+(?:summary|summaries|notes|log|details|records?|context|achievements|work))?$`),
  // A log that rotates its entries under "Previous" titles, each naming its subject: Previous Focus: Drive module,
  // Previous Session Work: Theme system, Previous Major Breakthrough — the migration, Past sprint - Billing.
  new RegExp(String.raw`^(?:previous|past|prior|earlier|older)(?:\s+\S+)?\s+(?:${RECORDS}|${FINISHED}|focus|achievements?|breakthroughs?)\s*(?::|—|–|\s-)\s*\S.*$`),
  // Older, Earlier: the part of a log after its latest entries.
  /^(?:previous|past|prior|earlier|older)$/,
  // Changelog, Change log.
  /^(?:changelog|change\s+log)$/,
];

/**
 * A remark that files the section under the past: `Phase 0: Foundation (Historical)`, `Resolution (superseded)`,
 * `CLOSED (superseded 2026-08-16): …` (dated).
 */
const HISTORY_REMARK = /^(?:history|historical|archived?|superseded|obsolete|outdated|old)(?:\s+(?:on\s+|since\s+)?\d{4}-\d{2}-\d{2})?$/;

/**
 * A title that closes its section, naming its subject: "✅ CLOSED (2026-08-14): Stage B Phase 3", "RESOLVED
 * 2026-08-13 — the known-red set is empty", "Done: the importer" (not "Done when:", "Completed this session",
 * "S1 blocker closed — status restored"). Such a section is history unless it keeps a to-do list of its own
 * ("### Still open" under "DONE 2026-08-09 — the ballot is seeded"): the caller asks.
 */
const CLOSING_TITLE = new RegExp(String.raw`^(?:closed|resolved|done|completed|complete|shipped|merged|finished)(?:\s*\([^)]*\))?\s*(?::|—|–|\s-\s|\d{4}-\d{2}-\d{2}\b)\s*\S.*$`);

export function closesItself(raw: string): boolean {
  return CLOSING_TITLE.test(titleWords(raw));
}

export function isHistoryTitle(raw: string): boolean {
  // The remark dates the section: `What Was Accomplished (Previous Session)`, `Summary (Same Day, Earlier)` are
  // history; `Done (this PR)`, `Completed (this session)` are the current session's own record.
  const remarks = parentheticals(raw);
  const remark = markerOfRemarks(remarks);
  if (remark) return remark === 'previous';
  if (remarks.some((r) => HISTORY_REMARK.test(r))) return true;
  const words = titleWords(raw);
  return HISTORY_TITLES.some((re) => re.test(words));
}
