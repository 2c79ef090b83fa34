// Quick-fix computations on texts (src/core/fixes): which range, what new text, from a model and facts made here.
// The same computations over real repositories are in fixes-git.test.ts.
import { strict as assert } from 'node:assert';
import { emptyFacts, type FileFact, type HandoffFacts } from '../../src/core/facts/types';
import { applyEdits, breadcrumbText, computeFixes, doneStyle, fixesAt, FixText, safeEdits, stepEdits, type Fix } from '../../src/core/fixes';
import { relativePath } from '../../src/core/fixes/files';
import { uniqueAbbreviation } from '../../src/core/fixes/commits';
import type { HandoffModel } from '../../src/core/model';
import { createLanguageService } from '../../src/core/service';

const DOC = '/w/docs/HANDOFF.md';
const model = (text: string, path = DOC): HandoffModel => createLanguageService().getModel({ path, version: 1, text });

function facts(m: HandoffModel, over: Partial<HandoffFacts> = {}): HandoffFacts {
  return { ...emptyFacts(m), repo: { root: '/w', gitDir: '/w/.git', commonDir: '/w/.git', shallow: false, head: { kind: 'branch', name: 'main' } }, ...over };
}

const renamed = (from: string, to: string, extra: Partial<Extract<FileFact, { kind: 'gone' }>> = {}): FileFact => ({
  kind: 'gone', when: 'after-anchor', paths: [from], movedTo: `/w/${to}`,
  deletion: { path: from, sha: 'abcdef1234567890abcdef1234567890abcdef12', time: 0, subject: 'Move', renamedTo: to }, ...extra,
});

/** The text after applying one fix. */
const applied = (text: string, fix: Fix | undefined) => {
  assert.ok(fix, 'expected a fix');
  return applyEdits(text, fix.edits);
};

