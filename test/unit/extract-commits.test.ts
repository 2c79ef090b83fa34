import { strict as assert } from 'node:assert';
import { parseDocument } from '../../src/core/parse/parseDocument';
import { extractCommits } from '../../src/core/extract/commits';
import { pushClaimOf } from '../../src/core/extract/commitPush';
import { scanHexTokens } from '../../src/core/extract/hex';
import { withoutWrappedPieces } from '../../src/core/extract/wrappedHex';

interface Seen {
  sha: string;
  evidence: string;
}

/** Commits of `text`, each checked to sit exactly at its offsets. */
function commits(text: string): Seen[] {
  const parsed = parseDocument(text);
  const found = extractCommits(parsed, { path: 'HANDOFF.md' });
  for (const c of found) assert.equal(parsed.text.slice(c.start, c.end), c.sha, `offsets of ${c.sha}`);
  return found.map((c) => ({ sha: c.sha, evidence: c.evidence }));
}

function evidenceOf(text: string, sha: string): string[] {
  return commits(text).filter((c) => c.sha === sha).map((c) => c.evidence);
}

function none(text: string): void {
  assert.deepEqual(commits(text), [], text);
}

describe('extractCommits', () => {
  describe('forms and evidence', () => {
    it('takes a table column named Commit, SHA, Hash, Tip or HEAD', () => {
      for (const h of ['Commit', 'SHA', 'Hash', 'Tip', 'HEAD', 'Commit(s)', '**Commit**']) {
        const text = `| ${h} | What |\n|---|---|\n| \`1385d50\` | feat(api): prep doc |\n`;
        assert.deepEqual(commits(text), [{ sha: '1385d50', evidence: 'column' }], h);
      }
    });

    it('takes the word commit (and HEAD, merged, cherry-pick …) in the same sentence as keyword evidence', () => {
      assert.deepEqual(evidenceOf('**Fixed in commit `bb26cac`** (Phase 7).', 'bb26cac'), ['keyword']);
      assert.deepEqual(evidenceOf('- Amended agent-core commit a228d26 with all fixes', 'a228d26'), ['keyword']);
      assert.deepEqual(evidenceOf('Merged runbook-skill-fixes (7ff7c081). 2 worktrees active.', '7ff7c081'), ['keyword']);
      assert.deepEqual(evidenceOf('PR #103 MERGED as **`7c7ce14`**; next.', '7c7ce14'), ['keyword']);
      assert.deepEqual(evidenceOf('We cherry-picked `1a2b3c4d` onto the release.', '1a2b3c4d'), ['keyword']);
      assert.deepEqual(evidenceOf('The build broke at HEAD, see `9f8e7d6`.', '9f8e7d6'), ['keyword']);
    });

    it('does not let a keyword in another sentence or cell count', () => {
      assert.deepEqual(evidenceOf('Two commits landed. The loop from `e8ba74e` closes.', 'e8ba74e'), ['bare']);
      const table = '| Note | Ref |\n|---|---|\n| see commit list | `e8ba74e` |\n';
      assert.deepEqual(evidenceOf(table, 'e8ba74e'), ['bare']);
    });

    it('reads headings, including inferred ones of text renderings', () => {
      assert.deepEqual(evidenceOf('### Phase 1 — ARQ worker (commit `1feec2e`, 4 files / 309 lines)\n', '1feec2e'), ['keyword']);
      assert.deepEqual(evidenceOf('**Orchestration Failure Analysis (commit f05e1a3):**\n- x\n', 'f05e1a3'), ['keyword']);
    });

    it('reads HTML comments, blocks and inline', () => {
      assert.deepEqual(evidenceOf('<!-- design removed: merged (84c3029d), wt-rm clean -->\n', '84c3029d'), ['keyword']);
      assert.deepEqual(evidenceOf('Text <!-- last commit 5e024c2 --> more text.\n', '5e024c2'), ['keyword']);
      none('<div data-x="1" style="color:#1f6feb80">a1b2c3d4e5</div>\n'); // raw HTML without commit words: not bare
    });

    it('reads git-log-like lines in code blocks, and git commands', () => {
      const code = '```\naf65598 feat(api): endpoints\n* 1feec2e (HEAD -> main) fix: x\ncommit 0123456789abcdef0123456789abcdef01234567\ngit cherry-pick 88dadb6\nconst key = "a1b2c3d4e5";\n```\n';
      assert.deepEqual(commits(code), [
        { sha: 'af65598', evidence: 'log-line' },
        { sha: '1feec2e', evidence: 'ref-claim' }, // the decoration claims main at it
        { sha: '0123456789abcdef0123456789abcdef01234567', evidence: 'log-line' },
        { sha: '88dadb6', evidence: 'keyword' },
      ]);
    });

    it('reads git_commit in front matter, and nothing else there', () => {
      const text = '---\ngit_commit: 1feec2e\nid: 9a8b7c6\nbranch: main\n---\n# T\n';
      assert.deepEqual(commits(text), [{ sha: '1feec2e', evidence: 'front-matter' }]);
    });

    it('takes both ends of ranges: a^..b, a..b, a...b', () => {
      assert.deepEqual(commits('cherry-pick the phase commits (`1feec2e^..af65598`).'), [
        { sha: '1feec2e', evidence: 'range' }, { sha: 'af65598', evidence: 'range' },
      ]);
      assert.deepEqual(commits('Changes in 3e5b7c21..9a0f4d6e and `a1b2c3d...e4f5a6b` here.').map((c) => c.evidence), [
        'range', 'range', 'range', 'range',
      ]);
      assert.deepEqual(commits('- `5a96d4a..90c7812` — web typecheck cleanup').map((c) => c.sha), ['5a96d4a', '90c7812']);
    });

    it('takes git-log-like lines in prose and lists', () => {
      assert.deepEqual(evidenceOf('- `db24dbc` - Added the prior review handoff\n', 'db24dbc'), ['log-line']);
      assert.deepEqual(evidenceOf('1. **`0f00ee5` feat(escalations): close out polish.**\n', '0f00ee5'), ['log-line']);
      assert.deepEqual(evidenceOf('- **`0f00ee5`** feat(escalations): close out polish\n', '0f00ee5'), ['log-line']);
      assert.deepEqual(evidenceOf('af65598 feat(api): Easy Playbook endpoints\n', 'af65598'), ['log-line']);
      assert.deepEqual(evidenceOf('- 72167fa - ✨ Add markdown composition\n', '72167fa'), ['log-line']);
    });

    it('marks the SHA claimed for a branch or tag as ref-claim', () => {
      const table = '| Branch / Tag | SHA | Meaning |\n|---|---|---|\n| `main` | `ad1fd24` | Unchanged |\n| `v0.2.0` (tag) | `8a1b3fc` | M2 |\n';
      assert.deepEqual(commits(table), [{ sha: 'ad1fd24', evidence: 'ref-claim' }, { sha: '8a1b3fc', evidence: 'ref-claim' }]);
      assert.deepEqual(evidenceOf('Branch: create it from main (main is at 753cec3):\n', '753cec3'), ['ref-claim']);
    });

    it('takes hex with no other context as bare, only when it has a digit and a letter', () => {
      assert.deepEqual(commits('Closes the loop from `e8ba74e`.'), [{ sha: 'e8ba74e', evidence: 'bare' }]);
      assert.deepEqual(commits('- claudeutils: a205a72 (learnings migration)'), [{ sha: 'a205a72', evidence: 'bare' }]);
      none('The value `1234567` and the word `deadbeef` and `cafebabe`.');
    });

    it('accepts 7–12 and 40 hex digits, and keeps their case', () => {
      assert.deepEqual(commits('commit `abcdef012345` and commit `ABC1234` and commit 0123456789abcdef0123456789abcdef01234567.').map((c) => c.sha), [
        'abcdef012345', 'ABC1234', '0123456789abcdef0123456789abcdef01234567',
      ]);
      none('commit `abcdef0123456` and commit 0123456789abcdef0123456789abcdef012345678');
    });

    it('accepts an all-digit SHA only where one is explicitly claimed', () => {
      assert.deepEqual(commits('Fixed in commit `8914391`.'), [{ sha: '8914391', evidence: 'keyword' }]);
      assert.deepEqual(commits('| Commit | What |\n|---|---|\n| `8914391` | fix |\n'), [{ sha: '8914391', evidence: 'column' }]);
      none('The earlier commits covered 4194304 bytes; size `4194304` bytes.');
    });

    it('reads text renderings: tables that lost their pipes, and backticks glued to words', () => {
      const table = 'Commit What\n1385d50 M3-A6 prep doc (was the only commit)\n1feec2e feat(api,m3-a6): ARQ worker\n';
      assert.deepEqual(commits(table), [{ sha: '1385d50', evidence: 'column' }, { sha: '1feec2e', evidence: 'column' }]);
      const refTable = 'Branch / Tag SHA Meaning\nmain ad1fd24 Unchanged from prior session\nv0.2.0 (tag) 8a1b3fc M2 release\n';
      assert.deepEqual(commits(refTable).map((c) => c.evidence), ['ref-claim', 'ref-claim']);
      // glued `0f00ee5` is recovered because the document uses it as a commit elsewhere
      const glued = 'Pushed later (commits0f00ee5and665530fare local-only).\n\nThe two commits `0f00ee5` and `665530f` are local.\n';
      assert.deepEqual(commits(glued), [
        { sha: '0f00ee5', evidence: 'bare' }, { sha: '665530f', evidence: 'bare' },
        { sha: '0f00ee5', evidence: 'keyword' }, { sha: '665530f', evidence: 'keyword' },
      ]);
      none('A word like commits0f00ee5and is not a commit when the SHA is not used elsewhere.');
    });

    it('takes a SHA in a GitHub commit URL', () => {
      assert.deepEqual(evidenceOf('[fix](https://github.com/o/r/commit/af65598abc)', 'af65598abc'), ['keyword']);
    });
  });

  describe('hex that is not a commit', () => {
    it('colours', () => none('Accent `#1f6feb80`, text #4b5563ff and color: #fafbfa.'));
    it('content hashes', () => {
      none('Image sha256:4e1243bd22c66e76c2ba9eddc1f91394e57f9f83 and `sha256:4e1243bd…` pinned.');
      none('The image digest `4e1243bd22` is pinned.');
    });
    it('truncated keys', () => none('Created KB `9003dbc6…` and schedule (`5e41b64c-...`), commit 1a2b3c4...'));
    it('UUIDs and their parts', () => none('KB `9003dbc6-abf5-4f25-922b-588714f26405` (commit 9003dbc6-abf5-4f25-922b-588714f26405).'));
    it('16- and 32-hex ids and keys', () => none('commit 9b2c4d1e77a0f3c5 and `a2bc447961e52fd2227baed164f729dc` and 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'));
    it('ids with prefixes', () => none('Job `run:job:9b2c4d1e77a0f3c5`, task run:job:9b2c4d1e, user@a1b2c3d4e, pkg=1a2b3c4d5'));
    it('plain numbers', () => none('Size: `4194304` bytes, 20260519 and 1234567890 rows, 1e10000 too.'));
    it('words made of hex letters, and hex inside words', () => {
      none('deadbeef facade decade added accede effaced `deadbeef` commit cafebabe');
      none('user feedback, the push succeeded, feedback_dry_run_value memory');
    });
    it('Alembic revision ids in file names', () => {
      none('| `alembic/versions/d2657c9e4cb3_add_proofs_table.py` | Migration |\n|---|---|\n');
      none('5. `alembic/versions/8ff917fb21f0_*.py` - Fixed enum migration\n');
      none('**File**: `alembic/versions/8ff917fb21f0_add_pipeline_stage_to_tasks.py`');
    });
    it('a database migration head', () => {
      none('**State:** 222 tests green. Migrations head `b08ff128c47c`.\n');
      none('Run `npm run dev`. DB head c7e90f4a1b32.\n');
      none('Alembic head 4bbd7db38ad2 applied to local PG.\n');
      assert.deepEqual(evidenceOf('HEAD at `1a2b3c4`, the release head `5d6e7f8`.\n', '1a2b3c4'), ['ref-claim'], "git's HEAD stays a commit");
    });
    it('CRC32, MD5 and checksums in context', () => {
      none('- Size: `4194304` bytes (`0x400000`)\n- CRC32: `2D206BF7`\n- MD5: `a2bc447961e52fd2227baed164f729dc`\n');
      none('The checksum of the ROM is 1a2b3c4d, unchanged since the last commit.');
      none('| File | CRC32 |\n|---|---|\n| rom.sfc | `2D206BF7` |\n');
    });
    it('a SHA-1 among a file\'s other digests is its checksum; alone, or labelled a commit, it is a commit', () => {
      const sha = 'de5822f4f2f7a55acb8926d4c0eaa63d5d989312';
      none(`- CRC32: \`2D206BF7\`\n- MD5: \`a2bc447961e52fd2227baed164f729dc\`\n- SHA1: \`${sha}\`\n`);
      none(`**SHA-1:** ${sha}\n**SHA-256:** 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n`);
      none(`Fingerprint of rom.sfc\n\nmd5 = a2bc447961e52fd2227baed164f729dc\n\nsha1sum: ${sha}\n`);
      assert.deepEqual(evidenceOf(`- SHA1: \`${sha}\`\n- Branch: main\n`, sha), ['keyword'], 'a SHA-1 label alone');
      assert.deepEqual(evidenceOf(`- MD5: \`a2bc447961e52fd2227baed164f729dc\`\n- Commit SHA1: \`${sha}\`\n`, sha), ['keyword'], 'labelled a commit');
      assert.deepEqual(evidenceOf(`- MD5: \`a2bc447961e52fd2227baed164f729dc\`\n\n\n\n\n- SHA1: \`${sha}\`\n`, sha), ['keyword'], 'digests lines apart');
    });
    it('SNES bank:addr and hex addresses', () => none('`C2:F2F3..C2:F360`, `C0-FF:0000-7FFF`, C0FFEE1:0B4E and 0x1a2b3c4d.'));
    it('ids named as such: session, run, key', () => {
      none('| session | trigger |\n|---|---|\n| `1e49dc62` | watch |\n');
      none('→ session `4554cdd9` halted, key `a1b2c3d4e5` rotated, run id 7f3e2a1b.');
      none('- `a1b2c3d4` (session id) was pushed to the queue.\n- 9f8e7d6c request id, merged later\n');
    });
    it('container and image ids, Alembic revision ids outside file names', () => {
      none('Container `3f2a1b4c5d6e` restarted; image 9c8b7a6d5e4f pulled.\n');
      none('Revision ID: d2657c9e4cb3\nRevises: 8ff917fb21f0\n');
      none('| Container | Status |\n|---|---|\n| `3f2a1b4c5d6e` | up |\n');
    });
    it('file names and paths', () => none('See `abc1234.py`, docs/abc1234/x.md and a1b2c3d.example.com.'));
    it('hex in code without any git context', () => none('```\nconst key = "a1b2c3d4e5";\nx = 0f00ee5a1\n```\n'));
  });

  describe('exact offsets', () => {
    it('survive a BOM, CRLF, tabs, emoji, … and § before the items', () => {
      const text = '\uFEFF# Täglich 🚀\r\n\r\n§ 3 — Ünïcödé…\tcommit `af65598` done 👍🏽\r\n\r\n| Commit | What |\r\n|---|---|\r\n| `1385d50` | x |\r\n\r\n```\r\n\t1feec2e feat: y\r\n```\r\n';
      const parsed = parseDocument(text);
      const found = extractCommits(parsed, { path: '' });
      assert.deepEqual(found.map((c) => c.sha), ['af65598', '1385d50', '1feec2e']);
      for (const c of found) assert.equal(parsed.text.slice(c.start, c.end), c.sha);
    });
  });

  // Not timed (a timing on a loaded machine proves nothing; speed is npm run bench's): what each input yields is checked instead.
  describe('hostile input', () => {
    const cases: Array<[string, () => string, (found: Array<{ sha: string; evidence: string }>) => void]> = [
      ['1 MB of [', () => '['.repeat(1_000_000), (f) => assert.equal(f.length, 0)],
      ['10k-deep list', () => '- '.repeat(10_000) + 'commit a1b2c3d\n' + '> '.repeat(10_000) + 'merged 1a2b3c4',
        (f) => assert.deepEqual(f.map((c) => `${c.sha} ${c.evidence}`), ['a1b2c3d keyword', '1a2b3c4 keyword'])],
      ['a giant line of SHAs', () => 'commit a1b2c3d '.repeat(70_000), (f) => {
        assert.equal(f.length, 70_000);
        assert.ok(f.every((c) => c.evidence === 'keyword'));
      }],
      // Hex glued between letters is no SHA: only the one after `commit` counts as a keyword; the glued runs are
      // bounded however long the line is.
      ['a giant line of glued SHAs', () => 'commit `a1b2c3d` x' + 'ya1b2c3dz'.repeat(100_000), (f) => {
        assert.equal(f[0]!.evidence, 'keyword');
        assert.ok(f.length <= 2_000, `${f.length} found`);
      }],
      ['long hex runs', () => 'f'.repeat(500_000) + ' ' + '1a'.repeat(200_000), (f) => assert.equal(f.length, 0)],
      ['many ranges', () => 'a1b2c3d..'.repeat(100_000), (f) => {
        assert.equal(f.length, 99_999);
        assert.ok(f.every((c) => c.evidence === 'range'));
      }],
    ];
    for (const [name, make, expect] of cases) {
      it(`${name}: no throw, each SHA found where it is written`, function () {
        this.timeout(120_000); // a loaded machine is slow; how fast is measured by npm run bench
        const parsed = parseDocument(make());
        const found = extractCommits(parsed, { path: '' });
        expect(found);
        for (const c of found) assert.equal(parsed.text.slice(c.start, c.end), c.sha);
      });
    }
  });
});

