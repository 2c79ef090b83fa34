// Item-dense documents are bounded (issue 12, item 6): at most MAX_ITEMS of each kind (commits, files, steps, refs,
// phases) and MAX_BLOCKS blocks per document, with a notice saying what was left out; a large document is
// extracted in growing prefixes, so a dense one stops early. Every 1 MB shape of test/bench/dense.ts goes through
// the whole CLI (in-process, git on, in no repository) within a generous time bound — the CPU measurement itself
// is `npm run bench` item 8 (test/bench/denseBench.ts), as a busy machine would make it flaky here.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { buildModel } from '../../src/core/buildModel';
import { DEFAULT_EXTRACTORS, type Extractors } from '../../src/core/extractors';
import { extractCapped, MAX_ITEMS, WHOLE_BELOW } from '../../src/core/itemCaps';
import type { HandoffModel } from '../../src/core/model';
import { MAX_BLOCKS, parseDocument } from '../../src/core/parse/parseDocument';
import { createLanguageService } from '../../src/core/service';
import { DENSE_SHAPES } from '../bench/dense';
import { flatPhases } from './support/ranges';

const MB = 1_000_000;

/** Every range of the model lies within the text (lines that exist, characters within them). */
function rangesInBounds(text: string, model: HandoffModel): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const bad: string[] = [];
  const inBounds = (what: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
    for (const p of [r.start, r.end]) if (p.line >= lines.length || p.character > lines[p.line]!.length) bad.push(`${what} ${JSON.stringify(r)}`);
  };
  for (const [k, items] of Object.entries({ commits: model.commits, files: model.files, steps: model.steps, refs: model.refs })) {
    for (const i of items) inBounds(k, i.range);
  }
  for (const p of flatPhases(model.phases)) { inBounds('phase', p.range); inBounds('section', p.sectionRange); }
  return bad;
}

