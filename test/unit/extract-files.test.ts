// File breadcrumbs on small inline fixtures: every accepted form with its exact offsets (the text at
// [start, end) must be the breadcrumb as written), every look-alike that must stay out, offsets that survive
// BOM/CRLF/tabs/non-ASCII text, and hostile inputs that must neither throw nor take long.
import { strict as assert } from 'node:assert';
import { parseDocument } from '../../src/core/parse/parseDocument';
import { extractFiles } from '../../src/core/extract/files';
import type { FoundFile } from '../../src/core/extract/types';
import type { ParsedText } from '../../src/core/parse/blocks';

interface Hit extends FoundFile {
  /** The text at [start, end). */
  at: string;
}

function files(text: string): Hit[] {
  const parsed = parseDocument(text);
  return extractFiles(parsed, { path: 'HANDOFF.md' }).map((f) => ({ ...f, at: parsed.text.slice(f.start, f.end) }));
}

/** The single breadcrumb for `path` in `text`; fails when it is missing or found twice. */
function one(text: string, path: string): Hit {
  const hits = files(text).filter((f) => f.path === path);
  assert.equal(hits.length, 1, `expected one breadcrumb ${path} in ${JSON.stringify(text)}, got ${JSON.stringify(files(text).map((f) => f.path))}`);
  return hits[0];
}

function paths(text: string): string[] {
  return files(text).map((f) => f.path);
}

