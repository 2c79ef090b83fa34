/**
 * Resume steps: every checklist item (`- [ ]`, `* [x]`, `1. [ ]`, and the extended `[-]` `[!]` `[>]` `[~]`),
 * the to-dos of a plan's front matter (`frontMatterTodos`), and what a next-step context holds (see
 * `nextHeadings`):
 * - under any heading that names what to do next, its numbered items;
 * - under a next-step title (a heading, a label such as `**Next steps:**`, an XML-ish `<remaining_work>`
 *   section) also its bullets (a bullet that only labels the sub-list under it gives way to that sub-list),
 *   its table rows, and — when it holds no list or table at all — its first paragraph;
 * - anywhere, a paragraph or item that starts with a next-step label: `**Next step:** run the migration`;
 * - in a Claude Code or Cursor plan file, the items and numbered sub-headings of its implementation steps.
 *
 * Such steps are open unless their words say otherwise (`stepText`). Standing guidance ("keep … in mind",
 * "do not …") and the lists that are no work (`listRoles`) keep their role, so the rule does not report them.
 */
import type { StepListRole, StepState } from '../model';
import type { Block, ParsedText } from '../parse/blocks';
import { firstLineEnd } from '../parse/lines';
import { linesIn } from '../parse/tables';
import type { ExtractContext, FoundStep } from './types';
import { ListRoleTracker } from './listRoles';
import { isNextTitle, isPlanFile, isPlanStepsTitle, nextLabelIn, nextTitles } from './nextHeadings';
import { rowStep, stateOfRow, stateOfText } from './stepText';
import { frontMatterTodos } from './frontMatterTodos';
import { findXmlSections, tagTitle, type XmlSection } from './xmlSections';
import { collapseSpaces } from './spaces';
import { isStruck } from './phaseText';

const CHECKBOX_STATES: Readonly<Record<string, StepState>> = {
  ' ': 'open', x: 'done', X: 'done', '-': 'superseded', '!': 'blocked', '>': 'in-progress', '~': 'in-progress',
  '/': 'in-progress', '?': 'open', '*': 'open',
};

/**
 * An item of a next-steps list that is standing guidance, not a step: "keep … in mind", "do not flatten …",
 * "never force-push", "always run the linter". (A checkbox is a task whatever its verb.)
 */
