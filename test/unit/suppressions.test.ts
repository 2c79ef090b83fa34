// Suppression comments (`<!-- handoff-lint-disable… -->`), with markdownlint's inline-configuration semantics,
// read from the parsed document and applied by the shared rules: what they turn off never reaches Problems or the CLI.
import { strict as assert } from 'node:assert';
import { createLanguageService } from '../../src/core/service';
import { parseDocument } from '../../src/core/parse/parseDocument';
import { readDirectives, readSuppressions } from '../../src/core/suppressions';

/** The 1-based lines of the open steps the service reports for `text` (git off: unchecked-step only). */
async function reportedSteps(text: string): Promise<number[]> {
  const analysis = await createLanguageService().analyze({ path: '/w/HANDOFF.md', version: 1, text });
  return analysis.diagnostics.filter((d) => d.code === 'unchecked-step').map((d) => d.range.start.line + 1);
}

const steps = (n: number) => Array.from({ length: n }, (_, i) => `- [ ] step ${i + 1}`);

describe('suppression comments', () => {
  it('reports every open step when the document has no comment (the baseline for the tests below)', async () => {
    assert.deepEqual(await reportedSteps(['# Handoff', '', ...steps(3), ''].join('\n')), [3, 4, 5]);
  });

  it('disable-next-line hides the next line only, for the rule named or for every rule', async () => {
    const text = ['# Handoff', '', '- [ ] step 1', '<!-- handoff-lint-disable-next-line unchecked-step -->', '- [ ] step 2', '- [ ] step 3', ''].join('\n');
    assert.deepEqual(await reportedSteps(text), [3, 6]);
    assert.deepEqual(await reportedSteps(text.replace(' unchecked-step -->', ' -->')), [3, 6]);
  });

  it('disable-next-line naming another rule hides nothing of this one', async () => {
    const text = ['# Handoff', '', '<!-- handoff-lint-disable-next-line missing-file -->', '- [ ] step 1', ''].join('\n');
    assert.deepEqual(await reportedSteps(text), [4]);
  });

  it('disable … enable hides the lines between, and disable-line its own line', async () => {
    const text = [
      '# Handoff', '',
      '- [ ] step 1',
      '<!-- handoff-lint-disable unchecked-step -->',
      '- [ ] step 2',
      '- [ ] step 3',
      '<!-- handoff-lint-enable unchecked-step -->',
      '- [ ] step 4',
      '- [ ] step 5 <!-- handoff-lint-disable-line -->',
      '',
    ].join('\n');
    assert.deepEqual(await reportedSteps(text), [3, 8]);
  });

  it('an enable with no rule turns every rule back on; disable-file holds wherever it stands', async () => {
    const enableAll = ['# H', '', '<!-- handoff-lint-disable -->', '- [ ] a', '<!-- handoff-lint-enable -->', '- [ ] b', ''].join('\n');
    assert.deepEqual(await reportedSteps(enableAll), [6]);
    const fileWide = ['# H', '', '- [ ] a', '- [ ] b', '', '<!-- handoff-lint-disable-file unchecked-step -->', ''].join('\n');
    assert.deepEqual(await reportedSteps(fileWide), []);
  });

  it('capture and restore go back to the captured state', async () => {
    const text = [
      '# H', '',
      '<!-- handoff-lint-disable unchecked-step -->', '- [ ] a',
      '<!-- handoff-lint-capture -->', '<!-- handoff-lint-enable -->', '- [ ] b',
      '<!-- handoff-lint-restore -->', '- [ ] c', '',
    ].join('\n');
    assert.deepEqual(await reportedSteps(text), [7]);
  });

  it('names rules without case, separated by spaces or commas; an unknown name is reported and hides nothing', async () => {
    const text = ['# H', '', '<!-- handoff-lint-disable-next-line Missing-File,UNCHECKED-STEP -->', '- [ ] a', '<!-- handoff-lint-disable-next-line MD013 -->', '- [ ] b', ''].join('\n');
    const analysis = await createLanguageService().analyze({ path: '/w/HANDOFF.md', version: 1, text });
    assert.deepEqual(analysis.diagnostics.map((d) => d.range.start.line + 1), [6]);
    assert.ok(analysis.notices.some((n) => n.includes('line 5') && n.includes('"MD013"')), analysis.notices.join('\n'));
  });

  it('is no directive in a code block, a code span or another comment word', () => {
    const text = [
      '# H', '',
      '```md', '<!-- handoff-lint-disable -->', '```',
      'Write `<!-- handoff-lint-disable -->` to turn it off.',
      '<!-- handoff-lint-disabled -->',
      '<!-- not handoff-lint-disable -->',
      '',
    ].join('\n');
    assert.deepEqual(readDirectives(parseDocument(text)), []);
  });

  it('reads a comment inside a paragraph, a list item and a multi-line comment (next line after its end)', () => {
    const text = [
      '# H', '',
      'Some text <!-- handoff-lint-disable-line stale-ref --> here.',
      '- item <!-- handoff-lint-disable unknown-commit -->',
      '<!--',
      '  handoff-lint-disable-next-line missing-file',
      '-->',
      'next',
      '',
    ].join('\n');
    const s = readSuppressions(parseDocument(text));
    assert.deepEqual(s.directives.map((d) => [d.action, d.rules, d.line]), [
      ['disable-line', ['stale-ref'], 2],
      ['disable', ['unknown-commit'], 3],
      ['disable-next-line', ['missing-file'], 4],
    ]);
    assert.equal(s.isSuppressed('stale-ref', 2), true);
    assert.equal(s.isSuppressed('stale-ref', 3), false);
    assert.equal(s.isSuppressed('unknown-commit', 2), false);
    assert.equal(s.isSuppressed('unknown-commit', 3), true, 'the state after a line\'s comments holds for the whole line');
    assert.equal(s.isSuppressed('unknown-commit', 9), true);
    assert.equal(s.isSuppressed('missing-file', 7), true, 'the line after the comment\'s end');
    assert.equal(s.isSuppressed('missing-file', 5), false);
  });

  it('a comment spanning lines: disable-next-line holds for the line after its end', () => {
    const text = ['# H', '', '<!-- handoff-lint-disable-next-line', 'missing-file -->', 'next', ''].join('\n');
    const s = readSuppressions(parseDocument(text));
    assert.equal(s.directives.length, 1);
    assert.equal(s.isSuppressed('missing-file', 4), true);
    assert.equal(s.isSuppressed('missing-file', 3), false);
  });

  it('keeps the diagnostics of other rules on a suppressed line', () => {
    const s = readSuppressions(parseDocument(['<!-- handoff-lint-disable-next-line missing-file -->', 'x', ''].join('\n')));
    assert.equal(s.isSuppressed('missing-file', 1), true);
    assert.equal(s.isSuppressed('unknown-commit', 1), false);
  });
});
