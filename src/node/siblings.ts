/**
 * The files beside a document, for deciding whether a newer handoff of its series supersedes it
 * (core/supersede.ts): one folder listing per folder per run, names only (the series and its order are in them).
 */
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DatedHandoff } from '../core/supersede';

/** Entries considered per folder (a folder of thousands of notes is no handoff series). */
const MAX_SIBLINGS = 2_000;

export class SiblingHandoffs {
  private readonly folders = new Map<string, DatedHandoff[]>();

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
