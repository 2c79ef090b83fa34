/**
 * Steps kept in front matter. Cursor's plan files carry their to-do list there, not in the body:
 *
 *     todos:
 *       - id: cache-key
 *         content: Key the cache by tenant and locale
 *         status: completed
 *
 * Each entry with a `content:` is a step (`todo`), its state from `status:` (pending, in_progress, completed,
 * cancelled; a team's own `dnf`, `dropped`… are given up too). The range is the content's value as written, so a
 * click lands on it. One pass over the lines.
 */
import type { StepState } from '../model';
import type { ParsedText } from '../parse/blocks';
import { linesIn } from '../parse/tables';
import type { FoundStep } from './types';
import { collapseSpaces } from './spaces';

const STATES: Readonly<Record<string, StepState>> = {
  pending: 'open', todo: 'open', open: 'open', in_progress: 'in-progress', 'in-progress': 'in-progress', active: 'in-progress',
  completed: 'done', complete: 'done', done: 'done', cancelled: 'superseded', canceled: 'superseded', blocked: 'blocked',
  // Given up on, in the words a team adds to Cursor's four: `dnf` (did not finish), dropped, skipped, superseded.
  dnf: 'superseded', dropped: 'superseded', skipped: 'superseded', abandoned: 'superseded', superseded: 'superseded', wontfix: 'superseded',
};
const TODOS_KEY = /^todos\s*:\s*$/;
const ENTRY_START = /^(\s*)-\s+/;
const FIELD = /^\s*(?:-\s+)?(content|status)\s*:\s*(.*?)\s*$/;

export function frontMatterTodos(parsed: ParsedText): FoundStep[] {
  const { text, blocks } = parsed;
  const fm = blocks.find((b) => b.kind === 'frontMatter');
  if (!fm) return [];
  const out: FoundStep[] = [];
  let inTodos = false;
  let current: { start: number; end: number; text: string; state: StepState } | null = null;
  const flush = () => {
    if (current && current.text) out.push({ start: current.start, end: current.end, text: current.text, state: current.state, kind: 'todo', marker: null });
    current = null;
  };
  for (const line of linesIn(text, fm.contentStart, fm.contentEnd)) {
    const s = text.slice(line.start, line.end);
    if (!/^\s/.test(s) && !s.startsWith('-')) {
      flush();
      inTodos = TODOS_KEY.test(s);
      continue;
    }
    if (!inTodos) continue;
    if (ENTRY_START.test(s)) flush();
    const field = FIELD.exec(s);
    if (!field) continue;
    current ??= { start: line.start, end: line.start, text: '', state: 'open' };
    if (field[1] === 'status') {
      current.state = STATES[unquote(field[2]).toLowerCase()] ?? 'open';
      continue;
    }
    const valueAt = line.start + s.lastIndexOf(field[2]);
    const quoted = /^(['"]).*\1$/.test(field[2]);
    current.start = quoted ? valueAt + 1 : valueAt;
    current.end = quoted ? valueAt + field[2].length - 1 : valueAt + field[2].length;
    current.text = collapseSpaces(unquote(field[2])).trim();
  }
  flush();
  return out;
}

function unquote(v: string): string {
  return v.replace(/^(['"])(.*)\1$/, '$2');
}
