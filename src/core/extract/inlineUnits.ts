/**
 * Units named outside Markdown headings. Readers name phases in the text, and so do the tools that write
 * handoffs, without making them headings:
 * - a list item that starts with a unit: `- **Phase 2**: migration rolled back`, `- [x] Phase 1: Foundation
 *   (4/4 plans) — completed 2026-02-21` (GSD's roadmap), `1. Wave 3 — cleanup`, `- ✅ **v1.0 MVP** — Phases 1-4`;
 *   a GSD plan item (`- [ ] 03-02-PLAN.md — …`) is a `plan`;
 * - a line of a paragraph that starts with a bold unit: `**Wave 2** *(blocked on Wave 1 completion)*`,
 *   `🚀 **Sprint 3:** Communication layer` (a bold unit alone on its line is already a heading: the parser
 *   promotes it);
 * - GSD's "Current Position" lines: `Phase: 12 of 14 (Payments)`, `Plan: 3 of 5`, `Status: In progress`;
 * - a `<details>` block whose `<summary>` names a unit or a milestone (`v1.0 MVP (Phases 1-4) — SHIPPED`);
 * - GSD plan tasks, `<name>Task 1: …</name>`, and XML-ish sections (`<remaining_work>` … `</remaining_work>`);
 * - a table row that names a unit in its first cell (`| **Sprint 4** | Workers | ⏳ Planned |`), or in a
 *   table whose first column is headed by the unit (`| Task | What | Status |` / `| 7 | Configure tab | ⬜ |`);
 * - Kiro's numbered tasks, `- [ ] 2. Record changes` with `- [ ] 2.1 …` under it, in a checklist that numbers its
 *   sub-tasks (`2.1`): its outline.
 *
 * Each becomes an entry one level below the heading it sits under (a list item two, plus its nesting), so that
 * the phase tree nests it there. A checked list item's checkbox is its status. Only the units a checklist
 * groups work by (phase, milestone, wave, sprint…) are read from checklist items: a `- [ ] Step 3: …` box is a
 * step, not a heading.
 */
import type { PhaseKind, PhaseStatus } from '../model';
import type { ParsedText } from '../parse/blocks';
import { firstLineEnd } from '../parse/lines';
import { linesIn } from '../parse/tables';
import { unitAt, unitLabel, UNIT_WORDS, type UnitLabel } from './unitLabels';
import { markupFree } from './phaseText';
import { statusIn, statusWordIn } from './phaseStatus';
import { findXmlSections, tagTitle, type XmlSection } from './xmlSections';
import { promotedFromBold } from './historyOutline';
import { titleWords } from './titleText';

export interface PhaseEntry {
  kind: PhaseKind;
  label: string;
  /** What follows the label, as written. */
  title: string;
  /** A status the source states besides its words (a checkbox, a GSD `Status:` line), else null. */
  status: PhaseStatus | null;
  /** Where its section starts (the item, the line), for placing items in it. */
  start: number;
  /** The text that names it. */
  rangeStart: number;
  rangeEnd: number;
  /** Where its section ends when the source says (a list item, a closed tag), else null: before the next unit of its level. */
  end: number | null;
  level: number;
  /** Index of the block it was read from, to title a unit that has no text of its own. */
  block: number;
  /** True for a paragraph line with more lines after it in the same paragraph. */
  linesAfter: boolean;
  /** The name to show when the words cannot say it (`Remaining work` for `<remaining_work>`). */
  name?: string;
}

