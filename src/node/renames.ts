/**
 * Which of a deletions walk's deletions were renames, and to where: rename detection run on just the deleting
 * commits (`log --no-walk --stdin -M`, a merge against its first parent), each commit asked once for a run and
 * kept; when git cannot read an object a commit's detection needs, exact renames only (`-M100%`), and the answer
 * says so.
 */
import type { CancellationToken } from '../core/interfaces';
import type { DeletionsResult, GitResult, PathDeletion, RepoInfo } from '../core/git/provider';
import { isFullSha } from '../core/git/schemas';
import type { RunGit } from './gitHistory';
import { failureProblem } from './gitRunner';

const RS = '\x1e';
const US = '\x1f';

const unreadable = (stderr: string) => /unable to read|could not read|bad object|missing blob|cannot read/i.test(stderr);

/** The answer that nothing was deleted. */
export const noDeletions = (): GitResult<DeletionsResult> => ({ ok: true, value: { deletions: [], existedAtSince: [], exactRenamesOnly: false } });

/** The deletions found, each with the rename it was (asked of `renames`), as an answer. */
export async function withRenames(found: ReadonlyMap<string, PathDeletion>, renames: KeptRenames, token: CancellationToken): Promise<GitResult<DeletionsResult>> {
  if (!found.size) return noDeletions();
  const r = await renames.of([...new Set([...found.values()].map((d) => d.sha))], token);
  if (!r.ok) return r;
  for (const d of found.values()) d.renamedTo = r.value.renames.get(`${d.sha}\0${d.path}`) ?? null;
  return { ok: true, value: { deletions: [...found.values()], existedAtSince: [], exactRenamesOnly: r.value.exactRenamesOnly } };
}

/** Sets of commits kept that `-M` could not read all objects of (each set holds at least one such commit). */
const MAX_UNREADABLE_SETS = 64;

/** Renames recorded by commits (`sha NUL from` → to), asked once per commit and kept. */
export class KeptRenames {
  /** Renames found with rename detection (`-M`): every object of these commits was read. */
  private readonly byCommit = new Map<string, Map<string, string>>();
  /** Exact renames (`-M100%`), asked of commits in a question that met an object git could not read. */
  private readonly exactByCommit = new Map<string, Map<string, string>>();
  /**
   * The commits of each `-M` question that met an unreadable object: one of them at least has one (a commit's own
   * objects decide, whatever is asked beside it), so a question holding all of one set would meet it again.
   */
  private readonly unreadableAmong: Array<ReadonlySet<string>> = [];
  /** The question being asked: the next waits for it. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly run: RunGit, private readonly repo: RepoInfo) {}

  /**
   * The renames of `commits`. When git cannot read an object of the new ones, all of them are asked again for exact
   * renames only, and `exactRenamesOnly` says so. Kept both ways: a run over many handoffs, whose walks find the
   * same deleting commits, asks each commit once (and, in a repository with unreadable objects, does not meet the
   * same unreadable object again and again).
   */
  of(commits: readonly string[], token: CancellationToken): Promise<GitResult<{ renames: Map<string, string>; exactRenamesOnly: boolean }>> {
    // One question at a time: the walks of a batch's anchors end together, and each finds what the one before asked.
    const answer = this.queue.then(() => this.ask(commits, token));
    this.queue = answer.then(() => undefined, () => undefined);
    return answer;
  }

  private async ask(commits: readonly string[], token: CancellationToken): Promise<GitResult<{ renames: Map<string, string>; exactRenamesOnly: boolean }>> {
    const asked = new Set(commits);
    if (!this.unreadableAmong.some((set) => [...set].every((c) => asked.has(c)))) {
      const fresh = commits.filter((c) => !this.byCommit.has(c));
      const r = await renamesIn(this.run, this.repo, fresh, '-M', token);
      if (r.ok) return { ok: true, value: { renames: this.kept(this.byCommit, fresh, r.value, commits), exactRenamesOnly: false } };
      if (r.problem.kind !== 'corrupt') return r;
      this.unreadableAmong.push(new Set(fresh));
      if (this.unreadableAmong.length > MAX_UNREADABLE_SETS) this.unreadableAmong.shift();
    }
    const unknown = commits.filter((c) => !this.exactByCommit.has(c));
    const exact = await renamesIn(this.run, this.repo, unknown, '-M100%', token);
    return exact.ok ? { ok: true, value: { renames: this.kept(this.exactByCommit, unknown, exact.value, commits), exactRenamesOnly: true } } : exact;
  }

  /** `found` (the renames of the commits `asked`) kept in `by`, and the renames of `commits` from it. */
  private kept(by: Map<string, Map<string, string>>, asked: readonly string[], found: ReadonlyMap<string, string>, commits: readonly string[]): Map<string, string> {
    for (const c of asked) by.set(c, new Map());
    for (const [key, to] of found) by.get(key.slice(0, key.indexOf('\0')))?.set(key, to);
    const renames = new Map<string, string>();
    for (const c of commits) for (const [key, to] of by.get(c) ?? []) renames.set(key, to);
    return renames;
  }
}

/** Renames recorded by these commits, keyed `sha NUL from` → to. */
export async function renamesIn(run: RunGit, repo: RepoInfo, commits: readonly string[], similarity: string, token: CancellationToken): Promise<GitResult<Map<string, string>>> {
  // No commit on stdin is not "no commits" to git: `log --stdin` would show HEAD's.
  if (!commits.length) return { ok: true, value: new Map() };
  // A merge shows no changes to `log` unless asked: its changes against its first parent are the ones the deletions
  // walk found (a branch that moved files, merged), so that is the diff asked of it.
  const r = await run(repo.root, ['log', '--no-walk=unsorted', '--stdin', similarity, '-m', '--first-parent', '--name-status', '--diff-filter=R', '-z', `--format=${RS}%H${US}`],
    token, commits.join('\n') + '\n', 16 * 1024 * 1024);
  if (r.ok && r.out.code !== 0 && unreadable(r.out.stderr)) return { ok: false, problem: { kind: 'corrupt', message: r.out.stderr.split('\n')[0] ?? '' } };
  if (!r.ok) return r;
  if (r.out.code !== 0) return { ok: false, problem: failureProblem(r.out, 'log') };
  const map = new Map<string, string>();
  for (const rec of r.out.stdout.split(RS)) {
    const [sha, rest] = rec.split(US);
    if (!isFullSha(sha) || rest === undefined) continue;
    const tokens = rest.split('\0').map((t) => t.replace(/^\n+/, ''));
    for (let i = 0; i < tokens.length; i++) {
      if (/^R\d*$/.test(tokens[i] ?? '') && tokens[i + 1] && tokens[i + 2]) {
        map.set(`${sha}\0${tokens[i + 1]}`, tokens[i + 2]!);
        i += 2;
      }
    }
  }
  return { ok: true, value: map };
}

