import type { Position, Range } from './model';

/** Whether the start of `r` lies inside one of `parts` (the document's history ranges, for instance). */
export function inside(r: Range, parts: readonly Range[]): boolean {
  return parts.some((p) => !before(r.start, p.start) && before(r.start, p.end));
}

/** Whether `r` and one of `parts` are written at the same place: either starts inside the other (a SHA's token, however each range bounds it). */
export function atSamePlace(r: Range, parts: readonly Range[]): boolean {
  return inside(r, parts) || parts.some((p) => inside(p, [r]));
}

/**
 * `inside` and `atSamePlace` asked of the same parts for many ranges: the parts sorted once, each question a binary
 * search. Asked one by one, a log of thousands of dated entries citing thousands of commits compared every commit
 * with every entry, on each analysis (millions of comparisons within the items' caps). Any parts: unsorted,
 * overlapping or empty ones give the same answers as the functions above.
 */
export class RangeLookup {
  /** The parts' starts, sorted. */
  private readonly starts: Position[];
  /** For each i, the latest end among the parts whose start is `starts[0..i]`. */
  private readonly latestEnd: Position[];

  constructor(parts: readonly Range[]) {
    const sorted = [...parts].sort((a, b) => compare(a.start, b.start));
    this.starts = sorted.map((p) => p.start);
    this.latestEnd = [];
    let latest: Position | null = null;
    for (const p of sorted) this.latestEnd.push((latest = latest === null || before(latest, p.end) ? p.end : latest));
  }

  /** `inside(r, parts)`: some part starting at or before r's start ends after it. */
  holdsStartOf(r: Range): boolean {
    const i = this.lastStartAtOrBefore(r.start);
    return i >= 0 && before(r.start, this.latestEnd[i]!);
  }

  /** `atSamePlace(r, parts)`: r's start lies inside a part, or a part's start lies inside r. */
  atSamePlace(r: Range): boolean {
    if (this.holdsStartOf(r)) return true;
    // The first part starting at or after r's start; any part starting inside r starts no earlier than it.
    const next = this.starts[this.lastStartBefore(r.start) + 1];
    return next !== undefined && before(next, r.end);
  }

  /** Index of the last start ≤ `at`, or -1. */
  private lastStartAtOrBefore(at: Position): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (before(at, this.starts[mid]!)) hi = mid - 1;
      else lo = mid + 1;
    }
    return hi;
  }

  /** Index of the last start < `at`, or -1. */
  private lastStartBefore(at: Position): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (before(this.starts[mid]!, at)) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi;
  }
}

/** Whether position `a` comes before `b` in the text. */
export function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
