/**
 * The simple reader (src/core/parse/simpleBlocks.ts) against the reference: for every section it agrees to
 * read, its blocks must equal what remark-parse + mdastToBlocks make of the same text, offset for offset.
 * Checked on the project's fixtures, on hand-written cases of each construct, on deterministic mutations,
 * and on the shared corpus when it is beside the checkout.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import type { Block } from '../../src/core/parse/blocks';
import { computeLineStarts } from '../../src/core/parse/lines';
import { mdastToBlocks } from '../../src/core/parse/mdastToBlocks';
import { parseDocument, SectionCache } from '../../src/core/parse/parseDocument';
import { preScan } from '../../src/core/parse/sections';
import { simpleBlocks } from '../../src/core/parse/simpleBlocks';
import { fixture, fixtureNames, requireShared, SHARED } from './support/fixtures';

const remark = unified().use(remarkParse);

function remarkBlocks(text: string): Block[] {
  const out: Block[] = [];
  mdastToBlocks(text, 0, remark.parse(text) as Root, out);
  return out;
}

interface Tally {
  sections: number;
  simple: number;
  chars: number;
  simpleChars: number;
  mismatches: string[];
}

/** Compares the two readers on every section of `texts`. */
function tally(texts: Iterable<[string, string]>): Tally {
  const t: Tally = { sections: 0, simple: 0, chars: 0, simpleChars: 0, mismatches: [] };
  for (const [name, text] of texts) {
    for (const s of preScan(text, computeLineStarts(text)).sections) {
      const section = text.slice(s.start, s.end);
      t.sections++;
      t.chars += section.length;
      const fast = simpleBlocks(section, 0, section.length);
      if (!Array.isArray(fast)) continue;
      t.simple++;
      t.simpleChars += section.length;
      const reference = remarkBlocks(section);
      if (!isDeepStrictEqual(fast, reference)) t.mismatches.push(mismatch(name, s.start, section, fast, reference));
    }
  }
  return t;
}

function mismatch(name: string, at: number, section: string, fast: Block[], reference: Block[]): string {
  const i = fast.findIndex((b, k) => !isDeepStrictEqual(b, reference[k]));
  const index = i < 0 ? fast.length : i;
  const show = (b?: Block) => (b ? JSON.stringify({ ...b, text: section.slice(b.start, b.end).slice(0, 120) }) : 'none');
  return `${name} @${at}, block ${index}:\n  simple ${show(fast[index])}\n  remark ${show(reference[index])}`;
}

/** mulberry32: a small seeded generator, so the mutations are the same on every run. */
function prng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Agrees with remark on `text` (and really reads it: a decline would prove nothing). */
function agrees(text: string): void {
  const fast = simpleBlocks(text, 0, text.length);
  assert.ok(Array.isArray(fast), `the simple reader declined:\n${text}`);
  assert.deepEqual(fast, remarkBlocks(text), text);
}

