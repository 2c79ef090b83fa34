// New Handoff, the pure part: slugs and names, each section from plain facts, the template and its placeholders.
import { strict as assert } from 'node:assert';
import type { WorkingState } from '../../src/core/git';
import { composeHandoff, placeholderValues } from '../../src/core/newHandoff/compose';
import { code, relativePath, yamlValue } from '../../src/core/newHandoff/markdown';
import { previousHandoff } from '../../src/core/newHandoff/previous';
import { statusWords } from '../../src/core/newHandoff/sections';
import { checkSlug, handoffFileName, isIsoDate, isoDate, slugify, titleOfSlug } from '../../src/core/newHandoff/slug';
import { DEFAULT_TEMPLATE, PLACEHOLDERS, renderTemplate } from '../../src/core/newHandoff/template';
import type { NewHandoffInput } from '../../src/core/newHandoff/types';
import { createLanguageService } from '../../src/core/service';

const HEAD = 'c2db8bb2129076a7be212d6ce6658bb881749a35';
const LOCAL = '5aaf65c1aa5ffae76635dd15590be64443dc55e8';
const ANCHOR = 'ee9fe4c0000000000000000000000000000000aa';

function state(over: Partial<WorkingState> = {}): WorkingState {
  return {
    headSha: HEAD, headSubject: 'Bump the app', branch: 'main', upstream: 'origin/main', ahead: 2, behind: 1,
    changes: [{ code: '.M', path: 'src/app.ts', from: null }, { code: '??', path: 'notes.txt', from: null }], changesTotal: 2,
    unpushed: [{ sha: HEAD, subject: 'Bump the app' }, { sha: LOCAL, subject: 'Move old into lib' }], unpushedMore: false,
    changedSince: [{ code: 'M', path: 'src/app.ts', from: null }, { code: 'R', path: 'src/lib/old.ts', from: 'src/old.ts' }], changedSinceTotal: 2,
    ...over,
  };
}

function input(over: Partial<NewHandoffInput> = {}): NewHandoffInput {
  return {
    date: '2026-05-19', slug: 'parser-work', repository: 'app', git: state(), gitNote: null,
    previous: { link: '../../HANDOFF.md', name: 'HANDOFF.md', anchor: ANCHOR, steps: [{ marker: '[ ]', text: 'Wire `src/app.ts:2`.' }] },
    ...over,
  };
}

describe('new handoff: names', () => {
  it('makes a slug of whatever is typed, and refuses what leaves none', () => {
    assert.equal(slugify('Parser work!'), 'parser-work');
    assert.equal(slugify('  Écrire   la  Doc__v2 '), 'ecrire-la-doc-v2');
    assert.equal(slugify('feature/JIRA-12_login'), 'feature-jira-12-login');
    assert.equal(slugify('a'.repeat(80)), 'a'.repeat(60));
    assert.equal(slugify(`${'word-'.repeat(20)}end`).length <= 60, true);
    assert.equal(checkSlug('!!!').ok, false);
    assert.equal(checkSlug('   ').ok, false);
    assert.deepEqual(checkSlug('Fix the CLI'), { ok: true, slug: 'fix-the-cli' });
  });

  it('names the file by date and slug, and titles it', () => {
    assert.equal(handoffFileName('2026-05-19', 'parser-work'), '2026-05-19-parser-work.md');
    assert.equal(titleOfSlug('parser-work'), 'Parser work');
    assert.equal(isoDate(2026, 5, 9), '2026-05-09');
    assert.equal(isIsoDate('2026-05-09'), true);
    assert.equal(isIsoDate('2026-13-09'), false);
  });

  it('writes code spans, front-matter values and relative links that read back as written', () => {
    assert.equal(code('a.ts'), '`a.ts`');
    assert.equal(code('a`b'), '``a`b``');
    assert.equal(code('`x'), '`` `x ``');
    assert.equal(yamlValue('feature/x-1'), 'feature/x-1');
    assert.equal(yamlValue("it's: odd"), "'it''s: odd'");
    assert.equal(relativePath('/r/docs/handoffs', '/r/HANDOFF.md'), '../../HANDOFF.md');
    assert.equal(relativePath('/r/docs/handoffs', '/r/docs/handoffs/2026-01-01-x.md'), '2026-01-01-x.md');
    assert.equal(relativePath('/r/docs/handoffs', '/r/docs/other/x.md'), '../other/x.md');
  });
});

