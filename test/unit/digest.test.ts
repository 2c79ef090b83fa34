// handoff-lint digest on a repository with pushed, unpushed, amended and renamed history: every stale item is
// reported with its evidence, nothing that holds is reported as changed, the open steps and the commits since are
// there, the byte bound holds (and says what it left out), and the same repository state gives the same bytes.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { composeDigest } from '../../src/core/digest/compose';
import { renderDigest, utf8Length } from '../../src/core/digest/render';
import { createLanguageService } from '../../src/core/service';
import { buildDigestRepo, type DigestRepo } from '../fixtures/git/digestRepo';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}

const s7 = (sha: string) => sha.slice(0, 7);

interface JsonEntry { section: string; verdict: string | null; text: string; evidence: string | null; line: number | null }

describe('handoff-lint digest', () => {
  let fx: DigestRepo;
  before(() => { fx = buildDigestRepo(); });
  after(() => fx.cleanup());

  it('judges every claim of the handoff against the repository, with the evidence', async () => {
    const { code, out, err } = await cli('digest', '--repo', fx.work, '--format', 'json');
    assert.equal(code, 0, err);
    const d = JSON.parse(out) as { handoff: { anchor: { sha: string }; counts: Record<string, number> }; entries: JsonEntry[]; leftOut: unknown };
    assert.equal(d.handoff.anchor.sha, fx.shas.anchor);
    assert.equal(d.leftOut, null);
    const judged = (text: RegExp) => {
      const found = d.entries.filter((e) => e.verdict && text.test(e.text));
      assert.equal(found.length, 1, `${text}: ${JSON.stringify(d.entries.map((e) => e.text))}`);
      return found[0]!;
    };
    // Stale: each present, with what the repository shows.
    const amended = judged(new RegExp(`Commit \`${s7(fx.shas.amendedAway)}\``));
    assert.equal(amended.verdict, 'gone');
    assert.match(amended.evidence!, new RegExp(`amended: replaced by \`${s7(fx.shas.amended)}\``));
    const pushed = judged(new RegExp(`Commit \`${s7(fx.shas.amended)}\``));
    assert.equal(pushed.verdict, 'changed');
    assert.match(pushed.evidence!, /pushed since/);
    const main = judged(/Branch `main`/);
    assert.equal(main.verdict, 'changed');
    assert.match(main.evidence!, new RegExp(`moved on: \`main\` is at \`${s7(fx.shas.dropped)}\` now, 3 commits later`));
    const lines = judged(/src\/parser\.ts:10-12/);
    assert.deepEqual([lines.verdict, lines.evidence, lines.line], ['changed', 'lines 10-12 moved to lines 15-17', 14]);
    const renamed = judged(/src\/old\.ts:2/);
    assert.equal(renamed.verdict, 'changed');
    assert.match(renamed.evidence!, new RegExp(`moved to \`src/lib/old.ts\` by \`${s7(fx.shas.moved)}\` "Move the old helper into lib"`));
    const gone = judged(/src\/gone\.ts/);
    assert.equal(gone.verdict, 'gone');
    assert.match(gone.evidence!, new RegExp(`deleted since the handoff by \`${s7(fx.shas.dropped)}\` "Drop the scratch code"`));
    // What holds is not reported as changed.
    assert.equal(judged(new RegExp(`Commit \`${s7(fx.shas.first)}\``)).verdict, 'holds');
    assert.equal(judged(/src\/util\.ts:1/).verdict, 'holds');
    assert.deepEqual(d.handoff.counts, { holds: 3, changed: 4, gone: 2 });
    // Gone first, then changed, then the rest; the sections in their order.
    const order = d.entries.map((e) => e.section);
    assert.deepEqual([...new Set(order)], ['repository', 'changed', 'steps', 'since', 'holds']);
  });

  it('gives the repository now, the open steps and the commits since the handoff', async () => {
    const { out } = await cli('digest', '--repo', fx.work);
    assert.match(out, new RegExp(`^- On branch \`main\` at \`${s7(fx.shas.dropped)}\` "Drop the scratch code"$`, 'm'));
    assert.match(out, /^- Upstream `origin\/main`: 2 ahead, 0 behind$/m);
    assert.match(out, new RegExp(`^- Not pushed: 2 commits\\n  - \`${s7(fx.shas.dropped)}\` Drop the scratch code\\n  - \`${s7(fx.shas.moved)}\` Move the old helper into lib$`, 'm'));
    assert.match(out, /^- Uncommitted: 1 file\n {2}- `notes.txt` untracked$/m);
    assert.match(out, /## Open steps\n\n- \[ \] Wire the cache into `src\/util.ts`\. \(line 21, Next steps\)\n- \[!\] Ask about the old helper \(blocked on review\)\. \(line 22, Next steps\)\n\n/);
    assert.doesNotMatch(out, /Set up the repository/);
    assert.match(out, new RegExp(`- 3 commits since the handoff's commit \`${s7(fx.shas.anchor)}\`\\n  - \`${s7(fx.shas.dropped)}\` Drop the scratch code\\n  - \`${s7(fx.shas.moved)}\` Move the old helper into lib\\n  - \`${s7(fx.shas.header)}\` Add a header to the parser`));
    assert.match(out, /- Cited file `src\/parser.ts` modified \(\+5 −0\)/);
  });

  it('says which commits since the handoff touch cited files, and which files — only those', async () => {
    const { out } = await cli('digest', '--repo', fx.work);
    assert.match(out, new RegExp(`- 3 commits since touch cited files\\n  - \`${s7(fx.shas.dropped)}\` Drop the scratch code: \`src/gone.ts\`\\n  - \`${s7(fx.shas.moved)}\` Move the old helper into lib: \`src/lib/old.ts\`, \`src/old.ts\`\\n  - \`${s7(fx.shas.header)}\` Add a header to the parser: \`src/parser.ts\`\\n`));
    // A second copy of the fixture, one commit further: it touches a cited file beside one the handoff never names,
    // and one more touches only files it never names: the first is listed with just the cited file, the second not.
    const more = buildDigestRepo();
    try {
      writeFileSync(join(more.work, 'src/util.ts'), 'export const util = 2;\n');
      writeFileSync(join(more.work, 'CONTRIBUTING.md'), '# How\n');
      more.git(more.work, 'add', 'src/util.ts', 'CONTRIBUTING.md');
      more.git(more.work, 'commit', '-q', '-m', 'Bump util, add a guide');
      const both = more.git(more.work, 'rev-parse', 'HEAD');
      writeFileSync(join(more.work, 'README.md'), '# Readme\n');
      more.git(more.work, 'add', 'README.md');
      more.git(more.work, 'commit', '-q', '-m', 'Add a readme');
      const { out: json } = await cli('digest', '--repo', more.work, '--format', 'json');
      const since = (JSON.parse(json) as { entries: JsonEntry[] }).entries.filter((e) => e.section === 'since');
      const at = since.findIndex((e) => e.text === '4 commits since touch cited files');
      assert.ok(at >= 0, JSON.stringify(since.map((e) => e.text)));
      assert.ok(since.some((e) => e.text === '5 commits since the handoff\'s commit ' + `\`${s7(more.shas.anchor)}\``));
      assert.deepEqual(since.slice(at + 1, at + 5).map((e) => [e.text, e.evidence]), [
        [`  \`${s7(both)}\` Bump util, add a guide`, '`src/util.ts`'],
        [`  \`${s7(more.shas.dropped)}\` Drop the scratch code`, '`src/gone.ts`'],
        [`  \`${s7(more.shas.moved)}\` Move the old helper into lib`, '`src/lib/old.ts`, `src/old.ts`'],
        [`  \`${s7(more.shas.header)}\` Add a header to the parser`, '`src/parser.ts`'],
      ]);
      assert.ok(!since.some((e) => e.text.includes('Add a readme') && e.evidence !== null));
    } finally {
      more.cleanup();
    }
  });

  it('stays within --max-bytes and says what it left out, keeping what matters first', async () => {
    for (const format of ['markdown', 'json']) {
      const { code, out } = await cli('digest', '--repo', fx.work, '--max-bytes', '1200', '--format', format);
      assert.equal(code, 0);
      assert.ok(utf8Length(out) <= 1200, `${format}: ${utf8Length(out)} bytes`);
      if (format === 'json') {
        const d = JSON.parse(out) as { entries: JsonEntry[]; leftOut: { count: number; sections: Record<string, number> } };
        assert.ok(d.leftOut.count > 0);
        assert.equal(d.entries[0]!.section, 'repository');
        assert.ok(d.leftOut.sections.holds! > 0);
      } else {
        assert.match(out, /_Left out to stay within 1200 bytes: \d+ more \(.*3 of Still holds\)/);
        assert.match(out, /## Repository now/);
      }
    }
    // The default bound is 8 KB, and a digest of 9 KB of entries is cut to it.
    const d = composeDigest({
      path: 'HANDOFF.md', model: createLanguageService().getModel({ path: 'HANDOFF.md', version: 0, text: '# H\n\n## Next steps\n\n' + Array.from({ length: 200 }, (_, i) => `- [ ] step ${i} ${'x'.repeat(40)}\n`).join('') }),
      facts: null, supersededBy: null, working: null, commitsSince: null, note: 'git was not asked',
    });
    const text = renderDigest(d, 'markdown');
    assert.ok(utf8Length(text) <= 8192 && utf8Length(text) > 7000, String(utf8Length(text)));
    assert.match(text, /Left out to stay within 8192 bytes: \d+ more \(\d+ of Open steps\)/);
    const usage = await cli('digest', '--max-bytes', '10');
    assert.equal(usage.code, 2);
  });

  it('gives the same bytes for the same repository state', async () => {
    const a = await cli('digest', '--repo', fx.work);
    const b = await cli('digest', '--repo', fx.work, 'HANDOFF.md'.replace(/^/, `${fx.work}/`));
    assert.equal(a.out, b.out);
    const c = await cli('digest', '--repo', fx.work);
    assert.equal(c.out, a.out);
  });

  it('says it is parse-only with --no-git, and fails in one line without a handoff', async () => {
    const { code, out } = await cli('digest', '--repo', fx.work, '--no-git');
    assert.equal(code, 0);
    assert.match(out, /Not checked against git: git was not asked \(--no-git\)/);
    assert.doesNotMatch(out, /\*\*(gone|changed|holds)\*\*/);
    assert.match(out, /- \[ \] Wire the cache/);
    const none = await cli('digest', '--repo', `${fx.work}/src`);
    assert.equal(none.code, 2);
    assert.match(none.err, /^handoff-lint digest: no handoff found under .*\n$/);
  });
});
