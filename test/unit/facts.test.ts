// Document facts the dialects need: a date from a timestamp (GSD's `last_updated: "2026-05-09T16:40:12Z"`,
// HumanLayer's `date: 2026-05-09T14:02:11-07:00`), a GSD summary's `completed:` date, and one level of nested
// front matter (`progress:` / `  percent: 20` → `progress.percent`).
import { strict as assert } from 'node:assert';
import { modelOf } from './support/fixtures';

const fm = (...lines: string[]) => `---\n${lines.join('\n')}\n---\n\n# Doc\n`;

describe('document facts: dialect front matter', () => {
  it('takes the date from a timestamp, and from a GSD summary\'s completed date', () => {
    assert.equal(modelOf(fm('last_updated: "2026-05-09T16:40:12.000Z"')).date, '2026-05-09');
    assert.equal(modelOf(fm('date: 2026-05-09T14:02:11-07:00')).date, '2026-05-09');
    assert.equal(modelOf(fm('phase: 03-ledger-import', 'completed: 2026-05-08')).date, '2026-05-08');
    assert.equal(modelOf('# X\n', 'docs/SESSION-HANDOFF-2026-05-19-topic.md').date, '2026-05-19');
  });

  it('keeps one level of nested keys as parent.key, and not the entries of a list', () => {
    const m = modelOf(fm('status: executing', 'progress:', '  total_plans: 5', '  percent: 20', 'todos:', '  - id: a', '    content: b', 'after: x'));
    assert.deepEqual(m.frontMatter, { status: 'executing', 'progress.total_plans': '5', 'progress.percent': '20', after: 'x' });
  });
});