describe('extractCommits: hex runs a hard wrap cut in two', () => {
  it('neither half of a wrapped full SHA is a commit, nor the halves of a wrapped short one', () => {
    const full = 'After the rebase the tip of the branch is now commit 0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6\n' +
      'e7f8a9b and nothing else changed in this session.\n';
    none(full);
    const short = 'The merge that brought the work in for the release is commit 9f8e7d6\nc5b (fixed later)\n';
    none(short);
  });

  it('whole SHAs that end and start neighbouring lines stay, and so do lines too short to be wrapped', () => {
    const text = 'The two commits of the session, in the order they were made: `1a2b3c4`\n5d6e7f8 fix: the parser\n\n' +
      'Tip 0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6\ne7f8a9b merged.\n';
    assert.deepEqual(commits(text).map((c) => c.sha), ['1a2b3c4', '5d6e7f8', 'e7f8a9b']);
  });
});

/** `s` as a String object counting the characters read one at a time (`charCodeAt`): the work a scan does. */
function countingReads(s: string): { text: string; reads: () => number } {
  let n = 0;
  const o = new String(s) as unknown as { charCodeAt: (i: number) => number };
  o.charCodeAt = (i: number) => { n++; return s.charCodeAt(i); };
  return { text: o as unknown as string, reads: () => n };
}

