/** Which handoff is newest: one order shared by the Handoffs view, the status bar, New Handoff and Resume. */

export interface Dated {
  /** YYYY-MM-DD from the model (name, front matter or "Last updated"), or null. */
  date: string | null;
  /** File modification time in ms (0 when unknown). */
  mtime: number;
  /** Tie-breaker so the order is stable. */
  path: string;
}

/** Newest first: a stated date wins over none; then the later file time; then the path. */
export function compareNewestFirst(a: Dated, b: Dated): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  if (a.mtime !== b.mtime) return b.mtime - a.mtime;
  return a.path.localeCompare(b.path);
}
