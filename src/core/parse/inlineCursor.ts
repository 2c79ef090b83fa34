import type { Inline } from './blocks';

/**
 * Hands out the inlines of consecutive spans (table rows, lines, split paragraphs) in document order. Filtering
 * the whole inline list once per span is quadratic on a 30,000-row table; a cursor is linear overall.
 * Requires `inlines` ordered by start, as the parser emits them (a parent before its children).
 */
export class InlineCursor {
  private next = 0;

  constructor(private readonly inlines: readonly Inline[]) {}

  /** The inlines lying wholly inside [start, end); spans must be asked for in increasing order. */
  take(start: number, end: number): Inline[] {
    const all = this.inlines;
    while (this.next < all.length && all[this.next].start < start) this.next++;
    const out: Inline[] = [];
    let i = this.next;
    for (; i < all.length && all[i].start < end; i++) if (all[i].end <= end) out.push(all[i]);
    this.next = i;
    return out;
  }
}
