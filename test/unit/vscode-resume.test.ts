// Resume and New Handoff, the pure side of the adapter: which steps are walked (what unchecked-step reports), how a
// step is found again, what it names, how Done ticks it in the document's own style; the command's arguments and
// where the file goes; the settings at the edge.
import { strict as assert } from 'node:assert';
import { createLanguageService } from '../../src/core/service';
import { runRules } from '../../src/core/rules';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { localDate, parseNewHandoffArgs, targetPath } from '../../src/vscode/newHandoff/plan';
import { findStep, namedIn, nextStep, numberedDoneStyle, openSteps, stepKey, tickChanges, type TextChange } from '../../src/vscode/resume/steps';
import { readExtensionSettings } from '../../src/vscode/settings';

const modelOf = (text: string) => createLanguageService().getModel({ path: '/r/HANDOFF.md', version: 0, text });

/** Applies changes given against the original text (as a WorkspaceEdit does). */
function apply(text: string, changes: readonly TextChange[]): string {
  const lines = text.split('\n');
  const sorted = [...changes].sort((a, b) => b.line - a.line || b.character - a.character);
  for (const c of sorted) {
    const l = lines[c.line]!;
    lines[c.line] = l.slice(0, c.character) + c.text + l.slice(c.character + c.length);
  }
  return lines.join('\n');
}

function tick(text: string, which: string): string {
  const model = modelOf(text);
  const step = model.steps.find((s) => s.text.includes(which))!;
  const lines = text.split('\n');
  const changes = tickChanges(step, model.steps, (l) => lines[l] ?? '');
  assert.ok(changes, `no change for ${which}`);
  const after = apply(text, changes);
  assert.equal(modelOf(after).steps.find((s) => s.text.includes(which))?.state, 'done', `${which} is done after the tick:\n${after}`);
  return after;
}

const DOC = `# Handoff

## Next steps

- [ ] Wire \`src/widget.ts:5\` into \`src/app.ts:30\` (see commit 1a2b3c4).
- [x] Already done
- [!] Blocked on review
- [ ] Same text
- [ ] Same text

## Acceptance criteria

- [ ] Not work

## Archive

- [ ] Old
`;

describe('resume: the walk', () => {
  it('walks exactly the steps unchecked-step reports, in order, none when superseded', () => {
    const model = modelOf(DOC);
    const reported = runRules(model, null, DEFAULT_SETTINGS).filter((d) => d.code === 'unchecked-step').map((d) => d.range.start.line);
    assert.deepEqual(openSteps({ model, supersededBy: null }).map((s) => s.range.start.line), reported);
    assert.equal(reported.length, 4);
    assert.deepEqual(openSteps({ model, supersededBy: '/r/NEWER.md' }), []);
  });

  it('moves past handled steps, counting them, and ends when none is left', () => {
    const model = modelOf(DOC);
    const input = { model, supersededBy: null };
    const handled = new Set<string>();
    const seen: string[] = [];
    for (let n = nextStep(input, handled); n; n = nextStep(input, handled)) {
      seen.push(`${n.position}/${n.total} ${n.step.text}`);
      handled.add(n.key);
    }
    assert.deepEqual(seen, ['1/4 Wire `src/widget.ts:5` into `src/app.ts:30` (see commit 1a2b3c4).', '2/4 Blocked on review', '3/4 Same text', '4/4 Same text']);
  });

  it('knows a step again by its text and place among equals, after lines are added above it', () => {
    const model = modelOf(DOC);
    const second = model.steps.filter((s) => s.text === 'Same text')[1]!;
    const key = stepKey(second, model.steps);
    const moved = modelOf(DOC.replace('## Next steps\n', '## Next steps\n\nSome new words.\n'));
    assert.equal(findStep(moved, key)?.range.start.line, second.range.start.line + 2);
    assert.equal(findStep(modelOf(DOC.replace(/Same text/g, 'Other')), key), undefined);
  });

  it('lists the files and commits a step names', () => {
    const model = modelOf(DOC);
    const named = namedIn(model, model.steps[0]!);
    assert.deepEqual(named.files.map((f) => `${f.path}:${f.line}`), ['src/widget.ts:5', 'src/app.ts:30']);
    assert.deepEqual(named.commits.map((c) => c.sha), ['1a2b3c4']);
    assert.deepEqual(namedIn(model, model.steps[2]!), { files: [], commits: [] });
  });
});

