/**
 * Text → blocks. The front matter and sections come from a line pre-scan; each section is parsed by
 * remark-parse (no extensions: tables are read by a line pass) unless it is hostile, in which case the
 * line-pass fallback reads it. A `SectionCache` keyed by section content lets an edit re-parse only the
 * sections it touched. Never throws: a parser failure on a section falls back to the line pass.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import { makeBlock, makeInline, type Block, type ParsedText } from './blocks';
import { computeLineStarts, stripBom } from './lines';
import { isHostile, preScan } from './sections';
import { mdastToBlocks } from './mdastToBlocks';
import { fallbackBlocks } from './fallback';
import { inferHeadings } from './inferHeadings';
import { simpleBlocks } from './simpleBlocks';
import { prefixOf } from './prefix';
import { detached } from '../memo';

const processor = unified().use(remarkParse);

/**
 * Blocks (headings, list items, paragraphs, table rows…) read per document at most: eight times the largest
 * real handoff of the field corpus (1,192 blocks in 75 KB). A document with more — a pasted log, a generated list — is read up to there and the rest left out
 * (the model says so), so its cost is bounded whatever it holds: every later stage works per block or per item.
 */
export const MAX_BLOCKS = 10_000;

interface CachedSection {
  /** Blocks with absolute offsets for a section that started at `base`. Shared, so never changed. */
  blocks: Block[];
  base: number;
  degraded: boolean;
}

/**
 * Parsed sections by their exact text, so that unchanged sections are not parsed again after an edit. A Map
 * keeps insertion order, so moving a hit to the end makes the first key the least recently used one:
 * eviction is O(1), with no sort per parse.
 *
 * Keys (and the strings of the blocks kept) are copies of their own: the section's text as asked is a slice of its
 * document, and an entry kept under it would keep that whole version of the document alive (300 edits of a 94 KB
 * handoff held 57 MB).
 */
export class SectionCache {
  private readonly entries = new Map<string, CachedSection & { key: string }>();

  constructor(private readonly maxEntries = 4_000) {}

  /** @internal */ get(key: string): CachedSection | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(hit.key);
      this.entries.set(hit.key, hit); // under its own key, not the one asked with
    }
    return hit;
  }

  /** @internal */ set(key: string, entry: CachedSection): void {
    const own = detached(key);
    this.entries.set(own, { ...entry, blocks: detachedStrings(entry.blocks), key: own });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}

export function parseDocument(input: string, cache?: SectionCache): ParsedText {
  const text = stripBom(input);
  const lineStarts = computeLineStarts(text);
  const { frontMatter, sections } = preScan(text, lineStarts);
  const blocks: Block[] = [];
  let degraded = false;
  if (frontMatter) {
    blocks.push(makeBlock({
      kind: 'frontMatter', start: frontMatter.start, end: frontMatter.end, contentStart: frontMatter.contentStart,
      contentEnd: frontMatter.contentEnd, depth: 0, inferred: false, quoted: false, inlines: [],
    }));
  }
  let readTo = text.length;
  for (const section of sections) {
    if (blocks.length >= MAX_BLOCKS) { readTo = section.start; break; }
    const key = text.slice(section.start, section.end);
    const hit = cache?.get(key);
    if (hit) {
      // The same text elsewhere in the document (or after an edit above it): the same blocks, moved.
      const delta = section.start - hit.base;
      for (const b of hit.blocks) blocks.push(delta ? shift(b, delta) : b);
      degraded ||= hit.degraded;
      continue;
    }
    const local: Block[] = [];
    const { degraded: sectionDegraded, stoppedAt } = parseSection(text, section.start, section.end, local, MAX_BLOCKS - blocks.length);
    // A section read only in part (the budget ran out in it) is not what its text parses to: not cached.
    if (stoppedAt === section.end) cache?.set(key, { blocks: local, base: section.start, degraded: sectionDegraded });
    degraded ||= sectionDegraded;
    for (const b of local) blocks.push(b);
    if (stoppedAt < section.end) { readTo = stoppedAt; break; }
  }
  // A section read whole may overshoot the budget: the document then ends at its (MAX_BLOCKS + 1)-th block.
  if (blocks.length > MAX_BLOCKS) readTo = Math.min(readTo, blocks[MAX_BLOCKS]!.start);
  if (readTo < text.length) {
    // Cut first, then infer headings over what is left (a block cut at the end is clipped to it).
    const cut = prefixOf({ text, blocks, lineStarts, degraded }, readTo);
    return { ...cut, blocks: inferHeadings(cut.text, cut.blocks, isPlainTextRendering(cut.blocks)), fullLength: text.length };
  }
  return { text, blocks: inferHeadings(text, blocks, isPlainTextRendering(blocks)), lineStarts, degraded };
}

