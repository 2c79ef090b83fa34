/**
 * The handoffs beside a document, with their dates, for deciding whether a newer one supersedes it
 * (core/supersede.ts). One folder listing per folder per run, the start of each Markdown file read once
 * (bounded), so checking a folder of 40 session handoffs reads each sibling once, not 40 times.
 */
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { handoffDate, type DatedHandoff } from '../core/supersede';

/** Bytes read from the start of a sibling: dates sit in the name, the front matter or the first lines. */
const HEAD_BYTES = 8 * 1024;
/** Siblings considered per folder (a folder of thousands of notes is no handoff series). */
const MAX_SIBLINGS = 500;

function head(path: string): string {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, n).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

export class SiblingHandoffs {
  private readonly folders = new Map<string, DatedHandoff[]>();

  /** Markdown files in the folder of `path` (itself included), with their dates. */
  of(path: string): DatedHandoff[] {
    const folder = dirname(resolve(path));
    let list = this.folders.get(folder);
    if (!list) {
      let names: string[] = [];
      try {
        names = readdirSync(folder, { withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => e.name).sort();
      } catch {
        names = [];
      }
      list = names.slice(0, MAX_SIBLINGS).map((name) => {
        const p = join(folder, name);
        return { path: p, date: handoffDate(p, head(p)) };
      });
      this.folders.set(folder, list);
    }
    return list;
  }
}
