// Commits a handoff gives to another repository (extract/commitElsewhere.ts, facts/elsewhere.ts): a project that
// spans several repositories cites the others' commits beside its own (seen in two held-out repositories: a
// suite with its contracts and knowledge repositories, a front end whose migrations live in its API's).
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLanguageService } from '../../src/core/service';
import { FixtureGit } from '../fixtures/git/exec';
import { check } from '../fixtures/git/harness';

const modelOf = (text: string) => createLanguageService().getModel({ path: 'HANDOFF.md', version: 0, text });
const named = (text: string) => Object.fromEntries(modelOf(text).commits.map((c) => [c.sha, c.elsewhere]));

describe('commits of another repository', () => {
  it('reads the repository a commit is given to: a folder the handoff shows outside, named before it or after it', () => {
    const text = [
      '# Handoff',
      '',
      'Contracts are checked out beside us: `git -C /Users/me/work/mimik-contracts log`; migrations in C:/EV-Accounts/db.',
      '',
      '- State: Mimik_Suite `3953da1` · mimik-contracts `9e2df2f` — all pushed.',
      '- mimik-contracts commit `4e8b91a` is local only.',
      '- Deployed (EV-Accounts',
      '  `master` @ `4790c57a`).',
      '- Commit 93cbbc6b (migration, C:/EV-Accounts master).',
      '- A follow-up commit `5e6f7a8b` and HEAD `6f7a8b9c` here.',
      '',
    ].join('\n');
    assert.deepEqual(named(text), {
      '3953da1': null, // not shown as a folder outside: a name, not a repository
      '9e2df2f': 'mimik-contracts',
      '4e8b91a': 'mimik-contracts',
      '4790c57a': 'EV-Accounts',
      '93cbbc6b': 'EV-Accounts',
      '5e6f7a8b': null,
      '6f7a8b9c': null,
    });
  });

  it('a name the handoff calls a sibling repository, or the last word of such a name, gives a commit to it', () => {
    const text = [
      '# Handoff',
      '',
      '- `mimik-knowledge` (sibling pkg) holds the prompts; mimik-contracts is a sibling repo; sibling `brand-kit` too.',
      '- State: mimik-knowledge `d4010b4`; mimik-contracts **v0.2.0** pushed (`551c519`).',
      '- Not pushed: contracts `fd082c9`, knowledge `186cfc5`; contracts `main` (`15d0099`) first.',
      '- Commit `55c0eae` (+ contracts `9452a7d`); brand-kit `1a2b3c4d`.',
      '- Sibling handoffs `7b8c9d0e` and kit `8c9d0e1f` name no repository.',
      '',
    ].join('\n');
    assert.deepEqual(named(text), {
      d4010b4: 'mimik-knowledge', '551c519': 'mimik-contracts', fd082c9: 'contracts', '186cfc5': 'knowledge', '15d0099': 'contracts',
      '55c0eae': null, '9452a7d': 'contracts', '1a2b3c4d': 'brand-kit', '7b8c9d0e': null, '8c9d0e1f': null,
    });
  });

  it('a repository and its branch before a colon: each repository\'s tip in a "latest commits" list', () => {
    const text = [
      '# Handoff', '',
      '- **ShaderClaw3** — nested at `/Users/lu/easel/external/ShaderClaw3/` and standalone at `/Users/lu/ShaderClaw3/`.', '',
      '### Latest commits', '- ShaderClaw3 master: `b3286ff` "Fauvism loop"', '- easel master: `6105ff2` "Merge branch"', '- main: `7c8d9e0f` here', '',
    ].join('\n');
    // `easel` is a folder shown outside too; whether it is this repository's own name is for the facts to say.
    assert.deepEqual(named(text), { b3286ff: 'ShaderClaw3', '6105ff2': 'easel', '7c8d9e0f': null });
  });

  it('a name in another paragraph says nothing of the commit', () => {
    assert.deepEqual(named('See ../api-server for the API.\n\napi-server\n\nCommit `7a8b9c0d` fixed it.\n'), { '7a8b9c0d': null });
  });

  describe('against a real repository', function () {
    this.timeout(30_000);
    let base: string;
    let repo: string;
    let own: string;
    before(() => {
      base = mkdtempSync(join(tmpdir(), 'elsewhere-'));
      repo = join(base, 'suite');
      mkdirSync(repo);
      const g = new FixtureGit();
      g.run(repo, ['init', '-q']);
      writeFileSync(join(repo, 'a.txt'), 'a\n');
      own = g.commit(repo, 'First');
    });
    after(() => rmSync(base, { recursive: true, force: true }));

    it('does not report a commit of another repository as unknown, nor a claim about its branch; its own name keeps the check', async () => {
      const text = [
        '# Handoff',
        '',
        'Sibling checkouts: `../contracts-repo`, `C:/EV-Accounts/`, `/Users/me/work/suite/notes`.',
        '',
        `- suite \`${own.slice(0, 8)}\` · contracts-repo \`deadbee1\` — all pushed.`,
        '- EV-Accounts `master` @ `cafef00d` deployed.',
        '- suite commit `abd0ef12` is the fix.',
        '- Commit `deadbee1` again, and `cafef00d` (no name here: the SHA is the one named above).',
        '',
      ].join('\n');
      const path = join(repo, 'HANDOFF.md');
      writeFileSync(path, text);
      const r = await check(modelOf(text), path, { text });
      // Only the commit given to this repository's own name (its folder) is unknown.
      assert.deepEqual(r.diagnostics.map((d) => `${d.code} ${d.message}`), ['unknown-commit Commit abd0ef12 is not in this repository (a typo, or only in another clone?)']);
      assert.deepEqual(r.commits.get('deadbee1'), { status: 'elsewhere', sha: null, repository: 'contracts-repo' });
      assert.deepEqual(r.commits.get('cafef00d'), { status: 'elsewhere', sha: null, repository: 'EV-Accounts' });
      assert.equal(r.commits.get(own.slice(0, 8))?.status, 'ok');
      assert.deepEqual(r.facts.refs, [{ kind: 'unchecked' }]);
    });
  });
});
