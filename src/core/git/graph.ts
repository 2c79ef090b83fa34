/**
 * Questions answered from the bounded history read once per analysis (RepoHistory), so that explaining a
 * stale claim or a vanished commit never costs a git process per item.
 */
import type { HistoryCommit, RepoHistory } from './provider';

export class HistoryGraph {
  private readonly bySha = new Map<string, HistoryCommit>();

  constructor(readonly history: RepoHistory) {
    for (const c of history.commits) this.bySha.set(c.sha, c);
  }

  get(sha: string): HistoryCommit | undefined {
    return this.bySha.get(sha);
  }

  /** Full SHA of a known commit starting with `prefix`, when exactly one matches. */
  resolvePrefix(prefix: string): string | null {
    const p = prefix.toLowerCase();
    if (this.bySha.has(p)) return p;
    let hit: string | null = null;
    for (const sha of this.bySha.keys()) {
      if (sha.startsWith(p)) {
        if (hit) return null;
        hit = sha;
      }
    }
    return hit;
  }

  /** Ancestors of `sha` (itself included) within the loaded window. */
  ancestors(sha: string): Set<string> {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length) {
      const s = stack.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      const c = this.bySha.get(s);
      if (c) stack.push(...c.parents);
    }
    return seen;
  }

  /** Commits in `base..tip`, or null when `base` is not an ancestor of `tip` within the window. */
  aheadCount(base: string, tip: string): number | null {
    if (!this.bySha.has(tip)) return null;
    const tipSet = this.ancestors(tip);
    if (!tipSet.has(base)) return null;
    const baseSet = this.ancestors(base);
    let n = 0;
    for (const s of tipSet) if (!baseSet.has(s) && this.bySha.has(s)) n++;
    return n;
  }

  /**
   * Why a commit that is on no branch vanished, when the history can tell: a squash commit that lists it
   * (`git merge --squash` writes `commit <sha>` lines), a commit with the same subject (amended or rebased),
   * or a squash commit whose message lists its subject (GitHub's `* subject` lines).
   */
  explainVanished(sha: string, subject: string | null): { kind: 'squashed' | 'same-subject' | 'squashed-subject'; by: HistoryCommit } | null {
    for (const c of this.history.commits) if (c.sha !== sha && c.body.includes(sha)) return { kind: 'squashed', by: c };
    if (!subject) return null;
    for (const c of this.history.commits) if (c.sha !== sha && c.subject === subject) return { kind: 'same-subject', by: c };
    for (const c of this.history.commits) {
      if (c.sha === sha) continue;
      if (c.body.split('\n').some((l) => l.replace(/^\s*[*-]\s*/, '').trim() === subject)) return { kind: 'squashed-subject', by: c };
    }
    return null;
  }

  /** Where a path went: follows rename chains, newest rename last applied. */
  renamedTo(path: string): { to: string; sha: string } | null {
    // History is newest first; walk oldest first so chains a→b→c resolve to c.
    let current: { to: string; sha: string } | null = null;
    let from = path;
    const commits = [...this.history.commits].reverse();
    for (const c of commits) {
      for (const r of c.renames) {
        if (r.from === from || (current === null && (r.from.endsWith('/' + from)))) {
          current = { to: r.to, sha: c.sha };
          from = r.to;
        }
      }
    }
    return current;
  }
}
