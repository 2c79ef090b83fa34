/**
 * Ref claims: branch and tag names with the SHA or push state the document claims for them. Precision over
 * recall: the stale-ref rule reports every claim that is no longer true, so only text that clearly states a
 * position (a Branch/SHA table, `main is at X`, `Local tip is X`, "local-only") becomes a claim; a name that
 * is merely mentioned (PR base, "merge to main") does not.
 *
 * Every SHA-claim pattern is anchored on a hex token, and push phrases are looked for only in blocks that
 * contain the word, so the cost is proportional to the SHAs in the document, not its length.
 */
import type { Block, ParsedText } from '../parse/blocks';
import type { ExtractContext, Extractor, FoundRef, Located } from './types';
import { firstTokenAt, lineStartAt, plausibleSha, scanHexTokens, type HexToken } from './hex';
import {
  acceptableName, BRANCH_LABEL, MAY_BRANCH_LABEL, MAY_NAME_BEFORE_SHA, MAY_ROLE_BEFORE_SHA, NAME_AFTER_SHA, NAME_BEFORE_SHA, normaliseName,
  PUSH_FALSE, PUSH_HINT, PUSH_TRUE, refKind, ROLE_BEFORE_SHA, TIP_BEFORE,
} from './refPatterns';
import { extractTableRowRefs, extractTextTableRefs, frontMatterRefs } from './refTables';
import { decorationRefs } from './refLog';
import { withAsciiPunctuation } from './asciiPunctuation';

/** How far back from a SHA a name and its connectors may start. */
const WINDOW = 120;

const memo = new WeakMap<ParsedText, FoundRef[]>();

export const extractRefs: Extractor<FoundRef> = (parsed: ParsedText, _context?: ExtractContext) => {
  // a copy: callers sort and map what they get, and the memo serves the commit extractor too
  return refsWithTokens(parsed, null).slice();
};

/** The refs of `parsed`, computed once per parsed text; the commit extractor passes the hex tokens it scanned. */
export function refsWithTokens(original: ParsedText, tokens: readonly HexToken[] | null): readonly FoundRef[] {
  // `HEAD：5a4b3c2` claims like `HEAD: 5a4b3c2`: patterns read the text with ASCII punctuation (offsets unchanged)
  const parsed = withAsciiPunctuation(original);
  const hit = memo.get(parsed);
  if (hit) return hit;
  let refs: FoundRef[];
  try {
    refs = findRefs(parsed, tokens ?? scanHexTokens(parsed.text));
  } catch {
    refs = []; // never throw on any input; a pattern bug must not take the whole analysis down
  }
  memo.set(parsed, refs);
  return refs;
}

function findRefs(parsed: ParsedText, tokens: readonly HexToken[]): FoundRef[] {
  const { text } = parsed;
  const out: FoundRef[] = [];
  const seen = new Set<string>();
  for (const b of parsed.blocks) {
    if (b.kind === 'frontMatter') { frontMatterRefs(text, b, out); continue; }
    if (b.kind === 'html') continue; // comments claim nothing
    if (b.kind === 'tableRow' && b.isHeaderRow) continue;
    const first = firstTokenAt(tokens, b.contentStart);
    const hasSha = first < tokens.length && tokens[first].start < b.contentEnd;
    // only blocks with a SHA, or that talk about pushing, can hold a claim
    if (!hasSha && !PUSH_HINT.test(text.slice(b.contentStart, Math.min(b.contentEnd, b.contentStart + 4000)))) continue;
    const found: FoundRef[] = [];
    if (b.kind === 'code') {
      // commands claim nothing, but pasted `git log --decorate` lines do
      if (hasSha) codeLogRefs(text, parsed.lineStarts, b, tokens, first, found);
      for (const r of found) addRef(r);
      continue;
    }
    if (b.kind === 'tableRow') extractTableRowRefs(text, b, tokens, first, found);
    else if (b.kind === 'paragraph' && hasSha) extractTextTableRefs(text, b, tokens, first, found);
    const label = branchLabel(text, b);
    if (hasSha) proseShaClaims(text, parsed.lineStarts, b, tokens, first, label, found);
    pushClaims(text, parsed.lineStarts, b, label, found);
    for (const r of found) addRef(r);
  }
  return out;

  function addRef(r: FoundRef): void {
    const key = refKey(r);
    if (!seen.has(key)) { seen.add(key); out.push(r); }
  }
}

