/**
 * The CI side of a `handoff-lint` run, kept out of main.ts: which handoffs to check (`--changed-since REF`) and
 * which findings to show (`--baseline FILE`, `--write-baseline`), plus each finding's line-independent fingerprint
 * for SARIF.
 */
import { realpathSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../core/model';
import type { CliOptions } from './args';
import { Baseline, BaselineError, baselinePath, findingsOf, occurrenceFingerprints, writeBaseline, type Finding } from './baseline';
import { changedSince } from '../node/changedFiles';

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** The files changed since `options.changedSince` among `files`, or a one-line error. */
export async function onlyChanged(files: readonly string[], options: CliOptions, timeoutMs: number): Promise<{ files: string[]; note: string } | { error: string }> {
  const ref = options.changedSince!;
  const changed = await changedSince(ref, real(options.repo ?? '.'), timeoutMs);
  if (!changed.ok) return { error: changed.message };
  const root = real(changed.root);
  const kept = files.filter((f) => changed.paths.has(relative(root, real(f)).split(sep).join('/')));
  return { files: kept, note: `${kept.length} of ${files.length} handoff${files.length === 1 ? '' : 's'} changed since ${ref} (${changed.base.slice(0, 7)})` };
}

export interface Shown {
  diagnostics: Diagnostic[];
  fingerprints: string[];
}

/** Applies the baseline (or records the findings for a new one) document by document. */
export class FindingFilter {
  private readonly recorded: Finding[] = [];
  private readonly checked = new Set<string>();

  private constructor(private readonly options: CliOptions, private readonly baseline: Baseline | null) {}

  /** The filter for these options, or a one-line error (an unreadable or invalid baseline). */
  static open(options: CliOptions): FindingFilter | { error: string } {
    if (!options.baseline || options.writeBaseline) return new FindingFilter(options, null);
    try {
      return new FindingFilter(options, Baseline.read(options.baseline));
    } catch (e) {
      if (e instanceof BaselineError) return { error: e.message };
      throw e;
    }
  }

  /** The diagnostics of one document to report, with their fingerprints. */
  apply(path: string, text: string, diagnostics: readonly Diagnostic[]): Shown {
    // Fingerprints are for SARIF and baselines only: a finding's needs its line's text hashed, which for tens of
    // thousands of findings is worth skipping when nothing reads them.
    if (!this.options.baseline && this.options.format !== 'sarif') return { diagnostics: [...diagnostics], fingerprints: [] };
    const where = this.options.baseline ? baselinePath(this.options.baseline, path) : relative(process.cwd(), resolve(path)).split(sep).join('/');
    const findings = findingsOf(text, where, diagnostics);
    // Counted over every finding of the document, before the baseline hides some: the n-th stays the n-th.
    const fingerprints = occurrenceFingerprints(findings);
    this.checked.add(where);
    if (this.options.writeBaseline) this.recorded.push(...findings);
    if (!this.baseline) return { diagnostics: [...diagnostics], fingerprints };
    const shown: Shown = { diagnostics: [], fingerprints: [] };
    findings.forEach((f, i) => {
      if (this.baseline!.take(f)) return;
      shown.diagnostics.push(diagnostics[i]);
      shown.fingerprints.push(fingerprints[i]);
    });
    return shown;
  }

  /** Writes the baseline when asked to; returns the lines for stderr that say what the baseline did. */
  finish(): string[] {
    const file = this.options.baseline;
    if (!file) return [];
    if (this.options.writeBaseline) {
      // A run over some handoffs only (named files, --changed-since) updates their entries and keeps the others'.
      let kept: Baseline['entries'] = [];
      try {
        kept = Baseline.read(file).entries.filter((e) => !this.checked.has(e.path));
      } catch (e) {
        if (!(e instanceof BaselineError)) throw e; // none yet, or not one: written anew
      }
      const n = writeBaseline(file, this.recorded, kept);
      const others = kept.reduce((sum, e) => sum + e.count, 0);
      return [`wrote ${n} finding${n === 1 ? '' : 's'} to the baseline ${file}${others ? ` (and kept ${others} of handoffs not checked in this run)` : ''}`];
    }
    const lines: string[] = [];
    const b = this.baseline!;
    if (b.matched) lines.push(`${b.matched} finding${b.matched === 1 ? '' : 's'} recorded in ${file} not shown`);
    const unused = b.unusedIn(this.checked);
    if (unused) lines.push(`${unused} finding${unused === 1 ? '' : 's'} recorded in ${file} no longer found (fixed?): --write-baseline drops them`);
    return lines;
  }
}
