/**
 * The words that say "what to do next", in the headings, labels and paragraphs of a handoff. Two strengths:
 *
 * - A heading that merely *mentions* the next step ("How to resume next session", "Wave 5–9 — what's left")
 *   makes its numbered items steps, as it always has: a numbered list there is an ordered to-do.
 * - A heading or label that *is* a next-step title ("Next steps", "Immediate next steps", "Top-priority next
 *   actions", "Critical path", "Action items", "What's NOT done", "Nächste Schritte", "Prochaines étapes",
 *   "Próximos pasos"…) makes its bullets, table rows and lone paragraph steps too. Such a title is matched
 *   whole, from its first word, so that "Context for the next session" or "Notes on the pending FIFO" stay prose.
 *
 * Labels work like headings: `**Next steps:**` over a list, and `**Next step:** run the migration` is itself
 * the step.
 */
import { plainTitle } from './titleText';
import { memoized } from '../memo';

/**
 * Any heading naming what to do next: its numbered items are steps. `resume` counts as the verb ("How to resume",
 * "Resume Wave 8", "RESUME HERE — plan Task 4", "resume at Task 19"), not as the name of a feature ("Crash detection
 * and resume integration", "resume pointer", "resume-signal", "Resume shows stale prompt").
 */
const MENTIONS_NEXT =
  /\b(?:resume(?=$|\s*[:—–(.,!)]|\s+-\s|\s+(?:here|at|from|in|into|next|point|steps?|work|wave|phase|task|plan|notes?|instructions?|with|on|the|this|after|when|if|session|chat)\b)|next[\s-]+(?:steps?|actions?|session|up)|entry[\s-]+point|what'?s\s+(?:left|next|remaining|not\s+done)|remaining(?:\s+(?:work|tasks?|items?|steps?))?|to-?dos?|open\s+(?:items|tasks)|immediate\s+priorities|start\s+here|pick\s+up|follow[\s-]?ups?|not\s+done\s+yet|action\s+items?|critical[\s-]path)\b/i;

/** Words that may come before a next-step title: "Immediate next steps", "Outstanding action items". */
const QUALIFIER = String.raw`(?:immediate|suggested|recommended|sequenced|proposed|planned|prioriti[sz]ed|top[\s-]priority|high[\s-]priority|priority|concrete|outstanding|open|remaining|pending|required|critical|urgent|final|the|real|operator[\s-]side|user[\s-]side|your|our|my|new)`;
/** English next-step titles. */
const ENGLISH = [
  String.raw`next[\s-]+(?:(?:recommended|suggested)\s+)?(?:steps?|actions?|tasks?|work|up|moves?|priorities|items?|targets?|agent(?:\s+instructions)?|sprint(?:\s+goals?)?|session(?:\s+(?:steps?|tasks?|priorities|plan|goals?|starting\s+point|entry\s+point|order\s+of\s+operations|checklist))?)`,
  String.raw`to-?dos?(?:\s+list)?`, String.raw`what'?s\s+(?:left|next|remaining|not\s+(?:yet\s+)?done|still\s+open)`, String.raw`what\s+(?:is\s+)?(?:left|remaining)`,
  String.raw`not\s+(?:yet\s+)?done(?:\s+yet)?`, String.raw`still\s+(?:open|to\s+do|not\s+done)`,
  String.raw`remaining(?:\s+(?:work|tasks?|items?|steps?|components?|todos?))?`, String.raw`pending(?:\s+(?:work|tasks?|items?|actions?|todos?))?`,
  String.raw`open\s+(?:items|tasks|todos|work|points)`, String.raw`action\s+items?`, String.raw`actions?\s+required`,
  String.raw`critical[\s-]path(?:\s+(?:items?|tasks?|work))?`, String.raw`top[\s-]priorit(?:y|ies)`, String.raw`immediate\s+priorities`,
  String.raw`resume(?:\s+(?:here|point|steps?|work|from\s+here))?`, String.raw`start\s+here`, String.raw`pick\s+up(?:\s+(?:exactly\s+|right\s+)?here)?`,
  String.raw`entry\s+point`, String.raw`follow[\s-]?ups?`, String.raw`(?:tasks?|work)\s+(?:left|remaining|to\s+do)`,
];
/**
 * Next-step titles in the other languages handoffs are written in: German, French, Spanish, Portuguese, Italian,
 * Dutch (with and without accents, as people type them).
 */
export const FOREIGN_NEXT: Readonly<Record<string, readonly string[]>> = {
  de: [String.raw`n(?:ä|ae|a)chste[rn]?\s+schritte?`, String.raw`offene\s+(?:punkte|aufgaben|todos?)`, String.raw`noch\s+(?:offen|zu\s+tun)`, String.raw`ausstehende?\s+(?:aufgaben|arbeiten|punkte)`],
  fr: [String.raw`prochaines?\s+(?:(?:é|e)tapes?|actions?)`, String.raw`(?:é|e)tapes?\s+suivantes?`, String.raw`(?:reste\s+)?(?:à|a)\s+faire`, String.raw`(?:t(?:â|a)ches|travail)\s+restante?s?`, String.raw`points\s+ouverts`],
  es: [String.raw`pr(?:ó|o)ximos?\s+pasos?`, String.raw`siguientes?\s+pasos?`, String.raw`pasos\s+siguientes`, String.raw`(?:tareas\s+|trabajo\s+)?pendientes?`, String.raw`por\s+hacer`],
  pt: [String.raw`pr(?:ó|o)xim[oa]s?\s+(?:passos?|etapas?)`, String.raw`pend(?:ê|e)ncias`, String.raw`tarefas\s+pendentes`, String.raw`trabalho\s+restante`],
  it: [String.raw`prossim[oi]\s+pass[oi]`, String.raw`pass[oi]\s+successiv[oi]`, String.raw`(?:cose\s+)?da\s+fare`, String.raw`(?:attivit(?:à|a)|lavoro)\s+rimanent[ei]`],
  nl: [String.raw`volgende\s+stap(?:pen)?`, String.raw`(?:nog\s+)?te\s+doen`, String.raw`openstaande\s+(?:punten|taken)`, String.raw`resterend\s+werk`],
};
const TITLE = [...ENGLISH, ...Object.values(FOREIGN_NEXT).flat()].join('|');
/** After the title: the end, a separator and more words, or a linking word (`Next steps for the importer`). */
const END = String.raw`(?:\s+(?:outstanding|remaining|pending|left|identified|now))?(?=$|\s*[:—–(&/|,!]|\.(?:\s|$)|\s+-\s|\s+(?:for|of|to|and|in|from|before|after|this|the|on|when|if|\d)\b)`;
const STRONG = new RegExp(String.raw`^(?:${QUALIFIER}\s+)*(?:${TITLE})${END}`, 'iu');
const FOREIGN_ANYWHERE = new RegExp(String.raw`(?:^|[^\p{L}])(?:${Object.values(FOREIGN_NEXT).flat().join('|')})(?![\p{L}])`, 'iu');

/** A heading that names what to do next, strongly or in passing: its numbered items are steps. */
export const mentionsNext: (title: string) => boolean = memoized((title) => MENTIONS_NEXT.test(title) || FOREIGN_ANYWHERE.test(title) || isNextTitle(title));

/**
 * Both questions for the headings of one document: the step extractor and the list-role tracker ask them of every
 * heading (each title's words are read once per process: memo.ts).
 */
export function nextTitles(): { mentions(title: string): boolean; strong(title: string): boolean } {
  return { strong: isNextTitle, mentions: mentionsNext };
}

/** A heading or label that is a next-step title: its bullets, table rows and lone paragraph are steps too. */
export const isNextTitle: (title: string) => boolean = memoized((title) => NEXT_STEM.test(title) && STRONG.test(plainTitle(title).replace(/[\u2018\u2019]/g, "'")));
/** A word every next-step title holds (a quick refusal before its words are read): `next`, `todo`, `schritt`, `pasos`… */
const NEXT_STEM = /next|to-?do|what|not|still|remain|pend|open|action|critical|priorit|resume|start|pick|entry|follow|task|work|chst|schritt|offen|noch|ausstehend|prochain|tape|faire|che|travail|point|xim|siguient|paso|hacer|ncias|tarefa|trabalho|prossim|pass|fare|attivit|lavoro|volgend|doen|openstaand|resterend/i;

/**
 * `**Next step:** run the migration`, `Next: …`, `**TODO**: …`: a paragraph (or list item) that starts with a
 * next-step label. Returns the offset (in `line`) where the step's words start, `-1` when the label stands alone
 * (a label for the list below it), or null when the line starts with no such label.
 */
export function nextLabelIn(line: string): number | null {
  const head = line.slice(0, 400);
  // A label ends with a colon near the start; most lines have none there.
  const colon = head.indexOf(':');
  if (colon < 0 || colon > 90) return null;
  const m = LABEL.exec(head);
  if (!m || !(isNextTitle(m[1]) || /^next$/i.test(m[1].trim()))) return null;
  const rest = line.slice(m[0].length);
  if (!/\S/.test(rest)) return -1;
  // `**Entry Point:** `src/main.ts``: a program's entry point (architecture notes), not where to resume.
  if (/^entry[\s-]+point$/i.test(m[1].trim()) && ONLY_A_PATH.test(rest)) return null;
  // `Pending: 53 (63%)` is a count, not a step: a step has words.
  return /\p{L}{3}/u.test(rest.slice(0, 200)) ? m[0].length + (rest.length - rest.trimStart().length) : null;
}
/** Nothing but one file path, in a code span or bare (`src/main.ts`, `/Users/me/app/cmd/main.ts`). */
const ONLY_A_PATH = /^\s*(?:`[^`\s]*[/.][^`\s]*`|[^\s`]*[/.][^\s`]*)[\s.,;]*$/;
/** A label at the start of a line: bold (`**Next step:**`, `**Next steps**:`) or plain (`Next step:`), up to its colon. */
const LABEL = /^[\s>]*(?:[\p{Extended_Pictographic}\uFE0F]\s*)*(?:\*\*|__)?([^*_:\n]{2,60}?)\s*(?::\s*(?:\*\*|__)?|(?:\*\*|__)\s*:)[ \t]*/u;

/** Plan files (Claude Code's and Cursor's plan mode): the whole plan is work to do. */
export function isPlanFile(path: string): boolean {
  return /(?:^|[\\/])\.(?:claude|cursor)[\\/]plans[\\/][^\\/]+\.md$/i.test(path);
}

/** The headings of a plan file whose numbered and bulleted items (and numbered sub-headings) are its steps. */
export function isPlanStepsTitle(title: string): boolean {
  return /^(?:implementation(?:\s+(?:steps?|plan|order|tasks?))?|steps?|tasks?|plan|changes|proposed\s+changes|execution(?:\s+(?:plan|steps?))?|work\s+plan|todo|to-do)(?:\s*\(.*\))?$/i
    .test(plainTitle(title));
}
