/**
 * Output formats of `handoff-lint`: compiler-style text, the JSON contract (version 1), SARIF 2.1.0 (sarif.ts) and
 * GitHub Actions workflow commands (github.ts).
 */
import { escapeControls } from '../core/controls';
import type { HandoffFacts } from '../core/facts/types';
import type { Diagnostic, HandoffModel } from '../core/model';
import type { OutputFormat } from './args';
import { githubWriter } from './github';
import { jsonPieces } from './jsonPieces';
import { sarifWriter } from './sarif';

export interface DocumentReport {
  /** The path as given on the command line (or found under a given folder). */
  path: string;
  model: HandoffModel;
  diagnostics: Diagnostic[];
  notices: string[];
  /** What the repository said (null with --no-git). */
  facts?: HandoffFacts | null;
  /** The file could not be read (its notice says why): an empty model, and an error in SARIF's notifications. */
  unreadable?: boolean;
  /** Aligned with `diagnostics`: a fingerprint of each that does not depend on its line (SARIF's partialFingerprints). */
  fingerprints?: readonly string[];
}

/** Text meant for a terminal: the document's control characters as escapes (src/core/controls.ts). */
export { escapeControls };

/**
 * The facts in the JSON output: the handoff's anchor and freshness, per file and ref (aligned with the model's
 * lists) what the repository says — a file's `drift` is where its cited lines are now — and the cited files that
 * changed since the anchor: for scripts and agents that want more than the diagnostics.
 */
function factsJson(f: HandoffFacts | null | undefined): unknown {
  if (!f) return null;
  return {
    anchor: f.anchor, freshness: f.freshness,
    files: f.files.map((x) => (x.kind === 'gone' ? { kind: x.kind, when: x.when, paths: x.paths, deletedIn: x.deletion?.sha ?? null, renamedTo: x.deletion?.renamedTo ?? null,
      ...(x.ignoredNow ? { ignoredNow: true } : {}), ...(x.movedWithHandoff ? { movedWithHandoff: true } : {}), ...(x.duringPlan ? { duringPlan: x.duringPlan } : {}), drift: x.drift ?? null }
      : x.kind === 'found' ? { kind: x.kind, paths: x.paths, lines: x.lines, ...(x.linesAtLeast ? { linesAtLeast: true } : {}), ...(x.outside ? { outside: true } : {}), drift: x.drift ?? null }
        : { kind: x.kind })),
    refs: f.refs,
    changedSince: f.changedSince,
  };
}

/**
 * A format written document by document: `add` returns the text for one report as soon as it is analysed, so
 * the CLI keeps no model after printing it (thousands of handoffs in constant memory); `end` returns the rest.
 */
export interface ReportWriter {
  begin(): string;
  /** The report's text, or its pieces in order (a large report is written without joining them). */
  add(report: DocumentReport): string | string[];
  end(): string;
}

/**
 * `cwd`: what SARIF and GitHub paths are made relative to (the repository's root in a workflow). `hints`: the text
 * and github formats list hint-severity findings too; by default they count them only. A hint is what VS Code shows
 * as a faint mark and keeps out of Problems (a file a plan has yet to create, say): a GSD repository's plans give
 * thousands, which listed would bury its few problems in a CI log. JSON and SARIF, read by programs, hold them all.
 */
export function reportWriter(format: OutputFormat, version: string, cwd = process.cwd(), hints = false): ReportWriter {
  switch (format) {
    case 'json': return jsonWriter();
    case 'sarif': return sarifWriter(version, cwd);
    case 'github': return githubWriter(cwd, hints);
    default: return textWriter(hints);
  }
}

export const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;

/** The end of a summary for the hints of a run: listed with the rest, or only counted (`--hints` lists them). */
export function hintsSummary(count: number, listed: boolean): string {
  if (count === 0) return '';
  return listed ? ` and ${plural(count, 'hint')}` : `; ${plural(count, 'hint')} not listed (--hints lists them)`;
}

function textWriter(listHints: boolean): ReportWriter {
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  let documents = 0;
  return {
    begin: () => '',
    add(r) {
      documents++;
      const lines: string[] = [];
      const path = escapeControls(r.path);
      for (const n of r.notices) lines.push(`${path}: note: ${escapeControls(n)}\n`);
      for (const d of r.diagnostics) {
        counts[d.severity]++;
        if (d.severity === 'hint' && !listHints) continue;
        lines.push(`${path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${escapeControls(d.message)}\n`);
      }
      return lines.join('');
    },
    end() {
      const problems = counts.error + counts.warning + counts.information;
      return `${plural(documents, 'handoff')} checked: ${plural(problems, 'problem')} ` +
        `(${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} information)${hintsSummary(counts.hint, listHints)}\n`;
    },
  };
}

/**
 * The JSON contract, version 1: one object on one line, `JSON.stringify(whole)`'s bytes, written per document. Compact
 * because it is read by programs (`jq` shows it to people): indented, a 1,000-handoff report was 79 MB and its
 * writing a fifth of the run, on V8's slow path for indented output.
 */
function jsonWriter(): ReportWriter {
  let first = true;
  return {
    begin: () => '{"version":1,"documents":[',
    add(r) {
      const doc = {
        path: r.path, title: r.model.title, date: r.model.date, frontMatter: r.model.frontMatter, phases: r.model.phases,
        commits: r.model.commits, refs: r.model.refs, files: r.model.files, steps: r.model.steps, history: r.model.history,
        diagnostics: r.diagnostics, notices: r.notices, facts: factsJson(r.facts),
      };
      const sep = first ? '' : ',';
      first = false;
      return [sep, ...jsonPieces(doc)];
    },
    end: () => ']}\n',
  };
}