/** `* af65598 (HEAD -> main, origin/main) msg` lines of a code block. */
function codeLogRefs(text: string, lineStarts: readonly number[], b: Block, tokens: readonly HexToken[], first: number, out: FoundRef[]): void {
  for (let i = first; i < tokens.length && tokens[i].start < b.contentEnd; i++) {
    const t = tokens[i];
    const ls = lineStartAt(lineStarts, t.start);
    if (t.start - ls <= 24 && /^[\s*|\\/]*(?:commit\s+)?$/.test(text.slice(ls, t.start))) decorationRefs(text, t, b.contentEnd, out);
  }
}

/** One claim per name occurrence: the same statement found twice (two push phrases) is one ref. */
function refKey(r: FoundRef): string {
  return `${r.start}\u0000${r.name}\u0000${'sha' in r.claim ? r.claim.sha : r.claim.pushed}`;
}

interface Name extends Located {
  name: string;
}

/** The first `Branch: x` label of the block: the branch its tip/remote/push statements are about. */
function branchLabel(text: string, b: Block): Name | null {
  const content = text.slice(b.contentStart, Math.min(b.contentEnd, b.contentStart + 4000));
  if (!MAY_BRANCH_LABEL.test(content)) return null;
  BRANCH_LABEL.lastIndex = 0;
  for (let m = BRANCH_LABEL.exec(content); m; m = BRANCH_LABEL.exec(content)) {
    const g = m.groups?.bn !== undefined ? 'bn' : 'pn';
    const name = m.groups?.[g];
    const idx = m.indices?.groups?.[g];
    if (name === undefined || !idx || !acceptableName(name, g === 'pn')) continue;
    return { name, start: b.contentStart + idx[0], end: b.contentStart + idx[1] };
  }
  return null;
}

/** Claims written next to a SHA in prose, list items, headings and table cells. */
function proseShaClaims(
  text: string, lineStarts: readonly number[], b: Block, tokens: readonly HexToken[], first: number, label: Name | null, out: FoundRef[],
): void {
  const claimedShas = new Set<number>();
  for (const r of out) if (r.sha) claimedShas.add(r.sha.start);
  // What the text before a SHA is tested for, tested once of the whole block: a window lies within it, so a block
  // without a name, a tip word or a role word has none before any of its SHAs (a paragraph of SHAs is not read
  // 120 characters back three times per SHA).
  const content = text.slice(b.contentStart, b.contentEnd);
  const mayName = MAY_NAME_BEFORE_SHA.test(content);
  const mayTip = TIP_WORD.test(content);
  const mayRole = MAY_ROLE_BEFORE_SHA.test(content);
  for (let i = first; i < tokens.length && tokens[i].start < b.contentEnd; i++) {
    const t = tokens[i];
    if (!plausibleSha(text, t.start, t.end, true) || claimedShas.has(t.start)) continue;
    if (AT_LEAST_AFTER.test(text.slice(t.end, Math.min(b.contentEnd, t.end + 24)))) continue; // a minimum, not a position
    const before = out.length;
    decorationRefs(text, t, b.contentEnd, out);
    if (out.length > before || !(mayName || mayTip || mayRole)) continue;
    const from = Math.max(b.contentStart, lineStartAt(lineStarts, t.start), t.start - WINDOW);
    const textBefore = text.slice(from, t.start);
    const sha: Located = { start: t.start, end: t.end };
    const m = mayName && MAY_NAME_BEFORE_SHA.test(textBefore) ? NAME_BEFORE_SHA.exec(textBefore) : null;
    if (m?.groups && m.indices?.groups) {
      const g = m.groups.bn !== undefined ? 'bn' : m.groups.kn !== undefined ? 'kn' : 'wn';
      const name = m.groups[g];
      const idx = m.indices.groups[g];
      const conn = (m.groups.conn ?? '').replace(/[\s*]/g, '');
      // a bare `main abc1234` says nothing; a backticked name right before a backticked SHA (`off `main` `x``) does
      const connected = conn.length > 0 || (g === 'bn' && text[t.start - 1] === '`');
      if (name && idx && connected && acceptableName(name, g !== 'bn')) {
        const n = normaliseName(name);
        out.push({ name: n, kind: refKind(n, m.groups.ann), claim: { sha: text.slice(t.start, t.end) }, start: from + idx[0], end: from + idx[1], sha });
        continue;
      }
    }
    // "committed at X on `y`" is no claim: only after `branch is at`, `HEAD at`, `tip at` is the name read.
    const after = mayTip && TIP_BEFORE.test(textBefore) ? NAME_AFTER_SHA.exec(text.slice(t.end, Math.min(b.contentEnd, t.end + WINDOW))) : null;
    if (after?.groups?.bn && after.indices?.groups?.bn && acceptableName(after.groups.bn, false)) {
      const idx = after.indices.groups.bn;
      const n = normaliseName(after.groups.bn);
      out.push({ name: n, kind: refKind(n, undefined), claim: { sha: text.slice(t.start, t.end) }, start: t.end + idx[0], end: t.end + idx[1], sha });
      continue;
    }
    const r = mayRole && MAY_ROLE_BEFORE_SHA.test(textBefore) ? ROLE_BEFORE_SHA.exec(textBefore) : null;
    if (!r?.groups || !r.indices?.groups) continue;
    const role = r.groups.role.toLowerCase();
    const remote = r.groups.r ?? r.groups.r2;
    const claim = { sha: text.slice(t.start, t.end) };
    if (role.startsWith('remote') || remote) {
      if (!label || label.start > t.start) continue; // "remote is at X" needs the branch it is about
      const name = `${remote ?? 'origin'}/${label.name}`;
      out.push({ name, kind: 'remote', claim, start: label.start, end: label.end, sha });
    } else if (label && label.start < t.start) {
      out.push({ name: label.name, kind: refKind(label.name, undefined), claim, start: label.start, end: label.end, sha });
    } else if (/head/.test(role) && !/^local/.test(role)) {
      // "HEAD at X" with no branch named: HEAD itself is claimed
      const idx = r.indices.groups.role;
      const s = from + idx[0] + r.groups.role.search(/head/i);
      out.push({ name: 'HEAD', kind: 'branch', claim, start: s, end: s + 4, sha });
    }
  }
}

