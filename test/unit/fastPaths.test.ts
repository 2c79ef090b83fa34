// The extractors' fast paths against the plain implementations they replaced (kept here as the reference): same
// answer on every generated input. Each fast path exists for speed only (npm run bench measures it); what it must
// never change is the result.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { isWordChar, scanHexTokens, type HexToken } from '../../src/core/extract/hex';
import { withoutWrappedPieces } from '../../src/core/extract/wrappedHex';
import { plainTitle, titleWords } from '../../src/core/extract/titleText';
import { hasTag } from '../../src/core/extract/xmlSections';
import { collapseSpaces } from '../../src/core/extract/spaces';
import { saysDone } from '../../src/core/extract/finishedTicket';
import { firstDate, startsWithDate } from '../../src/core/extract/entryDates';
import { isHostile, type HostileLimits } from '../../src/core/parse/sections';
import { BufferedOutput } from '../../src/cli/bufferedOutput';
import { CommitGraph } from '../../src/core/git/graph';
import { CAPS_STATUS, MARKERS, MAY_HAVE_CAPS, MAY_HAVE_MARKER } from '../../src/core/extract/phaseStatus';
import {
  BRANCH_LABEL, MAY_BRANCH_LABEL, MAY_NAME_BEFORE_SHA, MAY_ROLE_BEFORE_SHA, NAME_BEFORE_SHA, ROLE_BEFORE_SHA,
} from '../../src/core/extract/refPatterns';

/** Strings over an alphabet chosen to hit each branch: hex, other word characters, separators, emoji, line breaks. */
const textOf = (pieces: string[], maxLength = 40) => fc.array(fc.constantFrom(...pieces), { maxLength }).map((a) => a.join(''));

