// What a handoff's own words say of the files it names: the qualifier (planned, removed, renamed, struck,
// elsewhere) read from the breadcrumb's clause, and the folder hint of a bare name. All text is synthetic.
import { strict as assert } from 'node:assert';
import { parseDocument } from '../../src/core/parse/parseDocument';
import { extractFiles } from '../../src/core/extract/files';

/** `path → qualifier` (or `-`) for every breadcrumb of `text`, in order. */
function qualifiers(text: string): string[] {
  return extractFiles(parseDocument(text), { path: 'HANDOFF.md' }).map((f) => `${f.path} ${f.qualifier ?? '-'}`);
}

/** `path → folder hint` (or `-`) for every breadcrumb of `text`, in order. */
function hints(text: string): string[] {
  return extractFiles(parseDocument(text), { path: 'HANDOFF.md' }).map((f) => `${f.path} ${f.folderHint ?? '-'}`);
}

describe('file qualifiers', () => {
  it('planned: will create, to be added, (new), new file, Create x, TODO: add, planned/proposed, a New status cell', () => {
    const text = [
      '- We will create `src/cache/lru.ts` next session.',
      '- `docs/runbook.md` is to be added later.',
      '- lib/queue/worker.py (new)',
      '- Tests go in a new file `tests/test_queue.py`.',
      '- **Files:** Create `web/static/chart.html`; modify `web/src/app.ts`.',
      '- TODO: add `scripts/seed_db.sh`',
      '- The proposed `docs/adr/0007-cache.md` covers it.',
      '',
      '| File | Status |', '|---|---|', '| `api/limits.py` | New |', '| `api/quota.py` | modified |', '',
    ].join('\n');
    assert.deepEqual(qualifiers(text), [
      'src/cache/lru.ts planned', 'docs/runbook.md planned', 'lib/queue/worker.py planned', 'tests/test_queue.py planned',
      'web/static/chart.html planned', 'web/src/app.ts -', 'scripts/seed_db.sh planned', 'docs/adr/0007-cache.md planned',
      'api/limits.py planned', 'api/quota.py -',
    ]);
  });

  it('removed: deleted, [removed], (deleted), delete x, dropped, retired, gone, no longer exists, D status, diff-stat, rm', () => {
    const text = [
      '- Deleted stale files: `old/a_util.py`, `old/b_util.py`',
      '- `tools/legacy.sh` [removed]',
      '- conf/extra.yaml (deleted)',
      '- Then delete `tmp/scratch.md` before merging.',
      '- `patches/fix-17.patch` was dropped (dead content)',
      '- `bin/deploy-v1.sh` retired; `bin/deploy.sh` replaces it.',
      '- `notes/todo.txt` is gone',
      '- `cfg/old.toml` no longer exists.',
      '',
      '| Path | Git |', '|---|---|', '| `src/shim.ts` | D |', '| `src/core.ts` | M |', '',
      '```', 'src/models/session.py            |  212 ------', 'src/models/user.py               |   14 ++--', 'rm -f build/cache.json', '```', '',
    ].join('\n');
    assert.deepEqual(qualifiers(text), [
      'old/a_util.py removed', 'old/b_util.py removed', 'tools/legacy.sh removed', 'conf/extra.yaml removed',
      'tmp/scratch.md removed', 'patches/fix-17.patch removed', 'bin/deploy-v1.sh removed', 'bin/deploy.sh -',
      'notes/todo.txt removed', 'cfg/old.toml removed', 'src/shim.ts removed', 'src/core.ts -',
      'src/models/session.py removed', 'src/models/user.py -', 'build/cache.json removed',
    ]);
  });

  it('renamed: the left side of an arrow, renamed/moved to, git mv; the right side gets nothing', () => {
    const text = [
      '1. Renamed `agents/review.md` → `agents/rules-review.md`',
      '2. fixed the reference from docs/a_guide.md -> docs/b_guide.md',
      '3. `lib/util.ts` was moved to `lib/shared/`',
      '4. git mv scripts/run.sh scripts/start.sh',
      '',
    ].join('\n');
    assert.deepEqual(qualifiers(text), [
      'agents/review.md renamed', 'agents/rules-review.md -', 'docs/a_guide.md renamed', 'docs/b_guide.md -',
      'lib/util.ts renamed', 'scripts/run.sh renamed', 'scripts/start.sh -',
    ]);
  });

  it('struck: inside ~~…~~', () => {
    assert.deepEqual(qualifiers('- ~~Update `docs/setup.md`~~ superseded; see `docs/install.md`.\n'), [
      'docs/setup.md struck', 'docs/install.md -',
    ]);
  });

  it('elsewhere: another repo, a branch, a pending PR, upstream, a submodule, memory, ~/, a server, untracked', () => {
    const text = [
      '- `migrations/004-split.md` in the tools-core repo',
      '- The spec `docs/spec-v2.md` on the `feat/spec-v2` branch',
      '- `api/auth.py` in PR #12, pending review',
      '- `vendor/lib/parse.c` (submodule)',
      '- Details in memory `project_state_notes.md`.',
      '- `deploy/prod.yaml` on the server only',
      '- `data/raw_dump.csv` is untracked',
      '- `third_party/zlib/zconf.h` lives upstream',
      '',
    ].join('\n');
    assert.deepEqual(qualifiers(text), [
      'migrations/004-split.md elsewhere', 'docs/spec-v2.md elsewhere', 'api/auth.py elsewhere', 'vendor/lib/parse.c elsewhere',
      'project_state_notes.md elsewhere', 'deploy/prod.yaml elsewhere', 'data/raw_dump.csv elsewhere', 'third_party/zlib/zconf.h elsewhere',
    ]);
  });

  it('no qualifier from words that govern something else, negations, flows, or the next line', () => {
    const text = [
      '- Removed the import of `utils/fmt.py` from `cli/main.py`.',
      '- `keep/notes.md` was not deleted.',
      '- Reading order: `START.md` → `GUIDE.md` → `FAQ.md`',
      '- `api/memory.py` memory endpoints stay as they are.',
      '- Removed `{% include "parts/row.html" %}` from the template',
      '- **Step 1: Write the test** — mirror `tests/test_base.py` for it',
      'agents/old_role.md    (deleted)',
      'agents/new_role.md',
      '',
    ].join('\n');
    assert.deepEqual(qualifiers(text), [
      'utils/fmt.py -', 'cli/main.py -', 'keep/notes.md -', 'START.md -', 'GUIDE.md -', 'FAQ.md -', 'api/memory.py -',
      'parts/row.html -', 'tests/test_base.py -', 'agents/old_role.md removed', 'agents/new_role.md -',
    ]);
  });

  // A plan that deletes files says so once, in its task, and names them again in its file list, its checks and its
  // reasons: each of those mentions was a missing-file warning once the plan ran (a GSD plan: 60 of them).
  it('a file said removed once is so wherever the document names the same path; a renamed one only where said', () => {
    const text = [
      '**Files:** tmpl/setup.py, tmpl/setup.cfg, tmpl/pyproject.toml',
      '',
      '1. Delete `tmpl/setup.py` (its metadata moves to the pyproject).',
      '2. Renamed `tmpl/setup.cfg` to `tmpl/legacy.cfg`.',
      '',
      '```sh',
      '! test -e tmpl/setup.py && test -e tmpl/pyproject.toml',
      '```',
      '- Why: `./tmpl/setup.py` imported the package; `other/setup.py` stays; see `tmpl/setup.cfg`.',
      '',
    ].join('\n');
    assert.deepEqual(qualifiers(text), [
      'tmpl/setup.py removed', 'tmpl/setup.cfg -', 'tmpl/pyproject.toml -',
      'tmpl/setup.py removed', 'tmpl/setup.cfg renamed', 'tmpl/legacy.cfg -',
      'tmpl/setup.py removed', 'tmpl/pyproject.toml -',
      './tmpl/setup.py removed', 'other/setup.py -', 'tmpl/setup.cfg -',
    ]);
  });
});

