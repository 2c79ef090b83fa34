// The published version and the changelog agree: package.json's version is CHANGELOG.md's newest
// released entry (Keep a Changelog: `## [x.y.z] - date`, below `## [Unreleased]`).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');

/** Versions of `## [x.y.z]` headings in file order; [Unreleased] is not a version. */
export function releasedVersions(text: string): string[] {
  return [...text.matchAll(/^## \[(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\](?: - \d{4}-\d{2}-\d{2})?\s*$/gm)].map((m) => m[1]);
}

describe('package metadata', () => {
  it('reads released versions from Keep a Changelog headings, newest first', () => {
    const sample = '# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2026-01-02\n\n### Added\n\n## [1.1.9] - 2025-12-01\n';
    assert.deepEqual(releasedVersions(sample), ['1.2.0', '1.1.9']);
  });

  it("package.json's version is the changelog's newest entry", () => {
    const versions = releasedVersions(changelog);
    assert.ok(versions.length > 0, 'CHANGELOG.md has no released version heading');
    assert.equal(manifest.version, versions[0]);
  });

  it('keeps an [Unreleased] section above the releases', () => {
    const unreleased = changelog.indexOf('## [Unreleased]');
    assert.ok(unreleased >= 0, 'CHANGELOG.md has no ## [Unreleased] section');
    assert.ok(unreleased < changelog.indexOf(`## [${manifest.version}]`));
  });
});