describe('extractFiles: forms', () => {
  it('a plain path in prose, in backticks, in bold', () => {
    const prose = one('See api/app/workers/arq_setup.py for the worker.\n', 'api/app/workers/arq_setup.py');
    assert.equal(prose.at, 'api/app/workers/arq_setup.py');
    assert.equal(prose.source, 'text');
    assert.equal(prose.external, false);
    assert.equal(prose.line, null);
    const code = one('Edit `api/app/workers/arq_setup.py` next.\n', 'api/app/workers/arq_setup.py');
    assert.equal(code.source, 'code');
    assert.equal(code.start, 6);
    assert.equal(one('- **README.md** — rewritten\n', 'README.md').at, 'README.md');
  });

  it('path:line, path:start-end (hyphen and en dash), path:line:column', () => {
    const ci = one('Failing at `.github/workflows/ci.yml:113` since Monday.\n', '.github/workflows/ci.yml');
    assert.equal(ci.at, '.github/workflows/ci.yml:113');
    assert.deepEqual([ci.line, ci.endLine, ci.column, ci.symbol], [113, null, null, null]);
    const range = one('Spec in autonomous-flow.html:308-309.\n', 'autonomous-flow.html');
    assert.equal(range.at, 'autonomous-flow.html:308-309');
    assert.deepEqual([range.line, range.endLine], [308, 309]);
    const dash = one('See types.ts:108–114 there.\n', 'types.ts');
    assert.equal(dash.at, 'types.ts:108–114');
    assert.deepEqual([dash.line, dash.endLine], [108, 114]);
    const col = one('error at `src/file.ts:12:5`\n', 'src/file.ts');
    assert.equal(col.at, 'src/file.ts:12:5');
    assert.deepEqual([col.line, col.column], [12, 5]);
    const bare = one('the handler in graphWebview.ts:3247 leaks\n', 'graphWebview.ts');
    assert.equal(bare.at, 'graphWebview.ts:3247');
    assert.equal(bare.line, 3247);
  });

  it('line forms written after the path: compiler output, tracebacks, prose', () => {
    const tsc = one('src/x.ts(12,5): error TS2322\n', 'src/x.ts');
    assert.deepEqual([tsc.at, tsc.line, tsc.column], ['src/x.ts(12,5)', 12, 5]);
    const py = one('  File "app/x.py", line 42, in run\n', 'app/x.py');
    assert.deepEqual([py.at, py.line], ['app/x.py", line 42', 42]);
    const prose = one('Read `IMPLEMENTATION_ACTIONS.md` (lines 1-50) first.\n', 'IMPLEMENTATION_ACTIONS.md');
    assert.deepEqual([prose.at, prose.line, prose.endLine], ['IMPLEMENTATION_ACTIONS.md', 1, 50]);
    const bare = one('See notes.md lines 10–28.\n', 'notes.md');
    assert.deepEqual([bare.at, bare.line, bare.endLine], ['notes.md', 10, 28]);
  });

  it('pytest node ids and file:function give a symbol', () => {
    const node = one('Run `tests/test_x.py::test_name` again.\n', 'tests/test_x.py');
    assert.equal(node.at, 'tests/test_x.py::test_name');
    assert.equal(node.symbol, 'test_name');
    assert.equal(node.line, null);
    const fn = one('The upload lives in `app/api/files.py:upload_file`.\n', 'app/api/files.py');
    assert.equal(fn.at, 'app/api/files.py:upload_file');
    assert.equal(fn.symbol, 'upload_file');
  });

  it('framework route paths: (group), [param], +page', () => {
    assert.equal(one('Login page: `src/app/(auth)/login/page.tsx`.\n', 'src/app/(auth)/login/page.tsx').source, 'code');
    assert.equal(one('(see src/app/(auth)/login/page.tsx)\n', 'src/app/(auth)/login/page.tsx').at, 'src/app/(auth)/login/page.tsx');
    assert.equal(one('Handler api/users/[id]/route.ts returns 404.\n', 'api/users/[id]/route.ts').at, 'api/users/[id]/route.ts');
    assert.equal(one('The wizard `+page.svelte` polls.\n', '+page.svelte').at, '+page.svelte');
  });

  it('Markdown link targets: #L10, #L10-L20, other anchors stripped; a label naming the same file is not read', () => {
    const text = 'Read [spec](../specs/x.md#L10) and [range](docs/a.md#L10-L20) and [s](docs/b.md#setup).\n';
    const hits = files(text).filter((f) => f.source === 'link');
    assert.deepEqual(hits.map((f) => [f.path, f.at, f.line, f.endLine]), [
      ['../specs/x.md', '../specs/x.md#L10', 10, null],
      ['docs/a.md', 'docs/a.md#L10-L20', 10, 20],
      ['docs/b.md', 'docs/b.md#setup', null, null],
    ]);
    const labelled = files('[`CURRENT_TASK.md`](CURRENT_TASK.md)\n');
    assert.deepEqual(labelled.map((f) => [f.path, f.source]), [['CURRENT_TASK.md', 'link']]);
  });

  it('bare names with a known extension', () => {
    assert.deepEqual(paths('Update session.md and plugin.json, then 165KB hiephoang.jpg.\n'), [
      'session.md', 'plugin.json', 'hiephoang.jpg',
    ]);
    assert.deepEqual(paths('Check .env, .env.example, .gitignore and api/Dockerfile.dev\n'), [
      '.env', '.env.example', '.gitignore', 'api/Dockerfile.dev',
    ]);
    assert.deepEqual(paths('Run `Makefile` targets; see `LICENSE`.\n'), ['Makefile', 'LICENSE']);
  });

  it('table cells: backticked and plain', () => {
    const text = '| File | Change |\n|------|--------|\n| `app/models/proof.py` | New model |\n| scripts/run.sh | Backfill |\n';
    const hits = files(text);
    assert.deepEqual(hits.map((f) => [f.path, f.source, f.at]), [
      ['app/models/proof.py', 'table', 'app/models/proof.py'],
      ['scripts/run.sh', 'table', 'scripts/run.sh'],
    ]);
  });

  it('"Files touched" list items of plain paths', () => {
    const text = '**Files touched:**\n\n- api/app/x.py (new)\n- web/src/y.ts — modified\n* docs/z.md\n';
    assert.deepEqual(paths(text), ['api/app/x.py', 'web/src/y.ts', 'docs/z.md']);
  });

  it('a backticked path wrapped across a line is joined; its range spans both lines', () => {
    const text = 'The plan is at `docs/fork/plans/\n  INTAKE-INBOX-plan.md` for now.\n';
    const hit = one(text, 'docs/fork/plans/INTAKE-INBOX-plan.md');
    assert.equal(hit.at, 'docs/fork/plans/\n  INTAKE-INBOX-plan.md');
    assert.equal(one('In `web/\nsrc/x.ts` too.\n', 'web/src/x.ts').at, 'web/\nsrc/x.ts');
    const crlf = one('See `web/src/lib/\r\nfoo.ts:12` now.\r\n', 'web/src/lib/foo.ts');
    assert.equal(crlf.at, 'web/src/lib/\r\nfoo.ts:12');
    assert.equal(crlf.line, 12);
  });

  it('paths in fenced blocks, HTML comments and front matter', () => {
    const text = '---\nplan: docs/plan.md\n---\n\n<!-- old notes in SESSION_LOG.md -->\n\n```bash\npytest tests/test_a.py -v\n```\n';
    assert.deepEqual(files(text).map((f) => [f.path, f.source]), [
      ['docs/plan.md', 'text'], ['SESSION_LOG.md', 'text'], ['tests/test_a.py', 'code'],
    ]);
  });

  it('diff headers: git\'s a/ and b/ prefixes are not part of the path', () => {
    const text = '```diff\ndiff --git a/src/x.ts b/src/x.ts\n--- a/src/x.ts\n+++ b/src/x.ts\n```\n';
    assert.deepEqual(files(text).map((f) => f.at), ['src/x.ts', 'src/x.ts', 'src/x.ts', 'src/x.ts']);
  });

  it('absolute and ~/ paths are kept as external', () => {
    const hits = files('Plan: /Users/mz/.claude/plans/tiger.md and ~/notes/todo.md\n');
    assert.deepEqual(hits.map((f) => [f.path, f.external]), [
      ['/Users/mz/.claude/plans/tiger.md', true], ['~/notes/todo.md', true],
    ]);
  });

  it('Windows and elided outside paths are external too', () => {
    const hits = files('Copied to C:\\Users\\me\\notes.md and ~/.claude/projects/.../memory/MEMORY.md\n');
    assert.deepEqual(hits.map((f) => [f.path, f.external, f.at]), [
      ['C:\\Users\\me\\notes.md', true, 'C:\\Users\\me\\notes.md'],
      ['~/.claude/projects/.../memory/MEMORY.md', true, '~/.claude/projects/.../memory/MEMORY.md'],
    ]);
  });

  it('a leading @ (file mention) is not part of the path', () => {
    assert.equal(one('Read @agents/learnings.md first.\n', 'agents/learnings.md').at, 'agents/learnings.md');
  });
});

