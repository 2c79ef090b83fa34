/**
 * Parsed text → the handoff model: runs the extractors, turns their offsets into ranges, and gives every
 * item the label of the innermost phase containing it. Never throws: an extractor that fails on some input
 * loses its own items and reports why, and the rest of the model stands.
 */
import type { HandoffModel, Range } from './model';
import type { ParsedText } from './parse/blocks';
import { rangeOf } from './parse/lines';
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
  const { roots, headings } = guard('phase', () => extractPhases(parsed), { roots: [], headings: [] as PhaseHeading[] });
  const facts = guard('document facts', () => extractFacts(parsed, context), { title: null, date: null, frontMatter: {} });
  const place = <T extends Located>(items: T[]) =>
    items
      .sort((a, b) => a.start - b.start || a.end - b.end)
      .map(({ start, end, ...rest }) => ({ ...rest, range: rangeOf(parsed.lineStarts, start, end) as Range, phase: phaseLabelAt(headings, start) }));

  const commits = place(guard('commit', () => extractors.commits(parsed, context), [])).map((c) => ({ ...c, pushClaim: c.pushClaim ?? null }));
  const files = place(guard('file', () => extractors.files(parsed, context), []))
    .map((f) => ({ ...f, qualifier: f.qualifier ?? null, folderHint: f.folderHint ?? null }));
  const steps = place(guard('step', () => extractors.steps(parsed, context), [])).map((s) => ({ ...s, listRole: s.listRole ?? null }));
  const refs = place(guard('ref', () => extractors.refs(parsed, context), [])).map(({ sha, ...ref }) =>
    sha ? { ...ref, shaRange: rangeOf(parsed.lineStarts, sha.start, sha.end) } : ref,
  );
  const history = guard('history', () => extractHistory(parsed, context), []).map(({ start, end }) => rangeOf(parsed.lineStarts, start, end) as Range);
  return { model: { ...facts, phases: roots, commits, refs, files, steps, history }, problems };
}
