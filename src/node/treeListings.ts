/**
 * A commit's files as `git ls-tree -r --name-only --full-tree` lists them (files, symbolic links and submodules, in
 * git's order), read from the object store without a process. Handoffs written at many commits each ask for their
 * commit's tree, and those trees share most of their folders: each folder's tree object is read once and kept by
 * name, so a further commit costs only the folders that changed. Bounded: entries kept (the cache is dropped past
 * MAX_KEPT_ENTRIES), tree objects read per listing and entries per listing (past MAX_READS_PER_LISTING or
 * MAX_LISTED, null: git is asked, as for anything not read here).
 */
import { ObjectReader } from './objectRead';

type Entries = Map<string, { mode: string; sha: string }>;

/** Tree entries kept across listings, at most (150–200 bytes each: an editor keeps one such cache per repository). */
const MAX_KEPT_ENTRIES = 50_000;
/** Files in one listing, at most (`ls-tree`'s own output is capped at 64 MB). */
const MAX_LISTED = 1_000_000;
/**
 * Tree objects read (not kept already) for one listing, at most: past it, `ls-tree` lists the rest in a process, so
 * a very large repository never holds an editor's thread reading its trees. What was read stays kept.
 */
const MAX_READS_PER_LISTING = 1_000;
/** Commits whose files left (movedFrom) are kept. */
const MAX_KEPT_LEFT = 64;
/** Commits whose root tree is kept. */
const MAX_KEPT_ROOTS = 10_000;
const TREE_MODE = '40000';
const GITLINK_MODE = '160000';

/**
 * A path of plain names: no empty, `.` or `..` part, no line break or NUL, and no U+FFFD (a name whose bytes are not
 * UTF-8 reads as one here, and would match where git's byte comparison does not).
 */
function plainPath(path: string): boolean {
  if (!path || /[\n\r\0\uFFFD]/.test(path)) return false;
  for (const part of path.split('/')) if (part === '' || part === '.' || part === '..') return false;
  return true;
}

export class TreeListings {
  private readonly trees = new Map<string, Entries>();
  private readonly roots = new Map<string, string | null>();
  /** What each commit asked about took away from its parent (filesLeft): a run asks per handoff, three times over. */
  private readonly leftBy = new Map<string, Map<string, string[]> | undefined>();
  private kept = 0;
  /** Tree objects read from the store so far. */
  private reads = 0;

  private constructor(private readonly reader: ObjectReader, private readonly maxReads: number, private readonly maxKept: number) {}

  /** Listings of `commonDir`'s store, or null when it is not one read here. */
  static open(commonDir: string, maxReads = MAX_READS_PER_LISTING, maxKept = MAX_KEPT_ENTRIES): TreeListings | null {
    const reader = ObjectReader.open(commonDir);
    return reader ? new TreeListings(reader, maxReads, maxKept) : null;
  }

  /**
   * Whether `path` is in `commit`'s tree — a file, folder or link — as `cat-file --batch-check` answers
   * `<commit>:<path>`; null when the store cannot say, for a path git reads its own way (`./x`, `x/`, `a//b`), and
   * for a submodule or a path through one.
   */
  has(commit: string, path: string): boolean | null {
    if (!plainPath(path)) return null;
    const root = this.rootOf(commit);
    let entries = root ? this.entries(root) : null;
    if (!entries) return null;
    const parts = path.split('/');
    for (let i = 0; ; i++) {
      const entry = entries.get(parts[i]!);
      if (!entry) return false;
      // A submodule: git answers by whether its commit is in this store (usually not): asked of git.
      if (entry.mode === GITLINK_MODE) return null;
      if (i === parts.length - 1) return true;
      if (entry.mode !== TREE_MODE) return false; // through a file: git finds nothing there either
      entries = this.entries(entry.sha);
      if (!entries) return null;
    }
  }

