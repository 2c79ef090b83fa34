/**
 * Remembers a pure function of one short string (a heading's title, a label) for the life of the process.
 * Handoffs repeat their titles and labels — every handoff of a series or a template has its "Next Steps", "Files
 * Changed", "Accomplishments" — and the classifiers behind them try dozens of phrases each: a run over a folder of
 * handoffs asked the same few thousand strings tens of thousands of times.
 *
 * Bounded: a key longer than `maxKeyLength` is not kept (a title that long is rare, and is asked afresh), and past
 * `maxEntries` the memory starts over. Only for functions whose result depends on the string alone and is never
 * changed by a caller (a string, a number, null, or a frozen value).
 */
export function memoized<T>(fn: (s: string) => T, maxEntries = 4_096, maxKeyLength = 160): (s: string) => T {
  let kept = new Map<string, T>();
  return (s: string): T => {
    if (s.length > maxKeyLength) return fn(s);
    const hit = kept.get(s);
    if (hit !== undefined || kept.has(s)) return hit as T;
    // Kept, and worked out, on a copy: a title sliced from a document refers to the document's whole text, which
    // the key (and any slice of it in the answer) would otherwise keep alive — in the editor, every version typed.
    const own = detached(s);
    const value = fn(own);
    if (kept.size >= maxEntries) kept = new Map();
    kept.set(own, value);
    return value;
  };
}

/**
 * The same characters in a string of their own, for a key or value kept longer than the text it was cut from. V8
 * makes a slice of 13 characters or more a view of its parent; a concatenation is flattened into fresh memory when
 * it is sliced, and that slice views only the fresh copy.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (` ${s}`).slice(1);
}
