/** The status bar's wording, pure so it is unit-tested. */
import type { Counts } from '../counts';

/**
 * "Handoff: 2 unpushed · 1 stale · 3 open steps" — only the parts that are not zero; "all clear" when none is.
 * The counts are the tree's and the phase lenses' (../counts.ts), so all three agree with Problems.
 */
export function statusText(c: Pick<Counts, 'open' | 'unpushed' | 'stale'>): string {
  const parts: string[] = [];
  if (c.unpushed) parts.push(`${c.unpushed} unpushed`);
  if (c.stale) parts.push(`${c.stale} stale`);
  if (c.open) parts.push(`${c.open} open step${c.open === 1 ? '' : 's'}`);
  return `Handoff: ${parts.length ? parts.join(' · ') : 'all clear'}`;
}
