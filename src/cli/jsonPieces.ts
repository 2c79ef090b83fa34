/**
 * `JSON.stringify(value, null, 2)` as it reads nested `depth` levels deep in a 2-space-indented document, in pieces of
 * about one item each: arrays (and the objects holding non-empty arrays) are walked here, everything else is
 * stringified natively, inside a wrapper of `depth` arrays that gives it its indentation, which is then cut off.
 *
 * Why pieces: V8 returns a large stringify result as a tree of parts, and writing it first joins the tree into one
 * string in fresh memory (on a 1,000-handoff run, ~80 MB: the page faults alone cost more than the stringify). Pieces
 * of an item or so are joined in the young generation, and the writer encodes them into one reused buffer.
 *
 * The bytes are JSON.stringify's (the contract says so; a test compares them): keys in the same order, `undefined`
 * and functions left out of objects and `null` in arrays. An object with `toJSON` (the models have none) is
 * stringified natively, as a whole.
 */

/** Appends the pieces of `value` at `depth` to `out`. */
export function jsonPieces(value: unknown, depth: number, out: string[]): void {
  if (Array.isArray(value)) {
    if (value.length === 0) { out.push('[]'); return; }
    const inner = `\n${indent(depth + 1)}`;
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      out.push(i === 0 ? inner : `,${inner}`);
      jsonPieces(value[i], depth + 1, out);
    }
    out.push(`\n${indent(depth)}]`);
    return;
  }
  if (!walked(value)) { out.push(atDepth(value, depth)); return; }
  const inner = `\n${indent(depth + 1)}`;
  let first = true;
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    out.push(`${first ? '{' : ','}${inner}${JSON.stringify(key)}: `);
    first = false;
    jsonPieces(v, depth + 1, out);
  }
  out.push(first ? '{}' : `\n${indent(depth)}}`);
}

/** A plain object holding a non-empty array: walked, so that its arrays are written item by item. */
function walked(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  if ((proto !== Object.prototype && proto !== null) || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (Array.isArray(v) && v.length > 0) return true;
  }
  return false;
}

const indents: string[] = [];
function indent(depth: number): string {
  return (indents[depth] ??= ' '.repeat(2 * depth));
}

/** Per depth: the wrapper around a value (as `0`), and how much of it comes before and after the value. */
const wrappers: Array<{ before: number; after: number }> = [];

/** The value stringified natively, indented as at `depth` (inside `depth` arrays, which are then cut off). */
function atDepth(value: unknown, depth: number): string {
  if (depth === 0) return JSON.stringify(value, null, 2) ?? 'null';
  let w = wrappers[depth];
  if (!w) {
    const text = JSON.stringify(nest(0, depth), null, 2);
    const at = text.indexOf('0');
    wrappers[depth] = w = { before: at, after: text.length - at - 1 };
  }
  const text = JSON.stringify(nest(value, depth), null, 2);
  return text.slice(w.before, text.length - w.after);
}

function nest(value: unknown, depth: number): unknown {
  let v: unknown = value;
  for (let d = 0; d < depth; d++) v = [v];
  return v;
}
