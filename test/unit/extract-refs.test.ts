import { strict as assert } from 'node:assert';
import { parseDocument } from '../../src/core/parse/parseDocument';
import { extractRefs } from '../../src/core/extract/refs';
import { modelOf } from './support/fixtures';

/** Refs of `text` as `name kind claim @written-name [sha-as-written]`, each checked against its offsets. */
function refs(text: string): string[] {
  const parsed = parseDocument(text);
  return extractRefs(parsed, { path: 'HANDOFF.md' }).map((r) => {
    const written = parsed.text.slice(r.start, r.end);
    // the range holds the name as written: `Main` of "Main branch", the branch part of `origin/<branch>`
    assert.ok(r.name.toLowerCase().endsWith(written.toLowerCase()), `range of ${r.name} holds ${written}`);
    const claim = 'sha' in r.claim ? r.claim.sha : `pushed=${r.claim.pushed}`;
    if ('sha' in r.claim) {
      assert.ok(r.sha, `sha offsets of ${r.name}`);
      assert.equal(parsed.text.slice(r.sha.start, r.sha.end), r.claim.sha);
    }
    return `${r.name} ${r.kind} ${claim}`;
  });
}

function none(text: string): void {
  assert.deepEqual(refs(text), [], text);
}

describe('extractRefs', () => {
  describe('SHA claims', () => {
    it('reads a Branch / Tag | SHA table, with (tag) and (open) annotations and a push state in another cell', () => {
      const text = [
        '| Branch / Tag | SHA | Meaning |', '|---|---|---|',
        '| `main` | `ad1fd24` | Unchanged from prior session |',
        '| `v0.2.0` (tag) | `8a1b3fc` | M2 release; unchanged |',
        '| `m3-a6-wizard` (open) | `af65598` | **Phases 1–5 shipped**; pushed to origin |', '',
      ].join('\n');
      assert.deepEqual(refs(text), [
        'main branch ad1fd24', 'v0.2.0 tag 8a1b3fc', 'm3-a6-wizard branch af65598', 'm3-a6-wizard branch pushed=true',
      ]);
    });

    it('reads a Tag-only column as tags', () => {
      assert.deepEqual(refs('| Tag | Commit |\n|---|---|\n| release-2024 | `1a2b3c4` |\n'), ['release-2024 tag 1a2b3c4']);
    });

    it('reads the same table in a text rendering that lost its pipes', () => {
      const text = 'Branch / Tag SHA Meaning\nmain ad1fd24 Unchanged from prior session\nv0.2.0 (tag) 8a1b3fc M2 release; unchanged\nm3-a6-wizard (open) af65598 Phases shipped; pushed to origin\n';
      assert.deepEqual(refs(text), [
        'main branch ad1fd24', 'v0.2.0 tag 8a1b3fc', 'm3-a6-wizard branch af65598', 'm3-a6-wizard branch pushed=true',
      ]);
    });

    it('reads `origin/main` = `sha` as a remote', () => {
      assert.deepEqual(refs('- `origin/main` = `4c1d2e9`, local `main` = `5d2e3f0`\n'), ['origin/main remote 4c1d2e9', 'main branch 5d2e3f0']);
    });

    it('reads Local tip / Remote (origin) for the branch named by a Branch: label, and local-only as not pushed', () => {
      const text = '**Branch:** `feat/escalation-metric-endpoint`. Local tip is `665530f`. **Remote (origin) is at `8914391`** — the last two commits (`0f00ee5`, `665530f`) are local-only. **Push needed.**\n';
      assert.deepEqual(refs(text), [
        'feat/escalation-metric-endpoint branch 665530f',
        'origin/feat/escalation-metric-endpoint remote 8914391',
        'feat/escalation-metric-endpoint branch pushed=false',
      ]);
    });

    it('reads "is at", "at HEAD", "unchanged at", "HEAD =" and "off main sha"', () => {
      assert.deepEqual(refs('Branch: create phase-3.5 from the latest main (it has — main is at 753cec3):\n'), ['main branch 753cec3']);
      assert.deepEqual(refs('- **Branch:** `kk/main/Frontend_Design` at HEAD `caff322`. **Pushed.**\n'), [
        'kk/main/Frontend_Design branch caff322', 'kk/main/Frontend_Design branch pushed=true',
      ]);
      assert.deepEqual(refs('- **Main branch:** unchanged at `5638010e`.\n'), ['main branch 5638010e']);
      assert.deepEqual(refs('- **Branch `feat/m4` HEAD = `e40f945`**, pushed to **origin**\n'), ['feat/m4 branch e40f945', 'feat/m4 branch pushed=true']);
      assert.deepEqual(refs('- Branch: `intake-0-adr` (docs-only PR) off `main` `803364b0`.\n'), ['main branch 803364b0']);
      assert.deepEqual(refs('The m3-a6-easy-playbook-wizard branch is at af65598 (Phases 1+2 shipped).\n'), ['m3-a6-easy-playbook-wizard branch af65598']);
      assert.deepEqual(refs('**End of handoff.** Branch at `caff322` on `kk/main/Frontend_Design`.\n'), ['kk/main/Frontend_Design branch caff322']);
    });

    it('reads HEAD at sha as a claim on HEAD when no branch is named', () => {
      assert.deepEqual(refs('- **HEAD at time of writing:** `0224ccf` (plus docs)\n'), ['HEAD branch 0224ccf']);
      assert.deepEqual(refs('Current HEAD: f5f0ef0 (🐛 Fix SOCKS proxy error)\n'), ['HEAD branch f5f0ef0']);
    });

    it('reads git log --decorate output, in code blocks and in prose', () => {
      const code = '```\n* af65598 (HEAD -> m3-a6, origin/m3-a6, tag: v0.2.0) feat: x\n* 1feec2e (fix typo) y\n```\n';
      assert.deepEqual(refs(code), ['m3-a6 branch af65598', 'origin/m3-a6 remote af65598', 'v0.2.0 tag af65598']);
      assert.deepEqual(refs('- `c1a4296` (HEAD -> main) Merge PR #100\n'), ['main branch c1a4296']);
      none('```\ngit push origin main  # abc1234 (not pushed)\n```\n');
    });

    it('reads branch and git_commit in front matter', () => {
      assert.deepEqual(refs('---\nbranch: feat/x\ngit_commit: 1feec2e\n---\n# T\n'), ['feat/x branch 1feec2e']);
    });
  });

  describe('push states', () => {
    it('ties "not pushed" / "unpushed" / "pushed to origin" to the branch named nearby', () => {
      assert.deepEqual(refs('Branch `feat/z` has unpushed commits.\n'), ['feat/z branch pushed=false']);
      assert.deepEqual(refs('- **Branch:** `feat/y` — not pushed yet.\n'), ['feat/y branch pushed=false']);
      assert.deepEqual(refs('- **Branch:** `feat/y`, pushed to origin.\n'), ['feat/y branch pushed=true']);
    });

    it('ties a push phrase to a branch of its own sentence only (a Branch: label still names the line\'s branch)', () => {
      // The image was built from main; the unpushed commit of the next sentences is another's.
      assert.deepEqual(refs('**DEPLOYED** — image `7fed8a7ba89a` (built from `main@fba2052e`), healthy. No migration. Resumed: the backend (`21cccba8`) was already committed-but-unpushed.\n'),
        ['main branch fba2052e']);
      assert.deepEqual(refs('Built from `main@fba2052e`. The fix is unpushed.\n'), ['main branch fba2052e']);
      assert.deepEqual(refs('Built from `main@fba2052e`, which is still unpushed.\n'), ['main branch fba2052e', 'main branch pushed=false']);
      assert.deepEqual(refs('- **Branch:** `feat/y`. Two commits on top. **Not pushed yet.**\n'), ['feat/y branch pushed=false']);
    });

    it('claims nothing without a branch', () => {
      none('Git State: Clean — all changes pushed.\n');
      none('The two new commits are local-only until pushed. Run `git push` first.\n');
      none('Verify push succeeded (check for errors).\n');
    });
  });

  describe('names that are only mentioned', () => {
    it('PR base/head, merge to main, open against main', () => {
      none('Draft PR #155 is open against `main`.\n');
      none('### Merge to main (`4a0ea8d`)\n238 commits merged to main.\n');
      none('| PR | Base | Head |\n|---|---|---|\n| #12 | main | feat/a |\n');
      none('Stacked on `organize-tyler-pr`; clean worktree on `typecheck-low-risk-cleanup`.\n');
    });

    it('repositories, files, roles and lower bounds are not refs', () => {
      none('- Commits: agent-core a228d26, claudeutils a205a72\n');
      none('See `api/app/x.py` at `abc1234`.\n');
      none('The feature branch is at `abc1234`.\n');
      none('2. `git pull origin main` and verify HEAD is `bb41f8f` or later.\n');
      none('Colour `main` = `#1f6feb` and `main` = `4194304` bytes.\n');
    });
  });

  describe('exact offsets', () => {
    it('survive a BOM, CRLF, tabs, emoji, … and §', () => {
      const text = '\uFEFF# Übergabe 🚀\r\n\r\n§ 1 …\t**Branch:** `feat/ä-x`. Local tip is `665530f`. Not pushed.\r\n\r\n| Branch | SHA |\r\n|---|---|\r\n| 🚀 | x |\r\n| `main` | `ad1fd24` |\r\n';
      const parsed = parseDocument(text);
      const found = extractRefs(parsed, { path: '' });
      assert.deepEqual(found.map((r) => parsed.text.slice(r.start, r.end)), ['feat/ä-x', 'feat/ä-x', 'main']);
      assert.deepEqual(found.map((r) => (r.sha ? parsed.text.slice(r.sha.start, r.sha.end) : null)), ['665530f', null, 'ad1fd24']);
    });
  });

  // Not timed (a timing on a loaded machine proves nothing; speed is npm run bench's): what each input yields is checked instead.
  describe('hostile input', () => {
    for (const [name, make, count] of [
      ['1 MB of [', () => '['.repeat(1_000_000), 0],
      ['10k-deep list', () => '- '.repeat(10_000) + 'main is at a1b2c3d', 1],
      ['a giant line of claims', () => 'main is at `a1b2c3d` and not pushed; '.repeat(25_000), 25_000],
      ['a giant table', () => '| Branch | SHA |\n|---|---|\n' + '| `br` | `a1b2c3d` |\n'.repeat(3_000), 3_000],
    ] as Array<[string, () => string, number]>) {
      it(`${name}: no throw, each claim read where it is written`, function () {
        this.timeout(120_000); // a loaded machine is slow; how fast is measured by npm run bench
        const parsed = parseDocument(make());
        const found = extractRefs(parsed, { path: '' });
        const claims = found.filter((r) => 'sha' in r.claim && r.sha);
        assert.ok(claims.length >= count && found.length <= count + 200, `${found.length} refs, ${claims.length} with a SHA, for ${count} claims`);
        for (const r of claims) assert.equal(parsed.text.slice(r.sha!.start, r.sha!.end), 'a1b2c3d');
        if (count) assert.equal(parsed.text.slice(found[0]!.start, found[0]!.end), found[0]!.name);
      });
    }
  });
});

