/**
 * Answers asked once for a whole batch of handoffs (the CLI's run over many), from which each handoff's own
 * question is answered without a git process: which paths are ignored, which were deleted or renamed (since a
 * commit, or before one), which commits mention an unknown SHA. Each of these git answers is a per-path (per-needle)
 * one — a path's answer does not depend on the other paths asked beside it — so the answer to a subset is the
 * union's answer cut down to it, identical to asking the subset alone. A question that the union did not cover
 * (or a union that failed, timed out or was cut) is asked as before, with its document.
 */
import type { CancellationToken } from '../core/interfaces';
import type { DeletionsResult, MentioningCommit, RepoInfo } from '../core/git/provider';
import { isFullSha } from '../core/git/schemas';
import { blobId, MENTIONING_LIMIT, mentionNeedles, type RunGit, type Version } from './gitHistory';
import type { LastVersions } from './lastVersions';
import type { Placed } from './movedHandoffs';
import type { ChangesUnion } from './batchChanges';

/** Longest `--grep` list on one command line (Windows allows 32,767 characters in all); more: a further command. */
const MAX_GREP_CHARS = 30_000;
/** Commits a union search lists at most: past it, the union may miss a document's matches and is not used. */
const MAX_UNION_COMMITS = 5_000;
/** Output of a union search read at most (messages in full, to match needles as git does). */
const MAX_UNION_BYTES = 16 * 1024 * 1024;
/** Distinct (since, until) commits asked ahead per batch, at most (handoffs of one batch share a few anchors). */
export const MAX_DELETION_MOMENTS = 8;
const RS = '\x1e';
const US = '\x1f';

/** The deletions of a set of paths since (or before) one commit. */
interface DeletionsUnion {
  paths: ReadonlySet<string>;
  result: DeletionsResult;
  existed: Set<string>;
  /** Where each path's deletions stand in `result.deletions`: a document's few paths are looked up, not the whole list filtered. */
  at: Map<string, number[]>;
}
/** Commits found by one union search, with their raw messages, and the needles it grepped for. */
interface MentionUnion { needles: Set<string>; commits: Array<MentioningCommit & { message: string }> }

export class BatchAnswers {
  /** Each document's last version, when it is the document's text (NodeGitProvider.prefetch). */
  readonly lastVersions = new Map<string, Version[]>();
  /** Each document's last change, whatever its text (null: never committed, the whole history read). */
  readonly lastChanges = new Map<string, { sha: string; time: number } | null>();
  /** For documents moved unchanged, the version at their earlier path, by findAnchor's question (`movedKey`). */
  readonly moved = new Map<string, Version[]>();
  /** Each document's text and its blob id, by path: hashed once for the batch, not once per question. */
  readonly blobs = new Map<string, { text: string; blob: string }>();
  private ignoredAsked = new Set<string>();
  private ignoredFound = new Set<string>();
  private readonly deletionsBy = new Map<string, DeletionsUnion>();
  private readonly mentions: MentionUnion[] = [];
  /** The cited files' changes since each commit (batchChanges.ts). */
  readonly changes = new Map<string, ChangesUnion>();

  /**
   * The documents' last versions (one `log` for all of them): each one's last change, and the anchor of each whose
   * text is its last version. Returns those, placed (the commit and path a document was written at).
   */
  takeLastVersions(docs: ReadonlyArray<{ relPath: string; text: string }>, { versions, complete }: LastVersions): Placed[] {
    const placed: Placed[] = [];
    for (const d of docs) {
      const v = versions.get(d.relPath);
      if (v || complete) this.lastChanges.set(d.relPath, v ? { sha: v.sha, time: v.time } : null);
      const blob = v ? blobId(d.text) : null;
      if (blob !== null) this.blobs.set(d.relPath, { text: d.text, blob });
      const known = v ? (v.blob === blob ? [v] : null) : complete ? [] : null;
      if (known) this.lastVersions.set(d.relPath, known);
      if (v && blob === v.blob) placed.push({ commit: v.sha, path: d.relPath, blob });
    }
    return placed;
  }

  static deletionsKey(since: string | null, until: string | undefined): string {
    return `${since ?? ''}\0${until ?? ''}`;
  }

  setIgnored(asked: readonly string[], found: ReadonlySet<string>): void {
    this.ignoredAsked = new Set(asked);
    this.ignoredFound = new Set(found);
  }

