/**
 * Text → blocks. The front matter and sections come from a line pre-scan; each section is parsed by
 * remark-parse (no extensions: tables are read by a line pass) unless it is hostile, in which case the
 * line-pass fallback reads it. A `SectionCache` keyed by section content lets an edit re-parse only the
 * sections it touched. Never throws: a parser failure on a section falls back to the line pass.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import type { Block, ParsedText } from './blocks';
import { computeLineStarts, stripBom } from './lines';
import { isHostile, preScan } from './sections';
import { mdastToBlocks } from './mdastToBlocks';
import { fallbackBlocks } from './fallback';
import { inferHeadings } from './inferHeadings';

const processor = unified().use(remarkParse);

interface CachedSection {
  /** Blocks with offsets relative to the section start. */
  blocks: Block[];
  degraded: boolean;
}

/**
 * Parsed sections by their exact text, so that unchanged sections are not parsed again after an edit. A Map
 * keeps insertion order, so moving a hit to the end makes the first key the least recently used one:
 * eviction is O(1), with no sort per parse.
 */
export class SectionCache {
  private readonly entries = new Map<string, CachedSection>();

  constructor(private readonly maxEntries = 4_000) {}

  /** @internal */ get(key: string): CachedSection | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  /** @internal */ set(key: string, blocks: Block[], degraded: boolean): void {
    this.entries.set(key, { blocks, degraded });
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
    blocks.push({
      kind: 'frontMatter', start: frontMatter.start, end: frontMatter.end, contentStart: frontMatter.contentStart,
      contentEnd: frontMatter.contentEnd, depth: 0, inferred: false, quoted: false, inlines: [],
    });
  }
  for (const section of sections) {
    const key = text.slice(section.start, section.end);
    let parsed = cache?.get(key);
    if (!parsed) {
      const local: Block[] = [];
      const sectionDegraded = parseSection(key, local);
      parsed = { blocks: local, degraded: sectionDegraded };
      cache?.set(key, local, sectionDegraded);
    }
    degraded ||= parsed.degraded;
    for (const b of parsed.blocks) blocks.push(shift(b, section.start));
  }
  return { text, blocks: inferHeadings(text, blocks, isPlainTextRendering(blocks)), lineStarts, degraded };
}

/**
 * A rendering that lost its Markdown markers has no section headings (`##` and deeper). Its only `#` lines
 * are shell comments from code blocks whose fences were lost, so they are read as paragraphs.
 */
function isPlainTextRendering(blocks: Block[]): boolean {
  if (blocks.some((b) => b.kind === 'heading' && b.depth >= 2)) return false;
  const h1 = blocks.filter((b) => b.kind === 'heading');
  if (h1.length === 1 && h1[0] === blocks.find((b) => b.kind !== 'frontMatter' && b.kind !== 'html')) return false; // `# Title` then prose
  for (const b of h1) { b.kind = 'paragraph'; b.depth = 0; b.contentStart = b.start; }
  return true;
}

/** Parses one section into `out` with offsets relative to it; returns true when the line pass was used. */
function parseSection(section: string, out: Block[]): boolean {
  if (!isHostile(section, 0, section.length)) {
    try {
      const root = processor.parse(section) as Root;
      mdastToBlocks(section, 0, root, out);
      return false;
    } catch {
      out.length = 0; // e.g. a stack overflow on nesting the pre-scan did not foresee
    }
  }
  fallbackBlocks(section, 0, section.length, out);
  return true;
}

function shift(b: Block, delta: number): Block {
  const copy: Block = {
    ...b,
    start: b.start + delta, end: b.end + delta, contentStart: b.contentStart + delta, contentEnd: b.contentEnd + delta,
    inlines: b.inlines.map((n) => ({
      ...n, start: n.start + delta, end: n.end + delta, contentStart: n.contentStart + delta, contentEnd: n.contentEnd + delta,
      urlStart: n.urlStart === undefined ? undefined : n.urlStart + delta,
      urlEnd: n.urlEnd === undefined ? undefined : n.urlEnd + delta,
    })),
  };
  if (b.list !== undefined) copy.list = b.list + delta;
  if (b.checkbox) copy.checkbox = { ...b.checkbox, start: b.checkbox.start + delta, end: b.checkbox.end + delta };
  if (b.cells) copy.cells = b.cells.map((c) => ({ start: c.start + delta, end: c.end + delta }));
  return copy;
}