describe('item caps', function () {
  this.timeout(120_000);

  it('every 1 MB dense shape: each kind capped, what was left out said, ranges in bounds, through the whole CLI in bounded time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dense-'));
    try {
      for (const [shape, make] of Object.entries(DENSE_SHAPES)) {
        const path = join(dir, `${shape}.md`);
        const text = make(MB);
        writeFileSync(path, text);
        let out = '';
        const started = Date.now();
        await run(['--format', 'json', path], (s) => { out += s; }, () => undefined);
        const took = Date.now() - started;
        // Generous: about 1 s of CPU now; 2–5 s before the caps, and 112 s for `breadcrumbs-prose`.
        assert.ok(took < 15_000, `${shape}: ${took} ms`);
        const doc = JSON.parse(out).documents[0];
        for (const kind of ['commits', 'files', 'steps', 'refs']) assert.ok(doc[kind].length <= MAX_ITEMS, `${shape}: ${doc[kind].length} ${kind}`);
        assert.ok(flatPhases(doc.phases).length <= MAX_ITEMS, `${shape}: phases`);
        assert.deepEqual(rangesInBounds(text, doc), [], shape);
        if (doc.commits.length === MAX_ITEMS) assert.ok(doc.notices.some((n: string) => /^more than 5,000 commits in this document/.test(n)), `${shape}: ${doc.notices}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a dense document is extracted from a prefix: a fraction of the text reaches the extractor', () => {
    const text = DENSE_SHAPES['shas-prose']!(MB);
    let seen = 0;
    const counting: Extractors = { ...DEFAULT_EXTRACTORS, commits: (p, c) => { seen += p.text.length; return DEFAULT_EXTRACTORS.commits(p, c); } };
    const { model, problems } = buildModel(parseDocument(text), { path: '' }, counting);
    assert.equal(model.commits.length, MAX_ITEMS);
    assert.ok(seen < text.length / 4, `the commit extractor read ${seen} characters of ${text.length}`);
    assert.deepEqual(model.commits.slice(0, 3).map((c) => c.sha), text.split(/\s+/).slice(2, 5), 'the first ones, in document order');
    assert.ok(problems.some((p) => /^more than 5,000 commits in this document: only the first 5,000 are read \(up to line [\d,]+\), the rest are left out$/.test(p)), problems.join('\n'));
  });

  it('extractCapped: a small document in one pass, a large sparse one in at most a third more than one, the same items', () => {
    const small = parseDocument(`${'word '.repeat(1000)}\n`);
    let passes = 0;
    assert.deepEqual(extractCapped(small, (p) => { passes++; return [{ start: 0, end: p.text.length }]; }).items, [{ start: 0, end: small.text.length }]);
    assert.equal(passes, 1);
    // Sparse: one item every 25 KB of a 2 MB text (within the blocks a document is read for).
    const big = parseDocument(Array.from({ length: 9_000 }, (_, i) => `${i % 100 === 0 ? 'ITEM' : 'line'} ${'y'.repeat(240)}\n`).join(''));
    assert.ok(big.text.length > WHOLE_BELOW);
    let read = 0;
    const find = (p: { text: string }) => {
      read += p.text.length;
      return [...p.text.matchAll(/ITEM/g)].map((m) => ({ start: m.index!, end: m.index! + 4 }));
    };
    const r = extractCapped(big, find);
    assert.equal(r.cutAt, null);
    assert.equal(r.items.length, 90);
    assert.ok(read <= big.text.length * 1.34, `read ${read} for ${big.text.length}`);
    // One line of 1 MB with nothing in it: the prefixes, cut at a space, grow to just short of its end — and then
    // the whole line is read, not a second time.
    const line = parseDocument('word '.repeat(209_715) + 'w\n'); // 2^20 + 1 characters
    read = 0;
    assert.equal(extractCapped(line, find).cutAt, null);
    assert.ok(read <= line.text.length * 1.34, `read ${read} for ${line.text.length}`);
  });

  it('each prefix of a document is cut once: the extractors share it (a 1 MB table row is 125,000 cells to clip)', () => {
    const parsed = parseDocument(DENSE_SHAPES['wide-table']!(MB));
    const row = parsed.blocks.find((b) => b.kind === 'tableRow')!;
    assert.ok(row.cells!.length > 100_000, `${row.cells!.length} cells`);
    const seen: Array<Set<object>> = [new Set(), new Set()];
    for (const s of seen) extractCapped(parsed, (p) => { s.add(p); return []; });
    assert.ok(seen[0]!.size >= 3, 'read in growing prefixes');
    const [first, second] = seen.map((s) => [...s]);
    assert.equal(second!.length, first!.length);
    assert.ok(second!.every((p, i) => p === first![i]), 'a second extractor is given the very prefixes the first was');
    const cut = [...seen[0]!][0] as typeof parsed;
    assert.ok(cut.blocks.every((b) => b.end <= cut.text.length && (b.cells ?? []).every((c) => c.end <= cut.text.length)), 'blocks across the cut clipped');
  });

  it(`a document of more than ${MAX_BLOCKS} blocks is read up to there, and says so`, async () => {
    const text = Array.from({ length: MAX_BLOCKS + 500 }, (_, i) => `- [ ] step ${i}`).join('\n') + '\n';
    const parsed = parseDocument(text);
    assert.equal(parsed.fullLength, text.length);
    assert.ok(parsed.blocks.length <= MAX_BLOCKS);
    assert.ok(text.startsWith(parsed.text));
    const a = await createLanguageService().analyze({ path: '', version: 0, text });
    assert.equal(a.model.steps.length, MAX_ITEMS);
    assert.ok(a.notices.includes(`this document is too large to read whole: it was read up to line ${MAX_BLOCKS.toLocaleString('en-US')} (${MAX_BLOCKS.toLocaleString('en-US')} blocks), the rest is left out`), a.notices.join('\n'));
  });
});
