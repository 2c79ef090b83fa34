/** The seam between the language service and the git rules: the service only knows this shape. */
import type { CancellationToken } from './interfaces';
import type { HandoffModel } from './model';
import type { CoreSettings } from './settings';
import type { GitCheckResult } from './git/check';

export type { GitCheckResult };

export interface GitCheck {
  check(model: HandoffModel, documentPath: string, settings: CoreSettings, token: CancellationToken): Promise<GitCheckResult>;
}
