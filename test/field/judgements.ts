/**
 * The field study's judgements: one TSV row per diagnostic judged by hand, kept in the project
 * (test/field/judgements.tsv). A row names the diagnostic by scenario, corpus file, rule, line and the text
 * under its range — never by message, so rewording a message keeps its judgement. Verdicts:
 *   right  a real problem, worth its place in Problems
 *   noise  true in a narrow sense, useless to the reader (ambiguous name, planned file, history)
 *   wrong  the tool is mistaken (not a path, a commit that is there, a claim that holds)
 *   missed a real problem the tool should show and does not (counts against "real problems still shown")
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const VERDICTS = ['right', 'noise', 'wrong', 'missed'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface Judgement {
  verdict: Verdict;
  /** `commit` (the handoff's own commit) or `head:<sha12>` (the repository's HEAD when judged). */
  scenario: string;
  file: string;
  code: string;
  /** 1-based line of the diagnostic's start. */
  line: number;
  /** The text under the diagnostic's range (tabs and newlines as spaces, at most 80 characters). */
  token: string;
  why: string;
}

export const JUDGEMENTS = join(__dirname, 'judgements.tsv');
const HEADER = 'verdict\tscenario\tfile\tcode\tline\ttoken\twhy';

export const keyOf = (j: Pick<Judgement, 'scenario' | 'file' | 'code' | 'line' | 'token'>): string =>
  [j.scenario, j.file, j.code, j.line, j.token].join('\t');

/**
 * The judgement of each shown diagnostic, aligned with `shown`. A key judged more than once (the same commit or path
 * twice on one line, when the tool reported each) is matched in order: the first diagnostic shown with that key takes
 * the first judgement written, the second the second. So a tool that now reports such a line once is judged by the
 * verdict its one diagnostic had, not by the one its dropped duplicate had ("duplicate of the previous").
 */
export function judgementsOf<S extends Parameters<typeof keyOf>[0]>(shown: readonly S[], judgements: readonly Judgement[]): Array<Judgement | undefined> {
  const byKey = new Map<string, Judgement[]>();
  for (const j of judgements) {
    const k = keyOf(j);
    const list = byKey.get(k);
    if (list) list.push(j);
    else byKey.set(k, [j]);
  }
  const taken = new Map<string, number>();
  return shown.map((s) => {
    const k = keyOf(s);
    const n = taken.get(k) ?? 0;
    taken.set(k, n + 1);
    const list = byKey.get(k);
    // More shown than judged: the last judgement stands for the rest (they were judged alike when reported alike).
    return list ? list[Math.min(n, list.length - 1)] : undefined;
  });
}

export const clean = (s: string): string => s.replace(/[\t\r\n]+/g, ' ').slice(0, 80);

export interface TextRange { start: { line: number; character: number }; end: { line: number; character: number } }

/** The text under a range (0-based lines and characters), as the judgements key it. */
export function textAt(text: string, r: TextRange): string {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (r.start.line === r.end.line) return (lines[r.start.line] ?? '').slice(r.start.character, r.end.character);
  return [(lines[r.start.line] ?? '').slice(r.start.character), ...lines.slice(r.start.line + 1, r.end.line), (lines[r.end.line] ?? '').slice(0, r.end.character)].join(' ');
}

export function readJudgements(file = JUDGEMENTS): Judgement[] {
  if (!existsSync(file)) return [];
  const out: Judgement[] = [];
  for (const [i, line] of readFileSync(file, 'utf8').split('\n').entries()) {
    if (!line.trim() || line === HEADER || line.startsWith('#')) continue;
    const [verdict, scenario, f, code, ln, token, why] = line.split('\t');
    if (!VERDICTS.includes(verdict as Verdict)) throw new Error(`${file}:${i + 1}: unknown verdict "${verdict}"`);
    out.push({ verdict: verdict as Verdict, scenario: scenario!, file: f!, code: code!, line: Number(ln), token: token ?? '', why: why ?? '' });
  }
  return out;
}

export function writeJudgements(rows: readonly Judgement[], file = JUDGEMENTS): void {
  const byKey = new Map<string, Judgement>();
  for (const r of rows) byKey.set(keyOf(r), r);
  const sorted = [...byKey.values()].sort((a, b) =>
    a.file.localeCompare(b.file) || a.scenario.localeCompare(b.scenario) || a.line - b.line || a.code.localeCompare(b.code) || a.token.localeCompare(b.token));
  writeFileSync(file, [HEADER, ...sorted.map((j) => [j.verdict, j.scenario, j.file, j.code, j.line, clean(j.token), j.why].join('\t'))].join('\n') + '\n');
}
