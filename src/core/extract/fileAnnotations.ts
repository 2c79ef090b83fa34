/**
 * Gives each found breadcrumb what its context says of it: a qualifier (`fileQualifiers`) and, for a bare name,
 * a folder hint (`folderHints`). One forward walk over the blocks alongside the breadcrumbs (both are in document
 * order); list and tree hints are computed once per document or block, so the cost stays linear. A file said
 * removed once is so wherever the document names it (`accountedEverywhere`).
 */
import type { Block, ParsedText } from '../parse/blocks';
import type { FoundFile } from './types';
import { clauseAround } from './fileClause';
import { qualifierOf } from './fileQualifiers';
import { braceFolders, clauseFolder, listFolders, treeFolders } from './folderHints';

export function annotateFiles(parsed: ParsedText, files: FoundFile[]): void {
  const { text, blocks } = parsed;
  let lists: Map<Block, string> | null = null;
  let braces: Map<Block, Map<string, string>> | null = null;
  const trees = new Map<Block, Map<number, string> | null>();
  let bi = 0;
  for (const f of files) {
    while (bi + 1 < blocks.length && blocks[bi + 1].contentStart <= f.start) bi++;
    const b = blocks[bi];
    if (!b || f.start < b.contentStart || f.start > b.contentEnd) continue;
    try {
      const clause = clauseAround(text, b, f.start, f.end);
      const qualifier = qualifierOf(text, b, clause, f.start, f.end, f.path);
      if (qualifier) f.qualifier = qualifier;
      if (f.external || f.path.includes('/')) continue;
      const hint = clauseFolder(text, clause, f.start, f.end) ?? structuralFolder(b, f);
      if (hint) f.folderHint = hint;
    } catch {
      // a bug here must not cost the breadcrumb: it stays, without what its context says
    }
  }
  accountedEverywhere(files);

  function structuralFolder(b: Block, f: FoundFile): string | null {
    return drawnFolder(b, f) ?? (braces ??= braceFolders(text, blocks)).get(b)?.get(f.path) ?? null;
  }

  /** The folder a list's parent items or a tree diagram draw around the breadcrumb. */
  function drawnFolder(b: Block, f: FoundFile): string | null {
    if (b.kind === 'listItem') {
      lists ??= listFolders(text, blocks);
      return lists.get(b) ?? null;
    }
    if (b.kind !== 'code') return null;
    let tree = trees.get(b);
    if (tree === undefined) {
      tree = treeFolders(text, b);
      trees.set(b, tree);
    }
    return tree?.get(lineStartOf(text, f.start, b.contentStart)) ?? null;
  }
}

/**
 * A file the document says once is deleted is so wherever it names it: a plan that says "Delete `setup.py`" in its
 * task names the same path again in its file list, its checks (`! test -e setup.py`) and its reasons, and the file
 * gone since is what the plan did, not news. Only the same path as written counts (a bare name said removed does
 * not speak for every file of that name), and only removal: a renamed file named elsewhere is still news there (a
 * carried step's old path gets the rename's quick fix), and struck, planned and elsewhere are read of one mention.
 */
function accountedEverywhere(files: FoundFile[]): void {
  const removed = new Set<string>();
  for (const f of files) if (f.qualifier === 'removed') removed.add(pathKey(f.path));
  if (!removed.size) return;
  for (const f of files) if (!f.qualifier && removed.has(pathKey(f.path))) f.qualifier = 'removed';
}

const pathKey = (p: string) => (p.startsWith('./') ? p.slice(2) : p);

function lineStartOf(text: string, at: number, floor: number): number {
  let s = at;
  while (s > floor && text.charCodeAt(s - 1) !== 10) s--;
  return s;
}
