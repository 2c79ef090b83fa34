// Which breadcrumbs get a CodeLens: by default only those with news (moved, drifted, ambiguous, gone, past the
// end); `all` keeps the old one-lens-per-breadcrumb density, `off` none.
import { strict as assert } from 'node:assert';
import type { FileFact, LineDrift } from '../../src/core/facts/types';
import type { FileBreadcrumb } from '../../src/core/model';
import { breadcrumbNews, outOfRangeLensTitle, wantsBreadcrumbLens, type BreadcrumbState } from '../../src/vscode/providers/lensDensity';
import { crumb } from './vscode-providers-format.test';

const SHA = 'abcdef1'.padEnd(40, '0');
const drift: LineDrift = { since: SHA, path: 'src/app.ts', from: { line: 20, endLine: null }, to: { line: 24, endLine: null }, status: 'moved' };
const found = (extra: Partial<Extract<FileFact, { kind: 'found' }>> = {}): FileFact => ({ kind: 'found', paths: ['/w/src/app.ts'], lines: 40, ...extra });
const gone = (movedTo: string | null): FileFact => ({ kind: 'gone', when: 'after-anchor', paths: ['src/old.ts'], deletion: null, movedTo });

function state(partial: Partial<BreadcrumbState> & { crumb?: FileBreadcrumb }): BreadcrumbState {
  return { crumb: crumb({ line: 10 }), targets: 1, fact: found(), outOfRange: false, ...partial };
}

describe('vscode: breadcrumb lens density', () => {
  it('finds no news in a breadcrumb that simply works (with or without git facts)', () => {
    assert.equal(breadcrumbNews(state({})), null);
    assert.equal(breadcrumbNews(state({ fact: undefined })), null);
    assert.equal(breadcrumbNews(state({ crumb: crumb({ symbol: 'upload_file' }) })), null);
  });

  it('names the news: moved, drifted, ambiguous, gone, past the end', () => {
    assert.equal(breadcrumbNews(state({ targets: 0, fact: gone('/w/src/new.ts') })), 'moved');
    assert.equal(breadcrumbNews(state({ fact: found({ drift }) })), 'drifted');
    assert.equal(breadcrumbNews(state({ fact: found({ drift: { ...drift, status: 'deleted' } }) })), 'drifted');
    assert.equal(breadcrumbNews(state({ targets: 3, fact: found({ paths: ['/a', '/b', '/c'] }) })), 'ambiguous');
    assert.equal(breadcrumbNews(state({ targets: 0, fact: gone(null) })), 'gone');
    assert.equal(breadcrumbNews(state({ targets: 0, fact: { kind: 'absent' } })), 'gone');
    assert.equal(breadcrumbNews(state({ targets: 0, fact: undefined })), 'gone', 'no git: still not there');
    assert.equal(breadcrumbNews(state({ outOfRange: true })), 'out-of-range');
  });

  it('is quiet about a missing file the document already calls planned, removed or elsewhere, unless git saw it go', () => {
    assert.equal(breadcrumbNews(state({ crumb: crumb({ qualifier: 'planned' }), targets: 0, fact: { kind: 'absent' } })), null);
    assert.equal(breadcrumbNews(state({ crumb: crumb({ qualifier: 'elsewhere' }), targets: 0, fact: undefined })), null);
    assert.equal(breadcrumbNews(state({ crumb: crumb({ qualifier: 'removed' }), targets: 0, fact: gone(null) })), 'gone');
  });

  it('lenses news only by default, every breadcrumb with "all", none with "off", never an external one', () => {
    const plain = state({});
    const news = state({ fact: found({ drift }) });
    const external = state({ crumb: crumb({ external: true, path: 'https://example.com/x.ts' }), targets: 0, fact: undefined });
    assert.deepEqual([plain, news, external].map((s) => wantsBreadcrumbLens('news', s)), [false, true, false]);
    assert.deepEqual([plain, news, external].map((s) => wantsBreadcrumbLens('all', s)), [true, true, false]);
    assert.deepEqual([plain, news, external].map((s) => wantsBreadcrumbLens('off', s)), [false, false, false]);
  });

  it('titles a line past the end with the file\'s length when known', () => {
    assert.equal(outOfRangeLensTitle(crumb({ path: 'app/x.py', line: 999 }), found({ lines: 120 })), '$(warning) x.py:999 past the end (120 lines) · Open');
    assert.equal(outOfRangeLensTitle(crumb({ path: 'x.py', line: 9 }), found({ lines: 8, linesAtLeast: true })), '$(warning) x.py:9 past the end · Open');
  });
});
