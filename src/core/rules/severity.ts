import type { Diagnostic, Range, RelatedInformation, RuleCode, Severity } from '../model';
import { severityOf, type CoreSettings } from '../settings';

export { severityOf };

/**
 * How much a finding weighs: a `problem` takes the rule's configured severity; `news` (true, worth knowing, nothing
 * to fix: "pushed since") is at most information; an `aside` (the reader may want it in a hover, not in
 * Problems: "not in this repository: planned?") is a hint.
 */
export type Weight = 'problem' | 'news' | 'aside';

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };

function weighed(severity: Severity, weight: Weight): Severity {
  const cap: Severity = weight === 'aside' ? 'hint' : weight === 'news' ? 'information' : 'error';
  return RANK[severity] >= RANK[cap] ? severity : cap;
}

/** Longest message a diagnostic carries: Problems shows one line, and lists are bounded (`list`). */
export const MAX_MESSAGE = 300;

/** `message` and then `note`, the message cut (with `…`) so that the two stay within MAX_MESSAGE. */
export function withinCap(message: string, note = ''): string {
  return message.length + note.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - note.length - 1)}…${note}` : message + note;
}

/** Builds the diagnostic, or null when the rule is off; rules push the non-null ones. */
export function makeDiagnostic(
  settings: CoreSettings, code: RuleCode, range: Range, message: string, related?: RelatedInformation[], weight: Weight = 'problem',
): Diagnostic | null {
  const configured = severityOf(settings, code);
  if (!configured) return null;
  const severity = weighed(configured, weight);
  const text = withinCap(message);
  return related?.length ? { code, severity, message: text, range, related } : { code, severity, message: text, range };
}

/** "a, b, c, d, e and 7 more": at most `max` items named, the rest counted. */
export function list(items: readonly string[], max = 5): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

export const short = (sha: string): string => sha.slice(0, 7);

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
