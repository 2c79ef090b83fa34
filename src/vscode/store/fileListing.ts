/**
 * The workspace's file listing as the editor's analyses share it: one listing per folder and epoch
 * (refreshScheduler.ts), so a listing taken before a file was created or deleted, or before a commit, is never
 * used after the store has heard of that change — however recent it is. (A listing kept for a fixed time instead
 * could be taken while a rename was half done, and be reused by the refresh that follows it.) Analyses asking
 * at the same time share one listing; the time limit stays as a backstop for changes no event reports. The
 * listing always runs to its end: one analysis's cancellation must not leave a partial listing for the others.
 * No `vscode`: unit-tested over real repositories.
 */
import { NEVER_CANCELLED, type CancellationToken, type WorkspaceFiles } from '../../core/interfaces';

/** The longest one listing is used while no change is reported (a watcher can miss one). */
const LISTING_TTL_MS = 2_000;

interface Listing {
  epoch: number;
  at: number;
  files: Promise<readonly string[]>;
}

export class EpochListing implements WorkspaceFiles {
  private readonly listings = new Map<string, Listing>();

  /** `lister` should keep no listing of its own (NodeWorkspaceFiles with `ttlMs: 0`): this is the cache. */
  constructor(private readonly lister: WorkspaceFiles, private readonly epoch: () => number, private readonly ttlMs = LISTING_TTL_MS) {}

  listFiles(root: string): Promise<readonly string[]> {
    const epoch = this.epoch();
    const now = Date.now();
    const hit = this.listings.get(root);
    if (hit && hit.epoch === epoch && now - hit.at < this.ttlMs) return hit.files;
    // Listings of earlier epochs are of no use any more: the map holds at most the current folders.
    for (const [key, l] of this.listings) if (l.epoch !== epoch) this.listings.delete(key);
    const files = this.lister.listFiles(root, NEVER_CANCELLED);
    const listing = { epoch, at: now, files };
    this.listings.set(root, listing);
    files.catch(() => { if (this.listings.get(root) === listing) this.listings.delete(root); });
    return files;
  }

  lineCount(path: string, token: CancellationToken, upTo?: number): Promise<number | null | 'outside'> {
    return this.lister.lineCount(path, token, upTo);
  }
}
