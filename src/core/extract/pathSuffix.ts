/**
 * Splits a breadcrumb token into its path and what follows it: `:113`, `:308-309`, `:12:5`, `::test_name`,
 * `:upload_file`, `#L10-L20`, `#section`. Works on the token string; callers map lengths back to offsets.
 */

export interface Suffix {
  /** Length of the path part of the token. */
  pathEnd: number;
  /** Length of path plus the recognised suffix: the breadcrumb as written ends here. */
  end: number;
  line: number | null;
  endLine: number | null;
  column: number | null;
  symbol: string | null;
}

const LINE = /^:L?(\d{1,7})(?:[-–]L?(\d{1,7})|:(\d{1,5}))?/;
const SYMBOL = /^:([A-Za-z_][\w.$]*)$/;
const PYTEST = /^::([\w.[\]:-]+)$/;
const DRIVE = /^[A-Za-z]:[\\/]/;
const ANCHOR_LINE = /^#L(\d{1,7})(?:C(\d{1,5}))?(?:-L?(\d{1,7}))?/;

function suffixStart(tok: string): number {
  // `C:\\x\\y.md`: the drive's colon is part of the path.
  const from = DRIVE.test(tok) ? 2 : 0;
  for (let i = from; i < tok.length; i++) {
    const c = tok.charCodeAt(i);
    if (c === 58 /* : */ || c === 35 /* # */) return i;
  }
  return -1;
}

export function splitSuffix(tok: string): Suffix {
  const i = suffixStart(tok);
  const out: Suffix = { pathEnd: tok.length, end: tok.length, line: null, endLine: null, column: null, symbol: null };
  if (i < 0) return out;
  out.pathEnd = out.end = i;
  const rest = i === 0 ? tok : tok.slice(i);
  if (rest.charCodeAt(0) === 35) {
    // `#L10-L20` sets lines; any other `#anchor` is part of the breadcrumb but says nothing about lines.
    parseAnchor(rest, out);
    out.end = tok.length;
    return out;
  }
  if (rest.charCodeAt(1) === 58) {
    const m = PYTEST.exec(rest);
    if (m) {
      out.symbol = m[1];
      out.end = tok.length;
    }
    return out;
  }
  const m = LINE.exec(rest);
  if (m) {
    const line = Number(m[1]);
    if (line < 1) return out;
    out.line = line;
    if (m[2] !== undefined && Number(m[2]) >= line) out.endLine = Number(m[2]);
    if (m[3] !== undefined) out.column = Number(m[3]);
    out.end = i + m[0].length;
    return out;
  }
  const s = SYMBOL.exec(rest);
  if (s) {
    out.symbol = s[1];
    out.end = tok.length;
  }
  return out;
}

/** Reads `#L10`, `#L10-L20`, `#L10C5` into `out`; other anchors leave it unchanged. */
export function parseAnchor(anchor: string, out: Pick<Suffix, 'line' | 'endLine' | 'column'>): void {
  const m = ANCHOR_LINE.exec(anchor);
  if (!m) return;
  const line = Number(m[1]);
  if (line < 1) return;
  out.line = line;
  if (m[2] !== undefined) out.column = Number(m[2]);
  if (m[3] !== undefined && Number(m[3]) >= line) out.endLine = Number(m[3]);
}

/** `src/x.ts(12,5)` (compiler output): written right after the path, so part of the breadcrumb. */
const COMPILER = /\((\d{1,7})(?:,(\d{1,5}))?\)/y;
/** `File "app/x.py", line 12` (a Python traceback): also part of the breadcrumb. */
const TRACEBACK = /", line (\d{1,7})/y;
/** `` `X.md` (lines 1-50) ``, `X.md lines 10-28`: prose after the path; sets lines, but stays outside the range. */
const PROSE_LINES = /`? \(?lines? (\d{1,7})(?:[ ]?[-–][ ]?(\d{1,7}))?/y;

/**
 * Line forms that follow a path without a `:`: fills `out` and returns where the breadcrumb ends (`at` when the
 * form is prose that is not part of it).
 */
export function trailingLines(text: string, at: number, out: Pick<Suffix, 'line' | 'endLine' | 'column'>): number {
  const c = text.charCodeAt(at);
  if (c === 40 /* ( */) {
    COMPILER.lastIndex = at;
    const m = COMPILER.exec(text);
    if (m && Number(m[1]) >= 1) {
      out.line = Number(m[1]);
      if (m[2] !== undefined) out.column = Number(m[2]);
      return at + m[0].length;
    }
  } else if (c === 34 /* " */) {
    TRACEBACK.lastIndex = at;
    const m = TRACEBACK.exec(text);
    if (m && Number(m[1]) >= 1) {
      out.line = Number(m[1]);
      return at + m[0].length;
    }
  } else if (c === 96 /* ` */ || c === 32) {
    PROSE_LINES.lastIndex = at;
    const m = PROSE_LINES.exec(text);
    if (m && Number(m[1]) >= 1) {
      out.line = Number(m[1]);
      if (m[2] !== undefined && Number(m[2]) >= out.line) out.endLine = Number(m[2]);
    }
  }
  return at;
}
