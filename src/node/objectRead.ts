/**
 * Whole objects read from the object store without a process, for two cheap questions: which blob a path had at
 * a commit (so an unchanged file needs no `git diff`), and the text of a file at a commit (a handoff's older
 * version; a hover's "then"). Loose objects and version-2 pack indexes with their packs, deltas applied (by offset,
 * or by name within what this store holds). Every object read is checked against its name (its SHA-1 is computed
 * again), so a misread is never an answer: anything not understood or not matching is null, and the caller asks
 * git. Null as well for stores read elsewhere (alternates, partial clones, SHA-256, GIT_OBJECT_DIRECTORY).
 * Bounded: objects up to `maxBytes`, delta chains up to MAX_DEPTH, one read per object; regular files only, opened
 * non-blocking (a FIFO in an object's place is not waited on: packFiles.ts, safeRead.ts).
 * Objects are kept, a few MB of them: by pack and offset (what is there never changes: a repack writes a new pack),
 * so that the trees of a run's commits — deltas of one another, chains tens deep — are each inflated once, as git's
 * own delta base cache does; and by name once verified, so that a tree many commits share is read once.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { isFullSha } from '../core/git/schemas';
import { findOffset, readIndexHead, TurnFiles, type Pack } from './packFiles';
import { openRegular, readRegular, readUpTo } from './safeRead';

export type ObjectKind = 'commit' | 'tree' | 'blob' | 'tag';

export interface StoredObject {
  kind: ObjectKind;
  data: Buffer;
}

const KINDS: Record<number, ObjectKind> = { 1: 'commit', 2: 'tree', 3: 'blob', 4: 'tag' };
const OFS_DELTA = 6;
const REF_DELTA = 7;
/** Longest delta chain followed (git's default depth is 50; aggressive packs reach a few hundred). */
const MAX_DEPTH = 1_000;
/** Bytes of objects kept between reads (the least recently read go first), and the largest one kept. */
const KEPT_BYTES = 16 * 1024 * 1024;
const KEPT_OBJECT_BYTES = 1024 * 1024;
/** The repository's config is read for two settings; a larger one is not read here. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** Bytes an object of `size` can take deflated, at most (zlib's worst case is a little over the size itself). */
const deflatedRoom = (size: number) => size + 64 + (size >> 3);

/** Objects read, by pack file and offset or by store and name, least recently read first. */
const kept = new Map<string, StoredObject>();
let keptBytes = 0;

function keptAt(key: string): StoredObject | undefined {
  const o = kept.get(key);
  if (o) {
    kept.delete(key);
    kept.set(key, o);
  }
  return o;
}

function keep(key: string, o: StoredObject): void {
  if (o.data.length > KEPT_OBJECT_BYTES || kept.has(key)) return;
  kept.set(key, o);
  keptBytes += o.data.length;
  for (const [k, old] of kept) {
    if (keptBytes <= KEPT_BYTES) break;
    kept.delete(k);
    keptBytes -= old.data.length;
  }
}

export class ObjectReader {
  private readonly packs: Pack[];
  private readonly files = new TurnFiles();

  private constructor(private readonly objects: string, packs: Pack[], private readonly maxBytes: number) {
    this.packs = packs;
  }

  /** A reader of `commonDir`'s object store, or null when it is not one this reads (then git is asked). */
  static open(commonDir: string, maxBytes = 8 * 1024 * 1024): ObjectReader | null {
    if (process.env.GIT_OBJECT_DIRECTORY !== undefined || process.env.GIT_ALTERNATE_OBJECT_DIRECTORIES !== undefined) return null;
    const objects = join(commonDir, 'objects');
    try {
      const read = readRegular(join(commonDir, 'config'), MAX_CONFIG_BYTES);
      if (read.kind !== 'text') return null;
      const config = read.text;
      if (/^\s*(objectformat|partialclone)\s*=/im.test(config) || existsSync(join(objects, 'info', 'alternates'))) return null;
      const listing = existsSync(join(objects, 'pack')) ? readdirSync(join(objects, 'pack')) : [];
      const idx = listing.filter((f) => f.endsWith('.idx')).map((f) => f.slice(0, -4));
      const packNames = new Set(listing.filter((f) => f.endsWith('.pack')).map((f) => f.slice(0, -5)));
      if (idx.length !== packNames.size || !idx.every((i) => packNames.has(i))) return null;
      const packs: Pack[] = [];
      for (const base of idx) {
        const p = readIndexHead(join(objects, 'pack', base));
        if (!p) return null;
        packs.push(p);
      }
      return new ObjectReader(objects, packs, maxBytes);
    } catch {
      return null;
    }
  }

