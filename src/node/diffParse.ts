/**
 * Parses `git diff -U0 -M --src-prefix=a/ --dst-prefix=b/` output into per-file changes with exact hunks. Hunks
 * are rebuilt from the body lines (a run of `-`/`+` lines between context lines is one hunk), so whatever context
 * git was configured to merge hunks with, a hunk never holds an unchanged line. Paths come from `rename from/to`
 * and the `---`/`+++` lines (C-quoted when git quotes them; a name with a space ends in a tab there); a section
 * that names no path (a mode change) is left out. Never throws.
 */
import type { Hunk, PathChange } from '../core/git/provider';

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Git's C-quoting (`"a/x\ty.txt"`, octal escapes for bytes) undone; an unquoted name as it is. */
export function unquotePath(s: string): string {
  if (!s.startsWith('"') || !s.endsWith('"') || s.length < 2) return s;
  const body = s.slice(1, -1);
  const bytes: number[] = [];
  const simple: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      for (const b of Buffer.from(c, 'utf8')) bytes.push(b);
      continue;
    }
    const next = body[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      const oct = /^[0-7]{1,3}/.exec(body.slice(i + 1))![0];
      bytes.push(parseInt(oct, 8) & 255);
      i += oct.length;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The path of a `---`/`+++` line: null for /dev/null; the a/ or b/ prefix and a trailing tab removed. */
function sidePath(rest: string, prefix: 'a/' | 'b/'): string | null {
  const name = unquotePath(rest.replace(/\t$/, ''));
  if (name === '/dev/null') return null;
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

interface Section {
  from: string | null;
  to: string | null;
  fromSet: boolean;
  toSet: boolean;
  renamed: boolean;
  created: boolean;
  deleted: boolean;
  binary: boolean;
  hunks: Hunk[];
  added: number;
  removed: number;
}

const fresh = (): Section => ({ from: null, to: null, fromSet: false, toSet: false, renamed: false, created: false, deleted: false, binary: false, hunks: [], added: 0, removed: 0 });

export function parseDiff(stdout: string): PathChange[] {
  const out: PathChange[] = [];
  let s: Section | null = null;
  // Inside a hunk: lines left on each side, and the run of changed lines being gathered.
  let oldLeft = 0;
  let newLeft = 0;
  let oldLine = 0;
  let newLine = 0;
  let run: Hunk | null = null;
  const flush = () => {
    if (run && s && (run.oldCount || run.newCount)) s.hunks.push(run);
    run = null;
  };
  const close = () => {
    flush();
    if (!s) return;
    const change = toChange(s);
    if (change) out.push(change);
    s = null;
  };
  for (const line of stdout.split('\n')) {
    if (s && (oldLeft > 0 || newLeft > 0)) {
      const c = line[0];
      // A run starts as an empty change after the lines before it; each side's start is set by its first line.
      if (c === '-' && oldLeft > 0) {
        run ??= { oldStart: oldLine - 1, oldCount: 0, newStart: newLine - 1, newCount: 0 };
        if (run.oldCount === 0) run.oldStart = oldLine;
        run.oldCount++;
        oldLeft--;
        oldLine++;
        s.removed++;
        continue;
      }
      if (c === '+' && newLeft > 0) {
        run ??= { oldStart: oldLine - 1, oldCount: 0, newStart: newLine - 1, newCount: 0 };
        if (run.newCount === 0) run.newStart = newLine;
        run.newCount++;
        newLeft--;
        newLine++;
        s.added++;
        continue;
      }
      if (c === ' ' && oldLeft > 0 && newLeft > 0) {
        flush();
        oldLeft--;
        newLeft--;
        oldLine++;
        newLine++;
        continue;
      }
      if (c === '\\') continue; // "\ No newline at end of file"
      // Anything else ends the hunk early (a damaged or cut output): what was read stands.
      flush();
      oldLeft = newLeft = 0;
    }
    if (line.startsWith('\\')) continue;
    if (line.startsWith('diff --git ')) {
      close();
      s = fresh();
      continue;
    }
    if (!s) continue;
    const h = HUNK.exec(line);
    if (h) {
      flush();
      const oldCount = h[2] === undefined ? 1 : Number(h[2]);
      const newCount = h[4] === undefined ? 1 : Number(h[4]);
      // A side with no lines is written as the line before it: its next line is one after.
      oldLine = oldCount === 0 ? Number(h[1]) + 1 : Number(h[1]);
      newLine = newCount === 0 ? Number(h[3]) + 1 : Number(h[3]);
      oldLeft = oldCount;
      newLeft = newCount;
      continue;
    }
    if (line.startsWith('rename from ')) { s.from = unquotePath(line.slice(12)); s.fromSet = true; s.renamed = true; }
    else if (line.startsWith('rename to ')) { s.to = unquotePath(line.slice(10)); s.toSet = true; s.renamed = true; }
    else if (line.startsWith('new file mode')) s.created = true;
    else if (line.startsWith('deleted file mode')) s.deleted = true;
    else if (line.startsWith('--- ')) { s.from = sidePath(line.slice(4), 'a/'); s.fromSet = true; }
    else if (line.startsWith('+++ ')) { s.to = sidePath(line.slice(4), 'b/'); s.toSet = true; }
    else if (line.startsWith('Binary files ') && line.endsWith(' differ')) binaryNames(s, line.slice(13, -7));
    else if (line === 'GIT binary patch') s.binary = true;
  }
  close();
  return out;
}

/** `a/x and b/x` of "Binary files a/x and b/x differ": the only place a binary file's names are written. */
function binaryNames(s: Section, names: string): void {
  s.binary = true;
  if (s.fromSet || s.toSet) return;
  const q = /^("(?:[^"\\]|\\.)*"|\/dev\/null|a\/.*?) and ("(?:[^"\\]|\\.)*"|\/dev\/null|b\/.*)$/;
  // Split where both names are the same when one can (a name holding " and "), else at the first " and b/".
  const half = (names.length - 5) / 2;
  const same = Number.isInteger(half) && names.slice(half, half + 5) === ' and ' && names.slice(2, half) === names.slice(half + 7) ? [names.slice(0, half), names.slice(half + 5)] : null;
  const m = same ?? q.exec(names)?.slice(1, 3);
  if (!m) return;
  s.from = sidePath(m[0]!, 'a/');
  s.to = sidePath(m[1]!, 'b/');
  s.fromSet = s.toSet = true;
}

function toChange(s: Section): PathChange | null {
  // A mode change alone names its path only in the header: no lines moved, nothing to say.
  if (!s.fromSet && !s.toSet) return null;
  const from = s.created ? null : s.from;
  const to = s.deleted ? null : s.to;
  if (from === null && to === null) return null;
  const status: PathChange['status'] = s.deleted ? 'deleted' : s.created ? 'added' : s.renamed && from !== to ? 'renamed' : 'modified';
  return { from, to, status, hunks: s.binary ? [] : s.hunks, binary: s.binary, added: s.added, removed: s.removed };
}
