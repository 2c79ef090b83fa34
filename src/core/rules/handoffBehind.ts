/**
 * handoff-behind (off by default): a handoff the checked-out branch has left far behind — more commits since its
 * anchor than `handoffBehindCommits` — reported on its title, for teams that want handoffs renewed (in CI, say).
 * Read from the freshness facts; a superseded handoff is not reported (a newer one says what is current).
 */
import type { HandoffFacts } from '../facts/types';
import type { Diagnostic, HandoffModel, Range } from '../model';
import type { CoreSettings } from '../settings';
import { makeDiagnostic, plural, short } from './severity';

export function handoffBehind(model: HandoffModel, facts: HandoffFacts, settings: CoreSettings): Diagnostic | null {
  const since = facts.freshness?.sinceAnchor;
  const anchor = facts.anchor;
  if (!anchor || since === null || since === undefined || since <= settings.handoffBehindCommits) return null;
  const where = facts.freshness?.branch ?? 'HEAD';
  const days = facts.freshness?.days ? `, ${plural(facts.freshness.days, 'day')} of history` : '';
  const message = `${where} is ${plural(since, 'commit')} past this handoff (${short(anchor.sha)}${days}), more than ${settings.handoffBehindCommits}`;
  return makeDiagnostic(settings, 'handoff-behind', titleRange(model), message);
}

/** The document's first heading, else its first character. */
function titleRange(model: HandoffModel): Range {
  return model.phases[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
