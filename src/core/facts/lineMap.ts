/**
 * Maps a line (or a range of lines) of a file's old version to its new version through the hunks of a diff
 * between them: `src/app.ts:113` written at a handoff's anchor is line 131 after 18 lines were inserted above it.
 * Pure and total: any hunks, any line, never throws. Lines are 1-based, as breadcrumbs and git write them; hunks
 * follow git's convention (a count of 0 places the insertion or deletion after its start line).
 */
import type { Hunk } from '../git/provider';

/**
 * `same`: unchanged, same number; `moved`: unchanged, another number; `changed`: edited (for a range: some line
 * edited or deleted, or lines inserted inside it); `deleted`: every line removed.
 */
export type MapStatus = 'same' | 'moved' | 'changed' | 'deleted';

export interface MappedLines {
  /** The line now: the same line moved, the nearest line of an edit, or where deleted lines were. */
  line: number;
  /** The last line of a range now (null for a single line, or a range deleted whole). */
  endLine: number | null;
  status: MapStatus;
}

interface One {
  line: number;
  touched: 'no' | 'changed' | 'deleted';
}

const valid = (h: Hunk) => [h.oldStart, h.oldCount, h.newStart, h.newCount].every((n) => Number.isInteger(n) && n >= 0);

/** Hunks in order of their old lines (git prints them so; sorted again for any other source). */
function ordered(hunks: readonly Hunk[]): Hunk[] {
  return hunks.filter(valid).sort((a, b) => a.oldStart - b.oldStart || a.oldCount - b.oldCount);
}

/** Where old line `l` is now. */
function mapOne(hunks: readonly Hunk[], l: number): One {
  let offset = 0;
  for (const h of hunks) {
    if (h.oldCount === 0) {
      // Inserted after old line `oldStart`: the lines after it shift down.
      if (h.oldStart < l) {
        offset += h.newCount;
        continue;
      }
      break;
    }
    const oldEnd = h.oldStart + h.oldCount - 1;
    if (oldEnd < l) {
      offset += h.newCount - h.oldCount;
      continue;
    }
    if (h.oldStart > l) break;
    // Inside this hunk: removed whole, or replaced (the nearest line of the replacement, by position).
    if (h.newCount === 0) return { line: h.newStart + 1, touched: 'deleted' };
    return { line: h.newStart + Math.min(l - h.oldStart, h.newCount - 1), touched: 'changed' };
  }
  return { line: l + offset, touched: 'no' };
}

/** Where `line` (through `endLine`, for a range) of the old version is in the new one. */
export function mapLines(hunks: readonly Hunk[], line: number, endLine: number | null = null): MappedLines {
  if (!Number.isInteger(line) || line < 1) return { line, endLine, status: 'same' };
  const sorted = ordered(hunks);
  const end = endLine !== null && Number.isInteger(endLine) && endLine > line ? endLine : line;
  const first = mapOne(sorted, line);
  if (end === line) {
    const status: MapStatus = first.touched !== 'no' ? first.touched : first.line === line ? 'same' : 'moved';
    return { line: first.line, endLine: null, status };
  }
  // A range: how many of its lines were deleted, whether any was edited or had lines inserted inside it.
  let deleted = 0;
  let changed = false;
  for (const h of sorted) {
    if (h.oldCount === 0) {
      if (h.oldStart >= line && h.oldStart < end) changed = true;
      continue;
    }
    const lo = Math.max(line, h.oldStart);
    const hi = Math.min(end, h.oldStart + h.oldCount - 1);
    if (lo > hi) continue;
    if (h.newCount === 0) deleted += hi - lo + 1;
    else changed = true;
  }
  if (deleted === end - line + 1) return { line: first.line, endLine: null, status: 'deleted' };
  const last = mapOne(sorted, end);
  // A deleted last line maps to the line after the deletion: the range now ends on the line before it.
  const lastNow = Math.max(first.line, last.touched === 'deleted' ? last.line - 1 : last.line);
  if (deleted > 0 || changed || first.touched !== 'no' || last.touched !== 'no') {
    return { line: first.line, endLine: lastNow > first.line ? lastNow : null, status: 'changed' };
  }
  return { line: first.line, endLine: lastNow, status: first.line === line ? 'same' : 'moved' };
}
