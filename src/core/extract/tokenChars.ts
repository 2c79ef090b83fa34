/**
 * The characters a path token (with its `:line` suffix) is made of, shared by the file extractor and the readers
 * that look at the text around a breadcrumb. Everything else ends a token.
 */

/** Longest run we read as a possible path; longer runs are data, not breadcrumbs. */
export const MAX_TOKEN = 512;

/** ASCII characters that may appear in a path token (with its suffix). Everything else ends a token. */
const TOKEN_ASCII = new Uint8Array(128);
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.~/@+()[]{}<>*$:#\\') {
  TOKEN_ASCII[c.charCodeAt(0)] = 1;
}

/** Letters of Latin, Cyrillic and Vietnamese file names, and the en dash of `308–309`; not `§`, `…`, emoji. */
export function isTokenChar(c: number): boolean {
  if (c < 128) return TOKEN_ASCII[c] === 1;
  return (
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x300 && c <= 0x36f) ||
    (c >= 0x400 && c <= 0x4ff) ||
    (c >= 0x1e00 && c <= 0x1eff) ||
    c === 0x2013
  );
}
