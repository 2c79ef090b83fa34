// Every block parseDocument returns has the same fields in the same order, and so does every inline, whichever
// reader made it (simple reader, remark, the line pass), whether it came from the section cache moved, was an
// inferred heading or was clipped at the block budget: V8 then gives them one hidden class, and the extractors'
// loads stay monomorphic (see makeBlock in src/core/parse/blocks.ts).
import { strict as assert } from 'node:assert';
import { parseDocument, SectionCache } from '../../src/core/parse/parseDocument';
import type { ParsedText } from '../../src/core/parse/blocks';

const DOC = [
  '---', 'title: x', '---', '# Handoff', '', 'Intro with `code`, a [link](docs/a.md) and **bold**.', '',
  '## Phase 1', '', '- [x] done `src/a.ts:3`', '- plain item', '1. ordered', '', '| Commit | What |', '|---|---|',
  '| abc1234 | feat |', '', '```bash', 'git log', '```', '', '<!-- note -->', '', '**Wave 2**', '',
  'Setext heading (remark reads it)', '===', '', '> quoted `x`', '',
  '## Phase 2', '', '- [ ] open <https://example.com>', '',
].join('\n');

function shapes(parsed: ParsedText): { blocks: Set<string>; inlines: Set<string>; kinds: Set<string> } {
  const blocks = new Set<string>();
  const inlines = new Set<string>();
  const kinds = new Set<string>();
  for (const b of parsed.blocks) {
    blocks.add(Object.keys(b).join(','));
    kinds.add(b.kind);
    for (const n of b.inlines) inlines.add(Object.keys(n).join(','));
  }
  return { blocks, inlines, kinds };
}

describe('parsed blocks have one shape', () => {
  it('whichever reader made them, cached and moved or not', () => {
    const cache = new SectionCache();
    const first = shapes(parseDocument(DOC, cache));
    // The same sections again, moved down by a new first line: blocks from the cache, shifted.
    const moved = shapes(parseDocument(`Preface line.\n\n${DOC}`, cache));
    for (const s of [first, moved]) {
      assert.ok(s.kinds.size >= 6, `kinds: ${[...s.kinds]}`);
      assert.equal(s.blocks.size, 1, [...s.blocks].join('\n'));
      assert.equal(s.inlines.size, 1, [...s.inlines].join('\n'));
    }
    assert.deepEqual(moved.blocks, first.blocks);
  });

  it('in a text that lost its Markdown markers, and in one cut at the block budget', () => {
    const plain = shapes(parseDocument('Handoff\n\nPhase 1: Foundation\n\n- did things\n\n# comment from a lost fence\n'));
    assert.equal(plain.blocks.size, 1, [...plain.blocks].join('\n'));
    const many = shapes(parseDocument(Array.from({ length: 12_000 }, (_, i) => (i % 2 ? `- [ ] step ${i} \`a${i}.ts\`` : `Note ${i} on \`b${i}\`.\n`)).join('\n')));
    assert.equal(many.blocks.size, 1, [...many.blocks].join('\n'));
    assert.equal(many.inlines.size, 1);
  });
});
