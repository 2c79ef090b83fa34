/**
 * `s.replace(/\s+/g, ' ')`, without the copy when there is nothing to change: most labels and lines hold single
 * spaces only, and the replacement rebuilt each of them, match by match (~5× the cost of this test).
 */
export function collapseSpaces(s: string): string {
  return NEEDS_COLLAPSE.test(s) ? s.replace(SPACES, ' ') : s;
}

/** Whitespace that is not a plain space, or two spaces in a row: only then does `\s+` → ` ` change anything. */
const NEEDS_COLLAPSE = /[^\S ]| {2}/;
const SPACES = /\s+/g;
