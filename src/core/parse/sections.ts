/**
 * A cheap line pre-scan before the Markdown parse. It finds the front matter and splits the rest into sections
 * at ATX headings (outside code fences and HTML comments), so that each section is parsed on its own: an edit
 * re-parses only the section it touched, and one hostile section cannot slow down the others. It also decides,
 * per section, whether remark can be trusted with it (see `isHostile`).
 */

export interface Section {
  start: number;
  end: number;
}

export interface PreScan {
  /** The YAML front matter between the leading `---` lines, content offsets; null when there is none. */
  frontMatter: { start: number; end: number; contentStart: number; contentEnd: number } | null;
  sections: Section[];
}

const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

export function preScan(text: string, lineStarts: readonly number[]): PreScan {
  const lineCount = lineStarts.length;
  // A line without its break (`\r\n`, `\n` or `\r`: a line holds no other).
  const lineEnd = (i: number) => {
    let end = i + 1 < lineCount ? lineStarts[i + 1] : text.length;
    if (end > lineStarts[i] && text.charCodeAt(end - 1) === 10) end--;
    if (end > lineStarts[i] && text.charCodeAt(end - 1) === 13) end--;
    return end;
  };
  const lineText = (i: number) => text.slice(lineStarts[i], lineEnd(i));
  // The first `<!--` at or after the line last asked about (Infinity: none): one search through the text, not a
  // search of every line.
  let nextComment = -1;
  const hasComment = (i: number) => {
    if (nextComment < lineStarts[i]) {
      const at = text.indexOf('<!--', lineStarts[i]);
      nextComment = at < 0 ? Infinity : at;
    }
    return nextComment + 4 <= lineEnd(i);
  };

  let first = 0;
  let frontMatter: PreScan['frontMatter'] = null;
  if (lineCount > 1 && /^---[ \t]*$/.test(lineText(0))) {
    // Front matter closes within a bounded number of lines; a lone `---` further down is a thematic break.
    for (let i = 1; i < Math.min(lineCount, 200); i++) {
      if (/^(---|\.\.\.)[ \t]*$/.test(lineText(i))) {
        const end = i + 1 < lineCount ? lineStarts[i + 1] : text.length;
        frontMatter = { start: 0, end, contentStart: lineStarts[1], contentEnd: lineStarts[i] };
        first = i + 1;
        break;
      }
    }
  }

  const sections: Section[] = [];
  let sectionStart = first < lineCount ? lineStarts[first] : text.length;
  let fence: string | null = null;
  let inComment = false;
  for (let i = first; i < lineCount; i++) {
    const line = lineText(i);
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length) fence = null;
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    if (open) {
      // A backtick fence's info string may not contain backticks; otherwise it is an inline code span.
      if (open[1][0] === '~' || !line.slice(open[0].length).includes('`')) fence = open[1];
      continue;
    }
    const comment = hasComment(i) ? line.lastIndexOf('<!--') : -1;
    if (comment >= 0 && line.indexOf('-->', comment + 4) < 0) inComment = true;
    if (ATX_HEADING.test(line) && lineStarts[i] > sectionStart) {
      sections.push({ start: sectionStart, end: lineStarts[i] });
      sectionStart = lineStarts[i];
    }
  }
  if (sectionStart < text.length || sections.length === 0) sections.push({ start: sectionStart, end: text.length });
  return { frontMatter, sections };
}

/** Limits past which remark is not given a section: its known worst cases are super-linear or recursive. */
export const HOSTILE_LIMITS = Object.freeze({
  /** A section larger than this is read by the line pass. */
  sectionChars: 400_000,
  /** Micromark's label matching is quadratic in open `[`: nesting this deep is never prose. */
  bracketDepth: 32,
  /** …and this many `[` in one section is a bracket storm, not links. */
  brackets: 10_000,
  /** A single line this long is not prose (a pasted blob, minified data). */
  lineChars: 20_000,
  /** Containers (lists, blockquotes) nested deeper than this recurse deeply in the parser. */
  nesting: 32,
  /** Consecutive non-blank lines: one paragraph, blockquote or code span this long is super-linear in remark. */
  runLines: 1_500,
});

export type HostileLimits = { readonly [K in keyof typeof HOSTILE_LIMITS]: number };

/**
 * Whether remark should not be trusted with this slice of text (deep nesting, bracket storms, giant runs). It runs
 * on every section of every document, so it moves by native searches (the next `[` or `]`, the next line break)
 * over the section alone, not a character at a time.
 */
export function isHostile(text: string, start: number, end: number, limits: HostileLimits = HOSTILE_LIMITS): boolean {
  if (end - start > limits.sectionChars) return true;
  if (end <= start) return false;
  // A view of the section (no copy): each search below ends at its end, however long the text after it.
  const section = text.slice(start, end);
  return bracketStorm(section, limits) || hostileLines(text, start, section, limits);
}

/** Too many `[` in the section, or nested too deep. */
function bracketStorm(section: string, limits: HostileLimits): boolean {
  let brackets = 0;
  let depth = 0;
  let open = section.indexOf('[');
  let close = section.indexOf(']');
  while (open >= 0) {
    if (close < 0 || open < close) {
      if (++brackets > limits.brackets || ++depth > limits.bracketDepth) return true;
      open = section.indexOf('[', open + 1);
    } else {
      if (depth > 0) depth--;
      close = section.indexOf(']', close + 1);
    }
  }
  return false; // closing brackets alone never make it hostile
}

/**
 * A line too long, nested too deep, or too long a run of non-blank lines. A line ends at `\n`, `\r` (`\r\n` is one
 * break) or, for the last, at the section's last character, which is then not counted in it.
 */
function hostileLines(text: string, start: number, section: string, limits: HostileLimits): boolean {
  const last = section.length - 1;
  let lf = section.indexOf('\n');
  let cr = section.indexOf('\r');
  let run = 0;
  for (let lineStart = 0; lineStart <= last;) {
    if (lf >= 0 && lf < lineStart) lf = section.indexOf('\n', lineStart);
    if (cr >= 0 && cr < lineStart) cr = section.indexOf('\r', lineStart);
    const lineBreak = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
    const i = lineBreak < 0 ? last : lineBreak;
    if (i - lineStart > limits.lineChars) return true;
    if (containerDepth(text, start + lineStart, start + i) > limits.nesting) return true;
    run = isBlank(text, start + lineStart, start + i) ? 0 : run + 1;
    if (run > limits.runLines) return true;
    lineStart = i === cr && section.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return false;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}
/** How many container markers (`>`, list bullets, or 4-column indents) open a line. */
function containerDepth(text: string, start: number, end: number): number {
  let depth = 0;
  let i = start;
  let spaces = 0;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 32) { spaces++; i++; if (spaces === 4) { depth++; spaces = 0; } continue; }
    if (c === 9) { depth++; i++; continue; }
    spaces = 0;
    if (c === 62 /* > */) { depth++; i++; continue; }
    if ((c === 45 || c === 42 || c === 43) && (text.charCodeAt(i + 1) === 32 || i + 1 === end)) { depth++; i += 1; continue; }
    break;
  }
  return depth;
}