describe('fast paths equal the plain implementations', () => {
  it('hex tokens: one regex with word boundaries = every 7+ hex run delimited by non-word characters', () => {
    const reference = (text: string): HexToken[] => {
      const out: HexToken[] = [];
      const run = /[0-9a-fA-F]{7,}/g;
      for (let m = run.exec(text); m; m = run.exec(text)) {
        const start = m.index;
        const end = start + m[0].length;
        if (!isWordChar(text.charCodeAt(start - 1)) && !isWordChar(text.charCodeAt(end))) out.push({ start, end });
      }
      return withoutWrappedPieces(text, out);
    };
    const text = textOf(['a1b2c3d', 'e', 'f00', '9', 'g', 'Z', '_', ' ', '.', '/', '-', '`', '\n', 'é', '🚀', 'deadbeef0123456789'], 30);
    fc.assert(fc.property(text, (t) => assert.deepEqual(scanHexTokens(t), reference(t), JSON.stringify(t))), { seed: 7, numRuns: 20_000 });
  });

  it('plain titles: the trailing decoration trimmed from the end = the regex that was tried from every position', () => {
    const TRAILING = /(?:[\s:.\-–—|]|[\p{Extended_Pictographic}\p{So}]|\uFE0F)+$/u;
    const LINK = /\[([^\]\n]*)\]\([^)\n]*\)/g;
    const LEADING_DECORATION = /^(?:[\s#>|:\-–—•·]|[\p{Extended_Pictographic}\p{So}\p{Sm}]|\uFE0F|\u200D)+/u;
    const LEADING_NUMBER = /^(?:§\s*)?(?:\d{1,3}(?:\.\d{1,3})*[.)]?|[A-Z][.)]|[IVX]{1,4}[.)])\s+(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s|,|$))/i;
    const referencePlain = (raw: string) => {
      let t = raw.slice(0, 300).replace(LINK, '$1').replace(/[*_~`]+/g, '').replace(/\s+/g, ' ');
      t = t.replace(LEADING_DECORATION, '');
      t = t.replace(LEADING_NUMBER, '').replace(LEADING_DECORATION, '');
      return t.replace(TRAILING, '').trim();
    };
    const referenceWords = (raw: string) => referencePlain(raw).replace(/\s*\([^()]*\)\s*$/, '').replace(TRAILING, '').toLowerCase();
    const title = textOf(['Next', ' steps', ' ', '  ', '\t', ':', '.', '-', '—', '|', '✅', '🚀', '\uFE0F', '\u200D', '(2025)', '(', ')', '**', '[a](b)', '1. ', '©', '→', 'x', '\uD83D', '\uDE80'], 16);
    fc.assert(fc.property(title, title, (a, b) => {
      for (const t of [a, b, a]) { // again after another title: the memo of the last answer
        assert.equal(plainTitle(t), referencePlain(t), JSON.stringify(t));
        assert.equal(titleWords(t), referenceWords(t), JSON.stringify(t));
      }
    }), { seed: 11, numRuns: 10_000 });
  });

  it('XML sections: a `<` found by search, then its line start looked for = reading every character of the block', () => {
    const reference = (text: string, from: number, to: number) => {
      let lineStart = true;
      for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c === 60 && lineStart) return true;
        if (c === 10 || c === 13) lineStart = true;
        else if (c !== 32 && c !== 9 && c !== 62) lineStart = false;
      }
      return false;
    };
    const text = textOf(['<next>', '<', 'x', ' ', '\t', '>', '> ', '\n', '\r\n', '\r', 'a < b'], 20);
    fc.assert(fc.property(text, fc.nat(), fc.nat(), (t, x, y) => {
      const from = x % (t.length + 1);
      const to = from + (y % (t.length - from + 1));
      assert.equal(hasTag(t, from, to), reference(t, from, to), JSON.stringify([t, from, to]));
    }), { seed: 13, numRuns: 20_000 });
  });
});

describe('hostile sections found by native searches', () => {
  /** The character-at-a-time scan it replaced. */
  const reference = (text: string, start: number, end: number, L: HostileLimits): boolean => {
    const containerDepth = (from: number, to: number) => {
      let depth = 0;
      let spaces = 0;
      for (let i = from; i < to;) {
        const c = text.charCodeAt(i);
        if (c === 32) { spaces++; i++; if (spaces === 4) { depth++; spaces = 0; } continue; }
        if (c === 9) { depth++; i++; continue; }
        spaces = 0;
        if (c === 62) { depth++; i++; continue; }
        if ((c === 45 || c === 42 || c === 43) && (text.charCodeAt(i + 1) === 32 || i + 1 === to)) { depth++; i += 1; continue; }
        break;
      }
      return depth;
    };
    const blank = (from: number, to: number) => /^[ \t\n\r]*$/.test(text.slice(from, to));
    if (end - start > L.sectionChars) return true;
    let brackets = 0;
    let depth = 0;
    let run = 0;
    let lineStart = start;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 91) {
        if (++brackets > L.brackets || ++depth > L.bracketDepth) return true;
      } else if (c === 93 && depth > 0) depth--;
      if (c === 10 || c === 13 || i === end - 1) {
        if (i - lineStart > L.lineChars) return true;
        if (containerDepth(lineStart, i) > L.nesting) return true;
        run = blank(lineStart, i) ? 0 : run + 1;
        if (run > L.runLines) return true;
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        lineStart = i + 1;
      }
    }
    return false;
  };
  it('= the character scan, on any text, section and limits', () => {
    const text = textOf(['a', 'word', ' ', '    ', '\t', '[', ']', '[[', ']]', '\n', '\r', '\r\n', '> ', '- ', '* ', '+', '>', '🚀'], 40);
    const limits = fc.record({
      sectionChars: fc.integer({ min: 0, max: 60 }), bracketDepth: fc.integer({ min: 0, max: 4 }), brackets: fc.integer({ min: 0, max: 6 }),
      lineChars: fc.integer({ min: 0, max: 12 }), nesting: fc.integer({ min: 0, max: 4 }), runLines: fc.integer({ min: 0, max: 4 }),
    });
    fc.assert(fc.property(text, fc.nat(), fc.nat(), limits, (t, x, y, L) => {
      const start = x % (t.length + 1);
      const end = start + (y % (t.length - start + 1));
      assert.equal(isHostile(t, start, end, L), reference(t, start, end, L), JSON.stringify([t, start, end, L]));
    }), { seed: 31, numRuns: 30_000 });
  });
});

describe('the ref patterns\' cheap pre-tests', () => {
  // Each pre-test must hold wherever its pattern matches (it only spares the pattern where it cannot): pieces hit
  // the words, case folds (`ſ`, the Kelvin sign) and the signs the patterns read.
  const text = textOf([
    '`', 'main', 'MAIN', 'maſter', 'trunK', 'trunk', 'develop', 'origin/', 'upstream', 'branch', 'Branch', 'tip', 'HEAD', 'remote',
    ' (origin)', 'feat/x', 'x-1', ' ', ':', '=', '**', ' is ', ' at ', 'now', '→', '\n', 'é', '1.2', 'a',
  ], 14);
  for (const [name, pre, full] of [
    ['name before a SHA', MAY_NAME_BEFORE_SHA, NAME_BEFORE_SHA],
    ['role before a SHA', MAY_ROLE_BEFORE_SHA, ROLE_BEFORE_SHA],
    ['branch label', MAY_BRANCH_LABEL, BRANCH_LABEL],
  ] as const) {
    it(`${name}: never a match where the pre-test says no`, () => {
      fc.assert(fc.property(text, (t) => {
        full.lastIndex = 0;
        if (!pre.test(t)) assert.equal(full.exec(t), null, JSON.stringify(t));
      }), { seed: 29, numRuns: 20_000 });
    });
  }
});

