/**
 * A rename that sets a file aside rather than moving it: `council.py` → `council.py.bak`, `app.ts` → `app.old.ts`,
 * `run.sh` → `run.sh.disabled`. The file is retired (its work went elsewhere, or nowhere); the backup is no place to
 * send a reader, so such a rename counts as the file's deletion.
 */

/** What a backup's name adds to the original's: after it (`.bak`, `.orig`, `~`) or before its extension (`.old.ts`). */
const MARK = String.raw`(?:[._-](?:bak|backup|old|orig|original|prev|previous|disabled|deprecated|unused|retired)\d*|~)`;
const AFTER = new RegExp(`^${MARK}+$`, 'i');

export function isSetAside(from: string, to: string): boolean {
  const slash = from.lastIndexOf('/');
  if (to.lastIndexOf('/') !== slash || to.slice(0, slash + 1) !== from.slice(0, slash + 1)) return false;
  const name = from.slice(slash + 1);
  const moved = to.slice(slash + 1);
  if (moved.length > name.length && moved.startsWith(name)) return AFTER.test(moved.slice(name.length));
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return false;
  const [stem, ext] = [name.slice(0, dot), name.slice(dot)];
  return moved.startsWith(stem) && moved.endsWith(ext) && moved.length > name.length && AFTER.test(moved.slice(stem.length, moved.length - ext.length));
}
