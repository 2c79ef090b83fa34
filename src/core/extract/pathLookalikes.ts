/**
 * Tokens shaped like a path that the words of a handoff use for something else. `pathShape` asks these after a
 * token has passed its own shape test; each rule looks at the token alone (the text around it is the caller's).
 */
import { BARE_EXTENSIONS, DIR_ONLY_EXTENSIONS, JS_LIBRARIES, PLAIN_NAMES, RECEIVERS } from './pathWords';

/** `Makefile`, `README.md`, `tsconfig.json`: a segment that is itself a whole file name. */
function isFileName(segment: string): boolean {
  if (PLAIN_NAMES.has(segment)) return true;
  const dot = segment.lastIndexOf('.');
  return dot > 0 && BARE_EXTENSIONS.has(segment.slice(dot + 1).toLowerCase());
}

/** `Python`, `CI`, `Docker`: a capitalised word with no extension. */
const CAPITALISED_WORD = /^[A-Z][A-Za-z0-9]*$/;

/**
 * A slash between alternatives, not between folders: `Makefile/Dockerfile`, `README.md/CHANGELOG.md` (every part
 * is a file name by itself, and no folder is named like a file), `Python/Node.js` (the last part is a product
 * written with its capital, never a file a handoff points at inside a folder), and in prose `Docker/Makefile`
 * (two capitalised extensionless words). Real paths (`docs/PLAN.md`, `api/Dockerfile`, `vendor/jquery.js`) have a
 * folder part that is no file name and lowercase library files.
 */
export function isSlashAlternatives(segments: readonly string[], quoted: boolean): boolean {
  const n = segments.length;
  if (n < 2) return false;
  if (segments.every(isFileName)) return true;
  const last = segments[n - 1];
  const dot = last.lastIndexOf('.');
  if (dot > 0 && CAPITALISED_WORD.test(last.slice(0, dot)) && JS_LIBRARIES.has(last.slice(0, dot).toLowerCase())) {
    const ext = last.slice(dot + 1).toLowerCase();
    if (ext === 'js' || ext === 'ts') return true;
  }
  return !quoted && n === 2 && CAPITALISED_WORD.test(segments[0]) && CAPITALISED_WORD.test(last);
}

/**
 * A file name that is the common end of other names: `-legacy.ts` (no file starts with a dash; it is what follows
 * the stem of others), and a bare `_test.go` / `_spec.rb` (the test-file suffix of Go, Ruby, Python layouts).
 * `_constants.py`, `_app.tsx` and `__init__.py` are real names and stay.
 */
export function isSuffixPattern(stem: string, hasDir: boolean): boolean {
  if (stem.charCodeAt(0) === 45 /* - */) return true;
  return !hasDir && /^_(?:tests?|specs?)$/.test(stem);
}

/** Compression and archive layers that are written after another extension (`.tar.gz`, `.json.gz`). */
const OUTER_EXTENSIONS = new Set('gz bz2 xz zst zip 7z br lz lz4 lzma z'.split(' '));
/** Inner parts of compound extensions that name a kind of file, not a file: `d.ts`, `min.js`, `js.map`. */
const COMPOUND = /^(?:d\.[mc]?ts|min\.(?:js|css)|(?:js|css)\.map)$/i;

/**
 * A compound extension written alone, with no stem before it: `tar.gz`, `json.gz` (the stem is itself an extension
 * and the outer one compresses it), `d.ts`, `min.js`. `backup.tar.gz` and `data.json.gz` have a stem and stay.
 */
export function isCompoundExtension(name: string): boolean {
  if (COMPOUND.test(name)) return true;
  const dot = name.indexOf('.');
  if (dot <= 0 || dot !== name.lastIndexOf('.')) return false;
  const inner = name.slice(0, dot).toLowerCase();
  return OUTER_EXTENSIONS.has(name.slice(dot + 1).toLowerCase()) &&
    (inner === 'tar' || BARE_EXTENSIONS.has(inner) || DIR_ONLY_EXTENSIONS.has(inner));
}

/**
 * A chain of members on a receiver: `self.config.yaml`, `this.data.json`, `cls.settings.toml`: code that reads
 * an attribute, whatever the last name looks like. (One member, `self.db`, is judged by its extension.)
 */
export function isMemberChain(name: string): boolean {
  const dot = name.indexOf('.');
  return dot > 0 && name.indexOf('.', dot + 1) > 0 && RECEIVERS.has(name.slice(0, dot));
}
