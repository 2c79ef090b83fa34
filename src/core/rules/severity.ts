import type { Diagnostic, Range, RelatedInformation, RuleCode, Severity } from '../model';
import type { CoreSettings } from '../settings';

/** The configured severity of a rule, or null when it is turned off. */
export function severityOf(settings: CoreSettings, code: RuleCode): Severity | null {
  const s = settings.rules[code];
  return s === undefined || s === 'off' ? null : s;
}

/** Builds the diagnostic, or null when the rule is off; rules push the non-null ones. */
export function makeDiagnostic(settings: CoreSettings, code: RuleCode, range: Range, message: string, related?: RelatedInformation[]): Diagnostic | null {
  const severity = severityOf(settings, code);
  if (!severity) return null;
  return related?.length ? { code, severity, message, range, related } : { code, severity, message, range };
}

export const short = (sha: string): string => sha.slice(0, 7);
