/**
 * Parsed text → the handoff model: runs the extractors, turns their offsets into ranges, and gives every
 * item the label of the innermost phase containing it. Never throws: an extractor that fails on some input
 * loses its own items and reports why, and the rest of the model stands. Each kind of item is capped per
 * document (itemCaps.ts): past MAX_ITEMS the rest is left out, and a problem line says so.
 */
import type { HandoffModel, Range } from './model';
import type { ParsedText } from './parse/blocks';
import { lineOf, rangeOf } from './parse/lines';
import { cappedNotice, extractCapped, MAX_ITEMS, prefixOf } from './itemCaps';
import { extractPhases, phaseLabelAt, type PhaseHeading } from './extract/phases';
import { extractFacts } from './extract/facts';
import { extractHistory } from './extract/history';
import type { ExtractContext, Located } from './extract/types';
import { DEFAULT_EXTRACTORS, type Extractors } from './extractors';

export interface BuildResult {
  model: HandoffModel;
  /** One message per extractor that failed; its items are missing from the model. */
  problems: string[];
}

export function buildModel(parsed: ParsedText, context: ExtractContext, extractors: Extractors = DEFAULT_EXTRACTORS): BuildResult {
  const problems: string[] = [];
  const guard = <T>(name: string, run: () => T, fallback: T): T => {
    try {
      return run();
    } catch (error) {
      problems.push(`${name} extraction failed: ${error instanceof Error ? error.message : String(error)}`);
      return fallback;
    }
  };
  const capped = <T extends Located>(kind: string, extract: (p: ParsedText) => T[]): T[] => {
    const { items, cutAt } = extractCapped(parsed, extract);
    if (cutAt !== null) problems.push(cappedNotice(kind, MAX_ITEMS, lineOf(parsed.lineStarts, cutAt)));
    return items;
  };
  // Phases are headings: past MAX_ITEMS of them, the outline (and the history read from it) stops at the next one.
  const outline = headingsCapped(parsed, problems);
  const { roots, headings } = guard('phase', () => extractPhases(outline), { roots: [], headings: [] as PhaseHeading[] });
  const facts = guard('document facts', () => extractFacts(parsed, context), { title: null, date: null, frontMatter: {} });
  /**
   * Items in document order with their range and phase instead of offsets, and null for each optional field left
   * out (`nullable`), in one copy per item: where a field is, it keeps its place; one left out comes last.
   */
  const place = <T extends Located, K extends string = never>(items: T[], nullable: readonly K[] = []) =>
    items
      .sort((a, b) => a.start - b.start || a.end - b.end)
      .map((item) => {
        const out: Record<string, unknown> = {};
        for (const key in item) if (key !== 'start' && key !== 'end') out[key] = item[key];
        out.range = rangeOf(parsed.lineStarts, item.start, item.end) as Range;
        out.phase = phaseLabelAt(headings, item.start);
        for (const key of nullable) out[key] ??= null;
        return out as Omit<T, 'start' | 'end' | K> & { [P in K]-?: Exclude<T[P & keyof T], undefined> | null } & { range: Range; phase: string | null };
      });

  const commits = place(guard('commit', () => capped('commits', (p) => extractors.commits(p, context)), []), ['pushClaim', 'elsewhere', 'subject'] as const);
  const files = place(guard('file', () => capped('file breadcrumbs', (p) => extractors.files(p, context)), []), ['qualifier', 'folderHint'] as const);
  const steps = place(guard('step', () => capped('steps', (p) => extractors.steps(p, context)), []), ['listRole'] as const);
  const refs = place(guard('ref', () => capped('branch and tag claims', (p) => extractors.refs(p, context)), [])).map(({ sha, ...ref }) =>
    sha ? { ...ref, shaRange: rangeOf(parsed.lineStarts, sha.start, sha.end) } : ref,
  );
  const history = guard('history', () => extractHistory(outline, context), []).map(({ start, end }) => rangeOf(parsed.lineStarts, start, end) as Range);
  return { model: { ...facts, phases: roots, commits, refs, files, steps, history }, problems };
}

/** The document up to its (MAX_ITEMS + 1)-th heading, with a problem line, or the whole when it has fewer. */
function headingsCapped(parsed: ParsedText, problems: string[]): ParsedText {
  let seen = 0;
  for (const b of parsed.blocks) {
    if (b.kind !== 'heading' || ++seen <= MAX_ITEMS) continue;
    problems.push(cappedNotice('headings', MAX_ITEMS, lineOf(parsed.lineStarts, b.start)));
    return prefixOf(parsed, b.start);
  }
  return parsed;
}