describe('folder hints of bare names', () => {
  it('a folder named in the same clause, before ("in x/") or after ("(under x)")', () => {
    const text = 'In `api/app/`, `config.py` and `main.py` changed. Also `settings.py` (under `gateway/app`) and routes.py in web/src/.\n';
    assert.deepEqual(hints(text), ['config.py api/app', 'main.py api/app', 'settings.py gateway/app', 'routes.py web/src']);
    assert.deepEqual(hints('Each holds brief.md and `notes.md` in plans/ folders.\n'), ['brief.md plans', 'notes.md plans']);
  });

  it('a tree diagram, drawn or indented', () => {
    const drawn = '```\ndeploy/stack/\n├── grafana/\n│   ├── datasources.yaml\n│   └── +page.svelte\n└── compose.yml\n```\n';
    assert.deepEqual(hints(drawn), ['datasources.yaml deploy/stack/grafana', '+page.svelte deploy/stack/grafana', 'compose.yml deploy/stack']);
    const indented = '```\napi/\n  app/\n    config.py\n  main.py\n```\n';
    assert.deepEqual(hints(indented), ['config.py api/app', 'main.py api']);
  });

  it('a list whose parent items are folders, or whose lead line names one', () => {
    const nested = '- `api/`\n  - `app/`\n    - config.py\n  - main.py\n- top.py\n';
    assert.deepEqual(hints(nested), ['config.py api/app', 'main.py api', 'top.py -']);
    const lead = 'Files in `svc/core/`:\n\n- engine.py\n- `lib/x_util.py`\n';
    assert.deepEqual(hints(lead), ['engine.py svc/core', 'lib/x_util.py -']);
  });

  it('a bold lead line, and a brace list earlier in the section (the heading included), not in the next section', () => {
    const text = '### Routes\n\n**New routes under `web/src/routes/jobs/`:**\n- `+page.svelte` — list\n\n' +
      '### 3.2 Worker — `svc/app/jobs/{runner,queue,state}.py`\n\nPattern first.\n\n- `state.py` — model\n\n### Next\n\n- `state.py` again\n';
    assert.deepEqual(hints(text), ['+page.svelte web/src/routes/jobs', 'state.py svc/app/jobs', 'state.py -']);
  });

  it('a diff-stat block is no tree', () => {
    assert.deepEqual(hints('```\nREADME.md   |  4 +--\ntodo.json   | 51 +\n```\n'), ['README.md -', 'todo.json -']);
  });

  it('no hint from a file, an outside folder, or another sentence', () => {
    const text = 'In `app/models.py`, `helpers.py` is used. Look in ~/notes/ for todo.md. In `web/`. Then `index.ts` too.\n';
    assert.deepEqual(hints(text), ['app/models.py -', 'helpers.py -', 'todo.md -', 'index.ts -']);
  });
});

