/**
 * A cheap key for "has this repository changed in a way that changes our answers?", built from file metadata
 * only (no process): HEAD, packed-refs, shallow, FETCH_HEAD, and every loose ref. Git updates a ref by
 * writing a lock file and renaming it into place, which changes the ref's mtime and its directory's mtime,
 * so the key moves whenever a commit, checkout, fetch, push, tag or branch deletion happens.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readRegular } from './safeRead';

const MAX_ENTRIES = 20_000;

function stamp(path: string): string {
  try {
    const s = statSync(path);
    return `${s.mtimeMs}:${s.size}:${s.ino}`;
  } catch {
    return '-';
  }
}

function walkRefs(dir: string, parts: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  parts.push(`${dir}=${stamp(dir)}`);
  for (const e of entries) {
    if (parts.length > MAX_ENTRIES) return;
    const p = join(dir, e.name);
    if (e.isDirectory()) walkRefs(p, parts);
    else parts.push(`${e.name}=${stamp(p)}`);
  }
}

export function repoStateKey(gitDir: string, commonDir: string): string {
  const parts = [
    stamp(join(gitDir, 'HEAD')),
    stamp(join(commonDir, 'packed-refs')),
    stamp(join(commonDir, 'shallow')),
    stamp(join(gitDir, 'FETCH_HEAD')),
    stamp(join(commonDir, 'objects', 'pack')),
  ];
  walkRefs(join(commonDir, 'refs'), parts);
  return parts.join('|');
}

/**
 * What discovery depends on: which branch HEAD names (or detached) and whether the clone is shallow. An unborn
 * branch is born by its first commit, which creates the branch's ref and leaves HEAD alone: watch that ref too.
 */
export function headStateKey(repo: { gitDir: string; commonDir: string; head: { kind: string; name?: string } }): string {
  const key = `${stamp(join(repo.gitDir, 'HEAD'))}|${stamp(join(repo.commonDir, 'shallow'))}`;
  if (repo.head.kind !== 'unborn' || !repo.head.name) return key;
  return `${key}|${stamp(join(repo.commonDir, 'refs', 'heads', repo.head.name))}|${stamp(join(repo.commonDir, 'packed-refs'))}`;
}

/**
 * Whether remote-tracking refs probably exist, without a process: any loose ref under refs/remotes (other than
 * a remote's HEAD alias), or one in packed-refs. Only a guess that shapes a query; for-each-ref has the final word.
 */
export function mayHaveRemoteRefs(commonDir: string): boolean {
  const loose = (dir: string, depth: number): boolean => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    return entries.some((e) => (e.isDirectory() ? depth < 8 && loose(join(dir, e.name), depth + 1) : depth > 0 && e.name !== 'HEAD'));
  };
  if (loose(join(commonDir, 'refs', 'remotes'), 0)) return true;
  // Read as a regular file only, and bounded: a FIFO would block the read, a huge file is guessed to have some.
  const packed = readRegular(join(commonDir, 'packed-refs'), PACKED_REFS_MAX);
  if (packed.kind === 'too-large') return true;
  return packed.kind === 'text' && packed.text.includes(' refs/remotes/');
}

/** Most bytes of packed-refs read for the guess. */
const PACKED_REFS_MAX = 32 * 1024 * 1024;