describe('extractCommits: a long line of SHAs costs a few reads per SHA', () => {
  const line = 'word src/a.ts:12 abc1234 '.repeat(4_000);

  it('a SHA in the middle of a line is no wrapped piece, judged by the characters next to it (not the line back to its start)', () => {
    const tokens = scanHexTokens(line);
    const c = countingReads(line);
    assert.equal(withoutWrappedPieces(c.text, tokens).length, 4_000);
    assert.ok(c.reads() <= 8 * tokens.length, `${c.reads() / tokens.length} reads per SHA`);
  });

  it('a block with no push word at all is looked at once, not measured out around each SHA', () => {
    const parsed = parseDocument(line);
    const block = parsed.blocks.find((b) => b.kind === 'paragraph')!;
    const c = countingReads(parsed.text);
    for (const t of scanHexTokens(parsed.text)) assert.equal(pushClaimOf(c.text, block, t.start, t.end), null);
    assert.ok(c.reads() <= 4_000, `${c.reads() / 4_000} reads per SHA`);
    const pushed = `${line}pushed to origin`;
    const p = parseDocument(pushed);
    const last = scanHexTokens(pushed).at(-1)!;
    assert.equal(pushClaimOf(p.text, p.blocks.find((b) => b.kind === 'paragraph')!, last.start, last.end), 'pushed', 'a cue in the block still counts');
  });
});

