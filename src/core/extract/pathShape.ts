/**
 * Decides whether a token reads as a file path, and whether that path is in the workspace. Handoffs are full
 * of dotted and slashed look-alikes (module names, hosts, versions, package names, routes, ratios, span names),
 * so a path must end in a file name we recognise: a known extension, a known dotfile, or a known extensionless
 * name. Bare names (no `/`) are held to a stricter list than paths with a directory, because a directory part
 * is already strong evidence.
 */
import {
  BARE_EXTENSIONS, DIR_ONLY_EXTENSIONS, DOTFILES, HOST_SUFFIXES, JS_LIBRARIES, MEMBER_EXTENSIONS, PLAIN_NAMES, RECEIVERS,
} from './pathWords';
import { isCompoundExtension, isMemberChain, isSlashAlternatives, isSuffixPattern } from './pathLookalikes';

const DRIVE = /^[A-Za-z]:[\\/]/;
const EXT_SHAPE = /^[A-Za-z][A-Za-z0-9]{0,9}$/;
/** An extension outside our lists, accepted with a `:LINE` after it: short, lowercase, letters and digits. */
const UNLISTED_EXTENSION = /^[a-z][a-z0-9]{0,5}$/;
/** `db.local:5432`, `redis.internal:6379`: a host and its port, not a file and its line. */
const NETWORK_SUFFIXES = new Set('local localhost localdomain internal lan home corp svc cluster intra test example invalid arpa'.split(' '));
/** Globs, placeholders, template syntax, shell variables, escapes and Windows separators. */
const NOT_LITERAL = /[*?<>{}$\\]/;

export type PathKind = 'workspace' | 'external';

/**
 * `path` is the token without any `:line`/`::symbol`/`#anchor` suffix. `quoted` is true for backticks and link
 * targets, where the author plainly meant a name, so extensionless names like `Makefile` are accepted. `withLine`
 * is true when a `:LINE` was written after it: that is evidence of a file even for an extension we do not list.
 */
export function classifyPath(path: string, quoted: boolean, withLine = false): PathKind | null {
  const n = path.length;
  if (n < 2 || n > 400) return null;
  if (path.charCodeAt(n - 1) === 47 /* / */) return null; // a directory
  let body = path;
  let external = false;
  if (DRIVE.test(body)) {
    // A Windows absolute path: outside the workspace, with either separator.
    body = body.slice(3).replace(/\\/g, '/');
    external = true;
  }
  if (NOT_LITERAL.test(body) || body.includes('//')) return null;
  if (!external && body.startsWith('~/')) {
    external = true;
    body = body.slice(2);
  } else if (!external && body.charCodeAt(0) === 126 /* ~ */) {
    return null; // `~L462`, `~12 files`
  } else if (!external && body.charCodeAt(0) === 47) {
    external = true; // absolute, or a site route with a file name (`/learn/otel-eval.html`)
    body = body.slice(1);
  }
  // The file name first: most candidates fail there, before their folders are split apart.
  const lastSlash = body.lastIndexOf('/');
  const hasDir = lastSlash >= 0;
  if (!fileNameOk(hasDir ? body.slice(lastSlash + 1) : body, hasDir || external, quoted, withLine)) return null;
  if (hasDir) {
    const segments = body.split('/');
    for (let i = 0; i < segments.length - 1; i++) {
      const s = segments[i];
      // `a//b`; `plans/.../x.md` is a placeholder, though an elided outside path (`~/.claude/.../x.md`) is kept.
      if (s === '' || (s !== '.' && s !== '..' && /^\.+$/.test(s) && !external)) return null;
      if ((s === '.' || s === '..') && i > 0 && segments[i - 1] !== '..' && segments[i - 1] !== '.') return null;
    }
    if (!external && (looksLikeHost(segments[0]) || isSlashAlternatives(segments, quoted))) return null;
  }
  return external ? 'external' : 'workspace';
}

function looksLikeHost(first: string): boolean {
  if (first.charCodeAt(0) === 46 /* . */) return false;
  const dot = first.lastIndexOf('.');
  if (dot <= 0) return false;
  const tld = first.slice(dot + 1).toLowerCase();
  return HOST_SUFFIXES.has(tld) || first.startsWith('www.');
}

function fileNameOk(name: string, hasDir: boolean, quoted: boolean, withLine: boolean): boolean {
  if (name === '' || name === '.' || name === '..') return false;
  if (name.charCodeAt(0) === 46 /* . */) return DOTFILES.has(name.slice(1)) || /^\.env\.[\w.-]+$/.test(name);
  if (PLAIN_NAMES.has(name)) return hasDir || quoted;
  // `Dockerfile.dev`, `Makefile.local`: the known name decides, not the suffix.
  const dot = name.lastIndexOf('.');
  if (/^(Dockerfile|Containerfile|Makefile|Procfile|Jenkinsfile)[.-]/.test(name)) return true;
  if (dot <= 0) return false;
  const ext = name.slice(dot + 1);
  if (!EXT_SHAPE.test(ext)) return false; // versions (`v0.2.0`), numbers, `json()`
  const lower = ext.toLowerCase();
  const stem = name.slice(0, dot);
  if (!/[A-Za-z0-9]/.test(stem)) return false; // `-.md`, `+.ts`
  if (isSuffixPattern(stem, hasDir)) return false;
  // `lexer.mll:120`, `rules.bzl:3`: a line number makes a short lowercase extension a file's, listed or not.
  const lined = withLine && UNLISTED_EXTENSION.test(ext) && !HOST_SUFFIXES.has(lower) && !NETWORK_SUFFIXES.has(lower) &&
    !RECEIVERS.has(stem);
  if (hasDir) return BARE_EXTENSIONS.has(lower) || DIR_ONLY_EXTENSIONS.has(lower) || lined;
  if (!BARE_EXTENSIONS.has(lower) && !lined) return false;
  // A bare name: reject one-letter stems in prose (`a.m.`-like abbreviations) and `X.js` library names.
  if (stem.length < 2 && !quoted) return false;
  if (stem.charCodeAt(0) === 40 /* ( */) return false; // `Chrono Trigger (USA).sfc`: the tail of a spaced name
  if ((lower === 'js' || lower === 'ts') && JS_LIBRARIES.has(stem.toLowerCase())) return false;
  if (MEMBER_EXTENSIONS.has(lower) && RECEIVERS.has(stem)) return false;
  if (isCompoundExtension(name) || isMemberChain(name)) return false;
  return true;
}
