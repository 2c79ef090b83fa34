/**
 * The object store read directly, for the two questions facts asks of every cited SHA before any walk: which
 * objects start with it (an abbreviation's candidates), and of what type each is. git answers both too
 * (`rev-parse --disambiguate`, `cat-file --batch-check`), but each git process costs a fork of this whole
 * process, and given an abbreviation git first tries it as a ref name (a dozen failed file lookups each).
 * Read here: pack indexes (version 2: fan-out table, sorted names, offsets), the first bytes of each found
 * object's pack entry or loose file (its type), and the loose-object folders.
 *
 * Null, and git is asked instead, for anything not fully understood: alternates, another object format,
 * a partial clone (git fetches missing objects there), a pack without its index or the reverse, another
 * index version, indexes too large to read here, or a read that fails (e.g. a pack deleted by a gc under us).
 * A type that cannot be read (a delta against an object named by SHA, a damaged loose object) is simply left
 * out of `types`: the caller then asks `cat-file` for the types.
 *
 * A problem, and git is not asked, when a file read here is a FIFO or a device: git would hang on it (or choke),
 * so asking it would only cost a timeout. Every file is opened non-blocking and checked on its descriptor
 * (safeRead.ts), and every read is bounded.
 */
import { closeSync, existsSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { constants, inflateSync } from 'node:zlib';
import type { GitProblem } from '../core/git/provider';
import type { Candidates } from './resolvePrefixes';
import { openRegular, readRegular, whyNotRead, type NotRead } from './safeRead';

export type ObjectType = 'commit' | 'tree' | 'blob' | 'tag';

export interface DiskObjects {
  /** Every key (a SHA or an abbreviation, lower-case hex) → the full names starting with it. */
  candidates: Candidates;
  /** Types of the names that are some key's only candidate, where they could be read. */
  types: Map<string, ObjectType>;
}

/** Reading more of one index than this (names, or offsets) is left to git, which maps it. */
const MAX_READ = 8 * 1024 * 1024;
const IDX_MAGIC = 0xff744f63;
const NAMES = 8 + 256 * 4; // after the header and the fan-out table
const TYPES: Record<number, ObjectType> = { 1: 'commit', 2: 'tree', 3: 'blob', 4: 'tag' };
const OFS_DELTA = 6;

/** Where a name was found: an entry of a pack index, or a loose file. */
type Place = { pack: PackIndex; entry: number } | { loose: string };
type Hit = [key: string, name: string, place: Place];

interface PackIndex {
  idx: string;
  pack: string;
  count: number;
}

/** Thrown inside when a file is a FIFO or a device; the exported function turns it into a problem. */
class Special extends Error {}

/** Opens a file to read here: its descriptor and size, or throws (a special file: Special; else: give up). */
function open(path: string): { fd: number; size: number } {
  const r = openRegular(path);
  if ('fd' in r) return { fd: r.fd, size: r.stats.size };
  throw r.kind === 'odd' ? new Special(whyNotRead(path, r)) : new Error(r.kind);
}

function special(path: string, r: NotRead): never {
  throw new Special(whyNotRead(path, r));
}

/** Most bytes of config read here (git reads a larger one itself). */
const CONFIG_MAX = 1024 * 1024;

export function objectsOnDisk(commonDir: string, keys: readonly string[]): DiskObjects | { problem: GitProblem } | null {
  if (process.env.GIT_OBJECT_DIRECTORY !== undefined || process.env.GIT_ALTERNATE_OBJECT_DIRECTORIES !== undefined) return null;
  const objects = join(commonDir, 'objects');
  try {
    const read = readRegular(join(commonDir, 'config'), CONFIG_MAX);
    if (read.kind === 'odd') special(join(commonDir, 'config'), read);
    if (read.kind !== 'text') return null;
    const config = read.text;
    if (/^\s*(objectformat|partialclone)\s*=/im.test(config) || existsSync(join(objects, 'info', 'alternates'))) return null;
    // Loose objects before packs: `git gc` writes the new pack before it deletes the loose objects, so in
    // this order an object moving between the two is seen on one side or the other.
    const hits = searchLoose(objects, keys);
    const listing = existsSync(join(objects, 'pack')) ? readdirSync(join(objects, 'pack')) : [];
    const idx = listing.filter((f) => f.endsWith('.idx')).map((f) => f.slice(0, -4));
    const packs = new Set(listing.filter((f) => f.endsWith('.pack')).map((f) => f.slice(0, -5)));
    // Each pack with its index and each index with its pack (else: a multi-pack-index alone, or a pack being
    // written or deleted right now).
    if (idx.length !== packs.size || !idx.every((i) => packs.has(i))) return null;
    for (const base of idx) {
      const found = searchIndex(join(objects, 'pack', base), keys);
      if (!found) return null;
      for (const h of found) hits.push(h);
    }

    const candidates: Candidates = new Map(keys.map((k) => [k, []]));
    const place = new Map<string, Place>();
    for (const [key, name, where] of hits) {
      candidates.get(key)!.push(name);
      place.set(name, where);
    }
    for (const [key, names] of candidates) if (names.length > 1) candidates.set(key, [...new Set(names)].sort());
    const unique = new Set([...candidates.values()].filter((n) => n.length === 1).map((n) => n[0]!));
    return { candidates, types: readTypes([...unique].map((n) => [n, place.get(n)!])) };
  } catch (e) {
    if (e instanceof Special) return { problem: { kind: 'corrupt', message: `the git repository cannot be read (${e.message}); showing parse-only results` } };
    return null; // unreadable, or changed under us: git will say
  }
}

/** Loose objects: `objects/xx/<38 hex>`, one folder per first byte (only the folders the keys need). */
function searchLoose(objects: string, keys: readonly string[]): Hit[] {
  const top = new Set(readdirSync(objects));
  const byDir = new Map<string, string[]>();
  for (const k of keys) {
    const d = k.slice(0, 2);
    if (!top.has(d)) continue;
    const list = byDir.get(d);
    if (list) list.push(k);
    else byDir.set(d, [k]);
  }
  const hits: Hit[] = [];
  for (const [d, ks] of byDir) {
    for (const f of readdirSync(join(objects, d))) {
      if (f.length !== 38 || !/^[0-9a-f]{38}$/.test(f)) continue; // tmp_obj_* while git writes
      const name = d + f;
      for (const k of ks) if (name.startsWith(k)) hits.push([k, name, { loose: join(objects, d, f) }]);
    }
  }
  return hits;
}

/**
 * One pack index: 8-byte header, 256 cumulative counts by first byte, then the sorted 20-byte names. Reads
 * the names of the buckets the keys fall in (adjacent buckets in one read) and binary-searches each key.
 * Null: not a version-2 SHA-1 index, or too large to read here.
 */
function searchIndex(base: string, keys: readonly string[]): Hit[] | null {
  const { fd, size } = open(`${base}.idx`);
  try {
    const head = Buffer.alloc(NAMES);
    if (size < NAMES || readSync(fd, head, 0, NAMES, 0) !== NAMES) return null;
    if (head.readUInt32BE(0) !== IDX_MAGIC || head.readUInt32BE(4) !== 2) return null;
    const fanout = new Uint32Array(257); // fanout[b + 1]: entries whose first byte is at most b
    for (let b = 0; b < 256; b++) fanout[b + 1] = head.readUInt32BE(8 + b * 4);
    const count = fanout[256]!;
    // Names, CRCs and 4-byte offsets, two trailing checksums: a smaller file is damaged or of another hash.
    if (size < NAMES + count * 28 + 40) return null;
    const pack: PackIndex = { idx: `${base}.idx`, pack: `${base}.pack`, count };

    // Entry ranges [from, to) to read: the keys' buckets, merged when they touch.
    const buckets = [...new Set(keys.map((k) => parseInt(k.slice(0, 2), 16)))].sort((a, b) => a - b);
    const ranges: Array<{ from: number; to: number; buf: Buffer }> = [];
    const rangeOf = new Int16Array(256);
    for (const b of buckets) {
      const last = ranges[ranges.length - 1];
      if (last && last.to === fanout[b]) last.to = fanout[b + 1]!;
      else ranges.push({ from: fanout[b]!, to: fanout[b + 1]!, buf: Buffer.alloc(0) });
      rangeOf[b] = ranges.length - 1;
    }
    if (ranges.reduce((n, r) => n + (r.to - r.from) * 20, 0) > MAX_READ) return null;
    for (const r of ranges) {
      r.buf = Buffer.allocUnsafe((r.to - r.from) * 20);
      if (readSync(fd, r.buf, 0, r.buf.length, NAMES + r.from * 20) !== r.buf.length) return null;
    }

    const hits: Hit[] = [];
    const digits = new Uint8Array(40);
    for (const k of keys) {
      for (let i = 0; i < k.length; i++) {
        const c = k.charCodeAt(i);
        digits[i] = c <= 57 ? c - 48 : c - 87; // validated lower-case hex
      }
      const b = digits[0]! * 16 + digits[1]!;
      const { from, buf } = ranges[rangeOf[b]!]!;
      let lo = fanout[b]! - from;
      const end = fanout[b + 1]! - from;
      for (let hi = end; lo < hi; ) {
        const mid = (lo + hi) >>> 1;
        if (compareAt(buf, mid, digits, k.length) < 0) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < end && compareAt(buf, i, digits, k.length) === 0; i++) {
        hits.push([k, buf.toString('hex', i * 20, i * 20 + 20), { pack, entry: from + i }]);
      }
    }
    return hits;
  } finally {
    closeSync(fd);
  }
}

/** The name at entry `i` against the key's first `n` hex digits (odd lengths included): <0, 0 or >0. */
function compareAt(buf: Buffer, i: number, digits: Uint8Array, n: number): number {
  for (let k = 0; k < n; k++) {
    const byte = buf[i * 20 + (k >> 1)]!;
    const d = (k & 1 ? byte & 15 : byte >> 4) - digits[k]!;
    if (d) return d;
  }
  return 0;
}

/** Types of found objects, by pack (one open of index and pack each) and loose file; unreadable ones left out. */
function readTypes(found: Array<[string, Place]>): Map<string, ObjectType> {
  const types = new Map<string, ObjectType>();
  const byPack = new Map<PackIndex, Array<[string, number]>>();
  for (const [name, where] of found) {
    if ('loose' in where) {
      const t = looseType(where.loose);
      if (t) types.set(name, t);
    } else {
      const list = byPack.get(where.pack);
      if (list) list.push([name, where.entry]);
      else byPack.set(where.pack, [[name, where.entry]]);
    }
  }
  for (const [pack, entries] of byPack) packTypes(pack, entries, types);
  return types;
}

/** A loose object is zlib-deflated `<type> <size>\0<content>`: the first bytes say the type. */
function looseType(path: string): ObjectType | null {
  const r = openRegular(path);
  if (!('fd' in r)) return r.kind === 'odd' ? special(path, r) : null;
  const fd = r.fd;
  try {
    const buf = Buffer.alloc(64);
    const n = readSync(fd, buf, 0, 64, 0);
    const head = inflateSync(buf.subarray(0, n), { finishFlush: constants.Z_SYNC_FLUSH }).toString('latin1');
    const m = /^(commit|tree|blob|tag) \d+\0/.exec(head);
    return m ? (m[1] as ObjectType) : null;
  } catch {
    return null; // damaged: cat-file will say what it is
  } finally {
    closeSync(fd);
  }
}

/**
 * The first bytes of a pack entry (at most 32: its type-and-size and a delta's base offset), read through
 * 64 KB blocks: the entries facts asks about are often near each other (git writes commits together).
 */
function packReader(fd: number): (offset: number) => Buffer {
  const BLOCK = 64 * 1024;
  const blocks = new Map<number, Buffer>();
  return (offset) => {
    const b = Math.floor(offset / BLOCK);
    if (offset + 32 > (b + 1) * BLOCK) {
      const buf = Buffer.alloc(32);
      return buf.subarray(0, readSync(fd, buf, 0, 32, offset));
    }
    let block = blocks.get(b);
    if (!block) {
      block = Buffer.allocUnsafe(BLOCK);
      block = block.subarray(0, readSync(fd, block, 0, BLOCK, b * BLOCK));
      if (blocks.size > 256) blocks.clear(); // at most 16 MB held
      blocks.set(b, block);
    }
    return block.subarray(offset - b * BLOCK, offset - b * BLOCK + 32);
  };
}

/**
 * Pack entries: the offset from the index (4 bytes, or an index into the 8-byte table past 2 GB), then the
 * entry's first byte holds its type. A delta's type is its base's: an offset delta names its base by
 * position in the same pack, followed here; a delta naming its base by SHA is left to cat-file.
 */
function packTypes(p: PackIndex, entries: Array<[string, number]>, types: Map<string, ObjectType>): void {
  const idx = open(p.idx).fd;
  let pack: number;
  try {
    pack = open(p.pack).fd;
  } catch (e) {
    closeSync(idx);
    throw e;
  }
  try {
    const magic = Buffer.alloc(8);
    if (readSync(pack, magic, 0, 8, 0) !== 8 || magic.toString('latin1', 0, 4) !== 'PACK' || ![2, 3].includes(magic.readUInt32BE(4))) return;
    const offsetsAt = NAMES + p.count * 24;
    let offsets: Buffer | null = null;
    if (p.count * 4 <= MAX_READ && entries.length > 64) {
      offsets = Buffer.allocUnsafe(p.count * 4);
      if (readSync(idx, offsets, 0, offsets.length, offsetsAt) !== offsets.length) return;
    }
    const word = Buffer.alloc(8);
    const at = packReader(pack);
    for (const [name, entry] of entries) {
      let off: number;
      if (offsets) off = offsets.readUInt32BE(entry * 4);
      else {
        if (readSync(idx, word, 0, 4, offsetsAt + entry * 4) !== 4) continue;
        off = word.readUInt32BE(0);
      }
      if (off & 0x80000000) {
        if (readSync(idx, word, 0, 8, offsetsAt + p.count * 4 + (off & 0x7fffffff) * 8) !== 8) continue;
        off = Number(word.readBigUInt64BE(0));
      }
      // Follow offset deltas to their base; the bound only guards against a damaged pack looping.
      for (let depth = 0; depth < 10_000; depth++) {
        const header = at(off);
        if (header.length < 2) break;
        let i = 0;
        let c = header[i++]!;
        const type = (c >> 4) & 7;
        while (c & 0x80 && i < header.length) c = header[i++]!; // the size, not needed
        if (TYPES[type]) {
          types.set(name, TYPES[type]!);
          break;
        }
        if (type !== OFS_DELTA) break; // a delta by SHA, or damage
        c = header[i++]!;
        let back = c & 127;
        while (c & 0x80 && i < header.length) {
          c = header[i++]!;
          back = (back + 1) * 128 + (c & 127);
        }
        if (back <= 0 || back >= off) break;
        off -= back;
      }
    }
  } finally {
    closeSync(pack);
    closeSync(idx);
  }
}
