// handoff-lint's output is never cut and never hostile (issue 12, item 5): a handoff that vanishes between the
// listing and its reading is reported inside a JSON or SARIF output that stays whole and valid (exit 2 at the end);
// a reader that goes away (`| head`) ends the run quietly; control characters from documents never reach the
// terminal raw in text output.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { escapeControls } from '../../src/cli/format';
import { HandoffTools } from '../../src/cli/handoffTools';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

describe('handoff-lint output is bounded', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lint-bounded-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the CLI in-process over `a.md` then `b.md`, deleting `b.md` once the first report is out. */
  async function withVanishing(format: 'json' | 'sarif' | 'text') {
    const [a, b] = [join(dir, 'HANDOFF-a.md'), join(dir, 'HANDOFF-b.md')];
    writeFileSync(a, '# A\n\n- [ ] one\n');
    writeFileSync(b, '# B\n\n- [ ] two\n');
    let out = '';
    let err = '';
    let chunks = 0;
    const code = await run(['--no-git', '--format', format, '--rule', 'unchecked-step=error', a, b], (s) => {
      out += s;
      // The first chunk is the output's opening (JSON) or the first report (text); SARIF prints at the end.
      if (++chunks === 1 || format === 'sarif') if (existsSync(b)) unlinkSync(b);
    }, (s) => { err += s; });
    return { code, out, err, a, b };
  }

  it('JSON: a handoff gone since it was listed is a document with a notice; the output stays whole; exit 2', async () => {
    const { code, out, err, a, b } = await withVanishing('json');
    assert.equal(code, 2);
    const json = JSON.parse(out);
    assert.deepEqual(json.documents.map((d: { path: string }) => d.path), [a, b]);
    assert.equal(json.documents[0].diagnostics.length, 1, 'the readable document is reported in full');
    assert.deepEqual(json.documents[1].notices, [`cannot read ${b}: ENOENT`]);
    assert.deepEqual(json.documents[1].steps, []);
    assert.equal(err, `handoff-lint: cannot read ${b}: ENOENT\n`);
  });

  it('SARIF: valid, with the unreadable handoff as a failed tool execution', async () => {
    const a = join(dir, 'HANDOFF-a.md');
    writeFileSync(a, '# A\n\n- [ ] one\n');
    const gone = join(dir, 'HANDOFF-gone.md');
    writeFileSync(gone, '# gone\n');
    let out = '';
    const code = await run(['--no-git', '--format', 'sarif', '--rule', 'unchecked-step=warning', a, gone], (s) => {
      out += s;
      if (existsSync(gone)) unlinkSync(gone); // the first chunk comes before any document is read
    }, () => undefined);
    assert.equal(code, 2);
    const sarif = JSON.parse(out);
    assert.equal(sarif.runs[0].results.length, 1);
    assert.deepEqual(sarif.runs[0].invocations, [{
      executionSuccessful: false,
      toolExecutionNotifications: [{ level: 'error', message: { text: `cannot read ${gone}: ENOENT` }, locations: [{ physicalLocation: { artifactLocation: { uri: gone } } }] }],
    }]);
  });

  it('text: control characters from a document are escaped, never printed raw', async () => {
    const path = join(dir, 'HANDOFF.md');
    writeFileSync(path, '# Title\n\n- [ ] ring \x07 the \x1b]0;pwned\x07 bell\x08\x08 and \x1b[31mred\u202e\n');
    let out = '';
    await run(['--no-git', path], (s) => { out += s; }, () => undefined);
    assert.doesNotMatch(out, /[\x00-\x09\x0b-\x1f\x7f\u202e]/, 'a raw control character in the text output');
    assert.match(out, /ring \\x07 the \\x1b\]0;pwned\\x07 bell\\x08\\x08 and \\x1b\[31mred\\u202e/);
  });

  it('digest and the tools (MCP, and the editor\'s language-model tools through the same text): escaped too, lines kept', async () => {
    const path = join(dir, 'HANDOFF.md');
    writeFileSync(path, '# Title \x1b]0;pwned\x07\n\n## Next\n\n- [ ] ring \x07 the \x1b]8;;http://x\x1b\\ link and \x1b[2J\r clear \u202e `src/a\x1b[31m.ts:3`\n');
    const raw = /[\x00-\x08\x0b-\x1f\x7f\u202e]/;
    const answers: string[] = [];
    for (const format of ['markdown', 'json']) {
      let out = '';
      assert.equal(await run(['digest', '--no-git', '--format', format, '--max-bytes', '1024', path], (s) => { out += s; }, () => undefined), 0);
      answers.push(out);
      // Bounded as printed: the escapes count.
      assert.ok(Buffer.byteLength(out) <= 1024, `${format}: ${Buffer.byteLength(out)} bytes`);
    }
    const tools = new HandoffTools({ root: dir, git: false });
    try {
      answers.push(await tools.check({ path }), await tools.openSteps({ path }), await tools.resolve({ target: 'src/a.ts:3', path }));
    } finally {
      tools.dispose();
    }
    // JSON escapes C0 controls itself (a bidirectional override is valid JSON text, as in --format json).
    for (const a of answers) assert.doesNotMatch(a, a.startsWith('{') ? /[\x00-\x09\x0b-\x1f]/ : raw, a);
    const [markdown, , , steps] = answers;
    assert.match(markdown!, /"Title \\x1b\]0;pwned\\x07"/);
    assert.match(markdown!, /ring \\x07 the \\x1b\]8;;http:\/\/x\\x1b\\ link and \\x1b\[2J clear \\u202e/);
    assert.match(markdown!, /\n## Open steps\n/, 'its lines are kept');
    assert.match(steps!, /^- \[ \] ring \\x07 the/m);
  });

  it('escapeControls: C0, DEL, C1, bidi overrides and line separators; ordinary text unchanged', () => {
    assert.equal(escapeControls('a\x00b\tc\nd\x7fe\x9bf\u2028g\u2067h'), 'a\\x00b\\x09c\\x0ad\\x7fe\\x9bf\\u2028g\\u2067h');
    assert.equal(escapeControls('plain — ünïcödé 🙂 `code`'), 'plain — ünïcödé 🙂 `code`');
  });

  describe('the built binary', () => {
    before(function () { if (!existsSync(CLI)) this.skip(); });

    it('`| head`: a reader that goes away ends the run quietly (no stack trace), with the SIGPIPE status', async function () {
      this.timeout(30_000);
      // Enough output to outlast the pipe's buffer: each handoff's JSON report is tens of kilobytes.
      const body = Array.from({ length: 400 }, (_, i) => `- [ ] step ${i} in \`src/file${i}.ts:${i + 1}\`\n`).join('');
      for (let i = 0; i < 40; i++) writeFileSync(join(dir, `HANDOFF-${i}.md`), `# Handoff ${i}\n\n${body}`);
      const cli = spawn(process.execPath, [CLI, '--no-git', '--format', 'json', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      cli.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
      cli.stdout.once('data', () => cli.stdout.destroy()); // `head -c …` read what it wanted and exited
      const code = await new Promise<number | null>((res) => cli.on('exit', (c) => res(c)));
      assert.equal(stderr, '');
      assert.equal(code, 141);
    });
  });
});