describe('simple reader', () => {
  it("reads the project's fixtures exactly as remark does", () => {
    const t = tally(fixtureNames().map((n) => [n, fixture(n)]));
    assert.deepEqual(t.mismatches, []);
    assert.ok(t.simpleChars / t.chars > 0.9, `read only ${t.simple} of ${t.sections} sections`);
  });

  it('reads each construct it models exactly as remark does', () => {
    const cases = [
      '## Phase 5 — wire the CLI (commit `af65598`) ##  \n\nText with **bold**, *em*, __strong__ and `code`.\n',
      '- [ ] step one\n- [x] step two\n- [-] skipped\n  - [!] blocked, nested\n    - [>] deferred, deeper\n',
      '1. First\n2. Second\n   continued\nlazy line\n3) other delimiter\n\n10. ten\n',
      'para\n2. not a list (a 2 cannot interrupt)\n\npara\n- a list can\n',
      '- item\n\n  second paragraph of the item\n\n    deeper text (indented less than code)\n- next\n\n---\n\n- new list after a rule\n',
      '* a\n+ b\n- c\n\n1. x\n1) y\n',
      '- Run:\n  ```bash\n  npm test\n  ```\n- Then\n   ~~~\n   code\n   ~~~\n',
      '```ts title\nconst a = 1;\n```  \n\n```\n\n```\n',
      '| Branch | SHA | State |\n|---|---|---|\n| main | `ad1fd24` | **Unchanged** |\n| dev | [x](a/b.md) | a \\| b |\n',
      'Before\n| a | b |\n|---|---|\n| 1 | 2 |\n',
      'Links: [a](src/a.ts), [b (c)](x/(y).md), [](empty), [c]() and ![img `code`](i.png) and [`code` **b**](t.md).\n',
      'Nested [a [b](c) d](e) and ![x [y](z)](w) and [no link] and [ref][x] and [a]\n(b) on two lines\n',
      '`` a ` b `` and ` `` ` and `unclosed and ```three``` and \\`escaped` code`\n',
      '***both*** **a *b* c** *a **b** c* **x**y**z** _a_b_ __a__b snake_case_name *\\*escaped\\**\n',
      'a**b**c a__b__c **open\n**close** "**quoted**" (**paren**) **😀** x**😀**y\n',
      'CRLF lines\r\n- item\r\n  more\r\n\r\n| a |\r\n|---|\r\n',
      '  indented paragraph\n   - indented item\n     more\n',
      '- a\n - b (a sibling: less than the content indent)\n  - c (nested)\n',
      '***\n___\n- - -\n* * *\n',
      '> quoted **text**\n> on two lines\nand a lazy one\n\n> - [ ] a step in a quote\n>   more\n>\n> > nested `quote`\n',
      '- item\n  > a quote inside it\n  > \n\n  back in the item\n>no space after the marker\n>**bold** at a quoted line start\n',
      '> ```sh\n> npm test\n> ```\n> | a | b |\n> |---|---|\n> | 1 | 2 |\n',
      'para\n<!-- a note for the next session -->\n  <!-- over\n  two lines --> and after\n\n- item\n  <!-- in it -->\n',
      'Run `git push origin <branch>` then git push origin <branch> --force-with-lease; <b class="x" hidden>b</b>\n',
      'Links <https://example.com/a?b=c>, <mailto:a@b.c>, <dev@example.com>, not <a b>, <!-- c -->, <?php ?>, <!DOCTYPE x>\n',
      '| Arg | Type |\n|---|---|\n| `detail` | <string> |\n| [<http://x.y>](z) | ![<i>alt</i>](p.png) |\n',
      // Setext headings at the margin: "text\n---" meant as a rule is a heading to remark too.
      'Setext\n======\n', 'Title  \n---  \nafter', 'Two  \n**lines** `c`  \n===\n\npara\n', '  Indented\n   ===\n', 'a\n-\n', 'T\\\n---\n',
      'para\n\n| a | b |\n---\n', 'x\n- - -\n', 'para\n\n---\n', '- item\n\nSetext after a list\n---\n- next\n',
      // HTML blocks that end at a blank line, at the margin (GSD's plans): block tags, and any tag alone on its line.
      '<details>\n<summary>x</summary>\n</details>\n', '<div>\nan HTML block\n</div>\n', 'para\n<div class="x">\ninterrupts\n\nafter\n',
      '<task type="auto">\n  <name>Task 1: the parser</name>\n  <files>src/a.ts</files>\n\n  <action>\nDo `x`.\n  </action>\n</task>\n',
      'para\n<task>\nstays the paragraph\n', '<a href=foo/bar>\nnot whole\n', '<a b=c=d>\nwhole\n', '<x y="1"z>\n', '  <objective>\n**Goal**: x\n\n# not\n',
      '</verify>\n- item\n', '<div/>\n<div/ >\n', '<br>\n<img src="a.png" />\n\n<span>inline</span> text\n', '<Foo-Bar data-x=\'1\' :a _b>\n',
      // Indented code at the margin: over blank lines, to its last indented line.
      'para\n\n    indented code\n', 'para\n\n    code\n      more  \n\n  \n    again\n\nafter\n', '    x\n\n\n', '      deep\n    less\n  back\n',
      '<action>\n  Step 1\n\n    Step 2: indented\n    ```bash\n    cd x\n    ```\n\n</action>\n',
      '- item\n\n<objective>\nafter a list\n', '> quote\n<div>\nafter a quote\n', '- item\n  lead\n<div>\nends the item\n',
      // ATX headings inside a quote or an item: they end the paragraph, not the container.
      '> ## Status update (2026-05-31)\n>\n> **Historical.** See below.\n> ### Sub #\n> text\n',
      '- item\n  # heading inside it\n  more text\n- next\n', '> - a\n>   ## h\n> b\n', '> #\n> # \n>    ###   x   ##  \n', '1. one\n   ## two `c`\n\n   three\n',
      '> - item\n> # ends the item, not the quote\n', '> para\n- item\n  ## after the quote ended\n',
    ];
    for (const c of cases) agrees(c);
  });

  it('declines what it does not model, so remark reads it', () => {
    const declined = [
      'para\n> 2) an ordered item in a quote that interrupts a paragraph\n',
      '> para\n2. after a quote\n',
      '<script>\nx\n</script>\n', '<pre>\ncode\n</pre>\n', '<?php echo 1; ?>\n', '<!DOCTYPE html>\n', '<![CDATA[ x ]]>\n',
      '> <div>\n> in a quote\n', '- item\n\n  <task>\n  in an item\n  </task>\n', '- item\n<task type="auto">\n',
      '<!-- unclosed comment\n',
      '<!-->\n',
      'a tag over lines <b\nclass="x"> text\n',
      '> Setext in a quote\n> ---\n',
      '- Setext under an item\n  ---\n',
      '- item\nlazy\n---\n',
      '- item\n\n      code in an item\n', '> quote\n>\n>     code in a quote\n', '10.  wide item\n\n    code1 after it\n    code2\n',
      '[ref]: path/to/file.md\n',
      '\t- tab indented\n',
      '-\ttab after marker\n',
      '-\n  empty item\n',
      '```\nunclosed fence\n',
      '[link](<angle target>)\n',
      '[link](target "title")\n',
      '[link](a\\_b)\n',
      '[a\nb](c)\n',
      '- ```\n  fence as the first thing in an item\n  ```\n',
      '- # heading in an item\n',
    ];
    for (const d of declined) assert.equal(simpleBlocks(d, 0, d.length), null, d);
  });

  it('agrees with remark on thousands of deterministic mutations', () => {
    const pieces = ['<!--', '-->', '\n<!-- x', '<a>', '</a>', '<b c="d">', '<http://x.y>', '<a@b.c>', '<', '> ', '\n> ', '>', '*', '**', '***', '_', '__', '`', '``', '[', ']', '(', ')', '](x)', '](a b)', '![', '- ', '1. ',
      '2) ', '  ', '    ', '\n', '\n\n', '|', '| a |', '|---|', '---', '***', '\\', '\\*', '```', '```js', '~~~', 'a',
      'b c', ' ', 'foo', '.', '#', '# ', '[ ] ', '[x] ', '* ', '+ ', 'é', '😀', '"', '!', ':'];
    const random = prng(20261121);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const texts: Array<[string, string]> = [];
    for (let i = 0; i < 3000; i++) {
      let s = '';
      for (let n = 2 + Math.floor(random() * 25); n > 0; n--) s += pick(pieces);
      texts.push([`generated ${i}`, s]);
    }
    const sources = fixtureNames().map(fixture);
    for (let i = 0; i < 600; i++) {
      let s = pick(sources);
      const at = Math.floor(random() * s.length);
      s = s.slice(Math.max(0, at - 600), at + 600); // a window, cut anywhere
      for (let m = 1 + Math.floor(random() * 8); m > 0; m--) {
        const k = Math.floor(random() * (s.length + 1));
        s = random() < 0.7 ? s.slice(0, k) + pick(pieces) + s.slice(k) : s.slice(0, k) + s.slice(k + 1 + Math.floor(random() * 5));
      }
      texts.push([`mutated fixture ${i}`, s]);
    }
    const t = tally(texts);
    assert.deepEqual(t.mismatches.slice(0, 3), []);
    assert.ok(t.simple / t.sections > 0.5, `read only ${t.simple} of ${t.sections}`);
  });

  it('hands an emphasis storm to the line pass instead of resolving it in quadratic time', () => {
    const storm = 'a* '.repeat(100_000);
    assert.equal(simpleBlocks(storm, 0, storm.length), 'hostile');
    const parsed = parseDocument(`# Title\n\n${storm}\n`);
    assert.equal(parsed.degraded, true);
    assert.ok(parsed.blocks.some((b) => b.kind === 'paragraph'));
  });

  it('shares cached blocks without letting heading inference change them', () => {
    // A plain-text rendering: its `#` line becomes a paragraph and `Phase 2 — …` a heading, on copies.
    const text = '# shell comment\n\nPhase 2 — Build\n\nSome text.\n\n**Task 3: bold unit**\n\nMore.\n';
    const cache = new SectionCache();
    const first = parseDocument(text, cache);
    const again = parseDocument(text, cache);
    const moved = parseDocument(`Intro line.\n\n${text}`, cache);
    assert.deepEqual(again, first);
    assert.deepEqual(again, parseDocument(text));
    assert.deepEqual(moved, parseDocument(`Intro line.\n\n${text}`));
    assert.ok(first.blocks.some((b) => b.kind === 'heading' && b.inferred));
  });

  describe('on the shared corpus', () => {
    before(function () { requireShared.call(this, 'the simple reader corpus check'); });

    it('reads most of the corpus and the seeds, exactly as remark does', () => {
      // The seeds include renderings that lost their markers: indented lines after a list item, in particular.
      const files = [...readdirSync(join(SHARED, 'corpus')).filter((f) => f.endsWith('.md')).map((f) => join(SHARED, 'corpus', f)),
        ...readdirSync(join(SHARED, 'seeds')).map((f) => join(SHARED, 'seeds', f))];
      const t = tally(files.map((f) => [f, readFileSync(f, 'utf8')]));
      assert.deepEqual(t.mismatches, []);
      assert.ok(t.simpleChars / t.chars > 0.9, `read ${(t.simpleChars / t.chars * 100).toFixed(0)}% of the corpus text`);
    });
  });
});
