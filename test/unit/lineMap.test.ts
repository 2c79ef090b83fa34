// Mapping a cited line through the hunks of a diff (src/core/facts/lineMap.ts), and reading those hunks from
// git's own output (src/node/diffParse.ts): by hand for each shape of change, then against real `git diff` on
// random edits, where every line that survived must land exactly where it is now.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mapLines } from '../../src/core/facts/lineMap';
import type { Hunk } from '../../src/core/git/provider';
import { parseDiff, unquotePath } from '../../src/node/diffParse';

const h = (oldStart: number, oldCount: number, newStart: number, newCount: number): Hunk => ({ oldStart, oldCount, newStart, newCount });
const at = (hunks: Hunk[], line: number, end: number | null = null) => {
  const m = mapLines(hunks, line, end);
  return `${m.line}${m.endLine !== null ? `-${m.endLine}` : ''} ${m.status}`;
};

describe('line mapping through hunks', () => {
  it('no change, or a change below: the same line', () => {
    assert.equal(at([], 113), '113 same');
    assert.equal(at([h(200, 0, 201, 5)], 113), '113 same'); // 5 lines inserted below
    assert.equal(at([h(150, 3, 149, 0)], 113), '113 same'); // 3 lines deleted below
    assert.equal(at([h(114, 2, 114, 4)], 113), '113 same'); // the next lines edited
  });

  it('insertions above move the line down; deletions above move it up', () => {
    assert.equal(at([h(10, 0, 11, 18)], 113), '131 moved');
    assert.equal(at([h(0, 0, 1, 2)], 1), '3 moved'); // inserted at the very top
    assert.equal(at([h(112, 0, 113, 1)], 113), '114 moved'); // inserted right above it
    assert.equal(at([h(113, 0, 114, 1)], 113), '113 same'); // inserted right below it
    assert.equal(at([h(5, 10, 4, 0)], 113), '103 moved');
    assert.equal(at([h(5, 3, 5, 1), h(40, 0, 39, 6)], 113), '117 moved'); // -2 then +6
  });

  it('a deleted line: where it was, and says so', () => {
    assert.equal(at([h(113, 1, 112, 0)], 113), '113 deleted'); // the line that now stands where it was
    assert.equal(at([h(110, 5, 109, 0)], 113), '110 deleted');
    assert.equal(at([h(1, 3, 0, 0)], 2), '1 deleted'); // deleted from the top
    assert.equal(at([h(48, 3, 47, 0)], 50), '48 deleted'); // the end of a 50-line file: one past the new end (47)
  });

  it('a changed line: the nearest line of what replaced it', () => {
    assert.equal(at([h(113, 1, 113, 1)], 113), '113 changed');
    assert.equal(at([h(110, 5, 110, 2)], 113), '111 changed'); // 5 lines became 2: the last of them
    assert.equal(at([h(110, 5, 120, 5)], 112), '122 changed'); // same position within the hunk
    assert.equal(at([h(10, 0, 11, 3), h(113, 1, 116, 1)], 113), '116 changed');
  });

  it('a range: moved whole, partly deleted, deleted whole, edited inside, grown inside', () => {
    assert.equal(at([h(10, 0, 11, 2)], 49, 51), '51-53 moved');
    assert.equal(at([h(50, 2, 49, 0)], 49, 51), '49 changed'); // 50–51 deleted: 49 is what is left
    assert.equal(at([h(48, 2, 47, 0)], 49, 51), '48-49 changed'); // 49 deleted: 50–51 are now 48–49
    assert.equal(at([h(49, 3, 48, 0)], 49, 51), '49 deleted');
    assert.equal(at([h(45, 10, 44, 0)], 49, 51), '45 deleted');
    assert.equal(at([h(49, 1, 48, 0), h(51, 1, 49, 0)], 49, 51), '49 changed'); // 49 and 51 deleted, 50 left (now 49)
    assert.equal(at([h(50, 1, 50, 1)], 49, 51), '49-51 changed');
    assert.equal(at([h(49, 0, 50, 4)], 49, 51), '49-55 changed'); // 4 lines inserted inside
    assert.equal(at([h(51, 0, 52, 4)], 49, 51), '49-51 same'); // inserted right after it
  });

  it('adjacent hunks, each counted once, in any order given', () => {
    const hunks = [h(20, 2, 21, 3), h(10, 0, 11, 1), h(22, 0, 25, 2)];
    assert.equal(at(hunks, 5), '5 same');
    assert.equal(at(hunks, 15), '16 moved');
    assert.equal(at(hunks, 21), '22 changed');
    assert.equal(at(hunks, 23), '27 moved'); // +1, +1, +2
  });

  it('never throws on nonsense', () => {
    assert.equal(at([h(-1, 2, 0, 0), h(NaN, 1, 1, 1)], 7), '7 same');
    assert.equal(at([], 0), '0 same');
    assert.equal(at([h(1, 1, 1, 1)], 5, 3), '5 same'); // an end before the start: one line
  });
});

