/**
 * The repository a commit belongs to when the text says it is another one. Handoffs of a project that spans
 * several repositories cite the others' commits beside their own: `Mimik_Suite \`3953da1\` · mimik-contracts
 * \`9e2df2f\``, `EV-Accounts \`master\` @ \`307c6fd4\``, `Commit 93cbbc6b (migration, C:/EV-Accounts master)`.
 * Such a commit is not in this repository, and that is no problem of the handoff. (GitHub's `owner/repo@1a2b3c4`
 * needs nothing here: a SHA glued to `@` is never read as a commit.)
 *
 * A name right before a SHA is taken only when the document itself shows that name as a folder outside its own
 * (`C:/EV-Accounts/.planning/…`, `git -C /Users/me/work/mimik-contracts`, `../mimik-contracts/src`): then
 * "mimik-contracts `9e2df2f`" names a sibling repository, while "follow-up `abc1234`" or "HEAD `abc1234`" name
 * nothing. Whether a name is this repository's own (its folder, one of its branches or tags) is for the facts to
 * say (facts/elsewhere.ts): here the text only says which name it gives.
 */

/**
 * A name right before the SHA, maybe with a branch and `@` (`EV-Accounts \`master\` @ `), or `commit`, `pushed`,
 * `at` between: `mimik-contracts \`9e2df2f\``, `mimik-contracts commit \`4e8b91a\``, `mimik-contracts pushed (\`4bf80be\``.
 */
const NAME_BEFORE = /(?:^|[^\w./\\-])[`*]*([A-Za-z][\w.-]*[A-Za-z0-9])[`*]*:?\s+(?:[`*]*[\w./-]+[`*]*\s*@\s*|(?:commit|pushed|at)\s+)?[`*(]*$/;
/** A folder outside this one named in a parenthesis right after the SHA: `93cbbc6b (migration, C:/EV-Accounts master)`. */
const FOLDER_AFTER = /^[`*]*\s*\((?:[^()\n]{0,40}?[,;]\s*)?(?:in\s+)?[`"']?(?:[A-Za-z]:[\\/]|\.\.[\\/])([A-Za-z][\w.-]*[A-Za-z0-9])(?=[\\/\s`"'),;]|$)/;
/** A path leading out of the document's repository: a drive, the home folder, the parent folder, `/Users/…`, `/home/…`. */
const OUTSIDE_PATH = /(?:^|[\s`"'(=])((?:[A-Za-z]:[\\/]|~[\\/]|\.\.[\\/]|\/(?:Users|home)\/)[^\s`"'<>()[\]]{1,200})/g;
const FOLDER_NAME = /^[A-Za-z][\w.-]*[A-Za-z0-9]$/;
/** Segments of such paths that name no repository (the home-folder and workspace levels above them). */
const NOT_A_REPOSITORY = new Set(['users', 'home', 'documents', 'desktop', 'workspace', 'workspaces', 'code', 'projects', 'repos', 'src', 'dev', 'git', 'github', 'tmp', 'onedrive']);
/** How far before the SHA a name is looked for (a soft line break may stand between: `(EV-Accounts\n\`master\` @ …`). */
const REACH = 80;

/** Folder names the document shows outside its repository, lower-cased; computed once per document, when needed. */
export class OutsideFolders {
  private names: Set<string> | null = null;

  constructor(private readonly text: string) {}

  has(name: string): boolean {
    this.names ??= outsideFolders(this.text);
    return this.names.has(name.toLowerCase());
  }
}

function outsideFolders(text: string): Set<string> {
  const out = new Set<string>();
  let seen = 0;
  for (const m of text.matchAll(OUTSIDE_PATH)) {
    if (++seen > 1_000) break; // a bound: a document of paths gains nothing past this
    const segments = m[1]!.split(/[\\/]+/);
    // The last segment with an extension is a file, not a folder.
    if (/\.[A-Za-z0-9]{1,6}$/.test(segments[segments.length - 1] ?? '')) segments.pop();
    for (const s of segments) {
      if (FOLDER_NAME.test(s) && !NOT_A_REPOSITORY.has(s.toLowerCase())) out.add(s.toLowerCase());
    }
  }
  return out;
}

/**
 * The repository the text attributes the SHA at [start, end) to, as written, or null. `lineFloor`: where the
 * text before may start at most (the block's start): a name in another paragraph says nothing of this SHA.
 */
export function repositoryNamed(text: string, start: number, end: number, lineFloor: number, folders: OutsideFolders): string | null {
  // Only the reach is searched for a blank line: `text.lastIndexOf` would scan back to the last one of the document.
  let before = text.slice(Math.max(lineFloor, start - REACH), start);
  const blank = before.lastIndexOf('\n\n');
  if (blank >= 0) before = before.slice(blank + 2);
  const after = FOLDER_AFTER.exec(text.slice(end, end + 80));
  if (after) return after[1]!;
  const named = NAME_BEFORE.exec(before);
  return named && folders.has(named[1]!) ? named[1]! : null;
}
