/**
 * The name of a new handoff: `YYYY-MM-DD-<slug>.md`, the slug made from whatever the user typed ("Parser work!" →
 * `parser-work`), so the file sorts by date and the series it starts is recognised (core/supersede.ts).
 */

/** Longest slug kept: file names stay readable and well under every file system's limit. */
export const MAX_SLUG = 60;

/** Lower-case letters and digits joined by single hyphens; '' when nothing usable is left. */
export function slugify(input: string): string {
  const words = input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents, after NFKD split them off
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > MAX_SLUG) return slug || w.slice(0, MAX_SLUG);
    slug = next;
  }
  return slug;
}

export type SlugCheck = { ok: true; slug: string } | { ok: false; message: string };

/** What the slug input accepts: anything that leaves a slug. */
export function checkSlug(input: string): SlugCheck {
  const slug = slugify(input);
  if (!slug) return { ok: false, message: 'Type a few words naming the work (letters or digits), e.g. "parser work".' };
  return { ok: true, slug };
}

/** `2026-05-19-parser-work.md`. */
export function handoffFileName(date: string, slug: string): string {
  return `${date}-${slug}.md`;
}

/** `parser-work` → `Parser work`: the title the document gets. */
export function titleOfSlug(slug: string): string {
  const words = slug.split('-').filter(Boolean).join(' ');
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Handoff';
}

/** A date as `YYYY-MM-DD` in the given calendar fields (the host passes its local date: the core reads no clock). */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether `s` is a `YYYY-MM-DD` date. */
export function isIsoDate(s: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(s);
}
