/**
 * Pure helpers for where a breadcrumb leads: the selection it opens with, the URI fragment that carries that
 * selection, the language of the target file, and the excerpt a hover shows. No `vscode` import.
 */
import type { FileBreadcrumb } from '../../core/model';

/** 0-based, end exclusive, like vscode.Range. */
export interface LineSelection {
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

/**
 * What a breadcrumb selects: `file.ts:113` puts the cursor at the start of line 113 (or at its column);
 * `file.ts:49-51` selects lines 49 to 51 whole (to the start of line 52, as a full-line selection in the editor
 * looks). Null when the breadcrumb names no line (bare file or symbol).
 */
export function selectionOf(crumb: FileBreadcrumb): LineSelection | null {
  if (crumb.line === null || crumb.line < 1) return null;
  const start = crumb.line - 1;
  if (crumb.endLine !== null && crumb.endLine > crumb.line) {
    return { startLine: start, startCharacter: 0, endLine: crumb.endLine, endCharacter: 0 };
  }
  const character = crumb.column !== null && crumb.column > 0 ? crumb.column - 1 : 0;
  return { startLine: start, startCharacter: character, endLine: start, endCharacter: character };
}

/**
 * The URI fragment the workbench's opener turns into that selection. The opener (`extractSelection` in
 * vs/platform/opener) reads `L<line>[,<col>][-L<line>[,<col>]]`, 1-based, the same `#L10,5` form VS Code's
 * Markdown extension writes; a single line gets no end so the editor shows a cursor, not a selection.
 */
export function lineFragment(crumb: FileBreadcrumb): string {
  const sel = selectionOf(crumb);
  if (!sel) return '';
  const start = `L${sel.startLine + 1},${sel.startCharacter + 1}`;
  if (sel.endLine === sel.startLine && sel.endCharacter === sel.startCharacter) {
    return sel.startCharacter === 0 ? `L${sel.startLine + 1}` : start;
  }
  return `${start}-L${sel.endLine + 1},${sel.endCharacter + 1}`;
}

/** Inverse of lineFragment, as the opener reads it (for tests and for the open command). */
export function parseLineFragment(fragment: string): LineSelection | null {
  const m = /^L?(\d+)(?:,(\d+))?(?:-L?(\d+)(?:,(\d+))?)?$/.exec(fragment);
  if (!m) return null;
  const startLine = Number(m[1]) - 1;
  const startCharacter = m[2] ? Number(m[2]) - 1 : 0;
  if (!m[3]) return { startLine, startCharacter, endLine: startLine, endCharacter: startCharacter };
  return { startLine, startCharacter, endLine: Number(m[3]) - 1, endCharacter: m[4] ? Number(m[4]) - 1 : 0 };
}

/** Language ids of VS Code's built-in grammars, by extension, for fencing hover excerpts. */
const LANGUAGES: Readonly<Record<string, string>> = {
  ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'typescriptreact',
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascriptreact',
  py: 'python', pyi: 'python', rb: 'ruby', go: 'go', rs: 'rust', java: 'java', kt: 'kotlin', kts: 'kotlin',
  scala: 'scala', swift: 'swift', c: 'c', h: 'c', cc: 'cpp', cpp: 'cpp', cxx: 'cpp', hpp: 'cpp', hh: 'cpp',
  cs: 'csharp', fs: 'fsharp', php: 'php', pl: 'perl', lua: 'lua', r: 'r', dart: 'dart', m: 'objective-c',
  sh: 'shellscript', bash: 'shellscript', zsh: 'shellscript', ps1: 'powershell', bat: 'bat', cmd: 'bat',
  json: 'json', jsonc: 'jsonc', yaml: 'yaml', yml: 'yaml', toml: 'toml', ini: 'ini', cfg: 'ini', xml: 'xml',
  html: 'html', htm: 'html', css: 'css', scss: 'scss', less: 'less', vue: 'vue', svelte: 'svelte',
  md: 'markdown', markdown: 'markdown', sql: 'sql', graphql: 'graphql', proto: 'proto', tf: 'terraform',
  dockerfile: 'dockerfile', makefile: 'makefile', mk: 'makefile', ex: 'elixir', exs: 'elixir', erl: 'erlang',
  hs: 'haskell', clj: 'clojure', jl: 'julia', zig: 'zig', nim: 'nim', diff: 'diff', patch: 'diff',
};

export function languageIdFor(path: string): string {
  const name = path.split(/[\\/]/).pop()!.toLowerCase();
  if (name === 'dockerfile' || name.startsWith('dockerfile.')) return 'dockerfile';
  if (name === 'makefile' || name === 'gnumakefile') return 'makefile';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? (LANGUAGES[name.slice(dot + 1)] ?? '') : '';
}

export interface Excerpt {
  /** 1-based number of the first line shown. */
  firstLine: number;
  lines: string[];
  /** True when the breadcrumb's line lies beyond the end of the file. */
  outOfRange: boolean;
  totalLines: number;
}

/**
 * The lines a breadcrumb hover shows: its range (at most `max` lines), or `context` lines either side of a
 * single line; the top of the file when it names no line.
 */
export function excerptOf(text: string, crumb: FileBreadcrumb, context = 2, max = 12): Excerpt {
  const all = text.replace(/\r\n?/g, '\n').split('\n');
  if (all.length > 1 && all[all.length - 1] === '') all.pop();
  const sel = selectionOf(crumb);
  if (!sel) return { firstLine: 1, lines: all.slice(0, max), outOfRange: false, totalLines: all.length };
  if (sel.startLine >= all.length) return { firstLine: all.length + 1, lines: [], outOfRange: true, totalLines: all.length };
  let from: number;
  let to: number; // exclusive
  if (sel.endLine > sel.startLine) {
    from = sel.startLine;
    to = Math.min(sel.endLine, sel.startLine + max, all.length);
  } else {
    from = Math.max(0, sel.startLine - context);
    to = Math.min(all.length, sel.startLine + context + 1);
  }
  return { firstLine: from + 1, lines: all.slice(from, to), outOfRange: false, totalLines: all.length };
}

/** A Markdown code fence around `code` that no backtick run inside it can close early. */
export function fence(code: string, languageId: string): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${languageId}\n${code}\n${ticks}`;
}

/**
 * Query of a `handoff-commit:` URI: which handoff's repository, which SHA, and — for one file as that commit has
 * it (the old side of a "Changed since" diff) — its repository-relative path.
 */
export interface CommitRef {
  handoff: string;
  sha: string;
  path?: string;
}

export function encodeCommitQuery(ref: CommitRef): string {
  return new URLSearchParams({ handoff: ref.handoff, sha: ref.sha, ...(ref.path ? { path: ref.path } : {}) }).toString();
}

export function decodeCommitQuery(query: string): CommitRef | null {
  const params = new URLSearchParams(query);
  const handoff = params.get('handoff');
  const sha = params.get('sha');
  const path = params.get('path');
  if (!handoff || !sha || !/^[0-9a-f]{4,64}$/i.test(sha)) return null;
  return path ? { handoff, sha, path } : { handoff, sha };
}
