/** Output formats of `handoff-lint`: compiler-style text, the JSON contract (version 1), and SARIF 2.1.0. */
import type { HandoffFacts } from '../core/facts/types';
import type { Diagnostic, HandoffModel, RuleCode } from '../core/model';
import { RULE_CODES } from '../core/model';
import type { OutputFormat } from './args';

export interface DocumentReport {
  /** The path as given on the command line (or found under a given folder). */
  path: string;
  model: HandoffModel;
  diagnostics: Diagnostic[];
  notices: string[];
  /** What the repository said (null with --no-git). */
  facts?: HandoffFacts | null;
}

/**
 * The facts in the JSON output: the handoff's anchor and freshness, per file and ref (aligned with the model's
 * lists) what the repository says — a file's `drift` is where its cited lines are now — and the cited files that
 * changed since the anchor: for scripts and agents that want more than the diagnostics.
 */
function factsJson(f: HandoffFacts | null | undefined): unknown {
  if (!f) return null;
  return {
    anchor: f.anchor, freshness: f.freshness,
    files: f.files.map((x) => (x.kind === 'gone' ? { kind: x.kind, when: x.when, paths: x.paths, deletedIn: x.deletion?.sha ?? null, renamedTo: x.deletion?.renamedTo ?? null, drift: x.drift ?? null }
      : x.kind === 'found' ? { kind: x.kind, paths: x.paths, lines: x.lines, drift: x.drift ?? null } : { kind: x.kind })),
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
  add(report: DocumentReport): string;
  end(): string;
}

export function reportWriter(format: OutputFormat, version: string): ReportWriter {
  return format === 'json' ? jsonWriter() : format === 'sarif' ? sarifWriter(version) : textWriter();
}

function textWriter(): ReportWriter {
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  let documents = 0;
  return {
    begin: () => '',
    add(r) {
      documents++;
      const lines: string[] = [];
      for (const n of r.notices) lines.push(`${r.path}: note: ${n}\n`);
      for (const d of r.diagnostics) {
        counts[d.severity]++;
        lines.push(`${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}\n`);
      }
      return lines.join('');
    },
    end() {
      const total = counts.error + counts.warning + counts.information + counts.hint;
      const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
      return `${plural(documents, 'handoff')} checked: ${plural(total, 'problem')} ` +
        `(${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} information, ${plural(counts.hint, 'hint')})\n`;
    },
  };
}

/** Pretty-printed JSON of `value` as it reads nested `depth` levels deep in a 2-space-indented document. */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/** The JSON contract, version 1: the same bytes `JSON.stringify(whole, null, 2)` would give, written per document. */
function jsonWriter(): ReportWriter {
  let first = true;
  return {
    begin: () => '{\n  "version": 1,\n  "documents": [',
    add(r) {
      const doc = {
        path: r.path, title: r.model.title, date: r.model.date, frontMatter: r.model.frontMatter, phases: r.model.phases,
        commits: r.model.commits, refs: r.model.refs, files: r.model.files, steps: r.model.steps, history: r.model.history,
        diagnostics: r.diagnostics, notices: r.notices, facts: factsJson(r.facts),
      };
      const text = `${first ? '' : ','}\n    ${nested(doc, 2)}`;
      first = false;
      return text;
    },
    end: () => (first ? ']\n}\n' : '\n  ]\n}\n'),
  };
}

const RULE_HELP: Readonly<Record<RuleCode, string>> = {
  'unchecked-step': 'A resume step that is not done yet.',
  'unknown-commit': 'A commit the repository does not have (amended, rebased, squash-merged, or a typo).',
  'ambiguous-commit': 'A short SHA that matches more than one object.',
  'unpushed-commit': 'A commit that no remote-tracking branch contains.',
  'stale-ref': 'A branch or tag claim (SHA or push state) that is no longer true.',
  'missing-file': 'A file breadcrumb that resolves to no file.',
  'line-out-of-range': 'A file:line breadcrumb past the end of the file (measured where the line is now, after the changes since the handoff).',
  'handoff-behind': 'A handoff the checked-out branch is more than a set number of commits past (off by default).',
};

const SARIF_LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/** SARIF 2.1.0. Its results are small (no model), so they are collected and printed at the end. */
function sarifWriter(version: string): ReportWriter {
  const results: unknown[] = [];
  return {
    begin: () => '',
    add(r) {
      for (const d of r.diagnostics) results.push(sarifResult(r.path, d));
      return '';
    },
    end: () => JSON.stringify({
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [{
        tool: {
          driver: {
            name: 'handoff-lint',
            version,
            informationUri: 'https://github.com/handoff-navigator/handoff-navigator',
            rules: RULE_CODES.map((id) => ({ id, shortDescription: { text: RULE_HELP[id] } })),
          },
        },
        results,
      }],
    }, null, 2) + '\n',
  };
}

function sarifResult(path: string, d: Diagnostic): unknown {
  return {
    ruleId: d.code,
    ruleIndex: RULE_CODES.indexOf(d.code),
    level: SARIF_LEVEL[d.severity],
    message: { text: d.message },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: path.replace(/\\/g, '/') },
        region: {
          startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1,
          endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
        },
      },
    }],
    ...(d.related?.length ? { relatedLocations: d.related.map((rel, id) => ({ id, message: { text: rel.message } })) } : {}),
  };
}
