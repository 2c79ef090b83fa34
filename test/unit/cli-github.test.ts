// `handoff-lint --format github` on the fixture repository, read back line by line as GitHub Actions reads a log:
// every diagnostic of the JSON output is one workflow command with its file, 1-based position, title and message,
// escaped as GitHub documents; every other line is plain text that cannot be taken for a command.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildGitFixture, type GitFixture } from '../fixtures/gitFixture';
import { annotationPath, escapeData, escapeProperty } from '../../src/cli/github';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

function lint(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** GitHub's unescaping of a workflow command's data and property values. */
const unescape = (s: string) => s.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');

interface Command { command: string; properties: Record<string, string>; message: string }

/** One log line as the runner parses it: `::name key=value,key=value::data`, or null for a plain line. */
function parseCommand(line: string): Command | null {
  const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!m) return null;
  const properties: Record<string, string> = {};
  for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
  }
  return { command: m[1], properties, message: unescape(m[3]) };
}

describe('handoff-lint --format github', function () {
  this.timeout(60_000); // each test runs the built CLI as a process, some several times
  let fx: GitFixture;
  before(function () {
    this.timeout(60_000); // a real repository with history, built on a busy machine
    fx = buildGitFixture();
    fx.writeHandoff(fx.work, 'docs/HANDOFF.md', [
      '# Handoff', '',
      `Commit ${fx.shas.unpushed.slice(0, 7)} is not pushed yet; commit ${fx.absentSha} was amended.`, '',
      'See `src/old/helper.ts:4` and `src/app.ts:31`.', '',
      '## Next steps', '',
      '- [ ] ship 100% of the parser, then: tag it',
      '',
    ].join('\n'));
  });
  after(() => fx.cleanup());

  it('prints one workflow command per diagnostic, with its file, position, title and message', () => {
    const json = lint(fx.work, '--format', 'json', 'docs/HANDOFF.md');
    const diagnostics = JSON.parse(json.out).documents[0].diagnostics as { code: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['line-out-of-range', 'missing-file', 'unchecked-step', 'unknown-commit', 'unpushed-commit']);

    const gh = lint(fx.work, '--format', 'github', 'docs/HANDOFF.md');
    assert.equal(gh.code, json.code);
    const lines = gh.out.split('\n');
    assert.equal(lines.pop(), '', 'the output ends with a newline');
    const commands = lines.map(parseCommand);
    const annotations = commands.filter((c): c is Command => c !== null);
    assert.equal(annotations.length, diagnostics.length);
    annotations.forEach((a, i) => {
      const d = diagnostics[i];
      assert.equal(a.command, { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' }[d.severity]);
      assert.deepEqual(a.properties, {
        file: 'docs/HANDOFF.md',
        line: String(d.range.start.line + 1), col: String(d.range.start.character + 1),
        endLine: String(d.range.end.line + 1), endColumn: String(d.range.end.character + 1),
        title: `handoff-lint (${d.code})`,
      });
      assert.equal(a.message, d.message);
    });
    // The step's `%` is escaped in the data; its `:` and `,` are not (only properties escape them).
    const step = lines.find((l) => l.startsWith('::notice'))!;
    assert.match(step, /::Open step: ship 100%25 of the parser, then: tag it$/);
    const plain = lines.filter((_, i) => commands[i] === null);
    assert.deepEqual(plain, ['handoff-lint: 1 handoff checked: 0 errors, 4 warnings, 1 notice']);
  });

  it('escapes a file name with , : and % in the file property, and a control character as text', () => {
    fx.writeHandoff(fx.work, 'HANDOFF, v2: 100%.md', '# H\n\n- [ ] look \x1b]0;owned\x07 here\n');
    const gh = lint(fx.work, '--format', 'github', '--no-git', 'HANDOFF, v2: 100%.md');
    const [first] = gh.out.split('\n');
    assert.equal(first, '::notice file=HANDOFF%2C v2%3A 100%25.md,line=3,col=3,endLine=3,endColumn=27,title=handoff-lint (unchecked-step)::Open step: look \\x1b]0;owned\\x07 here');
    assert.equal(parseCommand(first)!.properties.file, 'HANDOFF, v2: 100%.md');
  });

  it('escapes data and properties exactly as GitHub documents', () => {
    assert.equal(escapeData('a%b\r\nc:d,e'), 'a%25b%0D%0Ac:d,e');
    assert.equal(escapeProperty('a%b\r\nc:d,e'), 'a%25b%0D%0Ac%3Ad%2Ce');
    assert.equal(escapeData('100%0A'), '100%250A', 'an escape sequence already in the text stays text');
  });

  it('names files relative to the working directory, with / separators', () => {
    assert.equal(annotationPath('/repo/docs/HANDOFF.md', '/repo'), 'docs/HANDOFF.md');
    assert.equal(annotationPath('./docs/HANDOFF.md', '/repo'), 'docs/HANDOFF.md');
    assert.equal(annotationPath('docs\\HANDOFF.md', '/repo'), 'docs/HANDOFF.md');
    assert.equal(annotationPath('/elsewhere/HANDOFF.md', '/repo'), '/elsewhere/HANDOFF.md', 'outside the working directory: as given');
  });
});
