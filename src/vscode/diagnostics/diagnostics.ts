/**
 * Publishes every handoff's diagnostics into one DiagnosticCollection (the Problems panel). Each diagnostic
 * carries its rule code linked to the rule's section of the README, a mapped severity, and related information
 * whose paths become Locations. Redrawn on the store's change event only: the store decides when.
 */
import * as vscode from 'vscode';
import type { Diagnostic as CoreDiagnostic, Range as CoreRange, Severity } from '../../core/model';
import type { HandoffStore } from '../contracts';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'handoff';

export function toRange(r: CoreRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('handoffNavigator');
  private readonly subscription: vscode.Disposable;

  /** `docs`: the README, whose `#rule-code` anchors document each rule. */
  constructor(private readonly store: HandoffStore, private readonly docs: vscode.Uri) {
    this.subscription = store.onDidChange((uris) => this.update(uris));
  }

  update(uris: readonly vscode.Uri[]): void {
    for (const uri of uris) {
      const handoff = this.store.get(uri);
      if (!handoff || !this.store.isHandoff(uri)) this.collection.delete(uri);
      else this.collection.set(uri, handoff.analysis.diagnostics.map((d) => this.convert(uri, d)));
    }
  }

  private convert(uri: vscode.Uri, d: CoreDiagnostic): vscode.Diagnostic {
    const out = new vscode.Diagnostic(toRange(d.range), d.message, SEVERITY[d.severity]);
    out.source = DIAGNOSTIC_SOURCE;
    out.code = { value: d.code, target: this.docs.with({ fragment: d.code }) };
    if (d.related?.length) {
      out.relatedInformation = d.related.map((r) => new vscode.DiagnosticRelatedInformation(
        new vscode.Location(r.path ? resolvePath(uri, r.path) : uri, toRange(r.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } })),
        r.message,
      ));
    }
    return out;
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}

/** A related path: absolute as is; relative to the handoff's workspace folder, else to the handoff's folder. */
function resolvePath(handoff: vscode.Uri, path: string): vscode.Uri {
  const p = path.replace(/\\/g, '/');
  if (/^([a-zA-Z]:)?\//.test(p)) return handoff.scheme === 'file' ? vscode.Uri.file(p) : handoff.with({ path: p });
  const folder = vscode.workspace.getWorkspaceFolder(handoff);
  return vscode.Uri.joinPath(folder ? folder.uri : vscode.Uri.joinPath(handoff, '..'), p);
}