  /** The object named `sha` (full, lower-case), verified against its name; null when not read here. */
  read(sha: string): StoredObject | null {
    if (!isFullSha(sha)) return null;
    // Kept by name too once verified (an object's name is its content): a tree many commits share is read once.
    const key = `${this.objects}\0${sha}`;
    const known = keptAt(key);
    if (known) return known.data.length <= this.maxBytes ? known : null;
    try {
      // Packed first: most objects are, and a loose file that is not there costs a failed open.
      const o = this.readPacked(sha, 0) ?? this.readLoose(sha);
      if (!o || !verified(sha, o)) return null;
      keep(key, o);
      return o;
    } catch {
      return null; // damaged, or changed under us (a gc): git will say
    }
  }

  /**
   * The blob each repository-relative path has at `commit` (null: not there, or not a file); null as a whole when
   * the commit or a tree on the way could not be read here.
   */
  blobsAt(commit: string, paths: readonly string[]): Map<string, string | null> | null {
    const root = this.treeOf(commit);
    if (!root) return null;
    const trees = new Map<string, Map<string, { mode: string; sha: string }> | null>();
    const treeOf = (sha: string) => {
      if (!trees.has(sha)) trees.set(sha, this.entriesOf(sha));
      return trees.get(sha)!;
    };
    const out = new Map<string, string | null>();
    for (const path of paths) {
      let tree = treeOf(root);
      if (!tree) return null;
      const parts = path.split('/');
      let found: string | null = null;
      for (let i = 0; i < parts.length; i++) {
        const entry = tree.get(parts[i]!);
        if (!entry) break;
        if (i === parts.length - 1) {
          // A regular file or a symbolic link; a gitlink (submodule) or a folder is no file to compare.
          if (entry.mode === '100644' || entry.mode === '100755' || entry.mode === '120000') found = entry.sha;
          break;
        }
        if (entry.mode !== '40000') break;
        const next = treeOf(entry.sha);
        if (!next) return null;
        tree = next;
      }
      out.set(path, found);
    }
    return out;
  }

  /** The root tree of `commit`, or null when the commit is not read here. */
  treeOf(commit: string): string | null {
    const c = this.read(commit);
    if (c?.kind !== 'commit') return null;
    return /^tree ([0-9a-f]{40})$/m.exec(c.data.toString('latin1', 0, Math.min(c.data.length, 200)))?.[1] ?? null;
  }

  /** The parents of `commit` (none for a root commit), or null when the commit is not read here. */
  parentsOf(commit: string): string[] | null {
    const c = this.read(commit);
    if (c?.kind !== 'commit') return null;
    const head = c.data.toString('latin1', 0, Math.min(c.data.length, c.data.indexOf('\n\n') >>> 0));
    return [...head.matchAll(/^parent ([0-9a-f]{40})$/gm)].map((m) => m[1]!);
  }

  /** A tree's entries in its own (git's) order, or null when it is not read here. */
  entriesOf(tree: string): Map<string, { mode: string; sha: string }> | null {
    const t = this.read(tree);
    return t?.kind === 'tree' ? parseTree(t.data) : null;
  }

  private readLoose(sha: string): StoredObject | null {
    const opened = openRegular(join(this.objects, sha.slice(0, 2), sha.slice(2)));
    if (!('fd' in opened)) return null;
    let raw: Buffer;
    try {
      // Deflated, an object of maxBytes takes a little more at worst: a larger file is none read here.
      if (opened.stats.size > deflatedRoom(this.maxBytes)) return null;
      raw = readUpTo(opened.fd, opened.stats.size);
    } finally {
      closeSync(opened.fd);
    }
    const data = inflateSync(raw, { maxOutputLength: this.maxBytes + 64 });
    const nul = data.indexOf(0);
    const m = /^(commit|tree|blob|tag) (\d+)$/.exec(data.toString('latin1', 0, Math.max(0, nul)));
    if (!m || Number(m[2]) !== data.length - nul - 1) return null;
    return { kind: m[1] as ObjectKind, data: data.subarray(nul + 1) };
  }

  private readPacked(sha: string, depth: number): StoredObject | null {
    for (const p of this.packs) {
      const offset = findOffset(p, sha, this.files);
      if (offset === null) continue;
      const fd = this.files.fd(p.pack);
      return fd === null ? null : this.entryAt(p, fd, offset, depth);
    }
    return null;
  }

