/**
 * `--format github`: GitHub Actions workflow commands, one per diagnostic, so that each finding appears as an
 * annotation on the pull request's diff:
 *
 *   ::warning file=docs/HANDOFF.md,line=12,col=3,endLine=12,endColumn=10,title=handoff-lint (missing-file)::src/x.ts …
 *
 * Escaped as GitHub's own toolkit does (`@actions/core`): in the message `%` → `%25`, CR → `%0D`, LF → `%0A`; in a
 * property value also `:` → `%3A` and `,` → `%2C`. Whatever other control character a document holds is then
 * written as an escape (`\x1b`), so the log shows text, never a terminal sequence. Notices and the summary are
 * plain log lines that never start with `::` (they name the file first), so no document text becomes a command.
 */
import { relative, isAbsolute } from 'node:path';
import type { Diagnostic, Severity } from '../core/model';
import { escapeControls, hintsSummary, plural, type ReportWriter } from './format';

const COMMAND: Readonly<Record<Severity, 'error' | 'warning' | 'notice'>> = {
  error: 'error', warning: 'warning', information: 'notice', hint: 'notice',
};

/** A workflow command's message (after `::`). */
export function escapeData(s: string): string {
  return escapeControls(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** A workflow command's property value (`file=…`, `title=…`). */
export function escapeProperty(s: string): string {
  return escapeControls(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C'));
}

/**
 * The path GitHub wants: relative to the repository's root, which in a workflow is the working directory
 * (`$GITHUB_WORKSPACE`, where `actions/checkout` puts it), with `/` separators and no leading `./`. A path as given
 * on the command line stays as given.
 */
export function annotationPath(path: string, cwd: string): string {
  // A file outside the working directory keeps its absolute path: `../../x` would name nothing in the repository.
  const rel = isAbsolute(path) && !relative(cwd, path).startsWith('..') ? relative(cwd, path) : path;
  return rel.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

export function workflowCommand(path: string, d: Diagnostic): string {
  const properties = [
    ['file', path],
    ['line', String(d.range.start.line + 1)],
    ['col', String(d.range.start.character + 1)],
    ['endLine', String(d.range.end.line + 1)],
    ['endColumn', String(d.range.end.character + 1)],
    ['title', `handoff-lint (${d.code})`],
  ].map(([k, v]) => `${k}=${escapeProperty(v)}`).join(',');
  return `::${COMMAND[d.severity]} ${properties}::${escapeData(d.message)}\n`;
}

/** `listHints`: hints become notices too; by default they are counted in the summary only (format.ts). */
export function githubWriter(cwd: string, listHints = false): ReportWriter {
  const counts = { error: 0, warning: 0, notice: 0 };
  let hints = 0;
  let documents = 0;
  return {
    begin: () => '',
    add(r) {
      documents++;
      const path = annotationPath(r.path, cwd);
      const lines: string[] = [];
      // A notice about the whole run (git skipped, a part not read) is for the log, not the diff.
      for (const n of r.notices) lines.push(`${escapeControls(path)}: note: ${escapeControls(n)}\n`);
      for (const d of r.diagnostics) {
        if (d.severity === 'hint') {
          hints++;
          if (!listHints) continue;
        }
        counts[COMMAND[d.severity]]++;
        lines.push(workflowCommand(path, d));
      }
      return lines.join('');
    },
    end() {
      return `handoff-lint: ${plural(documents, 'handoff')} checked: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.notice, 'notice')}${listHints ? '' : hintsSummary(hints, false)}\n`;
    },
  };
}
