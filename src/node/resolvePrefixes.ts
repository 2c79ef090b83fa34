/**
 * Abbreviated SHAs to full object names through git, when the object store cannot be read directly
 * (objectStore.ts): one `git rev-parse --disambiguate=<p>...`, which lists every object whose name starts
 * with each prefix, of any type, without first trying the prefix as a ref name as `cat-file` and `log` do.
 * Only validated hex reaches the command line, and only as much as fits on one everywhere (Windows allows
 * 32,767 characters in all); past that the caller asks with the abbreviations as they are.
 */

/** Prefix → full names starting with it (sorted, no duplicates; empty when none). */
export type Candidates = Map<string, string[]>;

/** The longest `--disambiguate` list for one command line, leaving room for git's path and global options. */
export const MAX_DISAMBIGUATE_CHARS = 30_000;

export function disambiguateArgs(prefixes: readonly string[], maxChars = MAX_DISAMBIGUATE_CHARS): string[] | null {
  const args = prefixes.map((p) => `--disambiguate=${p}`);
  return args.reduce((n, a) => n + a.length + 1, 0) <= maxChars ? args : null;
}

/** `rev-parse --disambiguate` prints the names for all prefixes, one a line, not grouped by prefix. */
export function parseDisambiguate(stdout: string, prefixes: readonly string[]): Candidates {
  const found = new Map<string, Set<string>>(prefixes.map((p) => [p, new Set()]));
  const lengths = [...new Set(prefixes.map((p) => p.length))];
  for (const name of stdout.split('\n')) {
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(name)) continue;
    for (const n of lengths) found.get(name.slice(0, n))?.add(name);
  }
  return new Map([...found].map(([p, names]) => [p, [...names].sort()]));
}
