/**
 * The Handoff view's contents as plain data (no `vscode` import, so it is unit-tested): handoffs newest first,
 * each with its phase tree; under each phase its commits, files and steps, with icons by state and counts in
 * the descriptions (counted as Problems counts: ../counts.ts). A handoff's own node also says how far the
 * repository moved since it was written, and whether a newer handoff supersedes it; a file opens where its cited
 * line is now; the cited files changed since are grouped last (./changes.ts). Items belong to the innermost
 * phase whose section contains them. The provider only turns these nodes into TreeItems.
 */
import { phaseParts, type PhasePart } from '../../core/extract/currentPart';
import { isStepToDo, whyNotToDo } from '../../core/extract/currentSteps';
import { documentProgress, phaseProgress } from '../../core/extract/progress';
import type { HandoffFacts } from '../../core/facts/types';
import { relativeTo } from '../../core/git/paths';
import type { CommitMention, Diagnostic, FileBreadcrumb, HandoffModel, Phase, Position, Range, Step, StepState } from '../../core/model';
import { countWithin, isStale } from '../counts';
import { displaySupersededBy, freshnessShort, freshnessTooltip } from '../freshness';
import { driftOf, driftShort, mappedCrumb } from '../providers/drift';
import { missingWord } from '../providers/fileFacts';
import { changedSinceNode } from './changes';
import { phaseDescription, phaseLabel, phaseTooltip, progressText, shownProgress } from './phaseText';

export type NodeKind = 'handoff' | 'phase' | 'commit' | 'file' | 'step' | 'changes' | 'change' | 'files' | 'cited-file' | 'citation';

export interface Icon {
  /** A codicon id (`git-commit`, `pass-filled`…). */
  id: string;
  /** A theme colour id, so the icon follows the theme. */
  color?: string;
}

export type NodeAction =
  | { kind: 'open-handoff' }
  | { kind: 'reveal'; range: Range }
  | { kind: 'open-file'; target: string | null; line: number | null; range: Range }
  | { kind: 'open-commit'; sha: string; range: Range }
  /** A cited file against itself at the handoff's commit (paths repository-relative; null: added or deleted since). */
  | { kind: 'open-change'; sha: string; from: string | null; to: string | null }
  | { kind: 'none' };

export interface TreeNode {
  id: string;
  kind: NodeKind;
  /** The handoff's URI string. */
  handoff: string;
  label: string;
  description: string;
  tooltip: string;
  icon: Icon;
  /** Where it is written in the handoff (for a phase: its whole section); absent for the handoff itself. */
  range?: Range;
  action: NodeAction;
  children: TreeNode[];
  parent?: TreeNode;
  /**
   * For menus (`view/item/context` when clauses): `<kind>.<state>`, with `.fixable` appended when a quick fix
   * applies to the item (its "Quick Fix…" menu entry).
   */
  contextValue: string;
  /** Steps: whether the tree shows the step ticked (its checkbox); absent for nodes without one. */
  checked?: boolean;
  /**
   * Phases: the current part of the document (or a phase on the way to it), which the view opens, or its
   * history, which it keeps folded (../../core/extract/currentPart.ts); absent for the rest.
   */
  part?: PhasePart;
}

export interface HandoffInput {
  uri: string;
  /** Shown as the label: workspace-relative path. */
  name: string;
  model: HandoffModel;
  /** By lower-cased SHA; empty without git. */
  commitStates: ReadonlyMap<string, unknown>;
  /** Aligned with model.files; null = not resolved. */
  fileTargets: ReadonlyArray<readonly string[] | null>;
  newest: boolean;
  /** What Problems shows for this handoff (the stale count and the warning marks agree with it). */
  diagnostics: readonly Diagnostic[];
  /** What the repository says (anchor, freshness, file facts); null when git did not run. */
  facts: HandoffFacts | null;
  /** The newer handoff's path, or the core's reason; null when current. */
  supersededBy: string | null;
  /** Now, in ms, for "3 days ago" in tooltips. */
  now?: number;
  /** Ranges of the items a quick fix applies to (steps aside: they have checkboxes). */
  fixable?: readonly Range[];
}

type CommitStatus = 'ok' | 'unpushed' | 'unknown' | 'ambiguous' | 'shallow-unknown' | 'elsewhere';

