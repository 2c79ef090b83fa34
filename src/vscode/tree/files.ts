/**
 * The "Files" section of the Handoffs view: every file the handoffs cite, across all of them, each with the
 * breadcrumbs citing it (handoff › section, as written). A file opens at its top; a citation reveals the breadcrumb
 * in its handoff. Built from the backlink index (../backlinks/citations.ts); plain data, like the rest of the tree.
 */
import { citationLabel, type CitationIndex } from '../backlinks/citations';
import type { TreeNode } from './model';

export const FILES_SECTION_ID = 'handoffNavigator:files';

/** Files listed in the section at most; the rest are counted in a last node. */
export const MAX_FILE_NODES = 500;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * The section node, or null when no handoff cites a file. `display` turns an absolute path into what the view
 * shows (workspace-relative).
 */
export function filesSectionNode(index: CitationIndex, display: (path: string) => string, max = MAX_FILE_NODES): TreeNode | null {
  if (index.files.size === 0) return null;
  const section: TreeNode = {
    id: FILES_SECTION_ID,
    kind: 'files',
    handoff: '',
    label: 'Files',
    description: `${plural(index.files.size, 'file')} cited`,
    tooltip: `The files the handoffs cite, each with the breadcrumbs citing it.${index.truncated ? '\nSome citations are left out (too many to list).' : ''}`,
    icon: { id: 'files' },
    action: { kind: 'none' },
    children: [],
    contextValue: 'files',
  };
  const files = [...index.files.values()].map((f) => ({ f, shown: display(f.path) })).sort((a, b) => a.shown.localeCompare(b.shown));
  for (const { f, shown } of files.slice(0, max)) {
    const handoffs = new Set(f.citations.map((c) => c.handoff)).size;
    const node: TreeNode = {
      id: `${FILES_SECTION_ID}:${f.path}`,
      kind: 'cited-file',
      handoff: f.citations[0]?.handoff ?? '',
      label: shown,
      description: [plural(f.total, 'citation'), handoffs > 1 ? plural(handoffs, 'handoff') : ''].filter(Boolean).join(' · '),
      tooltip: `${f.path}\nCited ${f.total === 1 ? 'once' : `${f.total} times`}${f.total > f.citations.length ? ` (${f.citations.length} listed)` : ''}`,
      icon: { id: 'file' },
      action: { kind: 'open-file', target: f.path, line: null, range: ZERO },
      children: [],
      parent: section,
      contextValue: 'cited-file',
    };
    node.children = f.citations.map((c) => ({
      id: `${node.id}#${c.handoff}:${c.range.start.line}:${c.range.start.character}`,
      kind: 'citation' as const,
      handoff: c.handoff,
      label: citationLabel(c),
      description: c.written,
      tooltip: `${c.written} in ${c.handoffName}, line ${c.range.start.line + 1}${c.line !== null ? `\nLine ${c.line} of the file now` : ''}`,
      icon: { id: 'references' },
      range: c.range,
      action: { kind: 'reveal' as const, range: c.range },
      children: [],
      parent: node,
      contextValue: 'citation',
    }));
    section.children.push(node);
  }
  if (files.length > max) {
    section.children.push({
      id: `${FILES_SECTION_ID}:more`, kind: 'cited-file', handoff: '', label: plural(files.length - max, 'more file'), description: '',
      tooltip: 'Not listed: too many files. Use "Handoffs Citing This File" in a file.', icon: { id: 'ellipsis' },
      action: { kind: 'none' }, children: [], parent: section, contextValue: 'cited-file.more',
    });
  }
  return section;
}
