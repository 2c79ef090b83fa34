/** The status bar's wording, pure so it is unit-tested. */

/** "Handoff: 2 unpushed · 3 open steps" — only the parts that are not zero; "all clear" when none is. */
export function statusText(c: { open: number; unpushed: number; unknown: number; missing: number }): string {
  const parts: string[] = [];
  if (c.unpushed) parts.push(`${c.unpushed} unpushed`);
  if (c.unknown) parts.push(`${c.unknown} unknown`);
  if (c.missing) parts.push(`${c.missing} missing`);
  if (c.open) parts.push(`${c.open} open step${c.open === 1 ? '' : 's'}`);
  return `Handoff: ${parts.length ? parts.join(' · ') : 'all clear'}`;
}
