// An open step whose every file the repository gained since the handoff ("Create `src/types/index.ts`") was most
// likely carried out, its box never ticked: a hint saying so, not a to-do in Problems. A step naming a file that was
// there already (only changed since), a step naming no file, and one naming a created file beside an older one stay
// to-dos. The digest and the open-steps tool for the next agent say the same. Over a real repository, through the CLI (JSON).
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HandoffTools } from '../../src/cli/handoffTools';
import { lintOutput as lint } from './support/cli';
import { scratchRepo } from '../fixtures/git/exec';

const HANDOFF = `# Handoff: the dashboard

## Next steps

- [ ] Create the stores in \`src/stores/portfolio.ts\` and \`src/stores/settings.ts\`
- [ ] Add a header bar to \`src/App.tsx\`
- [ ] Wire \`src/api/client.ts\` into \`src/App.tsx\`
- [ ] Write the onboarding wizard
- [ ] Document the sidecar in \`docs/sidecar.md\`
`;

interface JsonDiagnostic { code: string; severity: string; message: string; range: { start: { line: number } } }

describe('an open step whose files were created since the handoff', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'step-files-created-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is a hint ("created since this handoff: done, never ticked?"); steps naming older files, or none, stay to-dos', async () => {
    const { dir: repo, g, write } = scratchRepo(dir, 'dashboard');
    write('src/App.tsx', 'export const App = () => null;\n');
    write('HANDOFF.md', HANDOFF);
    g.commit(repo, 'App shell and its handoff');
    // The next session: the stores and the API client created, the app edited; the docs never written.
    write('src/stores/portfolio.ts', 'export const portfolio = {};\n');
    write('src/stores/settings.ts', 'export const settings = {};\n');
    write('src/api/client.ts', 'export const client = {};\n');
    write('src/App.tsx', 'export const App = () => "header";\n');
    g.commit(repo, 'Stores, API client, header bar');

    const json = JSON.parse(await lint(['--format', 'json', join(repo, 'HANDOFF.md')]));
    const steps = (json.documents[0].diagnostics as JsonDiagnostic[]).filter((d) => d.code === 'unchecked-step');
    assert.deepEqual(steps.map((d) => `${d.range.start.line + 1} ${d.severity}`), [
      '5 hint', // both its files created since
      '6 information', // App.tsx was there: changed since, but the step may be open still
      '7 information', // one file created, one older
      '8 information', // no file to tell by
      '9 information', // its file was never created
    ]);
    assert.match(steps[0]!.message, /^Open step: Create the stores in .* — src\/stores\/portfolio\.ts, src\/stores\/settings\.ts were created since this handoff: done, never ticked\?$/);

    // The digest for the next agent lists the step with the same doubt.
    const digest = JSON.parse(await lint(['digest', '--repo', repo, '--format', 'json'])) as { entries: Array<{ section: string; text: string }> };
    const listed = digest.entries.filter((e) => e.section === 'steps').map((e) => e.text);
    assert.equal(listed.length, 5, listed.join('\n'));
    assert.match(listed[0]!, /\(src\/stores\/portfolio\.ts, src\/stores\/settings\.ts were created since this handoff: done, never ticked\?\)$/);
    assert.ok(listed.slice(1).every((t) => !t.includes('created since')), listed.join('\n'));

    // So does the open-steps tool an agent calls (the MCP server's handoff_open_steps).
    const open = await new HandoffTools({ root: repo, git: true }).openSteps({ path: 'HANDOFF.md' });
    const toolLines = open.split('\n').filter((l) => l.startsWith('- '));
    assert.equal(toolLines.length, 5, open);
    assert.match(toolLines[0]!, /\(line 5, Next steps\) — src\/stores\/portfolio\.ts, src\/stores\/settings\.ts were created since this handoff: done, never ticked\?$/);
    assert.ok(toolLines.slice(1).every((l) => !l.includes('created since')), open);

    // Without git, nothing is known of what was created: every step is a to-do.
    const bare = JSON.parse(await lint(['--format', 'json', '--no-git', join(repo, 'HANDOFF.md')]));
    assert.deepEqual((bare.documents[0].diagnostics as JsonDiagnostic[]).filter((d) => d.code === 'unchecked-step').map((d) => d.severity), Array(5).fill('information'));
  });
});
