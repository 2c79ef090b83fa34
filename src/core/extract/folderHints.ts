/**
 * The folder a document names for a bare file name (`config.py`), used to pick among several files of that name:
 * - in its clause: "in `api/app/`, `config.py` …", "`config.py` (under `gateway/app`)", "config.py in gateway/app/",
 *   "config.py and main.py in api/app/";
 * - a list whose parent item (or the line that introduces it, ending in `:`) names a folder: `- api/` then
 *   `  - config.py`, nested folders joining up (`api/` › `app/` › `config.py` → `api/app`);
 * - a tree diagram in a fenced block (`├──`, `└──`, `|--`, or plain indentation), the file's ancestors joined;
 * - a brace list earlier in the same section (`api/app/tabular/{executor,nodes,state}.py` names `state.py`'s folder).
 * Folders outside the workspace (absolute, `~/`, URLs) are no hint.
 */
import type { Block } from '../parse/blocks';
import type { Clause } from './fileClause';

/** A folder as written: path characters with a `/` in them (or ending in one). */
const DIR = String.raw`[\w.@+()[\]-]+(?:/[\w.@+()[\]-]+)*/?`;
/** `in api/app/`, `under \x60gateway/app\x60`, `inside the web/src folder`: the last one before the name wins. */
const DIR_BEFORE = new RegExp(String.raw`(?:^|[^\w])(?:in|under|inside|within|from|at)\s+(?:the\s+)?[\x60*"']*(${DIR})[\x60*"']*(?:\s+(?:folder|dir|directory|package|module))?`, 'gi');
/**
 * `config.py (under gateway/app)`, `config.py in \x60api/app/\x60`, and each name of a list placed together:
 * `config.py and main.py in api/app/`.
 */
const DIR_AFTER = new RegExp(
  String.raw`^[\x60*"']*(?:\s*(?:,|and|or|&)\s*[\x60*"']*[\w.+-]+\.[A-Za-z][\w]{0,9}[\x60*"']*){0,4}\s*\(?\s*(?:in|under|inside|within)\s+(?:the\s+)?[\x60*"']*(${DIR})`,
  'i',
);
/** A list item or lead line that is a folder: `api/`, `\x60api/app/\x60:`, `**web/src/**`. */
const FOLDER_ITEM = new RegExp(String.raw`^[\s\x60*_"']*(${DIR}/)[\x60*_"']*\s*:?\s*(?:[-–—(#].*)?$`);
/** A line that introduces a list by naming one folder: "Files in \x60api/app/\x60:". */
const LEAD_LINE = new RegExp(String.raw`(?:^|[^\w])(?:in|under|inside|within)\s+(?:the\s+)?[\x60*"']*(${DIR})[\x60*"']*(?:\s+(?:folder|dir|directory))?\s*\**:\**\s*$`, 'i');
/** `api/app/tabular/{executor,nodes,state}.py`: a folder and the files in it, written as a brace list. */
const BRACE_LIST = /([\w.@+-]+(?:\/[\w.@+()[\]-]+)*)\/\{([\w.+-]+(?:,[ ]?[\w.+-]+){1,30})\}(\.[A-Za-z][\w]{0,9})?/g;

/**
 * The drawing and indentation before a name on a tree line: blanks, `│`, `├──`, `└──`, `|--`, `` `-- ``, `+--`, a
 * lone `|`. A name's own leading `+` or `-` (`+page.svelte`) is not drawing: the ASCII forms need two dashes.
 */
const TREE_PREFIX = /^(?:\s|│|┃|[├└┣┗]─*|─|\|--+|\|(?=\s)|`--+|\+--+)*/;
/** A line drawn as a tree branch: the branch mark opens the line (after indentation and vertical bars). */
const TREE_MARK = /^[\s│┃|]*(?:[├└┣┗]|\|--|`--|\+--)/;
const MAX_TREE_LINES = 2000;
const MAX_TREE_DEPTH = 32;
const MAX_HINT = 300;
/** Names one section's brace lists may declare: a bound on the copies made per block. */
const MAX_BRACE_NAMES = 200;

/** A folder token worth a hint: relative, no URL, no file extension unless written with a trailing `/`. */
function folderOf(token: string): string | null {
  if (/^(?:\/|~|[A-Za-z]+:)/.test(token)) return null;
  token = token.replace(/[.)\]]+$/, ''); // the sentence's punctuation: `in web/src/.`
  const trailing = token.endsWith('/');
  const bare = token.replace(/^\.\//, '').replace(/\/+$/, '');
  if (bare === '' || bare === '.' || bare.startsWith('../')) return null;
  if (!trailing && !bare.includes('/')) return null;
  if (!trailing && /\.[A-Za-z][A-Za-z0-9]{0,9}$/.test(bare)) return null; // `app/x.py`: a file, not a folder
  return bare;
}

/** The folder the breadcrumb's own clause names for it. */
export function clauseFolder(text: string, clause: Clause, start: number, end: number): string | null {
  const after = DIR_AFTER.exec(text.slice(end, Math.min(clause.end, end + 160)));
  if (after) {
    const dir = folderOf(after[1]);
    if (dir) return dir;
  }
  const before = text.slice(Math.max(clause.start, start - 160), start);
  DIR_BEFORE.lastIndex = 0;
  let found: string | null = null;
  for (let m = DIR_BEFORE.exec(before); m; m = DIR_BEFORE.exec(before)) found = folderOf(m[1]) ?? found;
  return found;
}