describe('quick fixes on texts', () => {
  describe('renamed files', () => {
    it('computes the breadcrumb text from the new path, keeping every suffix as written', () => {
      const c = { path: 'src/old/helper.ts' };
      const to = { path: 'src/lib/helper.ts' };
      assert.equal(breadcrumbText('src/old/helper.ts:113', c, to), 'src/lib/helper.ts:113');
      assert.equal(breadcrumbText('src/old/helper.ts:49-51', c, to), 'src/lib/helper.ts:49-51');
      assert.equal(breadcrumbText('src/old/helper.ts::upload', c, to), 'src/lib/helper.ts::upload');
      assert.equal(breadcrumbText('src/old/helper.ts#L4', c, to), 'src/lib/helper.ts#L4');
      assert.equal(breadcrumbText('./src/old/helper.ts:3', c, to), './src/lib/helper.ts:3');
      assert.equal(breadcrumbText('./src/old/helper.ts', c, { path: '../lib/helper.ts' }), '../lib/helper.ts');
      assert.equal(breadcrumbText('elsewhere.ts', c, to), null);
    });

    it('takes the line now when the drift mapping gives one (item 2 drops it in here)', () => {
      const c = { path: 'a.ts' };
      assert.equal(breadcrumbText('a.ts:113', c, { path: 'b.ts', line: 131 }), 'b.ts:131');
      assert.equal(breadcrumbText('a.ts:49-51', c, { path: 'b.ts', line: 60, endLine: 62 }), 'b.ts:60-62');
      assert.equal(breadcrumbText('a.ts:12:5', c, { path: 'b.ts', line: 14 }), 'b.ts:14:5');
      assert.equal(breadcrumbText('a.ts#L10-L20', c, { path: 'b.ts', line: 12, endLine: 22 }), 'b.ts#L12-L22');
      assert.equal(breadcrumbText('a.ts::sym', c, { path: 'b.ts', line: 3 }), 'b.ts::sym');
    });

    it('writes relative paths that climb where needed', () => {
      assert.equal(relativePath('/w/docs', '/w/src/lib/helper.ts'), '../src/lib/helper.ts');
      assert.equal(relativePath('/w', '/w/src/x.ts'), 'src/x.ts');
      assert.equal(relativePath('/w/docs/a', '/w/docs/b/x.md'), '../b/x.md');
    });

    it('rewrites a root-relative breadcrumb in backticks and keeps its line', () => {
      const text = '# H\n\n- See `src/old/helper.ts:4` for the helper.\n';
      const m = model(text);
      const fixes = computeFixes({ text, documentPath: DOC, model: m, facts: facts(m, { files: [renamed('src/old/helper.ts', 'src/lib/helper.ts')] }) });
      assert.equal(fixes.length, 1);
      assert.equal(fixes[0]!.title, 'Update the path to src/lib/helper.ts (renamed in abcdef1)');
      assert.equal(fixes[0]!.safe, true);
      assert.equal(applied(text, fixes[0]), '# H\n\n- See `src/lib/helper.ts:4` for the helper.\n');
    });

    it('rewrites a link target relative to the document, and the link text showing the old path', () => {
      const text = '# H\n\n- [src/old/helper.ts](../src/old/helper.ts#L4) and [the helper](../src/old/helper.ts).\n';
      const m = model(text);
      const f = renamed('src/old/helper.ts', 'src/lib/helper2.ts');
      const fixes = computeFixes({ text, documentPath: DOC, model: m, facts: facts(m, { files: [f, f] }) });
      assert.equal(fixes.length, 2);
      assert.equal(applyEdits(text, safeEdits(fixes)), '# H\n\n- [src/lib/helper2.ts](../src/lib/helper2.ts#L4) and [the helper](../src/lib/helper2.ts).\n');
    });

    it('rewrites a bare name to the full new path; several old paths make it unsafe', () => {
      const text = '# H\n\n- `helper.ts:2` moved.\n';
      const m = model(text);
      const one = computeFixes({ text, documentPath: DOC, model: m, facts: facts(m, { files: [renamed('src/old/helper.ts', 'src/lib/util.ts')] }) });
      assert.equal(applied(text, one[0]), '# H\n\n- `src/lib/util.ts:2` moved.\n');
      const two = computeFixes({ text, documentPath: DOC, model: m, facts: facts(m, { files: [renamed('src/old/helper.ts', 'src/lib/util.ts', { paths: ['src/old/helper.ts', 'test/helper.ts'] })] }) });
      assert.equal(two[0]!.safe, false);
    });

    it('offers nothing where missing-file is quiet: the document says so, the handoff made the rename, or the target is gone', () => {
      const text = '# H\n\n- Renamed `src/old/helper.ts` to the lib folder.\n- Also `src/old/helper.ts:3`.\n';
      const m = model(text);
      const at = (f: FileFact) => computeFixes({ text, documentPath: DOC, model: m, facts: facts(m, { files: m.files.map(() => f) }) }).filter((x) => x.kind === 'rename');
      assert.equal(m.files[0]!.qualifier, 'renamed');
      assert.equal(at(renamed('src/old/helper.ts', 'src/lib/helper.ts')).length, 1, 'only the second breadcrumb');
      assert.equal(at(renamed('src/old/helper.ts', 'src/lib/helper.ts', { when: 'with-anchor' })).length, 0);
      assert.equal(at(renamed('src/old/helper.ts', 'src/lib/helper.ts', { movedTo: null })).length, 0);
    });

    it('offers nothing when the text is not the one the model was made of', () => {
      const text = '# H\n\n- `src/old/helper.ts:4`\n';
      const m = model(text);
      const fixes = computeFixes({ text: '# H\n\n- `other/file.tsx:4`\n', documentPath: DOC, model: m, facts: facts(m, { files: [renamed('src/old/helper.ts', 'src/lib/helper.ts')] }) });
      assert.deepEqual(fixes.filter((f) => f.kind === 'rename'), []);
    });
  });

  describe('SHAs', () => {
    const full = (p: string, fill: string) => (p + fill.repeat(40)).slice(0, 40);

    it('finds the shortest unique abbreviation among the candidates, at least the length asked', () => {
      const a = 'abc1234aa0000000000000000000000000000000';
      const b = 'abc1234ab0000000000000000000000000000000';
      assert.equal(uniqueAbbreviation(a, [a, b], 8), 'abc1234aa');
      assert.equal(uniqueAbbreviation(a, [a, b], 12), 'abc1234aa000');
      assert.equal(uniqueAbbreviation(a, [a], 4), 'abc1');
    });

    it('lengthens an abbreviation that only one commit matches (safe), naming the other objects', () => {
      const text = '# H\n\n- Landed in commit `abc1234`.\n';
      const m = model(text);
      const commit = full('abc1234d', '1');
      const blob = full('abc1234e', '2');
      const f = facts(m);
      f.commits.set('abc1234', { status: 'ambiguous', sha: null, candidates: [commit, blob], commits: [{ sha: commit, subject: 'Add parser' }] });
      const fixes = computeFixes({ text, documentPath: DOC, model: m, facts: f });
      assert.equal(fixes.length, 1);
      assert.equal(fixes[0]!.title, 'Lengthen abc1234 to abc1234d1111, the only commit it matches (1 other object shares it)');
      assert.equal(fixes[0]!.safe, true);
      assert.equal(applied(text, fixes[0]), '# H\n\n- Landed in commit `abc1234d1111`.\n');
    });

    it('offers one fix per commit of an ambiguous abbreviation, titled with its subject, none safe', () => {
      const text = '# H\n\n- Landed in commit `abc1234`.\n';
      const m = model(text);
      const a = full('abc1234d', '1');
      const b = full('abc1234e', '2');
      const f = facts(m);
      f.commits.set('abc1234', { status: 'ambiguous', sha: null, candidates: [a, b], commits: [{ sha: a, subject: 'Add parser' }, { sha: b, subject: null }] });
      const fixes = computeFixes({ text, documentPath: DOC, model: m, facts: f });
      assert.deepEqual(fixes.map((x) => [x.title, x.safe]), [['Use abc1234d1111 · Add parser', false], ['Use abc1234e2222', false]]);
      assert.deepEqual(safeEdits(fixes), []);
      // Candidates not known to be commits (git not asked): nothing to offer.
      f.commits.set('abc1234', { status: 'ambiguous', sha: null, candidates: [a, b] });
      assert.deepEqual(computeFixes({ text, documentPath: DOC, model: m, facts: f }), []);
    });

    it('replaces a squash-merged or amended commit with the commit it became, at the written length', () => {
      const text = '# H\n\n- Feature in commit `1a2b3c4d`.\n- Config in commit `5e6f7a8`.\n';
      const m = model(text);
      const f = facts(m);
      const into = full('9f8e7d6c', '3');
      const by = full('0a0b0c0d', '4');
      f.commits.set('1a2b3c4d', { status: 'unknown', sha: null, reason: 'x', vanished: { kind: 'squashed', into, pr: 12, bySubject: false } });
      f.commits.set('5e6f7a8', { status: 'unknown', sha: null, reason: 'x', vanished: { kind: 'amended', by } });
      const fixes = computeFixes({ text, documentPath: DOC, model: m, facts: f });
      assert.deepEqual(fixes.map((x) => x.title), [
        'Replace with 9f8e7d6, the squash merge it went into, pull request #12',
        'Replace with 0a0b0c0, the commit on a branch with its subject (amended or rebased)',
      ]);
      assert.equal(applyEdits(text, fixes.flatMap((x) => x.edits)), '# H\n\n- Feature in commit `9f8e7d6c`.\n- Config in commit `0a0b0c0`.\n');
      assert.deepEqual(safeEdits(fixes), [], 'a replacement changes what the handoff says: never unasked');
    });

    it('leaves bare hex alone (it may be no commit at all)', () => {
      const text = '# H\n\nsee abc1234 here\n';
      const m = model(text);
      assert.equal(m.commits[0]?.evidence, 'bare');
      const f = facts(m);
      f.commits.set('abc1234', { status: 'ambiguous', sha: null, candidates: ['abc1234d', 'abc1234e'], commits: [{ sha: full('abc1234d', '1'), subject: null }] });
      assert.deepEqual(computeFixes({ text, documentPath: DOC, model: m, facts: f }), []);
    });
  });

  describe('ref claims', () => {
    const text = '# H\n\n| Branch | Tip |\n|---|---|\n| main | 1a2b3c4 |\n';
    const now = 'f'.repeat(40);
    const then = 'e'.repeat(40);

    it('offers the tip at the handoff and the tip now, each saying which, at the name and at the SHA', () => {
      const m = model(text);
      const f = facts(m, { refs: [{ kind: 'rewritten', ref: 'main', now, atAnchor: then }] });
      const fixes = computeFixes({ text, documentPath: DOC, model: m, facts: f });
      assert.deepEqual(fixes.map((x) => x.title), ["Set to eeeeeee, main's tip at this handoff's commit", "Set to fffffff, main's tip now"]);
      assert.equal(applied(text, fixes[0]), '# H\n\n| Branch | Tip |\n|---|---|\n| main | eeeeeee |\n');
      assert.equal(applied(text, fixes[1]), '# H\n\n| Branch | Tip |\n|---|---|\n| main | fffffff |\n');
      assert.equal(fixesAt(fixes, m.refs[0]!.range).length, 2);
      assert.equal(fixesAt(fixes, m.refs[0]!.shaRange!).length, 2);
    });

    it('offers one fix when the tip did not move since, and only the tip now without an anchor', () => {
      const m = model(text);
      const same = computeFixes({ text, documentPath: DOC, model: m, facts: facts(m, { refs: [{ kind: 'rewritten', ref: 'main', now, atAnchor: now }] }) });
      assert.deepEqual(same.map((x) => x.title), ["Set to fffffff, main's tip now and at this handoff's commit"]);
      const unanchored = computeFixes({ text, documentPath: DOC, model: m, facts: facts(m, { refs: [{ kind: 'rewritten', ref: 'main', now, atAnchor: null }] }) });
      assert.deepEqual(unanchored.map((x) => x.title), ["Set to fffffff, main's tip now"]);
    });
  });

  describe('steps', () => {
    const tick = (text: string) => {
      const m = model(text);
      const fix = computeFixes({ text, documentPath: DOC, model: m, facts: null }).find((f) => f.kind === 'step');
      return { fix, after: fix ? applyEdits(text, fix.edits) : null };
    };

    it('ticks a checkbox step, also an in-progress or blocked one', () => {
      assert.equal(tick('# H\n\n- [ ] write tests\n').after, '# H\n\n- [x] write tests\n');
      assert.equal(tick('# H\n\n- [>] write tests\n').after, '# H\n\n- [x] write tests\n');
      assert.equal(tick('# H\n\n1. [!] blocked one\n').after, '# H\n\n1. [x] blocked one\n');
      assert.equal(tick('# H\n\n- [x] done\n- [-] dropped\n').fix, undefined);
    });

    it('marks a numbered resume step done with ✅ appended when the document shows no style', () => {
      const r = tick('# H\n\n## Next steps\n\n1. Ship the exporter.\n');
      assert.equal(r.fix?.title, 'Mark step done (✅)');
      assert.equal(r.after, '# H\n\n## Next steps\n\n1. Ship the exporter. ✅\n');
    });

    it('follows the style of the done numbered steps: ✅ before, ~~struck~~, (done)', () => {
      assert.equal(tick('# H\n\n## Next steps\n\n1. ✅ Review the parser.\n2. Ship the exporter.\n').after,
        '# H\n\n## Next steps\n\n1. ✅ Review the parser.\n2. ✅ Ship the exporter.\n');
      assert.equal(tick('# H\n\n## Next steps\n\n1. ~~Review the parser.~~\n2. Ship the exporter.\n').after,
        '# H\n\n## Next steps\n\n1. ~~Review the parser.~~\n2. ~~Ship the exporter.~~\n');
      assert.equal(tick('# H\n\n## Next steps\n\n1. Review the parser (done)\n2. Ship the exporter\n').after,
        '# H\n\n## Next steps\n\n1. Review the parser (done)\n2. Ship the exporter (done)\n');
    });

    it('else follows the done items elsewhere: a [x] checklist gives the step a box', () => {
      const text = '# H\n\n## Done\n\n- [x] parser\n- [x] config\n\n## Next steps\n\n1. Ship the exporter.\n';
      assert.equal(tick(text).after, text.replace('1. Ship', '1. [x] Ship'));
      const fenced = '# H\n\n```\n- [x] not the document\'s own\n```\n\n## Next steps\n\n1. Ship it.\n';
      assert.equal(doneStyle(new FixText(fenced), model(fenced)).kind, 'mark');
    });

    it('unmarks what it marked, in every style, and a checkbox back to [ ]', () => {
      const cases = [
        '1. ✅ Review the parser.', '1. Review the parser. ✅', '1. ~~Review the parser.~~', '1. Review the parser (done)',
        '1. DONE: Review the parser.',
      ];
      for (const line of cases) {
        const text = `# H\n\n## Next steps\n\n${line}\n`;
        const m = model(text);
        const s = m.steps[0]!;
        assert.equal(s.state, 'done', line);
        const edits = stepEdits(new FixText(text), s, false, doneStyle(new FixText(text), m));
        assert.ok(edits, line);
        const after = applyEdits(text, edits);
        assert.match(after, /\n1\. Review the parser\.?\n$/, line);
        assert.equal(model(after).steps[0]!.state, 'open', line);
      }
      const box = '# H\n\n## Next steps\n\n1. [x] Review the parser.\n';
      const s = model(box).steps[0]!;
      assert.equal(s.kind, 'checkbox');
      assert.equal(applyEdits(box, stepEdits(new FixText(box), s, false, doneStyle(new FixText(box), model(box)))!), box.replace('[x]', '[ ]'));
    });
  });

  describe('fix all', () => {
    it('takes only the safe fixes, each range once, none overlapping', () => {
      const text = '# H\n\n- `src/old/a.ts:1` and `src/old/a.ts:2`\n- [ ] step\n';
      const m = model(text);
      const f = renamed('src/old/a.ts', 'src/new/a.ts');
      const fixes = computeFixes({ text, documentPath: DOC, model: m, facts: facts(m, { files: [f, f] }) });
      assert.equal(fixes.length, 3);
      assert.equal(applyEdits(text, safeEdits(fixes)), '# H\n\n- `src/new/a.ts:1` and `src/new/a.ts:2`\n- [ ] step\n');
      const doubled = [...fixes, ...fixes];
      assert.equal(safeEdits(doubled).length, 2);
    });

    it('computes the same ranges on a text with a BOM and CRLF line ends', () => {
      const text = '\ufeff# H\r\n\r\n- `src/old/a.ts:1`\r\n- [ ] step\r\n';
      const m = model(text);
      const fixes = computeFixes({ text, documentPath: DOC, model: m, facts: facts(m, { files: [renamed('src/old/a.ts', 'src/new/a.ts')] }) });
      assert.equal(applyEdits(text, fixes.flatMap((x) => x.edits)), '# H\r\n\r\n- `src/new/a.ts:1`\r\n- [x] step\r\n');
    });
  });
});
