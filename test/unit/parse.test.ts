// The parser: blocks with exact offsets, on clean Markdown, on BOM/CRLF/tab/non-ASCII text, and on hostile
// input that must neither throw nor take remark's super-linear paths.
import { strict as assert } from 'node:assert';
import { MAX_BLOCKS, parseDocument, SectionCache } from '../../src/core/parse/parseDocument';
import { positionAt } from '../../src/core/parse/lines';
import type { Block } from '../../src/core/parse/blocks';
import { isJsSpace } from '../../src/core/parse/tables';

const kinds = (blocks: Block[]) => blocks.map((b) => b.kind);
const content = (text: string, b: Block) => text.slice(b.contentStart, b.contentEnd);

describe('parseDocument', () => {
  it('reads headings, list items with checkboxes, tables, code, html and front matter', () => {
    const text = [
      '---', 'branch: main', '---', '# Title `abc1234`', '', '- [ ] open `a/b.ts:3`', '  - [x] nested', '1. [!] blocked',
      '', '| Commit | What |', '|---|---|', '| `x|y` | 2 |', '', '```bash', 'git log', '```', '', '<!-- 1a2b3c4 -->', '',
    ].join('\n');
    const { blocks } = parseDocument(text);
    assert.deepEqual(kinds(blocks), ['frontMatter', 'heading', 'listItem', 'listItem', 'listItem', 'tableRow', 'tableRow', 'code', 'html']);
    const [fm, h, open, nested, blocked, header, row, code] = blocks;
    assert.equal(content(text, fm), 'branch: main\n');
    assert.equal(content(text, h), 'Title `abc1234`');
    assert.equal(h.depth, 1);
    assert.equal(h.inlines[0].kind, 'code');
    assert.equal(text.slice(h.inlines[0].contentStart, h.inlines[0].contentEnd), 'abc1234');
    assert.equal(open.checkbox?.state, ' ');
    assert.equal(text.slice(open.checkbox!.start, open.checkbox!.end), '[ ]');
    assert.equal(content(text, open), 'open `a/b.ts:3`');
    assert.equal(nested.depth, 1);
    assert.equal(nested.checkbox?.state, 'x');
    assert.equal(blocked.ordered, true);
    assert.equal(blocked.checkbox?.state, '!');
    assert.deepEqual(header.header, ['Commit', 'What']);
    assert.equal(header.isHeaderRow, true);
    assert.deepEqual(row.cells!.map((c) => text.slice(c.start, c.end)), ['`x|y`', '2'], 'a pipe inside a code span does not split a cell');
    assert.equal(code.lang, 'bash');
  });

  it('gives link targets with their offsets', () => {
    const text = 'See [the spec](../specs/x.md#L10) and <https://example.com/a>.';
    const links = parseDocument(text).blocks[0].inlines.filter((n) => n.kind === 'link');
    assert.deepEqual(links.map((l) => text.slice(l.urlStart!, l.urlEnd!)), ['../specs/x.md#L10', 'https://example.com/a']);
    assert.equal(links[0].url, '../specs/x.md#L10');
  });

  it('keeps offsets exact with a BOM, CRLF, tabs and non-ASCII text', () => {
    const text = '\uFEFF# Über § — 🚀 tëst\r\n\r\n- [ ]\tSchritt `café/straße.ts:12` …\r\n';
    const parsed = parseDocument(text);
    assert.equal(parsed.text.charCodeAt(0), '#'.charCodeAt(0), 'the BOM is not part of the analysed text');
    const h = parsed.blocks[0];
    assert.equal(content(parsed.text, h), 'Über § — 🚀 tëst');
    const item = parsed.blocks[1];
    const code = item.inlines.find((n) => n.kind === 'code')!;
    assert.equal(parsed.text.slice(code.contentStart, code.contentEnd), 'café/straße.ts:12');
    assert.deepEqual(positionAt(parsed.lineStarts, code.contentStart), { line: 2, character: 15 });
  });

  it('splits a table off the paragraph lines above it', () => {
    const text = 'Commits:\n| SHA | What |\n| --- | --- |\n| 1a2b3c4 | fix |';
    const { blocks } = parseDocument(text);
    assert.deepEqual(kinds(blocks), ['paragraph', 'tableRow', 'tableRow']);
    assert.deepEqual(blocks[2].cells!.map((c) => text.slice(c.start, c.end)), ['1a2b3c4', 'fix']);
  });

  it("trims a table cell of exactly what JavaScript's `\\s` matches, read by character code", () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(isJsSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
    const text = '| a | b | c |\n|---|---|---|\n|\u3000x\u00a0| \u200by | \t`z`\u2028|\n';
    const row = parseDocument(text).blocks.filter((b) => b.kind === 'tableRow')[1]!;
    assert.deepEqual(row.cells!.map((c) => text.slice(c.start, c.end)), ['x', '\u200by', '`z`'], 'U+200B is no space; U+3000, U+00A0, U+2028 are');
  });

  it('does not read `text` followed by `---` as a table', () => {
    const { blocks } = parseDocument('a | b\n---\n');
    assert.ok(!blocks.some((b) => b.kind === 'tableRow'));
  });

  describe('hostile input', () => {
    const cases: Record<string, string> = {
      'a megabyte of [': '['.repeat(1_000_000),
      'a 1,000-deep list': Array.from({ length: 1000 }, (_, i) => `${' '.repeat(2 * i)}- item ${i}`).join('\n'),
      '20,000 nested >': `${'>'.repeat(20_000)} deep`,
      'a 10,000-deep one-line list': `${'- '.repeat(10_000)}x`,
      'unclosed fences and comments': '```\n'.repeat(5000) + '<!--\n'.repeat(5000),
      '5,000 `**` runs': '**a '.repeat(5000),
      'lone surrogates and control characters': '\uD800\u0000\u0007 # x \uDFFF\r\r\n- [ ]\u2028',
      'a 20,000-line paragraph': 'para\n'.repeat(20_000),
      'a 20,000-line blockquote': '> a\n'.repeat(20_000),
      'a code span across 20,000 lines': '`a/\n' + 'x\n'.repeat(20_000) + '`',
      '1,500 nested brackets': '['.repeat(1500) + ']'.repeat(1500),
    };
    for (const [name, text] of Object.entries(cases)) {
      it(`reads ${name} without throwing, with offsets inside the text`, () => {
        const parsed = parseDocument(text);
        for (const b of parsed.blocks) {
          assert.ok(b.start >= 0 && b.end <= parsed.text.length && b.start <= b.end, `${b.kind} ${b.start}-${b.end}`);
          assert.ok(b.contentStart >= b.start - 1 && b.contentEnd <= parsed.text.length);
        }
      });
    }

    it('reads a deep list with the line pass, keeping every item', () => {
      const text = Array.from({ length: 1000 }, (_, i) => `${' '.repeat(2 * i)}- [ ] item ${i}`).join('\n');
      const parsed = parseDocument(text);
      assert.equal(parsed.degraded, true);
      const items = parsed.blocks.filter((b) => b.kind === 'listItem');
      assert.equal(items.length, 1000);
      assert.ok(items.every((b) => b.checkbox?.state === ' '));
    });
  });

  it('reads a 30,000-row table by the line pass up to the block budget, every row read with its own cells and inlines', () => {
    const text = '| Commit | Link |\n|---|---|\n' + Array.from({ length: 30_000 }, (_, i) => `| \`${i}\` | [r${i}](f${i}.md) |`).join('\n');
    const parsed = parseDocument(text);
    assert.equal(parsed.degraded, true, 'a run this long is not given to remark');
    const rows = parsed.blocks.filter((b) => b.kind === 'tableRow' && !b.isHeaderRow);
    // A document is read for MAX_BLOCKS blocks at most (issue 12): the rows up to there, and it says how long it was.
    assert.equal(rows.length, MAX_BLOCKS - 2);
    assert.equal(parsed.fullLength, text.length);
    const last = rows[rows.length - 1];
    const n = rows.length - 1;
    assert.deepEqual(last.header, ['Commit', 'Link']);
    assert.deepEqual(last.inlines.map((i) => parsed.text.slice(i.start, i.end)), [`\`${n}\``, `[r${n}](f${n}.md)`]);
  });

  describe('section cache', () => {
    it('reuses unchanged sections and gives the same blocks as a fresh parse after an edit', () => {
      const cache = new SectionCache();
      const v1 = '# A\n\n- [ ] one\n\n## B\n\n| SHA | x |\n|---|---|\n| 1a2b3c4 | y |\n';
      parseDocument(v1, cache);
      const size = cache.size;
      const v2 = v1.replace('one', 'one!');
      const cached = parseDocument(v2, cache);
      assert.equal(cache.size, size + 1, 'only the edited section is parsed again');
      assert.deepEqual(cached.blocks, parseDocument(v2).blocks);
    });

    it('stays within its bound, evicting the least recently used section', () => {
      const cache = new SectionCache(3);
      const section = (n: string) => `# ${n}\n\ntext ${n}\n`;
      const doc = (names: string[]) => names.map(section).join('');
      parseDocument(doc(['a', 'b', 'c']), cache);
      parseDocument(doc(['a']), cache); // a is now the most recently used
      parseDocument(doc(['d']), cache); // evicts b, the least recently used
      assert.equal(cache.size, 3);
      assert.equal(cache.get(section('b')), undefined);
      for (const kept of ['a', 'c', 'd']) assert.ok(cache.get(section(kept)), `${kept} is still cached`);
    });
  });
});