/**
 * Folder hints of list items, computed once per document: for each list item, the folder path its ancestors
 * (parent items that are folders, or a lead line naming one) give it. Keyed by the item block.
 */
export function listFolders(text: string, blocks: readonly Block[]): Map<Block, string> {
  const out = new Map<Block, string>();
  const stack: Array<{ depth: number; folder: string | null }> = [];
  let lead: string | null = null;
  let prev: Block | undefined;
  for (const b of blocks) {
    if (b.kind !== 'listItem') {
      stack.length = 0;
      lead = null;
      if (b.kind === 'paragraph' || b.kind === 'heading') {
        const m = LEAD_LINE.exec(text.slice(Math.max(b.contentStart, b.contentEnd - 200), b.contentEnd));
        lead = m ? folderOf(m[1]) : null;
      }
      prev = b;
      continue;
    }
    if (prev?.kind === 'listItem' && prev.depth === 0 && b.depth === 0 && prev.list !== b.list) lead = null;
    while (stack.length > 0 && stack[stack.length - 1].depth >= b.depth) stack.pop();
    const parent = stack.length > 0 ? stack[stack.length - 1].folder : lead;
    if (parent) out.set(b, parent);
    const own = FOLDER_ITEM.exec(text.slice(b.contentStart, Math.min(b.contentEnd, b.contentStart + 200)));
    const ownFolder = own ? folderOf(own[1]) : null;
    const joined = ownFolder ? (parent ? `${parent}/${ownFolder}` : ownFolder) : parent;
    // a hint longer than any real folder is a hostile nesting: stop growing it (the cost would be quadratic)
    stack.push({ depth: b.depth, folder: joined !== null && joined.length <= MAX_HINT ? joined : parent });
    prev = b;
  }
  return out;
}

/**
 * For a fenced block drawn as a tree: the folder of each line's name (by offset of the line start), its ancestors
 * joined. Null when the block is no tree. A line's parent is the nearest line above it whose name starts further left.
 */
export function treeFolders(text: string, block: Block): Map<number, string> | null {
  const body = text.slice(block.contentStart, block.contentEnd);
  const lines = body.split('\n');
  if (lines.length > MAX_TREE_LINES) return null;
  const drawn = lines.some((l) => TREE_MARK.test(l));
  if (!drawn && !isIndentedTree(lines)) return null;
  const out = new Map<number, string>();
  const stack: Array<{ column: number; name: string }> = [];
  let at = block.contentStart;
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    const lineStart = at;
    at += raw.length + 1;
    const column = (TREE_PREFIX.exec(line)?.[0] ?? '').length;
    const name = /^[^\s#]+/.exec(line.slice(column))?.[0];
    if (!name) continue;
    while (stack.length > 0 && stack[stack.length - 1].column >= column) stack.pop();
    // deeper than any real tree: no hint, and no quadratic joining of ever longer ancestries
    if (stack.length > MAX_TREE_DEPTH) continue;
    const folder = stack.map((s) => s.name).filter((n) => n !== '.' && n !== '').join('/');
    if (folder !== '') out.set(lineStart, folder);
    stack.push({ column, name: name.replace(/^\.\//, '').replace(/\/+$/, '') });
  }
  return out;
}

/** A tree drawn with indentation alone: every line one name (a `#` comment may follow), some folders ending in `/`, and nesting. */
function isIndentedTree(lines: readonly string[]): boolean {
  let folders = 0;
  let indented = 0;
  let names = 0;
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') continue;
    if (!/^\s*[^\s#]+\s*(?:#.*)?$/.test(line)) return false;
    names++;
    if (/^\s*[^\s#]+\/\s*(?:#.*)?$/.test(line)) folders++;
    if (/^\s+\S/.test(line)) indented++;
  }
  return names >= 2 && folders >= 1 && indented >= 1;
}

/**
 * Brace lists by section: for each block, the file names a brace list written earlier in its section (the heading
 * included) places in a folder. A heading starts a new section. Computed once per document.
 */
export function braceFolders(text: string, blocks: readonly Block[]): Map<Block, Map<string, string>> {
  const out = new Map<Block, Map<string, string>>();
  let section = new Map<string, string>();
  for (const b of blocks) {
    if (b.kind === 'heading') section = new Map();
    if (section.size > 0) out.set(b, section);
    if (b.kind === 'code' || b.contentEnd - b.contentStart > 20_000) continue;
    const content = text.slice(b.contentStart, b.contentEnd);
    if (!content.includes('/{')) continue;
    // names declared here apply to the blocks after this one (and to this one only when it is the heading)
    const next = b.kind === 'heading' ? section : new Map(section);
    BRACE_LIST.lastIndex = 0;
    for (let m = BRACE_LIST.exec(content); m; m = BRACE_LIST.exec(content)) {
      const dir = folderOf(`${m[1]}/`);
      if (!dir) continue;
      for (const item of m[2].split(',')) if (next.size < MAX_BRACE_NAMES) next.set(`${item.trim()}${m[3] ?? ''}`, dir);
    }
    if (next !== section) section = next;
    if (next.size > 0 && b.kind === 'heading') out.set(b, next);
  }
  return out;
}
