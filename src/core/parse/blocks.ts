/**
 * The intermediate representation between the Markdown parser and the extractors. The parser turns text into
 * a flat list of blocks in document order; extractors (phases, commits, refs, files, steps) read only this,
 * never the Markdown syntax tree, so the parser can change (remark, a line-pass fallback for hostile input,
 * per-section caching) without touching them.
 *
 * All offsets are absolute UTF-16 offsets into `ParsedText.text` (the document with any leading BOM removed).
 */

export interface Span {
  start: number;
  end: number;
}

export type InlineKind =
  | 'code' // `code span`: content is between the backticks
  | 'link' // [label](url) or <autolink>: `url` is the target as written
  | 'strong' // **bold** / __bold__: content is between the markers
  | 'html'; // inline HTML or an HTML comment

export interface Inline extends Span {
  kind: InlineKind;
  /** Offsets of the content (inside backticks / the link label / inside `**`). */
  contentStart: number;
  contentEnd: number;
  /** Link target as written, for `link`. */
  url?: string;
  /** Offsets of the link target in the text, when it is written inline (not a reference definition). */
  urlStart?: number;
  urlEnd?: number;
}

export type BlockKind =
  | 'heading'
  | 'paragraph'
  | 'listItem'
  | 'tableRow'
  | 'code' // fenced or indented code block: content is raw
  | 'html' // HTML block, including `<!-- comments -->`
  | 'frontMatter' // leading `---` YAML block: content is raw
  | 'blockquote'; // never emitted: blockquote contents are emitted as their inner blocks with `quoted` set

export interface Block extends Span {
  kind: BlockKind;
  /** Where the block's own text starts: after `#`s, after the list marker and checkbox, after a table's leading `|`. */
  contentStart: number;
  /** Where its text ends (trailing `#`s and whitespace excluded for headings). */
  contentEnd: number;
  /** Heading level 1–6. For list items, their nesting depth (0 = top level). Otherwise 0. */
  depth: number;
  /** Headings only: true when inferred from a plain-text rendering or a standalone bold line. */
  inferred: boolean;
  /** Inside a blockquote. */
  quoted: boolean;
  /** List items: ordered (`1.`) or not, and the marker as written (`-`, `*`, `1.`, `2)`). */
  ordered?: boolean;
  marker?: string;
  /** List items: the start offset of the list they belong to (items of one list share it). */
  list?: number;
  /** List items: the `[ ]` / `[x]` / `[!]` checkbox, with the offsets of the whole `[.]`. */
  checkbox?: { state: string } & Span;
  /** Code blocks: the info string's first word (`bash`, `ts`), or '' . */
  lang?: string;
  /** Table rows: the cells of this row (content offsets, trimmed), and the header cells' texts of its table. */
  cells?: Span[];
  header?: string[];
  /** Table rows: true for the header row itself. The delimiter row (`|---|`) is not emitted. */
  isHeaderRow?: boolean;
  /** Inline spans inside the block's content, in order. Empty for code, html and front matter. */
  inlines: Inline[];
}

export interface ParsedText {
  /** The analysed text (leading BOM removed). */
  text: string;
  blocks: Block[];
  /** Offset at which each line starts; lines end at \r\n, \r or \n. */
  lineStarts: number[];
  /** True when part of the text was read by the line-pass fallback (hostile or very large input). */
  degraded: boolean;
  /**
   * Set when the document has more blocks than a document is read for (MAX_BLOCKS): `text` then ends where reading
   * stopped, and this is the length of the whole text (the rest is left out).
   */
  fullLength?: number;
}

/** A block's fields as a reader knows them: what every block has, plus what its kind has. */
export type BlockFields = Pick<Block, 'kind' | 'start' | 'end' | 'contentStart' | 'contentEnd' | 'depth' | 'inferred' | 'quoted' | 'inlines'>
  & Partial<Block>;

/**
 * Every block is made here, with every field in one order (`undefined` where its kind has none), and every inline
 * by `makeInline`: V8 then gives all of them one hidden class whichever reader made them, and the extractors' loads
 * of `b.kind`, `b.contentStart`… stay monomorphic (blockShape.test.ts). Small enough to be inlined where it is
 * called, so the literal passed in is not allocated.
 */
export function makeBlock(b: BlockFields): Block {
  return {
    kind: b.kind, start: b.start, end: b.end, contentStart: b.contentStart, contentEnd: b.contentEnd, depth: b.depth,
    inferred: b.inferred, quoted: b.quoted, ordered: b.ordered, marker: b.marker, list: b.list, checkbox: b.checkbox,
    lang: b.lang, cells: b.cells, header: b.header, isHeaderRow: b.isHeaderRow, inlines: b.inlines,
  };
}

export function makeInline(n: Inline): Inline {
  return {
    kind: n.kind, start: n.start, end: n.end, contentStart: n.contentStart, contentEnd: n.contentEnd, url: n.url,
    urlStart: n.urlStart, urlEnd: n.urlEnd,
  };
}
