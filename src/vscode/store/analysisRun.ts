/**
 * One analysis of a handoff, from its text to the result the store lands: the language service's analysis, the
 * breadcrumbs' files in the workspace (targets.ts) and the ranges a quick fix applies to; and the log line that
 * says what landed. The store decides when to run one and whether its result lands.
 */
import * as vscode from 'vscode';
import type { CancellationToken } from '../../core/interfaces';
import type { HandoffLanguageService } from '../../core/service';
import { fixableRanges } from '../../core/fixes';
import type { AnalysedHandoff } from '../contracts';
import { neverCancelled } from './cancellation';
import type { RepositoryNotices } from './repoNotices';
import { resolveTargets } from './targets';

/** The handoff's text: the editor's when it is open, else the file's (throws when the file cannot be read). */
export async function handoffText(uri: vscode.Uri, doc: vscode.TextDocument | undefined): Promise<string> {
  return doc ? doc.getText() : new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
}

/** Analyses one version of the text; undefined when cancelled (a newer analysis took over). */
export async function analyseText(
  service: HandoffLanguageService,
  uri: vscode.Uri,
  a: { version: number; text: string; supersededBy: string | null; exclude: string | null },
  token: CancellationToken,
): Promise<AnalysedHandoff | undefined> {
  const analysis = await service.analyze({ path: uri.fsPath, version: a.version, text: a.text, supersededBy: a.supersededBy }, token);
  if (token.isCancellationRequested) return undefined;
  // Targets are resolved to the end even if cancelled meanwhile: they are shared by every feature of the result.
  const fileTargets = await resolveTargets(uri, analysis, a.exclude, neverCancelled());
  if (token.isCancellationRequested) return undefined;
  const fixable = fixableRanges({ text: a.text, documentPath: uri.fsPath, model: analysis.model, facts: analysis.facts });
  return { uri, version: a.version, analysis: { ...analysis, fileTargets }, fixable };
}

/**
 * Says what landed: one log line (debug for the editor's own runs, which come with every pause in the typing), and
 * the analysis's notices, a repository's fault (git hanging, missing, corrupt) once for the repository, not once
 * per handoff. `shown` holds the notices last reported for this handoff; the new ones are returned.
 */
export function reportLanded(
  log: vscode.LogOutputChannel, repoNotices: RepositoryNotices, h: AnalysedHandoff, o: { reason: string; ms: number; parseOnly: boolean; shown: string },
): string {
  const name = vscode.workspace.asRelativePath(h.uri);
  const m = h.analysis.model;
  const line = `analysed ${name} (${h.version < 0 ? 'from disk' : `v${h.version}`}, ${o.reason}) in ${o.ms} ms: ${m.phases.length} phases, ${m.commits.length} commits, ${m.files.length} files, ${m.steps.length} steps, ${h.analysis.diagnostics.length} diagnostics${o.parseOnly ? ' (parse-only)' : ''}`;
  if (o.reason === 'edit' || o.reason === 'requested') log.debug(line);
  else log.info(line);
  const notices = h.analysis.notices.join('\n');
  for (const n of repoNotices.report(h.uri.toString(), h.analysis.facts?.repo?.root ?? null, h.analysis.notices, notices !== o.shown)) {
    log.warn(n.repository ? n.text : `${name}: ${n.text}`);
    if (n.repository) void vscode.window.showWarningMessage(`Handoff Navigator: ${n.text}`);
  }
  return notices;
}
