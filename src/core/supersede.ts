/**
 * Which handoff is current. A handoff is superseded when a newer one sits in the same folder — a newer
 * `SESSION-HANDOFF-<date>` beside it, a newer dated plan in a folder of dated plans — or when the text is an
 * older version of its own file (a newer version is committed; facts/anchor says so). A superseded handoff stays
 * in the tree with all its steps; its open steps are not reported as things to do, since the newer one says what
 * is left. Pure: the CLI and the editor hand in the siblings they know.
 */
import { extractFacts } from './extract/facts';
import { dirname, toSlash } from './git/paths';
import { isHandoffPath } from './handoffGlobs';
import { parseDocument } from './parse/parseDocument';

export interface DatedHandoff {
  /** Absolute or workspace-relative path, `/` or `\` separators. */
  path: string;
  /** YYYY-MM-DD (from the name, front matter or a "Last updated" line), or null. */
  date: string | null;
}

const DATED_NAME = /(?:^|[^0-9])(20\d{2}-[01]\d-[0-3]\d)(?:[^0-9]|$)/;
const baseName = (p: string) => toSlash(p).split('/').pop() ?? '';

/** Whether a sibling counts as part of the same series: a handoff by its name, or dated by its name as `self` is. */
export function sameSeries(self: string, sibling: string): boolean {
  if (isHandoffPath(baseName(sibling))) return true;
  return DATED_NAME.test(baseName(self)) && DATED_NAME.test(baseName(sibling));
}

/**
 * The newest of `siblings` in the same folder as `self` when it is strictly newer than `self` (by date; the same
 * date is no evidence either way), else null.
 */
export function newerInFolder(self: DatedHandoff, siblings: readonly DatedHandoff[]): string | null {
  if (!self.date) return null;
  const folder = dirname(toSlash(self.path));
  let newest: DatedHandoff | null = null;
  for (const s of siblings) {
    if (toSlash(s.path) === toSlash(self.path) || dirname(toSlash(s.path)) !== folder || !s.date || !sameSeries(self.path, s.path)) continue;
    if (s.date > self.date && (!newest || s.date > newest.date!)) newest = s;
  }
  return newest?.path ?? null;
}

/** The date a handoff carries (its name, front matter or "Last updated" line), read from the start of its text. */
export function handoffDate(path: string, head: string): string | null {
  try {
    return extractFacts(parseDocument(head), { path }).date;
  } catch {
    return null;
  }
}