describe('extractCommits: the commit a pull request was at', () => {
  it('PR #N @ sha (spaced, glued, backticked, MR !N) is keyword evidence', () => {
    assert.deepEqual(commits('Landed as PR #31 @ `9c8b7a6` this morning.'), [{ sha: '9c8b7a6', evidence: 'keyword' }]);
    assert.deepEqual(commits('- PR #7@4d5e6f7a, MR !12 @ **0b1c2d3**'), [
      { sha: '4d5e6f7a', evidence: 'keyword' }, { sha: '0b1c2d3', evidence: 'keyword' },
    ]);
  });

  it('an @ after anything else is not', () => {
    none('Mail ops@a1b2c3d4e about it.');
    assert.deepEqual(commits('Issue #31 @ `5d6e7f8` stays open.'), [{ sha: '5d6e7f8', evidence: 'bare' }]);
  });
});

describe('extractCommits: SHAs shaped like numbers in exponent form', () => {
  it('in a commit log (a commit message after it, or log lines around it) they are commits', () => {
    const text = '```\n2e71040 fix(cli): exit codes\n4c5d6e7 docs: readme\n```\n\n- 3e80915 - chore: bump deps\n\n' +
      '- 5a6b7c8 add the parser\n- 7e12345 wire the cache\n';
    assert.deepEqual(commits(text), [
      { sha: '2e71040', evidence: 'log-line' }, { sha: '4c5d6e7', evidence: 'log-line' },
      { sha: '3e80915', evidence: 'log-line' }, { sha: '5a6b7c8', evidence: 'log-line' }, { sha: '7e12345', evidence: 'log-line' },
    ]);
  });

  it('where a SHA is claimed (a Commit column, "commit" right before) too; elsewhere they are numbers', () => {
    assert.deepEqual(commits('| Commit | What |\n|---|---|\n| `6e20481` | x |\n\nFixed in commit `8e31337`.\n'), [
      { sha: '6e20481', evidence: 'column' }, { sha: '8e31337', evidence: 'keyword' },
    ]);
    none('The bound is 1e50032 here; 2e30000 steps ran.\n\n- 1e10000 iterations per run\n\n```\n1e50032 0.5 0.7\n2e40000 0.1 0.2\n```\n');
  });
});

