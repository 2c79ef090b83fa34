/**
 * Text renderings drop the backticks of code spans and glue them to the words around: "`0f00ee5` and
 * `665530f` are" becomes `commits0f00ee5and665530fare`. Such hex is not a maximal run delimited by
 * non-word characters, so the token scan never sees it. The principled recovery: a SHA the document already
 * uses as a commit elsewhere (with evidence stronger than `bare`), found glued inside a word that is not
 * itself hex (it holds a letter g–z), is the same commit. It is reported as `bare`, so rules that act on
 * evidence stay quiet about it.
 */
import type { ParsedText } from '../parse/blocks';
import type { FoundCommit } from './types';
import { isHexChar, isWordChar } from './hex';

/** Bounds the extra work: each known SHA costs one native `indexOf` sweep of the text. */
const MAX_KNOWN = 48;
/** A SHA written thousands of times is hostile input, not a text rendering: stop looking for glued copies. */
const MAX_OCCURRENCES = 2000;

export function gluedCommits(parsed: ParsedText, out: FoundCommit[]): void {
  const { text } = parsed;
  const known = new Set<string>();
  for (const c of out) if (c.evidence !== 'bare' && c.sha.length <= 12) known.add(c.sha);
  if (known.size === 0 || known.size > MAX_KNOWN) return;
  const taken = new Set(out.map((c) => c.start));
  const added: FoundCommit[] = [];
  for (const sha of known) {
    let seen = 0;
    for (let at = text.indexOf(sha); at >= 0 && seen < MAX_OCCURRENCES; at = text.indexOf(sha, at + 1)) {
      seen++;
      const end = at + sha.length;
      if (taken.has(at)) continue;
      const before = text.charCodeAt(at - 1);
      const after = text.charCodeAt(end);
      if (!isLetter(before) && !isLetter(after)) continue; // a delimited token, already judged as such
      if ((isWordChar(before) && !isLetter(before)) || (isWordChar(after) && !isLetter(after))) continue; // a digit or `_` glued: part of a longer id
      if (!wordHasNonHexLetter(text, at, end)) continue;
      taken.add(at);
      added.push({ sha, evidence: 'bare', start: at, end });
    }
  }
  if (added.length === 0) return;
  out.push(...added);
  out.sort((a, b) => a.start - b.start);
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The word around [start, end) holds a letter outside a–f: a word with a SHA glued in, not a longer hex blob. */
function wordHasNonHexLetter(text: string, start: number, end: number): boolean {
  for (let i = start - 1; i >= 0 && start - i <= 40 && isWordChar(text.charCodeAt(i)); i--) {
    if (!isHexChar(text.charCodeAt(i))) return true;
  }
  for (let i = end; i < text.length && i - end <= 40 && isWordChar(text.charCodeAt(i)); i++) {
    if (!isHexChar(text.charCodeAt(i))) return true;
  }
  return false;
}