describe('extractRefs: numbers are not refs', () => {
  it('`150000` → `1000000` (a default raised) is no branch at a commit, and its number no commit; `release-2` → `a1b2c3d` is', () => {
    const text = '1. `context-monitor.sh:27` — default changed from `150000` → `1000000`; maximum (`500000` → `2000000`).\n2. `release-2` → `a1b2c3d` merged.\n';
    assert.deepEqual(refs(text), ['release-2 branch a1b2c3d']);
    assert.deepEqual(modelOf(text).commits.map((c) => c.sha), ['a1b2c3d']);
  });
});

describe('extractRefs: full-width punctuation', () => {
  it('HEAD：, a branch and ＝ claim as their ASCII twins do', () => {
    assert.deepEqual(refs('現在の HEAD：5a4b3c2 です。\n'), ['HEAD branch 5a4b3c2']);
    assert.deepEqual(refs('ブランチ `feat/sync`：HEAD＝9a8b7c6\n'), ['feat/sync branch 9a8b7c6']);
    assert.deepEqual(refs('main：0d1e2f3 のまま\n'), ['main branch 0d1e2f3']);
  });
});

describe('extractRefs: a paragraph of SHAs with no claim word', () => {
  it('asks what stands before each SHA only when its block holds such a word at all', () => {
    const test = RegExp.prototype.test;
    const asked = new Map<string, number>();
    RegExp.prototype.test = function (this: RegExp, s: string) {
      asked.set(this.source, (asked.get(this.source) ?? 0) + 1);
      return test.call(this, s);
    };
    let quiet: number;
    let claimed: ReturnType<typeof extractRefs>;
    try {
      const shas = Array.from({ length: 2_000 }, (_, i) => `${(0x1a2b3c4 + i * 7919).toString(16)}..${(0x2b3c4d5 + i * 7919).toString(16)}`);
      extractRefs(parseDocument(`${shas.join(' ')}\n`), { path: '' });
      quiet = [...asked].filter(([source]) => /tip\|head|branch\|HEAD\|tip|origin\|upstream\|main/.test(source)).reduce((n, [, k]) => n + k, 0);
      claimed = extractRefs(parseDocument(`${shas.join(' ')}. HEAD is at ${shas[0]!.slice(0, 7)}\n\nBranch \`feat/x\` is at ${shas[1]!.slice(0, 7)}\n`), { path: '' });
    } finally {
      RegExp.prototype.test = test;
    }
    assert.ok(quiet <= 10, `the words before a SHA were tested ${quiet} times for 4,000 SHAs`);
    assert.deepEqual(claimed.map((r) => r.name), ['HEAD', 'feat/x'], 'a block with the words still has its claims');
  });
});