const GUIDANCE = /^(?:[*_]{1,2})?(?:do\s+not|don['’]t|never|always|keep\b|remember\b|avoid\b|be\s+careful)/i;
/**
 * An item every session does on its way in, not this handoff's work: reading the handoff itself or the agent's
 * instructions ("Read this document first", "Read entire HANDOFF.md document", "Understand 'Current State'"; an
 * earlier session's notes to re-read are work), finding one's bearings ("Orient: read …", "Explore the codebase")
 * and checking where git stands ("Verify git status", "Check current branch", "Confirm the baseline is green"). A
 * box counts too: ticking "Read the handoff" finishes nothing (`Read the spec, then build the parser` is work).
 */
const ORIENTATION = /^(?:[*_]{1,2})?(?:(?:re-?)?read\s+(?:(?:this|the)\s+)?(?:entire\s+|whole\s+|full\s+)?(?:(?:this\s+)?(?:handoff|handover|document|doc)\b|`?(?:[\w.-]+\/)*(?:handoff|handover|claude|agents)\.md`?(?:\s+(?:document|doc|file))?(?:\s+first)?\s*(?:$|[,.(:—–]|\s-\s|(?:[*_]{1,2})))|understand\s+(?:the\s+)?["“'‘]?(?:current\s+(?:state|status|code)|next\s+steps)\b|orient(?:ation)?\b\s*(?:[*_]{1,2})?\s*[:—–-]|(?:explore|skim|familiari[sz]e\s+(?:yourself\s+)?with|get\s+familiar\s+with)\s+(?:the\s+)?(?:code(?:base)?|app|application|project|repo(?:sitory)?)\b|(?:verify|check|confirm)\s+(?:the\s+)?(?:current\s+)?git\s+(?:status|state|log)\b|check\s+(?:the\s+)?current\s+branch\s*(?:$|[:(]|`)|(?:verify|check|confirm)\s+(?:that\s+)?the\s+baseline\s+is\s+green|set\s+(?:the\s+)?working\s+directory)/i;
/**
 * An item that states a fact under its label, beside the steps of a problem's write-up: `**Root Cause:** the
 * site search uses /search?q=`, `**Current URL in Profile:** …`, `Symptoms: …` (`**Current task:** …` is work).
 */
const FACT_LABEL = /^(?:[*_]{1,2})?(?:root\s+causes?|causes?|symptoms?|observed(?:\s+behaviou?r)?|actual\s+(?:behaviou?r|results?|output)|impact|evidence|diagnosis|current\s+(?!(?:tasks?|steps?|focus|work|priorit(?:y|ies)|goals?|objectives?|sprint|phase|plan)\b)[\w-]+(?:\s+[\w-]+){0,3})\s*(?:[*_]{1,2}\s*:|:\s*(?:[*_]{1,2})?)\s*\S/i;
/**
 * A line that says there is nothing to do: `None; await next request.`, `No progress to report`, `No open items.`,
 * `_(No active items.)_`, `Ready for new tasks.`, or a template's placeholder left unfilled: `(filled by /handoff or
 * manually)`, `_(to be filled in)_`, `<fill in>`, `TBD`.
 */
const NOTHING = /^(?:[*_]{1,2})?\(?(?:none|n\/a|nothing(?:\s+(?:to\s+do|left|pending|yet|open|in[\s-]flight))?|tbd|no\s+(?:open|pending|remaining|outstanding|further|active|current|new)\s+(?:tasks?|items?|work|steps?|to-?dos?|action\s+items?)|ready\s+for\s+(?:new|next|the\s+next|further)\s+(?:tasks?|work|instructions?|requests?)|awaiting\s+(?:the\s+)?(?:user|your|further|owner|human)(?:'s)?\s+(?:direction|input|instructions?|decision|go-?ahead))\b|^no\s.{0,80}\bto\s+report\b|^[*_]{0,2}[(<[][^()<>[\]\n]{0,60}\b(?:fill(?:ed)?(?:\s+in)?|placeholder|to\s+be\s+(?:filled|written|added|completed))\b[^()<>[\]\n]{0,60}[)>\]][*_]{0,2}$/i;
/**
 * A lone paragraph under a next-step heading that only reports where things stand: "Phase 5 complete; ready for
 * Phase 6 (Status Server).", "Phase 14a is complete. Proceeding to Phase 14b", "No new drift surfaced." (a GSD
 * summary's "Next Step"). Short, and saying no "next:", so that a paragraph going on to the work stays the step.
 */
const STATUS_REPORT = /^(?:[*_]{1,2})?(?:(?:(?:phase|plan|milestone|wave|sprint|stage|epic)\s+[\w.-]{1,12}|all\s+(?:[\w-]+\s+){0,2}(?:phases|plans|tasks|steps|work|items))\s+(?:is\s+|are\s+)?(?:now\s+)?(?:fully\s+|all\s+)?(?:complete|completed|done|finished|shipped)\b|no\s+new\s+(?:[\w-]+\s+){0,2}(?:surfaced|found|detected|reported)\b)/i;
const STATUS_REPORT_MAX = 200;
/** …unless it goes on to the work: "Phase 5 complete. Next, wire the status server". */
const GOES_ON = /\b(?:next|then|todo|to\s+do)\s*[,:]/i;
/** A bullet that only labels the sub-list under it: `**Backend:**`, `Frontend:`. */
const GROUP_LABEL = /^(?:(?:\*\*|__)[^*_\n]{1,80}(?:\*\*|__)\s*:?|[^\n:]{1,40}:)\s*$/;
/** A paragraph that is one bracketed caption (`[Issues that affect future work]`), no link and no checkbox. */
const TEMPLATE_CAPTION = /^\[(?![ xX]\])[^[\]\n]{3,160}\]$/;
const XML_TAG_LINE = /^[ \t>]*<\/?[a-z][a-z0-9_-]*>[ \t]*$/;
/**
 * A table column that makes its rows work items (`| Task | Owner |`, `| Step | Status |`): such a table lists steps
 * even in a section whose steps are checkboxes; `| Type | Criteria |` there is a note on them.
 */
const TASK_COLUMN = /^(?:tasks?|steps?|actions?|action\s+items?|to-?dos?|items?|work|owner|assignee|status|state|done|next)$/i;
/** A plan's step written as a sub-heading: `### 1. Add the migration`, `### Step 2: Wire the route`. */
const NUMBERED_HEADING = /^(?:\d{1,3}[.)]|step\s+\d{1,3}\b[:.]?)\s*\S/i;

/** A next-step context: a heading's section, a label's list, an XML section. */
interface NextContext {
  /** A next-step title (bullets, rows and a lone paragraph count), not a heading that only mentions the next step. */
  strong: boolean;
  /** Depth of the items that are its steps (a label item's sub-items are one deeper). */
  itemDepth: number;
  /** Whether a list or table was seen: then a paragraph is an introduction, not the step. */
  hasList: boolean;
  /** Its first paragraph, a step when it holds no list or table. */
  lead: FoundStep | null;
  /** Whether its first block was seen: only a paragraph there leads it. */
  started?: boolean;
  /** Whether a numbered item was seen: bullets after it are that item's details (a rendering often loses their indent). */
  numbered?: boolean;
  /**
   * Whether a checkbox item was seen since the last heading: the writer marks that section's steps with boxes, so
   * the plain bullets and table rows after it are notes on them (what a function does, a table of types, measured
   * counts), not steps of their own. The next sub-heading may write its steps otherwise.
   */
  boxed?: boolean;
}

export function extractSteps(parsed: ParsedText, context: ExtractContext): FoundStep[] {
  const { text, blocks } = parsed;
  const steps: FoundStep[] = frontMatterTodos(parsed);
  const titles = nextTitles();
  const roles = new ListRoleTracker(text, titles.mentions);
  const planFile = isPlanFile(context.path);
  const xmlNext = findXmlSections(parsed).filter((s) => isNextTitle(tagTitle(s.name)));
  let nextXml = 0;
  const headings: Array<NextContext & { depth: number }> = []; // nested next-step headings, outermost first
  let xml: (NextContext & { section: XmlSection }) | null = null;
  let label: (NextContext & { listDepth: number }) | null = null; // listDepth -1: a paragraph label
  const groupEnds: number[] = []; // per depth: where a group-label bullet's sub-list ends
  // The latest checkbox item: its nested bullets (`- Next: design session`, `- Remaining: …`) are its details, not
  // steps of their own — the box already says the work is open.
  let box: { depth: number; end: number } | null = null;

  const end = (ctx: NextContext | null) => {
    if (ctx?.lead && !ctx.hasList) steps.push(ctx.lead);
  };
  const active = (): NextContext | null => xml ?? label ?? headings[headings.length - 1] ?? null;

  blocks.forEach((b, i) => {
    const listRole = roles.next(b);
    if (xml && b.start >= xml.section.end) { end(xml); xml = null; }
    if (!xml && nextXml < xmlNext.length && xmlNext[nextXml].start < b.end) {
      while (nextXml < xmlNext.length && xmlNext[nextXml].end <= b.start) nextXml++;
      const s = xmlNext[nextXml];
      if (s && s.start < b.end) { xml = { section: s, strong: true, itemDepth: 0, hasList: false, lead: null }; nextXml++; }
    }

    if (b.kind === 'heading') {
      const title = text.slice(b.contentStart, b.contentEnd);
      for (const h of headings) h.boxed = false;
      if (xml) xml.boxed = false;
      while (headings.length && b.depth <= headings[headings.length - 1].depth) end(headings.pop()!);
      end(label);
      label = null;
      const outer = headings[headings.length - 1];
      // A heading that mentions the next step holds the document below it; a next-step title inside it
      // ("### Next steps" under "# Handoff — resume at Task 7") is a context of its own, nested.
      if (!outer ? titles.mentions(title) || (planFile && isPlanStepsTitle(title)) : !outer.strong && titles.strong(title)) {
        headings.push({ depth: b.depth, strong: !!outer || titles.strong(title) || (planFile && isPlanStepsTitle(title)), itemDepth: 0, hasList: false, lead: null });
      } else if (outer?.strong && planFile && NUMBERED_HEADING.test(title.trim())) {
        outer.hasList = true;
        steps.push(withState(span(text, b.contentStart, b.contentEnd), stateOfText(title), 'numbered', null, roles.headingRole()));
      }
      return;
    }

    if (b.kind === 'paragraph') {
      const at = nextLabelIn(text.slice(b.contentStart, Math.min(b.contentEnd, b.contentStart + 400)));
      if (at !== null && at >= 0) {
        const start = skipQuote(text, b.contentStart, b.contentEnd);
        const words = span(text, b.contentStart + at, b.contentEnd);
        words.start = start;
        words.text = withoutLabelsClose(text.slice(b.contentStart, b.contentStart + at), words.text);
        steps.push(withState(words, stateOfText(words.text), 'paragraph', null, roleOf(roles.headingRole(), words.text)));
        const ctx = active();
        if (ctx) ctx.hasList = true; // the section's step is written out; its other paragraphs are prose
        return;
      }
      if (nextLabelIn(lastLine(text, b.contentStart, b.contentEnd)) === -1) { end(label); label = { strong: true, itemDepth: 0, hasList: false, lead: null, listDepth: -1 }; return; }
      if (label && !indented(text, b.start)) { end(label); label = null; }
      const ctx = active();
      // A template's caption left in place says what the section is for, not what to do: GSD's STATE.md keeps
      // "[From .planning/todos/pending/ — ideas captured during sessions]" over its "None yet.", its todo list, or a
      // paragraph of where things stand ("… all cleared via quick tasks"). It leads the section: no paragraph after it does.
      const caption = TEMPLATE_CAPTION.test(text.slice(b.contentStart, b.contentEnd).trim());
      if (ctx?.strong && !ctx.started && !b.quoted && !caption) ctx.lead = leadOf(text, b, xml?.section ?? null, roles.headingRole());
      if (ctx && (!xml || b.end > xml.section.nameEnd + 1)) ctx.started = true;
      return;
    }

    if (b.kind === 'tableRow') {
      const ctx = active();
      if (!ctx?.strong || b.isHeaderRow) return;
      ctx.hasList = true;
      if (ctx.boxed && !b.header?.some((h) => TASK_COLUMN.test(h.replace(/[*_`]/g, '').trim()))) return;
      const row = rowStep(text, b);
      if (row) steps.push({ start: row.start, end: row.end, text: row.text, state: stateOfRow(row.cells), kind: 'row', marker: null, listRole: listRole ?? roles.headingRole() });
      return;
    }

    if (b.kind !== 'listItem') {
      if (label && !indented(text, b.start) && b.kind !== 'code') { end(label); label = null; }
      const ctx = active();
      if (ctx && (b.kind === 'code' || b.kind === 'html')) ctx.started = true; // content before any paragraph: no lead
      return;
    }
    if (label && label.listDepth >= 0 && b.depth <= label.listDepth) { end(label); label = null; }
    const ctx = active();
    if (ctx) ctx.hasList = true;
    if (b.checkbox) {
      const spanned = step(text, b, b.checkbox.start);
      const boxed = CHECKBOX_STATES[b.checkbox.state] ?? 'open';
      // `- [ ] ~~Client sync~~`: an item crossed out whole is dropped, however its box stands.
      const s = withState(spanned, boxed === 'open' && crossedOut(spanned.text) ? 'superseded' : boxed, 'checkbox', `[${b.checkbox.state}]`, listRole ?? (ORIENTATION.test(spanned.text) ? 'routine' : null));
      if (s.state !== 'done' && subStepsAllDone(blocks, i)) s.doneBySubSteps = true;
      steps.push(s);
      box = { depth: b.depth, end: b.end };
      if (ctx) ctx.boxed = true;
      return;
    }
    if (box && b.depth > box.depth && b.start < box.end) return;
    const at = nextLabelIn(firstLineOf(text, b.contentStart, b.contentEnd));
    if (at === -1 && blocks[i + 1]?.kind === 'listItem' && blocks[i + 1].depth > b.depth && blocks[i + 1].start < b.end) {
      end(label);
      label = { strong: true, itemDepth: b.depth + 1, hasList: true, lead: null, listDepth: b.depth };
      return;
    }
    const labelled = at !== null && at >= 0;
    if (!ctx && !labelled) return;
    const content = text.slice(b.contentStart, b.contentEnd).trim();
    const depth = b.depth - (ctx?.itemDepth ?? b.depth);
    const underGroup = depth === 1 && (groupEnds[b.depth - 1] ?? -1) > b.start;
    if (!labelled) {
      if (b.ordered && depth === 0) ctx!.numbered = true;
      if (!b.ordered && (!ctx!.strong || ctx!.numbered || ctx!.boxed)) return;
      if (depth !== 0 && !(underGroup && !b.ordered)) return;
      if (!b.ordered && depth === 0 && GROUP_LABEL.test(content) && blocks[i + 1]?.kind === 'listItem' && blocks[i + 1].depth > b.depth && blocks[i + 1].start < b.end) {
        groupEnds[b.depth] = b.end;
        return;
      }
    }
    // An empty item (a lone `*` or `1.` at the end of a list) says nothing to do.
    if (!content || NOTHING.test(content)) return;
    // `1. Data Processing` over `- [ ] Process fetched PR data`…: a group's title; its boxes are the steps.
    if (!labelled && holdsCheckboxes(blocks, i)) return;
    steps.push(withState(step(text, b, markerStart(text, b)), stateOfText(content), b.ordered ? 'numbered' : 'bullet', null, roleOf(listRole, content)));
  });
  end(xml);
  end(label);
  while (headings.length) end(headings.pop()!);
  return steps;
}

/** Items looked at under a list item for a checkbox: a group's first boxes come right under its title. */
const GROUP_LOOKAHEAD = 16;

/** Whether the list item `blocks[i]` has checkbox items nested in it (among its first few). */
function holdsCheckboxes(blocks: readonly Block[], i: number): boolean {
  const item = blocks[i]!;
  for (let j = i + 1; j < blocks.length && j <= i + GROUP_LOOKAHEAD && blocks[j]!.start < item.end; j++) {
    const b = blocks[j]!;
    if (b.kind === 'listItem' && b.depth > item.depth && b.checkbox) return true;
  }
  return false;
}

/** Blocks looked at under a checkbox for its sub-steps: a parent task's are right under it. */
const SUB_STEP_LOOKAHEAD = 200;

/** Whether the checkbox item `blocks[i]` has checkboxes right under it (one level deeper), all ticked (or dropped). */
function subStepsAllDone(blocks: readonly Block[], i: number): boolean {
  const item = blocks[i]!;
  let ticked = 0;
  for (let j = i + 1; j < blocks.length && blocks[j]!.start < item.end; j++) {
    if (j > i + SUB_STEP_LOOKAHEAD) return false;
    const b = blocks[j]!;
    if (b.kind !== 'listItem' || b.depth !== item.depth + 1 || !b.checkbox) continue;
    const state = CHECKBOX_STATES[b.checkbox.state] ?? 'open';
    if (state !== 'done' && state !== 'superseded') return false; // one dropped (`[-]`) beside the ticked ones: done
    if (state === 'done') ticked++;
  }
  return ticked > 0;
}

/** The first line of the trimmed [start, end) — `text.slice(start, end).trim().split(/\r\n|\r|\n/)[0]` without copying an item's whole subtree. */
function firstLineOf(text: string, start: number, end: number): string {
  while (start < end && WHITE.test(text[start])) start++;
  while (end > start && WHITE.test(text[end - 1])) end--;
  return text.slice(start, firstLineEnd(text, start, end));
}

const WHITE = /\s/;

function roleOf(role: StepListRole | null, content: string): StepListRole | null {
  return role ?? (GUIDANCE.test(content) ? 'rules' : FACT_LABEL.test(content) ? 'context' : ORIENTATION.test(content) ? 'routine' : null);
}

/**
 * The lead paragraph of a next-step section as a step: its lines (within an XML section, those between the tags),
 * or null when it only introduces what follows (`In order:`).
 */
function leadOf(text: string, b: Block, section: XmlSection | null, role: StepListRole | null): FoundStep | null {
  const lines = linesIn(text, b.contentStart, b.contentEnd)
    .filter((l) => !XML_TAG_LINE.test(text.slice(l.start, l.end)) && (!section || (l.start >= section.nameEnd && l.end <= section.end)));
  if (!lines.length) return null;
  const words = span(text, skipQuote(text, lines[0].start, lines[lines.length - 1].end), lines[lines.length - 1].end);
  // `In order:` introduces what follows; `Send the note once approved. Suggested shape:` is the step.
  if (!words.text || NOTHING.test(words.text) || (/:$/.test(words.text) && words.text.length < 40)) return null;
  if (words.text.length <= STATUS_REPORT_MAX && STATUS_REPORT.test(words.text) && !GOES_ON.test(words.text)) return null;
  return withState(words, stateOfText(words.text), 'paragraph', null, roleOf(role, words.text));
}

/** The last line of [start, end), or '' when it is longer than a label can be. */
function lastLine(text: string, start: number, end: number): string {
  let at = end;
  while (at > start && end - at < 400 && text[at - 1] !== '\n' && text[at - 1] !== '\r') at--;
  return at > start && text[at - 1] !== '\n' && text[at - 1] !== '\r' ? '' : text.slice(at, end);
}

function step(text: string, b: Block, start: number): Spanned {
  let end = b.contentEnd;
  // A closing tag right under the last item (`</remaining_work>`) is read as the item's lazy line; it is not the step's.
  for (let guard = 0; guard < 4; guard++) {
    let lineStart = end;
    while (lineStart > b.contentStart && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
    if (lineStart <= b.contentStart || !XML_TAG_LINE.test(text.slice(lineStart, end))) break;
    end = lineStart;
  }
  // Trailing `|` runs are the gutter of a copy taken from a rendered page, not part of the step.
  while (end > b.contentStart && /[\s|]/.test(text[end - 1])) end--;
  end = Math.max(end, start);
  return { start, end, text: collapseSpaces(text.slice(b.contentStart, end)).trim() };
}

/**
 * A step of this span: one object built whole, its fields in the model's order (start, end, text, state, kind,
 * marker, listRole). Spreading the span into a literal cost a slow generic copy per step.
 */
function withState(s: Spanned, state: FoundStep['state'], kind: FoundStep['kind'], marker: string | null, listRole: StepListRole | null): FoundStep {
  return { start: s.start, end: s.end, text: s.text, state, kind, marker, listRole };
}

interface Spanned { start: number; end: number; text: string }

/** The whole item struck through, an HTML comment after it or not (`~~Tests, docs~~ <!-- dnf: superseded -->`). */
function crossedOut(itemText: string): boolean {
  let t = itemText.trimEnd();
  for (let guard = 0; guard < 4 && t.endsWith('-->'); guard++) {
    const open = t.lastIndexOf('<!--');
    if (open < 0) break;
    t = t.slice(0, open).trimEnd();
  }
  return isStruck(t);
}

/**
 * `**Next: choose from the backlog.** Candidates:` — the bold opened before the label closes inside the step: its
 * text drops that one `**` (or `__`), so the message does not show half of it.
 */
function withoutLabelsClose(label: string, words: string): string {
  const open = /^[\s>]*(?:\S+\s*)?(\*\*|__)/.exec(label)?.[1];
  if (!open || label.includes(open, label.indexOf(open) + 2)) return words;
  const close = words.indexOf(open);
  return close < 0 ? words : collapseSpaces(words.slice(0, close) + words.slice(close + 2)).trim();
}

function span(text: string, start: number, end: number): Spanned {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end, text: collapseSpaces(text.slice(start, end)).trim() };
}

function markerStart(text: string, b: Block): number {
  let at = b.start;
  while (at < b.contentStart && (text[at] === ' ' || text[at] === '\t')) at++;
  return at;
}

function skipQuote(text: string, start: number, end: number): number {
  while (start < end && /[\s>]/.test(text[start])) start++;
  return start;
}

/** Whether the line holding `offset` starts with blanks (bounded: a block starts near its line's start). */
function indented(text: string, offset: number): boolean {
  let at = offset;
  const stop = Math.max(0, offset - 200);
  while (at > stop && text[at - 1] !== '\n' && text[at - 1] !== '\r') at--;
  return text[at] === ' ' || text[at] === '\t';
}
