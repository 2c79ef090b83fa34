/**
 * `--format sarif`: SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it — every rule with its
 * descriptions, default level and a help link to its row in the README; every result with its rule, level,
 * 1-based region (columns in UTF-16 code units, as the run says), related locations and a fingerprint that does not
 * depend on the line, so an alert survives lines added above it. A test validates the output against the SARIF
 * 2.1.0 JSON schema. Results are small (no model), so they are collected and printed at the end.
 */
import type { Diagnostic, RuleCode, Severity } from '../core/model';
import { RULE_CODES } from '../core/model';
import { DEFAULT_SEVERITIES } from '../core/settings';
import type { DocumentReport, ReportWriter } from './format';
import { annotationPath } from './github';

export const HOMEPAGE = 'https://github.com/handoff-navigator/handoff-navigator';

interface RuleText {
  name: string;
  short: string;
  full: string;
  tags: string[];
}

const RULES: Readonly<Record<RuleCode, RuleText>> = {
  'unchecked-step': {
    name: 'UncheckedStep', tags: ['handoff', 'progress'],
    short: 'A resume step that is not done yet.',
    full: 'An open, in-progress or blocked step of the handoff\'s current work. Steps in the document\'s history, in lists that are no work (acceptance criteria, roadmaps, rules) and in a superseded handoff are not reported.',
  },
  'unknown-commit': {
    name: 'UnknownCommit', tags: ['handoff', 'git'],
    short: 'A commit the repository does not have (amended, rebased, squash-merged, or a typo).',
    full: 'A cited commit the repository does not have, or has on no branch. The message says why where git can tell: amended or rebased (a commit with the same subject), squash-merged, or only on a pull request ref.',
  },
  'ambiguous-commit': {
    name: 'AmbiguousCommit', tags: ['handoff', 'git'],
    short: 'A short SHA that matches more than one object.',
    full: 'A short SHA that matches more than one object in the repository; the message lists the candidates. Cite more hex digits.',
  },
  'unpushed-commit': {
    name: 'UnpushedCommit', tags: ['handoff', 'git'],
    short: 'A commit that no remote-tracking branch contains.',
    full: 'A cited commit that no remote-tracking branch contains, so the next session on another machine cannot see it. Reported only when the repository has a remote.',
  },
  'stale-ref': {
    name: 'StaleRef', tags: ['handoff', 'git'],
    short: 'A branch or tag claim (SHA or push state) that is no longer true.',
    full: 'A claim about a branch or tag that the repository contradicts: a branch that does not contain the commit claimed for it, one gone along with its commit, or a branch said to be pushed whose commits are on no remote.',
  },
  'missing-file': {
    name: 'MissingFile', tags: ['handoff', 'files'],
    short: 'A file breadcrumb that resolves to no file.',
    full: 'A cited file that was there and went: deleted or renamed after the handoff (with the commit and where a rename went), or deleted in the work tree. Files the document says are planned, removed, renamed or elsewhere are not reported.',
  },
  'line-out-of-range': {
    name: 'LineOutOfRange', tags: ['handoff', 'files'],
    short: 'A file:line breadcrumb past the end of the file (measured where the line is now, after the changes since the handoff).',
    full: 'A file:line breadcrumb past the end of the file, measured where the cited line is now: a line that moved since the handoff was committed is drift, not a problem.',
  },
  'handoff-behind': {
    name: 'HandoffBehind', tags: ['handoff', 'freshness'],
    short: 'A handoff the checked-out branch is more than a set number of commits past (off by default).',
    full: 'A handoff the checked-out branch has more commits since than the configured limit (50 by default). Off unless turned on.',
  },
};

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
/** GitHub code scanning's own severity property for a rule. */
const PROBLEM_SEVERITY: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', information: 'recommendation', hint: 'recommendation' };

export function ruleHelpUri(code: RuleCode): string {
  return `${HOMEPAGE}#${code}`;
}

function sarifRule(id: RuleCode): unknown {
  const text = RULES[id];
  const configured = DEFAULT_SEVERITIES[id];
  const severity: Severity = configured === 'off' ? 'warning' : configured;
  return {
    id,
    name: text.name,
    shortDescription: { text: text.short },
    fullDescription: { text: text.full },
    helpUri: ruleHelpUri(id),
    help: { text: `${text.full} See ${ruleHelpUri(id)}`, markdown: `${text.full}\n\nSee [\`${id}\`](${ruleHelpUri(id)}) in the handoff-lint rules.` },
    defaultConfiguration: { enabled: configured !== 'off', level: LEVEL[severity] },
    properties: { tags: text.tags, precision: 'very-high', 'problem.severity': PROBLEM_SEVERITY[severity] },
  };
}

/** A 0-based range as SARIF's 1-based region. */
function region(r: Diagnostic['range']) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

function sarifResult(uri: string, d: Diagnostic, fingerprint: string | undefined, cwd: string): unknown {
  const related = (d.related ?? []).map((rel, id) => {
    const location: Record<string, unknown> = { id, message: { text: rel.message } };
    // A related path (where a file moved) is a location when it lies in the checked tree, named as the results are.
    const path = rel.path ? annotationPath(rel.path, cwd) : null;
    if (path && !path.startsWith('../') && !/^([a-zA-Z]:)?\//.test(path)) {
      location.physicalLocation = { artifactLocation: { uri: path }, ...(rel.range ? { region: region(rel.range) } : {}) };
    } else if (!rel.path && rel.range) {
      // A place in the same document (where a bare file name is written in full).
      location.physicalLocation = { artifactLocation: { uri }, region: region(rel.range) };
    }
    return location;
  });
  return {
    ruleId: d.code,
    ruleIndex: RULE_CODES.indexOf(d.code),
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation: { uri }, region: region(d.range) } }],
    ...(fingerprint ? { partialFingerprints: { 'handoffLint/v1': fingerprint } } : {}),
    ...(related.length ? { relatedLocations: related } : {}),
  };
}

/** `fingerprints` of a report are aligned with its diagnostics (baseline.ts, occurrenceFingerprints). */
export function sarifWriter(version: string, cwd: string): ReportWriter {
  const results: unknown[] = [];
  // A handoff that could not be read is a failed part of the run: SARIF's tool execution notifications say so.
  const unreadable: unknown[] = [];
  return {
    begin: () => '',
    add(r: DocumentReport) {
      const uri = annotationPath(r.path, cwd);
      r.diagnostics.forEach((d, i) => results.push(sarifResult(uri, d, r.fingerprints?.[i], cwd)));
      if (r.unreadable) {
        unreadable.push({ level: 'error', message: { text: r.notices.join('; ') }, locations: [{ physicalLocation: { artifactLocation: { uri } } }] });
      }
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
            semanticVersion: /^\d+\.\d+\.\d+/.test(version) ? version : undefined,
            informationUri: HOMEPAGE,
            rules: RULE_CODES.map(sarifRule),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
        ...(unreadable.length ? { invocations: [{ executionSuccessful: false, toolExecutionNotifications: unreadable }] } : {}),
      }],
    }, null, 2) + '\n',
  };
}
