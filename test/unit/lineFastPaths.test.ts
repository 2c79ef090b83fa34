// Line splitting, the section pre-scan and the path helpers take native searches where a text allows it (no
// carriage return; no `./`; a root without a trailing slash): same answer as the plain implementations they
// replaced (the character scans, which still read texts with carriage returns; the others kept here as the
// reference), on every generated input. Each exists for speed only (npm run bench).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { computeLineStarts, hasCarriageReturn, lineStartsByCharacter } from '../../src/core/parse/lines';
import { linesByCharacter, linesIn } from '../../src/core/parse/tables';
import { preScan, type PreScan, type Section } from '../../src/core/parse/sections';
import { normalizePath, relativeTo } from '../../src/core/git/paths';
import { withoutDotSlash } from '../../src/core/facts/fileIndex';

const textOf = (pieces: string[], maxLength = 40) => fc.array(fc.constantFrom(...pieces), { maxLength }).map((a) => a.join(''));
/** Texts with and without carriage returns (most real ones have none, which is the fast path). */
const lineTexts = fc.oneof(
  textOf(['a', ' ', '\n', '# x', '<!--', '-->', '```', '~~~', '---', '...', 'b c'], 60),
  textOf(['a', ' ', '\n', '\r', '\r\n', '# x', '<!--', '-->', '```', '---'], 60),
);

/** preScan as it was: each line copied and stripped of its break by a regex, each searched for `<!--`. */
function referencePreScan(text: string, lineStarts: readonly number[]): PreScan {
  const lineCount = lineStarts.length;
  const lineText = (i: number) => text.slice(lineStarts[i], i + 1 < lineCount ? lineStarts[i + 1] : text.length).replace(/\r?\n$|\r$/, '');
  let first = 0;
  let frontMatter: PreScan['frontMatter'] = null;
  if (lineCount > 1 && /^---[ \t]*$/.test(lineText(0))) {
    for (let i = 1; i < Math.min(lineCount, 200); i++) {
      if (/^(---|\.\.\.)[ \t]*$/.test(lineText(i))) {
        frontMatter = { start: 0, end: i + 1 < lineCount ? lineStarts[i + 1] : text.length, contentStart: lineStarts[1], contentEnd: lineStarts[i] };
        first = i + 1;
        break;
      }
    }
  }
  const sections: Section[] = [];
  let sectionStart = first < lineCount ? lineStarts[first] : text.length;
  let fence: string | null = null;
  let inComment = false;
  for (let i = first; i < lineCount; i++) {
    const line = lineText(i);
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length) fence = null;
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (open) {
      if (open[1][0] === '~' || !line.slice(open[0].length).includes('`')) fence = open[1];
      continue;
    }
    const comment = line.lastIndexOf('<!--');
    if (comment >= 0 && line.indexOf('-->', comment + 4) < 0) inComment = true;
    if (/^ {0,3}#{1,6}(?:[ \t]|$)/.test(line) && lineStarts[i] > sectionStart) {
      sections.push({ start: sectionStart, end: lineStarts[i] });
      sectionStart = lineStarts[i];
    }
  }
  if (sectionStart < text.length || sections.length === 0) sections.push({ start: sectionStart, end: text.length });
  return { frontMatter, sections };
}

describe('lines found by native search', () => {
  it('line starts = reading every character, with and without carriage returns', () => {
    fc.assert(fc.property(lineTexts, (t) => assert.deepEqual(computeLineStarts(t), lineStartsByCharacter(t), JSON.stringify(t))), { seed: 11, numRuns: 10_000 });
  });

  it('the lines of any range = reading every character of it', () => {
    const withRange = lineTexts.chain((t) => fc.tuple(fc.constant(t), fc.nat(t.length), fc.nat(t.length)));
    fc.assert(fc.property(withRange, ([t, a, b]) => {
      const [start, end] = a <= b ? [a, b] : [b, a];
      assert.deepEqual(linesIn(t, start, end), linesByCharacter(t, start, end), JSON.stringify([t, start, end]));
    }), { seed: 12, numRuns: 10_000 });
  });

  it('the carriage-return answer kept for the last text is never another text\'s', () => {
    assert.equal(hasCarriageReturn('a\nb'), false);
    assert.equal(hasCarriageReturn('a\r\nb'), true);
    assert.equal(hasCarriageReturn('a\nb'), false);
    assert.deepEqual(computeLineStarts('a\rb'), [0, 2]);
    assert.deepEqual(computeLineStarts('a\nb'), [0, 2]);
  });

  it('the section pre-scan (front matter, fences, comments, headings) = copying and searching every line', () => {
    fc.assert(fc.property(lineTexts, (t) => {
      const starts = computeLineStarts(t);
      assert.deepEqual(preScan(t, starts), referencePreScan(t, starts), JSON.stringify(t));
    }), { seed: 13, numRuns: 10_000 });
  });
});

describe('path helpers without a regex run or a copy where none is needed', () => {
  const segment = fc.constantFrom('a', 'src', '.', '..', '', 'b.ts', 'x y');
  const path = fc.tuple(fc.boolean(), fc.array(segment, { maxLength: 5 }), fc.boolean()).map(([abs, s, slash]) => `${abs ? '/' : ''}${s.join('/')}${slash ? '/' : ''}`);

  it('relativeTo = normalising the root, dropping its slash and testing `startsWith(root + "/")`', () => {
    const reference = (root: string, p: string): string | null => {
      const r = normalizePath(root).replace(/\/$/, '');
      const n = normalizePath(p);
      if (n === r) return '';
      return n.startsWith(r + '/') ? n.slice(r.length + 1) : null;
    };
    fc.assert(fc.property(path, path, (root, p) => assert.equal(relativeTo(root, p), reference(root, p), JSON.stringify([root, p]))), { seed: 14, numRuns: 10_000 });
  });

  it('a written path without `./` and trailing slashes = the two regex replaces', () => {
    const written = textOf(['./', '.', '/', 'a', '..', '//', ' '], 8);
    fc.assert(fc.property(written, (w) => assert.equal(withoutDotSlash(w), w.replace(/^\.\//, '').replace(/\/+$/, ''), JSON.stringify(w))), { seed: 15, numRuns: 10_000 });
  });
});
