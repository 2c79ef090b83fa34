/** The seam between the language service and the git rules: the service only knows this shape. */
import type { CancellationToken } from './interfaces';
import type { Diagnostic, HandoffModel } from './model';
import type { CoreSettings } from './settings';

export interface GitCheckResult {
  diagnostics: Diagnostic[];
  notices: string[];
  commits: ReadonlyMap<string, unknown>;
}

export interface GitCheck {
  check(model: HandoffModel, documentPath: string, settings: CoreSettings, token: CancellationToken): Promise<GitCheckResult>;
}
