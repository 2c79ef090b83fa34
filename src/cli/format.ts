/** Output formats of `handoff-lint`: compiler-style text, the JSON contract (version 1), and SARIF 2.1.0. */
import type { Diagnostic, HandoffModel, RuleCode } from '../core/model';
import { RULE_CODES } from '../core/model';

export interface DocumentReport {
  /** The path as given on the command line (or found under a given folder). */
  path: string;
  model: HandoffModel;
  diagnostics: Diagnostic[];
  notices: string[];
}

export function formatText(reports: readonly DocumentReport[]): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of reports) {
    for (const n of r.notices) lines.push(`${r.path}: note: ${n}`);
    for (const d of r.diagnostics) {
      counts[d.severity]++;
      lines.push(`${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}`);
    }
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  lines.push(
    `${plural(reports.length, 'handoff')} checked: ${plural(total, 'problem')} ` +
      `(${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} information, ${plural(counts.hint, 'hint')})`,
  );
  return lines.join('\n') + '\n';
}

export function formatJson(reports: readonly DocumentReport[]): string {
  return JSON.stringify({
    version: 1,
    documents: reports.map((r) => ({
      path: r.path,
      title: r.model.title,
      date: r.model.date,
      frontMatter: r.model.frontMatter,
      phases: r.model.phases,
      commits: r.model.commits,
      refs: r.model.refs,
      files: r.model.files,
      steps: r.model.steps,
      diagnostics: r.diagnostics,
      notices: r.notices,
    })),
  }, null, 2) + '\n';
}

const RULE_HELP: Readonly<Record<RuleCode, string>> = {
  'unchecked-step': 'A resume step that is not done yet.',
  'unknown-commit': 'A commit the repository does not have (amended, rebased, squash-merged, or a typo).',
  'ambiguous-commit': 'A short SHA that matches more than one object.',
  'unpushed-commit': 'A commit that no remote-tracking branch contains.',
  'stale-ref': 'A branch or tag claim (SHA or push state) that is no longer true.',
  'missing-file': 'A file breadcrumb that resolves to no file.',
  'line-out-of-range': 'A file:line breadcrumb past the end of the file.',
};

const SARIF_LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

export function formatSarif(reports: readonly DocumentReport[], version: string): string {
  const results = reports.flatMap((r) =>
    r.diagnostics.map((d) => ({
      ruleId: d.code,
      ruleIndex: RULE_CODES.indexOf(d.code),
      level: SARIF_LEVEL[d.severity],
      message: { text: d.message },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: r.path.replace(/\\/g, '/') },
          region: {
            startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1,
            endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
          },
        },
      }],
      ...(d.related?.length ? { relatedLocations: d.related.map((rel, id) => ({ id, message: { text: rel.message } })) } : {}),
    })),
  );
  return JSON.stringify({
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
  }, null, 2) + '\n';
}
