/**
 * The "Changed since" group under a handoff in the Handoffs view: the files it cites that changed between its
 * commit and the work tree (facts `changedSince`: modified, renamed, deleted, added), each opening a comparison
 * with the file as that commit had it. Plain data (no `vscode` import), like the rest of the tree model.
 */
import type { CitedChange } from '../../core/facts/types';
import { shortSha } from '../providers/format';
import type { Icon, TreeNode } from './model';

const ICONS: Record<CitedChange['kind'], Icon> = {
  modified: { id: 'diff-modified', color: 'gitDecoration.modifiedResourceForeground' },
  renamed: { id: 'diff-renamed', color: 'gitDecoration.renamedResourceForeground' },
  deleted: { id: 'diff-removed', color: 'gitDecoration.deletedResourceForeground' },
  added: { id: 'diff-added', color: 'gitDecoration.addedResourceForeground' },
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "modified · +3 −1", "renamed from src/old.ts · +3", "deleted". */
function describe(c: CitedChange): string {
  const counts = [c.added ? `+${c.added}` : '', c.removed ? `−${c.removed}` : ''].filter(Boolean).join(' ');
  const what = c.kind === 'renamed' ? `renamed from ${c.path}` : c.kind;
  return c.kind === 'deleted' || !counts ? what : `${what} · ${counts}`;
}

/** The group node for a handoff, or null when nothing it cites changed (or the facts do not say). */
export function changedSinceNode(handoff: string, changes: readonly CitedChange[] | null | undefined, anchor: string | undefined, parent: TreeNode): TreeNode | null {
  if (!changes?.length || !anchor) return null;
  const group: TreeNode = {
    id: `${handoff}#changed-since`,
    kind: 'changes',
    handoff,
    label: `Changed since ${shortSha(anchor)}`,
    description: plural(changes.length, 'file'),
    tooltip: `Files this handoff cites that changed since its commit ${shortSha(anchor)} (uncommitted changes included).\nClick one to compare it with that commit.`,
    icon: { id: 'git-compare' },
    action: { kind: 'none' },
    children: [],
    parent,
    contextValue: 'changes',
  };
  group.children = changes.map((c) => ({
    id: `${handoff}#changed:${c.path}`,
    kind: 'change',
    handoff,
    label: c.now ?? c.path,
    description: describe(c),
    tooltip: `${c.now ?? c.path}: ${describe(c)} since ${shortSha(anchor)}, cited ${plural(c.crumbs.length, 'time')}`,
    icon: ICONS[c.kind],
    action: { kind: 'open-change', sha: anchor, from: c.kind === 'added' ? null : c.path, to: c.now },
    children: [],
    parent: group,
    contextValue: 'change',
  }));
  return group;
}