describe('new handoff: composition', () => {
  it('writes front matter, state, unpushed, uncommitted, changed since, carried over and an empty Resume point', () => {
    const text = composeHandoff(input());
    assert.equal(text, `---
date: 2026-05-19
git_commit: ${HEAD}
branch: main
repository: app
status: in_progress
---

# Handoff 2026-05-19: Parser work

## State at handoff

- Branch: \`main\` at HEAD \`c2db8bb\` — Bump the app
- Upstream: \`origin/main\`, 2 ahead, 1 behind

## Unpushed commits

On no remote-tracking branch yet, newest first:

- \`c2db8bb\` Bump the app
- \`5aaf65c\` Move old into lib

## Uncommitted changes

- \`src/app.ts\` (modified)
- \`notes.txt\` (new, untracked)

## Changed since the previous handoff

Since [HANDOFF.md](../../HANDOFF.md), written at commit \`ee9fe4c\`:

- \`src/app.ts\` (modified)
- \`src/old.ts\` → \`src/lib/old.ts\` (renamed)

## Open steps carried over

Still open in [HANDOFF.md](../../HANDOFF.md):

- [ ] Wire \`src/app.ts:2\`.

## Resume point

<!-- What the next session does first, as a checklist: "- [ ] …" -->
`);
  });

  it('says what it could not read instead of the facts (untrusted, no repository), and still carries the steps over', () => {
    const text = composeHandoff(input({ git: null, gitNote: 'the workspace is not trusted', repository: 'app' }));
    assert.match(text, /^---\ndate: 2026-05-19\nrepository: app\nstatus: in_progress\n---\n/);
    assert.doesNotMatch(text, /git_commit|branch:/);
    assert.match(text, /## State at handoff\n\n- Not read: the workspace is not trusted\.\n/);
    assert.match(text, /## Unpushed commits\n\nNot read: the workspace is not trusted\.\n/);
    assert.match(text, /## Changed since the previous handoff\n\nNot read: the workspace is not trusted\.\n/);
    assert.match(text, /- \[ \] Wire `src\/app.ts:2`\./);
  });

  it('words detached, unborn, upstream-less, remote-less and clean states', () => {
    const detached = placeholderValues(input({ git: state({ branch: null, upstream: null, ahead: null, behind: null }) }));
    assert.equal(detached.state, '- Detached HEAD at `c2db8bb` — Bump the app');
    assert.doesNotMatch(detached.frontMatter, /branch:/);
    const unborn = placeholderValues(input({ git: state({ headSha: null, headSubject: null, upstream: null, unpushed: [], changesTotal: 0, changes: [] }) }));
    assert.equal(unborn.state, '- Branch: `main`, no commit yet\n- Upstream: none (the branch tracks no remote branch)');
    assert.equal(unborn.uncommitted, 'None: the work tree is clean.');
    assert.equal(unborn.unpushed, 'None: every commit is on a remote.');
    const synced = placeholderValues(input({ git: state({ ahead: 0, behind: 0, headSubject: null }) }));
    assert.equal(synced.state, '- Branch: `main` at HEAD `c2db8bb`\n- Upstream: `origin/main`, in sync');
    assert.equal(placeholderValues(input({ git: state({ unpushed: null }) })).unpushed, 'No remote-tracking branch to compare with.');
  });

  it('counts what a bounded list leaves out', () => {
    const v = placeholderValues(input({ git: state({ changesTotal: 12, unpushedMore: true, changedSinceTotal: 5 }) }));
    assert.match(v.uncommitted, /\n- …and 10 more\.$/);
    assert.match(v.unpushed, /\n- …and more: only the newest 2 are listed\.$/);
    assert.match(v.changedSince, /\n- …and 3 more\.$/);
  });

  it('says what happened to each path in words, and what the work tree did since to a path changed since', () => {
    assert.deepEqual(['.M', 'M.', 'MM', 'A.', '.D', 'D.', 'R.', '??', 'UU', 'AA', '.T'].map(statusWords), [
      'modified', 'modified, staged', 'modified, partly staged', 'added, staged', 'deleted', 'deleted, staged', 'renamed, staged',
      'new, untracked', 'conflict, unmerged', 'conflict, unmerged', 'type changed',
    ]);
    const v = placeholderValues(input({
      git: state({
        changes: [{ code: '.D', path: 'src/added.ts', from: null }, { code: 'R.', path: 'src/new.ts', from: 'src/app.ts' }], changesTotal: 2,
        changedSince: [{ code: 'A', path: 'src/added.ts', from: null }, { code: 'M', path: 'src/app.ts', from: null }], changedSinceTotal: 2,
      }),
    }));
    assert.match(v.uncommitted, /^- `src\/added.ts` \(deleted\)\n- `src\/app.ts` → `src\/new.ts` \(renamed, staged\)$/);
    assert.match(v.changedSince, /- `src\/added.ts` \(deleted in the work tree; was added\)\n- `src\/app.ts` \(moved to `src\/new.ts` in the work tree; was modified\)$/);
  });

  it('words a previous handoff that is not committed, has no open steps, or changed nothing since', () => {
    const prev = input().previous!;
    assert.equal(placeholderValues(input({ previous: { ...prev, anchor: null } })).changedSince,
      '[HANDOFF.md](../../HANDOFF.md) is not committed: there is no commit to compare with.');
    assert.equal(placeholderValues(input({ previous: { ...prev, steps: [] } })).carriedOver, 'None: [HANDOFF.md](../../HANDOFF.md) has no open steps.');
    assert.equal(placeholderValues(input({ git: state({ changedSince: [], changedSinceTotal: 0 }) })).changedSince,
      'None since [HANDOFF.md](../../HANDOFF.md), written at commit `ee9fe4c`.');
    const none = placeholderValues(input({ previous: null }));
    assert.equal(none.changedSince, 'No previous handoff.');
    assert.equal(none.carriedOver, 'No previous handoff.');
    assert.equal(none.previous, 'none');
  });

  it('carries over exactly the steps unchecked-step reports, keeping blocked and in-progress markers', () => {
    const text = `# Plan\n\n## Next steps\n\n- [ ] One\n- [x] Done\n- [!] Blocked one\n- [~] Half\n1. Numbered\n\n## Acceptance criteria\n\n- [ ] Not work\n\n## Archive\n\n- [ ] Old\n`;
    const model = createLanguageService().getModel({ path: '/r/HANDOFF.md', version: 0, text });
    const prev = previousHandoff({ path: '/r/HANDOFF.md', model, facts: { anchor: { sha: ANCHOR, time: 0, subject: '', how: 'blob', newer: null } }, supersededBy: null }, '/r/docs/handoffs/2026-05-19-x.md');
    assert.deepEqual(prev, {
      link: '../../HANDOFF.md', name: 'HANDOFF.md', anchor: ANCHOR,
      steps: [{ marker: '[ ]', text: 'One' }, { marker: '[!]', text: 'Blocked one' }, { marker: '[~]', text: 'Half' }, { marker: '[ ]', text: 'Numbered' }],
    });
    const superseded = previousHandoff({ path: '/r/HANDOFF.md', model, facts: null, supersededBy: '/r/NEWER.md' }, '/r/x.md');
    assert.deepEqual(superseded.steps, []);
    assert.equal(superseded.anchor, null);
  });
});

describe('new handoff: template', () => {
  it('fills every placeholder the default template uses, documents each, and leaves unknown ones as written', () => {
    const used = [...DEFAULT_TEMPLATE.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
    for (const name of used) assert.ok(name in PLACEHOLDERS, name);
    const v = placeholderValues(input());
    assert.deepEqual(Object.keys(v).sort(), Object.keys(PLACEHOLDERS).sort());
    assert.equal(renderTemplate('{{ date }} {{slug}} {{nope}} {{head}}', v), `2026-05-19 parser-work {{nope}} ${HEAD}`);
  });

  it('writes a user template with the values in place', () => {
    const text = composeHandoff(input(), '# {{title}} ({{headShort}} on {{branch}}, {{upstream}})\n\nPrevious: {{previous}}\n\n{{carriedOver}}');
    assert.equal(text, '# Parser work (c2db8bb on main, origin/main)\n\nPrevious: [HANDOFF.md](../../HANDOFF.md)\n\nStill open in [HANDOFF.md](../../HANDOFF.md):\n\n- [ ] Wire `src/app.ts:2`.\n');
  });
});
