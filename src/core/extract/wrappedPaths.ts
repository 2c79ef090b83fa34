/**
 * Paths broken across two lines by the author's editor or a terminal's hard wrap: `web/src/lib/` + newline +
 * `foo.ts`, `docs/plans/2026-05-` + newline + `13-x.md`. Read apart, the pieces are a directory and a wrong bare
 * name; read together, they are the path. Only a break glued to a path character that cannot end a name
 * (`/`, `-`, `_`) is taken as a wrap: a path that ends a line in plain words ends there.
 */
import { trim } from './pathTrim';
import { isTokenChar, MAX_TOKEN } from './tokenChars';

/**
 * The token [a, b) stops at a line break right after a `/` (a folder continued on the next line), or after a
 * `-` or `_` of a path that already has a folder (`plans/2026-05-`): its name goes on after the break.
 */
export function endsMidPath(text: string, a: number, b: number): boolean {
  const brk = text.charCodeAt(b);
  if (b - a < 2 || (brk !== 10 && brk !== 13)) return false;
  const last = text.charCodeAt(b - 1);
  if (last === 47 /* / */) return true;
  if (last !== 45 /* - */ && last !== 95 /* _ */) return false;
  for (let i = a; i < b - 1; i++) if (text.charCodeAt(i) === 47) return true;
  return false;
}

/** After a line break: the offsets of the next line's first token (before `limit`), if it can continue a path. */
export function wrappedContinuation(text: string, at: number, limit: number): [number, number] | undefined {
  let q = at;
  if (text.charCodeAt(q) === 13) q++;
  if (text.charCodeAt(q) !== 10 && text.charCodeAt(at) !== 13) return undefined;
  if (text.charCodeAt(q) === 10) q++;
  while (q < limit && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9 || text.charCodeAt(q) === 62)) q++;
  let e = q;
  while (e < limit && isTokenChar(text.charCodeAt(e)) && e - q <= MAX_TOKEN) e++;
  if (e === q || e - q > MAX_TOKEN) return undefined;
  const t = trim(text, q, e);
  return t && t[0] === q ? [q, t[1]] : undefined;
}
