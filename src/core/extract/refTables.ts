/**
 * Ref claims written as tables: Markdown tables with a Branch/Tag column and a SHA column, the same tables
 * in text renderings that lost their `|` (`Branch / Tag SHA Meaning` then `main ad1fd24 Unchanged`), and
 * front matter with `branch:` next to `git_commit:`.
 */
import type { Block } from '../parse/blocks';
import type { FoundRef } from './types';
import { plausibleSha, type HexToken } from './hex';
import { acceptableName, normaliseName, PUSH_FALSE, PUSH_TRUE, refKind } from './refPatterns';

const NAME_HEADER = /\b(?:branch|branches|tag|tags|ref|refs)\b/i;
const SHA_HEADER = /\b(?:sha|sha1|commit|hash|head|tip)\b/i;
const CELL_NAME = /^[\s*_]*(?:\x60(?<bt>[^\x60\n]+)\x60|(?<pl>[\p{L}\p{N}][\p{L}\p{N}_./+-]*))(?:[\s*_]*\((?<ann>[^)\n]{1,24})\))?/du;
const TEXT_ROW = /^[\s*\x60]*(?<name>[\p{L}\p{N}][\p{L}\p{N}_./+-]*)[*\x60]*(?:\s+\((?<ann>[^)\n]{1,24})\))?\s+[*\x60]*(?<sha>[0-9a-fA-F]{7,40})(?![\w])/du;

/** A table row of a table whose header has a Branch/Tag column and a SHA/Commit column. */
export function extractTableRowRefs(text: string, b: Block, tokens: readonly HexToken[], first: number, out: FoundRef[]): void {
  const header = b.header;
  const cells = b.cells;
  if (!header || !cells) return;
  const { nameCol, shaCol, tagOnly } = refColumns(header);
  if (nameCol < 0 || shaCol < 0 || nameCol >= cells.length || shaCol >= cells.length) return;
  const nameCell = cells[nameCol];
  const shaCell = cells[shaCol];
  const m = CELL_NAME.exec(text.slice(nameCell.start, nameCell.end));
  if (!m?.groups || !m.indices?.groups) return;
  const g = m.groups.bt !== undefined ? 'bt' : 'pl';
  const name = m.groups[g].trim();
  const idx = m.indices.groups[g];
  if (!acceptableName(name, false)) return;
  let sha: HexToken | undefined;
  for (let i = first; i < tokens.length && tokens[i].start < shaCell.end; i++) {
    if (tokens[i].start >= shaCell.start && plausibleSha(text, tokens[i].start, tokens[i].end, true)) { sha = tokens[i]; break; }
  }
  const n = normaliseName(name);
  const kind = tagOnly ? 'tag' : refKind(n, m.groups.ann);
  const start = nameCell.start + idx[0];
  const end = start + name.length;
  if (sha) out.push({ name: n, kind, claim: { sha: text.slice(sha.start, sha.end) }, start, end, sha: { start: sha.start, end: sha.end } });
  if (kind !== 'branch') return;
  // "pushed to origin" / "local-only" in another cell of the row
  for (let c = 0; c < cells.length; c++) {
    if (c === nameCol || c === shaCol) continue;
    const pushed = pushState(text.slice(cells[c].start, cells[c].end));
    if (pushed !== null) { out.push({ name: n, kind, claim: { pushed }, start, end }); break; }
  }
}

interface RefColumns {
  nameCol: number;
  shaCol: number;
  /** The name column holds tags only. */
  tagOnly: boolean;
}

/** Each table's columns, read once: the rows of a table share its header array. */
const columnsOf = new WeakMap<readonly string[], RefColumns>();

function refColumns(header: readonly string[]): RefColumns {
  let c = columnsOf.get(header);
  if (c) return c;
  const nameCol = header.findIndex((h) => NAME_HEADER.test(h));
  const shaCol = header.findIndex((h, i) => i !== nameCol && SHA_HEADER.test(h) && !NAME_HEADER.test(h));
  const tagOnly = nameCol >= 0 && /\btags?\b/i.test(header[nameCol]!) && !/\bbranch/i.test(header[nameCol]!);
  c = { nameCol, shaCol, tagOnly };
  columnsOf.set(header, c);
  return c;
}

/** A paragraph of a text rendering whose line `Branch / Tag SHA Meaning` is followed by `name sha …` rows. */
export function extractTextTableRefs(text: string, b: Block, tokens: readonly HexToken[], first: number, out: FoundRef[]): void {
  const firstHex = tokens[first].start;
  if (text.lastIndexOf('\n', firstHex) < b.contentStart) return; // the header must be a line before the first SHA
  let inTable = false;
  let pos = b.contentStart;
  while (pos < b.contentEnd) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0 || eol > b.contentEnd) eol = b.contentEnd;
    const line = text.slice(pos, eol);
    if (!inTable) {
      inTable = line.length < 100 && NAME_HEADER.test(line) && SHA_HEADER.test(line) && !/[0-9a-fA-F]{7}/.test(line);
    } else {
      const m = TEXT_ROW.exec(line);
      if (m?.groups && m.indices?.groups && plausibleSha(line, m.indices.groups.sha[0], m.indices.groups.sha[1]) && acceptableName(m.groups.name, false)) {
        const n = normaliseName(m.groups.name);
        const kind = refKind(n, m.groups.ann);
        const start = pos + m.indices.groups.name[0];
        const s = pos + m.indices.groups.sha[0];
        out.push({ name: n, kind, claim: { sha: m.groups.sha }, start, end: start + n.length, sha: { start: s, end: s + m.groups.sha.length } });
        const pushed = kind === 'branch' ? pushState(line.slice(m[0].length)) : null;
        if (pushed !== null) out.push({ name: n, kind, claim: { pushed }, start, end: start + n.length });
      } else if (line.trim() !== '') {
        inTable = false;
      }
    }
    pos = eol + 1;
  }
}

/** `branch: feat/x` with `git_commit: abc1234` in front matter: the branch is claimed at that commit. */
export function frontMatterRefs(text: string, b: Block, out: FoundRef[]): void {
  const content = text.slice(b.contentStart, Math.min(b.contentEnd, b.contentStart + 20000));
  const br = /^[ \t]*(?:git_)?branch[ \t]*:[ \t]*["']?(?<n>[A-Za-z0-9][\w./+-]*)["']?[ \t]*\r?$/dim.exec(content);
  const sh = /^[ \t]*(?:git_commit|git_sha|commit|sha|head)[ \t]*:[ \t]*["']?(?<s>[0-9a-fA-F]{7,40})["']?[ \t]*\r?$/dim.exec(content);
  if (!br?.groups || !sh?.groups || !br.indices?.groups || !sh.indices?.groups) return;
  const sIdx = sh.indices.groups.s;
  if (!plausibleSha(content, sIdx[0], sIdx[1]) || !acceptableName(br.groups.n, false)) return;
  const nIdx = br.indices.groups.n;
  const n = br.groups.n;
  out.push({
    name: n, kind: refKind(n, undefined), claim: { sha: sh.groups.s },
    start: b.contentStart + nIdx[0], end: b.contentStart + nIdx[1],
    sha: { start: b.contentStart + sIdx[0], end: b.contentStart + sIdx[1] },
  });
}

function pushState(s: string): boolean | null {
  PUSH_FALSE.lastIndex = 0;
  if (PUSH_FALSE.test(s)) return false;
  PUSH_TRUE.lastIndex = 0;
  return PUSH_TRUE.test(s) ? true : null;
}