describe('extractCommits: ranges and lists in front matter', () => {
  it('both ends of a range under a commit or range key, and the items of a commits list', () => {
    const text = '---\ncommit_range: a1b2c3d..e4f5a6b\nrange: "1a2b3c4^..5d6e7f8"\ncommits: [0a1b2c3, 4d5e6f7]\nshas:\n' +
      '  - 7a8b9c0\n  - "1d2e3f4"\n---\n# Notes\n';
    assert.deepEqual(commits(text), [
      { sha: 'a1b2c3d', evidence: 'range' }, { sha: 'e4f5a6b', evidence: 'range' },
      { sha: '1a2b3c4', evidence: 'range' }, { sha: '5d6e7f8', evidence: 'range' },
      { sha: '0a1b2c3', evidence: 'front-matter' }, { sha: '4d5e6f7', evidence: 'front-matter' },
      { sha: '7a8b9c0', evidence: 'front-matter' }, { sha: '1d2e3f4', evidence: 'front-matter' },
    ]);
  });

  it('ranges and lists under other keys are not commits', () => {
    none('---\nid: 4b5c6d7..8e9f0a1\nchecksums: [a0b1c2d, e3f4a5b]\ntags:\n  - 6c7d8e9\n---\n# Notes\n');
  });
});

describe('extractCommits: a SHA alone on its line under a label', () => {
  const full = (c: string) => `0123456789abcdef0123456789abcdef0123456${c}`;
  it('a label line (`Commit:`, bold, a heading, one blank line between) names the SHA below it', () => {
    const text = `**Last commit**\n\`${full('1')}\`\n\nCommit:\n${full('2')}\n\n### Merge commit\n\n- **${full('3')}**\n\nHEAD (full):\n> 9a8b7c6d\n`;
    assert.deepEqual(commits(text), [
      { sha: full('1'), evidence: 'keyword' }, { sha: full('2'), evidence: 'keyword' },
      { sha: full('3'), evidence: 'keyword' }, { sha: '9a8b7c6d', evidence: 'keyword' },
    ]);
  });

  it('a line about something else, a sentence, or a label two blank lines up gives nothing', () => {
    const text = `Session:\n${full('4')}\n\nWe wrote the commit message yesterday:\n${full('5')}\n\nCommit:\n\n\n${full('6')}\n`;
    assert.deepEqual(commits(text).map((c) => c.evidence), ['bare', 'bare', 'bare']);
  });
});