describe('resume: Done in the document\'s style', () => {
  it('ticks a box, whatever its open marker, and keeps the case the document uses', () => {
    let text = tick(DOC, 'Wire');
    assert.match(text, /^- \[x\] Wire/m);
    text = tick(text, 'Blocked');
    assert.match(text, /^- \[x\] Blocked on review$/m);
    const upper = tick('# H\n\n- [X] Done before\n- [~] Half\n', 'Half');
    assert.match(upper, /^- \[X\] Half$/m);
  });

  it('marks a numbered step the way the document marks its done ones, ✅ after it when none is', () => {
    const next = (done: string) => `# H\n\n## Next steps\n\n1. ${done}\n2. Ship the exporter\n`;
    assert.match(tick('# H\n\n## Next steps\n\n1. Ship the exporter\n', 'Ship'), /^1\. Ship the exporter ✅$/m);
    assert.match(tick(next('✅ Review the parser'), 'Ship'), /^2\. ✅ Ship the exporter$/m);
    assert.match(tick(next('Review the parser ✅'), 'Ship'), /^2\. Ship the exporter ✅$/m);
    assert.match(tick(next('~~Review the parser~~'), 'Ship'), /^2\. ~~Ship the exporter~~$/m);
    assert.match(tick(next('Review the parser (done)'), 'Ship'), /^2\. Ship the exporter \(done\)$/m);
    assert.match(tick(next('Review the parser — DONE'), 'Ship'), /^2\. Ship the exporter — DONE$/m);
  });

  it('changes nothing when the text at the step is not what the model said', () => {
    const model = modelOf(DOC);
    const lines = DOC.split('\n');
    lines[model.steps[0]!.range.start.line] = 'something else entirely';
    assert.equal(tickChanges(model.steps[0]!, model.steps, (l) => lines[l] ?? ''), null);
    const numbered = modelOf('# H\n\n## Next steps\n\n1. Ship\n');
    assert.equal(tickChanges(numbered.steps[0]!, numbered.steps, () => 'Ship'), null);
    assert.equal(numberedDoneStyle(numbered.steps, () => ''), 'check-after');
  });
});

describe('new handoff: the command\'s plan and settings', () => {
  it('takes documented arguments only, and places the file by the folder setting', () => {
    assert.deepEqual(parseNewHandoffArgs({ slug: 'x', plain: true }), { slug: 'x', plain: true });
    assert.deepEqual(parseNewHandoffArgs({ slug: 3 }), {});
    assert.deepEqual(parseNewHandoffArgs(undefined), {});
    assert.equal(targetPath('docs/handoffs', '2026-05-19', 'parser-work'), 'docs/handoffs/2026-05-19-parser-work.md');
    assert.equal(targetPath('./notes//handoffs/', '2026-05-19', 'x'), 'notes/handoffs/2026-05-19-x.md');
    assert.equal(targetPath('.', '2026-05-19', 'x'), '2026-05-19-x.md');
    assert.equal(localDate(new Date(2026, 4, 9, 23, 30)), '2026-05-09');
  });

  it('keeps New Handoff inside the workspace folder: relative paths without ".." only', () => {
    const read = (values: Record<string, unknown>) => readExtensionSettings({ get: (k) => values[k] });
    assert.deepEqual(read({}).settings.newHandoff, { folder: 'docs/handoffs', template: null });
    assert.deepEqual(read({ 'newHandoff.folder': 'notes', 'newHandoff.template': '.handoff/template.md' }).settings.newHandoff, { folder: 'notes', template: '.handoff/template.md' });
    for (const bad of ['../outside', '/etc', 'C:\\x', 'a/../../b', '']) {
      const r = read({ 'newHandoff.folder': bad, 'newHandoff.template': bad || 3 });
      assert.deepEqual(r.settings.newHandoff, { folder: 'docs/handoffs', template: null }, bad);
      assert.equal(r.problems.length, 2, bad);
    }
  });
});
