/**
 * The web build's stand-in for src/node/workspaceFiles.ts (see esbuild.mjs), for the hover's symbolic-link guard.
 * In the browser a file is read only through the editor's file system: a folder opened from the local disk is
 * reached through the browser's File System Access handle the user granted, which does not lead outside it, and
 * the other schemes (github.dev's, a remote server's) are not local paths at all. So a `file:` path is inside.
 */
export async function inside(_path: string, _root: string): Promise<boolean> {
  return true;
}
