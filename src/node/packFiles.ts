/**
 * The files of a pack, read without a process (objectRead.ts): the version-2 index (`.idx`: names, then offsets into
 * the pack) and the pack itself. Like every read of `.git` the tool makes itself, only regular files are opened, and
 * non-blocking (safeRead.ts): a FIFO in a pack's place would hold the thread forever — beyond the reach of a timeout
 * or a Ctrl-C, which wait for the thread — and a link to `/dev/zero` would read without end. Anything odd is
 * "not read here", and the caller asks git, whose processes are time-bounded.
 */
import { closeSync } from 'node:fs';
import { openRegular, readUpTo } from './safeRead';

const IDX_MAGIC = 0xff744f63;
/** Where an index's names start: the 8-byte header and the 256-entry fan-out table before them. */
const NAMES = 8 + 256 * 4;
/** Names read at once (20 bytes each): a lookup reads its fan-out bucket whole when the bucket is no larger. */
const NAMES_PER_READ = 4096;

export interface Pack {
  idx: string;
  pack: string;
  count: number;
  fanout: Uint32Array;
}

/**
 * Descriptors of the pack files read during one turn of the event loop, each file opened once and all of them closed
 * when the turn ends. A tree listing reads hundreds of objects in one synchronous run, each from the same index and
 * pack: opened and closed per object, that was two thirds of its system calls. Nothing is held past the turn (a
 * repack may delete the files; Windows could not while they are open).
 */
export class TurnFiles {
  private readonly open = new Map<string, number | null>();
  private closing = false;

  /** A descriptor of `path` if it is a regular file (null: missing, odd or unreadable). */
  fd(path: string): number | null {
    const known = this.open.get(path);
    if (known !== undefined) return known;
    const r = openRegular(path);
    const fd = 'fd' in r ? r.fd : null;
    this.open.set(path, fd);
    if (!this.closing) {
      this.closing = true;
      setImmediate(() => this.closeAll());
    }
    return fd;
  }

  closeAll(): void {
    for (const fd of this.open.values()) {
      if (fd === null) continue;
      try { closeSync(fd); } catch { /* closed already */ }
    }
    this.open.clear();
    this.closing = false;
  }
}

/** `length` bytes at `position`, or null when the file ends first. */
function readAt(fd: number, length: number, position: number): Buffer | null {
  const buf = readUpTo(fd, length, position);
  return buf.length === length ? buf : null;
}

/** The header and fan-out table of a version-2 pack index; null for anything else (or a file that is not regular). */
export function readIndexHead(base: string): Pack | null {
  const r = openRegular(`${base}.idx`);
  if (!('fd' in r)) return null;
  try {
    const head = readAt(r.fd, NAMES, 0);
    if (!head || head.readUInt32BE(0) !== IDX_MAGIC || head.readUInt32BE(4) !== 2) return null;
    const fanout = new Uint32Array(257);
    for (let b = 0; b < 256; b++) fanout[b + 1] = head.readUInt32BE(8 + b * 4);
    const count = fanout[256]!;
    if (r.stats.size < NAMES + count * 28 + 40) return null;
    return { idx: `${base}.idx`, pack: `${base}.pack`, count, fanout };
  } finally {
    closeSync(r.fd);
  }
}

/**
 * The pack offset of a full name (null: not in this pack, or not read). Binary search over the index's names: within
 * the name's fan-out bucket, read at once (a bucket holds count/256 names: a few KB); a bucket too large for one
 * read (millions of objects) is first narrowed a name at a time.
 */
export function findOffset(p: Pack, sha: string, files: TurnFiles): number | null {
  const want = Buffer.from(sha, 'hex');
  const b = want[0]!;
  let lo = p.fanout[b]!;
  let hi = p.fanout[b + 1]!;
  if (lo >= hi) return null;
  const fd = files.fd(p.idx);
  if (fd === null) return null;
  while (hi - lo > NAMES_PER_READ) {
    const mid = (lo + hi) >>> 1;
    const name = readAt(fd, 20, NAMES + mid * 20);
    if (!name) return null;
    const cmp = name.compare(want);
    if (cmp === 0) return offsetOf(p, fd, mid);
    if (cmp < 0) lo = mid + 1;
    else hi = mid;
  }
  const names = readAt(fd, (hi - lo) * 20, NAMES + lo * 20);
  if (!names) return null;
  let l = 0;
  let h = hi - lo;
  while (l < h) {
    const mid = (l + h) >>> 1;
    // The name at `mid` against the one wanted: negative when it sorts before it.
    const cmp = names.compare(want, 0, 20, mid * 20, mid * 20 + 20);
    if (cmp === 0) return offsetOf(p, fd, lo + mid);
    if (cmp < 0) l = mid + 1;
    else h = mid;
  }
  return null;
}

/** The pack offset of the index's entry `k` (a large pack's offsets past 2 GB are in a second table). */
function offsetOf(p: Pack, fd: number, k: number): number | null {
  const offsetsAt = NAMES + p.count * 24;
  const word = readAt(fd, 4, offsetsAt + k * 4);
  if (!word) return null;
  const off = word.readUInt32BE(0);
  if (!(off & 0x80000000)) return off;
  const wide = readAt(fd, 8, offsetsAt + p.count * 4 + (off & 0x7fffffff) * 8);
  return wide ? Number(wide.readBigUInt64BE(0)) : null;
}
