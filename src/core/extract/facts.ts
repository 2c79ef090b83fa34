/**
 * Document facts: title, date and front-matter fields. The date is what orders handoffs newest first, so it
 * is taken from the most deliberate source: front matter, then the file name
 * (`SESSION-HANDOFF-2026-05-19-…`), then a "Last updated: …" / "Date: …" line, then the title.
 */
import type { DocumentFacts } from '../model';
import type { ParsedText } from '../parse/blocks';
import type { ExtractContext } from './types';
import { collapseSpaces } from './spaces';

/** A date, also at the start of a timestamp (`2026-05-09T16:40:12Z`). */
const ISO_DATE = /\b(20\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)/;
const DATED_LINE = /^[\s>*_-]*(?:last[\s-]+updated|updated|date|as\s+of|written|created)\b[\s*_:]*(.*)$/im;
const DATE_KEYS = ['date', 'last_updated', 'updated', 'lastUpdated', 'last-updated', 'created', 'completed'];

export function extractFacts(parsed: ParsedText, context: ExtractContext): DocumentFacts {
  const { text, blocks } = parsed;
  const frontMatter: Record<string, string> = {};
  const fm = blocks.find((b) => b.kind === 'frontMatter');
  if (fm) {
    // One level of nesting is kept as `parent.key` (GSD's `progress:` / `  percent: 20` → `progress.percent`).
    let parent: string | null = null;
    for (const line of text.slice(fm.contentStart, fm.contentEnd).split(/\r\n|\r|\n/)) {
      const m = /^([A-Za-z_][\w.-]*)\s*:\s*(.*?)\s*$/.exec(line);
      if (m) {
        parent = m[2] === '' ? m[1] : null;
        if (m[2] !== '') frontMatter[m[1]] = unquote(m[2]);
        continue;
      }
      const nested = parent ? /^[ \t]{1,8}([A-Za-z_][\w.-]*)\s*:\s*(.+?)\s*$/.exec(line) : null;
      if (nested) frontMatter[`${parent}.${nested[1]}`] = unquote(nested[2]);
      else if (!/^\s/.test(line) || /^\s*-\s/.test(line)) parent = null; // a list, not a map: its entries are not fields
    }
  }
  const firstHeading = blocks.find((b) => b.kind === 'heading' && b.depth === 1 && !b.inferred) ?? blocks.find((b) => b.kind === 'heading');
  const headingTitle = firstHeading ? collapseSpaces(text.slice(firstHeading.contentStart, firstHeading.contentEnd)).trim() : null;
  const title = frontMatter.title ?? (headingTitle || null) ?? fileName(context.path);

  return { title, date: findDate(text, context.path, frontMatter, headingTitle), frontMatter };
}

function findDate(text: string, path: string, frontMatter: Record<string, string>, title: string | null): string | null {
  for (const key of DATE_KEYS) {
    const m = frontMatter[key] && ISO_DATE.exec(frontMatter[key]);
    if (m) return m[0];
  }
  const fromName = ISO_DATE.exec(fileName(path) ?? '');
  if (fromName) return fromName[0];
  const head = text.slice(0, 4_000); // "Last updated" lines sit at the top
  const dated = DATED_LINE.exec(head);
  const fromLine = dated && ISO_DATE.exec(dated[1]);
  if (fromLine) return fromLine[0];
  const fromTitle = title && ISO_DATE.exec(title);
  return fromTitle ? fromTitle[0] : null;
}

function unquote(value: string): string {
  return value.replace(/^(['"])(.*)\1$/, '$2');
}

function fileName(path: string): string | null {
  const name = path.split(/[\\/]/).pop();
  return name ? name : null;
}
