/**
 * The files beside a document, for deciding whether a newer handoff of its series supersedes it
 * (core/supersede.ts): one folder listing per folder per run, names only (the series and its order are in them);
 * for a copy of a superseded sibling, the sizes of those siblings, and the text of one of the same size.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { newerAsCopy, newerInIndex, seriesIndex, type DatedHandoff, type SeriesIndex } from '../core/supersede';
import { GSD_STATE_MAX_BYTES, gsdStateFor, pauseSupersededBy } from '../core/gsdPause';
import { readRegular } from './safeRead';

/** Entries considered per folder (a folder of thousands of notes is no handoff series). */
const MAX_SIBLINGS = 2_000;
/** Siblings of a document's size read to compare with it, at most (copies of one handoff are a few). */
const MAX_TWINS_READ = 4;

interface SupersededSibling { path: string; size: number; newer: string }

export class SiblingHandoffs {
  /** `within`: a folder nothing outside of is read (the MCP server's root); null: no such bound (the CLI's paths). */
  constructor(private readonly within: string | null = null) {}

  private readonly folders = new Map<string, DatedHandoff[]>();
  private readonly indexes = new Map<string, SeriesIndex>();

  private readonly superseded = new Map<string, SupersededSibling[]>();
  /** GSD's `.planning/STATE.md` texts by path (null: unreadable), read once per run. */
  private readonly gsdStates = new Map<string, string | null>();

  /**
   * The newer handoff of the same series beside `path`, if any (core/supersede.ts); one index per folder per run.
   * Given the document's text, a copy of a superseded sibling (the same text under another name) is superseded
   * with it (newerAsCopy): only the superseded siblings of the text's size are read.
   */
  newerThan(path: string, text?: string): string | null {
    const self = resolve(path);
    const own = newerInIndex(self, this.indexOf(path));
    if (own !== null || text === undefined) return own;
    const resumedPast = this.stateAfterPause(self, text);
    if (resumedPast !== null) return resumedPast;
    const bytes = Buffer.byteLength(text);
    const twins = this.supersededBeside(path).filter((s) => s.size === bytes && s.path !== self).slice(0, MAX_TWINS_READ);
    return newerAsCopy({ path: self, text }, twins.flatMap((s) => {
      const read = readRegular(s.path, bytes);
      return read.kind === 'text' ? [{ path: s.path, text: read.text, supersededBy: s.newer }] : [];
    }));
  }

  /** For GSD's pause file, the STATE.md that says the project went on past it (core/gsdPause.ts), else null. */
  private stateAfterPause(self: string, text: string): string | null {
    const statePath = gsdStateFor(self);
    if (statePath === null) return null;
    if (this.within !== null) {
      const rel = relative(this.within, statePath);
      if (rel.startsWith('..') || isAbsolute(rel)) return null;
    }
    let state = this.gsdStates.get(statePath);
    if (state === undefined) {
      const read = readRegular(statePath, GSD_STATE_MAX_BYTES);
      this.gsdStates.set(statePath, (state = read.kind === 'text' ? read.text : null));
    }
    return state === null ? null : pauseSupersededBy({ path: self, text }, { path: statePath, text: state });
  }

  private indexOf(path: string): SeriesIndex {
    const folder = dirname(resolve(path));
    let index = this.indexes.get(folder);
    if (!index) this.indexes.set(folder, (index = seriesIndex(this.of(path))));
    return index;
  }

  /** The handoffs beside `path` that a newer one of their series supersedes, with their sizes. */
  private supersededBeside(path: string): SupersededSibling[] {
    const folder = dirname(resolve(path));
    let list = this.superseded.get(folder);
    if (list) return list;
    const index = this.indexOf(path);
    list = [];
    for (const s of this.of(path)) {
      const newer = newerInIndex(s.path, index);
      if (newer === null) continue;
      try {
        list.push({ path: s.path, size: statSync(s.path).size, newer });
      } catch {
        // gone since the listing: no copy of anything
      }
    }
    this.superseded.set(folder, list);
    return list;
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
