// A run piped to a slow reader waits for it after each document instead of queueing the whole report in memory
// (a pipe's writes are asynchronous in Node: 1,000 handoffs' JSON once held ~300 MB this way).
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';

describe('handoff-lint: output waits for the reader', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-drain-'));
    for (const n of [1, 2, 3]) writeFileSync(join(dir, `HANDOFF-${n}.md`), `# Handoff ${n}\n\n- [ ] step ${n}\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes no further document until the last one was taken', async () => {
    const chunks: string[] = [];
    const releases: Array<() => void> = [];
    const files = [1, 2, 3].map((n) => join(dir, `HANDOFF-${n}.md`));
    const done = run(['--no-git', '--format', 'json', ...files], (s) => chunks.push(s), () => {}, () => new Promise<void>((r) => releases.push(r)));
    const documentsWritten = () => chunks.join('').split('"path":').length - 1;
    for (let n = 1; n <= 3; n++) {
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(documentsWritten(), n, `document ${n} written, and nothing after it until the reader takes it`);
      assert.equal(releases.length, n);
      releases[n - 1]!();
    }
    assert.equal(await done, 0);
    assert.equal(JSON.parse(chunks.join('')).documents.length, 3);
  });
});
