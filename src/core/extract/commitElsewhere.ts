/**
 * The repository a commit belongs to when the text says it is another one. Handoffs of a project that spans
 * several repositories cite the others' commits beside their own: `Mimik_Suite \`3953da1\` · mimik-contracts
 * \`9e2df2f\``, `EV-Accounts \`master\` @ \`307c6fd4\``, `Commit 93cbbc6b (migration, C:/EV-Accounts master)`.
 * Such a commit is not in this repository, and that is no problem of the handoff. (GitHub's `owner/repo@1a2b3c4`
 * needs nothing here: a SHA glued to `@` is never read as a commit.)
 *
 * A name right before a SHA is taken only when the document itself shows that name as another repository: a folder
 * outside its own (`C:/EV-Accounts/.planning/…`, `git -C /Users/me/work/mimik-contracts`, `../mimik-contracts/src`)
 * or a name it calls a sibling (`` `mimik-knowledge` (sibling pkg) ``, "sibling `mimik-contracts`", "mimik-contracts
 * is a sibling repo"). A hyphenated such name also goes by its last word, as handoffs shorten it ("contracts
 * `fd082c9`, knowledge `186cfc5`"). Then "mimik-contracts `9e2df2f`" names a sibling repository, while "follow-up
 * `abc1234`" or "HEAD `abc1234`" name nothing. Whether a name is this repository's own (its folder, one of its
 * branches or tags) is for the facts to say (facts/elsewhere.ts): here the text only says which name it gives.
 */

/**
 * A name right before the SHA, maybe with a branch and `@` (`EV-Accounts \`master\` @ `), a quoted branch
 * (`contracts \`main\` (`), a branch and a colon (`ShaderClaw3 master: \`b3286ff\``, a "latest commits" list of
 * each repository's tip), or a version and `commit`, `pushed`, `at` between: `mimik-contracts \`9e2df2f\``,
 * `mimik-contracts commit \`4e8b91a\``, `mimik-contracts **v0.2.0** pushed (\`551c519\``.
 */
