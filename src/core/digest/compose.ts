/**
 * The digest of one handoff: the repository now, the claims judged (claims.ts), the open steps (exactly those
 * `unchecked-step` reports), the commits since the handoff's commit, which of them touch cited files (and which
 * files), and the cited files changed since. Pure and
 * deterministic: entries are ordered by section, then as the handoff or git lists them; nothing reads a clock.
 */
import { stepsToDo } from '../extract/currentSteps';
import { createdSinceNotes } from '../rules/uncheckedStep';
import type { StatusEntry, WorkingState } from '../git/provider';
import { code, oneLine } from '../newHandoff/markdown';
import { judgeClaims } from './claims';
import { DIGEST_SECTIONS, type Digest, type DigestEntry, type DigestInput, type Verdict } from './types';

/** At most this many of each list a working state or history gives (the byte bound cuts further). */
export const LIST_CAP = 20;
/** Cited files named per commit that touches them, at most. */
const PATHS_PER_COMMIT = 8;

const short = (sha: string) => sha.slice(0, 7);
/** Header texts are cut so the header always fits the smallest bound (render.ts MIN_MAX_BYTES). */
const clip = (s: string) => (s.length > 160 ? `${s.slice(0, 159)}…` : s);

function fact(section: DigestEntry['section'], text: string, evidence: string | null = null, line: number | null = null): DigestEntry {
  return { section, verdict: null, text, evidence, line };
}

function statusWord(e: StatusEntry): string {
  if (e.code === '??') return 'untracked';
  const c = e.code.replace(/\./g, '');
  if (c.includes('U')) return 'conflicted';
  if (c.startsWith('R')) return `renamed from ${code(e.from ?? '?')}`;
  if (c.includes('D')) return 'deleted';
  if (c.includes('A')) return 'added';
  return 'modified';
}

function repositoryEntries(w: WorkingState): DigestEntry[] {
  const out: DigestEntry[] = [];
  const head = w.headSha ? `${code(short(w.headSha))}${w.headSubject ? ` "${oneLine(w.headSubject)}"` : ''}` : 'no commit yet';
  out.push(fact('repository', w.branch ? `On branch ${code(w.branch)} at ${head}` : `Detached HEAD at ${head}`));
  if (w.upstream) out.push(fact('repository', `Upstream ${code(w.upstream)}: ${w.ahead ?? '?'} ahead, ${w.behind ?? '?'} behind`));
  else if (w.branch) out.push(fact('repository', 'No upstream branch'));
  if (w.unpushed !== null) {
    const n = w.unpushed.length;
    out.push(fact('repository', n === 0 ? 'Every commit is pushed' : `Not pushed: ${n}${w.unpushedMore ? '+' : ''} commit${n === 1 ? '' : 's'}`));
    for (const c of w.unpushed.slice(0, LIST_CAP)) out.push(fact('repository', `  ${code(short(c.sha))} ${oneLine(c.subject)}`));
  }
  out.push(fact('repository', w.changesTotal === 0 ? 'Work tree clean' : `Uncommitted: ${w.changesTotal} file${w.changesTotal === 1 ? '' : 's'}`));
  for (const e of w.changes.slice(0, LIST_CAP)) out.push(fact('repository', `  ${code(e.path)} ${statusWord(e)}`));
  if (w.changesTotal > Math.min(w.changes.length, LIST_CAP)) out.push(fact('repository', `  … and ${w.changesTotal - Math.min(w.changes.length, LIST_CAP)} more`));
  return out;
}

function sinceEntries(input: DigestInput): DigestEntry[] {
  const out: DigestEntry[] = [];
  const anchor = input.facts?.anchor;
  const since = input.commitsSince;
  if (anchor && since) {
    const n = since.total;
    out.push(fact('since', n === 0 ? `No commit since the handoff's commit ${code(short(anchor.sha))}` : `${n} commit${n === 1 ? '' : 's'} since the handoff's commit ${code(short(anchor.sha))}`));
    for (const c of since.commits) out.push(fact('since', `  ${code(short(c.sha))} ${oneLine(c.subject)}`));
    if (n > since.commits.length) out.push(fact('since', `  … and ${n - since.commits.length} older`));
  }
  const touching = input.touching;
  if (anchor && since && since.total > 0 && touching) {
    const n = touching.commits.length;
    const more = touching.complete ? '' : '+';
    const one = n === 1 && !more;
    out.push(fact('since', n === 0 && !more ? 'No commit since touches a cited file' : `${n}${more} commit${one ? '' : 's'} since touch${one ? 'es' : ''} cited files`));
    for (const c of touching.commits.slice(0, LIST_CAP)) {
      const shown = c.paths.slice(0, PATHS_PER_COMMIT).map(code).join(', ');
      const rest = c.paths.length > PATHS_PER_COMMIT ? ` and ${c.paths.length - PATHS_PER_COMMIT} more` : '';
      out.push(fact('since', `  ${code(short(c.sha))} ${oneLine(c.subject)}`, `${shown}${rest}`));
    }
    if (n > LIST_CAP) out.push(fact('since', `  … and ${n - LIST_CAP}${more} older`));
  }
  for (const c of input.facts?.changedSince ?? []) {
    const lines = c.added || c.removed ? ` (+${c.added} −${c.removed})` : '';
    const what = c.kind === 'renamed' ? `renamed to ${code(c.now ?? '?')}` : c.kind;
    out.push(fact('since', `Cited file ${code(c.path)} ${what}${lines}`, null, null));
  }
  return out;
}

export function composeDigest(input: DigestInput): Digest {
  const { model, facts } = input;
  const entries: DigestEntry[] = [];
  if (input.working) entries.push(...repositoryEntries(input.working));
  const claims = facts ? judgeClaims(model, facts) : [];
  const counts: Record<Verdict, number> = { holds: 0, changed: 0, gone: 0 };
  for (const c of claims) counts[c.verdict!]++;
  // What no longer holds leads, gone before changed, each in the order the handoff writes them.
  const rank = (e: DigestEntry) => (e.verdict === 'gone' ? 0 : 1);
  entries.push(...claims.filter((c) => c.section === 'changed').sort((a, b) => rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0)));
  if (input.supersededBy === null) {
    const createdFor = createdSinceNotes(model, facts?.changedSince ?? null);
    for (const s of stepsToDo(model)) {
      const note = createdFor(s.range);
      entries.push(fact('steps', `${s.marker ?? '[ ]'} ${oneLine(s.text)}${note ? ` (${note})` : ''}`, s.phase, s.range.start.line + 1));
    }
  } else {
    entries.push(fact('steps', `None current: superseded by ${input.supersededBy}`));
  }
  entries.push(...sinceEntries(input));
  entries.push(...claims.filter((c) => c.section === 'holds').sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  entries.sort((a, b) => DIGEST_SECTIONS.indexOf(a.section) - DIGEST_SECTIONS.indexOf(b.section)); // stable
  const anchor = facts?.anchor ?? null;
  return {
    handoff: {
      path: clip(input.path), title: model.title === null ? null : clip(oneLine(model.title)), date: model.date,
      anchor: anchor ? { sha: anchor.sha, subject: clip(oneLine(anchor.subject)), how: anchor.how } : null,
      supersededBy: input.supersededBy, counts,
    },
    note: input.note,
    entries,
  };
}
