/**
 * Which analysis notices reach the user, so that a fault of a repository is said once, not once per handoff: with
 * a git that hangs, the first handoff of a repository notes the timeout and every other one notes that the
 * repository is marked slow (slowRepos.ts) — one notice per repository is what the user needs. A repository's
 * notice is shown again only after every handoff of it has been analysed without it (the repository recovered)
 * and the fault comes back. Other notices are a handoff's own and are shown per handoff, when they change.
 * Pure (no vscode import): unit-tested.
 */

/** The repository-wide kind of a notice, or null when the notice is a handoff's own. */
export function repositoryNoticeKind(notice: string): string | null {
  // "git took longer than 500 ms (git log)…" and "git took longer than 500 ms in this repository…": one fault.
  if (/^git took longer than /.test(notice)) return 'slow';
  if (/^git is not installed/.test(notice)) return 'not-installed';
  if (/^the git repository looks corrupt/.test(notice)) return 'corrupt';
  return null;
}

export class RepositoryNotices {
  /** Per repository and kind: the handoffs that currently have such a notice. */
  private readonly holders = new Map<string, Set<string>>();
  /** Every repository notice shown, in order (tests read it through the extension's API). */
  readonly shown: string[] = [];

  /**
   * A handoff's notices of its latest analysis (`repo`: its repository's root, or null): returns those to show now,
   * each as the handoff's own or the repository's. `changed`: whether the handoff's notices differ from its last
   * analysis (its own are shown only then).
   */
  report(handoff: string, repo: string | null, notices: readonly string[], changed: boolean): Array<{ text: string; repository: boolean }> {
    const out: Array<{ text: string; repository: boolean }> = [];
    const kinds = new Set<string>();
    for (const n of notices) {
      const kind = repo === null ? null : repositoryNoticeKind(n);
      if (kind === null) {
        if (changed) out.push({ text: n, repository: false });
        continue;
      }
      const key = `${kind}\0${repo}`;
      if (kinds.has(key)) continue;
      kinds.add(key);
      let set = this.holders.get(key);
      if (!set) this.holders.set(key, (set = new Set()));
      if (!set.size) {
        out.push({ text: `${repo}: ${n}`, repository: true });
        this.shown.push(`${repo}: ${n}`);
      }
      set.add(handoff);
    }
    this.release(handoff, kinds);
    return out;
  }

  /** A handoff gone from the workspace holds no notice any more. */
  forget(handoff: string): void {
    this.release(handoff, new Set());
  }

  private release(handoff: string, keep: ReadonlySet<string>): void {
    for (const [key, set] of this.holders) if (!keep.has(key)) set.delete(handoff);
  }
}
