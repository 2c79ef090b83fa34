/**
 * What the document itself says of a file it names, read from the words of the breadcrumb's clause close to it:
 * `struck` (inside ~~…~~), `renamed` (the left side of `old → new`, "renamed to", "git mv old new"), `removed`
 * ("deleted", "(removed)", "rm x", a `D` status cell, a diff-stat line of only `-`), `planned` ("will create",
 * "(new)", "Create `x`", "to be added") and `elsewhere` (another repository or branch, a pending PR, memory, a
 * server). Precision over recall: a missed qualifier leaves a diagnostic a reader can judge; a wrong one hides a
 * real problem. So each verb must govern the breadcrumb: nothing but other names and a few words between them,
 * no preposition that would make the breadcrumb the object of something else ("removed the import of `x.py`",
 * "remove `a.md` from `b.md`" qualifies `a.md`, never `b.md`), and no negation before it.
 */
import type { FileQualifier } from '../model';
import type { Block } from '../parse/blocks';
import { perBlock } from './perBlock';
import type { Clause } from './fileClause';

/**
 * A cheap first look: every rule below needs one of these in the words around the breadcrumb. Most breadcrumbs
 * have none, and then no other pattern runs.
 */
const ANY_CUE = /delet|remov|drop|retir|gone|purg|trash|unlink|\brm\b|no\s+longer|exist|new|plan|propos|upcoming|todo|tbd|creat|writ|scaffold|introduc|generat|add|→|->|=>|⇒|⟶|renam|mov|\bmv\b|repo|submodule|worktree|fork|clone|branch|\bPR\b|\bMR\b|pull\s+request|upstream|memory|~\/|server|host|\bvm\b|\bbox\b|droplet|instance|outside|track|ignored|commit|checked\s+in|\|\s*\d/i;

/** How much of the clause before and after the breadcrumb the words are read from. */
const BEFORE = 120;
const AFTER = 90;

