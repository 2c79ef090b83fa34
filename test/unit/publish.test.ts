// What the marketplace and npm need from the manifest and the tree: the license, the icon, the metadata, the web
// entry, and a CLI package with no runtime dependency. (The packaging itself, from a fresh clone, is
// test/package/fresh-clone.mjs: `npm run test:package`.)
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  assert.equal(b.toString('latin1', 1, 4), 'PNG', `${file} is not a PNG`);
  assert.equal(b.toString('latin1', 12, 16), 'IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** The allowlist lines of .vscodeignore (`!path`). */
function vsixAllowed(): string[] {
  return readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1));
}

describe('ready to publish', () => {
  it('has an MIT LICENSE at the top level, held by the package author, and the VSIX carries it', () => {
    assert.equal(manifest.license, 'MIT');
    const text = readFileSync(join(root, 'LICENSE'), 'utf8');
    assert.match(text, /^MIT License\n/);
    assert.match(text, new RegExp(`^Copyright \\(c\\) \\d{4} ${manifest.author}$`, 'm'));
    assert.equal(manifest.author, manifest.publisher);
    assert.ok(vsixAllowed().includes('LICENSE'));
  });

  it('has the marketplace metadata: a 128×128 PNG icon, repository, keywords, gallery banner', () => {
    assert.match(manifest.icon, /^media\/.+\.png$/);
    assert.deepEqual(pngSize(join(root, manifest.icon)), { width: 128, height: 128 });
    assert.match(manifest.repository?.url ?? '', /^https:\/\/github\.com\/[^/]+\/[^/]+\.git$/);
    assert.ok(Array.isArray(manifest.keywords) && manifest.keywords.length >= 5 && manifest.keywords.length <= 30);
    assert.match(manifest.galleryBanner?.color ?? '', /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner?.theme));
  });

  it('declares the web bundle as its browser entry, and the VSIX carries both bundles', () => {
    assert.equal(manifest.browser, './dist/web/extension.js');
    const allowed = vsixAllowed();
    for (const entry of [manifest.main, manifest.browser]) assert.ok(allowed.includes(entry.replace(/^\.\//, '')), `${entry} is not in .vscodeignore's allowlist`);
    const build = readFileSync(join(root, 'esbuild.mjs'), 'utf8');
    assert.ok(build.includes(`outfile: '${manifest.browser.replace(/^\.\//, '')}'`), 'esbuild.mjs does not build the browser entry');
  });

  it('ships the CLI as a package with no runtime dependency: everything is in the bundle', () => {
    assert.deepEqual(Object.keys(manifest.dependencies ?? {}), []);
    assert.equal(manifest.bin['handoff-lint'], './dist/cli.js');
    // npm packs what .npmignore lets through (plus package.json, README and LICENSE, which it always adds).
    assert.ok(existsSync(join(root, '.npmignore')));
    assert.match(readFileSync(join(root, '.npmignore'), 'utf8'), /^!\/dist\/cli\.js$/m);
    assert.match(manifest.scripts.test, /npm run test:package/);
  });
});
