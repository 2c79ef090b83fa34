/**
 * The sections of a new handoff, each from plain facts (pure). Every item is written the way the language service
 * reads it back: SHAs in backticks after a commit word or at the head of a log-like line, paths alone in backticks
 * with what happened to them in words (`(deleted)` makes a gone file no problem), steps as `- [ ]` checkboxes.
 */
import type { StatusEntry } from '../git/provider';
import { code, linkTarget, oneLine, yamlValue } from './markdown';
import type { NewHandoffInput, PreviousHandoff } from './types';

const short = (sha: string) => sha.slice(0, 7);

export function frontMatter(input: NewHandoffInput): string {
  const g = input.git;
  const lines = [`date: ${input.date}`];
  if (g?.headSha) lines.push(`git_commit: ${g.headSha}`);
  if (g?.branch) lines.push(`branch: ${yamlValue(g.branch)}`);
  if (input.repository) lines.push(`repository: ${yamlValue(input.repository)}`);
  lines.push('status: in_progress');
  return lines.join('\n');
}

const notRead = (input: NewHandoffInput) => `Not read: ${input.gitNote ?? 'git was not asked'}.`;

export function stateSection(input: NewHandoffInput): string {
  const g = input.git;
  if (!g) return `- ${notRead(input)}`;
  const lines: string[] = [];
  const subject = g.headSubject ? ` — ${oneLine(g.headSubject)}` : '';
  if (!g.headSha) lines.push(`- Branch: ${g.branch ? code(g.branch) : '(none)'}, no commit yet`);
  else if (g.branch) lines.push(`- Branch: ${code(g.branch)} at HEAD ${code(short(g.headSha))}${subject}`);
  else lines.push(`- Detached HEAD at ${code(short(g.headSha))}${subject}`);
  if (g.upstream) {
    const ab = g.ahead === null || g.behind === null ? 'ahead/behind unknown'
      : g.ahead === 0 && g.behind === 0 ? 'in sync' : `${g.ahead} ahead, ${g.behind} behind`;
    lines.push(`- Upstream: ${code(g.upstream)}, ${ab}`);
  } else if (g.branch) {
    lines.push('- Upstream: none (the branch tracks no remote branch)');
  }
  return lines.join('\n');
}

export function unpushedSection(input: NewHandoffInput): string {
  const g = input.git;
  if (!g) return notRead(input);
  if (g.unpushed === null) return 'No remote-tracking branch to compare with.';
  if (g.unpushed.length === 0) return 'None: every commit is on a remote.';
  const items = g.unpushed.map((c) => `- ${code(short(c.sha))} ${oneLine(c.subject) || '(no subject)'}`);
  if (g.unpushedMore) items.push(`- …and more: only the newest ${g.unpushed.length} are listed.`);
  return `On no remote-tracking branch yet, newest first:\n\n${items.join('\n')}`;
}

/** Porcelain `XY` (or `??`) in words: what changed, and whether it is staged. */
export function statusWords(xy: string): string {
  if (xy === '??') return 'new, untracked';
  const x = xy[0] ?? '.';
  const y = xy[1] ?? '.';
  if (x === 'U' || y === 'U' || (x === 'A' && y === 'A') || (x === 'D' && y === 'D')) return 'conflict, unmerged';
  const what = changeWord(x !== '.' ? x : y);
  if (x !== '.' && y !== '.') return `${what}, partly staged`;
  return x !== '.' ? `${what}, staged` : what;
}

function changeWord(letter: string): string {
  switch (letter) {
    case 'A': return 'added';
    case 'D': return 'deleted';
    case 'R': return 'renamed';
    case 'C': return 'copied';
    case 'T': return 'type changed';
    default: return 'modified';
  }
}

function changeLine(c: StatusEntry, words: string): string {
  const path = c.from ? `${code(c.from)} → ${code(c.path)}` : code(c.path);
  return `- ${path} (${words})`;
}

const more = (listed: number, total: number) => (total > listed ? [`- …and ${total - listed} more.`] : []);

export function uncommittedSection(input: NewHandoffInput): string {
  const g = input.git;
  if (!g) return notRead(input);
  if (g.changesTotal === 0) return 'None: the work tree is clean.';
  return [...g.changes.map((c) => changeLine(c, statusWords(c.code))), ...more(g.changes.length, g.changesTotal)].join('\n');
}

const previousLink = (p: PreviousHandoff) => `[${p.name}](${linkTarget(p.link)})`;

export function changedSinceSection(input: NewHandoffInput): string {
  const p = input.previous;
  if (!p) return 'No previous handoff.';
  if (!input.git) return notRead(input);
  if (!p.anchor) return `${previousLink(p)} is not committed: there is no commit to compare with.`;
  const since = `${previousLink(p)}, written at commit ${code(short(p.anchor))}`;
  const changed = input.git.changedSince ?? [];
  if (input.git.changedSinceTotal === 0) return `None since ${since}.`;
  const gone = goneInWorkTree(input.git.changes);
  const items = changed.map((c) => {
    const now = gone.get(c.path);
    // What the work tree did to it since is said first: the words right after a path say whether it is still there.
    const words = now === undefined ? changeWord(c.code)
      : now === null ? `deleted in the work tree; was ${changeWord(c.code)}` : `moved to ${code(now)} in the work tree; was ${changeWord(c.code)}`;
    return changeLine(c, words);
  });
  return `Since ${since}:\n\n${[...items, ...more(changed.length, input.git.changedSinceTotal)].join('\n')}`;
}

/** Paths the uncommitted changes delete (null) or move away (to their new path). */
function goneInWorkTree(changes: readonly StatusEntry[]): Map<string, string | null> {
  const gone = new Map<string, string | null>();
  for (const c of changes) {
    if (c.from) gone.set(c.from, c.path);
    else if (c.code !== '??' && c.code.includes('D') && statusWords(c.code).startsWith('deleted')) gone.set(c.path, null);
  }
  return gone;
}

export function carriedOverSection(input: NewHandoffInput): string {
  const p = input.previous;
  if (!p) return 'No previous handoff.';
  if (p.steps.length === 0) return `None: ${previousLink(p)} has no open steps.`;
  const items = p.steps.map((s) => `- ${s.marker} ${oneLine(s.text)}`);
  return `Still open in ${previousLink(p)}:\n\n${items.join('\n')}`;
}
