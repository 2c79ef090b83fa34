/**
 * The plain-text answers of the handoff tools (MCP server and VS Code language-model tools alike): the
 * diagnostics of a handoff, its open steps, and what one of its items — a SHA, a ref or a file breadcrumb —
 * points at now. Pure: model, facts and diagnostics in, text out; bounded in lines.
 */
import { escapeControlsInLines } from '../controls';
import type { CitedChange, HandoffFacts } from '../facts/types';
import { stepsToDo } from '../extract/currentSteps';
import type { Diagnostic, FileBreadcrumb, HandoffModel } from '../model';
import { oneLine } from '../newHandoff/markdown';
import { createdSinceNotes } from '../rules/uncheckedStep';
import { judgeClaims } from './claims';
import type { DigestEntry } from './types';

/** At most this many lines of a list in a tool's answer (a summary line says how many more). */
export const TOOL_LIST_CAP = 200;

function capped(lines: string[], what: string): string[] {
  if (lines.length <= TOOL_LIST_CAP) return lines;
  return [...lines.slice(0, TOOL_LIST_CAP), `… and ${lines.length - TOOL_LIST_CAP} more ${what}`];
}

/** `path:line:col: severity code: message`, as `handoff-lint` prints them, then the notices. */
export function checkText(path: string, diagnostics: readonly Diagnostic[], notices: readonly string[], parseOnly: string | null): string {
  const lines = diagnostics.map((d) => `${path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${oneLine(d.message)}`);
  const out = [diagnostics.length === 0 ? `${path}: no problems` : `${path}: ${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'}`, ...capped(lines, 'problems')];
  if (parseOnly) out.push(`Parse-only: ${parseOnly}; commits, refs and moved files were not checked.`);
  for (const n of notices.slice(0, 20)) out.push(`note: ${oneLine(n)}`);
  return toolAnswer(out);
}

/**
 * The steps still to do (exactly those `unchecked-step` reports), with their lines and phases; `changes` (the facts'
 * cited files changed since the handoff) adds the rule's doubt to a step whose files were all created since.
 */
export function openStepsText(path: string, model: HandoffModel, supersededBy: string | null, changes: readonly CitedChange[] | null = null): string {
  if (supersededBy !== null) return toolAnswer([`${path}: no open steps are current: it is superseded by ${supersededBy}`]);
  const steps = stepsToDo(model);
  if (steps.length === 0) return toolAnswer([`${path}: no open steps`]);
  const createdFor = createdSinceNotes(model, changes);
  const lines = steps.map((s) => {
    const note = createdFor(s.range);
    return `- ${s.marker ?? '[ ]'} ${oneLine(s.text)} (line ${s.range.start.line + 1}${s.phase ? `, ${s.phase}` : ''})${note ? ` — ${note}` : ''}`;
  });
  return toolAnswer([`${path}: ${steps.length} open step${steps.length === 1 ? '' : 's'}`, ...capped(lines, 'steps')]);
}

/**
 * A tool's answer from its lines. It goes to an agent's transcript or a terminal: what it quotes of a document or a
 * repository (a step, a commit's subject, a line of a file) has its control characters as escapes, never raw.
 */
export function toolAnswer(lines: readonly string[]): string {
  return escapeControlsInLines(lines.join('\n') + '\n');
}

/** What a resolve question is: a SHA, or a breadcrumb (`src/app.ts`, `src/app.ts:12`, `src/app.ts:12-20`), or a ref name. */
export type ResolveTarget =
  | { kind: 'sha'; sha: string }
  | { kind: 'file'; path: string; line: number | null; endLine: number | null }
  | { kind: 'ref'; name: string };

export function parseResolveTarget(raw: string): ResolveTarget | null {
  const t = raw.trim().replace(/^`+|`+$/g, '').trim();
  if (t === '' || t.length > 1024 || /[\0\r\n]/.test(t)) return null;
  if (/^[0-9a-fA-F]{7,64}$/.test(t)) return { kind: 'sha', sha: t.toLowerCase() };
  const m = /^(.+?)(?::(\d{1,9})(?:-(\d{1,9}))?|#L(\d{1,9})(?:-L?(\d{1,9}))?)?$/.exec(t)!;
  const path = m[1]!.replace(/^\.\//, '');
  const line = m[2] ?? m[4];
  const end = m[3] ?? m[5];
  if (line === undefined && !/[./]/.test(path)) return { kind: 'ref', name: path };
  return { kind: 'file', path, line: line ? Number(line) : null, endLine: end ? Number(end) : null };
}

function sameCrumb(c: FileBreadcrumb, t: Extract<ResolveTarget, { kind: 'file' }>): boolean {
  if (c.external) return false;
  const p = c.path.replace(/^\.\//, '');
  if (p !== t.path && !p.endsWith('/' + t.path) && !t.path.endsWith('/' + p)) return false;
  return t.line === null || c.line === t.line;
}

/** The handoff's own judgement of the items the target names (its commit, ref or breadcrumb), or none. */
export function resolveInHandoff(model: HandoffModel, facts: HandoffFacts, target: ResolveTarget): DigestEntry[] {
  const refIdx = model.refs.map((_, i) => i).filter((i) => {
    const r = model.refs[i]!;
    if (target.kind === 'ref') return r.name === target.name;
    return target.kind === 'sha' && 'sha' in r.claim && r.claim.sha.toLowerCase().startsWith(target.sha.slice(0, r.claim.sha.length));
  });
  const fileIdx = target.kind === 'file' ? model.files.map((_, i) => i).filter((i) => sameCrumb(model.files[i]!, target)) : [];
  const commits = target.kind === 'sha'
    ? model.commits.filter((m) => { const s = m.sha.toLowerCase(); return s.startsWith(target.sha) || target.sha.startsWith(s); })
    : [];
  return judgeClaims(
    { ...model, commits, refs: refIdx.map((i) => model.refs[i]!), files: fileIdx.map((i) => model.files[i]!) },
    { ...facts, refs: refIdx.map((i) => facts.refs[i]!), files: fileIdx.map((i) => facts.files[i]!) },
  );
}

export function entryLine(e: DigestEntry): string {
  return `${e.verdict ?? 'fact'}: ${e.text}${e.line !== null ? ` (handoff line ${e.line})` : ''}${e.evidence ? ` — ${e.evidence}` : ''}`;
}