describe('diff parsing (git output)', () => {
  let dir: string;
  const git = (...args: string[]) => execFileSync('git', ['-c', 'core.quotepath=off', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });
  /** `git diff --no-index` exits 1 when the files differ. */
  const diffOf = (a: string, b: string, ...extra: string[]) => {
    writeFileSync(join(dir, 'a'), a);
    writeFileSync(join(dir, 'b'), b);
    try {
      git('diff', '--no-index', '--no-color', ...extra, 'a', 'b');
      return '';
    } catch (e) {
      return String((e as { stdout: string }).stdout);
    }
  };

  before(() => { dir = mkdtempSync(join(tmpdir(), 'hn-diff-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads renames, additions, deletions, quoted names, names with spaces and binary files', () => {
    const out = [
      'diff --git a/f with space.txt b/g with space.txt', 'similarity index 60%', 'rename from f with space.txt', 'rename to g with space.txt',
      'index de98044..68d0b6a 100644', '--- a/f with space.txt\t', '+++ b/g with space.txt\t', '@@ -1,0 +2 @@ a', '+NEW',
      'diff --git a/q.txt b/q.txt', 'index 587be6b..b1362b4 100644', '--- a/q.txt', '+++ b/q.txt', '@@ -0,0 +1 @@', '+y',
      'diff --git "a/x\\ty.txt" "b/x\\ty.txt"', 'new file mode 100644', 'index 0000000..c41fd87', '--- /dev/null', '+++ "b/x\\ty.txt"', '@@ -0,0 +1 @@', '+tab',
      'diff --git a/gone.ts b/gone.ts', 'deleted file mode 100644', '--- a/gone.ts', '+++ /dev/null', '@@ -1,2 +0,0 @@', '-a', '-b',
      'diff --git a/img.png b/img.png', 'index 1..2 100644', 'Binary files a/img.png and b/img.png differ',
      'diff --git a/old.ts b/lib/old.ts', 'similarity index 100%', 'rename from old.ts', 'rename to lib/old.ts',
      'diff --git a/run.sh b/run.sh', 'old mode 100644', 'new mode 100755',
      'diff --git "a/caf\\303\\251.md" "b/caf\\303\\251.md"', '--- "a/caf\\303\\251.md"', '+++ "b/caf\\303\\251.md"', '@@ -3 +3 @@', '-x', '\\ No newline at end of file', '+y',
      '',
    ].join('\n');
    assert.deepEqual(parseDiff(out).map((c) => `${c.status} ${c.from}→${c.to} ${c.hunks.map((x) => `${x.oldStart},${x.oldCount}/${x.newStart},${x.newCount}`).join(' ')} +${c.added}-${c.removed}${c.binary ? ' binary' : ''}`), [
      'renamed f with space.txt→g with space.txt 1,0/2,1 +1-0',
      'modified q.txt→q.txt 0,0/1,1 +1-0',
      'added null→x\ty.txt 0,0/1,1 +1-0',
      'deleted gone.ts→null 1,2/0,0 +0-2',
      'modified img.png→img.png  +0-0 binary',
      'renamed old.ts→lib/old.ts  +0-0',
      'modified café.md→café.md 3,1/3,1 +1-1',
    ]);
    assert.equal(unquotePath('"a\\"b\\\\c"'), 'a"b\\c');
  });

  it('splits hunks git merged with context at their unchanged lines', () => {
    const old = Array.from({ length: 20 }, (_, i) => `line ${i + 1}\n`).join('');
    const now = old.replace('line 5\n', 'line 5\nnew A\n').replace('line 9\n', 'changed 9\n');
    const [change] = parseDiff(diffOf(old, now, '-U3'));
    // One hunk with context in git's output; two exact ones here.
    assert.deepEqual(change!.hunks, [h(5, 0, 6, 1), h(9, 1, 10, 1)]);
    assert.equal(at(change!.hunks, 7), '8 moved');
  });

  it('maps every line that survived random edits exactly where real git diff puts it', function () {
    this.timeout(60_000);
    let seed = 7;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    for (let round = 0; round < 40; round++) {
      const old = Array.from({ length: 30 + rnd(40) }, (_, i) => `old ${i + 1}`);
      const now = [...old];
      for (let e = 0; e < 1 + rnd(6); e++) {
        const at = rnd(now.length + 1);
        const kind = rnd(3);
        if (kind === 0) now.splice(at, 0, ...Array.from({ length: 1 + rnd(5) }, (_, k) => `new ${round}.${e}.${k}`));
        else if (kind === 1) now.splice(at, 1 + rnd(4));
        else now.splice(at, 1 + rnd(3), `edit ${round}.${e}`);
      }
      const changes = parseDiff(diffOf(old.join('\n') + '\n', now.join('\n') + '\n', '-U0'));
      const hunks = changes[0]?.hunks ?? [];
      const where = new Map(now.map((l, i) => [l, i + 1]));
      const survived = new Set(changes.length ? unchangedLines(old, hunks) : old.map((_, i) => i + 1));
      old.forEach((text, i) => {
        const m = mapLines(hunks, i + 1);
        if (survived.has(i + 1)) {
          assert.equal(m.line, where.get(text), `round ${round}: ${text}`);
          assert.ok(m.status === 'same' || m.status === 'moved');
        } else {
          assert.ok(m.status === 'changed' || m.status === 'deleted', `round ${round}: ${text} is ${m.status}`);
          assert.ok(m.line >= 1 && m.line <= now.length + 1);
        }
      });
    }
  });
});

/** The old lines no hunk touches. */
function unchangedLines(old: readonly string[], hunks: readonly Hunk[]): number[] {
  return old.map((_, i) => i + 1).filter((l) => !hunks.some((x) => x.oldCount > 0 && l >= x.oldStart && l < x.oldStart + x.oldCount));
}
