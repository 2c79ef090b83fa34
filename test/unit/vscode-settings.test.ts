// The extension's settings at the edge: defaults, field-by-field fallback with one message per bad value,
// and "reported once".
import { strict as assert } from 'node:assert';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../../src/core/handoffGlobs';
import { DEFAULT_SEVERITIES } from '../../src/core/settings';
import { ProblemReporter, readExtensionSettings } from '../../src/vscode/settings';

const reader = (values: Record<string, unknown>) => ({ get: (key: string) => values[key] });

describe('vscode settings', () => {
  it('gives the defaults when nothing is set', () => {
    const { settings, problems } = readExtensionSettings(reader({}));
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.include, DEFAULT_INCLUDE);
    assert.deepEqual(settings.exclude, DEFAULT_EXCLUDE);
    assert.deepEqual(settings.core.rules, DEFAULT_SEVERITIES);
    assert.equal(settings.core.git, true);
    assert.equal(settings.core.gitTimeoutMs, 10_000);
    assert.deepEqual(settings.codeLens, { breadcrumbs: 'news', backlinks: true, commits: true, phases: true, freshness: true });
    assert.equal(settings.followCursor, false);
    assert.equal(settings.debounceMs, 300);
  });

  it('reads every setting under its key', () => {
    const { settings, problems } = readExtensionSettings(reader({
      include: ['**/PLAN.md'], exclude: [], rules: { 'unchecked-step': 'off', 'unpushed-commit': 'error' },
      'git.enabled': false, 'git.timeoutMs': 2500, 'codeLens.breadcrumbs': 'all', 'codeLens.backlinks': false, 'codeLens.commits': true, 'codeLens.phases': false, 'codeLens.freshness': false,
      followCursor: true, debounceMs: 0,
    }));
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.include, ['**/PLAN.md']);
    assert.deepEqual(settings.exclude, []);
    assert.equal(settings.core.rules['unchecked-step'], 'off');
    assert.equal(settings.core.rules['unpushed-commit'], 'error');
    assert.equal(settings.core.rules['unknown-commit'], 'warning');
    assert.equal(settings.core.git, false);
    assert.equal(settings.core.gitTimeoutMs, 2500);
    assert.deepEqual(settings.codeLens, { breadcrumbs: 'all', backlinks: false, commits: true, phases: false, freshness: false });
    assert.equal(settings.followCursor, true);
    assert.equal(settings.debounceMs, 0);
  });

  it('falls back per bad value, keeps the good ones, and names each setting', () => {
    const { settings, problems } = readExtensionSettings(reader({
      include: 'HANDOFF.md', debounceMs: -5, followCursor: 'yes', 'git.timeoutMs': 3, rules: { 'unchecked-step': 'loud', 'no-such-rule': 'error', 'unknown-commit': 'error' },
      'codeLens.phases': false, 'codeLens.freshness': 'no',
    }));
    assert.deepEqual(settings.include, DEFAULT_INCLUDE);
    assert.equal(settings.debounceMs, 300);
    assert.equal(settings.followCursor, false);
    assert.equal(settings.core.gitTimeoutMs, 10_000);
    assert.equal(settings.core.rules['unchecked-step'], 'information');
    assert.equal(settings.core.rules['unknown-commit'], 'error');
    assert.equal(settings.codeLens.phases, false);
    assert.equal(settings.codeLens.freshness, true);
    assert.equal(problems.length, 7, problems.join('\n'));
    for (const key of ['handoffNavigator.include', 'handoffNavigator.debounceMs', 'handoffNavigator.followCursor', 'handoffNavigator.codeLens.freshness']) {
      assert.ok(problems.some((p) => p.startsWith(key)), `${key} not named in\n${problems.join('\n')}`);
    }
    assert.ok(problems.some((p) => p.includes('no-such-rule')));
  });

  it('keeps the breadcrumb lens density to news, all or off; the older codeLens.files: false still means off', () => {
    const density = (values: Record<string, unknown>) => readExtensionSettings(reader(values));
    assert.equal(density({ 'codeLens.breadcrumbs': 'off' }).settings.codeLens.breadcrumbs, 'off');
    assert.equal(density({ 'codeLens.files': false }).settings.codeLens.breadcrumbs, 'off');
    assert.equal(density({ 'codeLens.files': true }).settings.codeLens.breadcrumbs, 'news');
    assert.equal(density({ 'codeLens.files': false, 'codeLens.breadcrumbs': 'all' }).settings.codeLens.breadcrumbs, 'all', 'the newer setting wins');
    const bad = density({ 'codeLens.breadcrumbs': 'some', 'codeLens.backlinks': 'yes' });
    assert.equal(bad.settings.codeLens.breadcrumbs, 'news');
    assert.equal(bad.settings.codeLens.backlinks, true);
    assert.deepEqual(bad.problems.map((p) => p.slice(0, p.indexOf(':'))), ['handoffNavigator.codeLens.breadcrumbs', 'handoffNavigator.codeLens.backlinks']);
  });

  it('reports a problem once', () => {
    const r = new ProblemReporter();
    assert.deepEqual(r.fresh(['a', 'b']), ['a', 'b']);
    assert.deepEqual(r.fresh(['a', 'b', 'c']), ['c']);
    assert.deepEqual(r.fresh(['a']), []);
  });
});
