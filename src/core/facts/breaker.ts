/**
 * The provider behind a breaker, for one analysis: once git is missing, too slow or the folder is no repository,
 * every further question gets that answer at once instead of waiting again; and every problem becomes at most one
 * notice — the fatal ones as git said them ("…; showing parse-only results"), the others naming what was not
 * checked ("deleted and moved files not checked: …") while the checks that did not need that answer stand.
 */
import type { GitProblem, GitProvider, GitResult } from '../git/provider';
import type { Logger } from '../interfaces';

const FATAL = new Set<GitProblem['kind']>(['not-installed', 'timeout', 'not-a-repository', 'cancelled']);

export interface Breaker {
  git: GitProvider;
  /** Records a failed answer as a notice (once); `what` names the checks it cost. */
  note(problem: GitProblem, what: string): void;
}

export function breaker(inner: GitProvider, notices: Set<string>, logger: Logger): Breaker {
  let broken: GitProblem | null = null;
  const note = (p: GitProblem, what: string) => {
    logger.warn(`git: ${what}: ${p.message}`);
    if (p.kind === 'cancelled' || (broken && broken !== p)) return;
    notices.add(FATAL.has(p.kind) ? p.message : `${what} not checked: ${p.message.replace(/; showing parse-only results$/, '')}`);
  };
  const guard = <A extends unknown[], T>(ask: (...args: A) => Promise<GitResult<T>>) => async (...args: A): Promise<GitResult<T>> => {
    if (broken) return { ok: false, problem: broken };
    const r = await ask(...args);
    if (r.ok) for (const n of r.notices ?? []) notices.add(n);
    if (!r.ok && FATAL.has(r.problem.kind) && !broken) {
      broken = r.problem;
      if (r.problem.kind !== 'cancelled') notices.add(r.problem.message);
    }
    return r;
  };
  const git: GitProvider = {
    configure: inner.configure?.bind(inner),
    discover: guard(inner.discover.bind(inner)),
    facts: guard(inner.facts.bind(inner)),
    graph: guard(inner.graph.bind(inner)),
    anchor: guard(inner.anchor.bind(inner)),
    lastChange: guard(inner.lastChange.bind(inner)),
    lastChanges: guard(inner.lastChanges.bind(inner)),
    filesAt: guard(inner.filesAt.bind(inner)),
    deletions: guard(inner.deletions.bind(inner)),
    ignored: guard(inner.ignored.bind(inner)),
    mentioning: guard(inner.mentioning.bind(inner)),
    changesSince: guard(inner.changesSince.bind(inner)),
    textsAt: guard(inner.textsAt.bind(inner)),
    touching: guard(inner.touching.bind(inner)),
    commitDetails: guard(inner.commitDetails.bind(inner)),
    commitPatch: guard(inner.commitPatch.bind(inner)),
    workingState: guard(inner.workingState.bind(inner)),
  };
  return { git, note };
}
