/**
 * The field studies' one way of running the CLI under study and reading its report: `handoff-lint --format json`
 * in a clone, and its diagnostics as rows to judge.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { clean, textAt, type TextRange } from './judgements';
import type { Shown } from './report';

const run = promisify(execFile);

/** A document of `handoff-lint --format json`, as far as the studies read it. */
export interface JsonDocument {
  path: string;
  diagnostics: Array<{ code: string; severity: string; message: string; range: TextRange }>;
  notices: string[];
}

/**
 * The report's documents (paths without a leading `./`) and the exit status: 1 when problems were found, 2 when a
 * file could not be read (reported inside the report). Throws when there is no report at all.
 */
export async function lintJson(cli: string, cwd: string, args: readonly string[], timeoutMs = 600_000): Promise<{ documents: JsonDocument[]; code: number }> {
  let stdout: string;
  let code = 0;
  try {
    ({ stdout } = await run('node', [cli, '--format', 'json', ...args], { cwd, maxBuffer: 1 << 28, timeout: timeoutMs }));
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    if (!err.stdout) throw new Error(err.stderr || String(e));
    stdout = err.stdout;
    code = typeof err.code === 'number' ? err.code : 2;
  }
  const documents = (JSON.parse(stdout) as { documents: JsonDocument[] }).documents.map((d) => ({ ...d, path: d.path.replace(/^\.\//, '') }));
  return { documents, code };
}

/** A document's diagnostics as rows to judge: where, the text under each, and its line for context. */
export function shownOf(scenario: string, file: string, text: string, doc: Pick<JsonDocument, 'diagnostics'>): Shown[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  return doc.diagnostics.map((g) => ({
    scenario, file, code: g.code, severity: g.severity, line: g.range.start.line + 1,
    token: clean(textAt(text, g.range)), message: g.message, context: (lines[g.range.start.line] ?? '').trim().slice(0, 240),
  }));
}
