/**
 * Control characters a document may hold (ESC, BEL, BS…: terminal titles, hyperlinks, colours, a line rewritten
 * under the reader's eyes), C1 controls, bidirectional overrides and line separators, written as escapes (`\x1b`,
 * `\u202e`) in text meant for a terminal or an agent's transcript: the CLI's reports, the digest, the tools' answers.
 */

const CONTROLS = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same but tabs and line feeds: text of many lines keeps its lines. */
const CONTROLS_BUT_LINES = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeOne(c: string): string {
  const n = c.charCodeAt(0);
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
}

/** Every control escaped, newlines too: one diagnostic is one line. */
export function escapeControls(s: string): string {
  return s.replace(CONTROLS, escapeOne);
}

/** Every control escaped but tabs and line feeds (a carriage return is, as it rewrites a line): Markdown, lists. */
export function escapeControlsInLines(s: string): string {
  return s.replace(CONTROLS_BUT_LINES, escapeOne);
}
