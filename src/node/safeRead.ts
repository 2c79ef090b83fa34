/**
 * Reads of files the tool opens itself — inside `.git`, `.gitmodules`, breadcrumb targets — bounded in kind and in
 * size. A FIFO in a file's place blocks a plain `open` until some writer comes (forever), and a link to `/dev/zero`
 * reads until memory runs out. So a file is opened non-blocking (which returns at once on a FIFO and changes
 * nothing for a regular file), its type is checked on the open descriptor (no race with a swap between a `stat`
 * and the `open`), only regular files are read, and never more than the caller's cap.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/** Windows has neither the flag nor FIFOs that block an open. */
const O_NONBLOCK = (constants as { O_NONBLOCK?: number }).O_NONBLOCK ?? 0;

export type NotRead =
  | { kind: 'missing' }
  /** A FIFO, a device, a socket or a directory where a file was expected: never read. */
  | { kind: 'odd'; what: string }
  | { kind: 'too-large'; size: number }
  /** Exists but cannot be opened or read (permissions, I/O error): the code says why. */
  | { kind: 'unreadable'; code: string };

export type FileText = { kind: 'text'; text: string } | NotRead;

/** What a file that is not regular is, in words for a notice. */
export function kindOf(s: Stats): string {
  if (s.isFIFO()) return 'a FIFO';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  if (s.isDirectory()) return 'a directory';
  if (s.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

function notRead(e: unknown): NotRead {
  const code = (e as NodeJS.ErrnoException)?.code ?? 'EIO';
  return code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'missing' } : { kind: 'unreadable', code };
}

/**
 * Opens a regular file for reading, or says why not. The caller closes `fd`. `followLinks: false` refuses a
 * symbolic link itself (O_NOFOLLOW), for reads that must not leave a folder through one.
 */
export function openRegular(path: string, options: { followLinks?: boolean } = {}): { fd: number; stats: Stats } | NotRead {
  const noFollow = options.followLinks === false ? ((constants as { O_NOFOLLOW?: number }).O_NOFOLLOW ?? 0) : 0;
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | O_NONBLOCK | noFollow);
  } catch (e) {
    // O_NOFOLLOW on a link fails with ELOOP (Linux) or EMLINK (BSDs).
    const code = (e as NodeJS.ErrnoException)?.code;
    if (noFollow && (code === 'ELOOP' || code === 'EMLINK')) return { kind: 'odd', what: 'a symbolic link' };
    return notRead(e);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isFile()) return { fd, stats };
    closeSync(fd);
    return { kind: 'odd', what: kindOf(stats) };
  } catch (e) {
    closeSync(fd);
    return notRead(e);
  }
}

/** A whole regular file as UTF-8, when it holds at most `maxBytes`. */
export function readRegular(path: string, maxBytes: number): FileText {
  const opened = openRegular(path);
  if (!('fd' in opened)) return opened;
  const { fd, stats } = opened;
  try {
    if (stats.size > maxBytes) return { kind: 'too-large', size: stats.size };
    // The size is only what fstat said: the file may grow while it is read, so the read is bounded by the cap too.
    const buf = readUpTo(fd, Math.min(maxBytes, stats.size) + 1);
    if (buf.length > maxBytes) return { kind: 'too-large', size: buf.length };
    return { kind: 'text', text: buf.toString('utf8') };
  } catch (e) {
    return notRead(e);
  } finally {
    closeSync(fd);
  }
}

/** At most `bytes` of an open file from `position` (fewer when it ends first). */
export function readUpTo(fd: number, bytes: number, position = 0): Buffer {
  const buf = Buffer.allocUnsafe(bytes);
  let n = 0;
  for (let got = -1; got !== 0 && n < bytes; n += got) got = readSync(fd, buf, n, bytes - n, position + n);
  return buf.subarray(0, n);
}

/** The text, or null for any reason it could not be read. */
export function textOrNull(r: FileText): string | null {
  return r.kind === 'text' ? r.text : null;
}

/**
 * Why a file was not read, after "cannot read <file>: ": `a FIFO, not a regular file`, the error code, or the words
 * the caller uses for a missing file and for one over its cap.
 */
export function notReadReason(r: NotRead, words: { missing: string; tooLarge: string }): string {
  switch (r.kind) {
    case 'missing': return words.missing;
    case 'unreadable': return r.code;
    case 'odd': return `${r.what}, not a regular file`;
    case 'too-large': return words.tooLarge;
  }
}

/** A one-line reason for a notice: `.git/HEAD is a FIFO, not a regular file`. */
export function whyNotRead(name: string, r: NotRead): string {
  switch (r.kind) {
    case 'missing': return `${name} is missing`;
    case 'odd': return `${name} is ${r.what}, not a regular file`;
    case 'too-large': return `${name} is larger than it can be (${Math.round(r.size / 1024)} KB)`;
    case 'unreadable': return `${name} cannot be read (${r.code})`;
  }
}
