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
import { memoized } from '../memo';

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
 * The same titles in the other languages handoffs are written in (as `nextHeadings.ts` reads their next steps):
 * German, French, Spanish, Portuguese, Italian, Dutch, Polish, with and without accents as people type them, and
 * Korean, Japanese and Chinese. Whole titles again: "Session précédente (14/01)", "Update-Historie", "변경 이력",
 * "変更履歴", "已完成" are history; "完了条件" (completion criteria), "Historia de usuario", "Faits" (facts) are not.
 */
const FOREIGN_HISTORY: Readonly<Record<string, readonly string[]>> = {
  de: [
    String.raw`(?:vorherige|fr(?:ü|ue)here|(?:ä|ae)ltere|vergangene)\s+(?:sitzung(?:en)?|sessions?|eintr(?:ä|ae)ge|notizen|arbeiten)`,
    String.raw`(?:[a-zäöü]+-?)?(?:verlauf|historie)`, String.raw`archiv(?:iert)?`, String.raw`(?:ä|ae)nderungsprotokoll`,
    String.raw`(?:erledigt|abgeschlossen|fertig)(?:e\s+(?:aufgaben|punkte|tasks|arbeiten))?`,
  ],
  fr: [
    String.raw`(?:sessions?|s(?:é|e)ances?|entr(?:é|e)es|notes|travaux)\s+(?:pr(?:é|e)c(?:é|e)dente?s?|ant(?:é|e)rieure?s?|pass(?:é|e)e?s)`,
    String.raw`(?:anciennes?|pr(?:é|e)c(?:é|e)dentes?)\s+(?:sessions?|s(?:é|e)ances?|notes|entr(?:é|e)es)`,
    String.raw`historique(?:\s+des\s+(?:sessions|s(?:é|e)ances|modifications|changements|versions))?`, String.raw`archives?`,
    String.raw`(?:t(?:â|a)ches\s+)?(?:termin(?:é|e)e?s?|achev(?:é|e)e?s?|r(?:é|e)alis(?:é|e)e?s?)`, String.raw`fait(?:es?)?`,
    String.raw`journal\s+des\s+(?:modifications|changements)`,
  ],
  es: [
    String.raw`(?:sesi(?:ó|o)n(?:es)?|entradas|notas)\s+(?:anterior(?:es)?|previas?|pasadas?)`,
    String.raw`historial(?:\s+de\s+(?:sesiones|cambios|versiones))?`, String.raw`archivad[oa]s?`, String.raw`registro\s+de\s+cambios`,
    String.raw`(?:tareas\s+)?(?:completad[oa]s?|terminad[oa]s?|finalizad[oa]s?)`, String.raw`hech(?:o|as?)`,
  ],
  pt: [
    String.raw`(?:sess(?:ã|a)o|sess(?:õ|o)es|entradas|notas)\s+anterior(?:es)?`,
    String.raw`hist(?:ó|o)rico(?:\s+de\s+(?:sess(?:õ|o)es|altera(?:ç|c)(?:õ|o)es|mudan(?:ç|c)as|vers(?:õ|o)es))?`, String.raw`arquivad[oa]s?`,
    String.raw`(?:tarefas\s+)?(?:conclu(?:í|i)d[oa]s?|finalizad[oa]s?|completad[oa]s?|feit[oa]s?)`,
  ],
  it: [
    String.raw`(?:sessioni?|voci|note)\s+precedent[ei]`, String.raw`(?:precedenti|vecchie)\s+(?:sessioni|note|voci)`,
    String.raw`(?:storico|cronologia)(?:\s+(?:delle\s+)?(?:sessioni|modifiche|versioni))?`, String.raw`archivi(?:o|at[oiae])`,
    String.raw`(?:attivit(?:à|a)\s+)?(?:completat[eioa]|terminat[eioa]|conclus[eioa])`, String.raw`fatt[oae]`,
  ],
  nl: [
    String.raw`(?:vorige|eerdere|oudere)\s+(?:sessies?|notities|items|werk)`, String.raw`(?:sessie|wijzigings)?geschiedenis`, 'historie',
    'archief', 'gearchiveerd', String.raw`(?:afgerond|voltooid|gedaan)(?:e\s+(?:taken|items|punten))?`, 'wijzigingslogboek',
  ],
  pl: [
    String.raw`(?:poprzedni[ae]?|wcze(?:ś|s)niejsze|starsze|dawne)\s+(?:sesj[ae]|wpisy|notatki|prace)`,
    String.raw`historia(?:\s+(?:sesji|zmian|wersji))?`, 'archiwum', 'zarchiwizowane', String.raw`(?:dziennik|lista|rejestr)\s+zmian`,
    String.raw`(?:zadania\s+)?(?:zako(?:ń|n)czone|uko(?:ń|n)czone|zrobione|wykonane)(?:\s+zadania)?`,
  ],
  ko: [String.raw`(?:이전|지난)\s*(?:세션|작업|기록)`, String.raw`(?:최근\s*)?(?:(?:변경|작업|유지보수|세션|업데이트)\s*)?이력`, String.raw`완료(?:된\s*(?:항목|태스크|작업들))?`, '아카이브'],
  ja: [String.raw`(?:前回|以前)の?\s*(?:セッション|作業|記録)`, String.raw`(?:変更|作業|更新|セッション)?履歴`, String.raw`完了(?:済み)?(?:\s*(?:タスク|項目))?`, 'アーカイブ'],
  zh: [
    String.raw`(?:上一?次|之前|以前)的?\s*(?:会话|會話|记录|記錄|工作)`, String.raw`(?:历史|歷史)(?:记录|記錄)?`,
    String.raw`(?:变更|變更|更新|修改)\s*(?:记录|記錄|日志|日誌)`, String.raw`已完成(?:的)?(?:任务|任務|事项|事項)?`, String.raw`(?:归档|歸檔|存档|存檔)`,
  ],
};
const FOREIGN_HISTORY_TITLE = new RegExp(String.raw`^(?:${Object.values(FOREIGN_HISTORY).flat().join('|')})$`, 'u');

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

export const closesItself: (raw: string) => boolean = memoized((raw) => CLOSING_TITLE.test(titleWords(raw)));

/** Headings repeat across a folder's handoffs (memo.ts). */
export const isHistoryTitle: (raw: string) => boolean = memoized((raw) => isHistoryTitleOnce(raw));

function isHistoryTitleOnce(raw: string): boolean {
  // The remark dates the section: `What Was Accomplished (Previous Session)`, `Summary (Same Day, Earlier)` are
  // history; `Done (this PR)`, `Completed (this session)` are the current session's own record.
  const remarks = parentheticals(raw);
  const remark = markerOfRemarks(remarks);
  if (remark) return remark === 'previous';
  if (remarks.some((r) => HISTORY_REMARK.test(r))) return true;
  const words = titleWords(raw);
  return HISTORY_TITLES.some((re) => re.test(words)) || FOREIGN_HISTORY_TITLE.test(words);
}
