/**
 * The web build's stand-in for src/vscode/trust.ts (see esbuild.mjs): the same trust state, with git off for good.
 * A web-worker extension host (vscode.dev, github.dev) runs no process, so even a trusted folder opened from the
 * local disk (a `file:` workspace there) gets parse-only results, and the tree says why.
 */
import { TrustState as HostTrustState } from '../vscode/trust';

export const WEB_GIT_REASON = 'Git checks are off: the web editor (vscode.dev, github.dev) cannot run git. Open the folder in desktop VS Code to check commits and pushes.';

export class TrustState extends HostTrustState {
  override get reason(): string | null {
    return super.reason ?? WEB_GIT_REASON;
  }
}
