/**
 * What the characters right around a path-shaped token say about it, when the token alone cannot tell: a `*`
 * before it makes it a glob (`*_test.go`, a double star before a slash), "files ending in" makes `_test.go` a
 * suffix pattern. Every check reads a short, bounded window on either side.
 */

/** Words after which a token written with a leading `-`, `_` or `.` is the end of other names, not a name. */
const SUFFIX_WORDS = /(?:^|[^\w-])(?:end(?:s|ing|ed)?\s+(?:in|with)|suffix(?:es|ed)?(?:\s+(?:of|with))?|matching|pattern)\s*[\x60"'*]*$/i;

/**
 * `[a, b)` is the trimmed token, `a0` where its run of path characters began. True when the token is a pattern
 * for many files rather than one: a glob star the trimming took for emphasis (`*_test.go`, `*-legacy.ts`, a double
 * star before `/x.md`: a star glued to `_`, `-`, `.` or `/` and closed by none after the token), or a suffix
 * (`_test.go`, `-legacy.ts`) after words like "ending in".
 */
export function isFilePattern(text: string, a0: number, a: number, b: number): boolean {
  const first = text.charCodeAt(a);
  if (a > a0 && text.charCodeAt(a - 1) === 42 /* * */) {
    let before = 0;
    for (let i = a - 1; i >= a0 && text.charCodeAt(i) === 42; i--) before++;
    let after = 0;
    for (let i = b; i < text.length && after < 3 && text.charCodeAt(i) === 42; i++) after++;
    if (after < before && (first === 47 /* / */ || (before === 1 && (first === 95 || first === 45 || first === 46)))) return true;
  }
  if (first !== 95 /* _ */ && first !== 45 /* - */ && first !== 46 /* . */) return false;
  return SUFFIX_WORDS.test(text.slice(Math.max(0, a - 40), a));
}

/**
 * `list.zip(a, b)`, `cfg.load(x`: a bare dotted name with a call's `(` glued after it is a method call. A path
 * with a folder keeps its `(` as a lost space (`tests/x.py(add 1 test)`), and `x.ts(12,5)` is compiler output.
 */
export function isCall(text: string, a: number, b: number): boolean {
  if (text.charCodeAt(b) !== 40 /* ( */) return false;
  const next = text.charCodeAt(b + 1);
  if (next >= 48 && next <= 57) return false;
  for (let i = a; i < b; i++) if (text.charCodeAt(i) === 47 /* / */) return false;
  return true;
}