/**
 * The blocks with every string they hold (table headers, a fence's language, link targets) copied out of the text,
 * changed in place before anything else sees them: a cache entry outlives its document's text, and a slice of that
 * text would keep the whole of it alive — in the editor, one version per edit.
 */
function detachedStrings(blocks: Block[]): Block[] {
  const headers = new Map<string[], string[]>(); // the rows of a table share theirs
  for (const b of blocks) {
    if (b.header) {
      let own = headers.get(b.header);
      if (!own) headers.set(b.header, (own = b.header.map(detached)));
      b.header = own;
    }
    if (b.lang) b.lang = detached(b.lang);
    if (b.marker) b.marker = detached(b.marker);
    for (const n of b.inlines) if (n.url) n.url = detached(n.url);
  }
  return blocks;
}

/**
 * A rendering that lost its Markdown markers has no section headings (`##` and deeper). Its only `#` lines
 * are shell comments from code blocks whose fences were lost, so they are read as paragraphs.
 */
function isPlainTextRendering(blocks: Block[]): boolean {
  if (blocks.some((b) => b.kind === 'heading' && b.depth >= 2)) return false;
  const h1 = blocks.filter((b) => b.kind === 'heading');
  if (h1.length === 1 && h1[0] === blocks.find((b) => b.kind !== 'frontMatter' && b.kind !== 'html')) return false; // `# Title` then prose
  // Parsed blocks are shared with the section cache: replace, never change them.
  blocks.forEach((b, i) => {
    if (b.kind === 'heading') blocks[i] = makeBlock({ ...b, kind: 'paragraph', depth: 0, contentStart: b.start });
  });
  return true;
}

/**
 * Parses the section `text[start, end)` into `out` (absolute offsets); returns true when the line-pass
 * fallback was used. The simple reader goes first; remark reads what it declines; hostile input and parser
 * failures go to the fallback.
 */
function parseSection(text: string, start: number, end: number, out: Block[], maxBlocks: number): { degraded: boolean; stoppedAt: number } {
  const simple = isHostile(text, start, end) ? 'hostile' : simpleBlocks(text, start, end);
  if (Array.isArray(simple)) {
    for (const b of simple) out.push(b);
    return { degraded: false, stoppedAt: end };
  }
  if (simple === null) {
    try {
      const root = processor.parse(text.slice(start, end)) as Root;
      mdastToBlocks(text, start, root, out);
      return { degraded: false, stoppedAt: end };
    } catch {
      out.length = 0; // e.g. a stack overflow on nesting the pre-scan did not foresee
    }
  }
  // Only the line pass is cut at the budget: the other readers get sections small enough to be bounded anyway.
  return { degraded: true, stoppedAt: fallbackBlocks(text, start, end, out, maxBlocks) };
}

function shift(b: Block, delta: number): Block {
  return makeBlock({
    ...b,
    start: b.start + delta, end: b.end + delta, contentStart: b.contentStart + delta, contentEnd: b.contentEnd + delta,
    inlines: b.inlines.map((n) => makeInline({
      ...n, start: n.start + delta, end: n.end + delta, contentStart: n.contentStart + delta, contentEnd: n.contentEnd + delta,
      urlStart: n.urlStart === undefined ? undefined : n.urlStart + delta,
      urlEnd: n.urlEnd === undefined ? undefined : n.urlEnd + delta,
    })),
    list: b.list === undefined ? undefined : b.list + delta,
    checkbox: b.checkbox ? { ...b.checkbox, start: b.checkbox.start + delta, end: b.checkbox.end + delta } : undefined,
    cells: b.cells?.map((c) => ({ start: c.start + delta, end: c.end + delta })),
  });
}
