/**
 * Whether a path (a file, or a folder holding files) is in a commit's tree, answered from that tree's listing
 * (`ls-tree -r --name-only`, which the provider caches per commit) rather than by asking git `<commit>:<path>`
 * once per path: git answers a path that is not there slowly (it tries it as a ref name too, ~0.2 ms of system
 * calls each), and a run over a thousand handoffs asks about tens of thousands of such paths.
 */

/** `has(path)`: `path` names a file of the listing, or a folder one of its files is in. */
export function treePaths(listing: readonly string[]): { has(path: string): boolean } {
  const files = new Set(listing);
  // Sorted by UTF-16 code units, the order `<` compares in: every file under `dir/` follows `dir/` at once.
  let sorted: string[] | null = null;
  return {
    has(path) {
      const p = path.replace(/\/+$/, '');
      if (!p) return false;
      if (files.has(p)) return true;
      sorted ??= [...listing].sort();
      const prefix = `${p}/`;
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid]! < prefix) lo = mid + 1;
        else hi = mid;
      }
      return lo < sorted.length && sorted[lo]!.startsWith(prefix);
    },
  };
}