  /** The files of `commit`'s tree, or null when a tree on the way is not read here (or there are too many). */
  filesAt(commit: string): string[] | null {
    const root = this.rootOf(commit);
    if (!root) return null;
    const out: string[] = [];
    const readsBefore = this.reads;
    // Depth first in each tree's order, as `ls-tree -r` prints: a folder's files where the folder's name sorts.
    const stack: Array<{ prefix: string; entries: IterableIterator<[string, { mode: string; sha: string }]> }> = [];
    const rootEntries = this.entries(root);
    if (!rootEntries) return null;
    stack.push({ prefix: '', entries: rootEntries.entries() });
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const next = top.entries.next();
      if (next.done) {
        stack.pop();
        continue;
      }
      const [name, { mode, sha }] = next.value;
      const path = top.prefix + name;
      if (mode !== TREE_MODE) {
        if (out.push(path) > MAX_LISTED) return null;
        continue;
      }
      const inner = this.entries(sha);
      if (!inner || this.reads - readsBefore > this.maxReads) return null;
      stack.push({ prefix: `${path}/`, entries: inner.entries() });
    }
    return out;
  }

  /**
   * The path `blob` was moved from by `commit`, when `commit` put it at `path` by an unchanged move (a handoff
   * archived, a folder reorganised): a path where its first parent had that blob and `commit` no longer has it. Null
   * when it was not moved (a new text, or a copy of one still there); undefined when the store cannot say.
   */
  movedFrom(commit: string, blob: string, path: string): string | null | undefined {
    if (!this.leftBy.has(commit)) {
      if (this.leftBy.size >= MAX_KEPT_LEFT) this.leftBy.clear();
      this.leftBy.set(commit, this.filesLeft(commit));
    }
    const left = this.leftBy.get(commit);
    return left === undefined ? undefined : left.get(blob)?.find((p) => p !== path) ?? null;
  }

  /**
   * The files `commit` took away from its first parent's tree (deleted, or changed), by their blob there; undefined
   * when the store cannot say. Only the folders the commit changed are read: equal trees are skipped by name.
   */
  private filesLeft(commit: string): Map<string, string[]> | undefined {
    const parents = this.reader.parentsOf(commit);
    if (!parents) return undefined;
    const left = new Map<string, string[]>();
    if (!parents.length) return left;
    const before = this.rootOf(parents[0]!);
    const after = this.rootOf(commit);
    if (!before || !after) return undefined;
    const readsBefore = this.reads;
    const stack: Array<{ prefix: string; was: string; now: string | null }> = [{ prefix: '', was: before, now: after }];
    for (let top = stack.pop(); top; top = stack.pop()) {
      const was = this.entries(top.was);
      const now = top.now ? this.entries(top.now) : new Map() as Entries;
      if (!was || !now || this.reads - readsBefore > this.maxReads) return undefined;
      for (const [name, entry] of was) {
        const kept = now.get(name);
        if (kept?.sha === entry.sha) continue; // the same file or folder: nothing left it
        if (entry.mode === TREE_MODE) stack.push({ prefix: `${top.prefix}${name}/`, was: entry.sha, now: kept?.mode === TREE_MODE ? kept.sha : null });
        else left.set(entry.sha, [...(left.get(entry.sha) ?? []), top.prefix + name]);
      }
    }
    return left;
  }

  /** Commits' root trees: a bisection asks about the same few dozen commits round after round. */
  private rootOf(commit: string): string | null {
    if (!this.roots.has(commit)) {
      if (this.roots.size >= MAX_KEPT_ROOTS) this.roots.clear();
      this.roots.set(commit, this.reader.treeOf(commit));
    }
    return this.roots.get(commit)!;
  }

  private entries(tree: string): Entries | null {
    const hit = this.trees.get(tree);
    if (hit) return hit;
    const read = this.reader.entriesOf(tree);
    this.reads++;
    if (!read) return null;
    if (this.kept + read.size > this.maxKept) {
      this.trees.clear();
      this.kept = 0;
    }
    this.trees.set(tree, read);
    this.kept += read.size;
    return read;
  }
}

/** One TreeListings per object store, opened again when the repository's state changes (a `gc` repacks it). */
export class StoreTrees {
  private readonly byStore = new Map<string, { key: string; listings: TreeListings | null }>();

  /** The listings of the store of `commonDir` in state `key`, or null when it is not read here (git is asked). */
  of(commonDir: string, key: string): TreeListings | null {
    let s = this.byStore.get(commonDir);
    if (!s || s.key !== key) this.byStore.set(commonDir, (s = { key, listings: TreeListings.open(commonDir) }));
    return s.listings;
  }
}
