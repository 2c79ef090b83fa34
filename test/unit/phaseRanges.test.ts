// A phase's section contains its heading, whatever the text ends with: `# ` alone, a heading ending in a vertical
// tab or other whitespace the section trim would otherwise cut into (issue 12, item 8).
import { strict as assert } from 'node:assert';
import { buildModel } from '../../src/core/buildModel';
import type { Phase } from '../../src/core/model';
import { parseDocument } from '../../src/core/parse/parseDocument';
import { flatPhases, rangeContains } from './support/ranges';

function phasesOf(text: string): Phase[] {
  return flatPhases(buildModel(parseDocument(text), { path: '' }).model.phases);
}

describe('phase ranges', () => {
  it('a section range contains its heading range at the very end of a text', () => {
    for (const text of ['# ', '#', '# \n', 'M\v', 'M\v\n', '# a\v', '## x\n\n# ', 'Phase 1: Setup\v', '## Wave 2 \t\f', '# a\n\n## b\u00a0']) {
      const phases = phasesOf(text);
      assert.ok(phases.length > 0, `no phase in ${JSON.stringify(text)}`);
      for (const p of phases) assert.ok(rangeContains(p.sectionRange, p.range), `${JSON.stringify(text)}: ${JSON.stringify(p.range)} outside ${JSON.stringify(p.sectionRange)}`);
    }
  });

  it('a lazy line under a nested list item becomes one heading, not one per item, and its section holds it', () => {
    const phases = phasesOf('* a\n    * b `x`\nDONE with it\n            * [~] later\n\n');
    assert.deepEqual(phases.map((p) => p.label), ['DONE with it']);
    assert.ok(rangeContains(phases[0]!.sectionRange, phases[0]!.range));
  });

  it('still trims trailing blank lines off a section', () => {
    const [p] = phasesOf('# Title\n\ntext\n\n\n');
    assert.deepEqual(p!.sectionRange, { start: { line: 0, character: 0 }, end: { line: 2, character: 4 } });
  });
});
