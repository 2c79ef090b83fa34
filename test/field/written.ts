/**
 * The held-out study's second scenario (`npm run field -- --held-out --written`): handoffs a repository deleted
 * before its HEAD, each checked at the commit that last wrote it — what the next session saw right after the
 * session that wrote it. Many real repositories keep a handoff only while the work lasts, so at HEAD there is
 * nothing to check; their history still holds the handoffs, in their own repository, as they were read.
 *
 * Which deleted files were handoffs is decided by `handoff-lint .` itself, run just before the commit that deleted
 * them (its discovery, not a list of names here); each is then linted alone at its last writing commit. Bounded:
 * the newest deletions first, a few handoffs and deleting commits per repository. Judged with the HEAD scenario's
 * rows in heldout-judgements.tsv (scenario `written:<sha12>`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { atCommit, atHead, cloneOf, git, type Clone } from './clones';
import { corpusName } from './heldOut';
import { lintJson, shownOf } from './lintJson';
import type { Shown } from './report';

/** Handoffs per repository, at most, and deleting commits looked at to find them. */
const HANDOFFS_PER_REPO = 3;
const DELETIONS_PER_REPO = 12;
/**
 * Markdown files whose name may be a handoff's: only to spend the discovery runs on likely commits (a repository
 * deleting a hundred READMEs), never to decide: `handoff-lint .` decides which of them are handoffs.
 */
const MAYBE_HANDOFF = /(?:handoff|hand-off|handover|session|next|state|progress|context|current|task|todo|plan|status|notes?|resume|continue|roadmap|summary|log|journal|checkpoint|brief|memory|claude|agent)[^/]*\.(?:md|markdown)$/i;

export interface Written {
  shown: Shown[];
  documents: number;
  repos: number;
  skipped: string[];
}

/**
 * Commits that deleted Markdown files, newest first, with those files. A file added with the same content in the
 * same commit was moved, not deleted (exact moves only: finding edited renames needs every blob, and a snapshot may
 * lack the largest).
 */
function deletions(clone: Clone): Array<{ sha: string; paths: Set<string> }> {
  const log = git(clone.dir, ['log', '--no-renames', '--diff-filter=AD', '--raw', '--no-abbrev', '--format=%x1e%H', '--first-parent', clone.head]);
  return log.split('\x1e').slice(1).flatMap((chunk) => {
    const [sha, ...lines] = chunk.trim().split('\n');
    const added = new Set<string>();
    const deleted: Array<{ blob: string; path: string }> = [];
    for (const line of lines) {
      const m = /^:\d+ \d+ ([0-9a-f]+) ([0-9a-f]+) ([AD])\t(.+)$/.exec(line);
      if (m?.[3] === 'A') added.add(m[2]!);
      else if (m?.[3] === 'D' && MAYBE_HANDOFF.test(m[4]!)) deleted.push({ blob: m[1]!, path: m[4]! });
    }
    const paths = new Set(deleted.filter((d) => !added.has(d.blob)).map((d) => d.path));
    return sha && paths.size ? [{ sha, paths }] : [];
  });
}

async function studyRepo(repo: string, cli: string, inCorpus: ReadonlySet<string>, out: Written): Promise<void> {
  const clone = cloneOf(repo);
  if ('error' in clone) { out.skipped.push(clone.error); return; }
  const found: Array<{ path: string; written: string }> = [];
  try {
    for (const d of deletions(clone).slice(0, DELETIONS_PER_REPO)) {
      if (found.length >= HANDOFFS_PER_REPO) break;
      const before = git(clone.dir, ['rev-parse', `${d.sha}^`]).trim();
      if (!atCommit(clone, before)) continue;
      for (const doc of (await lintJson(cli, clone.dir, ['.'])).documents) {
        if (!d.paths.has(doc.path) || inCorpus.has(doc.path) || found.length >= HANDOFFS_PER_REPO) continue;
        const written = git(clone.dir, ['log', '-1', '--format=%H', before, '--', doc.path]).trim();
        if (written && !found.some((f) => f.path === doc.path)) found.push({ path: doc.path, written });
      }
    }
    for (const { path, written } of found) {
      if (!atCommit(clone, written)) continue;
      const [doc] = (await lintJson(cli, clone.dir, [path])).documents;
      if (!doc) continue;
      out.documents++;
      out.shown.push(...shownOf(`written:${written.slice(0, 12)}`, corpusName(repo, path), readFileSync(join(clone.dir, path), 'utf8'), doc));
    }
    if (found.length) out.repos++;
  } catch (e) {
    out.skipped.push(`${repo}: ${String(e).split('\n')[0]}`);
  } finally {
    atHead(clone);
  }
}

/** `corpus`: the corpus's own handoffs (`owner/name` → paths), left out: they are not held out. */
export async function writtenStudy(repos: readonly string[], cli: string, corpus: ReadonlyMap<string, ReadonlySet<string>>): Promise<Written> {
  const out: Written = { shown: [], documents: 0, repos: 0, skipped: [] };
  for (const repo of repos) await studyRepo(repo, cli, corpus.get(repo) ?? new Set(), out);
  return out;
}
