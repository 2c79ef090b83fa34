// Spec Kit's task lists restate their tasks in "Parallel Example" sections (agent launches naming the same files):
// a file gone since is reported at the task that names it, and its restatement there is a hint; a path only the
// example names is still reported. Over a real repository, through the CLI.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { scratchRepo } from '../fixtures/git/exec';
import { MAX_MESSAGE } from '../../src/core/rules/severity';

const TASKS = `# Tasks: Accounts

## Phase 3: User Story 1

- [X] T012 [P] [US1] Create the user model in \`src/models/user.py\`
- [X] T013 [P] [US1] Create the session model in \`src/models/session.py\`

## Parallel Example: User Story 1

\`\`\`bash
Task: "T012 Create the user model in src/models/user.py"
Task: "T013 Create the session model in src/models/session.py"
Task: "T014 Create the token model in src/models/token.py"
\`\`\`

### Parallel Opportunities

- T012 and T013 touch different files: \`src/models/user.py\`, \`src/models/session.py\`
`;

describe('parallel examples of a task list', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'parallel-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a gone file at its task; the example restating it gets a hint, a path only the example names a warning', async () => {
    const { dir: repo, g, write } = scratchRepo(dir, 'spec');
    for (const m of ['user', 'session', 'token']) write(`src/models/${m}.py`, `class ${m}: pass\n`);
    write('specs/001-accounts/tasks.md', TASKS);
    g.commit(repo, 'Accounts: tasks and models');
    g.run(repo, ['rm', '-q', 'src/models/user.py', 'src/models/session.py', 'src/models/token.py']);
    g.commit(repo, 'Models moved into one module');
    let out = '';
    await run(['--format', 'json', join(repo, 'specs/001-accounts/tasks.md')], (s) => { out += s; }, () => {});
    const found = (JSON.parse(out).documents[0].diagnostics as Array<{ code: string; severity: string; message: string; range: { start: { line: number } } }>)
      .filter((d) => d.code === 'missing-file')
      .map((d) => `${d.range.start.line + 1} ${d.severity}${/restated from line (\d+)/.exec(d.message)?.[0].replace('restated from line', ' ←') ?? ''}`);
    assert.deepEqual(found, [
      '5 warning', '6 warning', // the tasks
      '11 hint ← 5', '12 hint ← 6', // the example restating them
      '13 warning', // named by the example alone
      '18 hint ← 5', '18 hint ← 6', // "Parallel Opportunities" restating them too
    ]);
  });

  it('keeps a long restated message within the bound every message keeps', async () => {
    const { dir: repo, g, write } = scratchRepo(dir, 'long');
    const path = `src/${'deeply-nested-folder/'.repeat(7)}a-module-with-a-long-name.py`;
    write(path, 'x = 1\n');
    write('specs/001-x/tasks.md', `# Tasks\n\n- [X] T001 Create \`${path}\`\n\n## Parallel Example: User Story 1\n\nTask: "T001 Create ${path}"\n`);
    g.commit(repo, 'Tasks');
    g.run(repo, ['rm', '-q', path]);
    g.commit(repo, `Remove the module that an earlier refactor made redundant, with its tests and fixtures too`);
    let out = '';
    await run(['--format', 'json', join(repo, 'specs/001-x/tasks.md')], (s) => { out += s; }, () => {});
    const messages = (JSON.parse(out).documents[0].diagnostics as Array<{ code: string; severity: string; message: string }>).filter((d) => d.code === 'missing-file');
    assert.deepEqual(messages.map((d) => d.severity), ['warning', 'hint']);
    assert.ok(messages.every((d) => d.message.length <= MAX_MESSAGE), messages.map((d) => d.message.length).join(', '));
    assert.match(messages[1]!.message, /… \(restated from line 3\)$/);
  });
});
