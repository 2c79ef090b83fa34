/**
 * Baselines: a repository adopting handoff-lint records today's findings once (`--baseline FILE --write-baseline`)
 * and from then on sees only new ones (`--baseline FILE`).
 *
 * A finding is known by its rule, its document (relative to the baseline file's folder, `/`-separated) and its
 * target — the text the diagnostic underlines (the SHA, the breadcrumb, the step), whitespace collapsed — never by
 * its line, so lines added above it, or a reworded message, keep it baselined. The same finding twice in a
 * document is counted: a third one is new. The file is sorted JSON, made to be committed and reviewed.
 */
import { createHash } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { RULE_CODES, type Diagnostic, type RuleCode } from '../core/model';
import { computeLineStarts, stripBom } from '../core/parse/lines';
import { notReadReason, readRegular } from '../node/safeRead';

/** Longest target kept: enough to tell findings apart, short enough for a reviewable file. */
const MAX_TARGET = 200;
/** A baseline file larger than this, or with more findings, is refused (it is not one a person could review). */
const MAX_BASELINE_BYTES = 32 * 1024 * 1024;
const MAX_FINDINGS = 200_000;

/** The text a diagnostic underlines, whitespace collapsed; its message, numbers blanked, when it underlines nothing. */
export function targetOf(text: string, d: Diagnostic, lineStarts: readonly number[]): string {
  const offset = (p: { line: number; character: number }) => (lineStarts[p.line] ?? text.length) + p.character;
  const under = text.slice(offset(d.range.start), offset(d.range.end)).replace(/\s+/g, ' ').trim();
  const target = under || d.message.replace(/\d+/g, '#');
  return target.length > MAX_TARGET ? target.slice(0, MAX_TARGET) : target;
}

export function fingerprint(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);
}

export interface Finding {
  rule: RuleCode;
  path: string;
  target: string;
}

/** The findings of one document, aligned with its diagnostics. `path` is the document's path as the baseline writes it. */
export function findingsOf(text: string, path: string, diagnostics: readonly Diagnostic[]): Finding[] {
  const body = stripBom(text);
  const lineStarts = computeLineStarts(body);
  return diagnostics.map((d) => ({ rule: d.code, path, target: targetOf(body, d, lineStarts) }));
}

/** A document's path as the baseline `file` writes it: relative to the baseline's folder, `/`-separated. */
export function baselinePath(file: string, documentPath: string): string {
  return relative(dirname(resolve(file)), resolve(documentPath)).replace(/\\/g, '/');
}

const findingKey = (f: Finding) => fingerprint(f.rule, f.path, f.target);

/**
 * What GitHub code scanning keeps an alert by across runs (SARIF `partialFingerprints`): rule, target and which
 * occurrence of the two in the document it is — no line, so an alert survives lines added above it.
 */
export function occurrenceFingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const key = `${f.rule}\0${f.target}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return fingerprint(f.rule, f.target, String(n));
  });
}

const baselineFile = z.object({
  version: z.literal(1),
  findings: z.array(z.object({
    rule: z.enum(RULE_CODES),
    path: z.string().check(z.maxLength(4096)),
    target: z.string().check(z.maxLength(MAX_TARGET * 2)),
    count: z._default(z.int().check(z.gte(1), z.lte(1_000_000)), 1),
  })).check(z.maxLength(MAX_FINDINGS)),
});

export class BaselineError extends Error {}

/** A baseline: how many of each finding it still allows. */
export class Baseline {
  private readonly left = new Map<string, number>();
  private readonly pathOf = new Map<string, string>();
  /** Findings matched (and so not shown) in this run. */
  matched = 0;

  /** `file`: where the baseline lives; document paths are written relative to its folder. */
  constructor(readonly file: string, readonly entries: readonly (Finding & { count: number })[] = []) {
    for (const e of entries) {
      const key = findingKey(e);
      this.left.set(key, (this.left.get(key) ?? 0) + e.count);
      this.pathOf.set(key, e.path);
    }
  }

  static read(file: string): Baseline {
    const read = readRegular(file, MAX_BASELINE_BYTES);
    if (read.kind !== 'text') {
      const why = notReadReason(read, { missing: 'missing', tooLarge: `larger than ${MAX_BASELINE_BYTES / (1024 * 1024)} MB` });
      throw new BaselineError(`cannot read baseline ${file}: ${why}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(read.text);
    } catch (e) {
      throw new BaselineError(`baseline ${file} is not JSON: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
    // zod's tree-shakable build carries no messages until given a locale: this one is read only for a bad baseline.
    const parsed = baselineFile.safeParse(json, { error: en().localeError });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new BaselineError(`baseline ${file} is not a handoff-lint baseline (${issue.path.join('.') || 'top'}: ${issue.message})`);
    }
    return new Baseline(file, parsed.data.findings);
  }

  /** Whether the baseline allows this finding (and uses one of its allowance). */
  take(f: Finding): boolean {
    const key = findingKey(f);
    const n = this.left.get(key) ?? 0;
    if (n === 0) return false;
    this.left.set(key, n - 1);
    this.matched++;
    return true;
  }

  /** How many recorded findings of these documents were not seen again (fixed since, or reworded). */
  unusedIn(paths: ReadonlySet<string>): number {
    let n = 0;
    for (const [key, left] of this.left) if (paths.has(this.pathOf.get(key) ?? '')) n += left;
    return n;
  }
}

/**
 * Writes the findings as a baseline file: sorted, counted, atomically (a half-written baseline is never read).
 * `kept`: entries of documents this run did not check, carried over as they were.
 */
export function writeBaseline(file: string, findings: readonly Finding[], kept: readonly (Finding & { count: number })[] = []): number {
  const counts = new Map<string, Finding & { count: number }>();
  for (const k of kept) {
    const key = findingKey(k);
    const entry = counts.get(key);
    if (entry) entry.count += k.count;
    else counts.set(key, { rule: k.rule, path: k.path, target: k.target, count: k.count });
  }
  for (const f of findings) {
    const key = findingKey(f);
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { rule: f.rule, path: f.path, target: f.target, count: 1 });
  }
  // Code-unit order, not the locale's: the same file on every machine.
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...counts.values()].sort((a, b) => cmp(a.path, b.path) || cmp(a.rule, b.rule) || cmp(a.target, b.target));
  const text = JSON.stringify({ version: 1, tool: 'handoff-lint', findings: sorted }, null, 2) + '\n';
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
  return findings.length;
}
