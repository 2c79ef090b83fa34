/** The characters that bound a sentence or a line, shared by every reader of a token's surroundings. */

export function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/** `.`, `;`, `?`, `!` end a sentence when a blank follows (a path's own dots are followed by letters). */
export function isStop(c: number): boolean {
  return c === 46 || c === 59 || c === 63 || c === 33;
}

export function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}
