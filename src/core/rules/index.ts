/**
 * The rules: model + facts → diagnostics. Pure and synchronous; every rule reads what the facts say and the
 * document's own words, and never asks git itself (facts/gather.ts did, once, in batches).
 */
import type { HandoffFacts } from '../facts/types';
import type { Diagnostic, HandoffModel } from '../model';
import { severityOf, type CoreSettings } from '../settings';
import { commitRules } from './commitRules';
import { fileRules } from './fileRules';
import { handoffBehind } from './handoffBehind';
import { refsGoneWithCommit, staleRefRules } from './staleRef';
import { uncheckedSteps } from './uncheckedStep';
import { unsuppressed, type Suppressions } from '../suppressions';

export interface RuleContext {
  /** A newer handoff (or a newer version of this one) says what is left: its open steps are not to do here. */
  superseded?: boolean;
  /** The document's `<!-- handoff-lint-disable… -->` comments (suppressions.ts): what they turn off is not reported. */
  suppressions?: Suppressions;
}

export function runRules(model: HandoffModel, facts: HandoffFacts | null, settings: CoreSettings, context: RuleContext = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const steps = severityOf(settings, 'unchecked-step');
  if (steps && !context.superseded) out.push(...uncheckedSteps(model, steps, facts?.changedSince ?? null));
  if (facts) {
    const staleRefs = staleRefRules(model.refs, facts.refs, settings, facts.commits);
    // A SHA a stale-ref finding already calls missing is not reported a second time as unknown.
    const saidGone = staleRefs.length ? refsGoneWithCommit(model.refs, facts.refs).map((m) => m.shaRange) : [];
    out.push(...commitRules(model.commits, facts, model.history, settings, saidGone));
    out.push(...staleRefs);
    out.push(...fileRules(model.files, facts, settings));
    const behind = context.superseded ? null : handoffBehind(model, facts, settings);
    if (behind) out.push(behind);
  }
  const shown = context.suppressions ? unsuppressed(out, context.suppressions) : out;
  // Codes are lower-case ASCII words and hyphens: compared by code unit (`localeCompare` would load ICU's collator).
  return shown.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
