/**
 * The lenses of a handoff's moment: over its first heading, how far the repository moved since it was written
 * ("+12 commits since this handoff · 1a2b3c4, 3 days ago"; a click opens that commit) and, when a newer handoff
 * supersedes it, which one (a click opens it); over each branch claim that moved on, "main +12 since this
 * handoff". Freshness is never a problem: these lenses are where it shows, not Problems.
 */
import * as vscode from 'vscode';
import type { AnalysedHandoff, HandoffStore } from '../contracts';
import { freshnessTitle, freshnessTooltip, movedRefTitle, supersededTitle } from '../freshness';
import { OPEN_COMMIT } from './hoverText';
import { supersedingUri, toRange } from './shared';

/** Where the title lenses go: the document's first heading, else its first line. */
function titleRange(h: AnalysedHandoff): vscode.Range {
  const first = h.analysis.model.phases[0];
  return first ? toRange(first.range) : new vscode.Range(0, 0, 0, 0);
}

export function freshnessLenses(store: HandoffStore, h: AnalysedHandoff, now: number): vscode.CodeLens[] {
  const { facts, supersededBy, model } = h.analysis;
  const lenses: vscode.CodeLens[] = [];
  const range = titleRange(h);
  const title = freshnessTitle(facts, now);
  if (title && facts) {
    const command = facts.anchor
      ? { title, command: OPEN_COMMIT, tooltip: freshnessTooltip(facts, now), arguments: [{ uri: h.uri.toString(), sha: facts.anchor.sha }] }
      : { title, command: '', tooltip: freshnessTooltip(facts, now) };
    lenses.push(new vscode.CodeLens(range, command));
  }
  if (supersededBy) {
    const newer = supersedingUri(store, h);
    const title = supersededTitle(supersededBy);
    const tooltip = 'Its open steps are not reported: the newer handoff says what is left.';
    if (newer) {
      lenses.push(new vscode.CodeLens(range, { title, command: 'vscode.open', tooltip: `${tooltip}\nClick to open ${vscode.workspace.asRelativePath(newer)}.`, arguments: [newer] }));
    } else if (facts?.anchor?.newer) {
      lenses.push(new vscode.CodeLens(range, { title, command: OPEN_COMMIT, tooltip: `${tooltip}\nClick to open the newer commit of this file.`, arguments: [{ uri: h.uri.toString(), sha: facts.anchor.newer.sha }] }));
    } else {
      lenses.push(new vscode.CodeLens(range, { title, command: '', tooltip }));
    }
  }
  // One lens per moved claim and line: a table row naming the branch twice needs it once.
  const seen = new Set<string>();
  model.refs.forEach((mention, i) => {
    const fact = facts?.refs[i];
    const refTitle = fact ? movedRefTitle(fact) : null;
    const key = `${mention.range.start.line}\0${refTitle}`;
    if (!refTitle || !fact || fact.kind !== 'moved' || seen.has(key)) return;
    seen.add(key);
    lenses.push(new vscode.CodeLens(toRange(mention.range), {
      title: refTitle, command: OPEN_COMMIT, arguments: [{ uri: h.uri.toString(), sha: fact.now }],
      tooltip: `${fact.ref} is now at ${fact.now.slice(0, 7)}: the repository moved on, which is no problem.\nClick to open that commit.`,
    }));
  });
  return lenses;
}
