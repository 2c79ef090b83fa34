/**
 * An integer with thousands separators, as `toLocaleString('en-US')` writes it (`5,000`), without it: the first call
 * of that initialises ICU's number formatting, ~20 ms of a CLI run that prints one notice.
 */
export function thousands(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
