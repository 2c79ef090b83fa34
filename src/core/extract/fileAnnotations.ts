/**
 * Gives each found breadcrumb what its context says of it: a qualifier (`fileQualifiers`). One forward walk over
 * the blocks alongside the breadcrumbs (both are in document order), so the cost stays linear.
 */
import type { ParsedText } from '../parse/blocks';
import type { FoundFile } from './types';
import { clauseAround } from './fileClause';
import { qualifierOf } from './fileQualifiers';

export function annotateFiles(parsed: ParsedText, files: FoundFile[]): void {
  const { text, blocks } = parsed;
  let bi = 0;
  for (const f of files) {
    while (bi + 1 < blocks.length && blocks[bi + 1].contentStart <= f.start) bi++;
    const b = blocks[bi];
    if (!b || f.start < b.contentStart || f.start > b.contentEnd) continue;
    try {
      const clause = clauseAround(text, b, f.start, f.end);
      const qualifier = qualifierOf(text, b, clause, f.start, f.end, f.path);
      if (qualifier) f.qualifier = qualifier;
    } catch {
      // a bug here must not cost the breadcrumb: it stays, without what its context says
    }
  }
}
