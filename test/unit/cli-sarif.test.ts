// `handoff-lint --format sarif` validates against the SARIF 2.1.0 JSON schema (the schema file comes from the npm
// package @microsoft/jest-sarif, a devDependency: nothing is fetched at test time) and carries what GitHub code
// scanning shows: rule metadata with help links, and fingerprints that survive lines added above a finding.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { buildGitFixture, type GitFixture } from '../fixtures/gitFixture';
import { RULE_CODES } from '../../src/core/model';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

function lint(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function sarifValidator() {
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }); // one of the schema's patterns is not valid with the u flag
  // The schema's formats, checked for real rather than ignored.
  ajv.addFormat('uri', (s: string) => { try { new URL(s); return true; } catch { return false; } });
  ajv.addFormat('uri-reference', (s: string) => !/[\s\\]/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}

describe('handoff-lint --format sarif', function () {
  this.timeout(60_000); // each test runs the built CLI as a process, some several times
  let fx: GitFixture;
  const validate = sarifValidator();
  const handoff = (above = '') => [
    '# Handoff', '', above,
    `Commit ${fx.shas.unpushed.slice(0, 7)} is not pushed yet; commit ${fx.absentSha} was amended.`, '',
    'See `src/old/helper.ts:4` and `src/app.ts:31`.', '',
    '## Next steps', '', '- [ ] ship it', '- [ ] ship it', '',
  ].join('\n');
  before(function () {
    this.timeout(60_000); // a real repository with history, built on a busy machine
    fx = buildGitFixture();
  });
  after(() => fx.cleanup());

  it('validates against the SARIF 2.1.0 schema, related locations included', () => {
    fx.writeHandoff(fx.work, 'HANDOFF.md', handoff());
    const r = lint(fx.work, '--format', 'sarif', 'HANDOFF.md');
    const sarif = JSON.parse(r.out);
    assert.equal(validate(sarif), true, JSON.stringify(validate.errors, null, 2));
    const results = sarif.runs[0].results;
    assert.deepEqual(results.map((x: { ruleId: string }) => x.ruleId).sort(),
      ['line-out-of-range', 'missing-file', 'unchecked-step', 'unchecked-step', 'unknown-commit', 'unpushed-commit']);
    assert.equal(results[0].locations[0].physicalLocation.artifactLocation.uri, 'HANDOFF.md');
    assert.equal(sarif.runs[0].columnKind, 'utf16CodeUnits');
    const moved = results.find((x: { ruleId: string }) => x.ruleId === 'missing-file');
    assert.equal(moved.relatedLocations[0].physicalLocation.artifactLocation.uri, 'src/lib/helper.ts');
  });

  it('the validator is real: it rejects what the schema forbids', () => {
    fx.writeHandoff(fx.work, 'HANDOFF.md', handoff());
    const sarif = JSON.parse(lint(fx.work, '--format', 'sarif', 'HANDOFF.md').out);
    sarif.runs[0].results[0].level = 'information';
    assert.equal(validate(sarif), false);
  });

  it('describes every rule: name, descriptions, help text and link, default level', () => {
    fx.writeHandoff(fx.work, 'HANDOFF.md', handoff());
    const { rules } = JSON.parse(lint(fx.work, '--format', 'sarif', 'HANDOFF.md').out).runs[0].tool.driver;
    assert.deepEqual(rules.map((r: { id: string }) => r.id), [...RULE_CODES]);
    for (const rule of rules) {
      assert.match(rule.name, /^[A-Z][A-Za-z]+$/);
      assert.ok(rule.shortDescription.text && rule.fullDescription.text && rule.help.text && rule.help.markdown, rule.id);
      assert.equal(rule.helpUri, `https://github.com/handoff-navigator/handoff-navigator#${rule.id}`);
    }
    const behind = rules.find((r: { id: string }) => r.id === 'handoff-behind');
    assert.deepEqual(behind.defaultConfiguration, { enabled: false, level: 'warning' });
    const steps = rules.find((r: { id: string }) => r.id === 'unchecked-step');
    assert.deepEqual(steps.defaultConfiguration, { enabled: true, level: 'note' });
  });

  it('gives each result a fingerprint that lines added above do not change, and twins different ones', () => {
    const prints = (text: string) => {
      fx.writeHandoff(fx.work, 'HANDOFF.md', text);
      const results = JSON.parse(lint(fx.work, '--format', 'sarif', 'HANDOFF.md').out).runs[0].results as { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { region: { startLine: number } } }[] }[];
      return results.map((x) => ({ rule: x.ruleId, line: x.locations[0].physicalLocation.region.startLine, print: x.partialFingerprints['handoffLint/v1'] }));
    };
    const before = prints(handoff());
    const after = prints(handoff('Three lines\nadded\nabove.\n'));
    assert.notDeepEqual(after.map((x) => x.line), before.map((x) => x.line));
    assert.deepEqual(after.map((x) => x.print), before.map((x) => x.print));
    const twins = before.filter((x) => x.rule === 'unchecked-step').map((x) => x.print);
    assert.equal(new Set(twins).size, 2, 'the two "ship it" steps are two alerts');
  });
});
