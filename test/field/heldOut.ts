/**
 * The held-out part of the field study (`npm run field -- --held-out`): every other handoff of the corpus's
 * repositories, and every handoff of a few repositories the corpus never drew from (heldout-repos.txt), as
 * `handoff-lint .` finds them at the repository's HEAD, that is not itself in the corpus. The
 * corpus's judgements guided the rules; these handoffs did not, so their figures say how the rules do on text
 * they were not fitted to. Judged by hand in test/field/heldout-judgements.tsv (same format as judgements.tsv;
 * the file column names a handoff as the corpus would, `owner__repo__path` with `/` as `__`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ManifestRow } from './cases';
import { atHead, cloneOf } from './clones';
import { lintJson, shownOf, type JsonDocument } from './lintJson';
import type { Shown } from './report';

export const HELD_OUT_JUDGEMENTS = join(__dirname, 'heldout-judgements.tsv');

/** The name a handoff of `repo` at `path` would have in the corpus. */
export const corpusName = (repo: string, path: string): string => `${repo.replace('/', '__')}__${path.replace(/\//g, '__')}`;

export interface HeldOut {
  shown: Shown[];
  documents: number;
  repos: number;
  skipped: string[];
}

/** Repositories no corpus handoff comes from, checked too (test/field/heldout-repos.txt: `owner/name` a line). */
export const HELD_OUT_REPOS = join(__dirname, 'heldout-repos.txt');

export function extraRepos(file = HELD_OUT_REPOS): string[] {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')) : [];
}

/**
 * Runs `cli` once per repository of `manifest` and of `extra`, on what it discovers there, and keeps the handoffs
 * not in the corpus.
 */
export async function heldOut(manifest: readonly ManifestRow[], extra: readonly string[], cli: string, readText: (dir: string, path: string) => string): Promise<HeldOut> {
  const out: HeldOut = { shown: [], documents: 0, repos: 0, skipped: [] };
  for (const repo of [...new Set([...manifest.map((m) => m.repo), ...extra])]) {
    const clone = cloneOf(repo);
    if ('error' in clone) { out.skipped.push(clone.error); continue; }
    atHead(clone);
    let documents: JsonDocument[];
    try {
      ({ documents } = await lintJson(cli, clone.dir, ['.']));
    } catch (e) {
      out.skipped.push(`${repo}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    const inCorpus = new Set(manifest.filter((m) => m.repo === repo).map((m) => m.path));
    const scenario = `head:${clone.head.slice(0, 12)}`;
    const docs = documents.filter((d) => !inCorpus.has(d.path));
    if (docs.length) out.repos++;
    out.documents += docs.length;
    for (const d of docs) {
      out.shown.push(...shownOf(scenario, corpusName(repo, d.path), readText(clone.dir, d.path), d));
    }
  }
  return out;
}