/** The right side of an arrow, or a rename's words after the old name. */
const ARROW_AFTER = /^[\x60*_"']*\s*(?:→|->|=>|⇒|⟶|-->)\s*[\x60*_"']*([^\s\x60*"',;)]+)/;
const ARROW_BEFORE = /(?:→|->|=>|⇒|⟶|-->)\s*[\x60*_"']*$/;
const RENAMED_AFTER = /^[\x60*_"']*\s*(?:\((?:was\s+)?|[-–—:]\s*)?(?:(?:was|were|is|are|has\s+been|have\s+been|got|now)\s+)?(?:renamed|moved)\s+(?:to|into|under|as)\b/i;
const RENAMED_BEFORE = /(?:^|[^\w-])(?:(?:renamed?|moved?)(?:\s+(?:file|files|the\s+file))?|git\s+mv(?:\s+-\w+)*|mv(?:\s+-\w+)*|renamed\s+from|moved\s+from)\s+[\x60*_"']*$/i;

const REMOVED_AFTER = /^[\x60*_"']*\s*(?:[-–—:]\s*|\(|\[)?\s*(?:(?:was|were|is|are|has\s+been|have\s+been|got|been|now|since|also)\s+)*(?:deleted|removed|dropped|retired|gone|purged|trashed)\b|^[\x60*_"']*\s*(?:[-–—:(]\s*)?(?:no\s+longer\s+(?:exists?|present|there)|does(?:n't|\s+not)\s+exist\s+any\s*more)\b/i;
const REMOVED_VERB = /(?:^|[^\w-])(?:removed?|removing|deleted?|deleting|dropped|drop|dropping|retired?|purged?|trashed|unlink(?:ed)?|(?:git\s+)?rm(?:\s+-[a-zA-Z]+)*)\s/gi;
/** A `git diff --stat` line that only removes: `path | 735 -----`. */
const DIFF_STAT_REMOVED = /^\s*\|\s*\d+\s+-+\s*$/;

const PLANNED_AFTER = /^[\x60*_"']*\s*(?:[-–—:]\s*)?(?:\((?:new|planned|proposed|todo|tbd|to\s+(?:be\s+)?(?:create|created|add|added|write|written)|not\s+yet\s+(?:created|written|added))(?:\s*(?:file|module))?\s*(?:[),;:—–-]|$)|\[(?:new|planned|todo)\])/i;
const PLANNED_AFTER_WORDS = /^[\x60*_"']*\s*(?:[-–—:]\s*|(?:is|are|will\s+be)\s+)?(?:new\s+file|planned|proposed|to\s+be\s+(?:created|added|written)|not\s+(?:yet\s+)?(?:created|written|added))\b/i;
const PLANNED_VERB = /(?:^|[^\w-])(?:(?:will|to|should|must|shall|going\s+to|needs?\s+to|plan(?:s|ned)?\s+to)\s+(?:be\s+)?(?:creat(?:e|ed)|add(?:ed)?|write|written|introduc(?:e|ed)|generat(?:e|ed)|scaffold(?:ed)?)|todo:?\s*(?:add|create|write)|new\s+(?:files?|modules?|scripts?)\s*:?|(?:planned|proposed|upcoming)(?:\s+new)?(?:\s+(?:files?|modules?))?)\s/gi;
/** An imperative at the start of the clause, after list markers and a label (`**Files:** Create \x60x\x60`, `P-02: Create x`). */
const PLANNED_IMPERATIVE = /^(?:[\s>*_+-]|\d{1,3}[.)]|\[[ xX]\])*(?:\*\*[^*\n]{0,40}\*\*\s*:?\s*)?(?:[\w .#-]{1,24}:\s*)?(?:create|write|scaffold|introduce|add\s+(?:a\s+)?new(?:\s+file)?)\s/i;

const ELSEWHERE = new RegExp(
  [
    String.raw`\b(?:in|on|from|of|inside)\s+(?:the\s+)?(?:[\w.@-]+\s+){0,2}(?:repo|repository|submodule|worktree|fork|clone)(?![\w-])`,
    String.raw`\bon\s+(?:the\s+)?(?:branch\s+[\x60*"']*[\w./-]+|[\x60*"']*[\w./-]+[\x60*"']*\s+branch\b)`,
    String.raw`\b(?:pending|open|draft|unmerged)\s+(?:PR|pull\s+request|MR)\b`,
    String.raw`\bin\s+(?:PR|pull\s+request|MR)\s*[#!]?\d+`,
    String.raw`\bupstream\b`,
    String.raw`\(submodule\)`,
    String.raw`\bmemory\s+(?:file|dir|folder|index|entry|note)\b`,
    String.raw`\bin\s+(?:(?:the|my|agent|agent's|claude's|auto)\s+)?memory\b`,
    String.raw`\bin\s+~\/`,
    String.raw`\bon\s+the\s+(?:server|host|remote\s+(?:host|machine|server|box)|vm|box|droplet|instance)\b`,
    String.raw`\boutside\s+(?:the|this)\s+repo(?:sitory)?\b`,
    String.raw`\b(?:untracked|git-?ignored|not\s+(?:committed|tracked|checked\s+in|in\s+git))\b`,
  ].join('|'),
  'i',
);
/** The same words, for the text before a breadcrumb: the last occurrence is the one that counts. */
const ELSEWHERE_ALL = new RegExp(ELSEWHERE.source, 'gi');
/** Elsewhere words count only right next to the breadcrumb. */
const NEAR = 30;
const NEAR_WINDOW = 90;
/** Another arrow after a rename's right side: a chain. */
const ARROW_NEXT = /^[\x60*_"']*\s*(?:→|->|=>|⇒|⟶|-->)/;
/** `memory \x60x.md\x60` / `\x60x.md\x60 memory.`: the word right next to the name (not `x.py memory endpoints`). */
const MEMORY_BEFORE = /\bmemory\s*:?\s*[\x60*_"']*$/i;
const MEMORY_AFTER = /^[\x60*_"']*\s*(?:\(\s*)?(?:agent\s+)?memory(?:\s+(?:file|entry|note))?\s*(?:[.,;:)]|$)/i;

/** Words that end a verb's reach: a preposition makes what follows the object of something else, a verb starts a new clause. */
const BLOCKERS = new Set(
  ('from in into to of at on with for inside within under onto via per by than as after before since until while but ' +
    'then so because which that where when if instead except without updated update added add created create ' +
    'modified modify changed change fixed fix kept keep moved move renamed rename wrote write edited edit see read ' +
    'run ran use used replaced replace merged merge restored restore recreated').split(' '),
);
const NEGATION = /(?:\bnot|n't|\bnever|\bwithout|\bno)\s+(?:\w+\s+)?$/i;
const MAX_OBJECT_WORDS = 5;
/** A dash, bar or equals sign between words starts another part of the sentence: `Write the test — mirror \x60x\x60`. */
const CLAUSE_SEPARATOR = /\s[—–|=-]\s|\s[—–]|[—–]\s/;

/** A row's cell that states a status on its own. */
const REMOVED_CELL = /^(?:deleted|removed|dropped|retired|gone|del|delete)$/;
const PLANNED_CELL = /^(?:new|new file|planned|todo|to do|proposed|to create|to add|create|not started|not yet created)$/;
const RENAMED_CELL = /^(?:renamed|moved)$/;
/** Headers of columns whose one-letter values are git's status letters (`D`, `R`). */
const STATUS_HEADER = /\b(?:status|state|change|changes|op|operation|action|git|type|mode)\b/i;

export function qualifierOf(text: string, block: Block, clause: Clause, start: number, end: number, path: string): FileQualifier | null {
  if (block.kind !== 'code' && isStruck(text, block, start, end)) return 'struck';
  const before = text.slice(Math.max(clause.start, start - BEFORE), start);
  const after = text.slice(end, Math.min(clause.end, end + AFTER));
  if (!ANY_CUE.test(before) && !ANY_CUE.test(after) && block.kind !== 'tableRow') return null;
  // the right side of `old → new` is the new path: nothing said of it, whatever the row's status says of the rename
  if (ARROW_BEFORE.test(before)) return null;
  const row = block.kind === 'tableRow' ? rowStatus(text, block, start) : null;
  if (row === 'renamed' || renamedAfter(after, path) || RENAMED_AFTER.test(after) || governs(RENAMED_BEFORE, before)) return 'renamed';
  if (row === 'removed' || DIFF_STAT_REMOVED.test(after) || REMOVED_AFTER.test(after) || governsObject(REMOVED_VERB, before)) return 'removed';
  if (row === 'planned' || PLANNED_AFTER.test(after) || PLANNED_AFTER_WORDS.test(after) || governsObject(PLANNED_VERB, before) ||
      imperativeGoverns(text, clause, start)) return 'planned';
  if (elsewhereNear(before, after) || MEMORY_BEFORE.test(before) || MEMORY_AFTER.test(after)) return 'elsewhere';
  return null;
}

/** Words placing the file elsewhere, right next to it: ending at most `NEAR` characters before it, or starting as close after. */
function elsewhereNear(before: string, after: string): boolean {
  const tail = before.slice(-NEAR_WINDOW);
  ELSEWHERE_ALL.lastIndex = 0;
  let lastEnd = -1;
  for (let m = ELSEWHERE_ALL.exec(tail); m; m = ELSEWHERE_ALL.exec(tail)) lastEnd = m.index + m[0].length;
  if (lastEnd >= 0 && tail.length - lastEnd <= NEAR) return true;
  const a = ELSEWHERE.exec(after.slice(0, NEAR_WINDOW));
  return a !== null && a.index <= NEAR;
}

/**
 * `old.md → new.md`: the left side, when the right side is a path of the same kind (same extension) or a folder,
 * and no further arrow follows it (`CLAUDE.md → AI_HANDOVER.md → index.md` is a reading order, not a rename).
 */
function renamedAfter(after: string, path: string): boolean {
  const m = ARROW_AFTER.exec(after);
  if (!m) return false;
  if (ARROW_NEXT.test(after.slice(m[0].length))) return false;
  const target = m[1];
  if (target.endsWith('/')) return true;
  const ext = extensionOf(path);
  return ext !== '' && extensionOf(target) === ext;
}

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The pattern (anchored at the end) matches right before the breadcrumb, not negated. */
function governs(re: RegExp, before: string): boolean {
  const m = re.exec(before);
  return m !== null && !NEGATION.test(before.slice(0, m.index + (m[0].length - m[0].trimStart().length)));
}

/** The last match of `verbs` in `before` governs the breadcrumb: only other names and a few plain words between. */
function governsObject(verbs: RegExp, before: string): boolean {
  verbs.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = verbs.exec(before); m; m = verbs.exec(before)) last = m;
  if (!last) return false;
  const verbAt = last.index + (last[0].length - last[0].trimStart().length);
  if (NEGATION.test(before.slice(Math.max(0, verbAt - 24), verbAt))) return false;
  return isObjectList(before.slice(last.index + last[0].length));
}

/** `Create \x60x\x60` opening the clause: an instruction to make the file. */
function imperativeGoverns(text: string, clause: Clause, start: number): boolean {
  const lead = text.slice(clause.start, start);
  const m = PLANNED_IMPERATIVE.exec(lead);
  return m !== null && isObjectList(lead.slice(m[0].length));
}

/**
 * Between a verb and the breadcrumb: other names (backticked or path-shaped), separators and at most a few words,
 * no blocker. A breadcrumb inside a longer code span (`Removed \x60{% include 'x.html' %}\x60`) is not the object: the
 * code is.
 */
function isObjectList(between: string): boolean {
  const open = between.lastIndexOf('\x60');
  if (open >= 0 && (between.split('\x60').length - 1) % 2 === 1 && between.slice(open + 1).trim() !== '') return false;
  if (CLAUSE_SEPARATOR.test(between)) return false;
  const words = between.replace(/\x60[^\x60]*\x60/g, ' ').split(/[\s,:&+()*_"'[\]]+/).filter((w) => w !== '' && !/[./]/.test(w));
  if (words.length > MAX_OBJECT_WORDS) return false;
  return words.every((w) => !BLOCKERS.has(w.toLowerCase()));
}

/** Inside `~~…~~` on its line: an odd number of `~~` before the breadcrumb, and one after it. */
function isStruck(text: string, block: Block, start: number, end: number): boolean {
  if (!hasTildePair(text, block)) return false;
  let opens = 0;
  for (let i = start - 1; i > block.contentStart && start - i < 400; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    if (c === 126 && text.charCodeAt(i - 1) === 126) { opens++; i--; }
  }
  if (opens % 2 === 0) return false;
  for (let i = end; i < block.contentEnd && i - end < 400; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return false;
    if (c === 126 && text.charCodeAt(i + 1) === 126) return true;
  }
  return false;
}

/**
 * Whether a `~~` starts within the block's content (the only pairs isStruck counts): looked at once per block, so a
 * block with none — nearly all — is not read back and forth around each breadcrumb.
 */
const hasTildePair = perBlock((text, b) => text.slice(b.contentStart, b.contentEnd + 1).includes('~~'));

/** A status another cell of the row states on its own (`Deleted`, `New`, or git's `D`/`R` under a status header). */
function rowStatus(text: string, block: Block, start: number): FileQualifier | null {
  const cells = block.cells ?? [];
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (cell.start <= start && start <= cell.end) continue;
    const value = text.slice(cell.start, Math.min(cell.end, cell.start + 40))
      .replace(/[\x60*_~]|[\p{Extended_Pictographic}\u{FE0F}]/gu, '').trim().toLowerCase();
    if (value.length === 1) {
      if (!STATUS_HEADER.test(block.header?.[c] ?? '')) continue;
      if (value === 'd') return 'removed';
      if (value === 'r') return 'renamed';
      continue;
    }
    if (REMOVED_CELL.test(value)) return 'removed';
    if (RENAMED_CELL.test(value)) return 'renamed';
    if (PLANNED_CELL.test(value)) return 'planned';
  }
  return null;
}
