// Backlinks as plain data: which handoffs cite a file (resolved, moved, within the handoff's own workspace folder,
// bounded), at which line now, and what the lens, the hover and the tree's Files section say of it.
import { strict as assert } from 'node:assert';
import type { FileFact, HandoffFacts, LineDrift } from '../../src/core/facts/types';
import { emptyFacts } from '../../src/core/facts/types';
import { createLanguageService } from '../../src/core/service';
import {
  backlinkLenses, buildCitationIndex, citationLabel, citationsAtLine, type CitingHandoff,
} from '../../src/vscode/backlinks/citations';
import { filesSectionNode } from '../../src/vscode/tree/files';

const service = createLanguageService();

/** A handoff at `path` whose breadcrumbs resolve as `targets` says (by path as written), with optional facts. */
function handoff(path: string, text: string, root: string | null, targets: Record<string, string[]>, facts?: (f: HandoffFacts) => void): CitingHandoff {
  const model = service.getModel({ path, version: 1, text });
  const f = emptyFacts(model);
  facts?.(f);
  const name = path.slice((root ?? '').length + 1);
  return { uri: `file://${path}`, name, root, analysis: { model, facts: f, fileTargets: model.files.map((c) => targets[c.path] ?? null) } };
}

const A = '/ws/a';
const B = '/ws/b';
const MAIN = handoff(`${A}/HANDOFF.md`, [
  '# Handoff', '', '## Phase 5: Export', '', '- Wired `src/app.ts:20` and `src/app.ts:40-42`.', '- Shared: `index.ts`.',
  '', '## Phase 6: Cleanup', '', '- Helper: `src/old/helper.ts:4`.', '- Again `src/app.ts:7`.', '- Docs: https://example.com/x.ts', '',
].join('\n'), A, {
  'src/app.ts': [`${A}/src/app.ts`], 'index.ts': [`${A}/x/index.ts`, `${A}/y/index.ts`], 'src/old/helper.ts': [],
}, (f) => {
  const drift: LineDrift = { since: 'a'.repeat(40), path: 'src/app.ts', from: { line: 20, endLine: null }, to: { line: 24, endLine: null }, status: 'moved' };
  f.files[0] = { kind: 'found', paths: [`${A}/src/app.ts`], lines: 100, drift } satisfies FileFact;
  f.files[3] = { kind: 'gone', when: 'after-anchor', paths: ['src/old/helper.ts'], deletion: null, movedTo: `${A}/src/lib/helper.ts` };
});
const NEXT = handoff(`${B}/NEXT_SESSION.md`, '# Next session\n\n- Read `src/app.ts:3` and `../a/src/app.ts:5`.\n', B, {
  'src/app.ts': [`${A}/src/app.ts`], '../a/src/app.ts': [`${A}/src/app.ts`],
});

