/**
 * The files beside a document, for deciding whether a newer handoff of its series supersedes it
 * (core/supersede.ts): one folder listing per folder per run, names only (the series and its order are in them).
 */
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { newerInIndex, seriesIndex, type DatedHandoff, type SeriesIndex } from '../core/supersede';

/** Entries considered per folder (a folder of thousands of notes is no handoff series). */
const MAX_SIBLINGS = 2_000;

export class SiblingHandoffs {
  private readonly folders = new Map<string, DatedHandoff[]>();
  private readonly indexes = new Map<string, SeriesIndex>();

  /** The newer handoff of the same series beside `path`, if any (core/supersede.ts); one index per folder per run. */
  newerThan(path: string): string | null {
    const folder = dirname(resolve(path));
    let index = this.indexes.get(folder);
    if (!index) this.indexes.set(folder, (index = seriesIndex(this.of(path))));
    return newerInIndex(resolve(path), index);
  }

  /** Markdown files in the folder of `path` (itself included). */
  of(path: string): DatedHandoff[] {
    const folder = dirname(resolve(path));
    let list = this.folders.get(folder);
    if (!list) {
      try {
        list = readdirSync(folder, { withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.md'))
          .slice(0, MAX_SIBLINGS).map((e) => ({ path: join(folder, e.name) }));
      } catch {
        list = [];
      }
      this.folders.set(folder, list);
    }
    return list;
  }
}