const COMMIT_ICONS: Record<CommitStatus | 'unchecked', Icon> = {
  ok: { id: 'git-commit', color: 'testing.iconPassed' },
  unpushed: { id: 'cloud-upload', color: 'list.warningForeground' },
  unknown: { id: 'question', color: 'list.errorForeground' },
  ambiguous: { id: 'references', color: 'list.warningForeground' },
  'shallow-unknown': { id: 'question' },
  elsewhere: { id: 'repo' },
  unchecked: { id: 'git-commit' },
};

const STEP_ICONS: Record<StepState, Icon> = {
  open: { id: 'circle-large-outline' },
  done: { id: 'pass-filled', color: 'testing.iconPassed' },
  blocked: { id: 'error', color: 'list.errorForeground' },
  superseded: { id: 'circle-slash', color: 'disabledForeground' },
  'in-progress': { id: 'record', color: 'list.warningForeground' },
};

export function commitStatus(state: unknown): CommitStatus | null {
  const s = (state as { status?: unknown } | undefined)?.status;
  return s === 'ok' || s === 'unpushed' || s === 'unknown' || s === 'ambiguous' || s === 'shallow-unknown' || s === 'elsewhere' ? s : null;
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
const contains = (r: Range, p: Position) => !before(p, r.start) && before(p, r.end) || (p.line === r.end.line && p.character === r.end.character);

const isMissing = (t: readonly string[] | null | undefined) => Array.isArray(t) && t.length === 0;

const sameStart = (a: Range, b: Range) => a.start.line === b.start.line && a.start.character === b.start.character;

/** Builds one handoff's subtree, parents linked. */
export function buildHandoffNode(input: HandoffInput): TreeNode {
  const counts = countWithin(input);
  const superseded = input.supersededBy === null ? '' : `superseded by ${displaySupersededBy(input.supersededBy)}`;
  // Progress as the core counts it (open = what unchecked-step reports, done includes a log's finished history).
  const docProgress = documentProgress(input.model);
  const progressOf = phaseProgress(input.model);
  const parts = phaseParts(input.model);
  const docSteps = progressText(shownProgress(docProgress, !!superseded), docProgress.percent);
  const problems = [counts.unpushed ? `${counts.unpushed} unpushed` : '', counts.stale ? `${counts.stale} stale` : ''].filter(Boolean).join(' · ');
  const root: TreeNode = {
    id: input.uri,
    kind: 'handoff',
    handoff: input.uri,
    label: input.name,
    description: [input.newest ? 'newest' : '', superseded, input.model.date ?? '', freshnessShort(input.facts) ?? '', docSteps, problems].filter(Boolean).join(' · '),
    tooltip: [
      input.model.title ?? input.name,
      input.model.date ? `Dated ${input.model.date}` : 'No date found',
      input.newest ? 'The newest handoff' : '',
      superseded ? `Superseded by ${displaySupersededBy(input.supersededBy!)}: its open steps are not counted as work left.` : '',
      input.facts ? freshnessTooltip(input.facts, input.now ?? Date.now()).replace(/\nClick to open the commit\.$/, '') : '',
    ].filter(Boolean).join('\n'),
    // A superseded handoff stays in the view, dimmed: the newer one says what is left.
    icon: superseded ? { id: 'history', color: 'disabledForeground' } : input.newest ? { id: 'star-full', color: 'list.highlightForeground' } : { id: 'book' },
    action: { kind: 'open-handoff' },
    children: [],
    contextValue: input.newest ? 'handoff.newest' : superseded ? 'handoff.superseded' : 'handoff',
  };

  // Innermost phase per item: walk the phase tree, deepest section containing the item's start wins.
  const phaseNodes = new Map<Phase, TreeNode>();
  const makePhase = (p: Phase, path: string, parent: TreeNode): TreeNode => {
    const c = countWithin(input, p.sectionRange);
    const progress = shownProgress(progressOf.get(p), !!superseded);
    const part = parts.get(p);
    const allDone = !!progress && progress.done > 0 && progress.open === 0 && progress.later === 0;
    const node: TreeNode = {
      id: `${input.uri}#phase:${path}`,
      kind: 'phase',
      handoff: input.uri,
      label: phaseLabel(p),
      description: phaseDescription(p, progress, c),
      tooltip: phaseTooltip(p, progress, part),
      // History is dimmed (it stays readable, folded); a finished phase is ticked.
      icon: part === 'history' ? { id: 'history', color: 'disabledForeground' }
        : allDone ? { id: 'pass', color: 'testing.iconPassed' } : { id: p.kind === 'section' ? 'symbol-namespace' : 'milestone' },
      range: p.sectionRange,
      action: { kind: 'reveal', range: p.range },
      children: [],
      parent,
      contextValue: 'phase',
      ...(part ? { part } : {}),
    };
    phaseNodes.set(p, node);
    node.children = p.children.map((child, i) => makePhase(child, `${path}.${i}`, node));
    return node;
  };
  root.children = input.model.phases.map((p, i) => makePhase(p, String(i), root));

  const ownerOf = (r: Range): TreeNode => {
    let owner = root;
    let level: Phase[] = input.model.phases;
    for (;;) {
      const hit = level.find((p) => contains(p.sectionRange, r.start));
      if (!hit) return owner;
      owner = phaseNodes.get(hit)!;
      level = hit.children;
    }
  };

  const commits: Array<[TreeNode, TreeNode]> = [];
  const seen = new Set<string>();
  for (const c of input.model.commits) {
    const owner = ownerOf(c.range);
    const key = `${owner.id}\0${c.sha.toLowerCase()}`;
    if (seen.has(key)) continue; // one node per SHA per phase: the first mention
    seen.add(key);
    commits.push([owner, commitNode(input, c, owner)]);
  }
  const files = input.model.files.map((f, i) => [ownerOf(f.range), f, i] as const)
    .map(([owner, f, i]) => [owner, fileNode(input, f, i, owner)] as const);
  const steps = input.model.steps.map((s) => { const owner = ownerOf(s.range); return [owner, stepNode(input, s, owner)] as const; });
  for (const [owner, node] of [...commits, ...files, ...steps]) {
    if (node.kind !== 'step' && input.fixable?.some((r) => sameStart(r, node.range!))) node.contextValue += '.fixable';
    owner.children.push(node);
  }
  // Phases first in document order, then commits, files and steps in the order they were added.
  for (const node of [root, ...phaseNodes.values()]) {
    const sub = node.children.filter((n) => n.kind === 'phase');
    const items = node.children.filter((n) => n.kind !== 'phase');
    node.children = [...sub, ...items];
  }
  // Last, the cited files that changed since the handoff's commit.
  const changed = changedSinceNode(input.uri, input.facts?.changedSince, input.facts?.anchor?.sha, root);
  if (changed) root.children.push(changed);
  return root;
}

function itemId(input: HandoffInput, kind: string, r: Range): string {
  return `${input.uri}#${kind}:${r.start.line}:${r.start.character}`;
}

function commitNode(input: HandoffInput, c: CommitMention, parent: TreeNode): TreeNode {
  const state = input.commitStates.get(c.sha.toLowerCase());
  const status = commitStatus(state);
  const subject = (state as { subject?: unknown } | undefined)?.subject;
  const reason = (state as { reason?: unknown } | undefined)?.reason;
  const repository = (state as { repository?: unknown } | undefined)?.repository;
  const describe: Record<CommitStatus, string> = {
    ok: 'pushed', unpushed: 'unpushed', unknown: 'unknown', ambiguous: 'ambiguous', 'shallow-unknown': 'beyond the shallow clone',
    elsewhere: typeof repository === 'string' ? `in ${repository}` : 'in another repository',
  };
  return {
    id: itemId(input, 'commit', c.range),
    kind: 'commit',
    handoff: input.uri,
    label: c.sha.length > 12 ? c.sha.slice(0, 12) : c.sha,
    description: [status ? describe[status] : 'not checked', typeof subject === 'string' ? subject : ''].filter(Boolean).join(' · '),
    tooltip: `Commit ${c.sha}${status ? ` — ${describe[status]}` : ' (git checks off)'}${typeof reason === 'string' ? `: ${reason}` : ''}\nLine ${c.range.start.line + 1}`,
    icon: COMMIT_ICONS[status ?? 'unchecked'],
    range: c.range,
    action: { kind: 'open-commit', sha: c.sha, range: c.range },
    children: [],
    parent,
    contextValue: `commit.${status ?? 'unchecked'}`,
  };
}

function fileNode(input: HandoffInput, f: FileBreadcrumb, index: number, parent: TreeNode): TreeNode {
  const targets = input.fileTargets[index];
  const fact = input.facts?.files[index];
  const suffix = f.line !== null ? `:${f.line}${f.endLine !== null ? `-${f.endLine}` : ''}` : f.symbol ? `::${f.symbol}` : '';
  const missing = !f.external && isMissing(targets);
  // Where a renamed file lives now: the node opens it there, as the lens and the link do.
  const movedTo = missing && fact?.kind === 'gone' ? fact.movedTo : null;
  // Marked as Problems marks it: a file never in the repository or an ambiguous name is no warning.
  const warn = input.diagnostics.some((d) => (d.code === 'missing-file' || d.code === 'line-out-of-range') && isStale(d) && sameStart(d.range, f.range));
  let description = '';
  let icon: Icon = { id: 'file' };
  if (f.external) { description = 'external'; icon = { id: 'link-external' }; }
  else if (missing) {
    const root = input.facts?.repo?.root;
    description = movedTo ? `moved to ${(root && relativeTo(root, movedTo)) || movedTo}` : missingWord(fact);
    icon = warn ? { id: 'warning', color: 'list.warningForeground' } : { id: movedTo ? 'arrow-right' : 'circle-slash', color: 'disabledForeground' };
  } else if (targets && targets.length > 1) { description = `${targets.length} matches`; icon = { id: 'files' }; }
  else if (warn) { description = 'line past the end'; icon = { id: 'warning', color: 'list.warningForeground' }; }
  // Where the cited line is now, when the file changed since the handoff: the node opens it there.
  const drift = driftOf(fact);
  if (drift && !f.external) description = [description, driftShort(drift)].filter(Boolean).join(' · ');
  return {
    id: itemId(input, 'file', f.range),
    kind: 'file',
    handoff: input.uri,
    label: `${f.path}${suffix}`,
    description,
    tooltip: `${f.path}${suffix}${missing ? ` — ${description}` : targets?.length ? `\n${targets.join('\n')}` : ''}\nLine ${f.range.start.line + 1}`,
    icon,
    range: f.range,
    action: { kind: 'open-file', target: movedTo ?? targets?.[0] ?? null, line: mappedCrumb(f, fact).line, range: f.range },
    children: [],
    parent,
    contextValue: missing ? 'file.missing' : 'file',
  };
}

function stepNode(input: HandoffInput, s: Step, parent: TreeNode): TreeNode {
  // An unchecked box that is not work to do (acceptance criteria, a roadmap, the document's history) says why.
  const notWork = s.state !== 'done' && s.state !== 'superseded' && !isStepToDo(s, input.model);
  const why = notWork ? (whyNotToDo(s, input.model) ?? 'history') : '';
  return {
    id: itemId(input, 'step', s.range),
    kind: 'step',
    handoff: input.uri,
    label: s.text,
    description: [s.state === 'open' ? '' : s.state, why].filter(Boolean).join(' · '),
    tooltip: `${s.marker ?? 'Step'} ${s.text}\nLine ${s.range.start.line + 1}${notWork ? `\nNot counted as work left (${why})` : ''}`,
    icon: notWork ? { ...STEP_ICONS[s.state], color: 'disabledForeground' } : STEP_ICONS[s.state],
    range: s.range,
    action: { kind: 'reveal', range: s.range },
    children: [],
    parent,
    contextValue: `step.${s.state}`,
    // A step dropped on purpose (`[-]`) is neither to tick nor ticked.
    ...(s.state === 'superseded' ? {} : { checked: s.state === 'done' }),
  };
}

/** The deepest node whose range holds the position (an item on that spot, else the innermost phase). */
export function nodeAt(root: TreeNode, position: Position): TreeNode | undefined {
  let best: TreeNode | undefined;
  const visit = (n: TreeNode) => {
    for (const child of n.children) {
      if (child.range && contains(child.range, position)) {
        best = child;
        visit(child);
        return;
      }
    }
  };
  visit(root);
  return best ?? root;
}

/** Every node of a subtree, depth first (for lookups by id). */
export function* walk(node: TreeNode): Generator<TreeNode> {
  yield node;
  for (const c of node.children) yield* walk(c);
}