const CHECKBOX_STATUS: Readonly<Record<string, PhaseStatus>> = {
  x: 'done', X: 'done', '-': 'superseded', '!': 'blocked', '>': 'in-progress', '~': 'in-progress', '/': 'in-progress',
};
/** The units a checklist groups its work by; other units in a checkbox (`- [ ] Step 3`) are steps. */
const GROUPING_UNITS: ReadonlySet<PhaseKind> = new Set<PhaseKind>(['phase', 'milestone', 'wave', 'sprint', 'iteration', 'stage', 'epic', 'plan']);
const BOLD_START = /^[\s>]*(?:[\p{Extended_Pictographic}\uFE0F]\s*)*(?:\*\*|__)/u;
/** After a unit's label: nothing, or a separator — not prose (`**Phase 2** was rolled back because …`). */
const AFTER_LABEL = /^(?:$|[:—–(|]|-(?:\s|$))/;
const AFTER_LABEL_NOISE = /^[\s*_~\p{Extended_Pictographic}\uFE0F]+/u;
/** A task numbered in a checklist: `2.`, `2.1`. */
const NUMBERED_TASK = /^(\d{1,3}(?:\.\d{1,3})*)\.?\s+(\S.*)$/;
const DOTTED_TASK = /^\d{1,3}\.\d{1,3}\.?\s+\S/;
const PLAN_ITEM = /^[`*_\s]*(\d{2,3}(?:\.\d+)?-\d{2,3})(-PLAN\.md\b|(?=[`*_]*:))[`*_]*[\s:—–-]*(.*)$/;
const POSITION_LINE = /^[\s>*_-]*(phase|plan|status|stopped\s+at|last\s+activity|progress|resume\s+file)[\s*_]*:[\s*_]*(.*?)\s*$/i;
const POSITION_ID = /^(\d+(?:\.\d+)*[A-Za-z]?|\d{2,3}-\d{2,3})(?![\w.-])\s*(.*)$/;
const NAME_TAG = /<name>\s*([^<\n]{1,300}?)\s*<\/name>/;
const SUMMARY_TAG = /<summary>\s*([^<\n]{1,300}?)\s*<\/summary>/i;
/** A table's first header naming the unit its rows list: `Task`, `Phases`. */
const UNIT_COLUMN = new RegExp(String.raw`^(${UNIT_WORDS})s?$`, 'i');
/** A first cell that is only an id (`7`, `**7**`, `A`, `2.1`), perhaps with the unit's name after it (`1. Account model`). */
const ID_CELL = /^#?((?:[A-Z]{1,3})?\d{1,4}(?:\.\d{1,3})*[a-zA-Z]?|[A-Z])\.?(?:\s+(.*))?$/;
/** What an HTML block needs to name a unit: a tag (`<name>`, `<summary>`, `<details>`). A paragraph needs bold or a tag. */
const MAY_NAME_UNIT = /<(?:name|summary|details|\/details)\b/i;
const MAX_SCANNED = 20_000;
const MAX_LIST_DEPTH = 10;
const MAX_XML_DEPTH = 10;

export function inlineUnits(parsed: ParsedText): PhaseEntry[] {
  const { text, blocks } = parsed;
  const out: PhaseEntry[] = [];
  const xml = findXmlSections(parsed);
  const openXml: XmlSection[] = [];
  let nextXml = 0;
  /** How many XML sections enclose `offset`, emitting those that open before it. */
  const xmlDepthAt = (offset: number, base: number, block: number): number => {
    for (;;) {
      while (openXml.length && openXml[openXml.length - 1].end <= offset) openXml.pop();
      if (nextXml >= xml.length || xml[nextXml].start > offset) break;
      const s = xml[nextXml++];
      while (openXml.length && openXml[openXml.length - 1].end <= s.start) openXml.pop();
      out.push({
        kind: 'section', label: s.name, title: s.name, status: null, start: s.start, rangeStart: s.nameStart, rangeEnd: s.nameEnd,
        end: s.end, level: base + 1 + Math.min(openXml.length, MAX_XML_DEPTH), block, linesAfter: false, name: tagTitle(s.name),
      });
      openXml.push(s);
    }
    return Math.min(openXml.length, MAX_XML_DEPTH);
  };

  // Kiro numbers its sub-tasks (`2.1`); a checklist that does is an outline of numbered tasks.
  const numberedTasks = blocks.some((b) => b.kind === 'listItem' && b.checkbox && DOTTED_TASK.test(text.slice(b.contentStart, Math.min(b.contentEnd, b.contentStart + 20))));
  let base = 0; // depth of the heading the blocks sit under (a heading promoted from a bold line does not count)
  let inPosition = false; // under GSD's "Current Position"
  let position: PhaseEntry | null = null;
  const details: Array<PhaseEntry | null> = [];

  blocks.forEach((b, i) => {
    if (b.kind === 'heading') {
      xmlDepthAt(b.start, base, i);
      if (!promotedFromBold(text, b)) base = b.depth;
      const title = text.slice(b.contentStart, b.contentEnd);
      inPosition = /position/i.test(title) && titleWords(title) === 'current position';
      position = null;
      return;
    }
    if (b.kind === 'listItem') {
      const depth = xmlDepthAt(b.start, base, i);
      const lineEnd = firstLineEnd(text, b.contentStart, b.contentEnd);
      if (inPosition && positionLine(b.contentStart, lineEnd, base + 1 + depth, i, b.end)) return;
      position = null;
      const item = listUnit(text.slice(b.contentStart, lineEnd), b.checkbox?.state, numberedTasks);
      if (!item) return;
      out.push({
        ...item, start: b.start, rangeStart: b.contentStart, rangeEnd: trimRight(text, b.contentStart, lineEnd), end: b.end,
        level: base + 2 + Math.min(b.depth, MAX_LIST_DEPTH) + depth, block: i, linesAfter: false,
      });
      return;
    }
    if (b.kind === 'tableRow') {
      position = null;
      // A header row names units too when the table starts with one (`| **Sprint 4** | Workers | ⏳ |` over `|---|`).
      const row = tableUnit(b.cells ?? [], b.isHeaderRow ? [] : b.header ?? []);
      if (row) out.push({ ...row, start: b.start, end: b.end, level: base + 2 + xmlDepthAt(b.start, base, i), block: i, linesAfter: false });
      return;
    }
    if (b.kind !== 'paragraph' && b.kind !== 'html') { position = null; return; }
    // Most paragraphs name no unit: read their lines only when one could (bold, a tag, a position section).
    const from = b.kind === 'html' ? b.start : b.contentStart;
    const to = b.kind === 'html' ? b.end : b.contentEnd;
    const mayName = b.kind === 'html' ? MAY_NAME_UNIT.test(text.slice(from, Math.min(to, from + MAX_SCANNED))) : b.inlines.some((n) => n.kind === 'strong' || n.kind === 'html');
    if (!inPosition && !mayName) {
      position = null;
      xmlDepthAt(to, base, i);
      return;
    }
    const lines = linesIn(text, from, to);
    lines.forEach((line, k) => {
      const depth = xmlDepthAt(line.start, base, i);
      const level = base + 1 + depth;
      const s = text.slice(line.start, line.end);
      if (b.kind === 'html') htmlLine(s, line.start, level, i);
      else if (inPosition && positionLine(line.start, line.end, level, i, line.end)) return;
      position = null;
      const named = NAME_TAG.exec(s);
      const u = named ? unitAt(named[1]) : b.kind === 'paragraph' && BOLD_START.test(s) ? unitAt(s) : null;
      if (!u || u.labelEnd === 0 || (!named && !saysUnitOnly(u, s))) return;
      const rangeStart = named ? line.start + named.index + named[0].indexOf(named[1]) : skipQuote(text, line.start, line.end);
      out.push({
        kind: u.kind, label: u.label, title: u.title, status: null, start: line.start, rangeStart,
        rangeEnd: named ? rangeStart + named[1].length : trimRight(text, line.start, line.end), end: null, level, block: i,
        linesAfter: k < lines.length - 1,
      });
    });
  });
  return out;

  /** A GSD position line (`Phase: 12 of 14 (Payments)`, `Plan: 3 of 5`, `Status: …`); false when it is none. */
  function positionLine(start: number, end: number, level: number, block: number, sectionEnd: number): boolean {
    const m = POSITION_LINE.exec(text.slice(start, end));
    if (!m) return false;
    const key = m[1].toLowerCase();
    const value = markupFree(m[2]);
    const keyStart = start + m[0].toLowerCase().indexOf(key);
    if (key === 'phase') {
      const id = POSITION_ID.exec(value);
      if (!id) { position = null; return false; }
      const named = /\(([^()]{1,120})\)/.exec(id[2]);
      const title = named ? named[1].trim() : id[2].replace(/^of\s+\d+\s*/i, '').replace(/^[\s:—–-]+/, '').trim();
      position = {
        kind: 'phase', label: unitLabel('phase', id[1]), title, status: null, start, rangeStart: keyStart,
        rangeEnd: trimRight(text, start, end), end: sectionEnd, level, block, linesAfter: false,
      };
      out.push(position);
      return true;
    }
    const phase = position as PhaseEntry | null;
    if (!phase) return false;
    phase.end = Math.max(phase.end ?? 0, sectionEnd);
    if (key === 'plan') {
      const id = POSITION_ID.exec(value);
      if (id) {
        out.push({
          kind: 'plan', label: unitLabel('plan', id[1]), title: value, status: null, start, rangeStart: keyStart,
          rangeEnd: trimRight(text, start, end), end: sectionEnd, level: phase.level + 1, block, linesAfter: false,
        });
      }
    } else if (key === 'status') {
      phase.status = statusWordIn(value);
      if (!phase.title) phase.title = value;
    }
    return true;
  }

  /** `<details>` opens a block whose `<summary>` may name a unit; `</details>` ends it. */
  function htmlLine(s: string, start: number, level: number, block: number): void {
    if (/<details\b/i.test(s)) details.push(null);
    const summary = SUMMARY_TAG.exec(s);
    if (summary && details.length && details[details.length - 1] === null) {
      const u = unitAt(summary[1]);
      if (u && u.labelEnd > 0) {
        const rangeStart = start + summary.index + summary[0].indexOf(summary[1]);
        const entry: PhaseEntry = {
          kind: u.kind, label: u.label, title: u.title, status: null, start, rangeStart, rangeEnd: rangeStart + summary[1].length,
          end: null, level, block, linesAfter: false,
        };
        details[details.length - 1] = entry;
        out.push(entry);
      }
    }
    if (/<\/details>/i.test(s)) {
      const entry = details.pop();
      if (entry) entry.end = start + s.length;
    }
  }

  /** The unit a table row names in its first cell, or as an id under a unit column; its title from its words. */
  function tableUnit(cells: ReadonlyArray<{ start: number; end: number }>, header: readonly string[]) {
    if (cells.length < 2) return null;
    const first = text.slice(cells[0].start, cells[0].end);
    // Cheap refusals first: a row names a unit in its first cell, or as an id under a unit column.
    const named = unitAt(first);
    const u = named && named.labelEnd > 0 && saysUnitOnly(named, first) ? named : null;
    const column = u ? null : UNIT_COLUMN.exec(markupFree(header[0] ?? ''));
    const id = column ? ID_CELL.exec(markupFree(first)) : null;
    if (!u && !id) return null;
    const others = cells.slice(1).map((c) => markupFree(text.slice(c.start, c.end)));
    // A title cell has words and is not only a status (`⏳ Planned`); under an id column it needs two words, so that
    // a metrics table (`| 1 | 3 | 45min |`) names no unit.
    const titleCell = (re: RegExp) => {
      const i = others.findIndex((c) => re.test(c) && !(statusWordIn(c) && c.split(/\s+/).length <= 3));
      return i < 0 ? '' : text.slice(cells[i + 1].start, cells[i + 1].end);
    };
    const status = statusIn(others.join(' | '));
    const range = { rangeStart: cells[0].start, rangeEnd: cells[0].end };
    if (u) {
      const title = u.title.replace(/[*_]+$/, '').trim() || titleCell(/\p{L}{3}/u);
      return title ? { kind: u.kind, label: u.label, title, status, ...range } : null;
    }
    const title = id![2]?.trim() || titleCell(/\p{L}{2,}[^\p{L}]+\p{L}{2,}/u);
    return title ? { kind: column![1].toLowerCase() as PhaseKind, label: unitLabel(column![1], id![1]), title, status, ...range } : null;
  }
}

/** The unit a list item's first line names, or null. */
function listUnit(line: string, checkbox: string | undefined, numberedTasks: boolean): Pick<PhaseEntry, 'kind' | 'label' | 'title' | 'status'> | null {
  const status = checkbox ? CHECKBOX_STATUS[checkbox] ?? null : null;
  const task = numberedTasks && checkbox !== undefined ? NUMBERED_TASK.exec(line) : null;
  if (task) return { kind: 'task', label: unitLabel('task', task[1]), title: task[2].trim(), status };
  const plan = PLAN_ITEM.exec(line);
  if (plan && (plan[2] || checkbox !== undefined) && plan[3].trim()) {
    return { kind: 'plan', label: unitLabel('plan', plan[1]), title: plan[3].trim(), status };
  }
  const u = unitAt(line);
  if (!u || u.labelEnd === 0 || (checkbox !== undefined && !GROUPING_UNITS.has(u.kind))) return null;
  if (u.kind !== 'milestone' && !saysUnitOnly(u, line)) return null;
  return { kind: u.kind, label: u.label, title: u.title, status };
}

/** The label is followed by a separator or nothing: the line names the unit rather than telling of it. */
function saysUnitOnly(u: UnitLabel, line: string): boolean {
  return AFTER_LABEL.test(line.slice(u.labelEnd).replace(AFTER_LABEL_NOISE, ''));
}

function trimRight(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

function skipQuote(text: string, start: number, end: number): number {
  while (start < end && /[\s>]/.test(text[start])) start++;
  return start;
}
