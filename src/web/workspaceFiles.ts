/**
 * The web build's stand-in for src/node/workspaceFiles.ts (see esbuild.mjs), for the hover's symbolic-link guard.
 * A web host cannot resolve links on a local disk, so it cannot prove a `file:` path stays in the workspace folder:
 * it answers no, and the hover does not preview it (the project's rule: nothing read outside the workspace because
 * a document names it). Virtual file systems (github.dev's, the remote server's) are not asked.
 */
export async function inside(_path: string, _root: string): Promise<boolean> {
  return false;
}
