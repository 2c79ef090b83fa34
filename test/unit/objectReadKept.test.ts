// Objects read from packs are kept by pack and offset (objectRead.ts): the versions of a file (or the trees of a
// run's commits), deltas of one another in chains tens deep, are each inflated once — not once per version that
// builds on them — and every answer is still git's own.
import { strict as assert } from 'node:assert';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { ObjectReader } from '../../src/node/objectRead';
import { FixtureGit } from '../fixtures/git/exec';

describe('object store reads: packed objects kept', function () {
  this.timeout(60_000);
  const g = new FixtureGit();
  let base: string;
  let repo: string;
  const versions: string[] = [];

  before(() => {
    base = realpathSync(mkdtempSync(join(tmpdir(), 'object-kept-')));
    repo = join(base, 'repo');
    g.run(base, ['init', '-q', repo]);
    for (let i = 0; i < 40; i++) {
      // Each version a small edit of the one before: git packs them as a chain of deltas.
      writeFileSync(join(repo, 'notes.md'), Array.from({ length: 300 }, (_, k) => `line ${k} ${k === i * 7 ? 'edited' : ''}`).join('\n') + `\nversion ${i}\n`);
      versions.push(g.commit(repo, `v${i}`));
    }
    g.run(repo, ['gc', '-q', '--aggressive']);
  });

  after(() => rmSync(base, { recursive: true, force: true }));

  it('inflates each packed object once across reads that share delta bases, and reads what git reads', () => {
    const chains = g.run(repo, ['cat-file', '--batch-all-objects', '--batch-check=%(objecttype) %(deltabase)']).split('\n');
    assert.ok(chains.filter((l) => !l.endsWith(' 0000000000000000000000000000000000000000')).length > 30, 'the fixture packs deltas');
    const inflate = zlib.inflateSync;
    let inflated = 0;
    (zlib as { inflateSync: typeof inflate }).inflateSync = ((...args: Parameters<typeof inflate>) => {
      inflated++;
      return inflate(...args);
    }) as typeof inflate;
    try {
      const reader = ObjectReader.open(join(repo, '.git'))!;
      const blobs = versions.map((c) => reader.blobsAt(c, ['notes.md'])!.get('notes.md')!);
      inflated = 0;
      // Newest first, as a run over a series asks: each version's chain reaches the ones already read.
      for (const [i, blob] of [...blobs.entries()].reverse()) {
        assert.equal(reader.read(blob)!.data.toString('utf8'), g.run(repo, ['cat-file', 'blob', blob]) + '\n', `version ${i}`);
      }
      const objects = new Set(blobs).size;
      assert.ok(inflated <= objects, `${inflated} inflations for ${objects} blobs: each packed object inflated at most once`);
      inflated = 0;
      for (const blob of blobs) reader.read(blob);
      // A reader opened again (each question opens one) finds them too.
      const again = ObjectReader.open(join(repo, '.git'))!;
      for (const blob of blobs) assert.ok(again.read(blob));
      assert.equal(inflated, 0, 'read again: nothing inflated');
    } finally {
      (zlib as { inflateSync: typeof inflate }).inflateSync = inflate;
    }
  });
});
