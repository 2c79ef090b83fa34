/**
 * Text patterns for ref claims, each anchored on a hex token (or a push phrase) so that only text next to a
 * SHA is ever examined. Kept apart from `refs.ts`, which walks the blocks and decides what each match means.
 */
import type { RefKind } from '../model';

/** Characters of a ref name: `kk/main/Frontend_Design`, `m3-a6-easy-playbook-wizard`, `v0.2.0`, `phase-3.5`. */
const NAME = String.raw`[\p{L}\p{N}][\p{L}\p{N}_./+-]*`;
const KNOWN = String.raw`(?:origin|upstream)/[\w./+-]*\w|main|master|develop|development|trunk`;
/** Words and signs between a name and the SHA it is claimed at: `is at`, `=`, `at HEAD`, `branch: unchanged at`. */
const CONNECTOR = String.raw`(?:\s*(?:(?:branch|is|was|remains|stays|still|now|currently|unchanged|points|pointing|sits|at|HEAD|tip)\b|@|=|->|→|:|\*+))`;

/**
 * The text before a SHA ends with a ref name and connectors: `` `origin/main` = ` ``, `main is at `,
 * `**Branch:** `x` at HEAD `` ` ``, `off `main` ` ``, `The m3-a6-x branch is at `.
 * Matched against a short window ending right before the SHA.
 */
export const NAME_BEFORE_SHA = new RegExp(
  String.raw`(?:^|[^\p{L}\p{N}_/.-])(?:\x60(?<bn>${NAME})\x60|(?<kn>${KNOWN})|(?<wn>${NAME}[\p{L}\p{N}_])(?=\s+branch\b))` +
    String.raw`\**(?:\s*\((?<ann>open|tag|local|remote|current|default)\))?(?<conn>${CONNECTOR}*)\s*[\x60*]*$`,
  'diu',
);

/**
 * What the window before a SHA must hold for `NAME_BEFORE_SHA` to match: two backticks (a backticked name), or a
 * known name or `branch` (with the pattern's flags, so the same case folds). The cheap scan spares the
 * anchored-at-the-end pattern, which V8 tries at every position of the window, on the SHAs of a pasted list —
 * `` commit `abc1234` `` has one backtick before its SHA, and no name.
 */
export const MAY_NAME_BEFORE_SHA = {
  test(window: string): boolean {
    const tick = window.indexOf('`');
    return (tick >= 0 && window.includes('`', tick + 1)) || NAMED_WORD.test(window);
  },
};
const NAMED_WORD = /origin|upstream|main|master|develop|trunk|branch/iu;

/** `Local tip is `, `HEAD at `, `Remote (origin) is at `, `origin is at `: a SHA claimed for the branch in context. */
export const ROLE_BEFORE_SHA = new RegExp(
  String.raw`(?:^|[^\w/-])(?<role>(?:local\s+)?(?:tip|HEAD)|remote(?:\s*\((?<r>[\w.-]+)\))?|(?<r2>origin|upstream))` +
    String.raw`(?:\s+at\s+time\s+of\s+writing)?(?:\s*(?:(?:is|was|now|still|currently|at)\b|=|:|\*+))*\s*[\x60*]*$`,
  'di',
);

/** Words one of which the window must hold for `ROLE_BEFORE_SHA` to match, with its flags (as MAY_NAME_BEFORE_SHA). */
export const MAY_ROLE_BEFORE_SHA = /tip|head|remote|origin|upstream/i;

/** `Branch at `caff322` on `kk/main/Frontend_Design``: the SHA comes first. Matched from right after the SHA. */
export const NAME_AFTER_SHA = new RegExp(String.raw`^[\x60*]*\s+on\s+(?:branch\s+)?[*]*\x60(?<bn>${NAME})\x60`, 'diu');
/** What must precede the SHA for `NAME_AFTER_SHA` to be a tip claim rather than "committed at X on Y". */
export const TIP_BEFORE = /(?:^|\W)(?:branch|HEAD|tip)\s+(?:is\s+)?at\s+[`*]*$/i;

/** `**Branch:** `feat/x``, `Branch: feat/x`, `on branch `x``: names the branch the rest of the block speaks of. */
export const BRANCH_LABEL = new RegExp(
  String.raw`\b(?:current\s+|active\s+|working\s+|feature\s+)?branch(?:\s+name)?\**\s*(?::\**\s*)?[*]*(?:\x60(?<bn>${NAME})\x60|(?<=:\**\s*)(?<pn>${NAME}))`,
  'dgiu',
);

/** The word `BRANCH_LABEL` cannot match without, with its flags: most blocks name no branch. */
export const MAY_BRANCH_LABEL = /branch/iu;

/** Phrases stating that commits are not on the remote, or that they are. */
export const PUSH_FALSE = /\b(?:not\s+(?:yet\s+)?pushed|unpushed|local[- ]only|push\s+needed|needs?\s+(?:a\s+)?push(?:ing)?\b|not\s+on\s+(?:origin|the\s+remote))/gi;
export const PUSH_TRUE = /(?<!\b(?:not|be|been|is|if|until|when|once|before|after|never|get|gets|got|to)\s+)\bpushed\b(?!\s*\?)|\ball\s+changes\s+pushed\b/gi;
/** Cheap test that a block may state a push state at all. */
export const PUSH_HINT = /push|local[- ]only/i;

/** Words that name a role, not a branch, when written in front of "branch". */
const NOT_A_NAME = /^(?:the|this|that|a|an|feature|current|local|remote|new|old|working|release|same|other|my|our|your|its|each|every|default|base|head|target|source|topic)$/i;
/** A file name (`x.py`, `HANDOFF.md`), not a ref. */
const FILE_LIKE = /\.[A-Za-z][A-Za-z0-9]{1,4}$/;
const VERSION = /^v?\d+(?:\.\d+)+(?:[-+][\w.]+)?$/;

/** Whether `name` can be a ref name; `bare` names (not backticked) need a shape that reads as a branch. */
export function acceptableName(name: string, bare: boolean): boolean {
  if (name.length < 2 || name.length > 200) return false;
  if (FILE_LIKE.test(name) && !VERSION.test(name)) return false;
  if (/^[0-9a-fA-F]{7,}$/.test(name)) return false; // a SHA, not a name
  if (/^\d+$/.test(name)) return false; // a number (`150000` → `1000000`, a default raised), not a branch
  if (name.includes('//') || name.endsWith('/') || name.endsWith('.')) return false;
  if (NOT_A_NAME.test(name)) return false;
  if (bare && !/[-/_\d.]/.test(name) && !/^(?:main|master|develop|development|trunk|HEAD)$/i.test(name)) return false;
  return true;
}

export function refKind(name: string, annotation: string | undefined): RefKind {
  if (annotation && /tag/i.test(annotation)) return 'tag';
  if (/^(?:origin|upstream|remotes\/\w+)\//.test(name)) return 'remote';
  if (VERSION.test(name)) return 'tag';
  return 'branch';
}

/** `Main` in "Main branch:" names `main`; other names keep their case. */
export function normaliseName(name: string): string {
  return /^(?:main|master|develop|development|trunk)$/i.test(name) ? name.toLowerCase() : /^head$/i.test(name) ? 'HEAD' : name;
}
