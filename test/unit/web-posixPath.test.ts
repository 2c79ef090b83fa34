// The web build's `node:path` stand-in (src/web/posixPath.ts) must answer as Node's path.posix does for what the
// adapter asks of it (join, normalize, dirname): breadcrumb candidates are computed with it in vscode.dev.
import { strict as assert } from 'node:assert';
import { posix } from 'node:path';
import fc from 'fast-check';
import { posix as web } from '../../src/web/posixPath';
import { candidatePaths } from '../../src/vscode/store/model';

const segment = fc.constantFrom('', '.', '..', 'a', 'b.ts', 'src', '..a', 'x\\y', ' ', 'd.');
const pathArb = fc.tuple(fc.boolean(), fc.array(segment, { maxLength: 6 })).map(([abs, parts]) => `${abs ? '/' : ''}${parts.join('/')}`);

describe('web build: posix path stand-in', () => {
  it('normalize, join and dirname agree with node:path posix on generated paths', () => {
    fc.assert(fc.property(pathArb, pathArb, (a, b) => {
      assert.equal(web.normalize(a), posix.normalize(a), `normalize(${JSON.stringify(a)})`);
      assert.equal(web.dirname(a), posix.dirname(a), `dirname(${JSON.stringify(a)})`);
      assert.equal(web.join(a, b), posix.join(a, b), `join(${JSON.stringify(a)}, ${JSON.stringify(b)})`);
    }), { numRuns: 3000 });
  });

  it('agrees on the cases breadcrumbs meet', () => {
    for (const [a, b] of [['/repo/docs', 'src/app.ts'], ['/repo', '../outside.ts'], ['/', 'a'], ['/repo/', './x/'], ['', ''], ['/a/b', '../../..']]) {
      assert.equal(web.normalize(web.join(a, b)), posix.normalize(posix.join(a, b)), `${a} + ${b}`);
    }
    // What the store computes with it (candidatePaths is the adapter's one user of node:path).
    assert.deepEqual(candidatePaths('src/app.ts', '/w/docs/HANDOFF.md', ['/w']), ['/w/docs/src/app.ts', '/w/src/app.ts']);
  });
});
