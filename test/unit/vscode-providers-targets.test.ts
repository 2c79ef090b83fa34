// Where breadcrumbs lead (selection, URI fragment as the workbench's opener reads it), hover excerpts and
// commit-document URIs.
import { strict as assert } from 'node:assert';
import {
  decodeCommitQuery, encodeCommitQuery, excerptOf, fence, languageIdFor, lineFragment, parseLineFragment, selectionOf,
} from '../../src/vscode/providers/targets';
import { crumb } from './vscode-providers-format.test';

/**
 * The workbench's own reading of a selection fragment (`extractSelection` in vs/platform/opener/common/opener.ts,
 * VS Code 1.100), transcribed so the fragments are checked against what the editor does with them.
 */
function workbenchSelection(fragment: string) {
  const m = /^L?(\d+)(?:,(\d+))?(-L?(\d+)(?:,(\d+))?)?/.exec(fragment);
  if (!m) return undefined;
  return {
    startLineNumber: parseInt(m[1]!), startColumn: m[2] ? parseInt(m[2]) : 1,
    endLineNumber: m[4] ? parseInt(m[4]) : undefined, endColumn: m[4] ? (m[5] ? parseInt(m[5]) : 1) : undefined,
  };
}

describe('vscode providers: targets', () => {
  describe('selections and fragments', () => {
    it('puts the cursor at the start of a single line (#L113)', () => {
      const c = crumb({ line: 113 });
      assert.deepEqual(selectionOf(c), { startLine: 112, startCharacter: 0, endLine: 112, endCharacter: 0 });
      assert.equal(lineFragment(c), 'L113');
      assert.deepEqual(workbenchSelection('L113'), { startLineNumber: 113, startColumn: 1, endLineNumber: undefined, endColumn: undefined });
    });
    it('carries a column as the Markdown extension writes it (#L12,5)', () => {
      const c = crumb({ line: 12, column: 5 });
      assert.equal(lineFragment(c), 'L12,5');
      assert.deepEqual(workbenchSelection(lineFragment(c)), { startLineNumber: 12, startColumn: 5, endLineNumber: undefined, endColumn: undefined });
    });
    it('selects a range of lines whole, up to the start of the next line', () => {
      const c = crumb({ line: 49, endLine: 51 });
      assert.equal(lineFragment(c), 'L49,1-L52,1');
      // 1-based (49,1)→(52,1): lines 49, 50 and 51 fully selected.
      assert.deepEqual(workbenchSelection(lineFragment(c)), { startLineNumber: 49, startColumn: 1, endLineNumber: 52, endColumn: 1 });
      assert.deepEqual(selectionOf(c), { startLine: 48, startCharacter: 0, endLine: 51, endCharacter: 0 });
    });
    it('has no fragment without a line (bare file, symbol) or with line 0', () => {
      assert.equal(lineFragment(crumb({})), '');
      assert.equal(lineFragment(crumb({ symbol: 'upload_file' })), '');
      assert.equal(lineFragment(crumb({ line: 0 })), '');
    });
    it('parses back what it writes', () => {
      for (const c of [crumb({ line: 113 }), crumb({ line: 12, column: 5 }), crumb({ line: 49, endLine: 51 })]) {
        assert.deepEqual(parseLineFragment(lineFragment(c)), selectionOf(c));
      }
      assert.equal(parseLineFragment('nope'), null);
    });
  });

  it('names the language of common files for fenced excerpts', () => {
    assert.equal(languageIdFor('app/arq_setup.py'), 'python');
    assert.equal(languageIdFor('src/App.TSX'), 'typescriptreact');
    assert.equal(languageIdFor('deploy/Dockerfile'), 'dockerfile');
    assert.equal(languageIdFor('run.sh'), 'shellscript');
    assert.equal(languageIdFor('LICENSE'), '');
    assert.equal(languageIdFor('.env'), '');
  });

  describe('excerptOf', () => {
    const text = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    it('shows two lines either side of a single line', () => {
      assert.deepEqual(excerptOf(text, crumb({ line: 10 })), { firstLine: 8, lines: ['line 8', 'line 9', 'line 10', 'line 11', 'line 12'], outOfRange: false, totalLines: 20 });
    });
    it('clips at the start and end of the file', () => {
      assert.deepEqual(excerptOf(text, crumb({ line: 1 })).lines, ['line 1', 'line 2', 'line 3']);
      assert.deepEqual(excerptOf(text, crumb({ line: 20 })).lines, ['line 18', 'line 19', 'line 20']);
    });
    it('shows a range as written, capped', () => {
      assert.deepEqual(excerptOf(text, crumb({ line: 3, endLine: 5 })).lines, ['line 3', 'line 4', 'line 5']);
      assert.equal(excerptOf(text, crumb({ line: 1, endLine: 20 }), 2, 12).lines.length, 12);
    });
    it('reports a line past the end', () => {
      const ex = excerptOf(text, crumb({ line: 21 }));
      assert.equal(ex.outOfRange, true);
      assert.equal(ex.totalLines, 20);
    });
    it('reads CRLF files and shows the top of the file without a line', () => {
      assert.deepEqual(excerptOf('a\r\nb\r\n', crumb({ line: 2 })).lines, ['a', 'b']);
      assert.deepEqual(excerptOf(text, crumb({})).lines.length, 12);
    });
  });

  it('fences code so that backticks inside cannot close the fence', () => {
    assert.equal(fence('x = 1', 'python'), '```python\nx = 1\n```');
    assert.equal(fence('a ```` b', ''), '`````\na ```` b\n`````');
  });

  it('round-trips the commit document query and rejects a non-SHA', () => {
    const ref = { handoff: 'file:///w/HANDOFF%20x.md', sha: 'af65598c0ffee' };
    assert.deepEqual(decodeCommitQuery(encodeCommitQuery(ref)), ref);
    assert.equal(decodeCommitQuery('handoff=file:///x&sha=HEAD~1'), null);
    assert.equal(decodeCommitQuery(''), null);
  });
});
