// Each handoff dialect in the real host: its fixture (test/fixtures/handoffs/dialects/<dialect>/…, copied into the
// workspace under dialects/) is found by the default globs, and the Handoffs view — read through its
// TreeDataProvider, as the workbench reads it — shows its phases labelled unit · name, the current part expanded,
// history collapsed, and the progress counts in the descriptions; the heading lens shows the same progress.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as vscode from 'vscode';
import type { HandoffNavigatorApi } from '../../src/vscode/extension';
import type { TreeNode } from '../../src/vscode/tree/model';
import { closeAllEditors, getApi, removeWorkspaceFile, waitFor, writeWorkspaceFile } from './helpers';

/** The bundle runs from out/test/extension; the fixtures stay in the repository beside it. */
const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'handoffs', 'dialects');
const FOLDER = 'dialects';

const { Expanded, Collapsed, None } = vscode.TreeItemCollapsibleState;
const STATE_NAMES = new Map([[Expanded, 'expanded'], [Collapsed, 'collapsed'], [None, 'leaf']]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('handoff dialects in the Handoffs view', () => {
  let api: HandoffNavigatorApi;
  const uris = new Map<string, vscode.Uri>();

  before(async function () {
    this.timeout(60_000);
    api = await getApi();
    for (const file of filesUnder(FIXTURES)) {
      const rel = relative(FIXTURES, file).split('\\').join('/');
      uris.set(rel, writeWorkspaceFile(`${FOLDER}/${rel}`, readFileSync(file, 'utf8')));
    }
    await waitFor('every dialect fixture in the tree', () => {
      const shown = new Set(api.tree.getChildren().map((n) => n.handoff));
      return [...uris.values()].every((u) => shown.has(u.toString()));
    }, 45_000);
    await api.store.whenIdle();
  });

  after(async function () {
    this.timeout(30_000);
    await closeAllEditors();
    removeWorkspaceFile(FOLDER);
    await waitFor('the dialect fixtures to leave the store', () => !api.store.all().some((h) => h.uri.path.includes(`/${FOLDER}/`)), 25_000);
    await api.store.whenIdle();
  });

  /**
   * A description without what git says of the fixture's citations (`· 2 stale`, `1 unpushed`): the fixtures cite
   * commits and files of a repository that is not this workspace's, and those counts are the Handoff view suite's.
   */
  const withoutProblems = (d: string) => d.replace(/(?:^| · )\d+ (?:stale|unpushed)/g, '').replace(/^ · /, '');

  /** The handoff's phases, depth-first: `label | description | expanded/collapsed/leaf`, indented by depth. */
  function phases(rel: string): string[] {
    const uri = uris.get(rel)!.toString();
    const root = api.tree.getChildren().find((n) => n.handoff === uri);
    assert.ok(root, `${rel} is in the tree`);
    const out: string[] = [];
    const visit = (n: TreeNode, depth: number) => {
      for (const child of api.tree.getChildren(n)) {
        if (child.kind !== 'phase') continue;
        const item = api.tree.getTreeItem(child);
        out.push(`${'  '.repeat(depth)}${String(item.label)} | ${withoutProblems(String(item.description ?? ''))} | ${STATE_NAMES.get(item.collapsibleState!)}`);
        visit(child, depth + 1);
      }
    };
    visit(root, 0);
    return out;
  }

  function phaseNodes(rel: string): TreeNode[] {
    const root = api.tree.getChildren().find((n) => n.handoff === uris.get(rel)!.toString())!;
    const out: TreeNode[] = [];
    const visit = (n: TreeNode) => { for (const c of api.tree.getChildren(n)) if (c.kind === 'phase') { out.push(c); visit(c); } };
    visit(root);
    return out;
  }

  function handoffDescription(rel: string): string {
    const node = api.tree.getChildren().find((n) => n.handoff === uris.get(rel)!.toString())!;
    return String(api.tree.getTreeItem(node).description ?? '');
  }

  async function lensTitles(rel: string, line: number): Promise<string[]> {
    // The lens command asks the document's model: the document must be open.
    await vscode.workspace.openTextDocument(uris.get(rel)!);
    const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uris.get(rel)!, 50);
    return found.filter((l) => l.range.start.line === line && l.command?.title).map((l) => l.command!.title);
  }

  it("GSD ROADMAP: milestones, checklist phases and waves; the milestone in progress open, the details folded, a roadmap's open phases as later work", () => {
    const rel = 'gsd/.planning/ROADMAP.md';
    assert.deepEqual(phases(rel), [
      'Roadmap: Ledgerly | 3 done · 6 later | expanded',
      '  Milestones |  | expanded',
      '    Milestone v1.0 · Core ledger — Phases 1-2 | done · 2026-03-30 | leaf',
      '    Milestone v1.1 · Imports — Phases 3-4 | in progress | leaf',
      '    Milestone v2.0 · Sharing — Phase 5 | planned | leaf',
      '  Phases | 2 done · 3 later | expanded',
      '    Milestone v1.0 · Core ledger (Phases 1-2) | done · 2026-03-30 · 2/2 steps | collapsed',
      '      Phase 1 · Account model | done · 2026-03-18 · 1/1 steps | collapsed',
      '      Phase 2 · Double-entry postings | done · 2026-03-29 · 1/1 steps | collapsed',
      '    Milestone v1.1 · Imports | in progress · 3 later | expanded',
      '      Phase 3 · Ledger import - CSV and OFX statements into draft postings | 1 later | collapsed',
      '      Phase 3.1 · Duplicate guard - INSERTED after the March import incident | 1 later | collapsed',
      '      Phase 4 · Reconciliation - match drafts against bank balances | 1 later | collapsed',
      '  Phase Details | 1 done · 3 later | collapsed',
      '    Phase 3 · Ledger import | 1 done · 2 later | collapsed',
      '      Wave 1 · 03-01-PLAN.md — Statement parser for CSV and OFX | 1/1 steps | collapsed',
      '        Plan 03-01 · Statement parser for CSV and OFX | done · 1/1 steps | collapsed',
      '      Wave 2 | blocked · 2 later | collapsed',
      '        Plan 03-02 · Draft postings with a review queue | 1 later | collapsed',
      '        Plan 03-03 · Import history page | 1 later | collapsed',
      '    Phase 3.1 · Duplicate guard (INSERTED) | 1 later | collapsed',
      '      Plan 03.1-01 · Fingerprint statements by account, period and totals | 1 later | collapsed',
      '    Phase 4 · Reconciliation |  | leaf',
      '  Progress |  | expanded',
      '    Phase 1 · Account model | done | leaf',
      '    Phase 2 · Double-entry postings | done | leaf',
      '    Phase 3 · Ledger import | in progress | leaf',
      '    Phase 3.1 · Duplicate guard | planned | leaf',
      '    Phase 4 · Reconciliation | planned | leaf',
    ]);
  });

  it('GSD STATE: the current position open with its phase and the plan stopped_at names, the stated percent on the handoff', async () => {
    const rel = 'gsd/.planning/STATE.md';
    assert.deepEqual(phases(rel), [
      'Project State | 0/1 steps | expanded',
      '  Project Reference |  | collapsed',
      '  Current Position |  | expanded',
      '    Phase 3 · Ledger import | in progress | expanded',
      '      Plan 2 · 2 of 3 in current phase |  | leaf',
      '  Accumulated Context | 0/1 steps | expanded',
      '    Decisions |  | leaf',
      '    Pending Todos | 0/1 steps | expanded',
      '    Blockers/Concerns |  | leaf',
      '  Session Continuity |  | leaf',
    ]);
    assert.match(handoffDescription(rel), /^2026-05-09 · .*0\/1 steps · 20%/);
    const title = readFileSync(join(FIXTURES, rel), 'utf8').split('\n').findIndex((l) => l.startsWith('# '));
    // Beside the title's freshness lens.
    const titles = await lensTitles(rel, title);
    assert.ok(titles.some((t) => t.startsWith('0/1 step · 20%')), titles.join(' | '));
  });

  it('GSD pause file: its XML-ish sections by name, current state, remaining work and next action open', () => {
    const rel = 'gsd/.planning/phases/03-ledger-import/.continue-here.md';
    assert.deepEqual(phases(rel), [
      'Current state |  | leaf',
      'Completed work |  | expanded',
      '  Task 1 · Draft store | done | collapsed',
      '  Task 2 · Review queue | in progress | leaf',
      'Remaining work | 0/3 steps | expanded',
      '  Task 2 · build web/src/routes/imports/+page.svelte with approve and… | 0/1 steps | collapsed',
      '  Task 2 · reject must write an audit line (see… | 0/1 steps | collapsed',
      'Decisions made |  | leaf',
      'Blockers |  | leaf',
      'Next action | 0/1 steps | expanded',
    ]);
  });

  it('GSD summary: a finished record, nothing open but its title', () => {
    const rel = 'gsd/.planning/phases/03-ledger-import/03-01-SUMMARY.md';
    assert.deepEqual(phases(rel), [
      'Phase 3 · Plan 1: Statement parser Summary |  | expanded',
      '  Performance |  | leaf',
      '  Task Commits |  | collapsed',
      '    Task 1 · CSV reader - 4c1d9e2 (feat) |  | collapsed',
      '    Task 2 · OFX reader - a7e52b0 (feat) |  | collapsed',
      '  Files Created/Modified |  | collapsed',
      '  Deviations from Plan |  | collapsed',
      '  Next Phase Readiness |  | leaf',
    ]);
  });

  it('GSD plan: its tasks, nothing current (no step to do)', () => {
    const rel = 'gsd/.planning/phases/03-ledger-import/03-02-PLAN.md';
    assert.deepEqual(phases(rel), [
      'Objective |  | leaf',
      'Context |  | collapsed',
      'Tasks |  | collapsed',
      '  Task 1 · Draft store |  | leaf',
      '  Task 2 · Review queue |  | leaf',
      'Verification |  | leaf',
      'Success criteria |  | leaf',
    ]);
  });

  it('Spec Kit tasks: phases with their task boxes, the first unfinished phase open, the rest folded; the heading lens agrees', async () => {
    const rel = 'speckit/specs/004-offline-sync/tasks.md';
    assert.deepEqual(phases(rel), [
      'Tasks: Offline sync for field notes | 3/11 steps | expanded',
      '  Phase 1 · Setup (Shared Infrastructure) | 2/2 steps | collapsed',
      '  Phase 2 · Foundational (Blocking Prerequisites) | 1/2 steps | expanded',
      '  Phase 3 · User Story 1 - Edit notes offline (Priority: P1) MVP | 0/4 steps | collapsed',
      '    Tests for User Story 1 | 0/2 steps | collapsed',
      '    Implementation for User Story 1 | 0/2 steps | collapsed',
      '  Phase 4 · User Story 2 - Resolve conflicts (Priority: P2) | 0/2 steps | collapsed',
      '  Phase N · Polish & Cross-Cutting Concerns | 0/1 steps | collapsed',
      '  Dependencies & Execution Order |  | leaf',
    ]);
    const phase2 = readFileSync(join(FIXTURES, rel), 'utf8').split('\n').findIndex((l) => l.startsWith('## Phase 2'));
    const titles = await lensTitles(rel, phase2);
    assert.ok(titles.length === 1 && titles[0].startsWith('1/2 steps'), titles.join(' | '));
  });

  it('Kiro tasks: numbered tasks nested, the first unfinished task open', () => {
    const rel = 'kiro/.kiro/specs/offline-sync/tasks.md';
    assert.deepEqual(phases(rel), [
      'Implementation Plan | 2/6 steps | expanded',
      '  Task 1 · Set up the sync module and its interfaces | done · 1/1 steps | collapsed',
      '  Task 2 · Record local changes | 1/3 steps | expanded',
      '    Task 2.1 · Write the change-log record | done · 1/1 steps | collapsed',
      '    Task 2.2 · Queue edits while offline | 0/1 steps | collapsed',
      '  Task 3 · Upload and merge | 0/2 steps | collapsed',
      '    Task 3.1 · Upload the queue on reconnect | 0/1 steps | collapsed',
    ]);
  });

  it('Claude Code plan: the implementation steps open', () => {
    const rel = 'claude/.claude/plans/amber-river-lantern.md';
    assert.deepEqual(phases(rel), [
      'Plan: Cache statement parsing results | 0/4 steps | expanded',
      '  Context |  | collapsed',
      '  Approach |  | leaf',
      '  Implementation steps | 0/4 steps | expanded',
      '  Files to modify |  | collapsed',
      '  Verification |  | leaf',
    ]);
  });

  it('Cursor plan: the steps open; its front-matter todos count for the whole plan', () => {
    const rel = 'cursor/.cursor/plans/cache_warmup_5e1d2c3b.plan.md';
    assert.deepEqual(phases(rel), [
      'Cache warm-up | 0/3 steps | expanded',
      '  Overview |  | collapsed',
      '  Steps | 0/3 steps | expanded',
    ]);
    assert.match(handoffDescription(rel), /1\/6 steps$/);
  });

  it('Cline memory bank, active context: the current focus and next steps open', () => {
    const rel = 'cline/memory-bank/activeContext.md';
    assert.deepEqual(phases(rel), [
      'Active Context | 0/3 steps | expanded',
      '  Current Focus |  | leaf',
      '  Recent Changes |  | collapsed',
      '  Next Steps | 0/3 steps | expanded',
      '  Active Decisions |  | leaf',
    ]);
  });

  it('Cline memory bank, progress: what is left and the current status open', () => {
    const rel = 'cline/memory-bank/progress.md';
    assert.deepEqual(phases(rel), [
      'Progress | 0/3 steps | expanded',
      '  What Works |  | leaf',
      "  What's Left to Build | 0/3 steps | expanded",
      '  Current Status |  | expanded',
      '    Sprint 4 · imports — 1 of 3 plans done |  | leaf',
      '  Known Issues |  | leaf',
    ]);
  });

  it('HumanLayer handoff: the action items and next steps open', () => {
    const rel = 'humanlayer/thoughts/shared/handoffs/ENG-2041/2026-05-09_14-02-11_ENG-2041_ledger-import.md';
    assert.deepEqual(phases(rel), [
      'Handoff: ENG-2041 review queue for ledger imports | 0/3 steps | expanded',
      '  Task(s) |  | leaf',
      '  Critical References |  | collapsed',
      '  Recent changes |  | collapsed',
      '  Learnings |  | leaf',
      '  Action Items & Next Steps | 0/3 steps | expanded',
      '  Other Notes |  | collapsed',
    ]);
  });

  it('a dated session log: older entries collapsed as history, the newest session open', () => {
    const rel = 'logs/docs/sessions/2026-05-09-ledger-import.md';
    assert.deepEqual(phases(rel), [
      'Ledger import — session log | 0/1 steps | expanded',
      '  2026-05-07 |  | collapsed',
      '    Next steps |  | collapsed',
      '  2026-05-08 |  | collapsed',
      '    Next steps |  | collapsed',
      '  Session 2026-05-09 · This session | 0/1 steps | expanded',
    ]);
    const older = phaseNodes(rel).find((n) => n.label === '2026-05-07')!;
    assert.equal((api.tree.getTreeItem(older).iconPath as vscode.ThemeIcon).id, 'history');
  });
});
