/**
 * The field study's cases, read from ../shared/corpus/MANIFEST.tsv by path (no third-party text is kept in the
 * project): each handoff is checked in a clone of its own repository twice — at its own commit (detached, as
 * `git checkout <sha>` leaves it) and at the repository's HEAD with that version of the handoff in place.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ManifestRow {
  /** The corpus file name (`owner__repo__path.md`). */
  file: string;
  /** `owner/name`. */
  repo: string;
  /** The handoff's path inside its repository. */
  path: string;
  /** The commit this version of the handoff was taken at. */
  commit: string;
}

export const SHARED = join(__dirname, '..', '..', '..', 'shared');
export const CORPUS = join(SHARED, 'corpus');

export function readManifest(corpusDir = CORPUS): ManifestRow[] {
  const file = join(corpusDir, 'MANIFEST.tsv');
  if (!existsSync(file)) return [];
  const [header, ...rows] = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  const cols = header!.split('\t');
  const at = (name: string) => cols.indexOf(name);
  return rows.map((line) => {
    const f = line.split('\t');
    return { file: f[at('file')]!, repo: f[at('repo')]!, path: f[at('path')]!, commit: f[at('commit')]! };
  });
}

/** Where the handoff's text of this version is (the corpus copy). */
export function corpusText(row: ManifestRow, corpusDir = CORPUS): string {
  return readFileSync(join(corpusDir, row.file), 'utf8');
}