describe('extractFiles: look-alikes that are not workspace files', () => {
  const cases: Array<[string, string]> = [
    ['URL', 'See https://example.com/docs/a.md and http://localhost:8000/api/x.json.'],
    ['URL without scheme', 'Hosted at www.example.com/index.html and github.com/o/r/blob/main/a.md'],
    ['link to a URL or an anchor', '[PR](https://github.com/o/r/pull/1) and [below](#files)'],
    ['dotted module names', 'Import app.services.llm and app.observability; call subprocess.run.'],
    ['versions and numbers', 'Tagged v0.2.0 after 3.14 and 0.0.0.0:8000 with arq>=0.25,<0.27.'],
    ['dates', 'On 2026-05-19 and 15/01/2025.'],
    ['API routes', 'POST /api/v1/playbooks and GET /lq-ai/playbooks/{id}.'],
    ['hosts with ports', 'Export to api.honeycomb.io:443 or api.example.com.'],
    ['package names', 'Install @scope/pkg and @zerodev/sdk; built with Next.js, Node.js and Socket.IO.'],
    ['span and metric names', 'Spans citation.verify, inference.dispatch and anonymization.pre/.post.'],
    ['ratios and conjunctions', 'Done 1/2 of it, and/or the rest; DEV/QA.'],
    ['emails', 'Ask admin@lq.ai or noreply@anthropic.com.'],
    ['directories', 'Under `docs/`, `./api/` and deploy/observability/.'],
    ['branches', 'On `origin/main` and kk/main/Frontend_Design.'],
    ['abbreviations', 'Use e.g. this, i.e. that, a.m. or p.m.'],
    ['globs and placeholders', 'Match plugin/hooks/**/* and docs/TYLER*.md and plans/<slug>/brief.md.'],
    ['method calls', 'Call `res.json()` then console.log(x), console.log("y") and `JSON.parse`.'],
    ['members', 'Remove console.log calls; use self.db and Math.log; return res.json.'],
    ['library names', 'Built on Next.js, Vue.js, Day.js and Chart.js.'],
    ['process.env', 'Read process.env and import.meta.env.'],
    ['SNES addresses', 'Bank C0:0B4E to C2:F2F3..C2:F360.'],
    ['prose line refs', 'README.md section ~L462.'],
    ['ellipsis paths', 'Logs in plans/.../brief.md'],
    ['a spaced file name tail in prose', 'Input ROM Chrono Trigger (USA).sfc here.'],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      const found = files(text + '\n').filter((f) => !f.external || f.path.includes('://'));
      const allowed = name === 'prose line refs' ? ['README.md'] : [];
      assert.deepEqual(found.map((f) => f.path), allowed, text);
    });
  }

  it('script blocks are program text', () => {
    assert.deepEqual(paths('<script>\nel.insertAdjacentHTML("beforeend", data.html);\n</script>\n'), []);
  });
});