/** "not pushed", "local-only", "pushed to origin": tied to the nearest branch named before it on its line, or the label. */
function pushClaims(text: string, lineStarts: readonly number[], b: Block, label: Name | null, out: FoundRef[]): void {
  const end = Math.min(b.contentEnd, b.contentStart + 4000);
  const content = text.slice(b.contentStart, end);
  if (!PUSH_HINT.test(content)) return;
  const names: Name[] = out.filter((r) => r.kind === 'branch' && r.name !== 'HEAD').sort((x, y) => x.start - y.start);
  const keys = new Set(out.map(refKey));
  for (const [re, pushed] of [[PUSH_FALSE, false], [PUSH_TRUE, true]] as const) {
    re.lastIndex = 0;
    let k = -1; // the last name before the phrase: phrases come in order, so this pointer only moves forward
    for (let m = re.exec(content); m; m = re.exec(content)) {
      const at = b.contentStart + m.index;
      if (pushed && PUSH_FALSE_AROUND.test(content.slice(Math.max(0, m.index - 12), m.index + m[0].length + 8))) continue;
      while (k + 1 < names.length && names[k + 1].start < at) k++;
      const ls = lineStartAt(lineStarts, at);
      // The branch the phrase speaks of is named in its own sentence ("… from `main@fba2052e`. … the backend was
      // committed-but-unpushed" says nothing of main).
      let owner: Name | null = k >= 0 && names[k].start >= ls && !SENTENCE_END.test(text.slice(names[k].end, at)) ? names[k] : null;
      if (!owner && label && label.start < at) owner = label;
      if (!owner) continue;
      const ref: FoundRef = { name: owner.name, kind: refKind(owner.name, undefined), claim: { pushed }, start: owner.start, end: owner.end };
      const key = refKey(ref);
      if (!keys.has(key)) { keys.add(key); out.push(ref); }
    }
  }
}

/** Every match of TIP_BEFORE holds one of these words. */
const TIP_WORD = /branch|head|tip/i;

/** "HEAD is `x` or later": a lower bound, which no later state contradicts. */
const AT_LEAST_AFTER = /^[\x60*]*\s*(?:\(\s*)?or\s+(?:later|newer|above|after|descendant)/i;

/** A sentence ends between a name and a phrase: `.`, `!` or `?` (closed by a quote, bracket or markup), then a new one. */
const SENTENCE_END = /[.!?]["'’”)\]*_\x60]*\s+[("'“*_\x60]*[A-Z]/;

/** `unpushed` and `not pushed` contain `pushed`: the negative reading wins. */
const PUSH_FALSE_AROUND = /un\s*pushed|not\s+(?:yet\s+)?pushed/i;

