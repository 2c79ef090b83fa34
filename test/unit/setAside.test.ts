// A rename to a backup's name retires a file (facts/setAside.ts): the names that say so, and the ones that do not.
import { strict as assert } from 'node:assert';
import { isSetAside } from '../../src/core/facts/setAside';

describe('set-aside renames: a backup name retires the file', () => {
  it('a backup mark after the name or before its extension, in the same folder', () => {
    for (const [from, to] of [['backend/council.py', 'backend/council.py.bak'], ['app.ts', 'app.old.ts'], ['run.sh', 'run.sh.disabled'],
      ['src/x.ts', 'src/x.ts~'], ['a/b.json', 'a/b.json.orig'], ['main.go', 'main_old.go'], ['cfg.yml', 'cfg.yml.bak2'], ['lib/core.rs', 'lib/core-backup.rs']]) {
      assert.equal(isSetAside(from, to), true, `${from} → ${to}`);
    }
  });

  it('not a move to another folder, another name, or a new version', () => {
    for (const [from, to] of [['backend/council.py', 'archive/council.py.bak'], ['reports.py', 'report_builder.py'], ['app.ts', 'app2.ts'],
      ['api.ts', 'api.v2.ts'], ['old.ts', 'new.ts'], ['Makefile', 'Makefile.am'], ['notes', 'notes.md']]) {
      assert.equal(isSetAside(from, to), false, `${from} → ${to}`);
    }
  });
});
