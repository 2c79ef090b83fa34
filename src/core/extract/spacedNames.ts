/**
 * File names with spaces (`Style Guide.html`, `Chrono Trigger (USA).sfc`). The token scan stops at a space, so
 * it sees only the last word (`Guide.html`). Where the author marked where the name begins and ends — a code
 * span or a table cell holding nothing else — the words before that last one belong to the name. In prose
 * nothing marks the start of the name, so nothing is guessed there.
 */

/** A word of a spaced name: letters, digits and the punctuation of titles; `docs/Style` may carry a folder. */
const WORD = /^[\p{L}\p{N}([][\p{L}\p{N}_'&.+()[\]/-]*$/u;
/** The part of a word after its last `/` starts like a title word: a capital, a digit or a bracket. */
const TITLE_START = /^[\p{Lu}\p{N}([]/u;
/**
 * Words that begin a phrase about a file rather than its name: `Update README.md`, `See Notes.md`. A cell or code
 * span that starts with one holds a sentence, not a spaced name.
 */
const PHRASE_START = new Set(
  ('add added adds update updated updates create created creates edit edited fix fixed read see run ran open opened ' +
    'modify modified delete deleted remove removed rename renamed move moved check checked write wrote use used ' +
    'new copy copied generate generated load loaded save saved import imported export exported review reviewed ' +
    'test tested verify verified keep kept replace replaced merge merged extract extracted split touch touched ' +
    'also then and or in on at from to into for with via per only both all the a an this that these those is are was')
    .split(' '),
);
const MAX_WORDS = 6;
const MAX_CONTAINER = 200;

/**
 * `[from, to)` is the container (a code span's content or a table cell), `[a, b)` the file-name token at its end.
 * Returns where the spaced name starts, or -1 when the container does not hold exactly one spaced name.
 */
export function spacedNameStart(text: string, from: number, to: number, a: number, b: number): number {
  if (to - from > MAX_CONTAINER || a <= from || text.charCodeAt(a - 1) !== 32) return -1;
  let end = to;
  while (end > b && isBlank(text.charCodeAt(end - 1))) end--;
  if (end !== b) return -1;
  let start = from;
  while (start < a && isBlank(text.charCodeAt(start))) start++;
  if (start >= a - 1) return -1;
  const words = text.slice(start, a - 1).split(' ');
  if (words.length > MAX_WORDS || PHRASE_START.has(words[0].toLowerCase())) return -1;
  for (const w of words) {
    if (!WORD.test(w) || !TITLE_START.test(w.slice(w.lastIndexOf('/') + 1))) return -1;
  }
  return start;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}
