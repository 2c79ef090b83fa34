/**
 * The subject a handoff writes beside a commit, as `git log --oneline` prints it: `f7385cb docs: add the audit`
 * (in a code span or not), `` `f7385cb` — docs: add the audit ``, `| f7385cb | docs: add the audit |`. Read from the
 * text as written (punctuation kept: subjects hold em dashes). Only a candidate: it counts where exactly one commit
 * on a branch has it (facts/commits.ts), so a file name or a date in the next cell costs nothing.
 */

/** Shorter than this, or without a space, it is a word or a name, not a subject. Longer: no subject (git's are short). */
const MIN_SUBJECT = 10;
const MAX_SUBJECT = 200;
/** What may stand between the SHA and its subject: closing backticks, emphasis, a dash, a colon, a cell border. */
const BETWEEN = /^[`*_]*[ \t]*(?:[—–:|·-][ \t]*)?/;

/** A table column that holds a commit's subject, by its header (`| SHA | Subject |`, `| Commit | Message |`). */
const SUBJECT_HEADER = /^\W*(?:commit\s+)?(?:subject|message|title|description|summary|change|what)\W*$/i;

/**
 * In a table row, the subject column's cell when the table has one (`| 1 | chore: bump ruff | \`7938c98e\` |` under
 * `| # | Subject | Commit |`), else the cell after the SHA's: the start and end of the text to read, or null.
 */
export function subjectCell(cells: ReadonlyArray<{ start: number; end: number }>, header: readonly string[] | undefined, shaStart: number): { start: number; end: number } | null {
  const own = cells.findIndex((c) => c.start <= shaStart && shaStart < c.end);
  if (own < 0) return null;
  const named = header ? header.findIndex((h, i) => i !== own && SUBJECT_HEADER.test(h)) : -1;
  return cells[named >= 0 ? named : own + 1] ?? null;
}

/** The subject a table cell holds (the whole cell, quotes and emphasis aside), or null. */
export function subjectInCell(text: string, start: number, end: number): string | null {
  return subjectOf(text.slice(start, end));
}

/** The subject written after the SHA at [start, end), up to `ceil` (the line's or the table row's end), or null. */
export function writtenSubject(text: string, start: number, end: number, ceil: number): string | null {
  const stop = Math.min(ceil, end + MAX_SUBJECT + 8);
  // Inside a code span with the subject (`` `f7385cb docs: add x` ``): the subject ends where the span does.
  const inSpan = text.charCodeAt(start - 1) === 96 /* ` */ && text.charCodeAt(end) !== 96;
  let rest = text.slice(end, stop);
  if (inSpan) {
    const close = rest.indexOf('`');
    rest = close < 0 ? rest : rest.slice(0, close);
  } else {
    rest = rest.replace(BETWEEN, '');
    const cell = rest.indexOf('|');
    if (cell >= 0) rest = rest.slice(0, cell);
  }
  return subjectOf(rest);
}

function subjectOf(written: string): string | null {
  let subject = written.replace(/\r$/, '').replace(/^[ \t*_]+|[ \t*_]+$/g, '');
  // A subject quoted whole: `` `docs: add x` ``, "docs: add x".
  const quoted = /^(["`'“])([^"`'”]+)["`'”]$/.exec(subject);
  if (quoted) subject = quoted[2]!;
  if (subject.length < MIN_SUBJECT || subject.length > MAX_SUBJECT || !subject.includes(' ') || !/\p{L}/u.test(subject)) return null;
  return subject;
}
