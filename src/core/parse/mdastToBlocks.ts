/**
 * Maps one section's mdast (from remark-parse, no extensions) to the flat block list the extractors read.
 * Offsets in the tree are relative to the section; `base` makes them absolute.
 */
import type { Content, Parent, PhrasingContent, Root } from 'mdast';
import { makeBlock, makeInline, type Block, type Inline } from './blocks';
import { emitTable } from './tables';
import { locateUrl } from './linkTarget';

const CHECKBOX = /^\[([ xX\-!>~/?*])\](?=[ \t]|$)/;

interface Ctx {
  text: string; // the whole document
  base: number; // offset of the section in the document
  out: Block[];
  definitions: Map<string, string>;
}

type Node = Content | Root;

function startOf(ctx: Ctx, node: { position?: { start: { offset?: number } } }): number {
  return ctx.base + (node.position?.start.offset ?? 0);
}
function endOf(ctx: Ctx, node: { position?: { end: { offset?: number } } }): number {
  return ctx.base + (node.position?.end.offset ?? 0);
}

export function mdastToBlocks(text: string, base: number, root: Root, out: Block[]): void {
  const ctx: Ctx = { text, base, out, definitions: new Map() };
  for (const node of root.children) if (node.type === 'definition') ctx.definitions.set(node.identifier, node.url);
  blocksOf(ctx, root.children, 0, false);
}

function blocksOf(ctx: Ctx, nodes: readonly Content[], listDepth: number, quoted: boolean): void {
  for (const node of nodes) block(ctx, node, listDepth, quoted);
}

function block(ctx: Ctx, node: Content, listDepth: number, quoted: boolean): void {
  switch (node.type) {
    case 'heading':
      heading(ctx, node, quoted);
      return;
    case 'paragraph':
      paragraph(ctx, node, quoted);
      return;
    case 'list':
      for (const item of node.children) listItem(ctx, item, node.ordered === true, listDepth, quoted, startOf(ctx, node));
      return;
    case 'blockquote':
      blocksOf(ctx, node.children, listDepth, true);
      return;
    case 'code':
      ctx.out.push(plain(ctx, 'code', node, quoted, { lang: (node.lang ?? '').split(/\s/)[0] }));
      return;
    case 'html':
      ctx.out.push(plain(ctx, 'html', node, quoted));
      return;
    case 'definition': {
      // `[label]: path/to/file.md` — a link target the author points at.
      const start = startOf(ctx, node);
      const end = endOf(ctx, node);
      const raw = ctx.text.slice(start, end);
      const at = raw.indexOf(node.url === '' ? '\u0000' : ']:');
      const inlines: Inline[] = [];
      if (at >= 0) {
        let u = start + at + 2;
        while (/[ \t<]/.test(ctx.text[u] ?? '')) u++;
        let e = u;
        while (e < end && !/[\s>]/.test(ctx.text[e])) e++;
        inlines.push(makeInline({ kind: 'link', start, end, contentStart: start, contentEnd: start, url: ctx.text.slice(u, e), urlStart: u, urlEnd: e }));
      }
      ctx.out.push(plain(ctx, 'paragraph', node, quoted, { inlines }));
      return;
    }
    default:
      return; // thematic breaks and anything unknown carry nothing we extract
  }
}

function plain(ctx: Ctx, kind: Block['kind'], node: Content, quoted: boolean, extra: Partial<Block> = {}): Block {
  const start = startOf(ctx, node);
  const end = endOf(ctx, node);
  return makeBlock({ kind, start, end, contentStart: start, contentEnd: end, depth: 0, inferred: false, quoted, inlines: [], ...extra });
}

function heading(ctx: Ctx, node: Extract<Content, { type: 'heading' }>, quoted: boolean): void {
  const start = startOf(ctx, node);
  const end = endOf(ctx, node);
  let contentStart: number;
  let contentEnd: number;
  if (node.children.length > 0) {
    contentStart = startOf(ctx, node.children[0]);
    contentEnd = endOf(ctx, node.children[node.children.length - 1]);
  } else {
    const m = /^ {0,3}#{1,6}[ \t]*/.exec(ctx.text.slice(start, end));
    contentStart = contentEnd = start + (m ? m[0].length : 0);
  }
  ctx.out.push(makeBlock({
    kind: 'heading', start, end, contentStart, contentEnd, depth: node.depth, inferred: false, quoted,
    inlines: inlinesOf(ctx, node.children),
  }));
}

