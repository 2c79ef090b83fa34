/**
 * Suppression comments, in the words markdownlint users already know (its "inline configuration"):
 *
 *   <!-- handoff-lint-disable-next-line missing-file -->   the next line, for the rules named (all when none)
 *   <!-- handoff-lint-disable-line unknown-commit -->       the comment's own line
 *   <!-- handoff-lint-disable stale-ref unpushed-commit --> from this line on, until
 *   <!-- handoff-lint-enable stale-ref -->                  (no rule: every rule) turns them back on
 *   <!-- handoff-lint-disable-file --> / -enable-file       the whole document, wherever the comment stands
 *   <!-- handoff-lint-capture --> / -restore                save the current state / go back to it
 *
 * As in markdownlint, the state after a line's comments holds for that whole line, rule names are separated by
 * spaces (commas are accepted too) and compared without case. Only real HTML comments count: one in a code block,
 * a code span or front matter is text, not a directive. Pure: parsed text in, a query out; never throws.
 */
import { RULE_CODES, type Diagnostic, type RuleCode } from './model';
import type { ParsedText } from './parse/blocks';
import { lineOf } from './parse/lines';

export type DirectiveAction =
  | 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file' | 'enable-file' | 'capture' | 'restore';

export interface Directive {
  action: DirectiveAction;
  /** The rules named; null when none is (every rule). */
  rules: RuleCode[] | null;
  /** 0-based lines of the comment's `<!--` and of its `-->`. */
  line: number;
  endLine: number;
}

export interface Suppressions {
  directives: readonly Directive[];
  /** Whether a diagnostic of rule `code` starting on 0-based `line` is suppressed. */
  isSuppressed(code: RuleCode, line: number): boolean;
  /** One line per directive that names a rule handoff-lint does not have, or past the cap. */
  problems: string[];
}

/** A document with more directives than this is not a document anyone wrote by hand: the rest are ignored. */
export const MAX_DIRECTIVES = 1000;

const DIRECTIVE = /<!--\s*handoff-lint-(disable-next-line|disable-line|disable-file|enable-file|disable|enable|capture|restore)(?=\s|-->)([\s\S]*?)-->/gi;

/** The directives in the document's HTML comments, in document order. */
export function readDirectives(parsed: ParsedText, problems: string[] = []): Directive[] {
  const out: Directive[] = [];
  // Most handoffs have no directive at all: one search of the text, and no walk of the blocks.
  if (!parsed.text.includes('handoff-lint-')) return out;
  const scan = (start: number, end: number) => {
    const slice = parsed.text.slice(start, end);
    if (!slice.includes('handoff-lint-')) return;
    DIRECTIVE.lastIndex = 0;
    for (let m = DIRECTIVE.exec(slice); m; m = DIRECTIVE.exec(slice)) {
      const line = lineOf(parsed.lineStarts, start + m.index);
      if (out.length >= MAX_DIRECTIVES) {
        problems.push(`more than ${MAX_DIRECTIVES} handoff-lint comments: the ones from line ${line + 1} on are ignored`);
        return;
      }
      const action = m[1].toLowerCase() as DirectiveAction;
      const names = m[2].split(/[\s,]+/).filter((n) => n.length > 0);
      const rules: RuleCode[] = [];
      for (const name of names) {
        const code = RULE_CODES.find((c) => c === name.toLowerCase());
        if (code) rules.push(code);
        else problems.push(`line ${line + 1}: handoff-lint-${action} names no rule "${name.slice(0, 60)}" (rules: ${RULE_CODES.join(', ')})`);
      }
      // A comment naming only unknown rules suppresses nothing (rather than everything).
      if (names.length > 0 && rules.length === 0) continue;
      out.push({ action, rules: names.length ? rules : null, line, endLine: lineOf(parsed.lineStarts, start + m.index + m[0].length) });
    }
  };
  for (const block of parsed.blocks) {
    if (out.length >= MAX_DIRECTIVES) break;
    if (block.kind === 'html') scan(block.start, block.end);
    else if (block.kind !== 'code' && block.kind !== 'frontMatter') {
      for (const inline of block.inlines) if (inline.kind === 'html') scan(inline.start, inline.end);
    }
  }
  return out;
}

type RuleSet = ReadonlySet<RuleCode>;
const NONE: RuleSet = new Set();

function applied(disabled: RuleSet, d: Directive, disable: boolean): RuleSet {
  const rules = d.rules ?? RULE_CODES;
  const next = new Set(disabled);
  for (const r of rules) {
    if (disable) next.add(r);
    else next.delete(r);
  }
  return next;
}

/** The document's suppressions: what each line has turned off. */
export function readSuppressions(parsed: ParsedText): Suppressions {
  const problems: string[] = [];
  const directives = readDirectives(parsed, problems);
  // 1. File-wide comments set the state every line starts from, wherever they stand.
  let initial: RuleSet = NONE;
  for (const d of directives) {
    if (d.action === 'disable-file' || d.action === 'enable-file') initial = applied(initial, d, d.action === 'disable-file');
  }
  // 2. disable / enable / capture / restore, in order: the state after a line's comments holds from that line on.
  const changes: { line: number; disabled: RuleSet }[] = [];
  let state = initial;
  let captured = initial;
  for (const d of directives) {
    if (d.action === 'disable' || d.action === 'enable') state = applied(state, d, d.action === 'disable');
    else if (d.action === 'capture') captured = state;
    else if (d.action === 'restore') state = captured;
    else continue;
    if (changes.length && changes[changes.length - 1].line === d.line) changes[changes.length - 1].disabled = state;
    else changes.push({ line: d.line, disabled: state });
  }
  // 3. Single lines, on top of the state there.
  const lines = new Map<number, RuleSet>();
  for (const d of directives) {
    if (d.action !== 'disable-line' && d.action !== 'disable-next-line') continue;
    const [from, to] = d.action === 'disable-line' ? [d.line, d.endLine] : [d.endLine + 1, d.endLine + 1];
    for (let line = from; line <= to; line++) lines.set(line, applied(lines.get(line) ?? NONE, d, true));
  }
  const stateAt = (line: number): RuleSet => {
    let lo = 0;
    let hi = changes.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (changes[mid].line <= line) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found < 0 ? initial : changes[found].disabled;
  };
  return {
    directives,
    problems,
    isSuppressed: (code, line) => stateAt(line).has(code) || (lines.get(line)?.has(code) ?? false),
  };
}

/** The diagnostics no comment suppresses (by the line each starts on). */
export function unsuppressed(diagnostics: readonly Diagnostic[], suppressions: Suppressions): Diagnostic[] {
  if (suppressions.directives.length === 0) return [...diagnostics];
  return diagnostics.filter((d) => !suppressions.isSuppressed(d.code, d.range.start.line));
}