describe('extractFiles: offsets', () => {
  it('BOM, CRLF, tabs, emoji, … and § before items do not shift ranges', () => {
    const text = '\uFEFF# Handoff\r\n\r\n- 🚀 `a/b.ts:3` done\r\n- …see c/d.md\r\n- §3 e/f.py\r\n\t\r\n| 👍 | g/h.rs:9-10 |\r\n|---|---|\r\n| ✅ | i/j.go |\r\n\r\nÜbersicht: k/l.md, naïve.md.\r\n';
    const parsed = parseDocument(text);
    const hits = extractFiles(parsed, { path: '' });
    const slices = hits.map((f) => parsed.text.slice(f.start, f.end));
    assert.deepEqual(slices, ['a/b.ts:3', 'c/d.md', 'e/f.py', 'g/h.rs:9-10', 'i/j.go', 'k/l.md', 'naïve.md']);
    assert.equal(parsed.text.charCodeAt(0), '#'.charCodeAt(0));
    assert.equal(hits[3].source, 'table');
    assert.deepEqual([hits[3].line, hits[3].endLine], [9, 10]);
  });

  it('tabs inside list items and quotes', () => {
    const text = '-\ttabbed/x.py\n> quoted `q/r.md:7`\n';
    assert.deepEqual(files(text).map((f) => f.at), ['tabbed/x.py', 'q/r.md:7']);
  });
});

describe('extractFiles: hostile input', () => {
  // Not timed (a timing on a loaded machine proves nothing; speed is npm run bench's): what each input yields is checked instead.
  it('1 MB of `[`, a giant line, a 10k-deep list, runs of path characters: no throw, only the real path found', function () {
    this.timeout(120_000); // parsing these is slow on a loaded machine; how fast is measured by npm run bench
    const inputs: Array<[string, string[]]> = [
      ['['.repeat(1 << 20), []],
      ['word '.repeat(200_000) + 'a/b.md', ['a/b.md']],
      ['- '.repeat(10_000) + 'a/b.md\n', ['a/b.md']],
      ['a/'.repeat(100_000) + 'x.md', []],
      ['`' + 'a/\n'.repeat(20_000) + '`', []],
      ['('.repeat(5000) + 'ab.md' + ')'.repeat(6000), []],
      ['foo.md:'.repeat(50_000), []],
      ['[x](' + 'y/'.repeat(50_000) + 'z.md)', []],
    ];
    for (const [input, paths] of inputs) {
      const parsed = parseDocument(input);
      const found = extractFiles(parsed, { path: '' });
      assert.deepEqual(found.map((f) => f.path), paths, JSON.stringify(input.slice(0, 20)));
      for (const f of found) assert.equal(parsed.text.slice(f.start, f.end), f.path);
    }
  });

  it('never throws on an inconsistent parse', () => {
    const bogus: ParsedText = {
      text: 'abc x/y.md',
      lineStarts: [0],
      degraded: false,
      blocks: [
        { kind: 'paragraph', start: 0, end: 999, contentStart: -5, contentEnd: 999, depth: 0, inferred: false, quoted: false,
          inlines: [{ kind: 'link', start: 50, end: 20, contentStart: 60, contentEnd: 10, urlStart: 900, urlEnd: 1000 }] },
        { kind: 'tableRow', start: 0, end: 3, contentStart: 3, contentEnd: 0, depth: 0, inferred: false, quoted: false, inlines: [] },
      ],
    };
    assert.doesNotThrow(() => extractFiles(bogus, { path: '' }));
    assert.doesNotThrow(() => extractFiles({ text: '', lineStarts: [0], degraded: false, blocks: [] }, { path: '' }));
  });
});