describe('extractCommits: full-width punctuation', () => {
  it('separates tokens and gives the context its ASCII twin gives', () => {
    assert.deepEqual(commits('現在の HEAD：5a4b3c2 です。\n'), [{ sha: '5a4b3c2', evidence: 'ref-claim' }]);
    assert.deepEqual(commits('コミット：6a4b3c2 を確認\n'), [{ sha: '6a4b3c2', evidence: 'keyword' }]);
    assert.deepEqual(commits('修正済み（commit 7a4b3c2）\n'), [{ sha: '7a4b3c2', evidence: 'keyword' }]);
    assert.deepEqual(commits('main：0d1e2f3 のまま\n'), [{ sha: '0d1e2f3', evidence: 'ref-claim' }]);
  });

  it('a full-width # glues as # does', () => none('色は ＃1f6feb80 です\n'));
});

describe('extractCommits: the push state a document claims for a commit', () => {
  /** `sha claim` (or `-`) for every commit of `text`. */
  function claims(text: string): string[] {
    return extractCommits(parseDocument(text), { path: 'HANDOFF.md' }).map((c) => `${c.sha} ${c.pushClaim ?? '-'}`);
  }

  it('unpushed: NOT YET PUSHED, local-only, awaiting push, built locally, needs push, about to push, not been pushed', () => {
    const text = [
      '- `1a2b3c4`, `5d6e7f8` — NOT YET PUSHED',
      '- Commits (local-only): `2b3c4d5` and `3c4d5e6`',
      '- `4d5e6f7` awaiting push after review',
      '- `5e6f7a8` built locally; CI has not seen it',
      '- commit `6f7a8b9` needs push',
      '- HEAD `7a8b9c0`, about to push',
      '- Commit 8b9c0d1 has not been pushed yet.',
      '',
    ].join('\n');
    assert.deepEqual(claims(text), [
      '1a2b3c4 unpushed', '5d6e7f8 unpushed', '2b3c4d5 unpushed', '3c4d5e6 unpushed', '4d5e6f7 unpushed',
      '5e6f7a8 unpushed', '6f7a8b9 unpushed', '7a8b9c0 unpushed', '8b9c0d1 unpushed',
    ]);
  });

  it('pushed: pushed (to origin), on origin, a PR merged, a row cell, a yes under a Pushed? column', () => {
    const text = [
      '- Branch HEAD `0a1b2c3`, pushed to origin, tree clean.',
      '- Commit 1b2c3d4 is on origin.',
      '- PR #12 merged as `2c3d4e5`.',
      '',
      '| Commit | What | State |', '|---|---|---|', '| `3d4e5f6` | fix x | pushed |', '| `4e5f6a7` | fix y | not pushed |', '',
      '| SHA | Pushed? |', '|---|---|', '| `5f6a7b8` | ✅ |', '| `6a7b8c9` | no |', '',
    ].join('\n');
    assert.deepEqual(claims(text), [
      '0a1b2c3 pushed', '1b2c3d4 pushed', '2c3d4e5 pushed', '3d4e5f6 pushed', '4e5f6a7 unpushed', '5f6a7b8 pushed', '6a7b8c9 unpushed',
    ]);
  });

  it('no claim: a conditional, a reference point, another sentence, a phrase far away, a negated origin', () => {
    const text = [
      '- `7b8c9d0` — fixes (force-pushed past `8c9d0e1` which leaked a file)',
      '- Once pushed, `9d0e1f2` gets tagged.',
      '- HEAD `0e1f2a3`. Not pushed: the docs commit.',
      '- If the branch is missing on origin, cherry-pick `1f2a3b4`.',
      '- `2a3b4c5` changed the parser, the lexer, the error messages, the tests, the docs, the examples, and then it was pushed',
      '',
      '| Task | What | Commit |', '|---|---|---|',
      '| 0411-j6z | Close out the cleanup stream: boundary and index verified (all durable patterns present, the local-only tool paths not tracked), stale references updated, closeout log written | 3b4c5d6 |',
      '',
    ].join('\n');
    assert.deepEqual(claims(text), ['7b8c9d0 pushed', '8c9d0e1 -', '9d0e1f2 -', '0e1f2a3 -', '1f2a3b4 -', '2a3b4c5 -', '3b4c5d6 -']);
  });
});
