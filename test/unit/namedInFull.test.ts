// A bare file name the handoff also writes in full (a summary table's `widget.ts` beside the `src/app/widget.ts` of
// the work it sums up) is that file named again: a gone file is a warning where its path is written, and each bare
// mention of it a hint pointing there. A bare name the document never writes in full is judged on its own, as is a
// bare name of another file with the same name. Over a real repository, through the CLI (JSON and SARIF).
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintOutput as lint } from './support/cli';
import { scratchRepo } from '../fixtures/git/exec';

const HANDOFF = `# Handoff: widgets

\`widget.ts\` was the hard part this session.

## Done

- Added the render loop in \`src/app/widget.ts\`.
- Tests in \`tests/widget_test.py\`.

## Summary

| File | What |
|---|---|
| \`widget.ts\` | render loop |
| \`helper.ts\` | shared helpers |

The new \`widget_test.py\` covers it; \`config.ts\` is untouched.
`;

interface JsonDiagnostic { code: string; severity: string; message: string; range: { start: { line: number } }; related?: Array<{ message: string; path?: string; range?: { start: { line: number } } }> }

describe('a bare file name the handoff writes in full', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'named-in-full-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is a hint pointing at the full path, which keeps the warning; other bare names are judged as before', async () => {
    const { dir: repo, g, write } = scratchRepo(dir, 'widgets');
    write('src/app/widget.ts', 'export const widget = 1;\n');
    write('tests/widget_test.py', 'def test_widget(): pass\n');
    write('src/lib/helper.ts', 'export const helper = 1;\n');
    write('src/app/config.ts', 'export const config = 1;\n');
    write('HANDOFF.md', HANDOFF);
    g.commit(repo, 'Widgets and their handoff');
    g.run(repo, ['rm', '-q', 'src/app/widget.ts', 'tests/widget_test.py', 'src/lib/helper.ts']);
    g.commit(repo, 'Widgets reworked elsewhere');

    const json = JSON.parse(await lint(['--format', 'json', join(repo, 'HANDOFF.md')]));
    const missing = (json.documents[0].diagnostics as JsonDiagnostic[]).filter((d) => d.code === 'missing-file');
    const shown = missing.map((d) => `${d.range.start.line + 1} ${d.severity}${/ \(named in full at line (\d+)\)$/.exec(d.message)?.[1]?.replace(/^/, ' ← ') ?? ''}`);
    assert.deepEqual(shown, [
      '3 hint ← 7', // before its full path: still the full path's finding
      '7 warning', '8 warning', // the paths as written
      '14 hint ← 7', // the summary table's bare name
      '15 warning', // a bare name never written in full: its own finding
      '17 hint ← 8', // prose naming the test file again
    ]);
    const hint = missing.find((d) => d.range.start.line === 13)!;
    assert.match(hint.message, /^widget\.ts .*deleted in [0-9a-f]{7} \(Widgets reworked elsewhere\), after this handoff \(named in full at line 7\)$/);
    assert.deepEqual(hint.related?.map((r) => [r.message, r.path, r.range?.start.line]), [['named in full here', undefined, 6]]);

    // SARIF: the related location is a place in the same document.
    const sarif = JSON.parse(await lint(['--format', 'sarif', join(repo, 'HANDOFF.md')]));
    const results = sarif.runs[0].results as Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>; relatedLocations?: Array<{ physicalLocation?: { artifactLocation: { uri: string }; region: { startLine: number } } }> }>;
    const table = results.find((r) => r.ruleId === 'missing-file' && r.locations[0]!.physicalLocation.region.startLine === 14)!;
    assert.equal(table.level, 'note');
    assert.equal(table.relatedLocations?.[0]?.physicalLocation?.region.startLine, 7);
    assert.equal(table.relatedLocations?.[0]?.physicalLocation?.artifactLocation.uri, table.locations[0]!.physicalLocation.artifactLocation.uri);
  });

  it('leaves a bare name alone when the document accounts for its full path (nothing reported there)', async () => {
    const { dir: repo, g, write } = scratchRepo(dir, 'accounted');
    write('docs/notes.md', '# notes\n');
    write('HANDOFF.md', '# Handoff\n\n- `docs/notes.md` was removed from the docs.\n\n| File |\n|---|\n| `notes.md` |\n');
    g.commit(repo, 'Start');
    g.run(repo, ['rm', '-q', 'docs/notes.md']);
    g.commit(repo, 'Clean-up');
    const json = JSON.parse(await lint(['--format', 'json', join(repo, 'HANDOFF.md')]));
    const missing = (json.documents[0].diagnostics as JsonDiagnostic[]).filter((d) => d.code === 'missing-file');
    // The full path's own words account for it (no finding there): the bare name is no restatement of one.
    assert.deepEqual(missing.map((d) => `${d.range.start.line + 1} ${d.severity}`), ['7 warning']);
    assert.doesNotMatch(missing[0]!.message, /named in full/);
  });
});
