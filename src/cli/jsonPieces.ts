/**
 * `JSON.stringify(value)`'s text as pieces written one after another: each top-level field on its own, and a long
 * array a run of elements at a time. The text is the same, byte for byte; what changes is its cost. V8 builds a
 * long stringify result as a chain of parts that the writer must join into one new string before encoding it, and a
 * string past 64 K characters is allocated in fresh memory each time (the large-object space): for a 1,000-handoff
 * report half the JSON was in such strings, and joining and paging them in took more time than encoding all of it.
 * Pieces this size stay in the young generation, whose memory is reused.
 */

/** Elements of an array stringified at once: a few KB each for the model's items. */
const RUN = 64;

/** The pieces of `JSON.stringify(record)` for a plain object (no `toJSON`, no replacer), in order. */
export function jsonPieces(record: Readonly<Record<string, unknown>>): string[] {
  const out: string[] = [];
  let first = true;
  for (const key of Object.keys(record)) {
    const value = record[key];
    // As JSON.stringify: a member whose value has no JSON text (undefined, a function, a symbol) is left out.
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    out.push(`${first ? '{' : ','}${JSON.stringify(key)}:`);
    first = false;
    if (Array.isArray(value) && value.length > RUN) arrayPieces(value, out);
    else out.push(JSON.stringify(value));
  }
  out.push(first ? '{}' : '}');
  return out;
}

/** `[`, the elements a run at a time (each run's text without its brackets), `]`. */
function arrayPieces(values: readonly unknown[], out: string[]): void {
  for (let i = 0; i < values.length; i += RUN) {
    // An array's element with no JSON text is `null` in it, whether stringified whole or in runs.
    const run = JSON.stringify(values.slice(i, i + RUN));
    // Two pieces, not one joined: a slice of the run is encoded where it lies, but a string joined from it would be
    // copied whole into fresh memory (flattened) before its first character could be read.
    out.push(i === 0 ? '[' : ',', run.slice(1, -1));
  }
  out.push(']');
}
