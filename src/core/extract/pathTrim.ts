/**
 * Trimming a candidate token to the path it holds: what surrounds a path in prose (bold markers, a leading `@`,
 * sentence punctuation, brackets that belong to the sentence) is cut off; brackets that belong to the path
 * (`src/app/(auth)/page.tsx`, `[id]`) are kept. Works on offsets into the text and allocates nothing per call.
 */

/** Bracket kind of a character code: 0 `()`, 1 `[]`, 2 `{}`, 3 `<>`; opening ones give the kind, closing ones ~kind. */
function bracket(c: number): number {
  switch (c) {
    case 40: return 0;
    case 91: return 1;
    case 123: return 2;
    case 60: return 3;
    case 41: return ~0;
    case 93: return ~1;
    case 125: return ~2;
    case 62: return ~3;
    default: return 4; // not a bracket
  }
}
const NONE = 4;
const OPEN_CODES = [40, 91, 123, 60];
const CLOSE_CODES = [41, 93, 125, 62];
/** Per-kind bracket counts of the token being trimmed (reused: trimming must not allocate). */
const opens = [0, 0, 0, 0];
const closes = [0, 0, 0, 0];

/**
 * Strips what surrounds a path in prose: bold markers, a leading `@`, unbalanced brackets (`(see x.md)`), sentence
 * punctuation (`x.md.`, `x.md:`), keeping balanced ones inside (`src/app/(auth)/page.tsx`, `[id]`).
 */
export function trim(text: string, a: number, b: number): [number, number] | undefined {
  opens.fill(0);
  closes.fill(0);
  let brackets = false;
  for (let i = a; i < b; i++) {
    const k = bracket(text.charCodeAt(i));
    if (k === NONE) continue;
    brackets = true;
    if (k >= 0) opens[k]++;
    else closes[~k]++;
  }
  for (;;) {
    if (b - a < 2) return undefined;
    const first = text.charCodeAt(a);
    const last = text.charCodeAt(b - 1);
    // `_x.md_` emphasis and `~~x.md~~` strike-through wrap the path; `__init__.py` does not end in `_`.
    if (first === 95 && last === 95) { a++; b--; continue; }
    if (first === 126 && last === 126 && text.charCodeAt(a + 1) === 126 && text.charCodeAt(b - 2) === 126) {
      a += 2;
      b -= 2;
      continue;
    }
    const o = bracket(first);
    // `@agents/x.md` is Claude's file-mention syntax; `@scope/pkg` has no file name and is rejected later anyway.
    if (first === 42 /* * */ || first === 58 /* : */ || first === 64 /* @ */ || (o >= 0 && o < NONE && opens[o] > closes[o])) {
      if (o >= 0 && o < NONE) opens[o]--;
      a++;
      continue;
    }
    const c = bracket(last);
    // Sentence punctuation and markers after a path: `.` `:` `*` `-` `–` `#`.
    if (last === 46 || last === 58 || last === 42 || last === 45 || last === 0x2013 || last === 35 ||
        (c < 0 && closes[~c] > opens[~c])) {
      if (c < 0) closes[~c]--;
      b--;
      continue;
    }
    // `(x.md)` as a whole: balanced, but the brackets are the sentence's, not the path's.
    if (o >= 0 && o < NONE && last === CLOSE_CODES[o] && matchesAcross(text, a, b, o)) {
      opens[o]--;
      closes[o]--;
      a++;
      b--;
      continue;
    }
    return brackets ? cutAtUnclosed(text, a, b) : [a, b];
  }
}

/** `tests/x.py(add 1 test)` in a rendering that lost its spaces: the path ends at the bracket never closed. */
function cutAtUnclosed(text: string, a: number, b: number): [number, number] | undefined {
  for (let kind = 0; kind < 3; kind++) {
    let depth = 0;
    let firstOpen = -1;
    for (let i = a; i < b; i++) {
      const ch = text.charCodeAt(i);
      if (ch === OPEN_CODES[kind]) { if (depth++ === 0) firstOpen = i; }
      else if (ch === CLOSE_CODES[kind] && depth > 0) depth--;
    }
    if (depth > 0 && firstOpen > a) {
      if (kind === 0 && firstOpen === b - 1) return undefined; // `console.log("x")`: a call, not a path
      b = firstOpen;
    }
  }
  return b - a >= 2 ? [a, b] : undefined;
}

/** True when the bracket at `a` closes at `b - 1` (not `(auth)/page(1).tsx`). */
function matchesAcross(text: string, a: number, b: number, kind: number): boolean {
  let depth = 0;
  for (let i = a; i < b; i++) {
    const ch = text.charCodeAt(i);
    if (ch === OPEN_CODES[kind]) depth++;
    else if (ch === CLOSE_CODES[kind] && --depth === 0) return i === b - 1;
  }
  return false;
}
