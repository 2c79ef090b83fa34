import type { Range } from './model';

/** Whether the start of `r` lies inside one of `parts` (the document's history ranges, for instance). */
export function inside(r: Range, parts: readonly Range[]): boolean {
  return parts.some((p) =>
    (r.start.line > p.start.line || (r.start.line === p.start.line && r.start.character >= p.start.character))
    && (r.start.line < p.end.line || (r.start.line === p.end.line && r.start.character < p.end.character)));
}

/** Whether `r` and one of `parts` are written at the same place: either starts inside the other (a SHA's token, however each range bounds it). */
export function atSamePlace(r: Range, parts: readonly Range[]): boolean {
  return inside(r, parts) || parts.some((p) => inside(p, [r]));
}