const NAME_BEFORE = /(?:^|[^\w./\\-])[`*]*([A-Za-z][\w.-]*[A-Za-z0-9])[`*]*:?\s+(?:[`*]*[\w./-]+[`*]*\s*@\s*|`[\w./-]+`\s*|[`*]*[\w./-]+[`*]*:\s*|(?:[`*]*v?\d+(?:\.\d+)+[`*]*\s+)?(?:commit|pushed|at)\s+)?[`*(]*$/;
/** A folder outside this one named in a parenthesis right after the SHA: `93cbbc6b (migration, C:/EV-Accounts master)`. */
const FOLDER_AFTER = /^[`*]*\s*\((?:[^()\n]{0,40}?[,;]\s*)?(?:in\s+)?[`"']?(?:[A-Za-z]:[\\/]|\.\.[\\/])([A-Za-z][\w.-]*[A-Za-z0-9])(?=[\\/\s`"'),;]|$)/;
/** A path leading out of the document's repository: a drive, the home folder, the parent folder, `/Users/…`, `/home/…`. */
const OUTSIDE_PATH = /(?:^|[\s`"'(=])((?:[A-Za-z]:[\\/]|~[\\/]|\.\.[\\/]|\/(?:Users|home)\/)[^\s`"'<>()[\]]{1,200})/g;
const FOLDER_NAME = /^[A-Za-z][\w.-]*[A-Za-z0-9]$/;
/** Segments of such paths that name no repository (the home-folder and workspace levels above them). */
const NOT_A_REPOSITORY = new Set(['users', 'home', 'documents', 'desktop', 'workspace', 'workspaces', 'code', 'projects', 'repos', 'src', 'dev', 'git', 'github', 'tmp', 'onedrive']);
/** How far before the SHA a name is looked for (a soft line break may stand between: `(EV-Accounts\n\`master\` @ …`). */
const REACH = 80;

/**
 * A name the document calls a sibling repository: `` `mimik-knowledge` (sibling pkg) ``, "(`../x`, SEPARATE REPO)",
 * "sibling `mimik-contracts`", "SIBLING mimik-contracts@0.1.1", "mimik-contracts is a sibling repo". After "sibling"
 * a bare word counts only when it looks like a repository's name (`a-b`, `a_b`): "sibling handoffs" names none.
 * Read around each "sibling" / "separate" in a bounded window, so a megabyte without one costs one sweep.
 */
const SIBLING_WORD = /\b(?:sibling|separate)\b/gi;
const WINDOW = 120;
/** Before the word: `name (` with a few words between (`(sibling pkg)`, `(\`../x\`, SEPARATE REPO)`). */
const NAME_THEN_PAREN = /[\x60*]*([A-Za-z][\w.-]{0,80}[A-Za-z0-9])[\x60*]*\s*\((?:[^()\n]{0,20}?\s)?$/;
/** Before the word: `name is a `. */
const NAME_IS = /[\x60*]*([A-Za-z][\w.-]{0,80}[A-Za-z0-9])[\x60*]*\s+is\s+(?:a|the|our)\s+$/i;
/** From the word: `separate repo`, `sibling repo` — what makes the two forms above a repository. */
const SEPARATE_REPO = /^(?:sibling|separate\s+(?:repo|repository|package|pkg))\b/i;
const SIBLING_REPO = /^(?:sibling|separate)\s+(?:repo|repository|package|pkg)\b/i;
/** From the word: `sibling \`name\``, `sibling repo name-with-hyphen`. */
const SIBLING_THEN_NAME = /^sibling(?:\s+(?:repo(?:sitory)?|package|pkg))?\s+(?:[\x60*]+([A-Za-z][\w.-]{0,80}[A-Za-z0-9])|([A-Za-z][\w.]{0,80}[-_][\w.-]{0,80}[A-Za-z0-9]))/i;

/** The names the text calls sibling repositories, as written. */
function siblingNames(text: string): string[] {
  const out: string[] = [];
  let seen = 0;
  for (const m of text.matchAll(SIBLING_WORD)) {
    if (++seen > 1_000) break; // a bound: a document of siblings gains nothing past this
    const at = m.index!;
    const before = text.slice(Math.max(0, at - WINDOW), at);
    const after = text.slice(at, at + WINDOW);
    const named = (SEPARATE_REPO.test(after) ? NAME_THEN_PAREN.exec(before)?.[1] : undefined)
      ?? (SIBLING_REPO.test(after) ? NAME_IS.exec(before)?.[1] : undefined);
    if (named) out.push(named);
    const then = SIBLING_THEN_NAME.exec(after);
    if (then) out.push((then[1] ?? then[2])!);
  }
  return out;
}
/** Words that follow "sibling" without naming anything ("sibling repo", "sibling path-deps"). */
const NOT_A_NAME = new Set(['repo', 'repos', 'repository', 'repositories', 'package', 'packages', 'pkg', 'path-deps', 'folder', 'folders', 'checkout', 'checkouts', 'dir', 'directory', 'the', 'a', 'an', 'and', 'or']);
/** A hyphenated name's last word, as handoffs shorten it (`mimik-contracts` → `contracts`): a word, not a number. */
const LAST_WORD = /[-_]([A-Za-z]{4,})$/;

/**
 * The names the document gives other repositories (folders it shows outside its own, names it calls siblings, and
 * the last word of hyphenated ones), lower-cased; computed once per document, when needed.
 */
export class OtherRepositories {
  private names: Set<string> | null = null;

  constructor(private readonly text: string) {}

  has(name: string): boolean {
    this.names ??= otherRepositories(this.text);
    return this.names.has(name.toLowerCase());
  }
}

function otherRepositories(text: string): Set<string> {
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
  for (const written of siblingNames(text)) {
    const name = written.toLowerCase();
    if (!NOT_A_NAME.has(name) && !NOT_A_REPOSITORY.has(name)) out.add(name);
  }
  for (const name of [...out]) {
    const last = LAST_WORD.exec(name)?.[1];
    if (last && !NOT_A_REPOSITORY.has(last)) out.add(last);
  }
  return out;
}

/**
 * The repository the text attributes the SHA at [start, end) to, as written, or null. `lineFloor`: where the
 * text before may start at most (the block's start): a name in another paragraph says nothing of this SHA.
 */
export function repositoryNamed(text: string, start: number, end: number, lineFloor: number, others: OtherRepositories): string | null {
  // Only the reach is searched for a blank line: `text.lastIndexOf` would scan back to the last one of the document.
  let before = text.slice(Math.max(lineFloor, start - REACH), start);
  const blank = before.lastIndexOf('\n\n');
  if (blank >= 0) before = before.slice(blank + 2);
  const after = FOLDER_AFTER.exec(text.slice(end, end + 80));
  if (after) return after[1]!;
  const named = NAME_BEFORE.exec(before);
  return named && others.has(named[1]!) ? named[1]! : null;
}
