// The editor's section cache keeps parsed sections across edits (src/core/parse/parseDocument.ts). Its keys and the
// strings of its blocks are copies of their own: kept as slices of the text they were read from, every entry would
// keep a whole version of its document alive — one per edit.
import { strict as assert } from 'node:assert';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseDocument, SectionCache } from '../../src/core/parse/parseDocument';

describe('the section cache across edits', () => {
  it('keeps no earlier version of a document alive, and reads each version as a fresh parse does', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // 100 sections: lists, a table with its header, a fenced block with a language, links; one section edited per version.
    const sections = Array.from({ length: 100 }, (_, i) => `## Section ${i}\n\n${'- a step with [a link](https://example.com/some/long/path) in it\n'.repeat(20)}\n` +
      `| Column header one | Column header two |\n|---|---|\n| a | b |\n\n\`\`\`typescript-long-language\ncode\n\`\`\`\n\n`);
    const cache = new SectionCache();
    gc();
    const before = process.memoryUsage().heapUsed;
    let text = '';
    for (let v = 0; v < 300; v++) {
      sections[v % 100] += `- edit ${v}\n`;
      text = `# Handoff\n\n${sections.join('')}`;
      const parsed = parseDocument(text, cache);
      if (v % 50 === 49) assert.deepEqual(parsed, parseDocument(text), `version ${v}`);
    }
    gc();
    const held = process.memoryUsage().heapUsed - before;
    // 300 versions of a ~190 KB text would be ~57 MB; the cache's own blocks and copies are a few MB.
    assert.ok(held < 12 * (1 << 20), `${(held / (1 << 20)).toFixed(1)} MB held for ${cache.size} sections of ${(text.length / 1024).toFixed(0)} KB versions`);
  });
});