  /** `paths`: the union asked (kept as given: the caller's set, not copied). */
  setDeletions(since: string | null, until: string | undefined, paths: ReadonlySet<string>, result: DeletionsResult): void {
    // Which renames were followed depends on the objects readable: a union that fell back is not cut down.
    if (result.exactRenamesOnly) return;
    // The union's sets are built once: each of a thousand documents cuts its own answer from them.
    const at = new Map<string, number[]>();
    result.deletions.forEach((d, i) => {
      const list = at.get(d.path);
      if (list) list.push(i);
      else at.set(d.path, [i]);
    });
    this.deletionsBy.set(BatchAnswers.deletionsKey(since, until), { paths, result, existed: new Set(result.existedAtSince), at });
  }

  addMentions(needles: readonly string[], commits: Array<MentioningCommit & { message: string }>): void {
    this.mentions.push({ needles: new Set(needles), commits });
  }

  /** The ignored paths among `paths`, or null when the batch did not ask about all of them. */
  ignored(paths: readonly string[]): Set<string> | null {
    if (!paths.every((p) => this.ignoredAsked.has(p))) return null;
    return new Set(paths.filter((p) => this.ignoredFound.has(p)));
  }

  /** `paths` unique, in any order (each path is answered on its own). */
  deletions(paths: readonly string[], since: string | null, until: string | undefined): DeletionsResult | null {
    const union = this.deletionsBy.get(BatchAnswers.deletionsKey(since, until));
    if (!union || !paths.every((p) => union.paths.has(p))) return null;
    const existed = union.existed;
    // In the union's order, as a filter of it would give (`paths` are unique: no deletion is taken twice).
    const hits: number[] = [];
    for (const p of paths) for (const i of union.at.get(p) ?? []) hits.push(i);
    hits.sort((a, b) => a - b);
    return {
      deletions: hits.map((i) => ({ ...union.result.deletions[i]! })),
      existedAtSince: paths.filter((p) => existed.has(p)),
      exactRenamesOnly: false,
    };
  }

  /** The commits git's `log --all -F --grep=<each needle> -n50` lists, or null when no union search covered them. */
  mentioning(needles: readonly string[]): MentioningCommit[] | null {
    const clean = mentionNeedles(needles);
    if (!clean.length) return [];
    const union = this.mentions.find((m) => clean.every((n) => m.needles.has(n)));
    if (!union) return null;
    // Same walk, fewer patterns: git lists the union's commits that match one of these, in the same order.
    return union.commits
      .filter((c) => clean.some((n) => c.message.includes(n)))
      .slice(0, MENTIONING_LIMIT)
      .map(({ sha, subject, body }) => ({ sha, subject, body }));
  }
}

/**
 * One search for what each group of needles (a document's) would search for, the groups packed into as few
 * command lines as fit. A group is answered only by the search it is in. Returns what each search found.
 */
export async function searchMentionsOnce(run: RunGit, repo: RepoInfo, groups: ReadonlyArray<readonly string[]>, token: CancellationToken): Promise<Array<{ needles: string[]; commits: Array<MentioningCommit & { message: string }> }>> {
  const packs: string[][] = [];
  let pack = new Set<string>();
  let chars = 0;
  for (const g of groups) {
    const clean = mentionNeedles(g);
    const size = clean.filter((n) => !pack.has(n)).reduce((n, s) => n + s.length + 8, 0);
    if (pack.size && chars + size > MAX_GREP_CHARS) {
      packs.push([...pack]);
      pack = new Set();
      chars = 0;
    }
    for (const n of clean) if (!pack.has(n)) { pack.add(n); chars += n.length + 8; }
  }
  if (pack.size) packs.push([...pack]);
  const out: Array<{ needles: string[]; commits: Array<MentioningCommit & { message: string }> }> = [];
  for (const needles of packs) {
    if (token.isCancellationRequested) break;
    const r = await run(repo.root, ['log', '--exclude=refs/stash', '--all', '-F', `-n${MAX_UNION_COMMITS}`, ...needles.map((n) => `--grep=${n}`),
      `--format=${RS}%H${US}%s${US}%b${US}%B`], token, undefined, MAX_UNION_BYTES);
    if (!r.ok || r.out.code !== 0) continue; // asked with each document instead
    const commits: Array<MentioningCommit & { message: string }> = [];
    for (const rec of r.out.stdout.split(RS)) {
      const [sha, subject, body, message] = rec.split(US);
      if (isFullSha(sha) && message !== undefined) commits.push({ sha, subject: subject ?? '', body: (body ?? '').trimEnd(), message });
    }
    if (commits.length < MAX_UNION_COMMITS) out.push({ needles, commits });
  }
  return out;
}
