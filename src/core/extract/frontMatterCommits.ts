/**
 * Commits in YAML front matter. A key names its value a commit (`git_commit: abc1234`), a range of commits
 * (`commit_range: a1b2c3d..e4f5a6b`, `range:`, `commits:`), or a list of them (`commits: [a1b2c3d, e4f5a6b]`, or
 * `commits:` followed by `- a1b2c3d` lines). Hex under any other key (`id:`, `checksum:`) is not a commit.
 */
import type { CommitEvidence } from '../model';
import { frontMatterKey } from './commitContext';
import { gluedAfter, rangeAfter, rangeBefore } from './hex';

/** `key:` at the start of a front-matter line (optionally a list item), and where its value starts. */
const KEY_LINE = /^[ \t]*(?:-[ \t]+)?["']?([A-Za-z_][\w-]*)["']?[ \t]*:[ \t]*/;
/** Keys whose value may be a range of commits. */
const RANGE_KEY = /^(?:git_?)?(?:commits?|commit_?range|commits_?range|range|revs?|rev_?range|revisions?|sha_?range|shas?)$/i;
/** Keys whose value may be a list of commits. */
const LIST_KEY = /^(?:git_?)?(?:commits|commit_?shas|shas|revisions|revs)$/i;
/** Only quotes, brackets, commas, spaces and other hex tokens between a list key's value start and the token. */
const LIST_SO_FAR = /^\[[\s"',0-9a-fA-F]*$/;
/** A front-matter list item holding only the token: `  - a1b2c3d`, `- "a1b2c3d"`. */
const ITEM_BEFORE = /^[ \t]+-[ \t]+["']?$|^-[ \t]+["']?$/;
/** How far up a `- sha` item looks for its key. */
const MAX_ITEMS_UP = 200;

/**
 * The evidence a front-matter line gives the token at [start, end) on the line starting at `lineStart` and ending
 * at `lineEnd`; `blockStart` is where the front matter's content starts (list items look no further up).
 */
export function frontMatterEvidence(
  text: string, blockStart: number, lineStart: number, lineEnd: number, start: number, end: number,
): CommitEvidence | null {
  const after = rangeAfter(text, end, lineEnd);
  const before = after ? null : rangeBefore(text, start, lineStart);
  const key = KEY_LINE.exec(text.slice(lineStart, Math.min(lineEnd, lineStart + 80)));
  if (after || before) {
    if (!key || !RANGE_KEY.test(key[1])) return null;
    const first = before ? before.start : start;
    return /^["'[]*$/.test(text.slice(lineStart + key[0].length, first)) ? 'range' : null;
  }
  if (gluedAfter(text, end)) return null;
  if (frontMatterKey(text, lineStart, start)) return 'front-matter';
  if (key) {
    return LIST_KEY.test(key[1]) && LIST_SO_FAR.test(text.slice(lineStart + key[0].length, start)) ? 'front-matter' : null;
  }
  return ITEM_BEFORE.test(text.slice(lineStart, start)) && listKeyAbove(text, blockStart, lineStart) ? 'front-matter' : null;
}

/** The `- item` line at `lineStart` belongs to a list whose key (the nearest line above that is no item) is a list key. */
function listKeyAbove(text: string, blockStart: number, lineStart: number): boolean {
  let e = lineStart - 1;
  for (let n = 0; n < MAX_ITEMS_UP && e > blockStart; n++) {
    let s = e;
    while (s > blockStart && text.charCodeAt(s - 1) !== 10) s--;
    const line = text.slice(s, e).replace(/\r$/, '');
    if (!/^[ \t]*-[ \t]/.test(line)) {
      const m = /^["']?([A-Za-z_][\w-]*)["']?[ \t]*:[ \t]*$/.exec(line);
      return m !== null && LIST_KEY.test(m[1]);
    }
    e = s - 1;
  }
  return false;
}