describe('extractFiles: Markdown wrappers', () => {
  it('reference definitions, images, emphasis and strike-through', () => {
    const text = 'See [the plan][p].\n\n[p]: docs/plan.md#L3\n\n![shot](img/shot.png) _notes.md_ ~~old.md~~ `__init__.py`\n';
    assert.deepEqual(files(text).map((f) => [f.path, f.at, f.line]), [
      ['docs/plan.md', 'docs/plan.md#L3', 3],
      ['img/shot.png', 'img/shot.png', null],
      ['notes.md', 'notes.md', null],
      ['old.md', 'old.md', null],
      ['__init__.py', '__init__.py', null],
    ]);
  });
});

describe('extractFiles: slash-joined alternatives are not paths', () => {
  it('file names, products and capitalised words joined by a slash', () => {
    const text = 'Touch Makefile/Dockerfile, then README/CHANGELOG and `LICENSE.md/NOTICE.md`; port Ruby/Node.js and ' +
      'Vue/Next.js, wire Build/Makefile, answer yes/no about CI/CD and read/write and/or config.json/schema.json.\n';
    assert.deepEqual(paths(text), []);
  });

  it('real paths beside them stay', () => {
    const text = 'Edit docs/PLAN.md, api/app/x.py, scripts/release.sh, web/src/routes/(app)/+page.svelte, deploy/Dockerfile, ' +
      'static/vendor/jquery.js, `Tools/Makefile` and node_modules/chart.js/dist/chart.js.\n';
    assert.deepEqual(paths(text), [
      'docs/PLAN.md', 'api/app/x.py', 'scripts/release.sh', 'web/src/routes/(app)/+page.svelte', 'deploy/Dockerfile',
      'static/vendor/jquery.js', 'Tools/Makefile', 'node_modules/chart.js/dist/chart.js',
    ]);
  });
});

describe('extractFiles: globs and suffix patterns are not breadcrumbs', () => {
  it('leading-dash names, test suffixes, stars the trimming would drop, and "ending in" suffixes', () => {
    const text = 'Rename every -old.ts to `-compat.ts`; Go tests live in `_test.go` files and specs in _spec.rb; grep ' +
      '`*_test.go`, *-draft.md, **/notes.md, `*.ts`, {lib,app}.ts and src/*.py; only files ending in `_mock.py` ' +
      'or suffixed with .stories.tsx matter.\n';
    assert.deepEqual(paths(text), []);
  });

  it('real names that start with _ and emphasis around paths stay', () => {
    const text = 'Keep `_app.tsx`, __init__.py, a module named _helpers.py, app/workers/_constants.py, pkg/_test.go, *notes.md* and ' +
      '**plan.md and todo.md** here.\n';
    const hits = files(text);
    assert.deepEqual(hits.map((f) => f.at), [
      '_app.tsx', '__init__.py', '_helpers.py', 'app/workers/_constants.py', 'pkg/_test.go', 'notes.md', 'plan.md', 'todo.md',
    ]);
  });
});

describe('extractFiles: compound extensions, calls and member chains are not breadcrumbs', () => {
  it('an extension alone, a call glued to a dotted name, a chain of members on a receiver', () => {
    const text = 'Ship a tar.gz or a csv.gz, never a `tar.bz2`; emit d.ts and min.js bundles. In code: list.zip(left, right), ' +
      'mock.patch(target, x) and `items.zip`; read self.settings.yaml and this.cache.json.\n';
    assert.deepEqual(paths(text), []);
  });

  it('archives with a stem, compiler output, and a folder path with a lost space stay', () => {
    const text = 'Keep backup.tar.gz, data.json.gz, `types/index.d.ts`, app.config.ts, lexer.ts(3,1) and tests/x.py(add one).\n';
    assert.deepEqual(files(text).map((f) => f.at), [
      'backup.tar.gz', 'data.json.gz', 'types/index.d.ts', 'app.config.ts', 'lexer.ts(3,1)', 'tests/x.py',
    ]);
  });
});