describe('the CLI\'s buffered output', () => {
  it('the buffered output writes every byte in order, multi-byte characters and long texts included', () => {
    const written: Buffer[] = [];
    const stream = { write: (chunk: Buffer | string) => { written.push(Buffer.from(chunk)); return true; } } as unknown as NodeJS.WritableStream;
    const output = new BufferedOutput(stream, 64);
    const texts = ['a', 'é', '🚀 rocket', 'x'.repeat(30), 'ü'.repeat(21), 'y'.repeat(200), '', '—end', '🚀'.repeat(50), `a${'🚀'.repeat(40)}`];
    for (const t of texts) output.write(t);
    output.flush();
    assert.equal(Buffer.concat(written).toString('utf8'), texts.join(''));
    assert.ok(written.every((b) => b.length <= 64), 'every chunk within the buffer, the pieces of a longer text included');
  });

  it('writes exactly the UTF-8 of whatever it is given, lone surrogates and pairs across pieces included', () => {
    const text = textOf(['a', 'é', '→', '🚀', '\ud83d', '\ude80', 'x'.repeat(25)], 40);
    fc.assert(fc.property(fc.array(text, { maxLength: 6 }), fc.integer({ min: 6, max: 96 }), (texts, size) => {
      const written: Buffer[] = [];
      const stream = { write: (chunk: Buffer) => { written.push(Buffer.from(chunk)); return true; } } as unknown as NodeJS.WritableStream;
      const output = new BufferedOutput(stream, size);
      for (const t of texts) output.write(t);
      output.flush();
      // Each text is encoded as itself: halves of a pair given in two writes stay two halves, as with the stream.
      assert.deepEqual(Buffer.concat(written), Buffer.concat(texts.map((t) => Buffer.from(t, 'utf8'))), JSON.stringify([texts, size]));
      assert.ok(written.every((b) => b.length <= size), 'chunks within the buffer');
    }), { seed: 23, numRuns: 3_000 });
  });
});

