// Example SHAs (`git revert abc1234`, a regex's test string `'revert abc1234567'`) are not commits of the
// repository: an unknown one is never reported (seen in a held-out GSD plan: thirteen `unknown-commit` warnings
// on `abc1234` in the test strings of a revert detector). A commit that really starts so still resolves.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { judgeClaims } from '../../src/core/digest/claims';
import { isPlaceholderSha } from '../../src/core/extract/hex';
import { createLanguageService } from '../../src/core/service';
import { scratchRepo } from '../fixtures/git/exec';
import { check } from '../fixtures/git/harness';

const modelOf = (text: string) => createLanguageService().getModel({ path: 'HANDOFF.md', version: 0, text });

describe('example SHAs', () => {
  it('knows the shapes documentation uses, and nothing a real abbreviation is likely to be', () => {
    for (const sha of ['abc1234', 'ABC1234567', 'abcd1234', '1234567', '0123456789ab', 'abcdef0', 'a1b2c3d', '1a2b3c4d', 'deadbeef1', 'cafebabe00', '0000000', 'fffffff1']) {
      assert.ok(isPlaceholderSha(sha), sha);
    }
    for (const sha of ['e8ba74e', 'a205a72', 'abd0ef12', 'deadbee1', 'cafef00d', '665530f', '8914391', 'abc0123', '1234abc']) {
      assert.ok(!isPlaceholderSha(sha), sha);
    }
  });

  describe('against a real repository', function () {
    this.timeout(30_000);
    let base: string;
    let repo: string;
    before(() => {
      base = mkdtempSync(join(tmpdir(), 'placeholder-'));
      const { dir, g, write } = scratchRepo(base, 'repo');
      write('a.txt', 'a\n');
      g.commit(dir, 'First');
      repo = dir;
    });
    after(() => rmSync(base, { recursive: true, force: true }));

    it('reports an unknown commit, not an example one; both stay in the model', async () => {
      const text = [
        '# Handoff',
        '',
        '- The revert detector reads `Revert "abc1234"` and commit `abcd1234` as reverts of those commits.',
        '- Test: `assert detect_revert("revert abc1234567") == "abc1234567"` after commit `1234567`.',
        '- The fix is commit `b0e4f21`.',
        '',
      ].join('\n');
      const path = join(repo, 'HANDOFF.md');
      writeFileSync(path, text);
      const model = modelOf(text);
      assert.ok(['abc1234', 'abcd1234', 'b0e4f21'].every((sha) => model.commits.some((c) => c.sha === sha)));
      const r = await check(model, path, { text });
      assert.deepEqual(r.diagnostics.map((d) => `${d.code} ${d.message}`), ['unknown-commit Commit b0e4f21 is not in this repository (a typo, or only in another clone?)']);
      // The digest an agent reads agrees: the example commits are not "gone".
      assert.deepEqual(judgeClaims(model, r.facts).filter((e) => e.verdict === 'gone').map((e) => e.text), ['Commit `b0e4f21`']);
    });
  });
});
