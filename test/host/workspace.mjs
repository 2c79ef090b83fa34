// The workspace the real VS Code opens for extension-host tests, smoke screenshots and `npm start`:
// the shared git fixture (test/fixtures/gitFixture.ts: a real repository with a bare origin,
// pushed and unpushed commits, an amended commit, a moved file) plus a HANDOFF.md that cites
// each of those situations, so every later extension feature has something real to show.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './paths.mjs';

export const GIT_FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'gitFixture.ts');

/** The demo handoff: phases, breadcrumbs and commits chosen to hit each git situation. */
export function demoHandoff(fx) {
  const short = (sha) => sha.slice(0, 7);
  return `# Handoff: fixture project

Session handoff for the parser and config work. Resume from Phase 3.

## Phase 1: Parser (done)

- Added the parser in ${short(fx.shas.parser)} (tagged ${fx.tag.name}), see \`src/parser.ts:12\`.
- Moved the helper: \`${fx.renamed.from}:4\` (moved in ${short(fx.renamed.sha)}).

## Phase 2: Config loader (done)

- First version in ${short(fx.shas.amendedOld)}, amended before pushing.
- Config lives in \`src/config.ts:3\`.

## Phase 3: Experiment (in progress)

- [x] Local experiment committed in ${short(fx.shas.unpushed)} (not pushed yet).
- [ ] Resume: wire the widget from \`src/widget.ts:5\` into \`src/app.ts:30\`.
- [ ] Check commit ${fx.absentSha}, mentioned in review.
`;
}

/**
 * Builds a fresh fixture (in a new folder under TMPDIR) with HANDOFF.md in its work tree.
 * Returns { path, fixture, cleanup }.
 */
export async function makeWorkspace() {
  if (!existsSync(GIT_FIXTURE)) throw new Error(`${GIT_FIXTURE} is missing`);
  // The builder is TypeScript shared with the mocha tests; tsx loads it without a build step.
  const { tsImport } = await import('tsx/esm/api');
  const { buildGitFixture } = await tsImport(pathToFileURL(GIT_FIXTURE).href, import.meta.url);
  const fixture = buildGitFixture();
  fixture.writeHandoff(fixture.work, 'HANDOFF.md', demoHandoff(fixture));
  return { path: fixture.work, fixture, cleanup: () => fixture.cleanup() };
}

/**
 * A multi-root workspace: the fixture repository above plus a second folder, not a repository, whose handoffs
 * sit where only the default globs find them (`docs/handoffs/`, `NEXT_SESSION.md`) beside a Markdown file that
 * is not a handoff, and a `src/app.ts` of its own. Returns { path (the .code-workspace file), fixture, second, cleanup }.
 */
export async function makeMultiRootWorkspace() {
  const first = await makeWorkspace();
  const second = mkdtempSync(join(tmpdir(), 'handoff-second-root-'));
  mkdirSync(join(second, 'docs', 'handoffs'), { recursive: true });
  writeFileSync(join(second, 'docs', 'handoffs', 'week-2.md'), '# Week 2 handoff\n\n## Next steps\n\n1. Ship the exporter.\n2. ✅ Review the parser.\n');
  // Cites its own `src/app.ts` (the first folder has one too) and `src/parser.ts`, which only the first folder has:
  // backlinks count a breadcrumb within its own folder only.
  writeFileSync(join(second, 'NEXT_SESSION.md'), '# Next session\n\n- [ ] Read `docs/handoffs/week-2.md` first\n- [ ] Then wire `src/app.ts:2` to the parser (`src/parser.ts:12`)\n');
  mkdirSync(join(second, 'src'), { recursive: true });
  writeFileSync(join(second, 'src', 'app.ts'), 'export function main(): void {\n  run();\n}\n');
  writeFileSync(join(second, 'notes.md'), '# Notes\n\n- [ ] not a handoff\n');
  const file = join(second, 'handoffs.code-workspace');
  writeFileSync(file, JSON.stringify({ folders: [{ path: first.path }, { path: second }] }, null, 2));
  return {
    path: file,
    fixture: first.fixture,
    second,
    cleanup: () => {
      first.cleanup();
      rmSync(second, { recursive: true, force: true });
    },
  };
}