describe('the CLI\'s buffered output and a stream that keeps what it is given', () => {
  it('fills a written buffer again only after the stream has called back for it, and then reuses it', () => {
    // A stream that holds its chunks (a slow reader): what it holds must not change under it.
    const held: Array<{ chunk: Buffer; copy: Buffer; done: () => void }> = [];
    const slow = {
      write: (chunk: Buffer, done: () => void) => { held.push({ chunk, copy: Buffer.from(chunk), done }); return true; },
      get writableLength() { return held.reduce((n, h) => n + h.chunk.length, 0); },
    } as unknown as NodeJS.WritableStream;
    // Chunks past 4 KB: smaller ones Node would copy into a pool of its own.
    const output = new BufferedOutput(slow, 6000);
    const texts = Array.from({ length: 40 }, (_, i) => `${i}: ${'é→🚀 word '.repeat(100 + 20 * (i % 7))}\n`);
    for (const t of texts) output.write(t);
    output.flush();
    for (const h of held) assert.deepEqual(h.chunk, h.copy, 'a chunk the stream holds was written over');
    assert.equal(Buffer.concat(held.map((h) => h.chunk)).toString('utf8'), texts.join(''));
    assert.equal(new Set(held.map((h) => h.chunk.buffer)).size, held.length, 'each held chunk in a buffer of its own');

    // A stream that writes at once and calls back: the same few buffers, round and round.
    const chunks: Buffer[] = [];
    const arrays = new Set<ArrayBufferLike>();
    const quick = { write: (chunk: Buffer, done: () => void) => { chunks.push(Buffer.from(chunk)); arrays.add(chunk.buffer); done(); return true; } } as unknown as NodeJS.WritableStream;
    const reused = new BufferedOutput(quick, 6000);
    for (const t of texts) reused.write(t);
    reused.flush();
    assert.equal(Buffer.concat(chunks).toString('utf8'), texts.join(''));
    assert.ok(chunks.length > 10 && arrays.size <= 2, `${chunks.length} chunks in ${arrays.size} buffers`);

    // A stream that writes at once (nothing left queued) but calls back only later, as Node's file and pipe streams
    // do: the one buffer is filled again at once, each chunk written whole before.
    const copies: Buffer[] = [];
    const syncArrays = new Set<ArrayBufferLike>();
    const later: Array<() => void> = [];
    const sync = { write: (chunk: Buffer, done: () => void) => { copies.push(Buffer.from(chunk)); syncArrays.add(chunk.buffer); later.push(done); return true; }, writableLength: 0 } as unknown as NodeJS.WritableStream;
    const direct = new BufferedOutput(sync, 6000);
    for (const t of texts) direct.write(t);
    direct.flush();
    for (const done of later) done();
    assert.equal(Buffer.concat(copies).toString('utf8'), texts.join(''));
    assert.equal(syncArrays.size, 1, `${copies.length} chunks in ${syncArrays.size} buffers`);
  });
});

describe('the CLI\'s buffered output and a stream that writes some chunks at once and queues others', () => {
  it('a late callback of a chunk written at once never frees that buffer while a later write still holds it', () => {
    // Writes alternate: written at once (nothing left queued), then queued until the end; every callback comes late,
    // after the next write (as Node's do, on the next turn of the event loop).
    const queued: Array<{ chunk: Buffer; copy: Buffer }> = [];
    const out: Buffer[] = [];
    const late: Array<() => void> = [];
    let n = 0;
    let held = 0;
    const stream = {
      write(chunk: Buffer, done: () => void) {
        out.push(Buffer.from(chunk));
        if (n++ % 2 === 1) { queued.push({ chunk, copy: Buffer.from(chunk) }); held += chunk.length; } else late.push(done);
        for (const cb of late.splice(0, late.length - 1)) cb(); // the callbacks of earlier writes arrive now
        return true;
      },
      get writableLength() { return n % 2 === 0 ? held : 0; },
    } as unknown as NodeJS.WritableStream;
    const output = new BufferedOutput(stream, 6000);
    const texts = Array.from({ length: 60 }, (_, i) => `${i}: ${'é→🚀 word '.repeat(150 + 10 * (i % 5))}\n`);
    for (const t of texts) { output.write(t); output.flush(); }
    for (const q of queued) assert.deepEqual(q.chunk, q.copy, 'a queued chunk was written over');
    assert.equal(Buffer.concat(out).toString('utf8'), texts.join(''));
  });
});