describe('vscode: backlinks', () => {
  const index = buildCitationIndex([MAIN, NEXT]);

  it('indexes each resolved breadcrumb by the file it cites, at the line where the cited line is now', () => {
    assert.deepEqual([...index.files.keys()].sort(), [`${A}/src/app.ts`, `${A}/src/lib/helper.ts`]);
    const app = index.files.get(`${A}/src/app.ts`)!;
    assert.deepEqual(app.citations.map((c) => `${c.handoffName} › ${c.section} | ${c.written} | ${c.line}-${c.endLine}`), [
      'HANDOFF.md › Phase 5 | src/app.ts:20 | 24-null',
      'HANDOFF.md › Phase 5 | src/app.ts:40-42 | 40-42',
      'HANDOFF.md › Phase 6 | src/app.ts:7 | 7-null',
    ]);
    assert.equal(app.citations[0]!.range.start.line, 4, 'the breadcrumb in the handoff, 0-based');
  });

  it('follows a file git saw renamed, and leaves out ambiguous names, external references and missing files', () => {
    const helper = index.files.get(`${A}/src/lib/helper.ts`)!;
    assert.deepEqual(helper.citations.map((c) => c.written), ['src/old/helper.ts:4']);
    assert.equal([...index.files.keys()].some((k) => k.includes('index.ts') || k.includes('example')), false);
  });

  it('counts a breadcrumb only inside its handoff\'s own workspace folder', () => {
    // NEXT_SESSION.md lives in folder B: its `src/app.ts` resolving into folder A is not a citation of A's file.
    assert.equal(index.files.get(`${A}/src/app.ts`)!.citations.some((c) => c.handoff.includes('NEXT_SESSION')), false);
    const outside = handoff('/elsewhere/HANDOFF.md', '# H\n\n- `src/app.ts:1`\n', null, { 'src/app.ts': [`${A}/src/app.ts`] });
    assert.equal(buildCitationIndex([outside]).files.get(`${A}/src/app.ts`)?.total, 1, 'a handoff in no folder: any target counts');
  });

  it('finds the citations of a line, ranges included', () => {
    const app = index.files.get(`${A}/src/app.ts`)!;
    assert.deepEqual(citationsAtLine(app, 24).map((c) => c.written), ['src/app.ts:20']);
    assert.deepEqual(citationsAtLine(app, 41).map((c) => c.written), ['src/app.ts:40-42']);
    assert.deepEqual(citationsAtLine(app, 20), [], 'the line as written moved away');
  });

  it('titles the lenses per handoff, naming sections and counting the rest', () => {
    const app = index.files.get(`${A}/src/app.ts`)!;
    const [lens, ...none] = backlinkLenses(app);
    assert.equal(lens!.title, 'cited by HANDOFF.md › Phase 5, Phase 6');
    assert.equal(lens!.open, app.citations[0]);
    assert.equal(none.length, 0);
    assert.equal(citationLabel({ handoffName: 'NEXT.md', section: null }), 'NEXT.md');
    const many = handoff(`${A}/PLAN.md`, '# Plan\n\n## A\n\n`src/app.ts:1`\n\n## B\n\n`src/app.ts:2`\n\n## C\n\n`src/app.ts:3` `src/app.ts:4`\n', A, { 'src/app.ts': [`${A}/src/app.ts`] });
    const others = [1, 2, 3].map((n) => handoff(`${A}/h${n}.md`, '# H\n\n`src/app.ts:1`\n', A, { 'src/app.ts': [`${A}/src/app.ts`] }));
    const lenses = backlinkLenses(buildCitationIndex([many, ...others]).files.get(`${A}/src/app.ts`)!);
    assert.deepEqual(lenses.map((l) => l.title), ['cited by PLAN.md › A, B +2', 'cited by h1.md › H', 'cited by h2.md › H', '+1 more handoff…']);
    assert.equal(lenses[3]!.open, null, 'the last lens lists them all');
  });

  it('stays within its bounds and says so', () => {
    const bounded = buildCitationIndex([MAIN, NEXT], { total: 2, perFile: 10, files: 10 });
    assert.equal(bounded.truncated, true);
    assert.equal([...bounded.files.values()].reduce((n, f) => n + f.citations.length, 0), 2);
    const perFile = buildCitationIndex([MAIN], { total: 100, perFile: 1, files: 1 });
    assert.equal(perFile.truncated, true);
    assert.deepEqual([...perFile.files.keys()], [`${A}/src/app.ts`]);
    assert.equal(perFile.files.get(`${A}/src/app.ts`)!.citations.length, 1);
    assert.equal(perFile.files.get(`${A}/src/app.ts`)!.total, 3, 'the rest are counted');
    assert.equal(buildCitationIndex([MAIN, NEXT]).truncated, false);
  });

  it('groups the breadcrumbs by file in the tree\'s Files section', () => {
    const section = filesSectionNode(index, (p) => p.slice(A.length + 1))!;
    assert.equal(`${section.label} | ${section.description}`, 'Files | 2 files cited');
    assert.deepEqual(section.children.map((f) => `${f.label} | ${f.description}`), ['src/app.ts | 3 citations', 'src/lib/helper.ts | 1 citation']);
    const app = section.children[0]!;
    assert.deepEqual(app.action, { kind: 'open-file', target: `${A}/src/app.ts`, line: null, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    assert.deepEqual(app.children.map((c) => `${c.label} | ${c.description}`), [
      'HANDOFF.md › Phase 5 | src/app.ts:20', 'HANDOFF.md › Phase 5 | src/app.ts:40-42', 'HANDOFF.md › Phase 6 | src/app.ts:7',
    ]);
    assert.deepEqual(app.children[0]!.action, { kind: 'reveal', range: app.children[0]!.range });
    assert.equal(app.children[0]!.handoff, `file://${A}/HANDOFF.md`);
    assert.equal(filesSectionNode(buildCitationIndex([]), (p) => p), null, 'no section without citations');
    const capped = filesSectionNode(index, (p) => p, 1)!;
    assert.deepEqual(capped.children.map((c) => c.label), [`${A}/src/app.ts`, '1 more file']);
  });
});
