/**
 * A SHA alone on its line under a label line that names it (`Commit:`, `**Last commit**`, `### HEAD`): the label
 * is the SHA's sentence, one line up. Both lines are read from the text, not from blocks, because the label is
 * often a heading or a bold paragraph of its own.
 */
import { lineOf } from '../parse/lines';

/** Before the token on its line: indentation, a quote marker, a list marker, emphasis or a backtick, nothing else. */
const ALONE_BEFORE = /^[ \t>]*(?:[-*+][ \t]+)?[\x60*_]*$/;
/** After it: closing emphasis or a backtick, then the end of the line. */
const ALONE_AFTER = /^[\x60*_]*[ \t]*\r?$/;
/**
 * A label line: a heading, bold text or text ending in `:`, made of up to two words and then a word naming a
 * commit (`Commit:`, `**Last commit**`, `### Merge commit`, `HEAD (full SHA):`).
 */
const LABEL = /^[ \t>]*(?:#{1,6}[ \t]+|[-*+][ \t]+)?(?<open>[*_]{0,2})[ \t]*(?:[A-Za-z][\w-]*[ \t]+){0,2}(?:commit(?:[ \t]+sha1?)?|sha1?|HEAD|tip|hash|revision)(?:[ \t]*\([^)\n]{0,30}\))?[ \t]*:?[ \t]*(?<close>[*_]{0,2})[ \t]*:?[ \t]*\r?$/i;
const MAX_LINE = 200;

/** The token at [start, end) is alone on its line, and the line above (or the one above a blank line) is a label. */
export function labelledAbove(text: string, lineStarts: readonly number[], start: number, end: number): boolean {
  const line = lineOf(lineStarts, start);
  const ls = lineStarts[line];
  const le = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
  if (start - ls > 40 || le - end > 40) return false;
  if (!ALONE_BEFORE.test(text.slice(ls, start)) || !ALONE_AFTER.test(text.slice(end, le).replace(/\n$/, ''))) return false;
  for (let up = line - 1; up >= 0 && up >= line - 2; up--) {
    const s = lineStarts[up];
    const e = lineStarts[up + 1];
    if (e - s > MAX_LINE) return false;
    const above = text.slice(s, e).replace(/\r?\n$/, '');
    if (above.trim() === '') continue;
    const m = LABEL.exec(above);
    if (!m?.groups) return false;
    const heading = /^[ \t>]*#/.test(above);
    const bold = m.groups.open.length > 0 && m.groups.open === m.groups.close;
    return heading || bold || above.trimEnd().endsWith(':');
  }
  return false;
}
