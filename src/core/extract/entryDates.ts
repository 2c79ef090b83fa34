/**
 * Dates in entry titles, as a number that sorts by time (`20260302`). Append-only logs are ordered by these
 * dates, never by position: some logs put the newest entry first, others last.
 *
 * Read: ISO (`2026-03-02`, `2026/03/02`), month names (`Jan 5, 2026`, `5 January 2026`, `January 5th 2026`),
 * a month alone (`March 2026`, as yyyymm00) and day-first or month-first numeric dates when the order is
 * unambiguous (`31/12/2024`). A date without a year
 * (`10 January`) cannot be ordered against the turn of a year, so it is not a date here.
 */

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
/** A month's name, whole or short (`jan`, `Sept`, `January`), as one capture group; file names read it too (supersede.ts). */
export const MONTH_NAME = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const MONTH = String.raw`${MONTH_NAME}\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`((?:19|20)\d{2})`;

const ISO = new RegExp(String.raw`(?<![\d.])${YEAR}[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])`);
const MONTH_FIRST = new RegExp(String.raw`\b${MONTH}\s+${DAY},?\s+${YEAR}\b`, 'i');
const DAY_FIRST = new RegExp(String.raw`\b${DAY}\s+${MONTH},?\s+${YEAR}\b`, 'i');
/** `March 2026`: a month of a log grouped by month, ordered before the days in it. */
const MONTH_YEAR = new RegExp(String.raw`\b${MONTH},?\s+${YEAR}\b`, 'i');
const NUMERIC = new RegExp(String.raw`(?<![\d./])(\d{1,2})[/.](\d{1,2})[/.]${YEAR}(?![\d])`);

/** The first date in `text`, as yyyymmdd, or null. */
export function dateIn(text: string): number | null {
  return firstDate(text)?.value ?? null;
}

/** Whether `text` opens with a date (after an optional `[` or `(`): the shape of a dated log entry's title. */
export function startsWithDate(text: string): boolean {
  const t = text.replace(/^[[(]\s*/, '');
  // Every date this reads opens with a digit or a month's initial: most titles are refused on their first character.
  return DATE_OPENING.test(t) && firstDate(t.slice(0, 40))?.at === 0;
}

const DATE_OPENING = /^[\dJFMASONDjfmasond]/;

export function firstDate(text: string): { at: number; value: number } | null {
  let best: { at: number; value: number } | null = null;
  const consider = (at: number, value: number | null) => {
    if (value !== null && (!best || at < best.at)) best = { at, value };
  };
  const iso = ISO.exec(text);
  if (iso) consider(iso.index, ymd(+iso[1], +iso[2], +iso[3]));
  const mf = MONTH_FIRST.exec(text);
  if (mf) consider(mf.index, ymd(+mf[3], monthOf(mf[1]), +mf[2]));
  const df = DAY_FIRST.exec(text);
  if (df) consider(df.index, ymd(+df[3], monthOf(df[2]), +df[1]));
  const num = NUMERIC.exec(text);
  if (num) consider(num.index, numericDate(+num[1], +num[2], +num[3]));
  const my = MONTH_YEAR.exec(text);
  if (my) consider(my.index, +my[2] * 10_000 + monthOf(my[1]) * 100);
  return best;
}

/** A month's number (1–12) from its name as MONTH_NAME matches it; 0 for anything else. */
export function monthOf(name: string): number {
  return MONTHS[name.slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()] ?? 0;
}

/** `31/12/2024` is day-first, `12/31/2024` month-first; `03/04/2024` could be either, so it is no date. */
function numericDate(a: number, b: number, year: number): number | null {
  if (a > 12 && b <= 12) return ymd(year, b, a);
  if (b > 12 && a <= 12) return ymd(year, a, b);
  return null;
}

function ymd(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return year * 10_000 + month * 100 + day;
}