// Not timed (a timing on a loaded machine proves nothing; speed is npm run bench's): the hints themselves are checked.
describe('folder hints on hostile nesting', () => {
  it('a thousand-deep folder list or tree: every file found, its hint the folders above it, cut short', function () {
    this.timeout(120_000); // parsing is the slow part on a loaded machine
    const list = Array.from({ length: 1500 }, (_, i) => `${'  '.repeat(i)}- d${i}/\n${'  '.repeat(i + 1)}- f${i}.py`).join('\n') + '\n';
    const tree = '```\n' + Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i)}d${i}/\n${' '.repeat(i + 1)}f${i}.py`).join('\n') + '\n```\n';
    for (const text of [list, tree]) {
      const found = extractFiles(parseDocument(text), { path: '' });
      assert.deepEqual(found.map((f) => f.path), Array.from({ length: 1500 }, (_, i) => `f${i}.py`));
      assert.ok(found.every((f) => (f.folderHint ?? '').length <= 300));
    }
    // In the list, each file's hint is the folders it is nested in, as long as that stays short.
    const hints = extractFiles(parseDocument(list), { path: '' }).map((f) => f.folderHint);
    assert.deepEqual(hints.slice(0, 3), ['d0', 'd0/d1', 'd0/d1/d2']);
    assert.ok(hints.at(-1)!.startsWith('d0/d1/d2/d3/'));
  });
});