describe('spaces collapsed only when there is something to collapse', () => {
  it('= `replace(/\\s+/g, " ")` on any text', () => {
    const text = textOf(['a', 'word', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u3000', '\ufeff', 'é', '🚀'], 20);
    fc.assert(fc.property(text, (t) => assert.equal(collapseSpaces(t), t.replace(/\s+/g, ' '), JSON.stringify(t))), { seed: 19, numRuns: 20_000 });
  });
});

describe('tips containing a commit, from kept histories', () => {
  it('a few tips (each history walked once and kept) = one walk from the commit to its descendants', () => {
    // Any history: each commit's parents are earlier commits (merges included); tips are any commits.
    const history = fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(
      fc.array(fc.array(fc.nat(n - 1), { maxLength: 3 }), { minLength: n, maxLength: n }),
      fc.array(fc.nat(n - 1), { minLength: 1, maxLength: 8 }),
      fc.nat(n - 1),
    ));
    const shaOf = (i: number) => i.toString(16).padStart(40, '0');
    fc.assert(fc.property(history, ([parentLists, tipIndexes, asked]) => {
      const commits = parentLists.map((ps, i) => ({ sha: shaOf(i), parents: [...new Set(ps.filter((p) => p < i))].map(shaOf), time: i, subject: `c${i}` }));
      const graph = CommitGraph.of({ commits, pullRefs: [], complete: true });
      const tips = tipIndexes.map((t, k) => ({ name: `t${k}`, sha: shaOf(t) }));
      // Past KEPT_TIPS tips, the descendant walk answers; tips not in the graph are in neither answer.
      const padding = Array.from({ length: 17 }, (_, k) => ({ name: `absent${k}`, sha: 'f'.repeat(39) + (k % 10) }));
      const kept = graph.tipsContaining(shaOf(asked), tips).map((t) => t.name);
      const walked = graph.tipsContaining(shaOf(asked), [...tips, ...padding]).map((t) => t.name);
      assert.deepEqual(kept, walked);
    }), { seed: 16, numRuns: 3_000 });
  });
});

describe('status markers and capitals refused cheaply', () => {
  it('a marker or an upper-case status word is never where its pre-test says none can be', () => {
    const text = textOf(['✅', '🚧', '⛔', '❌', '👉', '⬜', 'é', 'a', 'A', 'Done', ' DONE', ' UP NEXT', ' WIP', ' IN-PROGRESS', ' ', '-', '—', 'x'], 20);
    fc.assert(fc.property(text, (t) => {
      if (new RegExp(MARKERS.source, 'u').test(t)) assert.ok(MAY_HAVE_MARKER.test(t), JSON.stringify(t));
      if (new RegExp(CAPS_STATUS.source).test(t)) assert.ok(MAY_HAVE_CAPS.test(t), JSON.stringify(t));
    }), { seed: 17, numRuns: 20_000 });
  });
});

describe('header and title lines refused on a first look', () => {
  // The plain implementations the pre-tests were put in front of.
  const STATUS_DONE_PLAIN = (line: string) => {
    const m = /^(?:[\w-]+(?:\s+[\w-]+){0,2}\s*:[^|·•]*[|·•]\s*)*(?:(?:ticket|task|issue|story|phase|overall)\s+)?status\s*[:=]\s*(?:[\p{Extended_Pictographic}\p{So}]|\uFE0F|\s)*(?:done|complete|completed|finished|closed|resolved|shipped|merged|landed)\b(.*)$/iu
      .exec(line.replace(/[*_`]+/g, '').replace(/^[\s>]+/, ''));
    return !!m && !/\b(?:with|except|but|pending|partial(?:ly)?|remaining|left|todo|to-do|next|blocked|awaiting|until|for\s+now|mostly|almost|nearly|soon|when)\b|\?/i.test(m[1].split(/[|·•]/)[0]);
  };

  it('a finished status line: "status" looked for first = the status pattern on every line', () => {
    const line = textOf(['Status', 'status', 'STATUS', 'ſtatus', 'sta', '**', 'tus', '`', '_', ': ', '= ', '✅ ', 'Done', 'done', 'Complete', ' with', ' | ', 'Priority: 2', '> ', ' ', 'x', 'Task '], 12);
    fc.assert(fc.property(line, (l) => assert.equal(saysDone(l), STATUS_DONE_PLAIN(l), JSON.stringify(l))), { seed: 18, numRuns: 20_000 });
  });

  it('a dated title: its first character looked at first = reading every date it may hold', () => {
    // Without the pre-test: the earliest date of the title's first 40 characters at its start.
    const title = textOf(['[', '(', ' ', '2026-03-02', '2026/3/2', '31/12/2024', '12.31.2024', 'Jan', 'january', 'Sept', 'MAY', ' 5', ', ', '2026', '5th', 'x', 'Session', '—', '19', '.'], 8);
    fc.assert(fc.property(title, (t) => {
      const plain = /^[[(]\s*/.test(t) ? t.replace(/^[[(]\s*/, '') : t;
      assert.equal(startsWithDate(t), firstDate(plain.slice(0, 40))?.at === 0, JSON.stringify(t));
    }), { seed: 19, numRuns: 20_000 });
  });
});