describe('extractFiles: file names with spaces', () => {
  it('a whole code span or table cell is one name, its range covering every word', () => {
    const text = '| Asset | Note |\n|---|---|\n| `Brand Guide.html` | x |\n| Meeting Notes (Q3).md | y |\n\n' +
      'Open `Release Plan v2.md:14` and `Game Title (EU).sfc`, and `specs/Design Review.md`.\n';
    assert.deepEqual(files(text).map((f) => [f.path, f.at, f.source, f.line]), [
      ['Brand Guide.html', 'Brand Guide.html', 'table', null],
      ['Meeting Notes (Q3).md', 'Meeting Notes (Q3).md', 'table', null],
      ['Release Plan v2.md', 'Release Plan v2.md:14', 'code', 14],
      ['Game Title (EU).sfc', 'Game Title (EU).sfc', 'code', null],
      ['specs/Design Review.md', 'specs/Design Review.md', 'code', null],
    ]);
  });

  it('a phrase or a command is not a name; prose is not guessed', () => {
    const text = '| Change |\n|---|\n| Update CHANGES.md |\n\nRun `cat release notes.md` and `See Intro.md`; the Team Guide.html page.\n';
    assert.deepEqual(files(text).map((f) => f.at), ['CHANGES.md', 'notes.md', 'Intro.md', 'Guide.html']);
  });
});

describe('extractFiles: a link gives its target, never its label', () => {
  it('a label naming a file gives one breadcrumb, the target, with the target\'s range', () => {
    const text = 'Results in [summary.json](../../out/summary.json), see [`plan.md`](docs/plan.md#L4).\n';
    assert.deepEqual(files(text).map((f) => [f.path, f.at, f.source, f.line]), [
      ['../../out/summary.json', '../../out/summary.json', 'link', null],
      ['docs/plan.md', 'docs/plan.md#L4', 'link', 4],
    ]);
  });

  it('a path label in front of a URL, an anchor, or an image URL is no local file', () => {
    const text = 'Read [docs/guide.md](https://example.org/guide.md), [setup.md](#setup) and ![chart.png](https://example.org/c.png).\n';
    assert.deepEqual(files(text).filter((f) => !f.external).map((f) => f.path), []);
  });

  it('a label is still read when the link has no target', () => {
    assert.deepEqual(files('An empty link [notes.md]() is text.\n').map((f) => f.path), ['notes.md']);
  });
});

describe('extractFiles: paths a hard wrap broke across two lines', () => {
  it('prose: a break right after `/`, `-` or `_` joins the pieces; the range spans both lines', () => {
    const text = 'The handler moved to service/app/routes/\nupload.py last week, the plan is in notes/plans/2026-04-\n' +
      '02-intake.md and the runner in tools/run_\nnightly.sh too.\n';
    assert.deepEqual(files(text).map((f) => [f.path, f.at]), [
      ['service/app/routes/upload.py', 'service/app/routes/\nupload.py'],
      ['notes/plans/2026-04-02-intake.md', 'notes/plans/2026-04-\n02-intake.md'],
      ['tools/run_nightly.sh', 'tools/run_\nnightly.sh'],
    ]);
  });

  it('list items, quotes and code spans join too; a join that is no path drops both pieces', () => {
    const text = '- Spec at notes/specs/2026-\n  07-queue.md\n\n> See `lib/cache-\n> store.ts:40`.\n\nThe folder out/\nreport.json. In logs/2026-\n' +
      '12 runs failed.\n';
    assert.deepEqual(files(text).map((f) => [f.path, f.at, f.line]), [
      ['notes/specs/2026-07-queue.md', 'notes/specs/2026-\n  07-queue.md', null],
      ['lib/cache-store.ts', 'lib/cache-\n> store.ts:40', 40],
      ['out/report.json', 'out/\nreport.json', null],
    ]);
  });

  it('a path that ends a line in plain words ends there', () => {
    assert.deepEqual(paths('Edited src/a.ts\nindex.md next.\n'), ['src/a.ts', 'index.md']);
  });
});

describe('extractFiles: unlisted extensions with a line number', () => {
  it('name.ext:LINE with a short lowercase extension is a breadcrumb, bare or in a folder', () => {
    const text = 'Fails in scanner.mll:88, grammar.mly:12, defs.bzl:3 and infra/net.tf:40:7 (see ops/app.bicep:9).\n';
    assert.deepEqual(files(text).map((f) => [f.path, f.line, f.column]), [
      ['scanner.mll', 88, null], ['grammar.mly', 12, null], ['defs.bzl', 3, null], ['infra/net.tf', 40, 7], ['ops/app.bicep', 9, null],
    ]);
  });

  it('without a line, or as a host and port, or a receiver and member, it stays out', () => {
    const text = 'Edit scanner.mll, `grammar.mly` and infra/x.bicep; reach cache.internal:6379, db.local:5432, ' +
      'api.example.io:443 and 0.0.0.0:8080; self.opts:3 is code.\n';
    assert.deepEqual(paths(text), []);
  });
});