function paragraph(ctx: Ctx, node: Extract<Content, { type: 'paragraph' }>, quoted: boolean): void {
  const start = startOf(ctx, node);
  const end = endOf(ctx, node);
  const inlines = inlinesOf(ctx, node.children);
  const makeParagraph = (s: number, e: number) =>
    ctx.out.push(makeBlock({
      kind: 'paragraph', start: s, end: e, contentStart: s, contentEnd: e, depth: 0, inferred: false, quoted,
      inlines: inlines.filter((n) => n.start >= s && n.end <= e),
    }));
  if (ctx.text.slice(start, end).includes('|') && emitTable(ctx.text, start, end, inlines, quoted, ctx.out, makeParagraph)) return;
  makeParagraph(start, end);
}

function listItem(
  ctx: Ctx,
  node: Extract<Content, { type: 'listItem' }>,
  ordered: boolean,
  depth: number,
  quoted: boolean,
  list: number,
): void {
  const start = startOf(ctx, node);
  const end = endOf(ctx, node);
  const markerMatch = /^[ \t]*([-*+]|\d{1,9}[.)])/.exec(ctx.text.slice(start, Math.min(end, start + 40)));
  const marker = markerMatch ? markerMatch[1] : '';
  const first = node.children[0];
  const lead = first && first.type === 'paragraph' ? first : undefined;
  let contentStart: number;
  let contentEnd: number;
  let inlines: Inline[] = [];
  if (lead) {
    contentStart = startOf(ctx, lead);
    contentEnd = endOf(ctx, lead);
    inlines = inlinesOf(ctx, lead.children);
  } else {
    contentStart = start + (markerMatch ? markerMatch[0].length : 0);
    while (ctx.text[contentStart] === ' ' || ctx.text[contentStart] === '\t') contentStart++;
    contentEnd = contentStart;
    while (contentEnd < end && ctx.text[contentEnd] !== '\n' && ctx.text[contentEnd] !== '\r') contentEnd++;
  }
  let checkbox: Block['checkbox'];
  const box = CHECKBOX.exec(ctx.text.slice(contentStart, contentStart + 4));
  if (box) {
    checkbox = { state: box[1], start: contentStart, end: contentStart + 3 };
    contentStart += 3;
    while (contentStart < contentEnd && (ctx.text[contentStart] === ' ' || ctx.text[contentStart] === '\t')) contentStart++;
  }
  ctx.out.push(makeBlock({
    kind: 'listItem', start, end, contentStart, contentEnd, depth, inferred: false, quoted, ordered, marker, checkbox, list,
    inlines: inlines.filter((n) => n.start >= contentStart),
  }));
  const rest = lead ? node.children.slice(1) : node.children;
  blocksOf(ctx, rest, depth + 1, quoted);
}

function inlinesOf(ctx: Ctx, nodes: readonly PhrasingContent[], out: Inline[] = []): Inline[] {
  for (const node of nodes) {
    const start = startOf(ctx, node);
    const end = endOf(ctx, node);
    switch (node.type) {
      case 'inlineCode': {
        let n = 0;
        while (ctx.text[start + n] === '`') n++;
        let cs = start + n;
        let ce = end - n;
        if (ce - cs >= 2 && ctx.text[cs] === ' ' && ctx.text[ce - 1] === ' ' && ctx.text.slice(cs, ce).trim()) { cs++; ce--; }
        out.push(makeInline({ kind: 'code', start, end, contentStart: cs, contentEnd: ce }));
        break;
      }
      case 'link':
      case 'linkReference': {
        const kids = (node as Parent).children as PhrasingContent[];
        const cs = kids.length ? startOf(ctx, kids[0]) : start + 1;
        const ce = kids.length ? endOf(ctx, kids[kids.length - 1]) : cs;
        const link = makeInline({ kind: 'link', start, end, contentStart: cs, contentEnd: ce });
        if (node.type === 'link') {
          link.url = node.url;
          locateUrl(ctx.text, link, ce, end);
        } else {
          link.url = ctx.definitions.get(node.identifier);
        }
        out.push(link);
        inlinesOf(ctx, kids, out);
        break;
      }
      case 'strong': {
        const kids = node.children;
        const cs = kids.length ? startOf(ctx, kids[0]) : start + 2;
        const ce = kids.length ? endOf(ctx, kids[kids.length - 1]) : cs;
        out.push(makeInline({ kind: 'strong', start, end, contentStart: cs, contentEnd: ce }));
        inlinesOf(ctx, kids, out);
        break;
      }
      case 'emphasis':
      case 'delete':
        inlinesOf(ctx, node.children, out);
        break;
      case 'html':
        out.push(makeInline({ kind: 'html', start, end, contentStart: start, contentEnd: end }));
        break;
      default:
        break;
    }
  }
  return out;
}