  /** The object at `offset` of a pack, deltas applied (kept: see the file's comment). */
  private entryAt(p: Pack, fd: number, offset: number, depth: number): StoredObject | null {
    const key = `${p.pack}\0${offset}`;
    const known = keptAt(key);
    if (known) return known.data.length <= this.maxBytes ? known : null;
    const o = this.unpack(p, fd, offset, depth);
    if (o) keep(key, o);
    return o;
  }

  private unpack(p: Pack, fd: number, offset: number, depth: number): StoredObject | null {
    if (depth > MAX_DEPTH) return null;
    // The entry's header: type, size and a delta's base, in at most 32 bytes (fewer at the pack's end).
    const head = readUpTo(fd, 32, offset);
    const n = head.length;
    let i = 0;
    let c = head[i++]!;
    const type = (c >> 4) & 7;
    let size = c & 15;
    for (let shift = 4; c & 0x80 && i < n; shift += 7) {
      c = head[i++]!;
      size += (c & 127) * 2 ** shift;
    }
    if (size > this.maxBytes) return null;
    let base: StoredObject | null = null;
    if (type === OFS_DELTA) {
      c = head[i++]!;
      let back = c & 127;
      while (c & 0x80 && i < n) {
        c = head[i++]!;
        back = (back + 1) * 128 + (c & 127);
      }
      if (back <= 0 || back > offset) return null;
      base = this.entryAt(p, fd, offset - back, depth + 1);
    } else if (type === REF_DELTA) {
      const name = head.toString('hex', i, i + 20);
      i += 20;
      base = this.readPacked(name, depth + 1) ?? this.readLoose(name);
    } else if (!KINDS[type]) {
      return null;
    }
    // The deflated data follows; it is at most a little longer than what it holds.
    const room = readUpTo(fd, deflatedRoom(size), offset + i);
    const data = inflateSync(room, { maxOutputLength: size + 1 });
    if (data.length !== size) return null;
    if (type === OFS_DELTA || type === REF_DELTA) {
      if (!base) return null;
      const result = applyDelta(base.data, data, this.maxBytes);
      return result ? { kind: base.kind, data: result } : null;
    }
    return { kind: KINDS[type]!, data };
  }
}

/** Git's delta format: base size, result size, then copy (from the base) and insert instructions. */
export function applyDelta(base: Buffer, delta: Buffer, maxBytes: number): Buffer | null {
  let i = 0;
  const varint = () => {
    let v = 0;
    let shift = 0;
    let c;
    do {
      c = delta[i++];
      if (c === undefined) return -1;
      v += (c & 127) * 2 ** shift;
      shift += 7;
    } while (c & 0x80);
    return v;
  };
  if (varint() !== base.length) return null;
  const size = varint();
  if (size < 0 || size > maxBytes) return null;
  const out = Buffer.alloc(size);
  let o = 0;
  while (i < delta.length) {
    const op = delta[i++]!;
    if (op & 0x80) {
      let off = 0;
      let len = 0;
      for (let bit = 0; bit < 4; bit++) if (op & (1 << bit)) off += delta[i++]! * 2 ** (8 * bit);
      for (let bit = 0; bit < 3; bit++) if (op & (16 << bit)) len += delta[i++]! * 2 ** (8 * bit);
      if (len === 0) len = 0x10000;
      if (off + len > base.length || o + len > size) return null;
      base.copy(out, o, off, off + len);
      o += len;
    } else if (op > 0) {
      if (o + op > size || i + op > delta.length) return null;
      delta.copy(out, o, i, i + op);
      o += op;
      i += op;
    } else {
      return null; // reserved
    }
  }
  return o === size ? out : null;
}

/** A tree's entries by name: `<mode> <name>\0<20-byte name>` each. */
function parseTree(data: Buffer): Map<string, { mode: string; sha: string }> | null {
  const out = new Map<string, { mode: string; sha: string }>();
  let i = 0;
  while (i < data.length) {
    const space = data.indexOf(32, i);
    const nul = data.indexOf(0, space + 1);
    if (space < 0 || nul < 0 || nul + 21 > data.length) return null;
    out.set(data.toString('utf8', space + 1, nul), { mode: data.toString('latin1', i, space), sha: data.toString('hex', nul + 1, nul + 21) });
    i = nul + 21;
  }
  return out;
}

/** True when the object hashes to its name: the proof that it was read right. */
function verified(sha: string, o: StoredObject): boolean {
  return createHash('sha1').update(`${o.kind} ${o.data.length}\0`).update(o.data).digest('hex') === sha;
}

/** The blob name git would give these bytes (no filters: a file stored through one simply differs). */
export function blobName(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
